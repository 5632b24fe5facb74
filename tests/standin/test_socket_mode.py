"""Socket Mode: Bolt's AsyncSocketModeHandler connected to the stand-in's websocket."""

from __future__ import annotations

from typing import Any

import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import (
    STANDIN_APP_TOKEN,
    STANDIN_BOT_TOKEN,
    AckTimeoutError,
    DriverError,
    SlackDriver,
    SlackStandIn,
    SocketModeError,
)
from tests.standin.conftest import ANNA, GENERAL

FORM: dict[str, Any] = {
    "type": "modal",
    "callback_id": "ask",
    "title": {"type": "plain_text", "text": "Spørgsmål"},
    "submit": {"type": "plain_text", "text": "Send"},
    "blocks": [
        {
            "type": "input",
            "block_id": "q",
            "label": {"type": "plain_text", "text": "Spørgsmål"},
            "element": {"type": "plain_text_input", "action_id": "text"},
        }
    ],
}


async def connect(app: AsyncApp) -> AsyncSocketModeHandler:
    handler = AsyncSocketModeHandler(app, STANDIN_APP_TOKEN)
    await handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in slack_bolt
    return handler


async def disconnect(handler: AsyncSocketModeHandler) -> None:
    """Close before the stand-in stops, or the client keeps reconnecting to a closed port."""
    await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in slack_bolt


async def test_slash_command_is_acked_over_the_socket(standin: SlackStandIn) -> None:
    app = AsyncApp(client=AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url))

    @app.command("/tovholder")
    async def command(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack(text=f"Hej {command['user_name']}")

    handler = await connect(app)
    try:
        async with SlackDriver(standin, transport="socket") as driver:
            result = await driver.slash_command(ANNA, "/tovholder", "hjælp", channel_id=GENERAL)
        assert result.status == 200 and result.json == {"text": "Hej anna"}
        assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["Hej anna"]
        assert standin.calls_to("apps.connections.open")[0].ok
        assert standin.socket.envelopes_sent == 1
    finally:
        await disconnect(handler)


async def test_events_carry_retry_info_and_submissions_their_response_action(
    standin: SlackStandIn,
) -> None:
    app = AsyncApp(client=AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url))
    retries: list[str] = []

    @app.event("app_home_opened")
    async def home(ack: AsyncAck, request: AsyncBoltRequest) -> None:
        retries.extend(request.headers.get("x-slack-retry-num", []))
        await ack()

    @app.view("ask")
    async def ask(ack: AsyncAck) -> None:
        await ack(response_action="errors", errors={"q": "For kort"})

    handler = await connect(app)
    try:
        async with SlackDriver(standin, transport="socket") as driver:
            event = {"type": "app_home_opened", "user": ANNA, "channel": "D0X", "tab": "home"}
            acked = await driver.event(event, retry_num=2, retry_reason="timeout")
            assert acked.status == 200 and acked.json is None
            assert retries == ["2"]

            client = AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)
            await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=FORM)
            result = await driver.submit_view(ANNA, {"q": {"text": "?"}})
            assert result.json == {"response_action": "errors", "errors": {"q": "For kort"}}
            assert len(standin.open_views(ANNA)) == 1
    finally:
        await disconnect(handler)


async def test_unhandled_envelope_is_never_acked(standin: SlackStandIn) -> None:
    app = AsyncApp(client=AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url))
    handler = await connect(app)
    try:
        async with SlackDriver(standin, transport="socket", ack_timeout=0.1) as driver:
            with pytest.raises(AckTimeoutError):
                await driver.global_shortcut(ANNA, "nobody_listens")
    finally:
        await disconnect(handler)


async def test_no_client_connected(standin: SlackStandIn) -> None:
    async with SlackDriver(standin, transport="socket", ack_timeout=0.05) as driver:
        with pytest.raises(SocketModeError, match="no Socket Mode client"):
            await driver.slash_command(ANNA, "/tovholder")
        with pytest.raises(DriverError, match="only exists for HTTP"):
            await driver.url_verification()
