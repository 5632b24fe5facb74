"""Tags on the bot's own messages, so a message whose fate is unknown is looked up, not
repeated.

No platform promises to post a message once: when the bot cannot know whether a post went
out — the process died between posting and recording it, the call timed out, the connection
dropped, the platform answered 5xx — posting again may say it twice, and not posting may
lose it. So a message that must go out once carries a `Tag` (the bot's own key: ids only,
never personal text), and before posting it again the bot looks for that tag among the
conversation's newest messages (`Messenger.tagged`). Found: it went out, record it. Not
found: post. The look-up failing for a passing reason (`passing`: an outage, a timeout, a
rate limit): post nothing now and try later. The platform refusing the look-up for good (a
missing permission, the bot not in the conversation): the caller posts anyway — at least
once, as before tags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.domain.refs import ConversationRef, MessageRef
from bot.ports import DeliveryFailed, Messenger, RateLimited, Tag, Temporary

#: The tag kinds of reminder DMs, of the weekly digest and of a sparring question's post.
REMINDER_EVENT = "tovholder_reminder"
DIGEST_EVENT = "tovholder_digest"
QUESTION_EVENT = "tovholder_sparring_question"


def reminder_tag(reminder_id: int, dedupe_key: str) -> Tag:
    """A reminder DM's tag: its row id and its dedupe key."""
    return Tag(REMINDER_EVENT, {"reminder_id": reminder_id, "dedupe_key": dedupe_key})


def batch_tag(reminder_ids: Sequence[int], day: str) -> Tag:
    """The morning list's tag: the ids of every reminder it carries (one comma-separated
    string: payload values are scalars) and the local day it is for."""
    return Tag(REMINDER_EVENT, {"reminder_ids": ",".join(str(i) for i in reminder_ids), "day": day})


def digest_tag(period: str, channel_id: str) -> Tag:
    """The weekly digest's tag: the ISO week it looks back on and the channel it goes to."""
    return Tag(DIGEST_EVENT, {"period": period, "channel": channel_id})


def question_tag(question_id: int) -> Tag:
    """A sparring question's channel post."""
    return Tag(QUESTION_EVENT, {"question_id": question_id})


def passing(failure: DeliveryFailed) -> bool:
    """A look-up that failed for now (look again later, post nothing blindly), not for good."""
    return isinstance(failure, Temporary | RateLimited)


async def find_tagged(
    messenger: Messenger, where: ConversationRef, kind: str, key: str, value: str | int
) -> MessageRef | None:
    """The newest message in `where` tagged `kind` with `payload[key] == value`; None when
    there is none. Raises `DeliveryFailed` when the conversation cannot be read."""
    wanted = str(value)
    async for found in messenger.tagged(where, kind):
        if found.payload.get(key) == wanted:
            return found.ref
    return None


async def find_reminders(
    messenger: Messenger, where: ConversationRef, wanted: Mapping[int, str]
) -> set[int]:
    """Which of the reminders `wanted` (id → dedupe key) are among `where`'s newest
    messages: in a DM of their own (`reminder_tag`) or as a line of a morning list
    (`batch_tag`). One read of the history for all of them. Raises `DeliveryFailed` like
    `find_tagged`.

    A DM of its own is its reminder's by key, or by row id and kind: a key written before
    migration 0031 named people by the platform's id, so a post whose fate was unknown at
    the upgrade carries the old key."""
    keys = {key: rid for rid, key in wanted.items()}
    found: set[int] = set()
    async for tagged in messenger.tagged(where, REMINDER_EVENT):
        rid = keys.get(tagged.payload.get("dedupe_key", "")) or _same_row(tagged.payload, wanted)
        if rid is not None:
            found.add(rid)
        listed = tagged.payload.get("reminder_ids", "").split(",")
        found.update(rid for rid in wanted if str(rid) in listed)
        if len(found) == len(wanted):
            break
    return found


def _same_row(payload: Mapping[str, str], wanted: Mapping[int, str]) -> int | None:
    """The wanted reminder a single reminder's tag names by its row id and kind."""
    rid = payload.get("reminder_id", "")
    if not rid.isdigit() or int(rid) not in wanted:
        return None
    kind = wanted[int(rid)].split(":", 1)[0]
    return int(rid) if payload.get("dedupe_key", "").split(":", 1)[0] == kind else None
