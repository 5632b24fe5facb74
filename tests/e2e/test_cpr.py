"""The CPR guard through Slack: text holding a CPR number is never stored nor reposted; the
author is told privately, masked, and a message in the test channel is saved once edited.

Every test ends by checking that no request the bot made carried the unmasked number.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.tool_tests import tool_summary
from bot.services.workspace_settings import set_setting
from storage.repositories.sparring import question_records, reply_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.e2e.test_tool_tests import result_of
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
SOEREN = "U0DEMO004"  # ambassador in Syd
TESTS = "C0TESTS"
SPARRING = "C0SPARRING"

#: A real-looking CPR number (23 April 2015, a child) and a 29 February of a leap year
#: whose serial fails modulus 11 (as numbers issued since 2007 may).
CPR = "230415-4127"
CPR_PLAIN = "2304154127"
LEAP = "290216-4000"
#: One with a letter right after it, as a Danish genitive writes it.
GENITIVE = "070790-7777"
SECRETS = (CPR, CPR_PLAIN, "230415 4127", LEAP, "2902164000", GENITIVE, "0707907777")


@pytest.fixture(autouse=True)
async def never_reposted(slack: LocalSlack) -> AsyncIterator[None]:
    """Whatever the test did: no request the bot made holds an unmasked number."""
    yield
    for call in slack.standin.calls:
        sent = json.dumps(call.args, ensure_ascii=False)
        for number in SECRETS:
            assert number not in sent, f"{call.method} carried a CPR number"


async def with_test_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(TESTS, "afproevning", members=[METTE, SOEREN, LINE, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "test_channel", TESTS, await person_id(slack.bot.db, ANNETTE)
    )


async def with_sparring_channel(slack: LocalSlack, clock: ManualClock) -> None:
    members = [METTE, SOEREN, ANNETTE, LINE, OLIVER]
    slack.standin.add_channel(SPARRING, "sparring", members=members)
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )


async def write(
    slack: LocalSlack, user: str, text: str, channel: str = TESTS, thread_ts: str | None = None
) -> str:
    await slack.driver.user_message(user, channel, text, thread_ts=thread_ts)
    await slack.settle()
    own = [m for m in slack.standin.messages(channel) if m.get("user") == user]
    return str(own[-1]["ts"])


async def bee_bot_results(slack: LocalSlack) -> int:
    from bot.services.guides import find_tool

    tool = await find_tool(slack.bot.db, "Bee-Bot")
    assert tool is not None
    return (await tool_summary(slack.bot.db, tool.id)).results


# -- the result modal -------------------------------------------------------------------------


async def test_a_result_modal_with_a_cpr_number_gets_a_field_error_and_stores_nothing(
    slack: LocalSlack,
) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "result bee-bot", channel_id=GENERAL)
    await slack.settle()
    refused = await slack.driver.submit_view(
        METTE,
        {
            "rating": {"value": "4"},
            "worked": {"value": f"Bee-Bot med Emil ({CPR}) gik fint."},
            "hard": {"value": "Intet særligt."},
        },
    )
    await slack.settle()
    assert refused.json is not None and refused.json["response_action"] == "errors"
    errors = refused.json["errors"]
    assert set(errors) == {"worked"}
    assert errors["worked"] == (
        "Teksten ser ud til at indeholde et CPR-nummer (230415-XXXX). "
        "Det må ikke gemmes her – fjern det, og prøv igen."
    )
    assert await bee_bot_results(slack) == 0
    assert len(slack.standin.open_views(METTE)) == 1  # the modal stays open to fix it
    fixed = await slack.driver.submit_view(
        METTE, {"worked": {"value": "Bee-Bot med Emil gik fint."}}
    )
    await slack.settle()
    assert fixed.json is None or fixed.json.get("response_action") != "errors"
    assert await bee_bot_results(slack) == 1


async def test_a_test_start_question_with_a_cpr_number_is_a_field_error(
    slack: LocalSlack,
) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "start ozobot", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    daycares = next(b for b in modal["blocks"] if b.get("block_id") == "daycares")
    first = daycares["element"]["option_groups"][0]["options"][0]["value"]
    refused = await slack.driver.submit_view(
        METTE,
        {"question": {"value": f"Kan {CPR_PLAIN} følge en streg?"}, "daycares": {"value": [first]}},
    )
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert "230415-XXXX" in refused.json["errors"]["question"]


async def test_the_shortcut_on_a_message_with_a_cpr_number_opens_no_modal(
    slack: LocalSlack,
) -> None:
    ts = await write(slack, LINE, f"Bee-Bot 3/5, Ida {CPR} var glad", GENERAL)
    await slack.driver.message_shortcut(METTE, "save_as_result", GENERAL, ts)
    await slack.settle()
    assert slack.standin.open_views(METTE) == []  # the number is not put into a modal
    (told,) = slack.standin.calls_to("response_url")
    assert told.args["response_type"] == "ephemeral"
    assert "230415-XXXX" in texts(told) and "intet er gemt" in texts(told)
    assert await result_of(slack.bot.db, GENERAL, ts) is None


# -- the test channel -------------------------------------------------------------------------


async def test_a_test_channel_message_with_a_cpr_number_is_saved_only_once_edited(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, f"#test Bee-Bot 4/5 – Noah ({CPR}) styrede selv")
    assert await result_of(slack.bot.db, TESTS, ts) is None
    assert slack.standin.replies(TESTS, ts) == []  # nothing echoed in the thread
    (asked,) = slack.standin.calls_to("chat.postEphemeral")
    assert asked.ok, asked.errors
    assert (asked.args["channel"], asked.args["user"], asked.args["thread_ts"]) == (
        TESTS,
        METTE,
        ts,
    )
    assert "230415-XXXX" in texts(asked) and "Ret beskeden" in texts(asked)

    await slack.driver.edit_message(METTE, TESTS, ts, "#test Bee-Bot 4/5 – Noah styrede selv")
    await slack.settle()
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None and result.draft.rating == 4
    assert result.draft.worked == "Bee-Bot 4/5 – Noah styrede selv"
    (saved,) = slack.standin.replies(TESTS, ts)
    assert "Gemt som testresultat: *Bee-Bot*" in saved["text"]

    await slack.driver.edit_message(METTE, TESTS, ts, "#test Bee-Bot 4/5 – Noah styrede selv!")
    await slack.settle()
    assert await bee_bot_results(slack) == 1  # saved once, then corrected


async def test_an_edit_adding_a_cpr_number_keeps_the_result_as_it_was(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, "#test Bee-Bot 2/5")
    await slack.driver.edit_message(METTE, TESTS, ts, f"#test Bee-Bot 2/5 {LEAP}")
    await slack.settle()
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None and result.draft.worked == "Bee-Bot 2/5"
    (asked,) = slack.standin.calls_to("chat.postEphemeral")
    assert "290216-XXXX" in texts(asked)


async def test_an_untagged_message_with_a_cpr_number_is_not_offered(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_test_channel(slack, clock)
    ts = await write(slack, METTE, f"Vi prøvede Blue-Bot i dag med {CPR_PLAIN}, 5/5")
    assert slack.standin.replies(TESTS, ts) == []  # no public "save as result?" offer
    (asked,) = slack.standin.calls_to("chat.postEphemeral")
    assert "230415-XXXX" in texts(asked)


async def test_ordinary_numbers_are_saved_as_before(slack: LocalSlack, clock: ManualClock) -> None:
    await with_test_channel(slack, clock)
    text = (
        "#test Bee-Bot 4/5 – ring til Mette på +45 12 34 56 78 eller 12345678. "
        "Kursus 24-12-2026, pris 1.200,50 kr, ordre 9912345678."
    )
    ts = await write(slack, METTE, text)
    result = await result_of(slack.bot.db, TESTS, ts)
    assert result is not None and result.draft.rating == 4
    assert "+45 12 34 56 78" in result.draft.worked
    assert slack.standin.calls_to("chat.postEphemeral") == []


# -- sparring -----------------------------------------------------------------------------------


async def test_sparring_with_a_cpr_number_is_refused_privately_and_nothing_stored(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(
        LINE, "/sparring", f"Hvordan hjælper vi {CPR} med Bee-Bot?", channel_id=GENERAL
    )
    await slack.settle()
    (told,) = slack.standin.calls_to("response_url")
    assert told.args["response_type"] == "ephemeral"
    assert (
        "Din tekst ser ud til at indeholde et CPR-nummer (230415-XXXX). "
        "CPR-numre må ikke gemmes her, så intet er gemt. Fjern nummeret, og prøv igen."
    ) in texts(told)
    assert await question_records(slack.bot.db) == []
    assert slack.standin.calls_to("chat.postMessage") == []


async def test_sparring_refusal_speaks_english_to_oliver(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(
        OLIVER, "/sparring", f"How do we help {LEAP} with Osmo?", channel_id=GENERAL
    )
    await slack.settle()
    (told,) = slack.standin.calls_to("response_url")
    assert "seems to contain a CPR number (290216-XXXX)" in texts(told)
    assert "nothing was saved" in texts(told)
    assert await question_records(slack.bot.db) == []


async def test_the_sparring_modal_shows_a_field_error(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    refused = await slack.driver.submit_view(
        LINE, {"question": {"value": f"Hvad gør vi med {CPR}?"}}
    )
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert "230415-XXXX" in refused.json["errors"]["question"]
    assert await question_records(slack.bot.db) == []


async def test_a_direct_message_question_with_a_cpr_number_is_not_stored(
    slack: LocalSlack,
) -> None:
    await slack.driver.user_message(LINE, None, f"Hvordan hjælper vi {CPR_PLAIN} med iPad'en?")
    await slack.settle()
    assert await question_records(slack.bot.db) == []
    im = slack.standin.im_channel_id(LINE)
    assert im is not None
    said = slack.standin.messages(im)
    assert "230415-XXXX" in said[-1]["text"]


async def question_thread(slack: LocalSlack, clock: ManualClock) -> str:
    """Line asks the network; the ts of the question's post in the sparring channel."""
    await with_sparring_channel(slack, clock)
    await slack.driver.slash_command(LINE, "/sparring", "Hej?", channel_id=GENERAL)
    await slack.settle()
    posts = [m for m in slack.standin.messages(SPARRING) if m.get("thread_ts") in (None, m["ts"])]
    if not posts:  # guides were offered first: "Spørg alligevel"
        from bot.views.sparring_handling import ASK_ANYWAY

        await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
        await slack.settle()
        posts = [
            m for m in slack.standin.messages(SPARRING) if m.get("thread_ts") in (None, m["ts"])
        ]
    return str(posts[-1]["ts"])


async def test_a_thread_reply_with_a_cpr_number_is_stored_only_once_edited(
    slack: LocalSlack, clock: ManualClock
) -> None:
    thread = await question_thread(slack, clock)
    reply = await write(slack, METTE, f"Spørg forældrene til {CPR}.", SPARRING, thread)
    assert await reply_records(slack.bot.db) == []
    asked = [c for c in slack.standin.calls_to("chat.postEphemeral") if c.args["user"] == METTE]
    assert asked[-1].args["thread_ts"] == thread and "230415-XXXX" in texts(asked[-1])
    await slack.driver.edit_message(METTE, SPARRING, reply, "Spørg forældrene.")
    await slack.settle()
    assert [r["text"] for r in await reply_records(slack.bot.db)] == ["Spørg forældrene."]


async def test_a_thread_reply_with_a_letter_after_the_number_is_refused_too(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Issue 17.5: `070790-7777s forældre` was stored, the genitive "s" hiding the number."""
    thread = await question_thread(slack, clock)
    await write(slack, METTE, f"Ring til {GENITIVE}s forældre.", SPARRING, thread)
    assert await reply_records(slack.bot.db) == []
    asked = [c for c in slack.standin.calls_to("chat.postEphemeral") if c.args["user"] == METTE]
    assert asked[-1].args["thread_ts"] == thread and "070790-XXXX" in texts(asked[-1])
