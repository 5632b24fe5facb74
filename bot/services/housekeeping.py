"""Recurring upkeep that keeps the database small."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import Clock, utc_iso
from storage.db import Database
from storage.repositories import events

#: Slack's last retry comes 5 minutes after the first delivery; a day is a wide margin.
KEEP_PROCESSED_EVENTS = timedelta(days=1)


async def prune_processed_events(db: Database, clock: Clock) -> int:
    return await events.prune(db, utc_iso(clock.now() - KEEP_PROCESSED_EVENTS))
