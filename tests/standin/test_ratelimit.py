"""429s: forced on request, enforced by Slack's tiers, and retried by slack_sdk."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import STANDIN_BOT_TOKEN, RateLimitPolicy, SlackStandIn
from bot.standin.ratelimit import RateLimiter, SlidingWindow, TokenBucket
from tests.standin.conftest import ANNA, BO, GENERAL, FakeClock, populate


@pytest.fixture
def small_jitter() -> Iterator[None]:
    """slack_sdk sleeps Retry-After plus random() seconds; a seed with a tiny first value
    keeps the real handler's wait near zero without replacing any of its code."""
    saved = random.getstate()
    random.seed(139)  # first random() is 0.0015
    yield
    random.setstate(saved)


async def test_forced_429_has_retry_after(client: AsyncWebClient, standin: SlackStandIn) -> None:
    standin.rate_limit("chat.postMessage", times=1, retry_after=7)
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=GENERAL, text="x")
    assert caught.value.response.status_code == 429
    assert caught.value.response.headers["Retry-After"] == "7"
    assert caught.value.response["error"] == "ratelimited"
    assert standin.calls[-1].status == 429 and standin.calls[-1].error == "ratelimited"
    assert (await client.chat_postMessage(channel=GENERAL, text="x"))["ok"]


async def test_slack_sdk_retry_handler_retries_through_a_429(
    standin: SlackStandIn, small_jitter: None
) -> None:
    client = AsyncWebClient(
        token=STANDIN_BOT_TOKEN,
        base_url=standin.api_url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=1)],
    )
    standin.rate_limit("chat.postMessage", times=1, retry_after=0)
    response = await client.chat_postMessage(channel=GENERAL, text="alligevel")
    assert response["ok"]
    assert [c.status for c in standin.calls_to("chat.postMessage")] == [429, 200]
    assert len(standin.messages(GENERAL)) == 1


@pytest.fixture
async def limited() -> AsyncIterator[tuple[SlackStandIn, FakeClock, AsyncWebClient]]:
    clock = FakeClock()
    policy = RateLimitPolicy(
        tier_per_minute={1: 1, 2: 2, 3: 3, 4: 4},
        post_message_channel_burst=2,
        post_message_per_workspace_per_minute=5,
    )
    async with SlackStandIn(enforce_rate_limits=True, rate_limits=policy, clock=clock) as standin:
        populate(standin)
        client = AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)
        yield standin, clock, client


async def test_tiers_are_enforced_per_method(
    limited: tuple[SlackStandIn, FakeClock, AsyncWebClient],
) -> None:
    _, clock, client = limited
    for _ in range(4):  # users.info is Tier 4
        await client.users_info(user=ANNA)
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user=ANNA)
    assert caught.value.response.status_code == 429
    assert 1 <= int(caught.value.response.headers["Retry-After"]) <= 60
    assert (await client.conversations_info(channel=GENERAL))["ok"]  # another method's budget
    clock.advance(60)
    assert (await client.users_info(user=ANNA))["ok"]


async def test_post_message_is_limited_per_channel_and_workspace(
    limited: tuple[SlackStandIn, FakeClock, AsyncWebClient],
) -> None:
    standin, clock, client = limited
    for _ in range(2):  # the burst
        await client.chat_postMessage(channel=GENERAL, text="x")
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=GENERAL, text="x")
    assert caught.value.response.headers["Retry-After"] == "1"
    await client.chat_postMessage(channel=ANNA, text="other channel")
    dm = standin.im_channel_id(ANNA)
    assert dm is not None
    await client.chat_postMessage(channel=dm, text="same DM by its id")
    clock.advance(1.0)
    await client.chat_postMessage(channel=GENERAL, text="refilled")
    with pytest.raises(SlackApiError):  # the 6th in a minute for the workspace
        await client.chat_postMessage(channel=BO, text="x")
    assert standin.rate_limiter is not None
    assert (standin.rate_limiter.allowed, standin.rate_limiter.refused) == (5, 2)


def test_sliding_window_allows_the_limit_per_window() -> None:
    window = SlidingWindow(limit=50)
    allowed = sum(window.try_acquire(t * 0.1) == 0.0 for t in range(600))  # 60 s, 10/s
    assert allowed == 50
    assert window.try_acquire(60.0) == 0.0  # the first one left the window


def test_token_bucket_gives_burst_then_steady_rate() -> None:
    bucket = TokenBucket(rate=1.0, burst=3, now=0.0)
    allowed = sum(bucket.try_acquire(t * 0.01) == 0.0 for t in range(6000))  # 60 s, 100/s
    assert allowed == 3 + 59  # burst, then one per second
    assert bucket.wait_time(59.999) > 0.0


def test_limiter_counts_achieved_rate_for_a_bulk_send() -> None:
    clock = FakeClock(0.0)
    limiter = RateLimiter(RateLimitPolicy(), clock)
    admitted: list[float] = []
    for i in range(10_000):  # 10,000 DMs offered at 64 per second (exact binary fractions)
        clock.now = i / 64
        if limiter.check("chat.postMessage", f"D{i}") is None:
            admitted.append(clock.now)
    assert len(admitted) == 3 * 300  # 156 s: three windows of the 300-per-minute cap
    assert all(sum(t - 60 < u <= t for u in admitted) <= 300 for t in admitted[::50])
    assert limiter.allowed == len(admitted) and limiter.refused == 10_000 - len(admitted)
