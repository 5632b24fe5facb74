"""What people type reaches them again as typed (issue 17.4): Slack sends a typed `&`, `<`
and `>` as `&amp;`, `&lt;` and `&gt;` in message and command text; the bot decodes them once
where it reads the text, stores plain text, and escapes once when it shows it — so "Leg &
Læring" is `Leg &amp; Læring` in mrkdwn (shown as "Leg & Læring"), never `&amp;amp;`."""

from __future__ import annotations

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.workspace_settings import set_setting
from storage.repositories.sparring import question_records, reply_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.e2e.test_tool_tests import result_of
from tests.people import person_id

LINE = "U0DEMO005"  # superuser
TESTS = "C0TESTS"
SPARRING = "C0SPARRING"
TYPED = "Leg & Læring, børnene <3 den"
#: How it must look in mrkdwn: escaped once.
SHOWN = "Leg &amp; Læring, børnene &lt;3 den"


async def own_message(slack: LocalSlack, user: str, text: str, channel: str) -> str:
    await slack.driver.user_message(user, channel, text)
    await slack.settle()
    return str([m for m in slack.standin.messages(channel) if m.get("user") == user][-1]["ts"])


async def test_a_result_in_the_test_channel_is_stored_and_summarised_as_typed(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.standin.add_channel(TESTS, "afproevning", members=[METTE, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "test_channel", TESTS, await person_id(slack.bot.db, ANNETTE)
    )
    ts = await own_message(slack, METTE, f"#test Bee-Bot 4/5 – {TYPED}", TESTS)
    assert slack.standin.messages(TESTS)[0]["text"].endswith(SHOWN)  # as Slack sends it
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None and TYPED in result.draft.worked

    await slack.driver.slash_command(METTE, "/tool-test", "summary Bee-Bot", channel_id=GENERAL)
    await slack.settle()
    summary = texts(slack.standin.calls_to("response_url")[-1])
    assert SHOWN in summary and "&amp;amp;" not in summary and "&amp;lt;" not in summary


async def test_the_shortcut_fills_the_modal_with_the_text_as_typed(slack: LocalSlack) -> None:
    ts = await own_message(slack, METTE, f"Bee-Bot 4/5 – {TYPED}", GENERAL)
    await slack.driver.message_shortcut(METTE, "save_as_result", GENERAL, ts)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    values = [str(b.get("element", {}).get("initial_value", "")) for b in modal["blocks"]]
    assert any(TYPED in value for value in values)  # plain text: no entities in a text input
    assert not any("&amp;" in value or "&lt;" in value for value in values)


async def test_a_question_and_a_thread_reply_are_stored_and_posted_as_typed(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, ANNETTE, LINE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )
    await slack.driver.slash_command(
        LINE, "/sparring", f"Hvordan bruger vi {TYPED}?", channel_id=GENERAL
    )
    await slack.settle()
    posts = [m for m in slack.standin.messages(SPARRING) if "thread_ts" not in m]
    if not posts:  # guides were offered first: "Spørg alligevel"
        from bot.views.sparring_handling import ASK_ANYWAY

        await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
        await slack.settle()
        posts = [m for m in slack.standin.messages(SPARRING) if "thread_ts" not in m]
    (question,) = await question_records(slack.bot.db)
    assert question["question"] == f"Hvordan bruger vi {TYPED}?"
    (post,) = posts
    assert SHOWN in str(post) and "&amp;amp;" not in str(post)

    await slack.driver.user_message(METTE, SPARRING, f"Prøv {TYPED}", thread_ts=post["ts"])
    await slack.settle()
    assert [r["text"] for r in await reply_records(slack.bot.db)] == [f"Prøv {TYPED}"]


async def test_a_direct_message_question_is_stored_as_typed(slack: LocalSlack) -> None:
    await slack.driver.user_message(LINE, None, f"Hvordan bruger vi {TYPED}?")
    await slack.settle()
    (question,) = await question_records(slack.bot.db)
    assert question["question"] == f"Hvordan bruger vi {TYPED}?"
    im = slack.standin.im_channel_id(LINE)
    assert im is not None
    offer = str(slack.standin.messages(im)[-1])
    assert SHOWN in offer and "&amp;amp;" not in offer
