"""Hostile and random text through every door: slash commands, modal fields, and messages in
the test channel (hypothesis, derandomised so CI is reproducible).

For every input: no 5xx, nothing reaches the error handler, every Web API call the bot makes
is one Slack accepts (the stand-in checks Block Kit's limits), no mention, broadcast, channel
link or disguised link typed by the person comes out live in anything the bot posts, and a
refused input changes no record. Signed requests with odd shapes (any JSON value as the
body, `null` or a number where Slack sends text, a lone surrogate) get no 5xx and no apology.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.demo import seed_demo
from bot.services.workspace_settings import set_setting
from bot.settings import parse_settings
from bot.standin import RecordedCall
from bot.standin.controls import Control, parsed_fields
from bot.standin.viewstate import DriverError
from tests.conftest import assert_no_refused_payloads
from tests.e2e.odd_payloads import clicked, command, dm_event, submission
from tests.e2e.test_tool_tests import result_of
from tests.people import person_id

pytestmark = pytest.mark.asyncio(loop_scope="module")

ANNETTE = "U0DEMO001"  # coordinator
METTE = "U0DEMO003"  # ambassador
OLIVER = "U0DEMO008"  # superuser, English
GENERAL = "C0GENERAL"
TESTS = "C0TESTS"
TZ = ZoneInfo("Europe/Copenhagen")

#: What a person might type to make the bot misbehave, and what SQL and FTS5 treat specially.
HOSTILE = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U0EVIL>",
    "<#C0EVIL>",
    "<https://evil.example|bank>",
    "<mailto:evil@example.com|mail>",
    '"',
    "*",
    "NEAR",
    "OR",
    "AND NOT",
    ")",
    "(",
    "^",
    "'; DROP TABLE guides; --",
    "\u202eRTL override",
    "مرحبا بالأطفال",
    "שלום ילדים",
    "\x00",
    "\x07\x1b[31m",
    "\r\n",
    "😀👩‍👩‍👧🇩🇰",
    "&amp; &lt; &gt;",
    "#test",
    "Bee-Bot",
    "4/5",
    "010203-1234",
]


def live(control: Control) -> bool:
    """What must never come out live: the markup above, as Slack reads it (the stand-in
    records every sequence in every field Slack parses, see bot/standin/controls.py)."""
    return (
        control.kind == "broadcast"
        or control.target in ("U0EVIL", "C0EVIL")
        or control.target.startswith(("https://evil", "mailto:evil"))
    )


hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=15).map(" ".join),
    st.sampled_from(HOSTILE).map(lambda s: (s + " ") * (40_000 // (len(s) + 1))),
    st.just(""),
)
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
RECORD_TABLES = (
    "test_results",
    "tool_tests",
    "sparring_questions",
    "guides",
    "guide_versions",
    "trainings",
    "tool_decisions",
)


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def errors() -> Iterator[Collect]:
    handler = Collect()
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def slack(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> AsyncIterator[LocalSlack]:
    """One workspace for the whole module: fuzzing is about inputs, not fresh state."""
    clock = ManualClock(TZ, frozen_at=datetime(2026, 11, 30, 9, 0, tzinfo=TZ))
    path: Path = tmp_path_factory.mktemp("fuzz") / "tovholder.db"
    local = await LocalSlack.start(parse_settings({"TOVHOLDER_DB": str(path)}, "console"), clock)
    await seed_demo(local.bot.db, clock)
    await local.sync_people()
    local.standin.add_channel(TESTS, "afproevning", members=[METTE, ANNETTE, OLIVER])
    await set_setting(
        local.bot.db, clock, "test_channel", TESTS, await person_id(local.bot.db, ANNETTE)
    )
    yield local
    await local.stop()
    assert_no_refused_payloads(local.standin, request)


def posted_markup(call: RecordedCall) -> list[str]:
    """Every piece of text Slack would read as mrkdwn in what the bot sent."""
    return [text for _, text in parsed_fields(call.method, call.args)]


async def fingerprint(slack: LocalSlack) -> dict[str, int]:
    counts = {}
    for table in RECORD_TABLES:
        row = await slack.bot.db.fetchone(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - our constants
        assert row is not None
        counts[table] = int(row[0])
    return counts


def check_calls(slack: LocalSlack, mark: int, errors: Collect) -> None:
    calls = slack.standin.calls_since(mark)
    assert all(c.ok for c in calls), [(c.method, c.error, c.errors) for c in calls if not c.ok]
    shown_live = [found for c in calls for found in c.controls if live(found)]
    assert not shown_live, shown_live
    assert not errors.records, [r.getMessage() for r in errors.records]


COMMANDS = [
    ("/tool-guide", ""),
    ("/tool-test", ""),
    ("/tool-test", "result "),
    ("/tool-test", "start "),
    ("/sparring", ""),
    *(
        ("/tovholder", word)
        for word in ("", "help ", "network ", "settings ", "pulse ", "mine ", "my-data ")
    ),
]


@FUZZ
@given(command=st.sampled_from(COMMANDS), text=hostile_text, user=st.sampled_from([METTE, OLIVER]))
async def test_slash_commands_take_any_text(
    slack: LocalSlack, errors: Collect, command: tuple[str, str], text: str, user: str
) -> None:
    errors.records.clear()
    for view in slack.standin.open_views(user):  # a modal a command opened: close it
        slack.standin.views.close(user, view["id"])
    mark = slack.standin.mark()
    result = await slack.driver.slash_command(
        user, command[0], command[1] + text, channel_id=GENERAL
    )
    await slack.settle()
    assert result.status == 200, result.body
    check_calls(slack, mark, errors)


async def open_modal(slack: LocalSlack, user: str, command: str, text: str) -> dict[str, Any]:
    for view in slack.standin.open_views(user):
        slack.standin.views.close(user, view["id"])
    await slack.driver.slash_command(user, command, text, channel_id=GENERAL)
    await slack.settle()
    (view,) = slack.standin.open_views(user)
    return view


MODALS = [
    ("/tool-test", "result bee-bot"),
    ("/tool-test", "start ozobot"),
    ("/tool-test", "train bee-bot"),
    ("/sparring", ""),
    ("/tool-guide", "ny Lydmaskinen"),
]


@FUZZ
@given(modal=st.sampled_from(MODALS), texts=st.lists(hostile_text, min_size=8, max_size=8))
async def test_every_modal_text_field_takes_any_text(
    slack: LocalSlack, errors: Collect, modal: tuple[str, str], texts: list[str]
) -> None:
    errors.records.clear()
    view = await open_modal(slack, METTE, *modal)
    values: dict[str, dict[str, Any]] = {}
    inputs = [
        b
        for b in view["blocks"]
        if b.get("type") == "input" and b["element"]["type"] == "plain_text_input"
    ]
    for block, text in zip(inputs, texts * 3, strict=False):
        value = text[: block["element"].get("max_length", 3000)]
        if value.strip() or block.get("optional"):
            values[block["block_id"]] = {"value": value}
    before = await fingerprint(slack)
    mark = slack.standin.mark()
    try:
        result = await slack.driver.submit_view(METTE, values)
    except DriverError:
        return  # Slack's client would not submit it (an empty required field)
    await slack.settle()
    assert result.status == 200, result.body
    answer = result.json or {}
    assert not result.body or answer.get("response_action") in ("errors", "update", "push")
    if answer.get("response_action") == "errors":
        assert await fingerprint(slack) == before  # refused: nothing stored
    check_calls(slack, mark, errors)


@FUZZ
@given(text=hostile_text, user=st.sampled_from([METTE, OLIVER]))
async def test_any_message_in_the_test_channel(
    slack: LocalSlack, errors: Collect, text: str, user: str
) -> None:
    errors.records.clear()
    before = await fingerprint(slack)
    mark = slack.standin.mark()
    result = await slack.driver.user_message(user, TESTS, text)
    await slack.settle()
    assert result.status == 200, result.body
    check_calls(slack, mark, errors)
    ts = [m for m in slack.standin.messages(TESTS) if m.get("user") == user][-1]["ts"]
    if await result_of(slack.bot.db, TESTS, str(ts)) is None:
        assert (await fingerprint(slack))["test_results"] == before["test_results"]


#: What a signed payload may carry where Slack always sends a string.
odd_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.lists(st.sampled_from(["\ud800", "\udfff", "a", " ", "?"]), max_size=6).map("".join),
    hostile_text,
)
#: Keys and kinds Slack's payloads have, so random JSON reaches Bolt's and our readers.
SLACK_KEYS = (
    "type",
    "event",
    "actions",
    "action_id",
    "view",
    "callback_id",
    "state",
    "user",
    "user_id",
    "id",
    "command",
    "text",
    "team",
    "channel",
    "authorizations",
    "response_url",
)
SLACK_KINDS = ("event_callback", "block_actions", "view_submission", "shortcut", "message")
#: Any JSON value: what a signed body or `payload` field could be instead of Slack's object.
json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.sampled_from(SLACK_KINDS)
    | st.just("/tovholder"),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(SLACK_KEYS) | st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
APOLOGIES = ("Beklager, der gik noget galt", "Sorry, something went wrong")


def no_apology(slack: LocalSlack, mark: int) -> None:
    """An apology means a listener failed: an odd value must be read, not crash on."""
    sent = [text for c in slack.standin.calls_since(mark) for text in posted_markup(c)]
    assert not [text for text in sent if text.startswith(APOLOGIES)], sent


@settings(FUZZ, max_examples=60)
@given(value=json_value, interactive=st.booleans())
async def test_any_signed_json_at_the_door(
    slack: LocalSlack, errors: Collect, value: Any, interactive: bool
) -> None:
    """No 5xx and nothing at ERROR; 404 is Bolt's answer to an object no listener wants.
    (A note to a made-up person may fail at Slack: that is a warning, not a failure.)"""
    errors.records.clear()
    result = await slack.driver.post_json(value, interactive=interactive)
    await slack.settle()
    assert result.status in (200, 404), result.body
    assert not errors.records, [r.getMessage() for r in errors.records]


@FUZZ
@given(
    where=st.sampled_from(["command", "dm", "channel", "click", "modal"]),
    value=odd_value,
    user=st.sampled_from([METTE, OLIVER]),
)
async def test_odd_values_where_slack_sends_text(
    slack: LocalSlack, errors: Collect, where: str, value: Any, user: str
) -> None:
    """`text` of a command or a message, `actions` of a click, a modal's typed value: the
    person gets the ordinary answer (or, for a click, a note that nothing happened)."""
    errors.records.clear()
    if where == "modal":
        view = await open_modal(slack, user, "/sparring", "")
        body, interactive = submission(slack, user, view, value), True
    elif where == "click":
        body, interactive = clicked(slack, user, value), True
    elif where == "command":
        body, interactive = command(slack, user, "/tovholder", value), False
    else:
        body, interactive = dm_event(slack, user, value), False
        if where == "channel":
            body["event"]["channel"], body["event"]["channel_type"] = TESTS, "channel"
    mark = slack.standin.mark()
    result = await slack.driver.post_json(body, interactive=interactive)
    await slack.settle()
    assert result.status == 200, result.body
    check_calls(slack, mark, errors)
    no_apology(slack, mark)
