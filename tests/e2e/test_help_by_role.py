"""Issue 18, points 1 and 8 end to end: `/tovholder hjælp` by role, `hjælp alt`, the Danish
command words, a greeting in a DM, and `/tool-test opsummering` without a tool and with
leadership's decision."""

from __future__ import annotations

import re

import pytest

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.standin import RecordedCall
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.e2e.test_tool_tests import with_test_channel, write

LINE = "U0DEMO005"  # superuser
JENS = "U0DEMO002"  # leader
COMMAND_LINE = re.compile(r"^`/[^`]+` – ", re.MULTILINE)


async def answer(slack: LocalSlack, user: str, command: str, text: str) -> RecordedCall:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, command, text, channel_id=GENERAL)
    await slack.settle()
    (reply,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert reply.ok, reply.errors
    return reply


@pytest.mark.parametrize(
    ("user", "lines", "present", "absent"),
    [
        (LINE, 5, "`/tovholder mine-data`", "gdpr"),
        (METTE, 7, "`/tool-test oplæring &lt;redskab&gt;`", "gdpr"),
        (JENS, 6, "`/tovholder puls [område] [periode]`", "gdpr"),
        (ANNETTE, 8, "`/tovholder gdpr slet @person`", "`/tool-test [start"),
    ],
)
async def test_each_role_reads_its_own_commands(
    slack: LocalSlack, user: str, lines: int, present: str, absent: str
) -> None:
    shown = texts(await answer(slack, user, "/tovholder", "hjælp"))
    assert len(COMMAND_LINE.findall(shown)) == lines
    assert present in shown
    assert absent not in shown
    assert "`/tovholder hjælp alt`" in shown


@pytest.mark.parametrize(
    ("user", "text", "heading", "line"),
    [
        (LINE, "hjælp alt", "Alt, hvad du kan bede mig om", "`/tool-test oplæringer`"),
        (OLIVER, "help all", "Everything you can ask me", "`/tool-test summary [tool]`"),
    ],
)
async def test_help_all_shows_everything_the_roles_allow(
    slack: LocalSlack, user: str, text: str, heading: str, line: str
) -> None:
    shown = texts(await answer(slack, user, "/tovholder", text))
    assert heading in shown and line in shown
    assert "gdpr" not in shown
    short = texts(await answer(slack, user, "/tovholder", text.split()[0]))
    assert len(COMMAND_LINE.findall(shown)) > len(COMMAND_LINE.findall(short))


async def test_the_danish_training_words_work(slack: LocalSlack) -> None:
    shown = texts(await answer(slack, METTE, "/tool-test", "oplæringer"))
    assert "Du har ingen oplæringer planlagt" in shown
    await slack.driver.slash_command(METTE, "/tool-test", "oplæring bee-bot", channel_id=GENERAL)
    await slack.settle()
    assert slack.standin.open_views(METTE)[-1]["title"]["text"] == "Planlæg oplæring"


@pytest.mark.parametrize(
    ("user", "text", "hello", "first", "second"),
    [
        (LINE, "hej", "Hej Line!", "`/tool-guide [det du leder efter]`", "`/sparring"),
        (METTE, "godmorgen", "Godmorgen, Mette!", "`/tool-test [start | resultat]`", "/tool-guide"),
        (JENS, "Tusind tak!", "Selv tak, Jens!", "`/tovholder puls", "/tool-test opsummering"),
        (ANNETTE, "hej tovholder", "Hej Annette!", "`/tovholder netværk", "`/tovholder puls"),
        (OLIVER, "thanks", "You're welcome, Oliver!", "`/tool-guide [what you", "`/sparring"),
    ],
)
async def test_a_greeting_gets_a_friendly_answer_with_two_commands(
    slack: LocalSlack, user: str, text: str, hello: str, first: str, second: str
) -> None:
    await slack.driver.user_message(user, None, text)
    await slack.settle()
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.ok, post.errors
    shown = texts(post)
    assert shown.startswith(hello)
    assert len(COMMAND_LINE.findall(shown)) == 2
    assert first in shown and second in shown
    assert "forstod jeg ikke" not in shown and "didn't quite get" not in shown


async def test_a_greeting_in_a_mention_is_answered_to_that_person_only(slack: LocalSlack) -> None:
    await slack.driver.app_mention(METTE, GENERAL, "<@U0TOVBOT> godmorgen")
    await slack.settle()
    (ephemeral,) = slack.standin.calls_to("chat.postEphemeral")
    assert ephemeral.args["user"] == METTE
    assert texts(ephemeral).startswith("Godmorgen, Mette!")
    assert "`/tool-test [start | resultat]`" in texts(ephemeral)


async def test_summary_without_a_tool_lists_the_tools_with_results(
    slack: LocalSlack, clock: ManualClock
) -> None:
    none_yet = texts(await answer(slack, LINE, "/tool-test", "opsummering"))
    assert "Der er ingen testresultater endnu" in none_yet
    await with_test_channel(slack, clock)
    await write(slack, METTE, "#test Bee-Bot 5/5 anbefales")
    await write(slack, METTE, "#test Bee-Bot 4/5 anbefales")
    await write(slack, METTE, "#test Ozobot 3/5 skal afprøves mere")
    listing = await answer(slack, LINE, "/tool-test", "summary")
    shown = texts(listing)
    assert "*Bee-Bot* · resultater: 2" in shown and "*Ozobot* · resultater: 1" in shown
    assert shown.index("Bee-Bot") < shown.index("Ozobot")  # most results first
    assert "`/tool-test opsummering Bee-Bot`" in shown
    buttons = [b["accessory"] for b in listing.args["blocks"] if "accessory" in b]
    assert [b["text"]["text"] for b in buttons] == ["Se evalueringen"] * 2
    mark = slack.standin.mark()
    await slack.driver.click(
        LINE, action_id="test_summary", value=buttons[1]["value"], channel_id=GENERAL
    )
    await slack.settle()
    (evaluation,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "Evaluering: Ozobot" in texts(evaluation)


async def test_a_tools_summary_shows_leaderships_latest_decision_and_why(
    slack: LocalSlack,
) -> None:
    shown = texts(await answer(slack, JENS, "/tool-test", "opsummering bee-bot"))
    assert "*Ledelsens seneste beslutning:* Skal spredes (31. okt. 2026)" in shown
    assert "*Hvorfor:* " in shown and "alle børnehaver" in shown
    english = texts(await answer(slack, OLIVER, "/tool-test", "summary osmo"))
    assert "*Leadership's latest decision:* Stopped" in english
    assert "*Why:* Stoppet: for mange løse dele" in english
