"""English: the help – `/tovholder help` and the help by role (`help.*`)."""

MESSAGES: dict[str, str] = {
    "help.header": "Tovholder – help",
    "help.intro": (
        "I am the network's coordinator bot: I help ambassadors, superusers, "
        "the coordinator and leadership keep the wheels turning."
    ),
    "help.commands": "**What you can ask me:**",
    "help.unknown": "I don't know that one: “{text}”. Here is what I can do:",
    "help.dm": "You can also write **help** to me in a direct message.",
    "help.fallback": "Tovholder – help: {commands}",
    "help.commands_all": "**Everything you can ask me:**",
    "help.see_all": "See everything you can use me for: `/tovholder help all`. You can also write **help** to me in a direct message.",
    "help.all_note": "These are all the commands. For the short list, type `/tovholder help`.",
    "help.all_note_more": "These are all the commands your roles give you. For the short list, type `/tovholder help`.",
    "help.settings_channels": "Choose the channels, and give or take roles.",
}
