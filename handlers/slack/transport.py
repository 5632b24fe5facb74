"""The two ways Slack reaches the bot: HTTP (`POST /slack/events`) and Socket Mode.

Over HTTP, anyone can send anything to the URL, so a request is taken in this order:

1. The signature is checked over the raw bytes, before anything is decoded or parsed:
   unsigned, forged or stale requests get 401 and one WARNING line (never the body).
   Garbage without a valid signature thus costs one HMAC and never reaches a parser.
2. The signed body is read once (`handlers.slack.request_body`). A signed body Slack would
   never send — not UTF-8, broken JSON, a JSON array or string, an interaction without an action —
   gets **200 with nothing done** and one WARNING line. Not 400: Slack retries an event
   whose answer is not 2xx (three more times, the same bytes, so the same answer) and
   counts it towards switching the app's event subscriptions off; for a command or a click
   a 4xx only shows the person Slack's generic error. When a person can still be read
   from the body, they are told privately that nothing happened.
3. Bolt gets the reading and the raw text. Bolt checks the signature again (its own
   `AsyncRequestVerification` stays on): the text is exactly the signed bytes.

Socket Mode requests are not signed and do not pass through here.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.i18n import t
from bot.services import identities
from handlers.slack.app import TovholderApp
from handlers.slack.middleware import user_id_of
from handlers.slack.request_body import PERSON_INTERACTIONS, Unreadable, bolt_context, read_body

EVENTS_PATH = "/slack/events"
#: Slack's window: a request signed more than five minutes from now is refused.
SIGNATURE_WINDOW_SECONDS = 5 * 60
logger = logging.getLogger("tovholder.requests")


def signature_problem(
    secret: str, raw: bytes, timestamp: str | None, signature: str | None, now: float
) -> str | None:
    """None when Slack signed exactly these bytes within the window; else why not.

    Slack's scheme (HMAC-SHA256 over `v0:{timestamp}:{body}`, compared in constant time),
    computed over the bytes as received: slack_sdk's `SignatureVerifier` first decodes the
    body as UTF-8 and reads the timestamp with `int()`, so invalid UTF-8 or a timestamp
    that is not a number would raise instead of failing the check.
    """
    if not timestamp or not signature:
        return "unsigned"
    if not (timestamp.isascii() and timestamp.isdigit()):
        return "forged"
    if abs(now - int(timestamp)) > SIGNATURE_WINDOW_SECONDS:
        return "stale"
    base = b"v0:" + timestamp.encode("ascii") + b":" + raw
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not signature.isascii() or not hmac.compare_digest(expected, signature):
        return "forged"
    return None


class HttpServer:
    """Serves every Slack request at `POST /slack/events`; port 0 picks a free port."""

    def __init__(self, app: TovholderApp, *, now: Callable[[], float] = time.time) -> None:
        """`now` is real time: Slack's timestamps are checked against it, not the bot clock."""
        secret = app.services.settings.signing_secret
        if not secret.strip():
            raise ValueError("HTTP mode needs the signing secret: every request would be refused")
        self._app = app
        self._secret = secret
        self._now = now
        #: Private notices being sent (a task needs a reference until it is done).
        self._notices: set[asyncio.Task[None]] = set()
        web_app = web.Application()
        web_app.router.add_post(EVENTS_PATH, self._handle)
        self._runner = web.AppRunner(web_app, access_log=None)
        self.port = 0

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        problem = signature_problem(
            self._secret,
            raw,
            request.headers.get("X-Slack-Request-Timestamp"),
            request.headers.get("X-Slack-Signature"),
            self._now(),
        )
        if problem is not None:
            logger.warning("refused a request reason=%s bytes=%d status=401", problem, len(raw))
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            body = read_body(raw, request.content_type)
        except Unreadable as unreadable:
            logger.warning(
                "ignored a signed request Slack never sends reason=%s bytes=%d status=200",
                unreadable.reason,
                len(raw),
            )
            self._tell_the_person(unreadable.body)
            return web.Response(status=200)
        bolt_request = AsyncBoltRequest(
            body="", query=request.query_string, headers=dict(request.headers)
        )
        # The listeners get our reading; Bolt checks its signature again over the signed
        # text (read_body has decoded it once already: this cannot fail).
        bolt_request.raw_body = raw.decode("utf-8")
        bolt_request.body = body
        bolt_request.context = bolt_context(body)
        return await to_aiohttp_response(await self._app.async_dispatch(bolt_request))

    def _tell_the_person(self, body: dict[str, Any] | None) -> None:
        """Someone who ran a command or clicked is told that nothing happened; an event is
        nothing a person asked of the bot, so it gets no notice. In the background (the 200
        goes first), like the work a listener does after its ack, and counted as work in hand.
        """
        if body is None:
            return
        kind = body.get("type")
        if "command" not in body and not (isinstance(kind, str) and kind in PERSON_INTERACTIONS):
            return
        person = user_id_of(body)
        if person is None:
            return
        services = self._app.services
        services.inflight.enter()
        task = asyncio.create_task(self._notice(person, body.get("response_url")))
        self._notices.add(task)
        task.add_done_callback(self._notice_done)

    def _notice_done(self, task: asyncio.Task[None]) -> None:
        self._notices.discard(task)
        self._app.services.inflight.leave()

    async def _notice(self, user_id: str, response_url: Any) -> None:
        """The person's click or command did nothing: say so, where they acted if Slack gave
        a response URL, otherwise in their DM with the bot."""
        services = self._app.services
        try:
            person = await identities.person_for(services.db, services.clock, "slack", user_id)
            text = t(await services.language.for_person(person), "error.unreadable_request")
            if isinstance(response_url, str) and response_url:
                await AsyncWebhookClient(response_url).send(
                    text=text, response_type="ephemeral", replace_original=False
                )
            else:
                await services.messenger.send_privately(person, {"text": text})
        except Exception as error:  # noqa: BLE001 - a notice that fails is only logged
            logger.warning("could not tell the person error=%s", type(error).__name__)

    async def start(self, host: str, port: int) -> int:
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.port = int(self._runner.addresses[0][1])
        return self.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{EVENTS_PATH}"

    async def stop(self) -> None:
        """Stop listening; requests already being answered get to finish."""
        await self._runner.cleanup()


def socket_mode_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    return AsyncSocketModeHandler(app, app_token)
