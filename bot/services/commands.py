"""Every command the bot understands, declared once.

Each slash command and each of its sub-commands is one entry: the words people may type
for it (the English word, the Danish word the municipality uses, the older or looser words
people already type), the handler that answers it (by name: each front end maps the names
to its handlers), the permission it requires, and the lines the help shows for it (usage
and description from the catalogues, `usage.<name>`, and the roles that see it). Dispatch,
`/tovholder help` and `help all`, the greeting's suggestions and the check against the app
manifest all read this list, so a new command is one entry here and one in the manifest.

Nothing here knows a platform: the front end parses what was typed into a command name and
text, asks `SlashCommand.read` which sub-command that is, and calls the named handler.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.domain.org import ROLES, Role
from bot.services.permissions import Action, allowed_roles

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
Words = frozenset[str]


def words(*typed: str) -> Words:
    return frozenset(word.casefold() for word in typed)


def fold(text: str) -> str:
    """A whole text as the tables hold it: lower case, spaces folded."""
    return " ".join(text.casefold().split())


def roles(*named: Role) -> frozenset[Role]:
    return frozenset(named)


ALL_ROLES: frozenset[Role] = frozenset(ROLES)


@dataclass(frozen=True)
class HelpLine:
    """One line of the help. `may`: the roles that may use it (`visitors`: also people not
    in the organisation); `first`: the roles whose short help shows it; `unless`: roles
    that hide it (a coordinator's `settings` is the channels, so their own are `mine`)."""

    name: CommandName
    text_key: str
    may: frozenset[Role]
    first: frozenset[Role] = frozenset()
    visitors: bool = False
    unless: frozenset[Role] = frozenset()

    @property
    def usage_key(self) -> str:
        return f"usage.{self.name}"


@dataclass(frozen=True)
class SubCommand:
    """A word after a slash command. `handler` None: the command's own handler reads it;
    `whole`: the words are the whole text (`my data`, `mine spørgsmål`), not its first
    word; `options`: the words that may follow it (`gdpr erase`, `settings mine`)."""

    name: str
    words: Words
    handler: str | None = None
    requires: Action | None = None
    lines: tuple[HelpLine, ...] = ()
    whole: bool = False
    options: Mapping[str, Words] = field(default_factory=dict)

    def option(self, word: str) -> str | None:
        """The option `word` names (its English name), or None."""
        folded = word.casefold()
        return next((name for name, typed in self.options.items() if folded in typed), None)


@dataclass(frozen=True)
class Reading:
    """What a command's text names: the sub-command (None: the command itself), the word
    that named it and the words after it."""

    sub: SubCommand | None
    word: str
    rest: str


@dataclass(frozen=True)
class SlashCommand:
    """A slash command as the manifest declares it, with its sub-commands."""

    command: str
    handler: str
    lines: tuple[HelpLine, ...] = ()
    subs: tuple[SubCommand, ...] = ()

    def sub(self, name: str) -> SubCommand:
        return next(sub for sub in self.subs if sub.name == name)

    def table(self) -> dict[str, Words]:
        """Sub-command name → the words for it (for the services that read them)."""
        return {sub.name: sub.words for sub in self.subs}

    def read(self, text: str) -> Reading:
        """The sub-command `text` names: its whole text first, then its first word."""
        text = text.strip()
        whole = fold(text)
        for sub in self.subs:
            if sub.whole and whole in sub.words:
                return Reading(sub, text, "")
        word, _, rest = text.partition(" ")
        folded = word.casefold()
        found = next((s for s in self.subs if not s.whole and folded in s.words), None)
        return Reading(found, word, rest.strip())

    def help_lines(self) -> Iterator[HelpLine]:
        yield from self.lines
        for sub in self.subs:
            yield from sub.lines


AMBASSADORS = frozenset(allowed_roles(Action.RUN_TOOL_TESTS))
COORDINATOR = roles("coordinator")

#: `/tovholder help all`: every command the person may use, not only their first few.
HELP_ALL = words("all", "alt", "alle", "everything")
#: `/tovholder settings mine`: a coordinator's own settings (everyone else gets only those).
SETTINGS_MINE = words("mine", "min", "my", "me", "mig")
#: `/tovholder pulse … export …` (anywhere among the pulse's words).
PULSE_EXPORT = words("export", "eksport", "eksporter", "eksportér")
#: `/sparring mine` (the whole text) lists the asker's questions.
SPARRING_MINE = words(
    "list", "liste", "mine", "mine spørgsmål", "mine spoergsmaal", "my", "my questions"
)

TOOL_GUIDE = SlashCommand(
    "/tool-guide",
    handler="tool_guide",
    lines=(HelpLine("tool_guide", "command.tool_guide", ALL_ROLES, ALL_ROLES, visitors=True),),
    subs=(
        SubCommand(
            "new",
            words("new", "ny", "nyt"),
            lines=(
                HelpLine(
                    "tool_guide_new",
                    "command.tool_guide_new",
                    frozenset(allowed_roles(Action.WRITE_GUIDES)),
                    roles("ambassador"),
                ),
            ),
        ),
        # Alone it lists every guide; with more words, they are a search.
        SubCommand("browse", words("browse", "gennemse", "alle", "all", "oversigt"), whole=True),
    ),
)
SPARRING = SlashCommand(
    "/sparring",
    handler="sparring",
    lines=(HelpLine("sparring", "command.sparring", ALL_ROLES, roles("superuser"), visitors=True),),
    subs=(
        SubCommand(
            "mine",
            SPARRING_MINE,
            handler="sparring_mine",
            whole=True,
            lines=(
                HelpLine(
                    "sparring_mine",
                    "command.sparring_mine",
                    ALL_ROLES,
                    roles("superuser"),
                    visitors=True,
                ),
            ),
        ),
    ),
)
TOOL_TEST = SlashCommand(
    "/tool-test",
    handler="tool_test",
    lines=(HelpLine("tool_test", "command.tool_test", AMBASSADORS, roles("ambassador")),),
    subs=(
        SubCommand(
            "start",
            words("start", "ny", "new"),
            handler="tool_test_start",
            requires=Action.RUN_TOOL_TESTS,
        ),
        SubCommand(
            "result",
            words("result", "resultat", "post", "registrer", "registrér"),
            handler="tool_test_result",
            requires=Action.RUN_TOOL_TESTS,
        ),
        SubCommand(
            "summary",
            words("summary", "opsummering", "evaluering", "evaluation"),
            handler="tool_test_summary",
            lines=(
                HelpLine(
                    "tool_test_summary",
                    "command.tool_test_summary",
                    ALL_ROLES,
                    roles("ambassador", "leader", "coordinator"),
                    visitors=True,
                ),
            ),
        ),
        SubCommand(
            "train",
            words("train", "oplæring", "oplaering", "træning", "traening", "kursus"),
            handler="tool_test_train",
            requires=Action.PLAN_TRAININGS,
            lines=(
                HelpLine(
                    "tool_test_train",
                    "training.help_train",
                    frozenset(allowed_roles(Action.PLAN_TRAININGS)),
                    roles("ambassador"),
                ),
            ),
        ),
        SubCommand(
            "trainings",
            words("trainings", "oplæringer", "oplaeringer", "træninger", "traeninger", "kurser"),
            handler="tool_test_trainings",
            lines=(
                HelpLine(
                    "tool_test_trainings", "training.help_list", ALL_ROLES, roles("ambassador")
                ),
            ),
        ),
    ),
)
TOVHOLDER = SlashCommand(
    "/tovholder",
    handler="help",
    subs=(
        SubCommand(
            "network",
            words("network", "netværk", "netvaerk"),
            handler="network",
            lines=(
                HelpLine(
                    "network",
                    "command.tovholder_network",
                    ALL_ROLES,
                    roles("leader", "coordinator"),
                    visitors=True,
                ),
            ),
        ),
        SubCommand(
            "pulse",
            words("pulse", "puls"),
            handler="pulse",
            options={"export": PULSE_EXPORT},
            lines=(
                HelpLine("pulse", "pulse.help", ALL_ROLES, roles("leader", "coordinator")),
                HelpLine("pulse_export", "pulse.help_export", ALL_ROLES, roles("leader")),
            ),
        ),
        SubCommand(
            "settings",
            words("settings", "indstillinger", "indstilling"),
            handler="settings",
            options={"mine": SETTINGS_MINE},
            lines=(
                HelpLine(
                    "my_settings",
                    "command.tovholder_settings",
                    ALL_ROLES,
                    ALL_ROLES,
                    visitors=True,
                    unless=COORDINATOR,
                ),
                HelpLine(
                    "my_settings_mine", "command.tovholder_settings", COORDINATOR, COORDINATOR
                ),
                HelpLine("settings", "help.settings_channels", COORDINATOR, COORDINATOR),
            ),
        ),
        SubCommand(
            "my_data",
            words("my-data", "my data", "mine-data", "mine data", "mydata", "minedata"),
            handler="my_data",
            whole=True,
            lines=(
                HelpLine(
                    "my_data", "gdpr.help_my_data", ALL_ROLES, roles("superuser"), visitors=True
                ),
            ),
        ),
        SubCommand(
            "gdpr",
            words("gdpr"),
            handler="gdpr",
            requires=Action.MANAGE_ORGANISATION,
            options={"erase": words("erase", "slet"), "log": words("log", "logbog")},
            lines=(
                HelpLine("gdpr_erase", "gdpr.help_erase", COORDINATOR, COORDINATOR),
                HelpLine("gdpr_log", "gdpr.help_log", COORDINATOR, COORDINATOR),
            ),
        ),
        SubCommand(
            "help",
            words("help", "hjælp", "hjaelp", "?"),
            handler="help",
            options={"all": HELP_ALL},
            lines=(HelpLine("help", "command.tovholder_help", ALL_ROLES, visitors=True),),
        ),
    ),
)

#: In the help's order.
COMMANDS: tuple[SlashCommand, ...] = (TOOL_GUIDE, SPARRING, TOOL_TEST, TOVHOLDER)
BY_COMMAND: dict[str, SlashCommand] = {slash.command: slash for slash in COMMANDS}
HELP_LINES: tuple[HelpLine, ...] = tuple(line for c in COMMANDS for line in c.help_lines())
BY_NAME: dict[CommandName, HelpLine] = {line.name: line for line in HELP_LINES}
