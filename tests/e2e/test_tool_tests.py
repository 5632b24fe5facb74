"""Tool tests: results come in by modal, by the message shortcut and by writing in the test
channel; each tool gets its evaluation; closing a test sets the tool's status."""

from __future__ import annotations

from typing import Any

from bot.clock import ManualClock
from bot.domain.refs import MessageRef
from bot.domain.tool_tests import Result
from bot.local import LocalSlack
from bot.services.guides import find_tool, status_history
from bot.services.pulse import build_pulse, current_week
from bot.services.reminders import list_reminders
from bot.services.tool_tests import result_for_message, running_tests, tool_summary
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from storage.db import Database
from storage.repositories import org
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.e2e.test_spreading import rounds_listed
from tests.e2e.test_tool_guide import choose, menu
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten
SOEREN = "U0DEMO004"  # ambassador in Syd
TESTS = "C0TESTS"


async def with_test_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(TESTS, "afproevning", members=[METTE, SOEREN, LINE, ANNETTE])
    annette = await person_id(slack.bot.db, ANNETTE)
    await set_setting(slack.bot.db, clock, "test_channel", TESTS, annette)


async def write(slack: LocalSlack, user: str, text: str, channel: str = TESTS) -> str:
    await slack.driver.user_message(user, channel, text)
    await slack.settle()
    own = [m for m in slack.standin.messages(channel) if m.get("user") == user]
    return str(own[-1]["ts"])


async def result_of(db: Database, channel: str, ts: str) -> Result | None:
    """The result saved from the Slack message `ts` in `channel`."""
    return await result_for_message(db, MessageRef("slack", channel, ts))


def thread_replies(slack: LocalSlack, ts: str) -> list[dict[str, Any]]:
    return slack.standin.replies(TESTS, ts)


async def bee_bot_id(slack: LocalSlack) -> int:
    tool = await find_tool(slack.bot.db, "Bee-Bot")
    assert tool is not None
    return tool.id


# -- writing in the test channel -------------------------------------------------------------


async def test_a_tagged_message_is_saved_with_tool_rating_and_advice(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(
        slack,
        METTE,
        "#test Bee-Botten i Mælkebøtten: 4/5 – børnene var optagede. Anbefales med forbehold.",
    )
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None
    assert (result.tool.name, result.draft.rating, result.draft.recommendation) == (
        "Bee-Bot",
        4,
        "recommend_with_conditions",
    )
    assert result.author_id == await person_id(slack.bot.db, METTE)
    assert result.draft.link and ts.replace(".", "") in result.draft.link
    assert result.draft.daycare_id == await daycare_id(slack, "Børnehuset Mælkebøtten")
    (reply,) = thread_replies(slack, ts)
    assert (
        "Gemt som testresultat: *Bee-Bot* · Børnehuset Mælkebøtten · ★★★★☆ (4/5)"
        " · Anbefales med forbehold" in reply["text"]
    )


async def test_a_result_in_the_channel_joins_the_running_test_and_counts_in_the_pulse(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Søren runs one Ozobot test, in Egernet (the demo's): his line in the channel is that
    test's result, from Egernet, with its children and minutes — so Syd is not quiet."""
    await with_test_channel(slack, clock)
    db = slack.bot.db
    (test,) = await running_tests(db, await person_id(db, SOEREN))
    assert await syd_results(slack, clock) == (0, (("Ozobot", None, 0),))  # "quiet"
    ts = await write(
        slack, SOEREN, "#test Ozobot i Egernet: 4/5, 6 børn, 25 min. Anbefales med forbehold"
    )
    result = await result_of(db, TESTS, ts)
    assert result is not None
    egernet = await daycare_id(slack, "Skovbørnehaven Egernet")
    assert (result.draft.test_id, result.draft.daycare_id) == (test.id, egernet)
    assert (result.draft.children, result.draft.minutes_spent) == (6, 25)
    assert result.draft.recommendation == "recommend_with_conditions"
    (reply,) = thread_replies(slack, ts)
    assert (
        "Gemt som testresultat: *Ozobot* · Skovbørnehaven Egernet · ★★★★☆ (4/5)"
        " · Anbefales med forbehold · 6 børn · 25 min." in reply["text"]
    )
    assert await syd_results(slack, clock) == (1, (("Ozobot", 4, 1),))


async def test_a_misspelt_daycare_is_still_found_and_an_edit_keeps_the_test(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    (test,) = await running_tests(slack.bot.db, await person_id(slack.bot.db, SOEREN))
    ts = await write(slack, SOEREN, "#test ozobot i egrnet 3/5, seks børn, en halv time")
    await slack.driver.edit_message(SOEREN, TESTS, ts, "#test Ozobot i Egernet 4/5, 7 børn")
    await slack.settle()
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None
    egernet = await daycare_id(slack, "Skovbørnehaven Egernet")
    assert (result.draft.test_id, result.draft.daycare_id) == (test.id, egernet)
    assert (result.draft.rating, result.draft.children, result.draft.minutes_spent) == (4, 7, 30)


async def daycare_id(slack: LocalSlack, name: str) -> int:
    return next(d.id for d in await org.all_daycares(slack.bot.db) if d.name == name)


async def syd_results(
    slack: LocalSlack, clock: ManualClock
) -> tuple[int, tuple[tuple[str, int | None, int], ...]]:
    """This week's pulse for Syd: results, and each tool in test with its newest rating."""
    pulse = await build_pulse(
        slack.bot.db, clock, slack.bot.app.services.settings.calendar, current_week(clock)
    )
    (syd,) = [area for area in pulse.areas if area.area == "Syd"]
    return syd.results, tuple(
        (tool.tool, tool.newest_rating, tool.results) for tool in syd.tools_in_test
    )


async def test_a_retried_event_saves_nothing_new(slack: LocalSlack, clock: ManualClock) -> None:
    await with_test_channel(slack, clock)
    first = await slack.driver.user_message(METTE, TESTS, "#test Ozobot 3/5")
    await slack.settle()
    assert first.payload is not None
    again = await slack.driver.event(
        first.payload["event"], event_id=first.payload["event_id"], retry_num=1
    )
    await slack.settle()
    assert again.status == 200
    ts = str(slack.standin.messages(TESTS)[0]["ts"])
    assert len(thread_replies(slack, ts)) == 1
    ozobot = await find_tool(slack.bot.db, "Ozobot")
    assert ozobot is not None
    assert (await tool_summary(slack.bot.db, ozobot.id)).results == 1


async def test_an_untagged_result_is_offered_and_saved_with_one_click(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, "Vi prøvede Blue-Bot i dag, 5/5, børnene elskede den")
    assert await result_of(slack.bot.db, TESTS, ts) is None  # never saved silently
    (offer,) = thread_replies(slack, ts)
    assert "Skal det gemmes som testresultat for *Blue-Bot*?" in offer["text"]
    await slack.driver.click(METTE, action_id="test_offer_save:0", channel_id=TESTS)
    await slack.settle()
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None and result.tool.name == "Blue-Bot" and result.draft.rating == 5
    blue = await find_tool(slack.bot.db, "Blue-Bot")
    assert blue is not None and blue.status == "in_test"  # its first result
    mette = await person_id(slack.bot.db, METTE)
    assert (await status_history(slack.bot.db, blue.id))[-1].changed_by == mette


async def test_a_tagged_message_naming_no_tool_asks_which(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, "#test den nye ting fra kommunen, 2/5")
    assert await result_of(slack.bot.db, TESTS, ts) is None
    (offer,) = thread_replies(slack, ts)
    assert "Jeg kan ikke se, hvilket redskab" in offer["text"]
    await slack.driver.click(METTE, action_id="test_offer_other", channel_id=TESTS)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    worked = next(b for b in modal["blocks"] if b.get("block_id") == "worked")
    assert worked["element"]["initial_value"] == "den nye ting fra kommunen, 2/5"


async def test_a_superuser_tagging_a_message_is_told_privately(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, LINE, "#test Bee-Bot 5/5")
    assert await result_of(slack.bot.db, TESTS, ts) is None
    (told,) = slack.standin.calls_to("chat.postEphemeral")
    assert told.args["user"] == LINE
    assert "gemmes kun fra ambassadører" in texts(told)


async def test_editing_the_message_updates_its_result(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, "#test Bee-Bot 2/5")
    before = await result_of(slack.bot.db, TESTS, ts)
    await slack.driver.edit_message(METTE, TESTS, ts, "#test Bee-Bot 4/5 – anbefales")
    await slack.settle()
    after = await result_of(slack.bot.db, TESTS, ts)
    assert before is not None and after is not None
    assert after.id == before.id
    assert (after.draft.rating, after.draft.recommendation) == (4, "recommend")
    assert after.draft.worked == "Bee-Bot 4/5 – anbefales"


async def test_deleting_the_message_asks_the_author_first(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, "#test Bee-Bot 2/5")
    await slack.driver.delete_message(METTE, TESTS, ts)
    await slack.settle()
    assert await result_of(slack.bot.db, TESTS, ts) is not None  # kept until asked
    ask = [c for c in slack.standin.calls_to("chat.postMessage") if c.args["channel"] == METTE]
    assert "Skal resultatet også slettes?" in texts(ask[-1])
    im = slack.standin.im_channel_id(METTE)
    await slack.driver.click(METTE, action_id="test_result_delete", channel_id=im)
    await slack.settle()
    assert await result_of(slack.bot.db, TESTS, ts) is None


# -- the modal and the shortcut ---------------------------------------------------------------


async def submit_result(slack: LocalSlack, user: str, values: dict[str, dict[str, Any]]) -> None:
    result = await slack.driver.submit_view(user, values)
    await slack.settle()
    assert result.status == 200
    assert result.json is None or result.json.get("response_action") != "errors", result.json


async def test_a_result_by_modal(slack: LocalSlack) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "result bee-bot", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    tool = next(b for b in modal["blocks"] if b.get("block_id") == "tool")
    assert tool["element"]["initial_option"]["text"]["text"] == "Bee-Bot"
    await submit_result(
        slack,
        METTE,
        {
            "rating": {"value": "5"},
            "recommendation": {"value": "recommend"},
            "worked": {"value": "De små ventede på tur 🐝\nOg talte om retninger."},
            "children": {"value": "4"},
            "themes": {"value": ["social-udvikling"]},
        },
    )
    summary = await tool_summary(slack.bot.db, await bee_bot_id(slack))
    assert summary.results == 1 and summary.average_rating == 5.0
    assert summary.quotes[0].text == "De små ventede på tur 🐝\nOg talte om retninger."
    (receipt,) = slack.standin.calls_to("chat.postEphemeral")
    assert "Gemt som testresultat: *Bee-Bot* · ★★★★★ (5/5) · Anbefales" in texts(receipt)


async def test_a_bad_number_in_the_modal_is_a_field_error(slack: LocalSlack) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "result bee-bot", channel_id=GENERAL)
    await slack.settle()
    refused = await slack.driver.submit_view(METTE, {"tested_on": {"value": "2031-01-01"}})
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert "tested_on" in refused.json["errors"]
    assert (await tool_summary(slack.bot.db, await bee_bot_id(slack))).results == 0


async def test_the_shortcut_saves_any_message_with_its_link(slack: LocalSlack) -> None:
    ts = await write(slack, LINE, "Bee-Bot i dag: 3/5, de mindste kunne ikke trykke selv", GENERAL)
    await slack.driver.message_shortcut(METTE, "save_as_result", GENERAL, ts)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    tool = next(b for b in modal["blocks"] if b.get("block_id") == "tool")
    assert tool["element"]["initial_option"]["text"]["text"] == "Bee-Bot"
    await submit_result(slack, METTE, {})
    result = await result_of(slack.bot.db, GENERAL, ts)
    assert result is not None
    assert result.draft.rating == 3 and result.draft.source == "shortcut"
    assert result.draft.link and "/archives/C0GENERAL/" in result.draft.link


async def test_the_shortcut_reads_the_message_as_the_channel_does(slack: LocalSlack) -> None:
    """Søren saves Line's message about his Ozobot test: the modal opens on that test, in
    Egernet, with the children and minutes the message gave."""
    text = "Ozobot i Egernet: 4/5, 6 børn, 25 min. Anbefales med forbehold"
    ts = await write(slack, LINE, text, GENERAL)
    await slack.driver.message_shortcut(SOEREN, "save_as_result", GENERAL, ts)
    await slack.settle()
    (modal,) = slack.standin.open_views(SOEREN)
    fields = {b.get("block_id"): b.get("element", {}) for b in modal["blocks"]}
    (test,) = await running_tests(slack.bot.db, await person_id(slack.bot.db, SOEREN))
    assert fields["test"]["initial_option"]["value"] == str(test.id)
    assert fields["daycare"]["initial_option"]["text"]["text"] == "Skovbørnehaven Egernet"
    assert (fields["children"]["initial_value"], fields["minutes"]["initial_value"]) == ("6", "25")
    await submit_result(slack, SOEREN, {})
    result = await result_of(slack.bot.db, GENERAL, ts)
    assert result is not None and result.draft.source == "shortcut"
    assert (result.draft.test_id, result.draft.children, result.draft.minutes_spent) == (
        test.id,
        6,
        25,
    )


async def test_a_superuser_cannot_use_the_shortcut(slack: LocalSlack) -> None:
    ts = await write(slack, LINE, "Bee-Bot 3/5", GENERAL)
    await slack.driver.message_shortcut(LINE, "save_as_result", GENERAL, ts)
    await slack.settle()
    assert slack.standin.open_views(LINE) == []
    (answer,) = slack.standin.calls_to("response_url")
    assert f"<@{ANNETTE}>" in texts(answer)


# -- tests, the summary and closing -----------------------------------------------------------


async def test_start_list_and_close_a_test_which_sets_the_status(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "start ozobot", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    daycares = next(b for b in modal["blocks"] if b.get("block_id") == "daycares")
    maelkeboetten = next(
        o["value"]
        for g in daycares["element"]["option_groups"]
        for o in g["options"]
        if o["text"]["text"] == "Børnehuset Mælkebøtten"
    )
    result = await slack.driver.submit_view(
        METTE,
        {
            "question": {"value": "Kan 4-årige følge en streg med Ozobot?"},
            "daycares": {"value": [maelkeboetten]},
        },
    )
    await slack.settle()
    assert result.json is None
    mark = slack.standin.mark()
    await slack.driver.slash_command(METTE, "/tool-test", "", channel_id=GENERAL)
    await slack.settle()
    (listing,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "*Ozobot* – Kan 4-årige følge en streg med Ozobot?" in texts(listing)
    assert "evaluering: 14. dec. 2026, 11. jan. 2027" in texts(listing)
    await slack.driver.click(METTE, action_id="test_close_open", channel_id=GENERAL)
    await slack.settle()
    close = {"conclusion": {"value": "recommended"}, "note": {"value": "Virker fint."}}
    # No result yet: recommending is confirmed first; "Tilbage" changes nothing.
    asked = await slack.driver.submit_view(METTE, close)
    assert asked.json is not None and asked.json["response_action"] == "push"
    (_, confirm) = slack.standin.open_views(METTE)
    assert (
        "Der er ingen resultater fra afprøvningen endnu. Vil du alligevel anbefale Ozobot?"
        in (confirm["blocks"][0]["text"]["text"])
    )
    await slack.driver.close_view(METTE)
    assert len(slack.standin.open_views(METTE)) == 1  # back at the close modal
    ozobot = await find_tool(slack.bot.db, "Ozobot")
    assert ozobot is not None and ozobot.status == "in_test"
    assert await rounds_listed(slack, clock) == []
    await slack.driver.submit_view(METTE, close)
    await slack.driver.submit_view(METTE)  # "Ja, anbefal"
    await slack.settle()
    assert slack.standin.open_views(METTE) == []
    ozobot = await find_tool(slack.bot.db, "Ozobot")
    assert ozobot is not None and ozobot.status == "recommended"
    steps = [(c.to_status, c.changed_by) for c in await status_history(slack.bot.db, ozobot.id)]
    mette = await person_id(slack.bot.db, METTE)
    assert steps[-2:] == [("evaluated", mette), ("recommended", mette)]
    assert await rounds_listed(slack, clock) == [("Ozobot", "recommended")]


async def test_afslut_as_recommended_after_a_result_starts_the_spreading_round(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Søren's result in the channel belongs to his Ozobot test, so closing it as recommended
    asks nothing more — and the round reaches the superusers of the daycares not using it."""
    await with_test_channel(slack, clock)
    await write(slack, SOEREN, "#test Ozobot i Egernet: 5/5, 6 børn, 25 min. Anbefales")
    await slack.driver.slash_command(SOEREN, "/tool-test", "", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.click(SOEREN, action_id="test_close_open", channel_id=GENERAL)
    await slack.settle()
    closed = await slack.driver.submit_view(SOEREN, {"conclusion": {"value": "recommended"}})
    await slack.settle()
    assert closed.json is None and slack.standin.open_views(SOEREN) == []
    assert await rounds_listed(slack, clock) == [("Ozobot", "recommended")]
    mark = slack.standin.mark()
    clock.move_to(clock.now().replace(hour=9, minute=30))  # the day's nudge time
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    invited = {
        str(c.args["channel"])
        for c in slack.standin.calls_since(mark)
        if c.method == "chat.postMessage" and "Nyt anbefalet redskab: Ozobot" in texts(c)
    }
    assert "U0DEMO006" in invited  # Ahmed, superuser in Børnehaven Regnbuen


async def test_a_test_started_in_slack_has_its_checkpoint_reminders_at_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """No planning job runs here (the fixture schedules nothing): the start itself plans."""
    await slack.driver.slash_command(METTE, "/tool-test", "start ozobot", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    daycares = next(b for b in modal["blocks"] if b.get("block_id") == "daycares")
    first_daycare = daycares["element"]["option_groups"][0]["options"][0]["value"]
    await slack.driver.submit_view(
        METTE,
        {
            "question": {"value": "Kan 4-årige følge en streg med Ozobot?"},
            "daycares": {"value": [first_daycare]},
            "checkpoints": {"value": "2, 6"},
        },
    )
    await slack.settle()
    mette = await person_id(slack.bot.db, METTE)
    (test,) = await running_tests(slack.bot.db, mette)
    planned = [
        (r.kind, r.recipient, r.due.astimezone(clock.tz).strftime("%Y-%m-%d %H:%M"))
        for r in await list_reminders(slack.bot.db, due_only=False, now=clock.now())
        if r.payload.get("test_id") == test.id
    ]
    assert planned == [
        ("test_checkpoint", mette, "2026-12-14 09:30"),
        ("test_follow_up", mette, "2026-12-16 09:30"),
        ("test_checkpoint", mette, "2027-01-11 09:30"),
        ("test_follow_up", mette, "2027-01-13 09:30"),
    ]


async def summary_call(slack: LocalSlack, user: str, text: str) -> RecordedCall:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tool-test", text, channel_id=GENERAL)
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    return answer


async def test_the_summary_has_the_right_numbers(slack: LocalSlack, clock: ManualClock) -> None:
    await with_test_channel(slack, clock)
    for text in (
        "#test Bee-Bot 5/5 anbefales",
        "#test Bee-Bot 4/5 anbefales med forbehold",
        "#test Bee-Bot 3/5 skal afprøves mere",
    ):
        await write(slack, METTE, text)
    shown = texts(await summary_call(slack, LINE, "summary bibot"))
    assert "Evaluering: Bee-Bot" in shown
    assert "*Resultater:* 3" in shown
    assert "*Gennemsnit:* ★★★★☆ 4,0" in shown
    assert "★★★★★  1" in shown and "★★☆☆☆  0" in shown
    assert "• Anbefales: 1" in shown
    assert "• Anbefales med forbehold: 1" in shown
    assert "• Skal afprøves mere: 1" in shown
    choices = await summary_call(slack, LINE, "summary")
    assert "*Bee-Bot* · resultater: 3" in texts(choices)
    guess = await summary_call(slack, LINE, "summary bibbelibot")
    assert "Hvilket redskab?" in texts(guess)


async def test_the_guide_card_shows_the_evaluation_and_opens_it(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    await write(slack, METTE, "#test Bee-Bot 5/5 anbefales")
    await write(slack, METTE, "#test Bee-Bot 3/5 anbefales ikke")
    await slack.driver.slash_command(LINE, "/tool-guide", "bee-bot", channel_id=GENERAL)
    await slack.settle()
    (card,) = slack.standin.calls_to("response_url")
    assert "Testresultater: 2 · ★★★★☆ 4,0 · Anbefaler: 1" in texts(card)
    assert menu(card)["test_summary"][0] == "Evaluering"  # a superuser's row is full
    calls = await choose(slack, LINE, card, "test_summary")
    (evaluation,) = [c for c in calls if c.method == "response_url"]
    assert "• Anbefales ikke: 1" in texts(evaluation)
