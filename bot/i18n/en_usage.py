"""English: how each command is typed (`usage.*`)."""

MESSAGES: dict[str, str] = {
    "usage.tool_guide": "/tool-guide [what you are looking for]",
    "usage.tool_guide_new": "/tool-guide new <tool>",
    "usage.sparring": "/sparring [your question]",
    "usage.sparring_mine": "/sparring mine",
    "usage.tool_test": "/tool-test [start | result]",
    "usage.tool_test_summary": "/tool-test summary [tool]",
    "usage.tool_test_train": "/tool-test train <tool>",
    "usage.tool_test_trainings": "/tool-test trainings",
    "usage.network": "/tovholder network [area | daycare]",
    "usage.pulse": "/tovholder pulse [area] [period]",
    "usage.pulse_export": "/tovholder pulse export [period] [md | csv | json]",
    "usage.my_settings": "/tovholder settings",
    "usage.my_settings_mine": "/tovholder settings mine",
    "usage.settings": "/tovholder settings",
    "usage.my_data": "/tovholder my-data",
    "usage.gdpr_erase": "/tovholder gdpr erase @person",
    "usage.gdpr_log": "/tovholder gdpr log",
    "usage.help": "/tovholder help [all]",
}
