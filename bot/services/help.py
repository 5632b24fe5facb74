"""What the bot can do, as the help shows it to each person: the commands of their roles.

A pedagogue between two groups of children should meet the few commands that are theirs,
not a wall of seventeen: each command's help lines are declared with it, once, in
`bot.services.commands`, with the roles that may use it and the roles whose short help
shows it. `/tovholder help` shows the short list of the
person's roles (the union, each command once), `/tovholder help all` everything their roles
allow. Coordinator-only commands (GDPR, the channels and roles) are never shown to anyone
else. Usage lines and descriptions live in the catalogues (`usage.<name>`), so English help
shows English words and placeholders and Danish help the municipality's Danish ones.

Only commands that work are listed: each capability adds its entry there when it lands, so
the help never promises a stub.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.org import Person, Role
from bot.services.commands import HELP_ALL, HELP_LINES, TOVHOLDER, CommandName, HelpLine
from storage.db import Database
from storage.repositories import org

#: People not (yet) in the organisation see what a superuser sees: all of it is open to them.
VISITOR_ROLES: frozenset[Role] = frozenset({"superuser"})
HELP_WORDS = TOVHOLDER.sub("help").words


#: The two commands a greeting offers, for the person's most involved role.
GREETING_COMMANDS: dict[Role, tuple[CommandName, CommandName]] = {
    "coordinator": ("network", "pulse"),
    "ambassador": ("tool_test", "tool_guide"),
    "leader": ("pulse", "tool_test_summary"),
    "superuser": ("tool_guide", "sparring"),
}
GREETING_ORDER: tuple[Role, ...] = ("coordinator", "ambassador", "leader", "superuser")


@dataclass(frozen=True)
class HelpList:
    """The commands one person is shown, in the help's order, each once.

    `everything`: the whole list of what they may use (`help all`), else their short list.
    `more`: a short list has more behind `help all`; a whole list leaves out commands that
    belong to other roles (said without naming them)."""

    commands: tuple[CommandName, ...]
    everything: bool = False
    more: bool = False


def roles_of(person: Person | None) -> frozenset[Role]:
    return frozenset(assignment.role for assignment in person.roles) if person else frozenset()


def _may(command: HelpLine, roles: frozenset[Role]) -> bool:
    if roles & command.unless:
        return False
    return bool(roles & command.may) if roles else command.visitors


def help_list(person: Person | None, *, everything: bool = False) -> HelpList:
    """The union over the person's roles, in the declared order, each command once."""
    roles = roles_of(person)
    allowed = [c for c in HELP_LINES if _may(c, roles)]
    first = roles or VISITOR_ROLES
    short = tuple(c.name for c in allowed if first & c.first)
    if everything:
        names = tuple(c.name for c in allowed)
        return HelpList(names, everything=True, more=len(allowed) < len(_every_shown()))
    return HelpList(short, more=len(short) < len(allowed))


def _every_shown() -> list[HelpLine]:
    """Every line someone can be shown (a coordinator's settings replace `my_settings`)."""
    return [c for c in HELP_LINES if c.name != "my_settings"]


def greeting_commands(person: Person | None) -> tuple[CommandName, ...]:
    """The two most useful commands for the person's most involved role."""
    roles = roles_of(person)
    role: Role = next((r for r in GREETING_ORDER if r in roles), "superuser")
    return GREETING_COMMANDS[role]


async def person_for(db: Database, person_id: int | None) -> Person | None:
    return await org.person(db, person_id)


async def help_for(db: Database, person_id: int | None, *, everything: bool = False) -> HelpList:
    return help_list(await person_for(db, person_id), everything=everything)


def is_help_request(text: str) -> bool:
    return text.strip().lower().rstrip("!.") in HELP_WORDS


def wants_everything(text: str) -> bool:
    """`help all`, `hjælp alt` (the words after the help word)."""
    return text.strip().casefold().rstrip("!.") in HELP_ALL


def read_help(text: str) -> bool | None:
    """None when `text` is no help request; else whether it asks for everything
    ("hjælp", "help all", "hjælp alt", and `alt`/`all` alone)."""
    word, _, rest = text.strip().partition(" ")
    if wants_everything(text):
        return True
    if not is_help_request(word):
        return None
    return wants_everything(rest) if rest.strip() else False
