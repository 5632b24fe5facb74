"""Dansk: hvordan hver kommando skrives (`usage.*`)."""

MESSAGES: dict[str, str] = {
    # Sådan skrives hver kommando (hjælpen viser de danske ord; de engelske virker også)
    "usage.tool_guide": "/tool-guide [det du leder efter]",
    "usage.tool_guide_new": "/tool-guide ny <redskab>",
    "usage.sparring": "/sparring [dit spørgsmål]",
    "usage.sparring_mine": "/sparring mine",
    "usage.tool_test": "/tool-test [start | resultat]",
    "usage.tool_test_summary": "/tool-test opsummering [redskab]",
    "usage.tool_test_train": "/tool-test oplæring <redskab>",
    "usage.tool_test_trainings": "/tool-test oplæringer",
    "usage.network": "/tovholder netværk [område | dagtilbud]",
    "usage.pulse": "/tovholder puls [område] [periode]",
    "usage.pulse_export": "/tovholder puls eksport [periode] [md | csv | json]",
    "usage.my_settings": "/tovholder indstillinger",
    "usage.my_settings_mine": "/tovholder indstillinger mine",
    "usage.settings": "/tovholder indstillinger",
    "usage.my_data": "/tovholder mine-data",
    "usage.gdpr_erase": "/tovholder gdpr slet @person",
    "usage.gdpr_log": "/tovholder gdpr log",
    "usage.help": "/tovholder hjælp [alt]",
}
