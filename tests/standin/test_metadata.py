"""Message metadata and conversations.history, as Slack has them: a post keeps its
`metadata` (event_type + event_payload), history shows it only with `include_all_metadata`,
malformed metadata is refused, a DM's history is read on the DM's own id, and history pages
newest first by `limit` and `cursor` within `oldest`/`latest`. Also the lost answer: a call
carried out whose answer never arrives."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import SlackStandIn
from bot.standin.server import LOST_ANSWER
from tests.standin.conftest import ANNA, GENERAL

TAG = {"event_type": "tovholder_reminder", "event_payload": {"reminder_id": 7, "dedupe_key": "k"}}


async def history(client: AsyncWebClient, channel: str, **args: Any) -> list[dict[str, Any]]:
    response = await client.conversations_history(channel=channel, **args)
    return list(response["messages"])


async def test_a_post_keeps_its_metadata_and_history_shows_it_only_when_asked(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="Hej", metadata=TAG)
    (plain,) = await history(client, GENERAL)
    assert plain["ts"] == posted["ts"] and "metadata" not in plain
    (full,) = await history(client, GENERAL, include_all_metadata=True)
    assert full["metadata"] == TAG
    assert standin.messages(GENERAL)[0]["metadata"] == TAG


async def test_metadata_may_come_as_a_json_string_in_a_form_body(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    await client.api_call(
        "chat.postMessage",
        data={"channel": GENERAL, "text": "Hej", "metadata": json.dumps(TAG)},
    )
    (message,) = await history(client, GENERAL, include_all_metadata=True)
    assert message["metadata"] == TAG


@pytest.mark.parametrize(
    ("metadata", "error"),
    [
        ("{not json", "invalid_metadata_format"),
        (["event_type", "x"], "invalid_metadata_format"),
        ({"event_payload": {"a": 1}}, "invalid_metadata_schema"),
        ({"event_type": "", "event_payload": {"a": 1}}, "invalid_metadata_schema"),
        ({"event_type": "x"}, "invalid_metadata_schema"),
        ({"event_type": "x", "event_payload": "a=1"}, "invalid_metadata_schema"),
    ],
)
async def test_malformed_metadata_is_refused_and_nothing_is_posted(
    standin: SlackStandIn, client: AsyncWebClient, metadata: Any, error: str
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client.api_call(
            "chat.postMessage", json={"channel": GENERAL, "text": "Hej", "metadata": metadata}
        )
    assert caught.value.response["error"] == error
    assert standin.messages(GENERAL) == []


async def test_an_update_keeps_replaces_or_removes_the_metadata(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    ts = (await client.chat_postMessage(channel=GENERAL, text="Hej", metadata=TAG))["ts"]
    await client.chat_update(channel=GENERAL, ts=ts, text="Hej igen")
    assert standin.messages(GENERAL)[0]["metadata"] == TAG
    other = {"event_type": "other", "event_payload": {"n": 2}}
    await client.chat_update(channel=GENERAL, ts=ts, text="Hej 3", metadata=other)
    assert standin.messages(GENERAL)[0]["metadata"] == other
    await client.api_call(
        "chat.update", json={"channel": GENERAL, "ts": ts, "text": "Hej 4", "metadata": {}}
    )
    assert "metadata" not in standin.messages(GENERAL)[0]


async def test_a_dm_history_is_read_on_the_dm_id_not_the_user_id(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    """chat.postMessage takes a user id (it posts in the bot's DM); history does not."""
    await client.chat_postMessage(channel=ANNA, text="Påmindelse", metadata=TAG)
    with pytest.raises(SlackApiError) as caught:
        await client.conversations_history(channel=ANNA)
    assert caught.value.response["error"] == "channel_not_found"
    dm = (await client.conversations_open(users=ANNA))["channel"]["id"]
    assert dm == standin.im_channel_id(ANNA)
    (message,) = await history(client, dm, include_all_metadata=True)
    assert message["metadata"] == TAG


async def test_history_pages_newest_first_with_a_cursor(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    sent = [(await client.chat_postMessage(channel=GENERAL, text=f"m{n}"))["ts"] for n in range(5)]
    first = await client.conversations_history(channel=GENERAL, limit=2)
    assert [m["text"] for m in first["messages"]] == ["m4", "m3"]
    assert first["has_more"] is True
    cursor = first["response_metadata"]["next_cursor"]
    second = await client.conversations_history(channel=GENERAL, limit=2, cursor=cursor)
    assert [m["text"] for m in second["messages"]] == ["m2", "m1"]
    third = await client.conversations_history(
        channel=GENERAL, limit=2, cursor=second["response_metadata"]["next_cursor"]
    )
    assert [m["text"] for m in third["messages"]] == ["m0"]
    assert third["has_more"] is False and "response_metadata" not in third
    between = await history(client, GENERAL, oldest=sent[1], latest=sent[3])
    assert [m["text"] for m in between] == ["m2"]
    inclusive = await history(client, GENERAL, oldest=sent[1], latest=sent[3], inclusive=True)
    assert [m["text"] for m in inclusive] == ["m3", "m2", "m1"]


async def test_history_leaves_thread_replies_in_their_thread(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    parent = (await client.chat_postMessage(channel=GENERAL, text="Spørgsmål"))["ts"]
    await client.chat_postMessage(channel=GENERAL, text="Svar", thread_ts=parent)
    await client.chat_postMessage(
        channel=GENERAL, text="Til alle", thread_ts=parent, reply_broadcast=True
    )
    assert [m["text"] for m in await history(client, GENERAL)] == ["Til alle", "Spørgsmål"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({"channel": "C0NOSUCH"}, "channel_not_found"),
        ({"channel": GENERAL, "cursor": "bm9wZQ=="}, "invalid_cursor"),
        ({"channel": GENERAL, "oldest": "yesterday"}, "invalid_ts_oldest"),
    ],
)
async def test_history_refuses_what_slack_refuses(
    client: AsyncWebClient, args: dict[str, str], error: str
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client.api_call("conversations.history", http_verb="GET", params=args)
    assert caught.value.response["error"] == error


async def test_a_lost_answer_is_carried_out_and_the_client_sees_a_disconnect(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    """The post is in Slack although the bot saw it fail — the case tags are for."""
    client.retry_handlers = []  # the default client would post again, blind
    standin.fault("chat.postMessage", LOST_ANSWER, times=1)
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await client.chat_postMessage(channel=GENERAL, text="Hej", metadata=TAG)
    assert [m["text"] for m in standin.messages(GENERAL)] == ["Hej"]
    assert standin.calls_to("chat.postMessage")[-1].error == "disconnected"
