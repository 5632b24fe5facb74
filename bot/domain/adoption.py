"""How far a daycare has come with a tool: not started → getting started → in use → stopped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

AdoptionState = Literal["not_started", "getting_started", "in_use", "stopped"]
ADOPTION_STATES: tuple[AdoptionState, ...] = ("not_started", "getting_started", "in_use", "stopped")


@dataclass(frozen=True)
class Adoption:
    """One daycare's present state for one tool, and who set it when (UTC ISO)."""

    daycare_id: int
    daycare_name: str
    tool_id: int
    tool_name: str
    state: AdoptionState
    reason: str
    #: Who set it (a person id); None: a former member.
    changed_by: int | None
    changed_at: str


@dataclass(frozen=True)
class AdoptionSummary:
    """What the guide card says: "in use in 12 of 40 daycares", the neighbours who use it,
    and — for a superuser whose daycare is known — their own daycare's state."""

    in_use: int
    daycares: int
    neighbours: tuple[str, ...] = ()
    own_daycare_id: int | None = None
    own_daycare_name: str = ""
    own_state: AdoptionState = "not_started"
    #: The reader may set it for other daycares (an ambassador or the coordinator).
    sets_for_others: bool = False
