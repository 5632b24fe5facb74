"""Who may do what — decided here and nowhere else.

Coordinators manage the organisation and the settings; ambassadors write guides, run tool
tests and answer sparring; everyone — also a Slack user not yet in the organisation — reads
guides and asks questions. Leaders and coordinators see the network's coverage.
"""

from __future__ import annotations

from enum import StrEnum

from bot.domain.org import ROLES, Daycare, Person, Role
from storage.db import Database
from storage.repositories import org


class Action(StrEnum):
    MANAGE_ORGANISATION = "manage_organisation"
    MANAGE_SETTINGS = "manage_settings"
    SEE_COVERAGE = "see_coverage"
    WRITE_GUIDES = "write_guides"
    RUN_TOOL_TESTS = "run_tool_tests"
    ANSWER_SPARRING = "answer_sparring"
    READ_GUIDES = "read_guides"
    ASK_QUESTIONS = "ask_questions"


EVERYONE: frozenset[Role] = frozenset(ROLES)

#: The roles allowed each action. `None` in `OPEN_TO_ALL` means: also people not registered.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.MANAGE_ORGANISATION: frozenset({"coordinator"}),
    Action.MANAGE_SETTINGS: frozenset({"coordinator"}),
    Action.SEE_COVERAGE: frozenset({"coordinator", "leader"}),
    Action.WRITE_GUIDES: frozenset({"ambassador", "coordinator"}),
    Action.RUN_TOOL_TESTS: frozenset({"ambassador", "coordinator"}),
    Action.ANSWER_SPARRING: frozenset({"ambassador", "coordinator"}),
    Action.READ_GUIDES: EVERYONE,
    Action.ASK_QUESTIONS: EVERYONE,
}
OPEN_TO_ALL = frozenset({Action.READ_GUIDES, Action.ASK_QUESTIONS})


def can(person: Person | None, action: Action) -> bool:
    if action in OPEN_TO_ALL:
        return True
    if person is None:
        return False
    return any(assignment.role in ALLOWED[action] for assignment in person.roles)


async def person_can(db: Database, slack_user_id: str, action: Action) -> bool:
    """`can` for a Slack user, looked up by id (someone not in the organisation is None)."""
    return can(await org.person_by_slack_id(db, slack_user_id), action)


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
