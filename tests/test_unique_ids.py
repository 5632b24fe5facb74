"""Every view with several entries is one Slack accepts: ids unique where Slack wants them.

Slack refuses a whole message when one block repeats an action_id (or the message repeats a
block_id), and the person then gets nothing. Lists are where that happens — "Mente du …?"
with three names did — so every builder is rendered with three entries in each list and
run through the stand-in's checks, cheaply, without a workspace.
"""

from __future__ import annotations

import pytest

from bot.domain.guides import Tool
from bot.domain.refs import MessageRef
from bot.services.tool_guide import NoMatch
from bot.views.guides import SEARCH_NAME_ACTIONS, no_match_message
from bot.views.tool_tests import OFFER_SAVE_ACTIONS, offer_message
from handlers.slack import render
from tests.view_samples import Builder, builders, call, payloads, refusals

BUILDERS = builders()
#: The list-shaped views the issue names; each must be among those rendered here.
LISTS = {
    "guides.no_match_message",
    "guides.search_message",
    "guide_browse.browse_message",
    "home.home_view",
    "trainings.list_message",
    "pulse.pulse_message",
    "network.network_message",
    "sparring_handling.my_questions",
    "sparring_handling.suggestions_message",
    "tool_tests.running_tests_message",
    "tool_tests.offer_message",
    "tool_tests.summary_message",
}


def test_the_list_shaped_views_are_all_rendered() -> None:
    assert not LISTS - {builder.name for builder in BUILDERS}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("builder", BUILDERS, ids=str)
def test_three_entries_of_everything_are_accepted_by_slack(builder: Builder, lang: str) -> None:
    result = call(builder, lambda n: f"Børnehuset Egernet {n + 1}", lang)
    problems = [reason for payload in payloads(result) for reason in refusals(payload)]
    assert problems == []


def action_ids(message: dict[str, object]) -> list[str]:
    blocks = message["blocks"]
    assert isinstance(blocks, list)
    return [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]


def test_each_close_name_has_its_own_button_and_the_listener_takes_old_ones_too() -> None:
    names = ("Kahoot!", "Book Creator", "Bee-Bot")
    message = render.message(no_match_message("da", NoMatch("kahoot", names)))
    ids = [i for i in action_ids(message) if SEARCH_NAME_ACTIONS.match(i)]
    assert ids == ["guide_search_name:0", "guide_search_name:1", "guide_search_name:2"]
    assert SEARCH_NAME_ACTIONS.match("guide_search_name")  # a message sent before the fix
    assert not SEARCH_NAME_ACTIONS.match("guide_search_name_x")


def test_each_candidate_tool_has_its_own_save_button() -> None:
    tools = tuple(Tool(n, name, None, "in_test") for n, name in enumerate(("A", "B", "C"), 1))
    message = render.message(
        offer_message("da", tools, MessageRef("slack", "C0TESTS", "1764000000.000100"), tagged=True)
    )
    ids = [i for i in action_ids(message) if OFFER_SAVE_ACTIONS.match(i)]
    assert ids == ["test_offer_save:0", "test_offer_save:1", "test_offer_save:2"]
    assert OFFER_SAVE_ACTIONS.match("test_offer_save")
