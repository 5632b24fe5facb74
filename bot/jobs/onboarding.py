"""Welcome each new superuser once, and tell their area's ambassadors — durably.

`send_welcomes` (the scheduler's job of that name, every minute, and the settings modal
right after it gives someone the role) only *plans*: the welcome and the notes are durable
reminders (`bot.reminders.welcome`), sent by the dispatcher in working time, paced, each
retried from its row after a timeout, an outage or a restart, and the next run records a
sent welcome as `welcomed_at`.
"""

from __future__ import annotations

from bot.runtime import Services
from bot.services.onboarding import plan_welcomes


async def send_welcomes(services: Services) -> int:
    """Plan the welcomes and notes still to come and record the sent welcomes; returns how
    many reminders were new. The name is the scheduler's job name."""
    return await plan_welcomes(services.db, services.clock, services.settings.calendar)
