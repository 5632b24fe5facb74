"""The fault switch: any Web API method (or a response URL) fails the way Slack's edge does —
an HTML error page, an empty 404, a JSON 5xx, a call that never answers — for a few calls or
until cleared, and nothing a faulted call asked for is carried out."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import SlackStandIn
from bot.standin.server import EMPTY_404, HANG, HTML_503, Fault
from handlers.slack.client import slack_error_code
from tests.standin.conftest import ANNA, GENERAL


async def test_an_html_error_page_reaches_the_client_as_slack_sends_it(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    standin.fault("users.info", HTML_503)
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user=ANNA)
    assert caught.value.response.status_code == 503
    assert standin.calls_to("users.info")[-1].status == 503


async def test_an_empty_404_has_no_json_body_at_all(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    standin.fault("users.info", EMPTY_404)
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user=ANNA)
    assert caught.value.response.status_code == 404
    assert caught.value.response.data == ""  # a str: `.get("error")` on it would raise


async def test_a_lasting_fault_fails_every_call_until_cleared_and_nothing_is_posted(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    standin.fault("chat.postMessage", Fault(status=500))
    for _ in range(3):
        with pytest.raises(SlackApiError):
            await client.chat_postMessage(channel=GENERAL, text="Hej")
    assert standin.messages(GENERAL) == []
    standin.clear_faults()
    await client.chat_postMessage(channel=GENERAL, text="Hej")
    assert [m["text"] for m in standin.messages(GENERAL)] == ["Hej"]


async def test_a_counted_fault_fails_only_that_many_calls(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    standin.fault("*", EMPTY_404, times=2)
    for _ in range(2):
        with pytest.raises(SlackApiError):
            await client.auth_test()
    assert (await client.auth_test())["ok"] is True


async def test_a_hanging_call_waits_until_the_client_gives_up(
    standin: SlackStandIn, client: AsyncWebClient
) -> None:
    standin.fault("users.info", HANG)
    call = asyncio.create_task(client.users_info(user=ANNA))
    other = await client.auth_test()  # other methods still answer
    assert other["ok"] is True and not call.done()
    standin.clear_faults()
    with pytest.raises(SlackApiError) as caught:
        await call
    assert caught.value.response.status_code == 503


async def test_a_response_url_can_fail_too(standin: SlackStandIn) -> None:
    url = standin.new_response_url(user_id=ANNA, channel_id=GENERAL)
    standin.fault("response_url", HTML_503)
    async with aiohttp.ClientSession() as session, session.post(url, json={"text": "Hej"}) as got:
        assert got.status == 503
        assert "text/html" in got.headers["Content-Type"]
    assert standin.ephemerals(GENERAL, ANNA) == []


@pytest.mark.parametrize(
    ("fault", "code"),
    [(HTML_503, "http_503"), (EMPTY_404, "http_404"), (Fault(status=500), "internal_error")],
    ids=["html-503", "empty-404", "json-500"],
)
async def test_the_bot_reads_an_error_code_from_every_shape_of_failure(
    standin: SlackStandIn, client: AsyncWebClient, fault: Fault, code: str
) -> None:
    standin.fault("users.info", fault)
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user=ANNA)
    assert slack_error_code(caught.value) == code
