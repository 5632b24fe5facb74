"""Who may do what: the whole matrix, decided in one place."""

from __future__ import annotations

import pytest

from bot.domain.org import Person, Role, RoleAssignment
from bot.services.permissions import Action, allowed_roles, can


def person(*roles: Role) -> Person:
    return Person(1, "U1", "Kim", None, None, tuple(RoleAssignment(r, 1, 1) for r in roles))


A = Action
MATRIX: dict[str, set[Action]] = {
    "coordinator": set(Action),
    "leader": {A.SEE_COVERAGE, A.READ_GUIDES, A.ASK_QUESTIONS},
    "ambassador": {
        A.WRITE_GUIDES,
        A.RUN_TOOL_TESTS,
        A.ANSWER_SPARRING,
        A.READ_GUIDES,
        A.ASK_QUESTIONS,
    },
    "superuser": {A.READ_GUIDES, A.ASK_QUESTIONS},
    "outsider": {A.READ_GUIDES, A.ASK_QUESTIONS},
}


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
