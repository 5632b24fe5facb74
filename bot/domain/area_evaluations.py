"""The area evaluation cycle: every quarter (by default) the people of each area say what
works, what is hard and what they need — what leadership reads in the pulse.

Ambassadors answer four questions, superusers three (they do not decide which tools to drop
or spread). A cycle is named by its month (`period`, "2027-01") and starts on that month's
first working morning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

EvaluationRole = Literal["ambassador", "superuser"]
EVALUATION_ROLES: tuple[EvaluationRole, ...] = ("ambassador", "superuser")
#: The answer fields, as the modal's block ids and the table's columns.
Field = Literal["works", "hard", "drop_or_spread", "support"]
FIELDS: dict[EvaluationRole, tuple[Field, ...]] = {
    "ambassador": ("works", "hard", "drop_or_spread", "support"),
    "superuser": ("works", "hard", "support"),
}


@dataclass(frozen=True)
class Cycle:
    #: The cycle's month, "YYYY-MM".
    period: str
    #: Its first working morning, in the calendar's zone: when the evaluation is asked.
    starts_at: datetime
    #: Months until the next listed month (3 with the default quarters; 12 with one month).
    length_months: int

    @property
    def quarterly(self) -> bool:
        return self.length_months == 3


@dataclass(frozen=True)
class Answers:
    """What a person wrote; a superuser's `drop_or_spread` stays empty."""

    works: str = ""
    hard: str = ""
    drop_or_spread: str = ""
    support: str = ""

    def value(self, field: Field) -> str:
        text: str = getattr(self, field)
        return text


@dataclass(frozen=True)
class AreaEvaluation:
    id: int
    period: str
    area_id: int
    person_id: int
    role: EvaluationRole
    answers: Answers
    created_at: str
    updated_at: str
