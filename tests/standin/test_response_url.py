"""response_url: where the POSTs land, Slack's 5-uses/30-minutes rule, and refusals."""

from __future__ import annotations

import json

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.standin import STANDIN_BOT_TOKEN, SlackStandIn
from tests.standin.conftest import ANNA, BO, GENERAL, FakeClock, populate

BUTTON_ROW = [
    {
        "type": "actions",
        "elements": [
            {"type": "button", "action_id": "go", "text": {"type": "plain_text", "text": "Go"}}
        ],
    }
]


async def test_default_is_an_ephemeral_for_the_user(standin: SlackStandIn) -> None:
    url = standin.new_response_url(user_id=ANNA, channel_id=GENERAL)
    assert url.startswith(f"http://127.0.0.1:{standin.port}/response/")
    response = await AsyncWebhookClient(url).send(text="Kun til Anna")
    assert response.status_code == 200
    assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["Kun til Anna"]
    assert standin.ephemerals(GENERAL, BO) == [] and standin.messages(GENERAL) == []
    call = standin.calls_to("response_url")[0]
    assert call.ok and call.args == {"text": "Kun til Anna"}


async def test_in_channel_posts_a_message(standin: SlackStandIn) -> None:
    url = standin.new_response_url(user_id=ANNA, channel_id=GENERAL)
    await AsyncWebhookClient(url).send(text="Til alle", response_type="in_channel")
    assert [m["text"] for m in standin.messages(GENERAL)] == ["Til alle"]


async def test_replace_and_delete_original(standin: SlackStandIn, client: AsyncWebClient) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="Vælg", blocks=BUTTON_ROW)
    url = standin.new_response_url(user_id=ANNA, channel_id=GENERAL, message_ts=posted["ts"])
    webhook = AsyncWebhookClient(url)
    await webhook.send(text="Valgt: Go", replace_original=True)
    stored = standin.messages(GENERAL)
    assert len(stored) == 1 and stored[0]["ts"] == posted["ts"]
    assert stored[0]["text"] == "Valgt: Go" and "blocks" not in stored[0]
    await webhook.send(delete_original=True)
    assert standin.messages(GENERAL) == []


async def test_replace_an_ephemeral_original(standin: SlackStandIn, client: AsyncWebClient) -> None:
    posted = await client.chat_postEphemeral(channel=GENERAL, user=ANNA, text="før")
    url = standin.new_response_url(
        user_id=ANNA, channel_id=GENERAL, message_ts=posted["message_ts"], is_ephemeral=True
    )
    await AsyncWebhookClient(url).send(text="efter", replace_original=True)
    assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["efter"]


async def test_five_uses_then_used_url(standin: SlackStandIn) -> None:
    webhook = AsyncWebhookClient(standin.new_response_url(user_id=ANNA, channel_id=GENERAL))
    statuses = [(await webhook.send(text=f"svar {i}")).status_code for i in range(6)]
    assert statuses == [200] * 5 + [404]
    last = standin.calls_to("response_url")[-1]
    assert last.error == "used_url" and last.status == 404


async def test_expires_after_thirty_minutes() -> None:
    clock = FakeClock()
    async with SlackStandIn(clock=clock) as standin:
        populate(standin)
        webhook = AsyncWebhookClient(standin.new_response_url(user_id=ANNA, channel_id=GENERAL))
        clock.advance(30 * 60 + 1)
        response = await webhook.send(text="for sent")
        assert response.status_code == 404 and json.loads(response.body)["error"] == "expired_url"


async def test_invalid_blocks_are_refused_with_the_reason(standin: SlackStandIn) -> None:
    webhook = AsyncWebhookClient(standin.new_response_url(user_id=ANNA, channel_id=GENERAL))
    header = {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}
    response = await webhook.send(text="x", blocks=[header])
    assert response.status_code == 400
    body = json.loads(response.body)
    assert body["error"] == "invalid_blocks" and "150" in body["errors"][0]
    assert standin.calls_to("response_url")[-1].errors == body["errors"]
    assert standin.ephemerals(GENERAL) == []


async def test_unknown_url(standin: SlackStandIn) -> None:
    response = await AsyncWebhookClient(f"{standin.base_url}response/nope").send(text="x")
    assert response.status_code == 404


async def test_bots_client_and_response_url_share_the_store(standin: SlackStandIn) -> None:
    client = AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)
    await client.chat_postMessage(channel=GENERAL, text="1")
    url = standin.new_response_url(user_id=ANNA, channel_id=GENERAL)
    await AsyncWebhookClient(url).send(text="2", response_type="in_channel")
    assert [m["text"] for m in standin.messages(GENERAL)] == ["1", "2"]
