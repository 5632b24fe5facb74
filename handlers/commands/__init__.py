"""The command handlers, by the names the declared list (`bot.services.commands`) gives
them; `listeners` builds one listener per declared slash command."""

from __future__ import annotations

from bot.services.commands import COMMANDS
from handlers.commands import gdpr, pulse, sparring, tool_guide, tool_trial, tovholder, trainings
from handlers.commands.dispatch import CommandHandler, Listener, listener

HANDLERS: dict[str, CommandHandler] = {
    "tool_guide": tool_guide.tool_guide_command,
    "sparring": sparring.sparring_command,
    "sparring_mine": sparring.my_questions_command,
    "tool_test": tool_trial.running_command,
    "tool_test_start": tool_trial.start_command,
    "tool_test_result": tool_trial.result_command,
    "tool_test_summary": tool_trial.summary_command,
    "tool_test_train": trainings.train_command,
    "tool_test_trainings": trainings.trainings_command,
    "network": tovholder.network_command,
    "pulse": pulse.pulse_command,
    "settings": tovholder.settings_command,
    "my_data": gdpr.my_data_command,
    "gdpr": gdpr.gdpr_command,
    "help": tovholder.help_command,
}


def listeners() -> dict[str, Listener]:
    """Slash command (as the manifest names it) → its listener."""
    return {slash.command: listener(slash, HANDLERS) for slash in COMMANDS}
