"""The app manifest a municipal IT person pastes into Slack."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

MANIFEST: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "manifest.json").read_text(encoding="utf-8")
)


def test_declares_the_four_slash_commands() -> None:
    commands = [c["command"] for c in MANIFEST["features"]["slash_commands"]]
    assert commands == ["/tool-guide", "/tool-test", "/sparring", "/tovholder"]
    for command in MANIFEST["features"]["slash_commands"]:
        assert 2 <= len(command["command"]) <= 32
        assert command["description"]


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
