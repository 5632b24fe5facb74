"""Adoption through Slack: a superuser marks her daycare's use of a tool on the guide card,
the neighbours see it, `/tovholder network <daycare>` lists it, and stopping asks why."""

from __future__ import annotations

from bot.local import LocalSlack
from tests.e2e.conftest import GENERAL, METTE, texts
from tests.e2e.test_tool_guide import choose, menu, tool_guide

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
AHMED = "U0DEMO006"  # superuser in Børnehaven Regnbuen, area Nord


async def network(slack: LocalSlack, user: str, text: str) -> str:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tovholder", text, channel_id=GENERAL)
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    return texts(answer)


async def test_line_marks_bee_bot_in_use_and_ahmed_sees_his_neighbour(slack: LocalSlack) -> None:
    card = await tool_guide(slack, LINE, "bee-bot")
    shown = menu(card)  # in "Mere …", chosen as Slack sends an overflow choice
    assert [shown[a][0] for a in ("adoption_started", "adoption_in_use", "adoption_stopped")] == [
        "Vi er i gang",
        "Vi bruger det",
        "Vi er stoppet",
    ]
    assert "I brug i 0 af 7 dagtilbud" in texts(card)
    (receipt,) = await choose(slack, LINE, card, "adoption_in_use")
    assert "Gemt: *Børnehuset Mælkebøtten* er nu _i brug_ med *Bee-Bot*." in texts(receipt)
    (again,) = await choose(slack, LINE, card, "adoption_in_use")  # the same card, again
    assert "allerede _i brug_" in texts(again)

    seen = texts(await tool_guide(slack, AHMED, "bee-bot"))
    assert "I brug i 1 af 7 dagtilbud" in seen
    assert "Spørg naboen: Børnehuset Mælkebøtten" in seen
    assert "Børnehaven Regnbuen: ikke startet" in seen

    listed = await network(slack, LINE, "network Mælkebøtten")
    assert "*Redskaber i Børnehuset Mælkebøtten:*" in listed
    assert "• *Bee-Bot* – i brug" in listed


async def test_stopping_asks_for_a_reason(slack: LocalSlack) -> None:
    card = await tool_guide(slack, LINE, "bee-bot")
    await choose(slack, LINE, card, "adoption_stopped")
    refused = await slack.driver.submit_view(LINE, {"reason": {"value": "   "}})
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert "reason" in refused.json["errors"]
    mark = slack.standin.mark()
    saved = await slack.driver.submit_view(LINE, {"reason": {"value": "Robotterne <drillede>"}})
    await slack.settle()
    assert saved.status == 200
    assert not (saved.json or {}).get("response_action")
    (receipt,) = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert "_stoppet_ med *Bee-Bot*" in texts(receipt)
    listed = await network(slack, METTE, "network maelkeboetten")
    assert "• *Bee-Bot* – stoppet – fordi: Robotterne &lt;drillede&gt;" in listed


async def test_an_ambassador_sets_it_for_a_daycare_of_her_area(slack: LocalSlack) -> None:
    card = await tool_guide(slack, METTE, "bee-bot")
    assert "adoption_started" not in menu(card)  # Mette has no daycare of her own
    await choose(slack, METTE, card, "adoption_other")
    modal = slack.standin.views.top(METTE)
    assert modal is not None
    options = [o["text"]["text"] for o in modal["blocks"][1]["element"]["options"]]
    assert options == ["Børnehaven Regnbuen", "Børnehuset Mælkebøtten", "Vuggestuen Solsikken"]
    regnbuen = modal["blocks"][1]["element"]["options"][0]["value"]
    await slack.driver.submit_view(
        METTE, {"daycare": {"value": regnbuen}, "state": {"value": "getting_started"}}
    )
    await slack.settle()
    assert "• *Bee-Bot* – i gang" in await network(slack, METTE, "network regnbuen")
