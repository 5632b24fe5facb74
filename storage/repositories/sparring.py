"""SQL for sparring questions and the replies in their threads.

People are person ids (NULL: a former member); a message is stored as the platform's
reference (`platform`, `conversation_id`, `message_id`, and the post's `thread_id`).
"""

from __future__ import annotations

from typing import Any

from bot.domain.guides import Tool
from bot.domain.org import Area, Daycare
from bot.domain.refs import PLATFORMS, MessageRef, Platform
from bot.domain.sparring import Question, QuestionState, Reply, Urgency
from storage.db import Database

_SELECT = (
    "SELECT q.*, a.name AS area_name, d.name AS daycare_name, d.area_id AS daycare_area_id,"
    " t.name AS tool_name, t.category AS tool_category, t.status AS tool_status"
    " FROM sparring_questions q"
    " LEFT JOIN areas a ON a.id = q.area_id"
    " LEFT JOIN daycares d ON d.id = q.daycare_id"
    " LEFT JOIN tools t ON t.id = q.tool_id"
)


def _platform(value: str) -> Platform:
    for platform in PLATFORMS:
        if platform == value:
            return platform
    raise ValueError(f"unknown platform {value!r}")


def _post(row: Any) -> MessageRef | None:
    if row["conversation_id"] is None or row["message_id"] is None:
        return None
    return MessageRef(
        _platform(row["platform"]), row["conversation_id"], row["message_id"], row["thread_id"]
    )


def _question(row: Any) -> Question:
    state: QuestionState = row["state"]
    urgency: Urgency = row["urgency"]
    return Question(
        id=int(row["id"]),
        asker_id=row["asker_id"],
        text=row["question"],
        created_at=row["created_at"],
        area=Area(row["area_id"], row["area_name"]) if row["area_name"] is not None else None,
        daycare=(
            Daycare(row["daycare_id"], row["daycare_name"], row["daycare_area_id"])
            if row["daycare_name"] is not None
            else None
        ),
        tool=(
            Tool(row["tool_id"], row["tool_name"], row["tool_category"], row["tool_status"])
            if row["tool_name"] is not None
            else None
        ),
        state=state,
        urgency=urgency,
        private=bool(row["private"]),
        post=_post(row),
        claimed_by=row["claimed_by"],
        claimed_at=row["claimed_at"],
        first_reply_at=row["first_reply_at"],
        answered_at=row["answered_at"],
        answered_by=row["answered_by"],
        answer_text=row["answer_text"],
        answer_message_id=row["answer_message_id"],
        resolved_at=row["resolved_at"],
        faq_guide_id=row["faq_guide_id"],
        area_gap=bool(row["area_gap"]),
    )


# -- asking ----------------------------------------------------------------------------------


async def insert_question(
    db: Database,
    *,
    request_key: str,
    asker_id: int,
    text: str,
    area_id: int | None,
    daycare_id: int | None,
    tool_id: int | None,
    now: str,
    state: QuestionState = "open",
    urgency: Urgency = "normal",
    private: bool = False,
    area_gap: bool = False,
) -> tuple[int, str, bool]:
    """(id, created_at, created): the same `request_key` twice gives the first question."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO sparring_questions (request_key, asker_id, question,"
            " area_id, daycare_id, tool_id, created_at, state, urgency, private, area_gap)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                request_key,
                asker_id,
                text,
                area_id,
                daycare_id,
                tool_id,
                now,
                state,
                urgency,
                int(private),
                int(area_gap),
            ),
        )
        created = cursor.rowcount == 1
        async with conn.execute(
            "SELECT id, created_at FROM sparring_questions WHERE request_key = ?", (request_key,)
        ) as found:
            row = await found.fetchone()
    assert row is not None
    return int(row["id"]), str(row["created_at"]), created


async def send_draft(db: Database, question_id: int, now: str) -> bool:
    """Draft → open, once: True only for the call that moved it (a double click gets False)."""
    changed = await db.execute(
        "UPDATE sparring_questions SET state = 'open', created_at = ?"
        " WHERE id = ? AND state = 'draft'",
        (now, question_id),
    )
    return changed == 1


async def set_post(
    db: Database, question_id: int, post: MessageRef, delivered_at: str | None
) -> None:
    """Where the question was posted; `delivered_at` is kept when it was set before."""
    await db.execute(
        "UPDATE sparring_questions SET platform = ?, conversation_id = ?, message_id = ?,"
        " thread_id = ?, delivered_at = coalesce(delivered_at, ?) WHERE id = ?",
        (
            post.platform,
            post.conversation_id,
            post.message_id,
            post.thread_id,
            delivered_at,
            question_id,
        ),
    )


# -- delivery --------------------------------------------------------------------------------
# A question waiting for the platform is carried by reminders (`bot.services.sparring.POST`, `COPY`,
# `OFFER`) whose payload names it: these read them, so the reminders stay the one truth.


async def set_delivered(db: Database, question_id: int, at: str) -> None:
    """The first moment the question reached someone; a later one changes nothing."""
    await db.execute(
        "UPDATE sparring_questions SET delivered_at = coalesce(delivered_at, ?) WHERE id = ?",
        (at, question_id),
    )


async def delivered_at(db: Database, question_id: int) -> str | None:
    row = await db.fetchone(
        "SELECT delivered_at FROM sparring_questions WHERE id = ?", (question_id,)
    )
    return str(row["delivered_at"]) if row and row["delivered_at"] is not None else None


async def first_sent(db: Database, question_id: int, kinds: tuple[str, ...]) -> str | None:
    """When the first of the question's reminders of `kinds` was sent (None: none yet)."""
    marks = ", ".join("?" for _ in kinds)
    row = await db.fetchone(
        f"SELECT min(sent_at) AS first FROM reminders WHERE kind IN ({marks})"  # noqa: S608
        " AND state = 'sent' AND json_extract(payload, '$.question_id') = ?",
        (*kinds, question_id),
    )
    return str(row["first"]) if row and row["first"] is not None else None


async def waiting(db: Database, question_id: int, kinds: tuple[str, ...]) -> bool:
    """Whether one of the question's reminders of `kinds` is still to be sent."""
    marks = ", ".join("?" for _ in kinds)
    row = await db.fetchone(
        f"SELECT 1 FROM reminders WHERE kind IN ({marks})"  # noqa: S608
        " AND state IN ('pending', 'sending') AND json_extract(payload, '$.question_id') = ?"
        " LIMIT 1",
        (*kinds, question_id),
    )
    return row is not None


async def queued_recipients(db: Database, question_id: int, kind: str) -> set[int]:
    """Everyone a reminder of `kind` about the question was planned for, in any state."""
    rows = await db.fetchall(
        "SELECT recipient FROM reminders WHERE kind = ?"
        " AND json_extract(payload, '$.question_id') = ?",
        (kind, question_id),
    )
    return {int(row["recipient"]) for row in rows}


async def stalled(
    db: Database,
    *,
    post: str,
    copy: str,
    offer: str,
    max_attempts: int,
    since: str,
) -> list[int]:
    """Reminders carrying a question that ran out of attempts (the platform did not answer for
    longer than the backoff lasts) while the question still needs them: a post not made, a
    copy of an open question, an offer of a draft. Only questions asked since `since`."""
    rows = await db.fetchall(
        "SELECT r.id FROM reminders r"
        " JOIN sparring_questions q ON q.id = json_extract(r.payload, '$.question_id')"
        " WHERE r.state = 'failed' AND r.attempts >= :max AND q.created_at >= :since"
        " AND ((r.kind = :post AND q.state = 'open' AND q.delivered_at IS NULL)"
        " OR (r.kind = :copy AND q.state = 'open')"
        " OR (r.kind = :offer AND q.state = 'draft'))"
        " ORDER BY r.id",
        {"max": max_attempts, "since": since, "post": post, "copy": copy, "offer": offer},
    )
    return [int(row["id"]) for row in rows]


async def tester_ids(db: Database, tool_id: int) -> list[int]:
    """Everyone who has posted a test result for the tool (by person id; former members
    left out), first tester first."""
    rows = await db.fetchall(
        "SELECT author_id FROM test_results WHERE tool_id = ? AND author_id IS NOT NULL"
        " GROUP BY author_id ORDER BY min(created_at), author_id",
        (tool_id,),
    )
    return [int(row["author_id"]) for row in rows]


# -- reading ---------------------------------------------------------------------------------


async def get_question(db: Database, question_id: int) -> Question | None:
    row = await db.fetchone(_SELECT + " WHERE q.id = ?", (question_id,))
    return _question(row) if row else None


async def question_for_post(
    db: Database, platform: Platform, conversation_id: str, message_id: str
) -> Question | None:
    """The question whose post is that message (the first of a thread)."""
    row = await db.fetchone(
        _SELECT + " WHERE q.platform = ? AND q.conversation_id = ? AND q.message_id = ?",
        (platform, conversation_id, message_id),
    )
    return _question(row) if row else None


async def questions(
    db: Database, *, states: tuple[QuestionState, ...], asker: int | None = None
) -> list[Question]:
    """Questions in `states` (of one asker, when given), oldest first."""
    marks = ", ".join("?" for _ in states)
    rows = await db.fetchall(
        _SELECT + f" WHERE q.state IN ({marks}) AND (? IS NULL OR q.asker_id = ?)"
        " ORDER BY q.created_at, q.id",
        (*states, asker, asker),
    )
    return [_question(row) for row in rows]


async def questions_since(db: Database, since: str) -> list[Question]:
    """Every question asked (not a draft) at or after `since`, oldest first."""
    rows = await db.fetchall(
        _SELECT + " WHERE q.state != 'draft' AND q.created_at >= ? ORDER BY q.created_at, q.id",
        (since,),
    )
    return [_question(row) for row in rows]


# -- handling --------------------------------------------------------------------------------


async def claim(db: Database, question_id: int, person: int, now: str) -> bool:
    """One statement, so of two simultaneous claims exactly one changes the row."""
    changed = await db.execute(
        "UPDATE sparring_questions SET claimed_by = ?, claimed_at = ?"
        " WHERE id = ? AND claimed_at IS NULL AND state = 'open'",
        (person, now, question_id),
    )
    return changed == 1


async def mark_answered(
    db: Database,
    question_id: int,
    *,
    by: int,
    text: str,
    answer_message_id: str | None,
    now: str,
) -> bool:
    """Open → answered, once; the answer also counts as a reply when none came before."""
    changed = await db.execute(
        "UPDATE sparring_questions SET state = 'answered', answered_at = ?, answered_by = ?,"
        " answer_text = ?, answer_message_id = ?, first_reply_at = coalesce(first_reply_at, ?)"
        " WHERE id = ? AND state = 'open'",
        (now, by, text, answer_message_id, now, question_id),
    )
    return changed == 1


async def set_answer_message(db: Database, question_id: int, message_id: str) -> None:
    await db.execute(
        "UPDATE sparring_questions SET answer_message_id = ? WHERE id = ?",
        (message_id, question_id),
    )


async def resolve(db: Database, question_id: int, asker: int, now: str) -> bool:
    changed = await db.execute(
        "UPDATE sparring_questions SET state = 'resolved', resolved_at = ?"
        " WHERE id = ? AND asker_id = ? AND state IN ('open', 'answered')",
        (now, question_id, asker),
    )
    return changed == 1


async def claim_faq(db: Database, question_id: int, guide_id: int) -> bool:
    """Reserve the FAQ save before the guide is written, so a double click saves once."""
    changed = await db.execute(
        "UPDATE sparring_questions SET faq_guide_id = ?"
        " WHERE id = ? AND faq_guide_id IS NULL AND answer_text IS NOT NULL",
        (guide_id, question_id),
    )
    return changed == 1


async def release_faq(db: Database, question_id: int) -> None:
    await db.execute(
        "UPDATE sparring_questions SET faq_guide_id = NULL WHERE id = ?", (question_id,)
    )


async def first_guide_of(db: Database, tool_id: int) -> int | None:
    """The tool's guide the FAQ goes to: its first (a tool nearly always has one)."""
    row = await db.fetchone(
        "SELECT id FROM guides WHERE tool_id = ? ORDER BY id LIMIT 1", (tool_id,)
    )
    return int(row["id"]) if row else None


# -- replies ---------------------------------------------------------------------------------


async def add_reply(
    db: Database,
    *,
    question_id: int,
    message: MessageRef,
    author_id: int,
    text: str,
    now: str,
    counts_as_reply: bool,
) -> bool:
    """Store the reply once per message; the first one from someone else than the asker
    sets `first_reply_at`. False when the message was stored before."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO sparring_replies (question_id, platform, conversation_id,"
            " message_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                question_id,
                message.platform,
                message.conversation_id,
                message.message_id,
                author_id,
                text,
                now,
            ),
        )
        if cursor.rowcount != 1:
            return False
        if counts_as_reply:
            await conn.execute(
                "UPDATE sparring_questions SET first_reply_at = ?"
                " WHERE id = ? AND first_reply_at IS NULL",
                (now, question_id),
            )
    return True


async def replies(db: Database, question_id: int) -> list[Reply]:
    """In the order they were written: a platform's message ids in a conversation grow with
    time (a number of seconds, or of milliseconds), whatever order their events came in."""
    rows = await db.fetchall(
        "SELECT r.question_id, r.platform, r.conversation_id, r.message_id, r.author_id,"
        " r.text, r.created_at, q.message_id AS thread_id"
        " FROM sparring_replies r JOIN sparring_questions q ON q.id = r.question_id"
        " WHERE r.question_id = ? ORDER BY CAST(r.message_id AS REAL), r.id",
        (question_id,),
    )
    return [
        Reply(
            question_id=int(row["question_id"]),
            message=MessageRef(
                _platform(row["platform"]),
                row["conversation_id"],
                row["message_id"],
                row["thread_id"],
            ),
            author_id=row["author_id"],
            text=row["text"],
            created_at=row["created_at"],
        )
        for row in rows
    ]


# -- export ----------------------------------------------------------------------------------


async def question_records(db: Database) -> list[dict[str, Any]]:
    rows = await db.fetchall(
        "SELECT id, asker_id, question, area_id, daycare_id, tool_id, state, urgency,"
        " private, area_gap, platform, conversation_id, message_id, thread_id, created_at,"
        " claimed_by, claimed_at, first_reply_at, answered_at, answered_by, answer_text,"
        " answer_message_id, resolved_at, faq_guide_id, delivered_at"
        " FROM sparring_questions ORDER BY id"
    )
    return [dict(row) for row in rows]


async def reply_records(db: Database) -> list[dict[str, Any]]:
    rows = await db.fetchall(
        "SELECT id, question_id, platform, conversation_id, message_id, author_id, text,"
        " created_at FROM sparring_replies ORDER BY id"
    )
    return [dict(row) for row in rows]
