"""The app manifest a municipal IT person pastes into Slack."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.i18n import t
from bot.services.commands import BY_COMMAND, COMMANDS, HELP_LINES, SlashCommand
from handlers.commands import HANDLERS

MANIFEST: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "manifest.json").read_text(encoding="utf-8")
)


SLASH_COMMANDS: list[dict[str, Any]] = MANIFEST["features"]["slash_commands"]


def test_declares_the_four_slash_commands() -> None:
    commands = [c["command"] for c in SLASH_COMMANDS]
    assert commands == ["/tool-guide", "/tool-test", "/sparring", "/tovholder"]
    for command in SLASH_COMMANDS:
        assert 2 <= len(command["command"]) <= 32
        assert command["description"]


def test_the_manifest_and_the_declared_commands_are_the_same() -> None:
    """Every slash command in the manifest is declared (and so dispatched and in the help),
    and every declared one is in the manifest (else Slack never sends it)."""
    assert sorted(c["command"] for c in SLASH_COMMANDS) == sorted(BY_COMMAND)


def test_every_declared_handler_exists() -> None:
    named = {slash.handler for slash in COMMANDS}
    named |= {sub.handler for slash in COMMANDS for sub in slash.subs if sub.handler}
    assert named == set(HANDLERS)


def test_every_help_line_is_declared_once() -> None:
    names = [line.name for line in HELP_LINES]
    assert len(names) == len(set(names))


def _own_placeholder(slash: SlashCommand) -> str | None:
    """The bare command's free text in its Danish usage line (`[det du leder efter]`)."""
    own = [t("da", line.usage_key).partition(" ")[2] for line in slash.lines]
    return own[0].strip("[]") if own else None


@pytest.mark.parametrize("entry", SLASH_COMMANDS, ids=[c["command"] for c in SLASH_COMMANDS])
def test_the_usage_hint_shows_the_declared_danish_words(entry: dict[str, Any]) -> None:
    """Each alternative of the hint (`oplæring <redskab>`) names a declared sub-command and
    reads as the help's Danish usage line for it, or is the command's own free text."""
    slash = BY_COMMAND[entry["command"]]
    for alternative in entry["usage_hint"].strip("[]").split("|"):
        shown = alternative.strip()
        sub = slash.read(shown).sub
        if sub is None:
            assert shown == _own_placeholder(slash), shown
            continue
        usages = [t("da", line.usage_key).partition(" ")[2] for line in sub.lines]
        assert not usages or any(usage.startswith(shown) for usage in usages), shown


@pytest.mark.parametrize("entry", SLASH_COMMANDS, ids=[c["command"] for c in SLASH_COMMANDS])
def test_the_description_is_in_english_and_danish(entry: dict[str, Any]) -> None:
    english, _, danish = entry["description"].partition(" / ")
    assert english.strip() and danish.strip()


def test_fits_slacks_limits_for_names() -> None:
    assert len(MANIFEST["display_information"]["name"]) <= 35
    assert len(MANIFEST["display_information"]["description"]) <= 140
    assert 174 <= len(MANIFEST["display_information"]["long_description"]) <= 4000


def test_socket_mode_and_interactivity_are_on() -> None:
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True


@pytest.mark.parametrize(
    ("scope", "why"),
    [
        ("commands", "slash commands"),
        ("chat:write", "chat.postMessage / postEphemeral"),
        ("chat:write.public", "sharing a guide in a public channel the bot has not joined"),
        ("channels:history", "message.channels: results written in the test channel"),
        ("groups:history", "message.groups: a private test channel"),
        ("im:write", "conversations.open for direct messages"),
        ("im:history", "message.im events"),
        ("app_mentions:read", "app_mention events"),
        ("users:read", "users.info for the person's locale"),
        ("users:read.email", "users.lookupByEmail when importing people"),
    ],
)
def test_has_the_scopes_the_bot_uses(scope: str, why: str) -> None:
    assert scope in MANIFEST["oauth_config"]["scopes"]["bot"], why


def test_subscribes_only_to_events_the_bot_handles() -> None:
    """An event without a listener gets 404, which Slack counts as a failure and retries."""
    assert sorted(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == [
        "app_home_opened",  # each role's Home tab
        "app_mention",
        "message.channels",  # the test channel, where results are written
        "message.groups",
        "message.im",
    ]


def test_the_home_tab_is_on() -> None:
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True


def test_the_save_as_result_shortcut_is_declared() -> None:
    (shortcut,) = MANIFEST["features"]["shortcuts"]
    assert (shortcut["type"], shortcut["callback_id"]) == ("message", "save_as_result")
    assert shortcut["name"] == "Gem som testresultat"
