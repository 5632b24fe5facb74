"""Who may do what — decided here and nowhere else.

Coordinators manage the organisation and the settings; ambassadors write guides, run tool
tests, plan trainings and answer sparring; everyone — also a guest, someone on the chat
platform who is not in the organisation — reads guides and asks questions. Leaders and
coordinators see the network's coverage and record leadership's decisions on tools.
Trainings add rules that depend on the training or the area, not only the role: who may
manage one, plan in an area, or answer one (the functions at the end). A service that
finds a person may not do something raises `bot.errors.NotAllowed(action)`; a handler that
serves only some roles declares it with `handlers.requires.requires(action)`. Either way
the refusal comes from the one guard.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, TypeVar

from bot.domain.org import ROLES, Area, Daycare, Person, Role
from bot.domain.trainings import superuser_daycare_in
from bot.errors import NotAllowed
from storage.db import Database
from storage.repositories import org


class Action(StrEnum):
    MANAGE_ORGANISATION = "manage_organisation"
    MANAGE_SETTINGS = "manage_settings"
    SEE_COVERAGE = "see_coverage"
    RECORD_DECISIONS = "record_decisions"
    WRITE_GUIDES = "write_guides"
    RUN_TOOL_TESTS = "run_tool_tests"
    PLAN_TRAININGS = "plan_trainings"
    ANSWER_SPARRING = "answer_sparring"
    READ_GUIDES = "read_guides"
    ASK_QUESTIONS = "ask_questions"
    # Scoped: the role is needed, the daycare, area or training decides (functions below).
    SET_ADOPTION = "set_adoption"
    ANSWER_SPREADING = "answer_spreading"
    MANAGE_TRAININGS = "manage_trainings"


EVERYONE: frozenset[Role] = frozenset(ROLES)

#: The roles allowed each action. `None` in `OPEN_TO_ALL` means: also people not registered.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.MANAGE_ORGANISATION: frozenset({"coordinator"}),
    Action.MANAGE_SETTINGS: frozenset({"coordinator"}),
    Action.SEE_COVERAGE: frozenset({"coordinator", "leader"}),
    Action.RECORD_DECISIONS: frozenset({"coordinator", "leader"}),
    Action.WRITE_GUIDES: frozenset({"ambassador", "coordinator"}),
    Action.RUN_TOOL_TESTS: frozenset({"ambassador", "coordinator"}),
    Action.PLAN_TRAININGS: frozenset({"ambassador", "coordinator"}),
    Action.ANSWER_SPARRING: frozenset({"ambassador", "coordinator"}),
    Action.READ_GUIDES: EVERYONE,
    Action.ASK_QUESTIONS: EVERYONE,
    Action.SET_ADOPTION: frozenset({"superuser", "ambassador", "coordinator"}),
    Action.ANSWER_SPREADING: frozenset({"superuser", "ambassador", "coordinator"}),
    Action.MANAGE_TRAININGS: frozenset({"ambassador", "coordinator"}),
}
OPEN_TO_ALL = frozenset({Action.READ_GUIDES, Action.ASK_QUESTIONS})
#: The scoped actions' refusals: a short text of their own (which daycare or training is
#: theirs) instead of "only … can; ask the coordinators", which would be wrong for a
#: superuser of another daycare or an ambassador of another training.
OWN_REFUSAL: dict[Action, str] = {
    Action.SET_ADOPTION: "adoption.not_allowed",
    Action.ANSWER_SPREADING: "spreading.not_allowed",
    Action.MANAGE_TRAININGS: "training.not_allowed",
}


def can(person: Person | None, action: Action) -> bool:
    """Whether the person's roles allow `action` (for a scoped action: anywhere at all)."""
    if action in OPEN_TO_ALL:
        return True
    if person is None:
        return False
    return any(assignment.role in ALLOWED[action] for assignment in person.roles)


async def person_can(db: Database, person: int | None, action: Action) -> bool:
    """`can` for a person, looked up by their person id (someone not in the organisation is
    None)."""
    return can(await org.person(db, person), action)


Handler = TypeVar("Handler", bound=Callable[..., Any])
_REQUIRED = "__requires__"


def requires(action: Action) -> Callable[[Handler], Handler]:
    """Declares the permission a handler needs: `@requires(Action.RUN_TOOL_TESTS)`.

    The front end's guard checks it for the acting person before the handler runs and
    raises `NotAllowed(action)`, which it answers like every other refusal; the handler
    itself holds no check and no refusal of its own."""

    def declare(handler: Handler) -> Handler:
        setattr(handler, _REQUIRED, action)
        return handler

    return declare


def required(handler: Callable[..., Any]) -> Action | None:
    """The permission `handler` declared with `requires`, if any — also through a front
    end's wrapper that names the handler as `__wrapped__` (`functools.wraps`)."""
    action = getattr(inspect.unwrap(handler, stop=lambda f: hasattr(f, _REQUIRED)), _REQUIRED, None)
    return action if isinstance(action, Action) else None


async def ensure_allowed(db: Database, person: int | None, action: Action | None) -> None:
    """Raise NotAllowed unless the person may do `action` (None: nothing is required)."""
    if action is not None and not await person_can(db, person, action):
        raise NotAllowed(action)


def allowed_roles(action: Action) -> tuple[Role, ...]:
    """In a fixed order, for the refusal message ("only coordinators can …")."""
    return tuple(role for role in ROLES if role in ALLOWED[action])


def may_set_adoption(person: Person | None, daycare: Daycare) -> bool:
    """A daycare's adoption of a tool: its superusers, its area's ambassadors, coordinators."""
    if person is None:
        return False
    return any(
        role.role == "coordinator"
        or (role.role == "superuser" and role.daycare_id == daycare.id)
        or (role.role == "ambassador" and role.area_id == daycare.area_id)
        for role in person.roles
    )


def plannable_areas(person: Person | None, areas: Sequence[Area]) -> list[Area]:
    """The areas a person may plan trainings in, in the given order: an ambassador trains the
    superusers of their own areas; a coordinator, who looks after the whole network, any."""
    if person is None:
        return []
    if person.has_role("coordinator"):
        return list(areas)
    own = {role.area_id for role in person.roles if role.role == "ambassador"}
    return [area for area in areas if area.id in own]


def may_manage_training(person: Person | None, ambassador_id: int | None) -> bool:
    """Move, cancel or record attendance of a training: the ambassador who planned it (it is
    theirs to hold), or a coordinator (who can step in when the ambassador cannot)."""
    return person is not None and (person.id == ambassador_id or person.has_role("coordinator"))


def belongs_to_area(person: Person | None, area_id: int, daycares: Sequence[Daycare]) -> bool:
    """Answer a training in an area: a superuser of a daycare in the area (the training is
    for them), the area's ambassador, or a coordinator (who may come along to any)."""
    if person is None:
        return False
    return (
        person.has_role("coordinator")
        or any(role.role == "ambassador" and role.area_id == area_id for role in person.roles)
        or superuser_daycare_in(person, area_id, daycares) is not None
    )
