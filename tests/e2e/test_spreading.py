"""A spreading round through Slack: recommending Ozobot reaches the superusers of every
daycare not using it — once, in their language, with whom to ask — the coordinator hears
whom it cannot reach, and four weeks on the follow-up's answers move adoption and the
reasons reach the tool's evaluation."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from bot.admin.context import AdminContext
from bot.cli import parser as cli_parser
from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.adoption import set_adoption
from bot.services.guides import find_tool, set_tool_status
from bot.settings import load_settings
from bot.standin import RecordedCall
from bot.standin.server import HTML_503
from storage.repositories import org
from tests.e2e.conftest import ANNETTE, GENERAL, OLIVER, texts
from tests.e2e.nudge_lists import opened
from tests.people import person_id

LINE, AHMED, CAMILLA = "U0DEMO005", "U0DEMO006", "U0DEMO007"


async def recommend_ozobot(slack: LocalSlack, clock: ManualClock) -> int:
    """Line's daycare already uses Ozobot; then the coordinator recommends it."""
    db = slack.bot.db
    tool = await find_tool(db, "Ozobot")
    assert tool is not None
    maelk = next(d.id for d in await org.all_daycares(db) if d.name == "Børnehuset Mælkebøtten")
    await set_adoption(db, clock, await person_id(db, LINE), maelk, tool.id, "in_use")
    await set_tool_status(db, clock, tool.id, "evaluated", changed_by=await person_id(db, ANNETTE))
    await set_tool_status(
        db, clock, tool.id, "recommended", changed_by=await person_id(db, ANNETTE)
    )
    return tool.id


#: The day's nudge time (`TOVHOLDER_NUDGE_AT`) on the tests' Monday.
NUDGE_TIME = datetime(2026, 11, 30, 9, 30)


async def run_jobs(
    slack: LocalSlack, clock: ManualClock, moment: datetime | None = None
) -> dict[str, list[RecordedCall]]:
    """Every job once (at `moment`); the DMs sent, by recipient."""
    mark = slack.standin.mark()
    if moment is not None:
        clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    sent: dict[str, list[RecordedCall]] = {}
    for call in await opened(slack, slack.standin.calls_since(mark)):
        if call.method == "chat.postMessage":
            assert call.ok, call.errors
            sent.setdefault(str(call.args["channel"]), []).append(call)
    return sent


def about_ozobot(sent: dict[str, list[RecordedCall]]) -> dict[str, list[str]]:
    return {
        who: [texts(c) for c in calls if "Ozobot" in texts(c)]
        for who, calls in sent.items()
        if any("Ozobot" in texts(c) for c in calls)
    }


def value_of(call: RecordedCall, action_id: str) -> str:
    for block in call.args["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id}")


async def test_recommending_reaches_each_daycare_once_with_whom_to_ask(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await recommend_ozobot(slack, clock)
    sent = about_ozobot(await run_jobs(slack, clock, NUDGE_TIME))
    assert sorted(sent) == sorted([AHMED, CAMILLA, OLIVER, ANNETTE])  # not Line: in use
    (ahmed,) = sent[AHMED]
    assert "Nyt anbefalet redskab: Ozobot" in ahmed
    assert "*Spørg naboen:* Børnehuset Mælkebøtten (Nord) bruger det allerede." in ahmed
    assert "*Jeres ambassadør:* <@U0DEMO003>" in ahmed
    (oliver,) = sent[OLIVER]  # Øst has no ambassador; Oliver reads English
    assert "Newly recommended tool: Ozobot" in oliver
    assert "Your area has no ambassador right now" in oliver
    (annette,) = sent[ANNETTE]
    assert "6 dagtilbud bruger det ikke endnu, og 3 af dem får besked" in annette
    assert "Uden superbruger – de får ingen besked, så tag gerne fat i dem: " in annette
    assert "Vuggestuen Solsikken" in annette and "Dagtilbud Havblik" in annette
    # Planning again, an hour later, sends nothing twice.
    assert about_ozobot(await run_jobs(slack, clock, clock.now() + timedelta(hours=1))) == {}


async def test_the_follow_up_answers_move_adoption_and_keep_the_reasons(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await recommend_ozobot(slack, clock)
    await run_jobs(slack, clock, NUDGE_TIME)
    # Started Monday 30 November: the follow-up is due Monday 28 December at 08:00.
    assert about_ozobot(await run_jobs(slack, clock, datetime(2026, 12, 28, 9, 29))) == {}
    sent = await run_jobs(slack, clock, datetime(2026, 12, 28, 9, 30))
    follow_ups = {
        who: call
        for who, calls in sent.items()
        for call in calls
        if "anbefalingen" in texts(call) or "recommendation" in texts(call)
    }
    assert sorted(follow_ups) == sorted([AHMED, CAMILLA, OLIVER])
    assert texts(follow_ups[AHMED]).startswith(
        "Hvordan går det med *Ozobot* i Børnehaven Regnbuen?"
    )

    im = slack.standin.im_channel_id(AHMED)
    value = value_of(follow_ups[AHMED], "spread_answer_in_use")
    mark = slack.standin.mark()
    await slack.driver.click(AHMED, action_id="spread_answer_in_use", value=value, channel_id=im)
    await slack.settle()
    (receipt,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "*Børnehaven Regnbuen* er nu noteret som _i brug_ med *Ozobot*" in texts(receipt)

    im = slack.standin.im_channel_id(CAMILLA)
    value = value_of(follow_ups[CAMILLA], "spread_answer_not_for_us")
    await slack.driver.click(
        CAMILLA, action_id="spread_answer_not_for_us", value=value, channel_id=im
    )
    await slack.settle()
    refused = await slack.driver.submit_view(CAMILLA, {"reason": {"value": "  "}})
    assert refused.json is not None and refused.json["response_action"] == "errors"
    mark = slack.standin.mark()
    saved = await slack.driver.submit_view(
        CAMILLA, {"reason": {"value": "<!channel> robotterne kører fast i sandet"}}
    )
    await slack.settle()
    assert saved.status == 200 and not (saved.json or {}).get("response_action")
    (thanks,) = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert "begrundelse for *Ozobot* er gemt" in texts(thanks)

    # Nobody who answered is asked again; the evaluation shows the spread and the reason.
    assert about_ozobot(await run_jobs(slack, clock, datetime(2026, 12, 29, 9, 0))) == {}
    mark = slack.standin.mark()
    await slack.driver.slash_command(ANNETTE, "/tool-test", "summary ozobot", channel_id=GENERAL)
    await slack.settle()
    (summary,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert summary.ok, summary.errors
    shown = texts(summary)
    assert "*Spredning:* i brug i 2 af 7 dagtilbud · Nord 2/3 · Syd 0/2 · Øst 0/2" in shown
    assert (
        "• _Ikke noget for os_ – Skovbørnehaven Egernet: "
        "&lt;!channel&gt; robotterne kører fast i sandet"
    ) in shown
    assert "<!channel>" not in shown


async def test_an_answer_after_the_round_ended_is_not_taken(
    slack: LocalSlack, clock: ManualClock
) -> None:
    tool_id = await recommend_ozobot(slack, clock)
    await run_jobs(slack, clock, NUDGE_TIME)
    sent = await run_jobs(slack, clock, datetime(2026, 12, 28, 9, 30))
    (follow_up,) = [c for c in sent[AHMED] if "Ozobot" in texts(c)]
    await set_tool_status(
        slack.bot.db,
        clock,
        tool_id,
        "not_recommended",
        changed_by=await person_id(slack.bot.db, ANNETTE),
    )
    mark = slack.standin.mark()
    await slack.driver.click(
        AHMED,
        action_id="spread_answer_in_use",
        value=value_of(follow_up, "spread_answer_in_use"),
        channel_id=slack.standin.im_channel_id(AHMED),
    )
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "Spredningsrunden for *Ozobot* er afsluttet" in texts(answer)


async def test_a_round_s_messages_survive_an_outage_and_one_person_slack_refuses(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Every message of a round — the invitations and the coordinator's "it started" — is a
    durable reminder: an outage delays them, each arrives once, and a superuser Slack no
    longer knows fails alone."""
    for handler in slack.bot.app.client.retry_handlers:  # slack_sdk's in-call retries
        handler.interval_calculator = FixedValueRetryIntervalCalculator(0.0)
    slack.standin.workspace.users.pop(CAMILLA)
    await recommend_ozobot(slack, clock)
    slack.standin.fault("chat.postMessage", HTML_503)  # until cleared
    mark = slack.standin.mark()
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    assert not [
        c for c in slack.standin.calls_since(mark) if c.ok and c.method == "chat.postMessage"
    ]
    slack.standin.clear_faults()
    mark = slack.standin.mark()
    clock.advance(timedelta(hours=1))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    posted = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    reached = sorted(str(c.args["channel"]) for c in posted if c.ok and "Ozobot" in texts(c))
    assert reached == sorted([AHMED, OLIVER, ANNETTE])
    assert [c.error for c in posted if not c.ok] == ["channel_not_found"]  # Camilla's
    later = await run_jobs(slack, clock, clock.now() + timedelta(hours=2))
    assert about_ozobot(later) == {}  # nothing twice, and Camilla's is not tried again


# -- every way a tool becomes recommended starts its round ---------------------------------


async def tovholder(slack: LocalSlack, clock: ManualClock, *argv: str) -> tuple[int, str, str]:
    """`tovholder ARGV` with the real parser on the bot's database: (exit code, out, err)."""
    args = cli_parser().parse_args(list(argv))
    db = slack.bot.db
    settings = load_settings("console", environ={"TOVHOLDER_DB": str(db.path)}, env_file=None)
    out, err = io.StringIO(), io.StringIO()
    code = await args.handler(args, AdminContext(settings, db, clock, None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


async def rounds_listed(slack: LocalSlack, clock: ManualClock) -> list[tuple[str, str]]:
    """`tovholder spreading list`: (tool, trigger) of each round, newest first."""
    code, out, _ = await tovholder(slack, clock, "spreading", "list")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    return [(row[0], row[2]) for row in rows if len(row) == 6]


async def test_recommending_from_the_cli_asks_for_yes_without_results_then_spreads(
    slack: LocalSlack, clock: ManualClock
) -> None:
    assert await tovholder(slack, clock, "tools", "status", "ozobot", "evaluated") == (
        0,
        "Ozobot har nu status evaluated.\n",
        "",
    )
    code, out, err = await tovholder(slack, clock, "tools", "status", "ozobot", "recommended")
    assert (code, out) == (1, "")
    assert "Ozobot har ingen testresultater endnu" in err and "--yes" in err
    assert await rounds_listed(slack, clock) == []
    ozobot = await find_tool(slack.bot.db, "Ozobot")
    assert ozobot is not None and ozobot.status == "evaluated"  # nothing changed
    code, out, _ = await tovholder(
        slack, clock, "tools", "status", "ozobot", "recommended", "--yes"
    )
    assert (code, out) == (0, "Ozobot har nu status recommended.\n")
    assert await rounds_listed(slack, clock) == [("Ozobot", "recommended")]
    sent = about_ozobot(await run_jobs(slack, clock, NUDGE_TIME))
    assert "Nyt anbefalet redskab: Ozobot" in sent[AHMED][0]


async def test_a_decision_to_spread_starts_the_one_round_a_recommendation_then_keeps(
    slack: LocalSlack, clock: ManualClock
) -> None:
    code, _, _ = await tovholder(slack, clock, "tools", "decide", "ozobot", "to_be_spread")
    assert code == 0
    assert await rounds_listed(slack, clock) == [("Ozobot", "decision")]
    await tovholder(slack, clock, "tools", "status", "ozobot", "evaluated")
    code, _, _ = await tovholder(slack, clock, "tools", "status", "ozobot", "recommended", "--yes")
    assert code == 0
    assert await rounds_listed(slack, clock) == [("Ozobot", "decision")]  # no second round
    sent = about_ozobot(await run_jobs(slack, clock, NUDGE_TIME))
    (invitation,) = sent[AHMED]  # one round, so one invitation
    assert "Nyt anbefalet redskab: Ozobot" in invitation
