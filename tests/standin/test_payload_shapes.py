"""The driver's requests against the bodies Slack really sent (tests/fixtures/slack-payloads).

Each test recreates the situation of a recorded payload in the stand-in (the same blocks
posted, the same modal opened), lets the driver act, captures the raw request at a tiny
local server and checks it key for key, recursively. The signature is checked with
slack_sdk's own verifier.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, unquote

import pytest
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import SlackDriver, SlackStandIn
from tests.fixtures import SLACK_PAYLOADS
from tests.standin.conftest import ANNA, GENERAL, SIGNING_SECRET, CaptureApp, Captured

PAYLOADS = SLACK_PAYLOADS
pytestmark = pytest.mark.skipif(not PAYLOADS.is_dir(), reason="recorded payloads not present")


def recorded(name: str) -> dict[str, Any]:
    """A recorded body as a dict: form fields, the `payload=` JSON, or the JSON itself."""
    raw = (PAYLOADS / name).read_text().strip()
    if name.endswith(".json"):
        data: dict[str, Any] = json.loads(raw)
        return data
    if raw.startswith("payload%3D"):  # view_submission.urlencoded is encoded twice
        raw = unquote(raw)
    fields = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    if "payload" in fields:
        payload: dict[str, Any] = json.loads(fields["payload"])
        return payload
    return fields


def sent(request: Captured) -> dict[str, Any]:
    """What the driver sent, decoded the same way, after checking its signature."""
    verifier = SignatureVerifier(SIGNING_SECRET)
    assert verifier.is_valid(
        body=request.body.decode(),
        timestamp=request.headers["X-Slack-Request-Timestamp"],
        signature=request.headers["X-Slack-Signature"],
    )
    text = request.body.decode()
    if request.headers["Content-Type"].startswith("application/json"):
        data: dict[str, Any] = json.loads(text)
        return data
    fields = {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
    if "payload" in fields:
        payload: dict[str, Any] = json.loads(fields["payload"])
        return payload
    return fields


def assert_same_shape(real: Any, ours: Any, path: str = "$") -> None:
    """Same keys at every level of dicts, same container types; leaf values may differ."""
    if isinstance(real, dict):
        assert isinstance(ours, dict), f"{path}: expected an object, got {ours!r}"
        missing, extra = sorted(set(real) - set(ours)), sorted(set(ours) - set(real))
        assert not missing and not extra, f"{path}: missing {missing}, extra {extra}"
        for key in real:
            assert_same_shape(real[key], ours[key], f"{path}.{key}")
    elif isinstance(real, list):
        assert isinstance(ours, list), f"{path}: expected a list, got {ours!r}"
        assert len(ours) == len(real), f"{path}: {len(ours)} items, Slack sent {len(real)}"
        for i, (a, b) in enumerate(zip(real, ours, strict=True)):
            assert_same_shape(a, b, f"{path}[{i}]")
    else:
        assert not isinstance(ours, dict | list), f"{path}: expected a value, got {ours!r}"


def test_the_shape_check_notices_differences() -> None:
    real = {"a": {"b": 1, "c": [{"d": None}]}}
    assert_same_shape(real, {"a": {"b": "x", "c": [{"d": "y"}]}})
    for wrong in ({"a": {"b": 1}}, {"a": {"b": 1, "c": [{}]}}, {"a": {"b": {}, "c": [{"d": 1}]}}):
        with pytest.raises(AssertionError):
            assert_same_shape(real, wrong)


@pytest.fixture
async def driver(standin: SlackStandIn, capture: CaptureApp) -> AsyncIterator[SlackDriver]:
    async with SlackDriver(standin, capture.url, SIGNING_SECRET) as started:
        yield started


async def post_recorded_message(client: AsyncWebClient, name: str) -> str:
    """Post the blocks of a recorded block_actions message; returns its ts."""
    blocks = recorded(name)["message"]["blocks"]
    posted = await client.chat_postMessage(channel=GENERAL, text="Vælg", blocks=blocks)
    return str(posted["ts"])


async def test_slash_command(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.slash_command(ANNA, "/tovholder", "hjælp", channel_id=GENERAL)
    assert capture.last.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert_same_shape(recorded("slash_command.urlencoded"), sent(capture.last))
    assert sent(capture.last)["text"] == "hjælp"


@pytest.mark.parametrize(
    "name",
    [
        "block_actions_button.urlencoded",
        "block_actions_static_select.urlencoded",
        "block_actions_datepicker.urlencoded",
    ],
)
async def test_block_actions(
    name: str, driver: SlackDriver, client: AsyncWebClient, capture: CaptureApp
) -> None:
    real = recorded(name)
    ts = await post_recorded_message(client, name)
    # The recorded user had already chosen in every menu; choose the same.
    await driver.select(ANNA, action_id="text1234", value=["value-0", "value-2"])
    await driver.select(ANNA, action_id="static_select-action", value="value-1")
    await driver.select(ANNA, action_id="datepicker-action", value="1990-04-20")
    action = real["actions"][0]
    if action["type"] == "button":
        await driver.click(ANNA, action_id="button-action", channel_id=GENERAL, message_ts=ts)
    elif action["type"] == "static_select":
        await driver.select(ANNA, action_id="static_select-action", value="value-0")
    else:
        await driver.select(ANNA, action_id="datepicker-action", value="1990-04-12")
    ours = sent(capture.last)
    assert_same_shape(real, ours)
    assert ours["state"]["values"]["section678"]["text1234"]["selected_options"][1]["value"] == (
        "value-2"
    )
    assert ours["response_url"].startswith("http://127.0.0.1:")


async def test_message_action(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.user_message(ANNA, GENERAL, "iaudsiadudsa")
    ts = driver.standin.messages(GENERAL)[-1]["ts"]
    await driver.message_shortcut(ANNA, "test_action_message", GENERAL, ts)
    assert_same_shape(recorded("message_action.urlencoded"), sent(capture.last))


async def test_view_submission(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    real_view = recorded("view_submission.urlencoded")["view"]
    spec = {k: real_view[k] for k in ("type", "blocks", "callback_id", "title", "submit")}
    await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=spec)
    await driver.submit_view(
        ANNA,
        {"1=zGH": {"sl_input": "ddd"}, "7Zh": {"ml_input": "dddd"}, "YWJ": {"actionId-1": "02:00"}},
    )
    ours = sent(capture.last)
    assert_same_shape(recorded("view_submission.urlencoded"), ours)
    assert ours["view"]["state"]["values"]["YWJ"]["actionId-0"]["selected_date"] == "1990-04-28"
    assert ours["view"]["state"]["values"]["cbQh"]["actionId-3"]["selected_option"] is None


async def test_event_message(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.user_message(ANNA, GENERAL, "this is a test message")
    ours = sent(capture.last)
    assert_same_shape(recorded("event_message.json"), ours)
    assert ours["event"]["blocks"][0]["elements"][0]["elements"][0]["text"] == (
        "this is a test message"
    )


async def test_event_message_changed(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.user_message(ANNA, GENERAL, "hello this is  a test")
    ts = driver.standin.messages(GENERAL)[-1]["ts"]
    await driver.edit_message(ANNA, GENERAL, ts, "this is an edited message")
    assert_same_shape(recorded("event_message_changed.json"), sent(capture.last))
    assert driver.standin.messages(GENERAL)[-1]["text"] == "this is an edited message"


async def test_event_channel_join(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.channel_join("U0CARL", GENERAL, inviter=ANNA)
    assert_same_shape(recorded("event_channel_join.json"), sent(capture.last))


async def test_event_bot_message(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.user_message(ANNA, GENERAL, "Hi bot")
    parent = driver.standin.messages(GENERAL)[-1]["ts"]
    await driver.bot_message(GENERAL, "Hi opsdroid", thread_ts=parent)
    real_event = recorded("event_bot_message.json")["event"]
    assert_same_shape(real_event, sent(capture.last)["event"])


async def test_url_verification(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.url_verification("here-comes-a-challenge")
    assert_same_shape(recorded("url_verification.json"), sent(capture.last))


async def test_event_message_deleted(driver: SlackDriver, capture: CaptureApp) -> None:
    await driver.user_message(ANNA, GENERAL, "oops")
    ts = driver.standin.messages(GENERAL)[-1]["ts"]
    await driver.delete_message(ANNA, GENERAL, ts)
    event = sent(capture.last)["event"]
    assert (event["subtype"], event["deleted_ts"], event["hidden"]) == ("message_deleted", ts, True)
    assert event["previous_message"]["text"] == "oops"
    assert all(m["ts"] != ts for m in driver.standin.messages(GENERAL))
