"""Migration 0017_welcome_reminders.

Welcomes go through the durable reminders (bot/services/onboarding.py): `welcomed_at` is
written once the welcome was sent, and `welcome_key` names the reminder it was recorded
from, so someone who becomes a superuser again gets a new welcome. People already marked
welcomed keep their mark and are not welcomed again.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration("0017_welcome_reminders", ("ALTER TABLE people ADD COLUMN welcome_key TEXT",))
