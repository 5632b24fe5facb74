"""A sparring question asked while Slack is not answering reaches the ambassadors once
Slack answers again, and the asker is told the truth in between.

Slack's edge answers `chat.postMessage` with an HTML 503 page (or an empty 404) until
`clear_faults`; the question waits in the durable queue and the dispatcher
(`scheduler.run_all_now`, as the console's `:clock` runs it) posts it exactly once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.clock import ManualClock
from bot.jobs.dispatcher import Pacer, dispatch
from bot.local import LocalSlack
from bot.reminders.registry import KINDS
from bot.reminders.sparring_delivery import COPY, OFFER, POST
from bot.services import identities, reminders
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from bot.standin.server import EMPTY_404, HTML_503, LOST_ANSWER
from bot.views.sparring import CLAIM
from bot.views.sparring_handling import ASK_ANYWAY
from storage.repositories.sparring import question_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.people import person_id, slack_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord (ambassador: Mette)
SOEREN = "U0DEMO004"  # ambassador in Syd
SPARRING = "C0SPARRING"
QUEUED = "Slack svarer ikke lige nu – jeg sender dit spørgsmål, så snart det kan lade sig gøre."
QUESTION = "Hej?"  # no guide answers it: sent at once


async def with_sparring_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, SOEREN, ANNETTE, LINE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )


async def ask(slack: LocalSlack, text: str = QUESTION) -> RecordedCall:
    """`/sparring <text>` by Line in #general; what she is told (the response URL)."""
    await slack.driver.slash_command(LINE, "/sparring", text, channel_id=GENERAL)
    await slack.settle()
    return slack.standin.calls_to("response_url")[-1]


async def run_jobs(slack: LocalSlack) -> None:
    await slack.bot.scheduler.run_all_now()
    await slack.settle()


def posted(slack: LocalSlack, channel: str, words: str = QUESTION) -> list[RecordedCall]:
    """The posts Slack took in `channel` (a channel or a user id) that carry `words`."""
    return [
        c
        for c in slack.standin.calls_to("chat.postMessage")
        if c.ok and c.args["channel"] == channel and words in texts(c)
    ]


async def only_question(slack: LocalSlack) -> dict[str, Any]:
    (record,) = await question_records(slack.bot.db)
    return record


async def queue_of(slack: LocalSlack, kind: str) -> list[tuple[str, str]]:
    """(recipient's Slack id, state) of the queued deliveries of `kind`."""
    rows = await slack.bot.db.fetchall(
        "SELECT recipient, state FROM reminders WHERE kind = ? ORDER BY id", (kind,)
    )
    return [(await slack_id(slack.bot.db, r["recipient"]), str(r["state"])) for r in rows]


async def test_a_question_asked_in_an_outage_is_posted_once_when_slack_answers(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", HTML_503)
    receipt = await ask(slack)
    # The truth: nothing is "sent" — and nobody got a DM instead (Slack did not refuse
    # the channel; it did not answer at all).
    assert QUEUED in texts(receipt)
    assert "sendt" not in texts(receipt) and "Koordinatoren" not in texts(receipt)
    tried = slack.standin.calls_to("chat.postMessage")
    assert tried and {c.args["channel"] for c in tried} == {SPARRING}
    assert not any(c.ok for c in tried)
    record = await only_question(slack)
    assert (record["state"], record["message_id"], record["delivered_at"]) == ("open", None, None)
    assert await queue_of(slack, POST.name) == [(LINE, "pending")]

    # The queue tries while Slack is still away: nothing goes out, nothing is lost.
    await run_jobs(slack)
    assert posted(slack, SPARRING) == []
    assert await queue_of(slack, POST.name) == [(LINE, "pending")]

    slack.standin.clear_faults()
    clock.advance(timedelta(minutes=10))  # past the retry's backoff
    await run_jobs(slack)
    (post,) = posted(slack, SPARRING)
    assert f"*Sparringsspørgsmål fra <@{LINE}>*" in texts(post)
    assert f"Til: <@{METTE}>" in texts(post)
    record = await only_question(slack)
    assert record["message_id"] == post.response["ts"]
    assert record["delivered_at"] == "2026-11-30T08:10:00+00:00"  # when it went out
    # Line hears that it went out, and where.
    (note,) = posted(slack, LINE, "Slack svarer igen, så nu har jeg sendt dit spørgsmål:")
    assert f"> {QUESTION}" in texts(note)
    assert f"sendt til <#{SPARRING}>" in texts(note)
    assert await queue_of(slack, POST.name) == [(LINE, "sent")]

    # Once: another run posts nothing, and the post works as any other (Mette takes it).
    clock.advance(timedelta(minutes=10))
    await run_jobs(slack)
    assert len(posted(slack, SPARRING)) == 1
    await slack.driver.click(
        METTE, action_id=CLAIM, channel_id=SPARRING, message_ts=post.response["ts"]
    )
    await slack.settle()
    assert (await only_question(slack))["claimed_by"] == await person_id(slack.bot.db, METTE)
    update = slack.standin.calls_to("chat.update")[-1]
    assert f"<@{METTE}> tager den" in texts(update)


async def test_without_a_sparring_channel_each_dm_waits_for_slack(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """No channel: the question goes by DM. An empty 404 from Slack's edge (no JSON at all)
    queues Mette's copy; it comes once, when Slack answers."""
    slack.standin.fault("chat.postMessage", EMPTY_404)
    receipt = await ask(slack)
    assert QUEUED in texts(receipt)
    assert f"sendt direkte til <@{METTE}>" not in texts(receipt)
    assert await queue_of(slack, COPY.name) == [(METTE, "pending")]

    slack.standin.clear_faults()
    await run_jobs(slack)
    (copy,) = posted(slack, METTE)
    assert "Svar <@U0DEMO005> i en besked." in texts(copy)
    assert (await only_question(slack))["delivered_at"] is None  # read from the queue…
    clock.advance(timedelta(minutes=10))
    await run_jobs(slack)
    assert len(posted(slack, METTE)) == 1
    # …by the planning, which counts escalation from it.
    assert (await only_question(slack))["delivered_at"] == "2026-11-30T08:00:00+00:00"


async def test_a_question_in_a_dm_during_an_outage_is_answered_once_slack_is_back(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", HTML_503)
    await slack.driver.user_message(LINE, None, "Hvordan lader vi iPad'en op om natten?")
    await slack.settle()
    dm = slack.standin.im_channel_id(LINE)
    assert dm is not None
    assert not any(c.ok for c in slack.standin.calls_to("chat.postMessage"))
    assert (await only_question(slack))["state"] == "draft"
    assert await queue_of(slack, OFFER.name) == [(LINE, "pending")]  # in their DM

    slack.standin.clear_faults()
    await run_jobs(slack)
    # The queue sends it to Line, which Slack shows in the DM Line wrote in.
    (offer,) = posted(slack, LINE, "Skal jeg spørge netværket?")
    assert [m["ts"] for m in slack.standin.messages(dm)][-1] == offer.response["ts"]
    assert "Slack svarede ikke, da du skrev, så mit svar kommer først nu." in texts(offer)
    assert "> Hvordan lader vi iPad'en op om natten?" in texts(offer)

    await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=dm)
    await slack.settle()
    (post,) = posted(slack, SPARRING, "Hvordan lader vi iPad'en op om natten?")
    assert f"Til: <@{METTE}>" in texts(post)
    receipt = slack.standin.calls_to("response_url")[-1]
    assert f"sendt til <#{SPARRING}>" in texts(receipt)
    # Asked now: the offer is not sent again.
    clock.advance(timedelta(minutes=10))
    await run_jobs(slack)
    assert len(posted(slack, LINE, "Skal jeg spørge netværket?")) == 1


async def test_a_double_click_in_an_outage_is_one_question_and_one_post(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", EMPTY_404)
    await ask(slack, "Hvordan får vi de små til at vente på tur med Bee-Bot?")  # guides first
    clicked = await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)
    await slack.settle()
    again = await slack.driver.transport.send("interactive", clicked.payload)
    await slack.settle()
    assert again.status == 200
    receipts = slack.standin.calls_to("response_url")[-2:]
    assert all(QUEUED in texts(r) for r in receipts)  # the second click is told the same
    assert await queue_of(slack, POST.name) == [(LINE, "pending")]

    slack.standin.clear_faults()
    await run_jobs(slack)
    clock.advance(timedelta(minutes=10))
    await run_jobs(slack)
    assert len(posted(slack, SPARRING, "vente på tur")) == 1
    assert len(await question_records(slack.bot.db)) == 1


async def test_a_channel_that_is_gone_still_sends_dms_at_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Slack refusing for good (channel_not_found) is not an outage: today's fallback."""
    await set_setting(
        slack.bot.db, clock, "sparring_channel", "C0GONE", await person_id(slack.bot.db, ANNETTE)
    )
    receipt = await ask(slack)
    assert "Jeg kunne ikke skrive i <#C0GONE>" in texts(receipt)
    assert QUEUED not in texts(receipt)
    assert len(posted(slack, METTE)) == 1 and len(posted(slack, ANNETTE)) == 1
    assert await queue_of(slack, POST.name) == [] and await queue_of(slack, COPY.name) == []


async def test_escalation_counts_from_when_the_question_went_out(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Asked Monday 09:00 in an outage, posted at 13:00 when Slack answers: the 8 working
    hours (08:30–16:00) end Tuesday 13:30, not 09:30."""
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", HTML_503)
    await ask(slack)

    async def escalations(moment: str) -> list[RecordedCall]:
        mark = slack.standin.mark()
        clock.move_to(datetime.fromisoformat(moment).replace(tzinfo=clock.tz))
        await run_jobs(slack)
        return [
            c
            for c in slack.standin.calls_since(mark)
            if c.method == "chat.postMessage" and c.ok and "har ventet på svar" in texts(c)
        ]

    slack.standin.clear_faults()
    assert await escalations("2026-11-30T13:00") == []
    assert len(posted(slack, SPARRING)) == 1
    assert await escalations("2026-12-01T09:30") == []
    assert await escalations("2026-12-01T13:29") == []
    (first,) = await escalations("2026-12-01T13:30")
    assert first.args["channel"] == METTE


async def test_a_delivery_that_outlasts_its_attempts_is_started_again(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Slack away longer than the backoff lasts: the delivery fails as a reminder would, and
    the planning starts it again while the question still waits — it is not lost."""
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", EMPTY_404)
    await ask(slack)
    for _ in range(reminders.MAX_ATTEMPTS):
        clock.advance(timedelta(hours=1))
        await slack.bot.scheduler.run_all_now()  # plan (nothing stalled yet), then dispatch
        await slack.settle()
    assert await queue_of(slack, POST.name) == [(LINE, "failed")]
    slack.standin.clear_faults()
    clock.advance(timedelta(minutes=5))
    await run_jobs(slack)  # the planning starts it again, the dispatcher sends it
    assert len(posted(slack, SPARRING)) == 1
    assert await queue_of(slack, POST.name) == [(LINE, "sent")]


async def test_a_question_asked_at_eight_in_the_evening_goes_out_when_slack_answers(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """The delivery kinds are not nudges: outside working time the bot's own dispatcher run
    sends them (and only them) as soon as Slack answers, not the next morning — and the
    asker's nudge pause does not hold her own question back."""
    await with_sparring_channel(slack, clock)
    clock.move_to(datetime.fromisoformat("2026-11-30T20:00").replace(tzinfo=clock.tz))
    await reminders.pause(
        slack.bot.db,
        clock,
        await identities.person_for(slack.bot.db, clock, "slack", LINE),
        clock.now().date() + timedelta(days=7),
    )
    slack.standin.fault("chat.postMessage", EMPTY_404)
    assert QUEUED in texts(await ask(slack))
    slack.standin.clear_faults()
    clock.advance(timedelta(minutes=1))
    await run_jobs(slack)
    assert len(posted(slack, SPARRING)) == 1
    assert await queue_of(slack, POST.name) == [(LINE, "sent")]


async def test_outside_working_time_only_the_delivery_kinds_go_out(
    slack: LocalSlack, clock: ManualClock
) -> None:
    clock.move_to(datetime.fromisoformat("2026-11-30T20:00").replace(tzinfo=clock.tz))
    await reminders.schedule(
        slack.bot.db,
        clock,
        kind="onboarding",
        recipient=await person_id(slack.bot.db, METTE),
        due=clock.now(),
        payload={},
        dedupe_key="evening-nudge",
        calendar=reminders.ANYTIME,  # due now, at 20:00: only the dispatcher holds it back
    )
    report = await dispatch(
        slack.bot.app.services,
        KINDS,
        worker="test",
        pacer=Pacer.instant(),
    )
    assert report.closed and report.claimed == 0


async def test_a_post_whose_answer_was_lost_is_found_not_posted_twice(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Slack took the post, but the connection dropped before its answer: the bot cannot
    know, says so, and the queue finds the post by its tag instead of posting it again."""
    await with_sparring_channel(slack, clock)
    slack.standin.fault("chat.postMessage", LOST_ANSWER, times=1)
    assert QUEUED in texts(await ask(slack))
    (message,) = slack.standin.messages(SPARRING)
    assert QUESTION in message["text"]
    await run_jobs(slack)
    assert slack.standin.messages(SPARRING) == [message]
    record = await only_question(slack)
    assert (record["conversation_id"], record["message_id"]) == (SPARRING, message["ts"])
    (note,) = posted(slack, LINE, "Slack svarer igen, så nu har jeg sendt dit spørgsmål:")
    assert f"sendt til <#{SPARRING}>" in texts(note)
