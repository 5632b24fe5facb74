"""Who may do what: the whole matrix, decided in one place."""

from __future__ import annotations

import pytest

from bot.domain.org import Area, Daycare, Person, Role, RoleAssignment
from bot.services.permissions import (
    Action,
    allowed_roles,
    belongs_to_area,
    can,
    may_manage_training,
    plannable_areas,
    required,
    requires,
)


def person(*roles: Role) -> Person:
    return Person(1, "Kim", None, None, tuple(RoleAssignment(r, 1, 1) for r in roles))


A = Action
MATRIX: dict[str, set[Action]] = {
    "coordinator": set(Action),
    "leader": {A.SEE_COVERAGE, A.RECORD_DECISIONS, A.READ_GUIDES, A.ASK_QUESTIONS},
    "ambassador": {
        A.WRITE_GUIDES,
        A.RUN_TOOL_TESTS,
        A.PLAN_TRAININGS,
        A.ANSWER_SPARRING,
        A.READ_GUIDES,
        A.ASK_QUESTIONS,
    },
    "superuser": {A.READ_GUIDES, A.ASK_QUESTIONS},
    "outsider": {A.READ_GUIDES, A.ASK_QUESTIONS},
}
#: The scoped actions: the role lets a person do them somewhere (their daycare, area or own
#: training); the rules below decide where.
SCOPED = {A.SET_ADOPTION, A.ANSWER_SPREADING, A.MANAGE_TRAININGS}
MATRIX["ambassador"] |= SCOPED
MATRIX["superuser"] |= {A.SET_ADOPTION, A.ANSWER_SPREADING}


@pytest.mark.parametrize("who", sorted(MATRIX))
@pytest.mark.parametrize("action", list(Action))
def test_the_permission_matrix(who: str, action: Action) -> None:
    subject = None if who == "outsider" else person(who)  # type: ignore[arg-type]
    assert can(subject, action) is (action in MATRIX[who])


def test_several_roles_add_up() -> None:
    both = person("superuser", "ambassador")
    assert can(both, Action.WRITE_GUIDES) and can(both, Action.READ_GUIDES)
    assert not can(both, Action.MANAGE_SETTINGS)


def test_the_refusal_names_who_can() -> None:
    assert allowed_roles(Action.MANAGE_SETTINGS) == ("coordinator",)
    assert allowed_roles(Action.SEE_COVERAGE) == ("coordinator", "leader")
    assert allowed_roles(Action.RECORD_DECISIONS) == ("coordinator", "leader")
    assert allowed_roles(Action.PLAN_TRAININGS) == ("ambassador", "coordinator")


NORD, SYD = Area(1, "Nord"), Area(2, "Syd")
MYREN, SOLEN = Daycare(1, "Myren", NORD.id), Daycare(2, "Solen", SYD.id)
DAYCARES = [MYREN, SOLEN]


def holding(*roles: RoleAssignment, person_id: int = 1) -> Person:
    return Person(person_id, "Kim", None, None, roles)


AMBASSADOR_NORD = holding(RoleAssignment("ambassador", NORD.id))
SUPERUSER_MYREN = holding(RoleAssignment("superuser", None, MYREN.id))
COORDINATOR = holding(RoleAssignment("coordinator"))
LEADER = holding(RoleAssignment("leader", NORD.id))


def test_an_ambassador_plans_in_their_own_areas_a_coordinator_in_all() -> None:
    areas = [NORD, SYD]
    assert plannable_areas(AMBASSADOR_NORD, areas) == [NORD]
    assert plannable_areas(COORDINATOR, areas) == [NORD, SYD]
    assert plannable_areas(SUPERUSER_MYREN, areas) == []
    assert plannable_areas(LEADER, areas) == []
    assert plannable_areas(None, areas) == []


def test_a_training_is_managed_by_its_own_ambassador_or_a_coordinator() -> None:
    assert may_manage_training(AMBASSADOR_NORD, 1)
    assert not may_manage_training(AMBASSADOR_NORD, 2)  # another ambassador's training
    assert may_manage_training(holding(RoleAssignment("coordinator"), person_id=9), 1)
    assert not may_manage_training(SUPERUSER_MYREN, 2)
    assert not may_manage_training(None, 1)


@pytest.mark.parametrize(
    ("subject", "area", "belongs"),
    [
        (SUPERUSER_MYREN, NORD, True),
        (SUPERUSER_MYREN, SYD, False),  # Myren is in Nord
        (AMBASSADOR_NORD, NORD, True),
        (AMBASSADOR_NORD, SYD, False),
        (COORDINATOR, SYD, True),
        (LEADER, NORD, False),
        (None, NORD, False),
    ],
)
def test_who_belongs_to_an_area(subject: Person | None, area: Area, belongs: bool) -> None:
    assert belongs_to_area(subject, area.id, DAYCARES) is belongs


def test_a_superuser_of_an_unknown_daycare_belongs_nowhere() -> None:
    gone = holding(RoleAssignment("superuser", None, 99))
    assert not belongs_to_area(gone, NORD.id, DAYCARES)


def test_a_declared_permission_is_found_through_a_front_ends_wrapper() -> None:
    @requires(Action.RUN_TOOL_TESTS)
    async def start() -> None:
        return None

    async def edge() -> None:  # parses the request, then calls the handler
        await start()

    edge.__wrapped__ = start  # type: ignore[attr-defined]
    assert required(start) is required(edge) is Action.RUN_TOOL_TESTS

    async def undeclared() -> None:
        return None

    assert required(undeclared) is None
