"""English: the CPR guard – text holding a CPR number is not saved (`privacy.*`)."""

MESSAGES: dict[str, str] = {
    # A field error in a form (modal)
    "privacy.cpr_field": (
        "The text seems to contain a CPR number ({masked}). "
        "It must not be saved here – remove it and try again."
    ),
    # A private reply to a slash command, a shortcut or a direct message
    "privacy.cpr_not_saved": (
        "Your text seems to contain a CPR number ({masked}). "
        "CPR numbers must not be saved here, so nothing was saved. Remove the number and try again."
    ),
    # A private reply in the thread under a message in the test channel
    "privacy.cpr_edit_message": (
        "Your message seems to contain a CPR number ({masked}), so I have not saved it as a "
        "test result. Edit the message and remove the number – then I will save it. "
        "Please also consider removing the number from the channel altogether."
    ),
    # A reply in a sparring thread
    "privacy.cpr_reply": (
        "Your reply in the thread seems to contain a CPR number ({masked}), so I have not "
        "saved it with the question. Edit the message and remove the number."
    ),
    # tovholder guides import
    "privacy.cpr_import": (
        "The file seems to contain a CPR number ({masked}), so it was not imported. "
        "Remove the number and try again."
    ),
}
