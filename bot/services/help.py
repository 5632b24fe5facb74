"""What the bot can do, as the help shows it to each person: the commands of their roles.

A pedagogue between two groups of children should meet the few commands that are theirs,
not a wall of seventeen: each command is declared once here with the roles that may use it
and the roles whose short help shows it. `/tovholder help` shows the short list of the
person's roles (the union, each command once), `/tovholder help all` everything their roles
allow. Coordinator-only commands (GDPR, the channels and roles) are never shown to anyone
else. Usage lines and descriptions live in the catalogues (`usage.<name>`), so English help
shows English words and placeholders and Danish help the municipality's Danish ones.

Only commands that work are listed: each capability adds its line here when it lands, so
the help never promises a stub.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.domain.org import ROLES, Person, Role
from bot.services.command_words import HELP_ALL, TOVHOLDER
from storage.db import Database
from storage.repositories import org

CommandName = Literal[
    "tool_guide",
    "tool_guide_new",
    "sparring",
    "sparring_mine",
    "tool_test",
    "tool_test_summary",
    "tool_test_train",
    "tool_test_trainings",
    "network",
    "pulse",
    "pulse_export",
    "my_settings",
    "my_settings_mine",
    "settings",
    "my_data",
    "gdpr_erase",
    "gdpr_log",
    "help",
]

ALL_ROLES: frozenset[Role] = frozenset(ROLES)
#: People not (yet) in the organisation see what a superuser sees: all of it is open to them.
VISITOR_ROLES: frozenset[Role] = frozenset({"superuser"})


@dataclass(frozen=True)
class Command:
    """One line of the help. `may`: the roles that may use it (`visitors`: also people not in
    the organisation); `first`: the roles whose short help shows it; `unless`: roles that
    hide it (a coordinator's `settings` is the channels, so their own settings are `mine`)."""

    name: CommandName
    text_key: str
    may: frozenset[Role]
    first: frozenset[Role] = frozenset()
    visitors: bool = False
    unless: frozenset[Role] = frozenset()

    @property
    def usage_key(self) -> str:
        return f"usage.{self.name}"


def _roles(*roles: Role) -> frozenset[Role]:
    return frozenset(roles)


AMBASSADORS = _roles("ambassador", "coordinator")
REGISTERED = ALL_ROLES
COORDINATOR = _roles("coordinator")

COMMANDS: tuple[Command, ...] = (
    Command("tool_guide", "command.tool_guide", ALL_ROLES, ALL_ROLES, visitors=True),
    Command("tool_guide_new", "command.tool_guide_new", AMBASSADORS, _roles("ambassador")),
    Command("sparring", "command.sparring", ALL_ROLES, _roles("superuser"), visitors=True),
    Command(
        "sparring_mine", "command.sparring_mine", ALL_ROLES, _roles("superuser"), visitors=True
    ),
    Command("tool_test", "command.tool_test", AMBASSADORS, _roles("ambassador")),
    Command(
        "tool_test_summary",
        "command.tool_test_summary",
        ALL_ROLES,
        _roles("ambassador", "leader", "coordinator"),
        visitors=True,
    ),
    Command("tool_test_train", "training.help_train", AMBASSADORS, _roles("ambassador")),
    Command("tool_test_trainings", "training.help_list", ALL_ROLES, _roles("ambassador")),
    Command(
        "network",
        "command.tovholder_network",
        ALL_ROLES,
        _roles("leader", "coordinator"),
        visitors=True,
    ),
    Command("pulse", "pulse.help", REGISTERED, _roles("leader", "coordinator")),
    Command("pulse_export", "pulse.help_export", REGISTERED, _roles("leader")),
    Command(
        "my_settings",
        "command.tovholder_settings",
        ALL_ROLES,
        ALL_ROLES,
        visitors=True,
        unless=COORDINATOR,
    ),
    Command("my_settings_mine", "command.tovholder_settings", COORDINATOR, COORDINATOR),
    Command("settings", "help.settings_channels", COORDINATOR, COORDINATOR),
    Command("my_data", "gdpr.help_my_data", ALL_ROLES, _roles("superuser"), visitors=True),
    Command("gdpr_erase", "gdpr.help_erase", COORDINATOR, COORDINATOR),
    Command("gdpr_log", "gdpr.help_log", COORDINATOR, COORDINATOR),
    Command("help", "command.tovholder_help", ALL_ROLES, visitors=True),
)
BY_NAME: dict[CommandName, Command] = {command.name: command for command in COMMANDS}

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


def _may(command: Command, roles: frozenset[Role]) -> bool:
    if roles & command.unless:
        return False
    return bool(roles & command.may) if roles else command.visitors


def help_list(person: Person | None, *, everything: bool = False) -> HelpList:
    """The union over the person's roles, in the declared order, each command once."""
    roles = roles_of(person)
    allowed = [c for c in COMMANDS if _may(c, roles)]
    first = roles or VISITOR_ROLES
    short = tuple(c.name for c in allowed if first & c.first)
    if everything:
        names = tuple(c.name for c in allowed)
        return HelpList(names, everything=True, more=len(allowed) < len(_every_shown()))
    return HelpList(short, more=len(short) < len(allowed))


def _every_shown() -> list[Command]:
    """Every line someone can be shown (a coordinator's settings replace `my_settings`)."""
    return [c for c in COMMANDS if c.name != "my_settings"]


def greeting_commands(person: Person | None) -> tuple[CommandName, ...]:
    """The two most useful commands for the person's most involved role."""
    roles = roles_of(person)
    role: Role = next((r for r in GREETING_ORDER if r in roles), "superuser")
    return GREETING_COMMANDS[role]


async def person_for(db: Database, slack_user_id: str) -> Person | None:
    return await org.person_by_slack_id(db, slack_user_id)


async def help_for(db: Database, slack_user_id: str, *, everything: bool = False) -> HelpList:
    return help_list(await person_for(db, slack_user_id), everything=everything)


def is_help_request(text: str) -> bool:
    return text.strip().lower().rstrip("!.") in TOVHOLDER["help"]


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
