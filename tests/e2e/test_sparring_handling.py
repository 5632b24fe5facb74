"""Handling a sparring question end to end through the stand-in: "maybe one of these
helps?", the DM offer, private questions, a failed channel post, claim, thread replies,
answer, solved, and "Save as FAQ"."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain.tool_tests import ResultDraft
from bot.local import LocalSlack
from bot.services.guides import find_tool, get_guide_by_id, guide_history
from bot.services.sparring import get_question
from bot.services.tool_tests import save_result
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from bot.views.guides import SHOW as GUIDE_SHOW
from bot.views.guides import SPARRING as GUIDE_SPARRING
from bot.views.sparring import ANSWER, CLAIM, RESOLVE, SAVE_FAQ
from bot.views.sparring_handling import ASK_ANYWAY
from storage.repositories.sparring import question_records, reply_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.people import person_id, slack_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
SOEREN = "U0DEMO004"  # ambassador in Syd
CAMILLA = "U0DEMO007"  # superuser in Syd
SPARRING = "C0SPARRING"


@pytest.fixture(autouse=True)
async def every_call_accepted(slack: LocalSlack) -> AsyncIterator[None]:
    """Whatever the bot sent, Slack took (Block Kit limits included); only the missing
    channel of the failed-post test is refused."""
    yield
    refused = [c for c in slack.standin.calls if not c.ok and c.error != "channel_not_found"]
    assert refused == []


async def with_sparring_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, SOEREN, ANNETTE, LINE, CAMILLA])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )


def has_button(call: RecordedCall, action_id: str) -> bool:
    def walk(node: Any) -> bool:
        if isinstance(node, dict):
            if node.get("type") == "button" and node.get("action_id") == action_id:
                return True
            return any(walk(value) for value in node.values())
        if isinstance(node, list):
            return any(walk(item) for item in node)
        return False

    return walk(call.args.get("blocks", []))


async def ask(slack: LocalSlack, user_id: str, text: str) -> dict[str, Any]:
    """`/sparring <text>` in #general, "Spørg alligevel" when offered; the channel post."""
    await slack.driver.slash_command(user_id, "/sparring", text, channel_id=GENERAL)
    await slack.settle()
    shown = slack.standin.calls_to("response_url")[-1]
    if has_button(shown, ASK_ANYWAY):
        await slack.driver.click(user_id, action_id=ASK_ANYWAY, channel_id=GENERAL)
        await slack.settle()
    return post_in(slack)


def post_in(slack: LocalSlack, channel: str = SPARRING) -> dict[str, Any]:
    """The question post as it stands now (chat.update changes it in place)."""
    posts = [m for m in slack.standin.messages(channel) if m.get("thread_ts") in (None, m["ts"])]
    return posts[-1]


def shown(message: dict[str, Any]) -> str:
    return texts(RecordedCall("message", message, 200, {}, True, None, [], 0.0))


def buttons(message: dict[str, Any]) -> set[str]:
    return {
        element["action_id"]
        for block in message.get("blocks", [])
        if block.get("type") == "actions"
        for element in block["elements"]
    }


async def only_question(slack: LocalSlack) -> dict[str, Any]:
    (record,) = await question_records(slack.bot.db)
    return record


# -- asking --------------------------------------------------------------------------------


async def test_guides_are_shown_before_posting_and_ask_anyway_posts_exactly_once(
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
    assert maybe.ok, maybe.errors
    assert "Måske hjælper en af disse?" in texts(maybe)
    assert "Bee-Bot på gulvet – de første skridt i programmering" in texts(maybe)
    assert has_button(maybe, GUIDE_SHOW) and has_button(maybe, ASK_ANYWAY)
    assert slack.standin.calls_to("chat.postMessage") == []
    assert (await only_question(slack))["state"] == "draft"

    # "Åbn" shows the guide privately; the question stays unsent.
    await slack.driver.click(LINE, action_id=GUIDE_SHOW, channel_id=GENERAL)
    await slack.settle()
    assert slack.standin.calls_to("chat.postMessage") == []

    clicked = await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
    await slack.settle()
    # A double click: the very same click delivered again.
    again = await slack.driver.transport.send("interactive", clicked.payload)
    await slack.settle()
    assert again.status == 200
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.args["channel"] == SPARRING
    assert f"Til: <@{METTE}>" in texts(post)
    assert {CLAIM, ANSWER, RESOLVE} <= buttons(post.args)
    record = await only_question(slack)
    assert record["state"] == "open" and record["message_id"] == post.response["ts"]
    receipts = [c for c in slack.standin.calls_to("response_url") if "sendt til" in texts(c)]
    assert len(receipts) == 2 and all(r.args["replace_original"] for r in receipts)


async def test_a_question_no_guide_matches_is_posted_at_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/sparring", "Hej?", channel_id=GENERAL)
    await slack.settle()
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.args["channel"] == SPARRING
    (receipt,) = slack.standin.calls_to("response_url")
    assert f"sendt til <#{SPARRING}>" in texts(receipt)


async def test_a_question_in_a_dm_is_offered_to_the_network_with_one_click(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.user_message(LINE, None, "Hvordan lader vi iPad'en op om natten?")
    await slack.settle()
    (offer,) = slack.standin.calls_to("chat.postMessage")
    dm = slack.standin.im_channel_id(LINE)
    assert offer.args["channel"] == dm
    assert "Skal jeg spørge netværket?" in texts(offer)
    assert has_button(offer, ASK_ANYWAY)
    assert (await only_question(slack))["state"] == "draft"

    await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=dm)
    await slack.settle()
    post = post_in(slack)
    assert "> Hvordan lader vi iPad'en op om natten?" in shown(post)
    (replaced,) = slack.standin.calls_to("response_url")
    assert replaced.args["replace_original"] is True
    assert f"sendt til <#{SPARRING}>" in texts(replaced)
    assert (await only_question(slack))["state"] == "open"


async def test_help_and_plain_words_in_a_dm_are_not_offered(slack: LocalSlack) -> None:
    for text in ("hjælp", "help", "tak for i går"):
        await slack.driver.user_message(LINE, None, text)
    await slack.settle()
    assert not any(
        "spørge netværket" in texts(c) for c in slack.standin.calls_to("chat.postMessage")
    )
    assert await question_records(slack.bot.db) == []


async def test_a_private_question_goes_to_the_ambassadors_by_dm_only(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    result = await slack.driver.submit_view(
        LINE,
        {
            "question": {
                "value": "Hvordan taler vi med en forælder, der er bekymret for skærmtid?"
            },
            "urgency": {"value": "urgent"},
            "private": {"value": ["private"]},
        },
    )
    await slack.settle()
    assert result.status == 200
    (maybe,) = slack.standin.calls_to("chat.postEphemeral")  # the guides, in #general
    assert "Måske hjælper en af disse?" in texts(maybe)
    await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
    await slack.settle()
    (dm,) = slack.standin.calls_to("chat.postMessage")
    assert dm.args["channel"] == METTE
    assert "Privat spørgsmål" in texts(dm) and ":rotating_light: *Haster*" in texts(dm)
    assert {CLAIM, ANSWER} <= buttons(dm.args) and RESOLVE not in buttons(dm.args)
    assert slack.standin.messages(SPARRING) == []
    record = await only_question(slack)
    assert (record["private"], record["urgency"], record["conversation_id"]) == (1, "urgent", None)
    receipt = slack.standin.calls_to("response_url") or slack.standin.calls_to("chat.postEphemeral")
    assert "sendt privat til" in texts(receipt[-1])

    # Mette claims it in her DM: her copy shows it.
    await slack.driver.click(METTE, action_id=CLAIM, channel_id=slack.standin.im_channel_id(METTE))
    await slack.settle()
    (update,) = slack.standin.calls_to("chat.update")
    assert f"<@{METTE}> tager den" in texts(update)


async def test_a_failed_channel_post_tells_the_asker_and_the_coordinator(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await set_setting(
        slack.bot.db, clock, "sparring_channel", "C0GONE", await person_id(slack.bot.db, ANNETTE)
    )
    await slack.driver.slash_command(LINE, "/sparring", "Hej?", channel_id=GENERAL)
    await slack.settle()
    failed, *dms = slack.standin.calls_to("chat.postMessage")
    assert failed.args["channel"] == "C0GONE" and failed.error == "channel_not_found"
    assert {dm.args["channel"] for dm in dms} == {METTE, ANNETTE}
    to_annette = next(dm for dm in dms if dm.args["channel"] == ANNETTE)
    assert "Jeg kunne ikke skrive dette spørgsmål i sparringskanalen <#C0GONE>" in texts(to_annette)
    assert "channel_not_found" in texts(to_annette)
    assert "> Hej?" in texts(to_annette)
    (receipt,) = slack.standin.calls_to("response_url")
    assert "Jeg kunne ikke skrive i <#C0GONE>" in texts(receipt)
    assert "Koordinatoren har fået besked" in texts(receipt)
    assert (await only_question(slack))["state"] == "open"  # not lost


async def test_ambassadors_who_tested_the_tool_are_added(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    bee_bot = await find_tool(slack.bot.db, "Bee-Bot")
    assert bee_bot is not None
    draft = ResultDraft(tool_id=bee_bot.id, tested_on=clock.now().date(), worked="Godt")
    soeren = await person_id(slack.bot.db, SOEREN)
    await save_result(slack.bot.db, clock, soeren, draft, request_key="test:1")
    await slack.driver.slash_command(LINE, "/tool-guide", "bee-bot", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.click(LINE, action_id=GUIDE_SPARRING, channel_id=GENERAL)
    await slack.settle()
    await slack.driver.submit_view(LINE, {"question": {"value": "Kan den køre på tæppe?"}})
    await slack.settle()
    (maybe,) = slack.standin.calls_to("chat.postEphemeral")
    assert "Bee-Bot på gulvet" not in texts(maybe)  # not the guide the question came from
    await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
    await slack.settle()
    post = post_in(slack)
    assert f"Til: <@{METTE}>" in shown(post)
    assert f"Har afprøvet Bee-Bot: <@{SOEREN}>" in shown(post)


# -- handling ------------------------------------------------------------------------------


async def test_two_claims_at_once_one_wins_and_the_other_is_told_who(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    ts = post["ts"]
    mark = slack.standin.mark()
    clicks = await asyncio.gather(
        slack.driver.click(METTE, action_id=CLAIM, channel_id=SPARRING, message_ts=ts),
        slack.driver.click(SOEREN, action_id=CLAIM, channel_id=SPARRING, message_ts=ts),
    )
    await slack.settle()
    record = await only_question(slack)
    winner = await slack_id(slack.bot.db, record["claimed_by"])
    loser = SOEREN if winner == METTE else METTE
    assert winner in (METTE, SOEREN)
    calls = slack.standin.calls_since(mark)
    updates = [c for c in calls if c.method == "chat.update"]
    assert len(updates) == 1
    told = [c for c in calls if c.method == "response_url"]
    assert len(told) == 1
    assert f"<@{winner}> tog den først" in texts(told[0])
    assert told[0].args["response_type"] == "ephemeral"
    ephemerals = slack.standin.ephemerals(SPARRING, loser)
    assert any("tog den først" in shown(e) for e in ephemerals)
    now = post_in(slack)
    assert f":raising_hand: <@{winner}> tager den." in shown(now)
    assert CLAIM not in buttons(now) and ANSWER in buttons(now)

    # The winner's click delivered again (a double click) is told it is theirs already.
    again = clicks[0] if winner == METTE else clicks[1]
    await slack.driver.transport.send("interactive", again.payload)
    await slack.settle()
    assert "Du har allerede taget den." in texts(slack.standin.calls_to("response_url")[-1])
    assert len(slack.standin.calls_to("chat.update")) == 1


async def test_a_superuser_cannot_claim(slack: LocalSlack, clock: ManualClock) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    await slack.driver.click(CAMILLA, action_id=CLAIM, channel_id=SPARRING, message_ts=post["ts"])
    await slack.settle()
    (told,) = slack.standin.calls_to("response_url")[-1:]
    assert "Det er kun" in texts(told)
    assert (await only_question(slack))["claimed_by"] is None


async def test_thread_replies_are_stored_and_the_first_reply_is_timed(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    ts = post["ts"]
    clock.advance(timedelta(minutes=5))
    await slack.driver.user_message(LINE, SPARRING, "Det gælder vuggestuen.", thread_ts=ts)
    await slack.settle()
    assert (await only_question(slack))["first_reply_at"] is None  # the asker's own words
    clock.advance(timedelta(minutes=10))
    await slack.driver.user_message(METTE, SPARRING, "Prøv med pilekort først.", thread_ts=ts)
    await slack.driver.user_message(METTE, SPARRING, "Ikke i en tråd.")
    await slack.settle()
    record = await only_question(slack)
    assert record["first_reply_at"] == "2026-11-30T08:15:00+00:00"
    stored = await reply_records(slack.bot.db)
    assert [(await slack_id(slack.bot.db, r["author_id"]), r["text"]) for r in stored] == [
        (LINE, "Det gælder vuggestuen."),
        (METTE, "Prøv med pilekort først."),
    ]
    assert all(r["question_id"] == record["id"] for r in stored)


async def test_answered_marks_the_latest_reply_and_the_asker_gets_it(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    ts = post["ts"]
    await slack.driver.user_message(
        METTE, SPARRING, "Læg pilekort på gulvet <!channel> & vent på tur.", thread_ts=ts
    )
    await slack.settle()
    await slack.driver.click(METTE, action_id=ANSWER, channel_id=SPARRING, message_ts=ts)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    answer = next(b for b in modal["blocks"] if b.get("block_id") == "answer")
    assert answer["element"]["initial_value"] == "Læg pilekort på gulvet <!channel> & vent på tur."
    result = await slack.driver.submit_view(METTE)  # as prefilled
    await slack.settle()
    assert result.status == 200
    record = await only_question(slack)
    assert record["state"] == "answered"
    assert record["answered_by"] == await person_id(slack.bot.db, METTE)
    reply_ts = slack.standin.replies(SPARRING, ts)[0]["ts"]
    assert record["answer_message_id"] == reply_ts  # the reply itself is the answer
    assert len(slack.standin.replies(SPARRING, ts)) == 1  # nothing posted in the thread
    dm = next(c for c in slack.standin.calls_to("chat.postMessage") if c.args["channel"] == LINE)
    assert f"<@{METTE}> har svaret på dit spørgsmål." in texts(dm)
    assert "&lt;!channel&gt; &amp; vent på tur." in texts(dm)
    assert "<!channel>" not in texts(dm)
    assert has_button(dm, RESOLVE)
    now = post_in(slack)
    assert f":white_check_mark: Besvaret af <@{METTE}>." in shown(now)
    assert buttons(now) == {RESOLVE}  # no tool, so no guide to save it to

    # A double submission (the same view again) sends nothing more.
    before = len(slack.standin.calls_to("chat.postMessage"))
    await slack.driver.transport.send("interactive", result.payload)
    await slack.settle()
    assert len(slack.standin.calls_to("chat.postMessage")) == before


async def test_a_typed_answer_is_posted_in_the_thread(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    await slack.driver.click(SOEREN, action_id=ANSWER, channel_id=SPARRING, message_ts=post["ts"])
    await slack.settle()
    await slack.driver.submit_view(SOEREN, {"answer": {"value": "Spørg Mette, hun har dem."}})
    await slack.settle()
    (in_thread,) = slack.standin.replies(SPARRING, post["ts"])
    assert f"*Svar fra <@{SOEREN}>:*" in in_thread["text"]
    record = await only_question(slack)
    assert record["answer_message_id"] == in_thread["ts"]
    assert record["answer_text"] == "Spørg Mette, hun har dem."


async def test_only_the_asker_resolves(slack: LocalSlack, clock: ManualClock) -> None:
    await with_sparring_channel(slack, clock)
    post = await ask(slack, LINE, "Hej?")
    ts = post["ts"]
    await slack.driver.click(METTE, action_id=RESOLVE, channel_id=SPARRING, message_ts=ts)
    await slack.settle()
    told = slack.standin.calls_to("response_url")[-1]
    assert f"Kun den, der stillede spørgsmålet (<@{LINE}>), kan" in texts(told)
    assert (await only_question(slack))["state"] == "open"

    await slack.driver.click(LINE, action_id=RESOLVE, channel_id=SPARRING, message_ts=ts)
    await slack.settle()
    record = await only_question(slack)
    assert record["state"] == "resolved" and record["resolved_at"] is not None
    assert ":tada: Løst" in shown(post_in(slack))
    assert buttons(post_in(slack)) == set()
    assert "markeret som løst" in texts(slack.standin.calls_to("response_url")[-1])


async def test_my_questions_lists_what_is_not_solved(slack: LocalSlack, clock: ManualClock) -> None:
    await with_sparring_channel(slack, clock)
    await ask(slack, LINE, "Hej?")
    await slack.driver.slash_command(LINE, "/sparring", "mine", channel_id=GENERAL)
    await slack.settle()
    listed = slack.standin.calls_to("response_url")[-1]
    assert "Dine åbne spørgsmål" in texts(listed) and "> Hej?" in texts(listed)
    assert "venter på svar" in texts(listed)
    await slack.driver.click(LINE, action_id=RESOLVE, channel_id=GENERAL)
    await slack.settle()
    await slack.driver.slash_command(LINE, "/sparring", "list", channel_id=GENERAL)
    await slack.settle()
    assert "Du har ingen åbne spørgsmål" in texts(slack.standin.calls_to("response_url")[-1])
    assert len(slack.standin.calls_to("chat.postMessage")) == 1  # "mine" asked nothing


# -- knowledge -----------------------------------------------------------------------------


async def test_save_as_faq_adds_a_guide_version_that_search_finds(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/tool-guide", "vandpytter", channel_id=GENERAL)
    await slack.settle()
    assert "Bee-Bot på gulvet" not in texts(slack.standin.calls_to("response_url")[-1])

    await slack.driver.slash_command(LINE, "/tool-guide", "bee-bot", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.click(LINE, action_id=GUIDE_SPARRING, channel_id=GENERAL)
    await slack.settle()
    question = "Kan Bee-Bot køre i vandpytter på legepladsen?"
    await slack.driver.submit_view(LINE, {"question": {"value": question}})
    await slack.settle()
    post = post_in(slack)
    ts = post["ts"]
    await slack.driver.click(METTE, action_id=ANSWER, channel_id=SPARRING, message_ts=ts)
    await slack.settle()
    answer = "Nej – vand ødelægger motoren. Byg en bane med kridt på fliserne i stedet."
    await slack.driver.submit_view(METTE, {"answer": {"value": answer}})
    await slack.settle()
    assert SAVE_FAQ in buttons(post_in(slack))

    # A superuser may not; an ambassador may, once.
    await slack.driver.click(LINE, action_id=SAVE_FAQ, channel_id=SPARRING, message_ts=ts)
    await slack.settle()
    assert "Det er kun" in texts(slack.standin.calls_to("response_url")[-1])
    record = await only_question(slack)
    assert record["faq_guide_id"] is None
    bee_bot = await find_tool(slack.bot.db, "Bee-Bot")
    assert bee_bot is not None
    first = await slack.driver.click(METTE, action_id=SAVE_FAQ, channel_id=SPARRING, message_ts=ts)
    await slack.driver.transport.send("interactive", first.payload)  # a double click
    await slack.settle()
    record = await only_question(slack)
    guide = await get_guide_by_id(slack.bot.db, record["faq_guide_id"])
    assert guide is not None and guide.tool.id == bee_bot.id
    history = await guide_history(slack.bot.db, guide.guide.slug)
    assert [v.version for v in history][:2] == [2, 1]  # one new version, not two
    assert history[0].edited_by == await person_id(slack.bot.db, METTE)
    body = guide.current.content.body
    assert body.endswith(f"## Spørgsmål og svar\n\n**{question}**\n\n{answer}")
    told = [texts(c) for c in slack.standin.calls_to("response_url")[-2:]]
    assert any("Gemt i vejledningen *Bee-Bot på gulvet" in text for text in told)
    assert any("allerede gemt" in text for text in told)
    assert ":books: Gemt som spørgsmål og svar i vejledningen til Bee-Bot." in shown(post_in(slack))
    assert SAVE_FAQ not in buttons(post_in(slack))

    # /tool-guide now finds the guide by the question's own words.
    await slack.driver.slash_command(CAMILLA, "/tool-guide", "vandpytter", channel_id=GENERAL)
    await slack.settle()
    assert "Bee-Bot på gulvet" in texts(slack.standin.calls_to("response_url")[-1])
    stored = await get_question(slack.bot.db, record["id"])
    assert stored is not None and stored.faq_guide_id == guide.guide.id
