"""Fixtures for the stand-in's own tests: a started stand-in with a few people in it,
a real slack_sdk client pointed at it, and tiny local HTTP apps on port 0."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import STANDIN_BOT_TOKEN, SlackStandIn

ANNA = "U0ANNA"
BO = "U0BO"
CARL = "U0CARL"
GENERAL = "C0GENERAL"
SIGNING_SECRET = "standin-test-signing-secret"


class FakeClock:
    """Time the test moves by hand (trigger expiry, rate-limit windows)."""

    def __init__(self, now: float = 1_764_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def populate(standin: SlackStandIn) -> None:
    standin.add_user(ANNA, "anna", real_name="Anna Jensen", email="anna@kommune.dk")
    standin.add_user(BO, "bo", real_name="Bo Hansen", locale="en-US", tz="Europe/London")
    standin.add_user(CARL, "carl", real_name="Carl Nielsen")
    standin.add_channel(GENERAL, "general", members=[ANNA, BO])


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as started:
        populate(started)
        yield started


@pytest.fixture
def client(standin: SlackStandIn) -> AsyncWebClient:
    return AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)


@asynccontextmanager
async def serve(
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
) -> AsyncIterator[str]:
    """Serve `handler` at /slack/events on 127.0.0.1, port 0; yields the URL."""
    app = web.Application()
    app.router.add_post("/slack/events", handler)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve_bolt(app: AsyncApp) -> AsyncIterator[str]:
    """A bare Bolt app behind aiohttp, the way an HTTP-mode bot is served."""

    async def handle(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async with serve(handle) as url:
        yield url


@dataclass
class Captured:
    body: bytes
    headers: dict[str, str]


@dataclass
class CaptureApp:
    """Records each raw request and answers with the next scripted reply (default: 200, empty)."""

    url: str = ""
    requests: list[Captured] = field(default_factory=list)
    replies: list[web.Response] = field(default_factory=list)
    hold: asyncio.Event | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(Captured(await request.read(), dict(request.headers)))
        if self.hold is not None:
            await self.hold.wait()
        if self.replies:
            return self.replies.pop(0)
        return web.Response(status=200)

    def reply_json(self, body: dict[str, object]) -> None:
        self.replies.append(web.json_response(body))

    @property
    def last(self) -> Captured:
        return self.requests[-1]


@pytest.fixture
async def capture() -> AsyncIterator[CaptureApp]:
    app = CaptureApp()
    async with serve(app.handle) as url:
        app.url = url
        yield app
