"""A guide's words shared in a channel notify nobody: Slack reads the notification text too."""

from __future__ import annotations

from bot.local import LocalSlack
from tests.e2e.conftest import GENERAL, METTE
from tests.e2e.test_tool_guide import click, guide_id_of, open_new_guide, tool_guide

TITLE = "<!channel> Hackbot <@U0123>"


async def test_sharing_a_guide_with_a_hostile_title_pings_nobody(slack: LocalSlack) -> None:
    await open_new_guide(slack, METTE, "ny Hackbot")
    await slack.driver.submit_view(
        METTE,
        {"title": {"value": TITLE}, "purpose": {"value": "Børnene <!here> & de voksne"}},
    )
    await slack.settle()
    answer = await tool_guide(slack, METTE, "hackbot")
    mark = slack.standin.mark()
    await click(slack, METTE, "guide_share", guide_id_of(answer))
    (post,) = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert post.args["channel"] == GENERAL
    assert post.broadcasts() == []
    mentioned = {found.target for found in post.controls if found.kind == "user"}
    assert mentioned == {METTE}  # "Delt af <@Mette>", and nobody named in the title
    assert post.args["text"] == "Vejledning: Hackbot – &lt;!channel&gt; Hackbot &lt;@U0123&gt;"
