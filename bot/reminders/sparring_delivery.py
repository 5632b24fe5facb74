"""A sparring question the chat platform did not take at once, waiting in the queue until it does
(`bot.services.sparring.queue_post`, `queue_copies`, `queue_offer`).

Not nudges: each goes out as soon as the platform answers again, at any hour (`anytime`),
on its own, and is not held by a nudge pause. Three kinds:

- `POST` — the question in the sparring channel; recipient: the asker, who is told once it
  is out. Key `sparring_post:<question>`.
- `COPY` — the question by DM to one ambassador (or the coordinator, saying which channel
  refused it). Key `sparring_copy:<question>:<person>`.
- `OFFER` — "Skal jeg spørge netværket?" to a DM that read like a question, saying why it
  comes late. Key `sparring_offer:<question>`.

Sent while the question is open (the offer: while it was not asked some other way).
Posting the question, and the copy's message, are the delivery job's
(`bot.jobs.sparring_delivery`), reached when due like every kind's services and views
(see `bot.reminders`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.sparring import Question, Routing
from bot.reminders.kind import Built, Payload, ReminderKind
from bot.services import reminders
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services


@dataclass(frozen=True)
class QuestionPayload(Payload):
    question_id: int


@dataclass(frozen=True)
class CopyPayload(Payload):
    question_id: int
    #: The channel that refused the question, and why (the coordinator's copy says so).
    failed_in: str | None = None
    error: str | None = None


async def _open(services: Services, question_id: int) -> Routing | None:
    from bot.services import sparring

    routing = await sparring.routing_for(services.db, question_id)
    return routing if routing is not None and routing.question.state == "open" else None


def _asker(question: Question) -> int:
    """Who a queued question's note goes to; a question just asked has its asker."""
    if question.asker_id is None:
        raise ValueError(f"question {question.id} has no asker")
    return question.asker_id


class Post(ReminderKind[QuestionPayload, Routing]):
    payload = QuestionPayload

    async def queue(self, db: Database, clock: Clock, question: Question) -> Reminder | None:
        """Once per question, however often it is queued."""
        return await self.plan(
            db,
            clock,
            reminders.ANYTIME,
            recipient=_asker(question),
            due=clock.now(),
            payload=QuestionPayload(question.id),
            key=self.key(question.id),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: QuestionPayload
    ) -> Routing | None:
        return await _open(services, payload.question_id)

    async def message(
        self, services: Services, reminder: Reminder, payload: QuestionPayload, found: Routing
    ) -> Built:
        """Posts the question (raising `NotAnswering` while the platform does not
        answer, which the dispatcher retries) and returns the asker's note that it is out."""
        from bot.jobs import sparring_delivery

        return await sparring_delivery.post_now(services, found, reminder.recipient)


class Copy(ReminderKind[CopyPayload, Routing]):
    payload = CopyPayload

    async def queue(
        self,
        db: Database,
        clock: Clock,
        question: Question,
        person: int,
        failed: tuple[str, str] | None,
    ) -> Reminder | None:
        """One per person and question."""
        failed_in, error = failed if failed else (None, None)
        return await self.plan(
            db,
            clock,
            reminders.ANYTIME,
            recipient=person,
            due=clock.now(),
            payload=CopyPayload(question.id, failed_in, error),
            key=self.key(question.id, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: CopyPayload
    ) -> Routing | None:
        return await _open(services, payload.question_id)

    async def message(
        self, services: Services, reminder: Reminder, payload: CopyPayload, found: Routing
    ) -> Built:
        from bot.jobs import sparring_delivery

        failed = (payload.failed_in, str(payload.error)) if payload.failed_in else None
        return await sparring_delivery.copy_message(services, found, reminder.recipient, failed)


class Offer(ReminderKind[QuestionPayload, Routing]):
    payload = QuestionPayload

    async def queue(self, db: Database, clock: Clock, question: Question) -> Reminder | None:
        """To the asker, in their private conversation with the bot (where they wrote)."""
        return await self.plan(
            db,
            clock,
            reminders.ANYTIME,
            recipient=_asker(question),
            due=clock.now(),
            payload=QuestionPayload(question.id),
            key=self.key(question.id),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: QuestionPayload
    ) -> Routing | None:
        from bot.services import sparring

        return await sparring.offer_for(services.db, payload.question_id)

    async def message(
        self, services: Services, reminder: Reminder, payload: QuestionPayload, found: Routing
    ) -> Built:
        from bot.views.sparring_handling import offer_message

        lang = await services.language.for_person(found.question.asker_id)
        return offer_message(lang, found, late=True)


POST = Post("sparring_post", nudge=False, anytime=True)
COPY = Copy("sparring_copy", nudge=False, anytime=True)
OFFER = Offer("sparring_offer", nudge=False, anytime=True)
