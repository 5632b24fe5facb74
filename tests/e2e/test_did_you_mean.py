"""The "Mente du …?" answer: several close names each get a button Slack accepts, each works.

Since search forgives a misspelt name of a tool with a guide (it shows that guide), the
names offered after finding nothing are those of tools without a guide yet, or of none:
"Mente du …?" offers only names really close to what was typed.
"""

from __future__ import annotations

from bot.local import LocalSlack
from storage.repositories.tools import insert_tool
from tests.e2e.conftest import texts
from tests.e2e.test_tool_guide import LINE, buttons, click, tool_guide

NOW = "2026-11-30T08:00:00Z"


async def test_several_suggestions_reach_the_person_and_the_second_one_works(
    slack: LocalSlack,
) -> None:
    # Two tools proposed for the catalogue, no guide written for either yet.
    async with slack.bot.db.transaction() as conn:
        await insert_tool(conn, "Kahoot!", "Apps og spil", None, NOW)
        await insert_tool(conn, "Kahoot! Kids", "Apps og spil", None, NOW)
    answer = await tool_guide(slack, LINE, "kahot")  # a typo between the two
    suggested = {a: name for a, name in buttons(answer).items() if a.startswith("guide_search")}
    assert sorted(suggested.values()) == ["Kahoot!", "Kahoot! Kids"], buttons(answer)
    assert buttons(answer)["sparring_ask"] == "Spørg netværket"
    second = suggested["guide_search_name:1"]
    calls = await click(slack, LINE, "guide_search_name:1")
    (replaced,) = [c for c in calls if c.method == "response_url"]
    assert replaced.args["replace_original"] is True
    # No guide for it yet: the answer says so for the name chosen, and offers the network.
    assert second in texts(replaced), texts(replaced)
    assert buttons(replaced)["sparring_ask"] == "Spørg netværket"


async def test_names_that_only_share_letters_are_not_offered(slack: LocalSlack) -> None:
    for word in ("minecraft", "canva", "kahoot", "skrlmpf"):
        answer = await tool_guide(slack, LINE, word)
        assert not [a for a in buttons(answer) if a.startswith("guide_search")], texts(answer)
        assert buttons(answer)["sparring_ask"] == "Spørg netværket"
        assert "Mente du" not in texts(answer)


async def test_a_misspelt_name_of_a_tool_with_a_guide_shows_its_guide(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, LINE, "ozzobot")
    assert answer.args["blocks"][0]["text"]["text"].startswith("Ozobot"), texts(answer)
