"""Which Slack deliveries the bot has handled: Slack retries, and Bolt does not de-duplicate."""

from __future__ import annotations

from storage.db import Database


async def claim(db: Database, key: str, now: str) -> bool:
    """True the first time a key is seen, False for every repeat."""
    changed = await db.execute(
        "INSERT OR IGNORE INTO processed_events (key, seen_at) VALUES (?, ?)", (key, now)
    )
    return changed == 1


async def prune(db: Database, before: str) -> int:
    """Forget keys older than Slack's last retry could arrive, so the table stays small."""
    return await db.execute("DELETE FROM processed_events WHERE seen_at < ?", (before,))
