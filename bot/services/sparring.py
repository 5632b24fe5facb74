"""Asking the network: a question reaches the ambassadors of the asker's area.

Routing follows the organisation: the asker's area (a superuser's daycare's area, or an
ambassador's own) decides who is mentioned, and the ambassadors who have tested the
question's tool (chosen in the modal, or named in the question) are added. An area without
an ambassador is a gap the network must see, so its questions go to every ambassador and the
coordinator instead, and the gap is stored for the pulse.

Before a question is sent, the asker sees up to three guides that may already answer it.
The question is then stored as a `draft`, and "Ask anyway" sends it: the move draft → open
is one UPDATE, so a double click sends it once. A question no guide matches is sent at
once. A question is stored once per request key, so a retried or double submission
creates one question.

A question the chat platform did not take when it was asked (an outage) is not lost: it is
queued as durable reminders (`queue_post`, `queue_copies`; a DM offer with `queue_offer`)
that the dispatcher sends as soon as the platform answers again, at any hour
(`bot.jobs.sparring_delivery` builds them). `delivered_at` says when it reached someone;
escalation counts from there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Literal

from bot.clock import Clock, utc_iso
from bot.domain.guides import Tool
from bot.domain.network import OrgSnapshot
from bot.domain.org import Person
from bot.domain.refs import MessageRef
from bot.domain.sparring import URGENCIES, Question, Routing, Suggestion, Urgency
from bot.reminders import sparring_delivery as delivery
from bot.services import reminders
from bot.services.commands import SPARRING_MINE
from bot.services.guides import list_tools
from bot.services.help import is_help_request
from bot.services.network import snapshot
from bot.services.permissions import Action, can
from bot.services.privacy import ensure_no_cpr
from bot.services.search import named_tool, search_guides
from bot.services.workspace_settings import current
from storage.db import Database
from storage.repositories import sparring as repo

QUESTION_MAX = 2000
#: How many guides "maybe one of these helps?" shows.
SUGGESTIONS_MAX = 3
#: A guide scoring below this share of the best hit matched only everyday words of the
#: question ("hvordan", "vi"): not worth holding the question back for.
SUGGESTION_SHARE = 0.2

#: First words that make a direct message read like a question (the rest ends with "?").
QUESTION_WORDS = frozenset(
    {
        "hvordan",
        "hvorfor",
        "hvad",
        "hvem",
        "hvor",
        "hvornår",
        "hvilken",
        "hvilket",
        "hvilke",
        "kan",
        "kender",
        "skal",
        "må",
        "how",
        "why",
        "what",
        "who",
        "where",
        "when",
        "which",
        "can",
        "could",
        "should",
        "does",
        "is",
        "are",
    }
)

#: `/sparring mine` (and these) lists the asker's questions instead of asking one.
LIST_WORDS = SPARRING_MINE

Hold = Literal["auto", "always", "never"]

#: A delivery that used up its attempts (the platform away longer than the backoff lasts) is
#: started again by the planning job, while the question is younger than this.
REDELIVER_FOR = timedelta(days=3)


class QuestionProblem(Exception):
    """The question cannot be asked as written; `key` is a catalogue key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def check_question(text: str) -> str:
    """The question as it will be stored; raises QuestionProblem for an empty or huge one,
    ContainsCpr for one with a CPR number (never stored, never posted)."""
    cleaned = text.strip()
    ensure_no_cpr(question=cleaned)
    if not cleaned:
        raise QuestionProblem("sparring.error.empty")
    if len(cleaned) > QUESTION_MAX:
        raise QuestionProblem("sparring.error.too_long", limit=QUESTION_MAX, length=len(cleaned))
    return cleaned


def looks_like_question(text: str) -> bool:
    """A direct message that reads like a question: it ends with "?" or starts with a
    question word. "hjælp"/"help" (and a lone "?") ask for the help instead."""
    cleaned = text.strip()
    if not cleaned or is_help_request(cleaned):
        return False
    if cleaned.rstrip(" !.").endswith("?"):
        return True
    first = re.split(r"[^\w]+", cleaned.casefold(), maxsplit=1)
    return bool(first) and first[0] in QUESTION_WORDS


def is_list_request(text: str) -> bool:
    return " ".join(text.casefold().split()) in LIST_WORDS


def as_urgency(value: object) -> Urgency:
    return "urgent" if value == "urgent" else "normal"


async def tool_choices(db: Database) -> list[Tool]:
    """The catalogue for the modal's tool menu, by name."""
    return sorted(await list_tools(db), key=lambda tool: tool.name.casefold())


async def suggestions_for(
    db: Database, text: str, *, exclude_guide: int | None = None
) -> tuple[Suggestion, ...]:
    """Up to three guides that may already answer `text`, best first."""
    hits = await search_guides(db, text, limit=SUGGESTIONS_MAX)
    if not hits:
        return ()
    floor = hits[0].score * SUGGESTION_SHARE
    return tuple(
        Suggestion(hit.guide_id, hit.title, hit.tool)
        for hit in hits
        if hit.score >= floor and hit.guide_id != exclude_guide
    )


async def ask(
    db: Database,
    clock: Clock,
    *,
    request_key: str,
    asker_id: int,
    text: str,
    tool_id: int | None,
    urgency: Urgency = "normal",
    private: bool = False,
    hold: Hold = "auto",
    exclude_guide: int | None = None,
) -> Routing:
    """Store the question and say where it goes; raises QuestionProblem for bad text.

    `hold`: "auto" keeps it as a draft when guides may answer it (`Routing.suggestions`),
    "always" keeps it as a draft anyway (a DM offered "ask the network?"), "never" sends it.
    A draft is sent with `send_draft`.
    """
    cleaned = check_question(text)
    if urgency not in URGENCIES:
        urgency = "normal"
    snap = await snapshot(db)
    asker = snap.person(asker_id)
    daycare = snap.daycare_of(asker)
    area = snap.home_area(asker) if asker else None
    if tool_id is None:  # "/sparring … med Bee-Bot?": the tool it names, for routing and FAQ
        tool_id = await named_tool(db, cleaned)
    tool = next((t for t in await list_tools(db) if t.id == tool_id), None)
    suggestions = (
        await suggestions_for(db, cleaned, exclude_guide=exclude_guide) if hold != "never" else ()
    )
    draft = hold == "always" or (hold == "auto" and bool(suggestions))
    question_id, _, created = await repo.insert_question(
        db,
        request_key=request_key,
        asker_id=asker_id,
        text=cleaned,
        area_id=area.id if area else None,
        daycare_id=daycare.id if daycare else None,
        tool_id=tool.id if tool else None,
        now=utc_iso(clock.now()),
        state="draft" if draft else "open",
        urgency=urgency,
        private=private,
        area_gap=area is not None and not snap.ambassadors_of(area),
    )
    question = await repo.get_question(db, question_id)
    assert question is not None
    routing = await _routing(db, snap, question, created=created)
    if question.state == "draft" and not suggestions:
        # Asked again (a retried command) while still a draft: show the same guides.
        suggestions = await suggestions_for(db, question.text, exclude_guide=exclude_guide)
    return Routing(
        question=routing.question,
        channel_id=routing.channel_id,
        recipients=routing.recipients,
        area_without_ambassador=routing.area_without_ambassador,
        created=created and question.state != "draft",
        testers=routing.testers,
        suggestions=suggestions if question.state == "draft" else (),
        coordinators=routing.coordinators,
    )


class NotYours(Exception):
    """Only the asker may do this with the question."""


async def send_draft(db: Database, clock: Clock, question_id: int, person: int) -> Routing | None:
    """ "Ask anyway": the draft becomes an open question, once. `created` is False for a
    second click (nothing new to post). None when there is no such question; NotYours when
    someone else clicks."""
    question = await repo.get_question(db, question_id)
    if question is None:
        return None
    if question.asker_id != person:
        raise NotYours(person)
    sent = await repo.send_draft(db, question_id, utc_iso(clock.now()))
    return await routing_for(db, question_id, created=sent)


async def routing_for(db: Database, question_id: int, *, created: bool = False) -> Routing | None:
    """Where a stored question goes, by the organisation as it is now (a post re-drawn after
    a claim names today's ambassadors)."""
    question = await repo.get_question(db, question_id)
    if question is None:
        return None
    return await _routing(db, await snapshot(db), question, created=created)


async def _routing(
    db: Database, snap: OrgSnapshot, question: Question, *, created: bool
) -> Routing:
    asker_id = question.asker_id
    area = question.area
    ambassadors = [p for p in snap.ambassadors_of(area) if p.id != asker_id] if area else []
    recipients = ambassadors or [
        p
        for p in snap.people
        if (p.has_role("ambassador") or p.has_role("coordinator")) and p.id != asker_id
    ]
    testers: list[Person] = []
    if question.tool is not None:
        chosen = {p.id for p in recipients}
        for tester_id in await repo.tester_ids(db, question.tool.id):
            person = snap.person(tester_id)
            if (
                person is not None
                and tester_id != asker_id
                and tester_id not in chosen
                and can(person, Action.RUN_TOOL_TESTS)
            ):
                testers.append(person)
                chosen.add(tester_id)
    return Routing(
        question=question,
        channel_id=(await current(db)).get("sparring_channel"),
        recipients=tuple(recipients + testers),
        area_without_ambassador=area is not None and not snap.ambassadors_of(area),
        created=created,
        testers=tuple(testers),
        coordinators=tuple(snap.coordinators()),
    )


async def record_post(
    db: Database, question_id: int, post: MessageRef, *, at: datetime | None = None
) -> None:
    """Where the question was posted, so its thread can be followed later; `at`: when,
    which is when it reached the ambassadors (escalation counts from there)."""
    await repo.set_post(db, question_id, post, utc_iso(at) if at else None)


# -- when the platform did not take it ----------------------------------------------------------


async def queue_post(db: Database, clock: Clock, question: Question) -> None:
    """The channel post waits for the platform; the asker is told when it is out. Once per
    question, however often it is queued."""
    await delivery.POST.queue(db, clock, question)


async def queue_copies(
    db: Database,
    clock: Clock,
    question: Question,
    people: Sequence[int],
    failed: tuple[str, str] | None,
) -> None:
    """The DM copies for `people` wait for the platform, one per person and question.
    `failed`: the channel that refused the question and why (the coordinator's copy says so)."""
    for person in people:
        await delivery.COPY.queue(db, clock, question, person, failed)


async def queue_offer(db: Database, clock: Clock, question: Question) -> None:
    """ "Skal jeg spørge netværket?" waits for the platform: the asker's DM that read like a
    question gets its answer (in their private conversation) when the platform answers again."""
    await delivery.OFFER.queue(db, clock, question)


async def copies_queued(db: Database, question_id: int) -> set[int]:
    """Who has a DM copy of the question in the queue (sent or not): not sent one again."""
    return await repo.queued_recipients(db, question_id, delivery.COPY.name)


async def mark_delivered(db: Database, clock: Clock, question_id: int) -> None:
    """The question reached someone now (the first time counts)."""
    await repo.set_delivered(db, question_id, utc_iso(clock.now()))


async def delivered_at(db: Database, question_id: int) -> str | None:
    """When the question reached someone, as recorded (None: not yet, or not known)."""
    return await repo.delivered_at(db, question_id)


async def delivery_waiting(db: Database, question_id: int) -> bool:
    """Whether the question's post or a DM copy still waits for the platform."""
    return await repo.waiting(db, question_id, (delivery.POST.name, delivery.COPY.name))


async def delivered_since(db: Database, question: Question) -> str | None:
    """When the question reached the ambassadors, for escalation; None while it waits for
    the platform. A queued DM copy records nothing when it is sent, so the first one sent is read
    (and kept). A question that never waited, or that nobody could be reached with, counts
    from when it was asked, as before."""
    stamp = await repo.delivered_at(db, question.id)
    if stamp is not None:
        return stamp
    first = await repo.first_sent(db, question.id, (delivery.COPY.name,))
    if first is not None:
        await repo.set_delivered(db, question.id, first)
        return first
    if await delivery_waiting(db, question.id):
        return None
    return question.created_at


async def redeliver_stalled(db: Database, clock: Clock) -> int:
    """Start again the deliveries that used up their attempts while the platform was away, for
    questions that still need them (see `REDELIVER_FOR`); returns how many."""
    ids = await repo.stalled(
        db,
        post=delivery.POST.name,
        copy=delivery.COPY.name,
        offer=delivery.OFFER.name,
        max_attempts=reminders.MAX_ATTEMPTS,
        since=utc_iso(clock.now() - REDELIVER_FOR),
    )
    started = 0
    for reminder_id in ids:
        started += await reminders.requeue(db, clock, reminder_id)
    return started


async def offer_for(db: Database, question_id: int) -> Routing | None:
    """A DM's question as it is offered to the network, with the guides that may answer it;
    None once it is no longer a draft (asked meanwhile) or gone."""
    routing = await routing_for(db, question_id)
    if routing is None or routing.question.state != "draft":
        return None
    return replace(routing, suggestions=await suggestions_for(db, routing.question.text))


async def get_question(db: Database, question_id: int) -> Question | None:
    """Every stored field, with the area, daycare and tool resolved."""
    return await repo.get_question(db, question_id)


async def open_questions(
    db: Database, *, asker: int | None = None, with_answered: bool = False
) -> list[Question]:
    """Questions waiting for an answer (state open), oldest first; of one asker when given.
    `with_answered` adds those answered but not yet marked solved by the asker."""
    states: tuple[Literal["open", "answered"], ...] = (
        ("open", "answered") if with_answered else ("open",)
    )
    return await repo.questions(db, states=states, asker=asker)


__all__ = [
    "QUESTION_MAX",
    "NotYours",
    "QuestionProblem",
    "ask",
    "check_question",
    "copies_queued",
    "delivered_at",
    "delivered_since",
    "delivery_waiting",
    "get_question",
    "is_list_request",
    "looks_like_question",
    "mark_delivered",
    "offer_for",
    "open_questions",
    "queue_copies",
    "queue_offer",
    "queue_post",
    "record_post",
    "redeliver_stalled",
    "routing_for",
    "send_draft",
    "tool_choices",
]
