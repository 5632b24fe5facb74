"""What every reminder kind is: one object that knows its payload, its de-duplication key,
how it is planned, whether it still matters when due, and the message it builds.

A kind's module (one per kind, beside this one) defines its payload as a frozen dataclass,
builds its keys (the only place a key of that kind is written or read), plans its reminders
through `ReminderKind.plan` and decides, when one falls due, whether it still matters
(`still_due`) and what it says (`message`). `bot.reminders.registry` lists every kind once;
the dispatcher looks a due reminder's kind up there.

**Stored rows stay readable.** The payload is stored as the JSON object of the dataclass's
fields (`encode`), the same shape the planners wrote before kinds were objects, and read
back field by field (`decode`), so a database from before this module reads unchanged.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from abc import ABC, abstractmethod
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeAlias, TypeVar

from bot.clock import Clock
from bot.domain.reminders import SNOOZE_MARK, Reminder
from bot.services import reminders
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services
    from bot.views.model import Message

#: A reminder's message as its view builds it: a neutral `Message`, which the dispatcher
#: posts through the Messenger (each front end renders it). Named as a string so loading a
#: kind loads no view.
Built: TypeAlias = "Message"


class NotNow(Exception):
    """A kind could not build its message now — the platform did not answer a call the
    kind makes itself (the sparring post) — and says so with the platform's error code (or
    the exception's name): the reminder is tried again like a failed post, without a
    traceback in the log."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class Payload:
    """A kind's payload: subclass it as a frozen dataclass whose fields are `int`, `str`
    or either of them `| None` (a field left None is not stored; a field missing from a
    stored row takes its default, or None)."""

    def encode(self) -> dict[str, Any]:
        """The JSON object stored in `reminders.payload`."""
        assert dataclasses.is_dataclass(self)
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not None
        }

    @classmethod
    def decode(cls, raw: dict[str, Any]) -> typing.Self:
        """The payload from its stored JSON object: each field converted to its type, a
        missing optional field None. Raises KeyError or ValueError for a broken row (the
        dispatcher retries it, and `MAX_ATTEMPTS` fails it with the reason)."""
        assert dataclasses.is_dataclass(cls)
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            wanted = hints[f.name]
            value = raw.get(f.name)
            optional = isinstance(wanted, types.UnionType) and type(None) in wanted.__args__
            if value is None:
                if f.default is not dataclasses.MISSING:
                    values[f.name] = f.default
                elif optional:
                    values[f.name] = None
                else:
                    raise KeyError(f.name)
                continue
            base = next(a for a in wanted.__args__ if a is not type(None)) if optional else wanted
            values[f.name] = base(value)
        return cls(**values)


P = TypeVar("P", bound=Payload)
F = TypeVar("F")


class ReminderKind(ABC, Generic[P, F]):
    """One kind of reminder. `F` is what `still_due` finds (the test, the training…) and
    `message` shows.

    `urgent`: out as soon as due in working time, also before the day's nudge time and after
    the day's message, on its own. `nudge`: gathered into the person's one message a day
    (`bot.jobs.dispatcher.MorningList`); a kind that is not a nudge (a welcome, a question
    on its way) goes on its own and does not count as the day's message. `anytime`: may go
    out in closed time too, and its retries are not moved to the working morning.
    """

    payload: ClassVar[type[Payload]]

    def __init__(
        self, name: str, *, urgent: bool = False, nudge: bool = True, anytime: bool = False
    ) -> None:
        self.name = name
        self.urgent = urgent
        self.nudge = nudge
        self.anytime = anytime

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    @property
    def gathered(self) -> bool:
        """In the person's morning list (a nudge that is not urgent)."""
        return self.nudge and not self.urgent

    def prefix(self) -> str:
        """The start of every key of this kind: for reading and cancelling them together."""
        return f"{self.name}:"

    def key(self, *parts: object) -> str:
        """`<kind>:<part>:<part>…` — the one way a key of any kind is written."""
        return ":".join([self.name, *(str(part) for part in parts)])

    def decode(self, reminder: Reminder) -> P:
        return typing.cast(P, self.payload.decode(reminder.payload))

    async def plan(
        self,
        db: Database,
        clock: Clock,
        calendar: reminders.WorkingTime,
        *,
        recipient: int,
        due: datetime,
        payload: P,
        key: str,
    ) -> Reminder | None:
        """Plan one reminder of this kind at the first working moment from `due`; None when
        its key was planned before (in any state). `key` comes from the kind module's own
        key function."""
        if not key.startswith(self.prefix()):
            raise ValueError(f"{key!r} is not a key of {self.name}")
        return await reminders.schedule(
            db,
            clock,
            kind=self.name,
            recipient=recipient,
            due=due,
            payload=payload.encode(),
            dedupe_key=key,
            calendar=calendar,
        )

    @abstractmethod
    async def still_due(self, services: Services, reminder: Reminder, payload: P) -> F | None:
        """What the reminder is about, as it is now; None when it no longer matters (then
        it is cancelled instead of sent)."""

    @abstractmethod
    async def message(self, services: Services, reminder: Reminder, payload: P, found: F) -> Built:
        """The message, in the recipient's language, about what `still_due` found."""

    async def build(self, services: Services, reminder: Reminder) -> Built | None:
        """The reminder's message now, or None when it no longer matters."""
        payload = self.decode(reminder)
        found = await self.still_due(services, reminder, payload)
        return None if found is None else await self.message(services, reminder, payload, found)

    async def cancel(self, db: Database, clock: Clock, key: str) -> bool:
        """Cancel the pending reminder under `key` and its pending snoozed copies; True when
        the reminder itself was pending."""
        cancelled = await reminders.cancel(db, clock, dedupe_key=key)
        await reminders.cancel_matching(db, clock, key + SNOOZE_MARK)
        return cancelled

    async def cancel_under(self, db: Database, clock: Clock, *parts: object) -> int:
        """Cancel every pending reminder of this kind whose key starts with `parts` (e.g. a
        training's id: all its invitations); returns how many."""
        return await reminders.cancel_matching(db, clock, self.key(*parts) + ":")

    async def planned_keys(self, db: Database, *parts: object) -> set[str]:
        """The keys of this kind already planned (any state) under `parts`: a planner that
        runs often skips those in one read."""
        prefix = self.key(*parts) + ":" if parts else self.prefix()
        return await reminders.planned_keys(db, prefix)


async def language(services: Services, reminder: Reminder) -> str:
    """The recipient's language, for `message`."""
    return await services.language.for_person(reminder.recipient)
