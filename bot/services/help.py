"""What the bot can do, as the help shows it.

Only commands that work are listed: each capability adds its line here when it lands, so
the help never promises a stub.
"""

from __future__ import annotations

from dataclasses import dataclass

HELP_WORDS = frozenset({"help", "hjælp", "hjaelp", "?"})


@dataclass(frozen=True)
class CommandHelp:
    usage: str
    text_key: str


COMMANDS: tuple[CommandHelp, ...] = (
    CommandHelp("/tool-guide [det du leder efter]", "command.tool_guide"),
    CommandHelp("/tool-guide ny <redskab>", "command.tool_guide_new"),
    CommandHelp("/sparring [dit spørgsmål]", "command.sparring"),
    CommandHelp("/sparring mine", "command.sparring_mine"),
    CommandHelp("/tool-test [start | result]", "command.tool_test"),
    CommandHelp("/tool-test summary <redskab>", "command.tool_test_summary"),
    CommandHelp("/tool-test train <redskab>", "training.help_train"),
    CommandHelp("/tool-test trainings", "training.help_list"),
    CommandHelp("/tovholder network [område | dagtilbud]", "command.tovholder_network"),
    CommandHelp("/tovholder pulse [område] [periode]", "pulse.help"),
    CommandHelp("/tovholder pulse export [periode] [md | csv | json]", "pulse.help_export"),
    CommandHelp("/tovholder settings", "command.tovholder_settings"),
    CommandHelp("/tovholder my-data", "gdpr.help_my_data"),
    CommandHelp("/tovholder gdpr erase @person", "gdpr.help_erase"),
    CommandHelp("/tovholder gdpr log", "gdpr.help_log"),
    CommandHelp("/tovholder help", "command.tovholder_help"),
)


def is_help_request(text: str) -> bool:
    return text.strip().lower().rstrip("!.") in HELP_WORDS
