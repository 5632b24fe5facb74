"""The "Mente du …?" answer: several close names each get a button Slack accepts, each works."""

from __future__ import annotations

from bot.local import LocalSlack
from tests.e2e.conftest import texts
from tests.e2e.test_tool_guide import LINE, buttons, click, tool_guide


async def test_several_suggestions_reach_the_person_and_the_second_one_works(
    slack: LocalSlack,
) -> None:
    answer = await tool_guide(slack, LINE, "kahoot")
    suggested = {a: name for a, name in buttons(answer).items() if a.startswith("guide_search")}
    assert len(suggested) >= 2, buttons(answer)
    assert buttons(answer)["sparring_ask"] == "Spørg netværket"
    second = suggested["guide_search_name:1"]
    calls = await click(slack, LINE, "guide_search_name:1")
    (replaced,) = [c for c in calls if c.method == "response_url"]
    assert replaced.args["replace_original"] is True
    assert replaced.args["blocks"][0]["text"]["text"].startswith(f"{second}: "), texts(replaced)
