"""Handling a sparring question: claim it, follow its thread, mark the answer, resolve it,
and leave the knowledge behind as FAQ in the tool's guide.

Every change of state is one conditional UPDATE, so two people clicking at the same moment,
a double click and a retried request change the question once: of two claims exactly one
wins, an answer is marked once, a question is resolved once, and a FAQ is saved once.
Ambassadors and the coordinator claim, answer and save FAQ; only the asker resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.clock import Clock, utc_iso
from bot.domain.guides import GuideDetail, GuideDraft
from bot.domain.refs import MessageRef
from bot.domain.sparring import Question, Reply, add_faq_entry
from bot.errors import NotAllowed
from bot.services.guide_editor import BODY_MAX
from bot.services.guides import get_guide_by_id, save_guide
from bot.services.network import snapshot
from bot.services.permissions import Action, can
from bot.services.privacy import ensure_no_cpr
from storage.db import Database
from storage.repositories import sparring as repo

#: An answer typed in the form: the smallest limit of one text input among the platforms.
ANSWER_MAX = 3000


class Refused(Exception):
    """Nothing was changed; `key` (a catalogue key) says why, with `params`."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Outcome:
    """The question after the attempt, and whether this attempt changed it."""

    question: Question
    changed: bool


async def _allowed(db: Database, person_id: int, action: Action) -> None:
    snap = await snapshot(db)
    person = snap.person(person_id)
    if not can(person, action):
        raise NotAllowed(action)


async def _question(db: Database, question_id: int) -> Question:
    question = await repo.get_question(db, question_id)
    if question is None or question.state == "draft":
        raise Refused("sparring.gone")
    return question


# -- claim -----------------------------------------------------------------------------------


async def claim(db: Database, clock: Clock, question_id: int, person: int) -> Outcome:
    """ "I'll take it". `changed` False: someone was first (see `question.claimed_by`), the
    clicker had it already, or the question is answered or resolved."""
    await _allowed(db, person, Action.ANSWER_SPARRING)
    await _question(db, question_id)
    won = await repo.claim(db, question_id, person, utc_iso(clock.now()))
    return Outcome(await _question(db, question_id), won)


# -- answer ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerForm:
    question: Question
    #: The latest reply in the thread from someone other than the asker, to prefill.
    reply: Reply | None


async def answer_form(db: Database, question_id: int, person: int) -> AnswerForm:
    """What the "Answered" form starts from; Refused when the question is answered."""
    await _allowed(db, person, Action.ANSWER_SPARRING)
    question = await _question(db, question_id)
    if question.state != "open":
        raise Refused(f"sparring.already_{question.state}", who=question.answered_by)
    found = [
        reply
        for reply in await repo.replies(db, question_id)
        if (reply.author_id is None or reply.author_id != question.asker_id) and reply.text.strip()
    ]
    return AnswerForm(question, found[-1] if found else None)


def check_answer(text: str) -> str:
    """The answer as stored; Refused when empty or too long, ContainsCpr with a CPR number."""
    cleaned = text.strip()
    ensure_no_cpr(answer=cleaned)
    if not cleaned:
        raise Refused("sparring.answer_empty")
    if len(cleaned) > ANSWER_MAX:
        raise Refused("sparring.answer_too_long", limit=ANSWER_MAX, length=len(cleaned))
    return cleaned


async def mark_answered(
    db: Database,
    clock: Clock,
    question_id: int,
    person: int,
    text: str,
    *,
    reply: str | None = None,
) -> Outcome:
    """Mark the answer (a thread reply, `reply`: its message id, or typed in the form).
    `changed` False when it was answered before (a double submission, or another ambassador
    first)."""
    await _allowed(db, person, Action.ANSWER_SPARRING)
    cleaned = check_answer(text)
    await _question(db, question_id)
    marked = await repo.mark_answered(
        db,
        question_id,
        by=person,
        text=cleaned,
        answer_message_id=reply,
        now=utc_iso(clock.now()),
    )
    return Outcome(await _question(db, question_id), marked)


async def record_answer_post(db: Database, question_id: int, message_id: str) -> None:
    """A typed answer was posted in the thread by the bot: that message is the answer."""
    await repo.set_answer_message(db, question_id, message_id)


# -- resolve ---------------------------------------------------------------------------------


async def resolve(db: Database, clock: Clock, question_id: int, person: int) -> Outcome:
    """The asker says it is solved; Refused for anyone else."""
    question = await _question(db, question_id)
    if question.asker_id != person:
        raise Refused("sparring.resolve_not_yours", asker=question.asker_id)
    done = await repo.resolve(db, question_id, person, utc_iso(clock.now()))
    return Outcome(await _question(db, question_id), done)


# -- thread replies --------------------------------------------------------------------------


async def record_reply(
    db: Database,
    clock: Clock,
    *,
    message: MessageRef,
    author: int,
    text: str,
) -> bool:
    """A reply in a question's thread (`message.thread_id`: the post) is linked to it (once
    per message); the first reply from someone other than the asker starts the clock's
    "first reply". False when the message is no reply, the thread is not a question's, or
    the message was stored before. ContainsCpr (nothing stored) when the reply holds a CPR
    number."""
    thread = message.thread_id
    if thread is None or thread == message.message_id:
        return False
    question = await repo.question_for_post(db, message.platform, message.conversation_id, thread)
    if question is None:
        return False
    ensure_no_cpr(text=text)
    return await repo.add_reply(
        db,
        question_id=question.id,
        message=message,
        author_id=author,
        text=text,
        now=utc_iso(clock.now()),
        counts_as_reply=author != question.asker_id,
    )


async def in_question_thread(db: Database, message: MessageRef) -> bool:
    """Whether the message is a reply in the thread of a question's post."""
    thread = message.thread_id
    if thread is None or thread == message.message_id:
        return False
    found = await repo.question_for_post(db, message.platform, message.conversation_id, thread)
    return found is not None


async def thread_replies(db: Database, question_id: int) -> list[Reply]:
    return await repo.replies(db, question_id)


# -- Save as FAQ -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FaqSaved:
    question: Question
    guide: GuideDetail
    #: False when it was saved before (a double click): the guide is as it was.
    changed: bool


async def save_as_faq(
    db: Database, clock: Clock, question_id: int, person: int, *, heading: str
) -> FaqSaved:
    """Add the question and its answer to the tool's guide as a new version, under
    `heading` ("Spørgsmål og svar"), edited by `person`. Refused without an answer, a
    tool or a guide for it."""
    await _allowed(db, person, Action.WRITE_GUIDES)
    question = await _question(db, question_id)
    if question.answer_text is None:
        raise Refused("sparring.faq_not_answered")
    if question.faq_guide_id is not None:
        saved = await get_guide_by_id(db, question.faq_guide_id)
        if saved is not None:
            return FaqSaved(question, saved, changed=False)
    if question.tool is None:
        raise Refused("sparring.faq_no_tool")
    guide_id = await repo.first_guide_of(db, question.tool.id)
    detail = await get_guide_by_id(db, guide_id) if guide_id is not None else None
    if detail is None:
        raise Refused("sparring.faq_no_guide", tool=question.tool.name)
    content = detail.current.content
    body = add_faq_entry(content.body, heading, question.text, question.answer_text)
    if len(body) > BODY_MAX:
        raise Refused("sparring.faq_too_long", guide=content.title)
    if not await repo.claim_faq(db, question_id, detail.guide.id):
        # Someone saved it a moment ago.
        return FaqSaved(await _question(db, question_id), detail, changed=False)
    draft = GuideDraft(
        slug=detail.guide.slug,
        tool=detail.tool.name,
        content=replace(content, body=body),
        owner_email=detail.owner_email,
        verify_days=detail.guide.verify_days,
    )
    try:
        await save_guide(db, clock, draft, editor=person)
    except BaseException:
        await repo.release_faq(db, question_id)
        raise
    updated = await get_guide_by_id(db, detail.guide.id)
    assert updated is not None
    return FaqSaved(await _question(db, question_id), updated, changed=True)
