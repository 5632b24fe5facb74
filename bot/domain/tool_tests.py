"""Tool tests and their results: an ambassador tries a tool in practice, and what is found
is written down where people already write — and summed up so leadership can decide.

Only keys live here; the words people read live in the catalogues under
`recommendation.<key>`, `engagement.<key>` and `test_state.<key>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from bot.domain.guides import AgeGroup, Decision, Tool, ToolStatus
from bot.domain.refs import MessageRef
from bot.domain.spreading import Progress

Recommendation = Literal[
    "recommend", "recommend_with_conditions", "not_recommended", "needs_more_testing"
]
RECOMMENDATIONS: tuple[Recommendation, ...] = (
    "recommend",
    "recommend_with_conditions",
    "not_recommended",
    "needs_more_testing",
)
#: How engaged the children were, as an ambassador would say it after a session.
Engagement = Literal["low", "medium", "high"]
ENGAGEMENTS: tuple[Engagement, ...] = ("low", "medium", "high")
#: Where a result came from.
Source = Literal["modal", "shortcut", "channel"]
TestState = Literal["running", "closed"]
#: A closed test sets the tool's status to one of these.
CONCLUSIONS: tuple[ToolStatus, ...] = ("evaluated", "recommended", "not_recommended")
#: Evaluation checkpoints after the start, in weeks (the nudges remind at them).
DEFAULT_CHECKPOINT_WEEKS: tuple[int, ...] = (2, 6)
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class TestPlan:
    """What an ambassador fills in to start a test."""

    __test__: ClassVar[bool] = False  # a plan, not a pytest test class

    tool_id: int
    question: str
    daycare_ids: tuple[int, ...] = ()
    #: A whole area instead of (or besides) named daycares.
    area_id: int | None = None
    starts_on: date | None = None
    checkpoint_weeks: tuple[int, ...] = DEFAULT_CHECKPOINT_WEEKS


@dataclass(frozen=True)
class ToolTest:
    id: int
    tool: Tool
    #: The ambassador's person id (None: a former member, erased).
    ambassador_id: int | None
    question: str
    daycare_ids: tuple[int, ...]
    area_id: int | None
    starts_on: str  # ISO date
    checkpoints: tuple[str, ...]  # ISO dates
    state: TestState
    created_at: str
    conclusion: ToolStatus | None = None
    conclusion_note: str = ""
    #: Who closed it, by person id (None while running, or a former member).
    closed_by: int | None = None
    closed_at: str | None = None


@dataclass(frozen=True)
class ResultDraft:
    """A result as a modal, a shortcut or a message in the test channel gives it."""

    tool_id: int
    tested_on: date
    test_id: int | None = None
    daycare_id: int | None = None
    age_group: AgeGroup | None = None
    children: int | None = None
    rating: int | None = None
    engagement: Engagement | None = None
    worked: str = ""
    hard: str = ""
    themes: tuple[str, ...] = ()
    recommendation: Recommendation | None = None
    minutes_spent: int | None = None
    source: Source = "modal"
    #: The message it was read from (a shortcut's or the test channel's), if any.
    message: MessageRef | None = None
    #: A link to that message, for people to open.
    link: str | None = None


@dataclass(frozen=True)
class Result:
    id: int
    #: The author's person id (None: a former member, erased).
    author_id: int | None
    tool: Tool
    draft: ResultDraft
    created_at: str
    updated_at: str
    #: Who last corrected it (None while it reads as first saved).
    updated_by: int | None = None
    #: The name of its daycare, for showing (None without one).
    daycare_name: str | None = None


@dataclass(frozen=True)
class SavedResult:
    result: Result
    #: False when the same message or submission was saved before (nothing new created).
    created: bool
    #: The tool moved from "proposed" to "in test" with this result.
    tool_now_in_test: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    #: The author's person id (None: a former member).
    author_id: int | None
    daycare: str | None
    tested_on: str


@dataclass(frozen=True)
class ToolSummary:
    """The evaluation of one tool: what leadership needs to decide whether to spread it."""

    tool: Tool
    tests: int = 0
    running_tests: int = 0
    results: int = 0
    daycares: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    average_rating: float | None = None
    #: rating → how many results gave it, for 1..5.
    rating_counts: dict[int, int] = field(default_factory=dict)
    recommendations: dict[str, int] = field(default_factory=dict)
    #: (theme key, times touched), most touched first.
    top_themes: tuple[tuple[str, int], ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: How far the tool has spread since its latest spreading round began (None: no round).
    spreading: Progress | None = None
    #: Leadership's latest decision on the tool, with its note (why), if any.
    decision: Decision | None = None


@dataclass(frozen=True)
class ToolWithResults:
    """A tool that has test results, and how many: what `/tool-test summary` offers."""

    tool: Tool
    results: int
