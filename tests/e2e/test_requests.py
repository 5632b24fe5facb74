"""Requests that must not get through, failures that must not stop the bot, and Slack's real
payloads replayed through the app."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote

import pytest

from bot.local import LocalSlack
from storage.repositories import events
from storage.repositories.sparring import question_records
from tests.e2e.conftest import GENERAL, METTE, OLIVER, texts
from tests.fixtures import SLACK_PAYLOADS

PAYLOADS = SLACK_PAYLOADS


def signed_at(forgery: dict[str, object]) -> dict[str, object]:
    """A `skew` becomes a timestamp that far from now — read when the request is sent, never
    when the tests are collected (a slow suite would otherwise carry it into the window)."""
    if "skew" not in forgery:
        return forgery
    return {"timestamp": int(time.time()) + int(forgery["skew"])}  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "forgery",
    [
        {"sign": False},
        {"signature": "v0=" + "0" * 64},
        {"skew": -6 * 60},
        {"skew": 6 * 60},
    ],
    ids=["unsigned", "forged", "stale", "from-the-future"],
)
async def test_unsigned_forged_or_stale_requests_get_401_and_nothing_happens(
    slack: LocalSlack, forgery: dict[str, object]
) -> None:
    mark = slack.standin.mark()
    signing = signed_at(forgery)
    command = await slack.driver.slash_command(
        METTE,
        "/tovholder",
        "help",
        channel_id=GENERAL,
        **signing,  # type: ignore[arg-type]
    )
    message = await slack.driver.user_message(METTE, None, "hjælp", **signing)  # type: ignore[arg-type]
    await slack.settle()
    assert (command.status, message.status) == (401, 401)
    assert [c.method for c in slack.standin.calls_since(mark)] == []
    count = await slack.bot.db.fetchone("SELECT COUNT(*) FROM processed_events")
    assert count is not None and count[0] == 0


FORGERIES = [
    {"sign": False},
    {"signature": "v0=" + "0" * 64},
    {"skew": -6 * 60},
]


@pytest.mark.parametrize("forgery", FORGERIES, ids=["unsigned", "forged", "stale"])
async def test_unsigned_forged_or_stale_interactions_get_401_and_nothing_happens(
    slack: LocalSlack, forgery: dict[str, object]
) -> None:
    """A modal submission is refused: no question stored, no call, the modal stays open."""
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    mark = slack.standin.mark()
    submitted = await slack.driver.submit_view(
        OLIVER,
        {"question": {"value": "Hvordan kommer vi i gang med Osmo?"}},
        **signed_at(forgery),  # type: ignore[arg-type]
    )
    await slack.settle()
    assert submitted.status == 401
    assert slack.standin.calls_since(mark) == []
    assert await question_records(slack.bot.db) == []
    assert len(slack.standin.open_views(OLIVER)) == 1  # Slack keeps the modal open


async def test_an_exception_in_a_listener_gives_an_apology_in_the_persons_language(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """A broken database (a table gone) makes `/tovholder network` fail after the ack."""
    await slack.bot.db.execute("ALTER TABLE daycares RENAME TO daycares_lost")
    with caplog.at_level(logging.ERROR, logger="tovholder.errors"):
        result = await slack.driver.slash_command(
            OLIVER, "/tovholder", "network", channel_id=GENERAL
        )
        await slack.settle()
    assert result.status == 200
    (apology,) = slack.standin.calls_to("response_url")
    assert apology.args["response_type"] == "ephemeral"
    assert texts(apology).startswith("Sorry, something went wrong on my side.")
    (record,) = [r for r in caplog.records if r.name == "tovholder.errors"]
    assert record.exc_info is not None  # the traceback is in the log
    assert record.getMessage() == "listener failed kind=command name=/tovholder"
    # …and the bot keeps serving.
    await slack.driver.slash_command(METTE, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    assert "Tovholder – hjælp" in texts(slack.standin.calls_to("response_url")[-1])


async def test_one_log_line_per_request_without_the_text(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="tovholder.requests"):
        await slack.driver.slash_command(
            METTE, "/tovholder", "Emil 010203-1234", channel_id=GENERAL
        )
        await slack.driver.user_message(METTE, None, "Emil græd i dag")
        await slack.settle()
    lines = [r.getMessage() for r in caplog.records if r.name == "tovholder.requests"]
    assert len(lines) == 2
    assert lines[0].startswith("request kind=command name=/tovholder status=200 ms=")
    assert lines[1].startswith("request kind=event name=message status=200 ms=")
    assert all("outcome=ok" in line for line in lines)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert "Emil" not in everything and "010203" not in everything
    assert "xoxb-" not in everything


async def test_the_scheduled_upkeep_forgets_old_deliveries(slack: LocalSlack) -> None:
    clock = slack.bot.app.services.clock
    await events.claim(slack.bot.db, "event:Ev0OLD", "2026-11-28T08:00:00+00:00")
    await slack.driver.user_message(METTE, None, "hjælp")
    await slack.settle()
    await slack.bot.scheduler.run_all_now()
    keys = [r["key"] for r in await slack.bot.db.fetchall("SELECT key FROM processed_events")]
    assert "event:Ev0OLD" not in keys and len(keys) == 2
    assert clock.now().year == 2026


def _replayable() -> list[Path]:
    return sorted(p for p in PAYLOADS.iterdir() if p.suffix in (".json", ".urlencoded"))


@pytest.mark.parametrize("path", _replayable(), ids=lambda p: p.name)
async def test_real_slack_payloads_replayed_do_not_crash_the_app(
    slack: LocalSlack, path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw = path.read_text(encoding="utf-8").strip()  # noqa: ASYNC240 - a small test fixture
    if path.suffix == ".json":
        body = json.loads(raw)
        if "type" not in body:  # an event part only: wrap it as Slack would
            body = {"type": "event_callback", "event_id": "Ev0REPLAY", "event": body}
        content, content_type = json.dumps(body).encode(), "application/json"
    else:
        if raw.startswith("payload%3D"):
            raw = unquote(raw)
        assert parse_qs(raw)  # well-formed form body
        content, content_type = raw.encode(), "application/x-www-form-urlencoded"
    with caplog.at_level(logging.ERROR):
        result = await slack.driver.post_raw(content, content_type)
        await slack.settle()
    assert result.status in (200, 404), result.body  # 404: a kind the bot does not handle yet
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    if path.name == "url_verification.json":
        assert "here-comes-a-challenge" in result.body
