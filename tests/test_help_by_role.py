"""Each person sees the commands of their roles: the help, `help all` and the welcome,
rendered for the demo's superuser, ambassador, coordinator and leader in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.domain.org import ROLES, Area, Daycare, Person, Role, RoleAssignment
from bot.i18n import t
from bot.services.commands import (
    COMMANDS,
    HELP_LINES,
    TOOL_TEST,
    HelpLine,
    SlashCommand,
    SubCommand,
)
from bot.services.conversation import small_talk
from bot.services.demo import PEOPLE
from bot.services.help import help_list
from bot.services.onboarding import Welcome
from bot.standin.blockkit import check_message
from bot.views.help import help_message
from bot.views.onboarding import welcome_message
from handlers.slack import render
from tests.conftest import shown_text

#: What only the coordinator may see: GDPR erase and log, the channels and roles.
COORDINATOR_ONLY = ("gdpr", "slet", "erase", "log", "kanalerne", "channels", "roller", "roles")
COMMAND_LINE = re.compile(r"^`(/[^`]+)` – ", re.MULTILINE)


def demo_person(role: Role) -> Person:
    """The demo's first person with the role, as the organisation holds them."""
    _, name, language, _, _, _ = next(p for p in PEOPLE if p[3] == role)
    return Person(1, name, None, language, (RoleAssignment(role),))


def person_with(*roles: Role) -> Person:
    return Person(9, "Bo Sand", None, None, tuple(RoleAssignment(r) for r in roles))


def shown(message: dict[str, Any]) -> str:
    """What a person reads: the blocks' texts, with Slack's escapes shown as characters."""
    text = shown_text({"blocks": message["blocks"]})
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def command_lines(message: dict[str, Any]) -> list[str]:
    return COMMAND_LINE.findall(shown(message))


def rendered(person: Person | None, lang: str, *, everything: bool = False) -> dict[str, Any]:
    message = render.message(help_message(lang, help_list(person, everything=everything)))
    assert check_message(message["text"], message["blocks"]) is None
    return message


def test_a_superuser_sees_five_commands_and_how_to_see_everything() -> None:
    message = rendered(demo_person("superuser"), "da")
    assert command_lines(message) == [
        "/tool-guide [det du leder efter]",
        "/sparring [dit spørgsmål]",
        "/sparring mine",
        "/tovholder indstillinger",
        "/tovholder mine-data",
    ]
    assert "Se alt, hvad du kan bruge mig til: `/tovholder hjælp alt`" in shown(message)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    ("role", "most"), [("superuser", 6), ("ambassador", 8), ("leader", 7), ("coordinator", 9)]
)
def test_each_role_gets_a_short_help_in_the_readers_language(
    role: Role, most: int, lang: str
) -> None:
    short = command_lines(rendered(demo_person(role), lang))
    everything = command_lines(rendered(demo_person(role), lang, everything=True))
    assert 4 <= len(short) <= most
    assert len(short) < len(everything)
    assert set(short) <= set(everything)
    assert len(everything) == len(set(everything))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("role", ["superuser", "ambassador", "leader", None])
@pytest.mark.parametrize("everything", [False, True])
def test_coordinator_only_commands_never_reach_anyone_else(
    role: Role | None, lang: str, everything: bool
) -> None:
    person = demo_person(role) if role else None
    lines = command_lines(rendered(person, lang, everything=everything))
    offending = [line for line in lines if any(w in line.split()[1:] for w in COORDINATOR_ONLY)]
    assert offending == []
    text = shown(rendered(person, lang, everything=everything))
    assert t(lang, "help.settings_channels") not in text
    assert t(lang, "gdpr.help_erase") not in text and t(lang, "gdpr.help_log") not in text


@pytest.mark.parametrize("everything", [False, True])
def test_the_coordinator_sees_gdpr_and_the_channels_and_their_own_settings_by_mine(
    everything: bool,
) -> None:
    lines = command_lines(rendered(demo_person("coordinator"), "da", everything=everything))
    assert "/tovholder gdpr slet @person" in lines
    assert "/tovholder gdpr log" in lines
    assert "/tovholder indstillinger mine" in lines
    assert lines.count("/tovholder indstillinger") == 1  # the channels, not the pause as well


def test_a_leader_sees_the_pulse_and_no_tool_test_or_guide_writing() -> None:
    lines = command_lines(rendered(demo_person("leader"), "da"))
    assert "/tovholder puls [område] [periode]" in lines
    assert not any(line.startswith(("/tool-test [", "/tool-guide ny")) for line in lines)


def test_several_roles_see_the_union_once() -> None:
    both = command_lines(rendered(person_with("superuser", "ambassador"), "da"))
    superuser = command_lines(rendered(demo_person("superuser"), "da"))
    ambassador = command_lines(rendered(demo_person("ambassador"), "da"))
    assert set(both) == set(superuser) | set(ambassador)
    assert len(both) == len(set(both))
    every = command_lines(rendered(person_with(*ROLES), "da", everything=True))
    assert len(every) == len(set(every)) == len(HELP_LINES) - 1  # `settings mine` for all


@pytest.mark.parametrize(
    ("role", "lang", "expected"),
    [
        ("ambassador", "en", "/tool-guide new <tool>"),
        ("ambassador", "en", "/tool-test train <tool>"),
        ("superuser", "en", "/tool-guide [what you are looking for]"),
        ("ambassador", "da", "/tool-guide ny <redskab>"),
        ("ambassador", "da", "/tool-test oplæring <redskab>"),
        ("ambassador", "da", "/tool-test oplæringer"),
        ("leader", "da", "/tool-test opsummering [redskab]"),
        ("leader", "da", "/tovholder netværk [område | dagtilbud]"),
    ],
)
def test_usage_lines_are_in_the_readers_words(role: Role, lang: str, expected: str) -> None:
    assert expected in command_lines(rendered(demo_person(role), lang))


def test_english_help_has_no_danish_placeholders_or_words() -> None:
    lines = command_lines(rendered(person_with(*ROLES), "en", everything=True))
    danish = ("redskab", "område", "periode", "spørgsmål", "leder efter", "netværk", "oplæring")
    assert [line for line in lines if any(word in line for word in danish)] == []


def test_the_all_help_names_itself_and_says_other_roles_have_more() -> None:
    text = shown(rendered(demo_person("superuser"), "da", everything=True))
    assert "*Alt, hvad du kan bede mig om:*" in text
    assert "dine roller giver adgang til" in text
    coordinator = shown(rendered(demo_person("coordinator"), "en", everything=True))
    assert "These are all the commands." in coordinator


#: The option (the word after the sub-command) a usage line shows.
OPTION_OF = {
    "gdpr_erase": "erase",
    "gdpr_log": "log",
    "pulse_export": "export",
    "my_settings_mine": "mine",
    "help": "all",
}
OWNED: list[tuple[SlashCommand, SubCommand | None, HelpLine]] = [
    *((slash, None, line) for slash in COMMANDS for line in slash.lines),
    *((slash, sub, line) for slash in COMMANDS for sub in slash.subs for line in sub.lines),
]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("slash", "sub", "line"), OWNED, ids=[line.name for *_, line in OWNED])
def test_every_word_the_help_shows_is_understood(
    slash: SlashCommand, sub: SubCommand | None, line: HelpLine, lang: str
) -> None:
    """Danish help shows `oplæring`, `netværk`, `puls`, `mine-data` …: each is read by the
    dispatch as the sub-command (and option) whose line shows it."""
    command, _, text = t(lang, line.usage_key).partition(" ")
    assert command == slash.command
    reading = slash.read(text)
    assert reading.sub is sub
    option = OPTION_OF.get(line.name)
    if option is not None:
        assert sub is not None
        assert option in {sub.option(word.strip("[]")) for word in reading.rest.split()}


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("oplæring", "train"),
        ("train", "train"),
        ("træning", "train"),
        ("kursus", "train"),
        ("oplæringer", "trainings"),
        ("trainings", "trainings"),
        ("træninger", "trainings"),
        ("resultat", "result"),
        ("result", "result"),
        ("opsummering", "summary"),
        ("summary", "summary"),
    ],
)
def test_tool_test_takes_the_danish_words_and_the_old_ones(word: str, name: str) -> None:
    for typed in (word, word.upper(), f"{word} Bee-Bot"):
        found = TOOL_TEST.read(typed).sub
        assert found is not None and found.name == name


# -- the welcome DM -----------------------------------------------------------------------


def welcome_of(person: Person) -> Welcome:
    area = Area(1, "Nord")
    ambassador = demo_person("ambassador")
    return Welcome(person, Daycare(1, "Børnehuset Mælkebøtten", 1), area, (ambassador,), ())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_welcome_shows_a_superuser_their_five_commands(lang: str) -> None:
    message = render.message(welcome_message(lang, welcome_of(demo_person("superuser"))))
    lines = command_lines(message)
    assert len(lines) == 5
    assert ("`/tovholder hjælp alt`" if lang == "da" else "`/tovholder help all`") in shown(message)
    assert not any("gdpr" in line or "/tool-test" in line for line in lines)


def test_the_welcome_of_a_superuser_who_is_also_an_ambassador_shows_both() -> None:
    lines = command_lines(
        render.message(welcome_message("da", welcome_of(person_with("superuser", "ambassador"))))
    )
    assert "/tool-test [start | resultat]" in lines and "/sparring mine" in lines
    assert len(lines) == len(set(lines))


# -- small talk ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hej", "hello"),
        ("Hej!", "hello"),
        ("hej Tovholder :wave:", "hello"),
        ("hi there", "hello"),
        ("godmorgen", "morning"),
        ("God morgen allesammen", "morning"),
        ("good morning, robot", "morning"),
        ("tak", "thanks"),
        ("Tusind tak for hjælpen!", "thanks"),
        ("thanks!", "thanks"),
        ("thank you so much", "thanks"),
        ("hej, hvordan virker Bee-Bot?", None),
        ("tak, men robotten virker ikke", None),
        ("hjælp", None),
        ("", None),
        ("🙂", None),
    ],
)
def test_a_greeting_is_known_and_anything_more_is_not(text: str, kind: str | None) -> None:
    assert small_talk(text) == kind
