"""The App Home: what each role finds there when they open the bot — what is theirs to do.

Only names, ids and dates live here; the words are in the catalogues (`home.*`), the layout
in `bot.views.home`. A person with several roles gets each part that applies; someone not in
the organisation gets none, and the Home names the coordinators to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.domain.adoption import AdoptionState
from bot.domain.guides import Decision, DecisionKind, ToolStatus
from bot.domain.org import Person
from bot.domain.pulse import Pulse
from bot.domain.sparring import Question
from bot.domain.tool_tests import ToolTest
from bot.domain.trainings import Answer, Training


@dataclass(frozen=True)
class ToolToTry:
    """A recommended tool the superuser's daycare does not use yet, and a guide to open."""

    tool_id: int
    tool: str
    state: AdoptionState
    guide_id: int | None = None


@dataclass(frozen=True)
class SuperuserHome:
    daycare: str
    area: str
    tools: tuple[ToolToTry, ...] = ()
    #: Planned trainings in the area that start in the future, soonest first.
    trainings: tuple[Training, ...] = ()
    #: The person's answers, by training id.
    answers: tuple[tuple[int, Answer], ...] = ()
    #: The person's questions not solved yet (open or answered), oldest first.
    questions: tuple[Question, ...] = ()
    ambassadors: tuple[Person, ...] = ()

    def answer_to(self, training_id: int) -> Answer | None:
        return dict(self.answers).get(training_id)


@dataclass(frozen=True)
class TestLine:
    """A running test and its next checkpoint (None: none left); `overdue`: a checkpoint
    passed with no result after the nudge and the follow-up."""

    test: ToolTest
    next_checkpoint: str | None
    overdue: bool = False


@dataclass(frozen=True)
class GuideDue:
    guide_id: int
    title: str
    tool: str
    #: Local date (ISO) the guide was last checked or edited.
    checked_on: str


@dataclass(frozen=True)
class SuperuserToTrain:
    person: Person
    daycare: str


@dataclass(frozen=True)
class AmbassadorHome:
    areas: tuple[str, ...]
    tests: tuple[TestLine, ...] = ()
    #: Open questions in the ambassador's areas, claimed by them or by nobody, oldest first.
    questions: tuple[Question, ...] = ()
    guides_due: tuple[GuideDue, ...] = ()
    #: Superusers of their areas who have not attended any training yet.
    to_train: tuple[SuperuserToTrain, ...] = ()


WaitingReason = Literal["verdict", "spreading"]


@dataclass(frozen=True)
class DecisionToMake:
    """A tool waiting for leadership: evaluated and waiting for a verdict, or recommended
    without a decision to spread it. `latest` is its newest decision, if any."""

    tool_id: int
    tool: str
    status: ToolStatus
    reason: WaitingReason
    latest: Decision | None = None


@dataclass(frozen=True)
class LeadershipHome:
    pulse: Pulse
    decisions: tuple[DecisionToMake, ...] = ()


@dataclass(frozen=True)
class Home:
    """One person's Home. `person` None: not in the organisation."""

    person: Person | None
    superuser: SuperuserHome | None = None
    ambassador: AmbassadorHome | None = None
    leadership: LeadershipHome | None = None
    coordinators: tuple[Person, ...] = field(default=())


@dataclass(frozen=True)
class DecisionOutcome:
    """A decision clicked on the Home: `recorded` False when the same person had already
    recorded the same decision on the tool today (a double click) — nothing new was stored."""

    tool: str
    decision: DecisionKind
    #: ISO date: today, the day the decision is kept for.
    decided_on: str
    recorded: bool
    spreading_started: bool = False
