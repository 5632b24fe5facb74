"""Asking the network: a question reaches the ambassadors of the asker's area, once.

Most questions first show "maybe one of these guides helps?": `ask_anyway` presses
"Spørg alligevel" when it is offered; a question no guide matches is posted at once.
"""

from __future__ import annotations

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.sparring import ask
from bot.services.workspace_settings import set_setting
from bot.views.sparring_handling import ASK_ANYWAY
from storage.repositories.sparring import question_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
SOEREN = "U0DEMO004"  # ambassador in Syd
SPARRING = "C0SPARRING"


async def ask_anyway(slack: LocalSlack, user_id: str, channel_id: str = GENERAL) -> None:
    """Press "Spørg alligevel" on the guides shown before the question is sent."""
    await slack.driver.click(user_id, action_id=ASK_ANYWAY, channel_id=channel_id)
    await slack.settle()


async def with_sparring_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, SOEREN, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )


async def test_a_question_goes_to_the_area_ambassador_in_the_sparring_channel(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(
        LINE,
        "/sparring",
        "Hvordan får vi de små til at vente på tur med Bee-Bot?",
        channel_id=GENERAL,
    )
    await slack.settle()
    (maybe,) = slack.standin.calls_to("response_url")
    assert "Måske hjælper en af disse?" in texts(maybe)
    assert "Bee-Bot på gulvet" in texts(maybe)
    assert slack.standin.calls_to("chat.postMessage") == []  # not sent before "Spørg alligevel"
    await ask_anyway(slack, LINE)
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.ok, post.errors
    assert post.args["channel"] == SPARRING
    shown = texts(post)
    assert f"*Sparringsspørgsmål fra <@{LINE}>* (Børnehuset Mælkebøtten, område Nord)" in shown
    assert "> Hvordan får vi de små til at vente på tur med Bee-Bot?" in shown
    assert f"Til: <@{METTE}>" in shown
    assert f"<@{SOEREN}>" not in shown  # Syd's ambassador is not bothered
    _, receipt = slack.standin.calls_to("response_url")
    assert receipt.args["replace_original"] is True  # the receipt replaces the guides
    assert f"sendt til <#{SPARRING}>" in texts(receipt)
    (stored,) = await question_records(slack.bot.db)
    assert (stored["platform"], stored["conversation_id"]) == ("slack", SPARRING)
    assert stored["message_id"] == post.response["ts"]


async def test_an_area_without_ambassadors_reaches_everyone_and_shows_the_gap(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(
        OLIVER, "/sparring", "How do we start with Osmo?", channel_id=GENERAL
    )
    await slack.settle()
    await ask_anyway(slack, OLIVER)
    (post,) = slack.standin.calls_to("chat.postMessage")
    shown = texts(post)
    for person in (METTE, SOEREN, ANNETTE):
        assert f"<@{person}>" in shown
    assert "Område Øst har ingen ambassadør endnu" in shown  # the channel reads Danish
    maybe, receipt = slack.standin.calls_to("response_url")
    assert "Maybe one of these helps?" in texts(maybe)
    assert "Thank you – your question is in" in texts(receipt)  # Oliver reads English


async def test_without_a_sparring_channel_the_ambassadors_get_a_dm(slack: LocalSlack) -> None:
    await slack.driver.slash_command(
        LINE, "/sparring", "Hvor er ladekablet til lysbordet?", channel_id=GENERAL
    )
    await slack.settle()
    await ask_anyway(slack, LINE)
    (dm,) = slack.standin.calls_to("chat.postMessage")
    assert dm.args["channel"] == METTE
    assert "Svar <@U0DEMO005> i en besked." in texts(dm)
    _, receipt = slack.standin.calls_to("response_url")
    assert f"sendt direkte til <@{METTE}>" in texts(receipt)


async def test_the_guide_button_opens_the_modal_with_the_tool_chosen(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/tool-guide", "bee-bot", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.click(LINE, action_id="guide_sparring", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(LINE)
    tool = next(b for b in modal["blocks"] if b["block_id"] == "tool")
    assert tool["element"]["initial_option"]["text"]["text"] == "Bee-Bot"
    result = await slack.driver.submit_view(
        LINE, {"question": {"value": "Kan Bee-Bot bruges udenfor?"}}
    )
    await slack.settle()
    assert result.status == 200
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert "Redskab: *Bee-Bot*" in texts(post)
    (receipt,) = slack.standin.calls_to("chat.postEphemeral")
    assert receipt.args["channel"] == GENERAL


async def test_an_empty_or_huge_question_is_answered_privately_and_nothing_is_stored(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await slack.driver.slash_command(LINE, "/sparring", "x" * 2500, channel_id=GENERAL)
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert "Spørgsmålet er for langt: højst 2000 tegn, her står 2500." in texts(answer)
    await slack.driver.slash_command(LINE, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    assert slack.standin.open_views(LINE)  # no words: the modal
    refused = await slack.driver.submit_view(LINE, {"question": {"value": "   "}})
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert slack.standin.calls_to("chat.postMessage") == []
    assert await question_records(slack.bot.db) == []


async def test_hostile_text_is_quoted_literally(slack: LocalSlack, clock: ManualClock) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(
        LINE, "/sparring", "<!channel> se <https://x.example|her>", channel_id=GENERAL
    )
    await slack.settle()
    (maybe,) = slack.standin.calls_to("response_url")
    assert "<!channel>" not in texts(maybe)
    await ask_anyway(slack, LINE)
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert "<!channel>" not in texts(post)
    assert "> &lt;!channel&gt; se &lt;https://x.example|her&gt;" in texts(post)


async def test_the_same_submission_twice_is_one_question(
    slack: LocalSlack, clock: ManualClock
) -> None:
    line = await person_id(slack.bot.db, LINE)
    first = await ask(
        slack.bot.db, clock, request_key="view:V1", asker_id=line, text="Hej?", tool_id=None
    )
    again = await ask(
        slack.bot.db, clock, request_key="view:V1", asker_id=line, text="Hej?", tool_id=None
    )
    assert first.created and not again.created
    assert again.question.id == first.question.id
    assert len(await question_records(slack.bot.db)) == 1
