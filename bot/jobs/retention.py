"""The retention rule as a recurring job: old sparring questions and test results' free texts
are anonymised (see `bot.services.gdpr.apply_retention`). Idempotent, so running it often —
or twice, or late after a restart — changes each row once."""

from __future__ import annotations

from bot.runtime import Services
from bot.services.gdpr import RetentionRun, apply_retention

#: "Daily", but every six hours: an interval job first runs one interval after start, and a
#: bot restarted every night would otherwise never reach it. A run with nothing to do is a
#: few counting queries.
RETENTION_SECONDS = 6 * 3600


async def run_retention(services: Services) -> RetentionRun:
    return await apply_retention(services.db, services.clock)
