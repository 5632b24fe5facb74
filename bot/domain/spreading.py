"""Spreading rounds: a recommended tool carried from the daycares that tested it to the rest.

A round starts when a tool becomes "recommended" or leadership decides "spread"; it reaches
every daycare not using the tool then (its *targets*), and after `follow_up_weeks` asks each
how it went. The answers set the daycares' adoption; "not for us" keeps its reason for the
tool's evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.domain.adoption import AdoptionState

Trigger = Literal["recommended", "decision"]
Answer = Literal["in_use", "getting_started", "not_yet", "not_for_us"]
ANSWERS: tuple[Answer, ...] = ("in_use", "getting_started", "not_yet", "not_for_us")


@dataclass(frozen=True)
class SpreadingRound:
    id: int
    tool_id: int
    tool_name: str
    trigger: Trigger
    #: Who started it (a person id); None: the command line, nobody in particular or a
    #: former member.
    started_by: int | None
    started_at: str
    follow_up_weeks: int
    ended_at: str | None
    ended_reason: str
    #: Daycares reached, and how many have answered the follow-up.
    targets: int = 0
    answered: int = 0

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class Target:
    """One daycare a round reaches, and its answer to the follow-up (None: not yet)."""

    round_id: int
    daycare_id: int
    daycare_name: str
    area_id: int
    state_at_start: AdoptionState
    answer: Answer | None = None
    reason: str = ""
    #: Who answered (a person id); None: not answered, or a former member.
    answered_by: int | None = None
    answered_at: str | None = None


@dataclass(frozen=True)
class AreaShare:
    """How many of an area's daycares are in each adoption state at one moment."""

    area: str
    daycares: int
    counts: dict[AdoptionState, int] = field(default_factory=dict)

    @property
    def in_use(self) -> int:
        return self.counts.get("in_use", 0)


@dataclass(frozen=True)
class ProgressPoint:
    """The network's state for a tool at the end of one week (`day`, a local date ISO)."""

    day: str
    areas: tuple[AreaShare, ...]

    @property
    def daycares(self) -> int:
        return sum(area.daycares for area in self.areas)

    @property
    def in_use(self) -> int:
        return sum(area.in_use for area in self.areas)


@dataclass(frozen=True)
class Progress:
    tool_id: int
    tool_name: str
    round: SpreadingRound | None
    #: Oldest first; the last point is now.
    points: tuple[ProgressPoint, ...]
    #: "Not for us" answers: (daycare, reason), newest first.
    declined: tuple[tuple[str, str], ...] = ()
