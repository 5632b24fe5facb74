"""A bare slack_bolt AsyncApp served over HTTP, driven end to end through the stand-in.

These prove the stand-in and driver fit Bolt as Slack does: signatures Bolt accepts (and
refuses), respond() through a response_url, views opened with a real trigger_id, and the
recorded payloads replayed without crashing the app.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import unquote

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond, AsyncSay
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import STANDIN_BOT_TOKEN, SlackDriver, SlackStandIn
from tests.fixtures import SLACK_PAYLOADS
from tests.standin.conftest import ANNA, GENERAL, SIGNING_SECRET, serve_bolt

PAYLOADS = SLACK_PAYLOADS
#: The recorded bodies as Slack sent them (view_submission's extra encoding undone).
RECORDED: dict[str, str] = {
    path.name: path.read_text().strip()
    for path in (sorted(PAYLOADS.iterdir()) if PAYLOADS.is_dir() else [])
    if path.suffix in (".json", ".urlencoded")
}

SIGNUP: dict[str, Any] = {
    "type": "modal",
    "callback_id": "signup",
    "title": {"type": "plain_text", "text": "Tilmelding"},
    "submit": {"type": "plain_text", "text": "Send"},
    "blocks": [
        {
            "type": "input",
            "block_id": "name",
            "label": {"type": "plain_text", "text": "Navn"},
            "element": {"type": "plain_text_input", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "team",
            "label": {"type": "plain_text", "text": "Team"},
            "element": {
                "type": "static_select",
                "action_id": "value",
                "options": [
                    {"text": {"type": "plain_text", "text": "Skole"}, "value": "skole"},
                    {"text": {"type": "plain_text", "text": "Dagtilbud"}, "value": "dagtilbud"},
                ],
            },
        },
    ],
}


def bare_app(standin: SlackStandIn) -> AsyncApp:
    """What a Bolt app looks like with nothing but the stand-in around it."""
    return AsyncApp(
        signing_secret=SIGNING_SECRET,
        token=STANDIN_BOT_TOKEN,
        client=AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url),
        process_before_response=True,
    )


async def test_slash_command_respond_and_modal_round_trip(standin: SlackStandIn) -> None:
    app = bare_app(standin)
    submitted: list[dict[str, Any]] = []

    @app.command("/tovholder")
    async def command(
        ack: AsyncAck, respond: AsyncRespond, command: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        await respond(text=f"Du skrev: {command['text']}")
        await client.views_open(trigger_id=command["trigger_id"], view=SIGNUP)

    @app.view("signup")
    async def signup(ack: AsyncAck, view: dict[str, Any], body: dict[str, Any]) -> None:
        values = view["state"]["values"]
        if len(values["name"]["value"]["value"]) < 2:
            await ack(response_action="errors", errors={"name": "Skriv hele navnet"})
            return
        submitted.append({"user": body["user"]["id"], **values})
        await ack()

    async with serve_bolt(app) as url, SlackDriver(standin, url, SIGNING_SECRET) as driver:
        result = await driver.slash_command(ANNA, "/tovholder", "tilmeld", channel_id=GENERAL)
        assert result.status == 200
        assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["Du skrev: tilmeld"]
        [modal] = standin.open_views(ANNA)
        assert modal["callback_id"] == "signup"

        refused = await driver.submit_view(
            ANNA, {"name": {"value": "A"}, "team": {"value": "skole"}}
        )
        assert refused.json == {
            "response_action": "errors",
            "errors": {"name": "Skriv hele navnet"},
        }
        assert len(standin.open_views(ANNA)) == 1

        accepted = await driver.submit_view(ANNA, {"name": {"value": "Anna Jensen"}})
        assert accepted.status == 200 and standin.open_views(ANNA) == []
    assert submitted[0]["user"] == ANNA
    assert submitted[0]["team"]["value"]["selected_option"]["value"] == "skole"


async def test_background_work_is_awaited_on_the_log(standin: SlackStandIn) -> None:
    app = AsyncApp(
        signing_secret=SIGNING_SECRET,
        client=AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url),
    )

    @app.event("message")
    async def echo(event: dict[str, Any], say: AsyncSay) -> None:
        await say(text=f"Ekko: {event['text']}")

    async with serve_bolt(app) as url, SlackDriver(standin, url, SIGNING_SECRET) as driver:
        mark = standin.mark()
        result = await driver.user_message(ANNA, None, "hjælp")
        assert result.status == 200
        reply = await standin.wait_for("chat.postMessage", since=mark)
        assert reply.ok and reply.args["text"] == "Ekko: hjælp"
        assert [m["text"] for m in standin.messages(ANNA)] == ["hjælp", "Ekko: hjælp"]


@pytest.mark.parametrize(
    "signing",
    [
        {"signature": "v0=" + "0" * 64},
        {"skew": -6 * 60},
        {"sign": False},
    ],
    ids=["forged", "stale", "unsigned"],
)
async def test_bolt_refuses_bad_signatures(standin: SlackStandIn, signing: dict[str, Any]) -> None:
    app = bare_app(standin)
    called = asyncio.Event()

    @app.command("/tovholder")
    async def command(ack: AsyncAck) -> None:
        called.set()
        await ack()

    async with serve_bolt(app) as url, SlackDriver(standin, url, SIGNING_SECRET) as driver:
        if "skew" in signing:  # read now, not when the tests were collected
            signing = {"timestamp": int(time.time()) + signing["skew"]}
        result = await driver.slash_command(ANNA, "/tovholder", **signing)
    assert result.status == 401
    assert not called.is_set()


async def test_button_click_replaces_the_message(standin: SlackStandIn) -> None:
    app = bare_app(standin)

    @app.action("approve")
    async def approve(ack: AsyncAck, respond: AsyncRespond, action: dict[str, Any]) -> None:
        await ack()
        await respond(text=f"Godkendt: {action['value']}", replace_original=True)

    client = AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)
    button = {
        "type": "button",
        "action_id": "approve",
        "value": "idé-7",
        "text": {"type": "plain_text", "text": "Godkend"},
    }
    posted = await client.chat_postMessage(
        channel=ANNA, text="Ny idé", blocks=[{"type": "actions", "elements": [button]}]
    )
    async with serve_bolt(app) as url, SlackDriver(standin, url, SIGNING_SECRET) as driver:
        assert (await driver.click(ANNA, action_id="approve")).status == 200
    [message] = standin.messages(ANNA)
    assert message["ts"] == posted["ts"] and message["text"] == "Godkendt: idé-7"


@pytest.mark.skipif(not RECORDED, reason="recorded payloads not present")
async def test_recorded_payloads_replay_without_server_errors(standin: SlackStandIn) -> None:
    app = bare_app(standin)

    @app.command("/testcommand")
    async def command(ack: AsyncAck) -> None:
        await ack("ok")

    async with serve_bolt(app) as url, SlackDriver(standin, url, SIGNING_SECRET) as driver:
        statuses = {}
        for name, raw in RECORDED.items():
            body = unquote(raw) if raw.startswith("payload%3D") else raw
            form = "application/x-www-form-urlencoded"
            content_type = "application/json" if name.endswith(".json") else form
            result = await driver.post_raw(body.encode(), content_type)
            statuses[name] = result.status
            if name == "url_verification.json":
                assert result.json == {"challenge": "here-comes-a-challenge"}
    assert statuses["slash_command.urlencoded"] == 200
    assert all(status < 500 for status in statuses.values()), statuses
