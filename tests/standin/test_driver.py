"""The driver's own behaviour: typed state from simple values, finding elements, applying
acks as Slack would, and refusing what a Slack user could not do."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.standin import AckTimeoutError, DriverError, SlackDriver, SlackStandIn
from tests.standin.conftest import ANNA, BO, CARL, GENERAL, SIGNING_SECRET, CaptureApp


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def opts(*values: str) -> list[dict[str, Any]]:
    return [{"text": plain(v.title()), "value": v} for v in values]


def field(block_id: str, element: dict[str, Any], optional: bool = False) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(block_id),
        "element": {"action_id": "v", **element},
    }


FORM: dict[str, Any] = {
    "type": "modal",
    "callback_id": "form",
    "title": plain("Formular"),
    "submit": plain("Send"),
    "blocks": [
        field("name", {"type": "plain_text_input", "max_length": 10}),
        field("count", {"type": "number_input", "is_decimal_allowed": False}, optional=True),
        field("team", {"type": "static_select", "options": opts("dagtilbud", "skole")}),
        field("size", {"type": "radio_buttons", "options": opts("s", "m")}, optional=True),
        field("tools", {"type": "multi_static_select", "options": opts("a", "b", "c")}, True),
        field("agree", {"type": "checkboxes", "options": opts("yes")}, optional=True),
        field("day", {"type": "datepicker", "initial_date": "2026-12-01"}),
        field("time", {"type": "timepicker"}, optional=True),
        field("who", {"type": "users_select"}, optional=True),
        field("where", {"type": "channels_select"}, optional=True),
        field("conv", {"type": "conversations_select"}, optional=True),
        {
            "type": "actions",
            "block_id": "more",
            "elements": [
                {"type": "static_select", "action_id": "level", "options": opts("lav", "høj")},
                {"type": "button", "action_id": "help", "text": plain("Hjælp")},
            ],
        },
    ],
}


def payload_of(body: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(parse_qs(body.decode())["payload"][0])
    return data


@pytest.fixture
async def driver(standin: SlackStandIn, capture: CaptureApp) -> AsyncIterator[SlackDriver]:
    async with SlackDriver(standin, capture.url, SIGNING_SECRET) as started:
        yield started


async def open_form(client: AsyncWebClient, standin: SlackStandIn, **changes: Any) -> str:
    view = {**FORM, **changes}
    opened = await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=view)
    return str(opened["view"]["id"])


# -- submit_view ----------------------------------------------------------------------


async def test_simple_values_become_slacks_typed_state(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await open_form(client, standin)
    await driver.submit_view(
        ANNA,
        {
            "name": {"v": "Anna"},
            "count": {"v": 3},
            "team": {"v": "skole"},
            "size": {"v": "m"},
            "tools": {"v": ["a", "c"]},
            "agree": {"v": ["yes"]},
            "day": {"v": "2026-12-24"},
            "time": {"v": "09:30"},
            "who": {"v": BO},
            "where": {"v": GENERAL},
            "conv": {"v": GENERAL},
            "more": {"level": "høj"},
        },
    )
    values = payload_of(capture.last.body)["view"]["state"]["values"]
    assert values["name"]["v"] == {"type": "plain_text_input", "value": "Anna"}
    assert values["count"]["v"] == {"type": "number_input", "value": "3"}
    assert values["team"]["v"]["selected_option"] == {"text": plain("Skole"), "value": "skole"}
    assert values["size"]["v"]["selected_option"]["value"] == "m"
    assert [o["value"] for o in values["tools"]["v"]["selected_options"]] == ["a", "c"]
    assert values["agree"]["v"]["type"] == "checkboxes"
    assert values["day"]["v"] == {"type": "datepicker", "selected_date": "2026-12-24"}
    assert values["time"]["v"] == {"type": "timepicker", "selected_time": "09:30"}
    assert values["who"]["v"] == {"type": "users_select", "selected_user": BO}
    assert values["where"]["v"] == {"type": "channels_select", "selected_channel": GENERAL}
    assert values["conv"]["v"]["selected_conversation"] == GENERAL
    assert values["more"]["level"]["selected_option"]["value"] == "høj"
    assert "help" not in values["more"]  # buttons carry no state


async def test_untouched_elements_keep_initial_or_null(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await open_form(client, standin)
    await driver.submit_view(ANNA, {"name": {"v": "A"}, "team": {"v": "skole"}})
    values = payload_of(capture.last.body)["view"]["state"]["values"]
    assert values["day"]["v"]["selected_date"] == "2026-12-01"
    assert values["who"]["v"]["selected_user"] is None
    assert values["tools"]["v"]["selected_options"] == []
    assert values["count"]["v"]["value"] is None


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"nope": {"v": "x"}}, "no element 'nope'/'v'"),
        ({"name": {"wrong": "x"}}, "no element 'name'/'wrong'"),
        ({"name": {"v": "A"}, "team": {"v": "ukendt"}}, "has no option 'ukendt'"),
        ({"name": {"v": "A"}}, "'team'/'v' is a required input and is empty"),
        ({"name": {"v": "x" * 11}, "team": {"v": "skole"}}, "max_length is 10"),
        ({"name": {"v": "A"}, "team": {"v": "skole"}, "day": {"v": "24/12"}}, "YYYY-MM-DD"),
        ({"name": {"v": "A"}, "team": {"v": "skole"}, "who": {"v": "U0NOBODY"}}, "not a user"),
        ({"name": {"v": "A"}, "team": {"v": "skole"}, "count": {"v": "2.5"}}, "not a whole"),
        ({"name": {"v": "A"}, "team": {"v": "skole"}, "time": {"v": "9"}}, "HH:MM"),
    ],
)
async def test_what_slack_would_not_submit_raises(
    driver: SlackDriver,
    client: AsyncWebClient,
    standin: SlackStandIn,
    capture: CaptureApp,
    values: dict[str, dict[str, Any]],
    problem: str,
) -> None:
    await open_form(client, standin)
    with pytest.raises(DriverError, match=problem):
        await driver.submit_view(ANNA, values)
    assert capture.requests == []


async def test_submit_needs_an_open_modal(driver: SlackDriver) -> None:
    with pytest.raises(DriverError, match="no open modal"):
        await driver.submit_view(ANNA, {})
    with pytest.raises(DriverError, match="no user"):
        await driver.submit_view("U0NOBODY", {})


# -- view_submission acks -------------------------------------------------------------


SUBMIT = {"name": {"v": "Anna"}, "team": {"v": "skole"}}


async def test_empty_ack_closes_the_modal(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn
) -> None:
    await open_form(client, standin)
    result = await driver.submit_view(ANNA, SUBMIT)
    assert result.status == 200 and result.json is None
    assert standin.open_views(ANNA) == []
    assert standin.calls_to("ack")[-1].ok


async def test_errors_ack_keeps_the_modal_and_typed_values(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    view_id = await open_form(client, standin)
    capture.reply_json({"response_action": "errors", "errors": {"name": "For kort"}})
    result = await driver.submit_view(ANNA, SUBMIT)
    assert result.json == {"response_action": "errors", "errors": {"name": "For kort"}}
    assert [v["id"] for v in standin.open_views(ANNA)] == [view_id]
    assert standin.open_views(ANNA)[0]["state"]["values"]["name"]["v"]["value"] == "Anna"
    assert standin.calls_to("ack")[-1].ok


async def test_errors_for_a_block_that_is_not_an_input_are_refused(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await open_form(client, standin)
    capture.reply_json({"response_action": "errors", "errors": {"more": "nej"}})
    await driver.submit_view(ANNA, SUBMIT)
    ack = standin.calls_to("ack")[-1]
    assert not ack.ok and "no input block with that block_id" in ack.errors[0]


async def test_update_push_and_clear(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    view_id = await open_form(client, standin)
    thanks = {"type": "modal", "title": plain("Tak"), "blocks": [{"type": "divider"}]}
    capture.reply_json({"response_action": "update", "view": thanks})
    await driver.submit_view(ANNA, SUBMIT)
    [updated] = standin.open_views(ANNA)
    assert updated["id"] == view_id and updated["title"] == plain("Tak")

    await open_form(client, standin)
    capture.reply_json({"response_action": "push", "view": {**FORM, "callback_id": "step2"}})
    await driver.submit_view(ANNA, SUBMIT)
    assert [v["callback_id"] for v in standin.open_views(ANNA)] == ["form", "step2"]
    capture.reply_json({"response_action": "clear"})
    await driver.submit_view(ANNA, SUBMIT)
    assert standin.open_views(ANNA) == []


async def test_an_invalid_update_is_a_recorded_refusal(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await open_form(client, standin)
    capture.reply_json({"response_action": "update", "view": {**FORM, "title": plain("t" * 30)}})
    await driver.submit_view(ANNA, SUBMIT)
    ack = standin.calls_to("ack")[-1]
    assert not ack.ok and ack.error == "invalid_arguments" and "title" in ack.errors[0]
    assert standin.open_views(ANNA)[0]["title"] == plain("Formular")


# -- slash command and block_actions acks ---------------------------------------------


async def test_slash_command_ack_becomes_an_ephemeral(
    driver: SlackDriver, standin: SlackStandIn, capture: CaptureApp
) -> None:
    capture.reply_json({"text": "Hej Anna"})
    await driver.slash_command(ANNA, "/tovholder", "hjælp", channel_id=GENERAL)
    assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["Hej Anna"]
    assert standin.ephemerals(GENERAL, ANNA)[0]["source"] == "ack"
    capture.reply_json({"text": "Til alle", "response_type": "in_channel"})
    await driver.slash_command(ANNA, "/tovholder", "", channel_id=GENERAL)
    assert [m["text"] for m in standin.messages(GENERAL)] == ["Til alle"]


async def test_invalid_ack_blocks_are_a_visible_refusal(
    driver: SlackDriver, standin: SlackStandIn, capture: CaptureApp
) -> None:
    header = {"type": "header", "text": plain("h" * 151)}
    capture.reply_json({"text": "x", "blocks": [header]})
    await driver.slash_command(ANNA, "/tovholder")
    ack = standin.calls_to("ack")[-1]
    assert not ack.ok and ack.error == "invalid_blocks" and "150" in ack.errors[0]
    assert standin.ephemerals(ANNA) == []


async def test_slash_command_defaults_to_the_dm(
    driver: SlackDriver, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await driver.slash_command(ANNA, "/tovholder", "status")
    fields = {k: v[0] for k, v in parse_qs(capture.last.body.decode()).items()}
    assert fields["channel_id"] == standin.im_channel_id(ANNA)
    assert fields["channel_name"] == "directmessage"


# -- clicks and selects ---------------------------------------------------------------


ROWS = [
    {
        "type": "section",
        "block_id": f"row{i}",
        "text": {"type": "mrkdwn", "text": f"Række {i}"},
        "accessory": {
            "type": "button",
            "action_id": "remove",
            "value": str(i),
            "text": plain("Fjern"),
        },
    }
    for i in range(2)
]


async def test_click_finds_the_button_and_its_response_url_works(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="liste", blocks=ROWS)
    with pytest.raises(DriverError, match="pass block_id or value"):
        await driver.click(ANNA, action_id="remove")
    await driver.click(ANNA, action_id="remove", value="1")
    payload = payload_of(capture.last.body)
    assert payload["actions"][0]["block_id"] == "row1"
    assert payload["container"] == {
        "type": "message",
        "message_ts": posted["ts"],
        "channel_id": GENERAL,
        "is_ephemeral": False,
    }
    await AsyncWebhookClient(payload["response_url"]).send(text="Fjernet", replace_original=True)
    assert standin.messages(GENERAL)[0]["text"] == "Fjernet"
    with pytest.raises(DriverError, match="no element 'remove'"):
        await driver.click(CARL, action_id="remove", value="1")  # Carl is not in #general


async def test_click_in_an_ephemeral_message(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await client.chat_postEphemeral(channel=GENERAL, user=ANNA, text="valg", blocks=ROWS[:1])
    await driver.click(ANNA, action_id="remove")
    payload = payload_of(capture.last.body)
    assert payload["container"]["is_ephemeral"] is True and "message" not in payload


async def test_select_in_a_modal_keeps_state_for_submit(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    view_id = await open_form(client, standin)
    await driver.select(ANNA, action_id="level", value="lav")
    payload = payload_of(capture.last.body)
    assert payload["container"] == {"type": "view", "view_id": view_id}
    assert payload["view"]["state"]["values"]["more"]["level"]["selected_option"]["value"] == "lav"
    await driver.submit_view(ANNA, SUBMIT)
    submitted = payload_of(capture.last.body)["view"]["state"]["values"]
    assert submitted["more"]["level"]["selected_option"]["value"] == "lav"


async def test_overflow_and_wrong_element_kinds(
    driver: SlackDriver, client: AsyncWebClient, capture: CaptureApp
) -> None:
    menu = {"type": "overflow", "action_id": "menu", "options": opts("edit", "delete")}
    block = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}, "accessory": menu}
    await client.chat_postMessage(channel=GENERAL, text="x", blocks=[block])
    await driver.select(ANNA, action_id="menu", value="delete")
    action = payload_of(capture.last.body)["actions"][0]
    assert action["type"] == "overflow" and action["selected_option"]["value"] == "delete"
    with pytest.raises(DriverError, match="no element 'menu'"):
        await driver.click(ANNA, action_id="menu")


# -- closing modals, events, timeouts -------------------------------------------------


async def test_close_view(
    driver: SlackDriver, client: AsyncWebClient, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await open_form(client, standin)
    silent = await driver.close_view(ANNA)
    assert silent.status == 0 and capture.requests == [] and standin.open_views(ANNA) == []
    root = await open_form(client, standin, notify_on_close=True, clear_on_close=True)
    await client.views_push(trigger_id=standin.issue_trigger_id(ANNA), view=FORM)
    await driver.close_view(ANNA)  # the pushed view: neither notify nor clear
    assert [v["id"] for v in standin.open_views(ANNA)] == [root] and capture.requests == []
    clearing = {**FORM, "callback_id": "last", "notify_on_close": True, "clear_on_close": True}
    await client.views_push(trigger_id=standin.issue_trigger_id(ANNA), view=FORM)
    await client.views_push(trigger_id=standin.issue_trigger_id(ANNA), view=clearing)
    result = await driver.close_view(ANNA)
    assert standin.open_views(ANNA) == []  # clear_on_close closes the whole stack
    payload = payload_of(capture.last.body)
    assert result.status == 200 and payload["type"] == "view_closed" and payload["is_cleared"]
    assert payload["view"]["callback_id"] == "last"


async def test_user_message_stores_and_sends(
    driver: SlackDriver, standin: SlackStandIn, capture: CaptureApp
) -> None:
    await driver.user_message(ANNA, None, "hjælp <@U0TOVBOT>")
    envelope = json.loads(capture.last.body)
    event = envelope["event"]
    assert event["channel_type"] == "im" and event["channel"] == standin.im_channel_id(ANNA)
    assert event["blocks"][0]["elements"][0]["elements"][1] == {
        "type": "user",
        "user_id": "U0TOVBOT",
    }
    assert standin.messages(ANNA)[0]["ts"] == event["ts"]
    with pytest.raises(DriverError, match="not a member"):
        await driver.user_message(CARL, GENERAL, "hej")
    with pytest.raises(DriverError, match="no app_mention in DMs"):
        await driver.app_mention(ANNA, str(standin.im_channel_id(ANNA)), "hej")


async def test_event_retries_carry_slacks_headers(driver: SlackDriver, capture: CaptureApp) -> None:
    event = {"type": "app_home_opened", "user": ANNA, "channel": "D0X", "tab": "home"}
    await driver.event(event, event_id="Ev0SAME", retry_num=1, retry_reason="http_timeout")
    assert capture.last.headers["X-Slack-Retry-Num"] == "1"
    assert capture.last.headers["X-Slack-Retry-Reason"] == "http_timeout"
    assert json.loads(capture.last.body)["event_id"] == "Ev0SAME"


async def test_signing_can_be_left_out_forged_or_aged(
    driver: SlackDriver, capture: CaptureApp
) -> None:
    await driver.slash_command(ANNA, "/tovholder", sign=False)
    assert "X-Slack-Signature" not in capture.last.headers
    await driver.slash_command(ANNA, "/tovholder", signature="v0=forged")
    assert capture.last.headers["X-Slack-Signature"] == "v0=forged"
    await driver.slash_command(ANNA, "/tovholder", timestamp=1_000_000_000)
    assert capture.last.headers["X-Slack-Request-Timestamp"] == "1000000000"


async def test_a_slow_app_times_out(standin: SlackStandIn, capture: CaptureApp) -> None:
    capture.hold = asyncio.Event()
    async with SlackDriver(standin, capture.url, SIGNING_SECRET, ack_timeout=0.05) as driver:
        with pytest.raises(AckTimeoutError):
            await driver.slash_command(ANNA, "/tovholder")
    capture.hold.set()


async def test_unknown_people_and_places_raise(driver: SlackDriver) -> None:
    with pytest.raises(DriverError, match="no user"):
        await driver.slash_command("U0NOBODY", "/tovholder")
    with pytest.raises(DriverError, match="no channel"):
        await driver.user_message(ANNA, "C0NOPE", "hej")
