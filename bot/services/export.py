"""`tovholder export`: every record the bot holds, as one JSON document.

It serves backups, audits and GDPR access requests, so it is complete (ids and timestamps
included) and readable (UTF-8, indented). Each top-level section comes from one function in
`SECTIONS`: a later feature that stores something new adds its section there. Internal
bookkeeping (`processed_events`, `_migrations`) is left out — it describes the bot, not the
organisation.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from bot.clock import Clock, utc_iso
from storage.db import Database
from storage.repositories import (
    adoption,
    area_evaluations,
    gdpr,
    guides,
    org_sync,
    reminders,
    sparring,
    spreading,
    tool_tests,
    tools,
    trainings,
)

Section = tuple[str, Callable[[Database], Awaitable[Any]]]

SECTIONS: list[Section] = [
    ("areas", org_sync.area_records),
    ("daycares", org_sync.daycare_records),
    ("people", org_sync.people_records),
    ("settings", org_sync.settings_records),
    ("tools", tools.tool_records),
    ("tool_decisions", tools.decision_records),
    ("guides", guides.guide_records),
    ("sparring_questions", sparring.question_records),
    ("sparring_replies", sparring.reply_records),
    ("tool_tests", tool_tests.test_records),
    ("test_results", tool_tests.result_records),
    ("reminders", reminders.reminder_records),
    ("nudge_pauses", reminders.pause_records),
    ("area_evaluations", area_evaluations.evaluation_records),
    ("adoption", adoption.adoption_records),
    ("adoption_changes", adoption.change_records),
    ("spreading_rounds", spreading.round_records),
    ("spreading_targets", spreading.target_records),
    ("trainings", trainings.training_records),
    ("training_signups", trainings.signup_records),
    ("gdpr_log", gdpr.log_records),
]


async def export_document(db: Database, clock: Clock) -> dict[str, Any]:
    document: dict[str, Any] = {"exported_at": utc_iso(clock.now())}
    for name, build in SECTIONS:
        document[name] = await build(db)
    return document


def to_json(document: dict[str, Any]) -> str:
    """Danish letters stay letters (`ensure_ascii=False`), so the file reads as it is."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
