"""`SlackStandIn`: a local Slack the bot can talk to, for the console and end-to-end tests.

It serves the Web API methods the bot calls at `/api/<method>` on 127.0.0.1 (port 0),
response URLs, file upload URLs and Socket Mode, answering in Slack's response shapes and
refusing what Slack refuses. Every call is recorded so a test can assert on what the bot
did, and 429s can be forced or enforced by Slack's rate-limit tiers. Slack having a bad
moment can be played too, through one fault switch per method (`fault`): an HTML error page,
an empty 404, a JSON 5xx, a call that hangs — for the next few calls or until cleared.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import math
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from aiohttp import web

from bot.standin import methods_chat, methods_info, methods_views
from bot.standin.api import ApiError, Args, Handler, MethodContext, form_payload, read_request_args
from bot.standin.blockkit import check_message
from bot.standin.controls import controls_of_call
from bot.standin.models import Channel
from bot.standin.ratelimit import RateLimiter, RateLimitPolicy
from bot.standin.records import CallLog, CallPredicate, Listener, RecordedCall
from bot.standin.responses import ResponseTarget, apply_response, truthy
from bot.standin.socket import SocketHub
from bot.standin.viewstore import ViewStore
from bot.standin.workspace import Workspace

logger = logging.getLogger(__name__)

#: Fake credentials: the stand-in only checks that the bot sends back what it was given.
STANDIN_BOT_TOKEN = "xoxb-standin"  # noqa: S105
STANDIN_APP_TOKEN = "xapp-standin"  # noqa: S105
STANDIN_VERIFICATION_TOKEN = "standin-verification-token"  # noqa: S105
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})
#: `fail`/`stall` for every method at once.
ANY_METHOD = "*"


@dataclass(frozen=True)
class Fault:
    """One call answered badly, the ways Slack's edge really fails.

    `status` with `body` of `content_type` (None: Slack's JSON `{"ok": false, "error": …}`),
    after `delay` seconds. A delay of `math.inf` holds the call until `clear_faults` (a
    hanging call). A faulted call is not carried out, as if lost on the way — unless
    `carried_out`: then only its answer is lost.
    """

    status: int = 500
    body: str | None = None
    content_type: str = "application/json"
    delay: float = 0.0
    #: Slack did what was asked and only the answer is lost on the way back (a post that
    #: went out although the bot saw a timeout or a dropped connection).
    carried_out: bool = False
    #: No answer at all: the connection is closed (the client sees a disconnect).
    disconnect: bool = False

    def json_error(self) -> dict[str, Any]:
        return {"ok": False, "error": "internal_error" if self.status < 503 else "timeout"}


#: What Slack's edge answers in an outage: an HTML error page.
HTML_503 = Fault(
    status=503,
    body="<html><head><title>503 Service Unavailable</title></head>"
    "<body><h1>Service Unavailable</h1></body></html>",
    content_type="text/html",
)
#: A 404 with nothing in it (seen from Slack's load balancers).
EMPTY_404 = Fault(status=404, body="", content_type="text/plain")
#: A call that never answers: the client's timeout is all that ends it.
HANG = Fault(status=503, delay=math.inf)
#: The call is carried out, then the connection drops before the answer: the message is in
#: Slack, the bot only sees a disconnect.
LOST_ANSWER = Fault(status=0, carried_out=True, disconnect=True)


class SlackStandIn:
    """A fake Slack workspace with a real HTTP server; start it, point slack_sdk at `api_url`."""

    def __init__(
        self,
        *,
        team_id: str = "T0TOVHOLD",
        team_domain: str = "tovholder",
        team_name: str = "Tovholder",
        bot_user_id: str = "U0TOVBOT",
        bot_id: str = "B0TOVBOT",
        app_id: str = "A0TOVHOLD",
        bot_name: str = "tovholder",
        bot_token: str = STANDIN_BOT_TOKEN,
        app_token: str = STANDIN_APP_TOKEN,
        verification_token: str = STANDIN_VERIFICATION_TOKEN,
        enforce_rate_limits: bool = False,
        rate_limits: RateLimitPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        #: The deprecated `token` field Slack still puts in every payload.
        self.verification_token = verification_token
        self.clock = clock
        self.workspace = Workspace(
            team_id=team_id,
            team_domain=team_domain,
            team_name=team_name,
            bot_user_id=bot_user_id,
            bot_id=bot_id,
            app_id=app_id,
            bot_name=bot_name,
            clock=clock,
        )
        self.views = ViewStore(self.workspace)
        self.log = CallLog()
        self.socket = SocketHub(app_id)
        self.rate_policy = rate_limits or RateLimitPolicy()
        self.rate_limiter: RateLimiter | None = (
            RateLimiter(self.rate_policy, clock) if enforce_rate_limits else None
        )
        self._forced_429: dict[str, deque[int]] = {}
        self._faults: dict[str, deque[Fault]] = {}
        #: Faults that last until cleared, per method (`"*"`: every method).
        self._lasting: dict[str, Fault] = {}
        self._released = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods: dict[str, Handler] = {
            **methods_chat.METHODS,
            **methods_info.METHODS,
            **methods_views.METHODS,
            "apps.connections.open": self._connections_open,
        }

    # -- lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/response/{token}", self._handle_response_url)
        app.router.add_post("/upload/{file_id}/{token}", self._handle_upload)
        app.router.add_get("/socket-mode/{ticket}", self.socket.handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        logger.debug("stand-in listening on port %d", self._port)

    async def stop(self) -> None:
        await self.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SlackStandIn:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the stand-in is not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def api_url(self) -> str:
        """For `AsyncWebClient(base_url=...)`; ends in a slash as slack_sdk expects."""
        return f"{self.base_url}api/"

    # -- workspace ---------------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        real_name: str | None = None,
        email: str | None = None,
        locale: str = "da-DK",
        tz: str = "Europe/Copenhagen",
        is_bot: bool = False,
    ) -> None:
        self.workspace.add_user(
            user_id, name, real_name=real_name, email=email, locale=locale, tz=tz, is_bot=is_bot
        )

    def add_channel(
        self, channel_id: str, name: str, *, members: Iterable[str] = (), private: bool = False
    ) -> None:
        """A channel with these members; the bot is always a member (it posts everywhere)."""
        self.workspace.add_channel(channel_id, name, members=members, private=private)

    def _channel(self, channel_or_user: str) -> Channel | None:
        """The channel, or the user's DM (None if never opened); unknown ids raise KeyError."""
        channel = self.workspace.channels.get(channel_or_user)
        if channel is not None:
            return channel
        if channel_or_user in self.workspace.users:
            return self.workspace.im_of(channel_or_user)
        raise KeyError(f"no channel or user {channel_or_user!r} in the stand-in")

    def messages(self, channel_id: str) -> list[dict[str, Any]]:
        """Copies of the channel's messages (thread replies included), oldest first.

        A user id means the bot's DM with that user (empty if none was opened).
        """
        channel = self._channel(channel_id)
        return copy.deepcopy(list(channel.messages.values())) if channel is not None else []

    def replies(self, channel_id: str, thread_ts: str) -> list[dict[str, Any]]:
        return [
            m
            for m in self.messages(channel_id)
            if m.get("thread_ts") == thread_ts and m["ts"] != thread_ts
        ]

    def ephemerals(self, channel_id: str, user_id: str | None = None) -> list[dict[str, Any]]:
        """Ephemeral messages shown in the channel; each copy carries a stand-in-only
        `recipient` and `source` ("chat.postEphemeral", "response_url" or "ack")."""
        channel = self._channel(channel_id)
        return [
            {**copy.deepcopy(e.message), "recipient": e.recipient, "source": e.source}
            for e in (channel.ephemerals if channel is not None else [])
            if user_id is None or e.recipient == user_id
        ]

    def im_channel_id(self, user_id: str) -> str | None:
        channel = self.workspace.im_of(user_id)
        return channel.id if channel is not None else None

    def open_views(self, user_id: str) -> list[dict[str, Any]]:
        """The user's modal stack, root first and top last."""
        return copy.deepcopy(self.views.stack(user_id))

    def home_view(self, user_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self.views.home(user_id))

    def uploaded_file(self, file_id: str) -> bytes | None:
        stored = self.workspace.files.get(file_id)
        return stored.content if stored is not None else None

    # -- interactions (used by the driver) ---------------------------------------------

    def issue_trigger_id(self, user_id: str) -> str:
        return self.workspace.issue_trigger(user_id)

    def new_response_url(
        self,
        *,
        user_id: str | None = None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        is_ephemeral: bool = False,
    ) -> str:
        """A fresh response_url; POSTs to it land in `channel_id` for `user_id`."""
        entry = self.workspace.register_response_url(
            user_id=user_id, channel_id=channel_id, message_ts=message_ts, is_ephemeral=is_ephemeral
        )
        return f"{self.base_url}response/{entry.token}"

    # -- the call log ------------------------------------------------------------------

    @property
    def calls(self) -> list[RecordedCall]:
        return self.log.calls

    def calls_to(self, method: str) -> list[RecordedCall]:
        return self.log.to(method)

    def mark(self) -> int:
        return self.log.mark()

    def calls_since(self, mark: int) -> list[RecordedCall]:
        return self.log.since(mark)

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        return self.log.subscribe(callback)

    async def wait_for(
        self,
        method: str | None = None,
        *,
        since: int = 0,
        predicate: CallPredicate | None = None,
        within: float = 2.0,
    ) -> RecordedCall:
        """Await a call the bot makes in the background (after its ack) instead of sleeping."""
        return await self.log.wait_for(method, since=since, predicate=predicate, within=within)

    def record(
        self,
        method: str,
        args: dict[str, Any],
        status: int,
        response: dict[str, Any],
        errors: list[str] | None = None,
    ) -> RecordedCall:
        call = RecordedCall(
            method=method,
            args=args,
            status=status,
            response=response,
            ok=bool(response.get("ok")),
            error=response.get("error"),
            errors=list(errors if errors is not None else response.get("errors", [])),
            at=self.clock(),
            controls=controls_of_call(method, args),
        )
        self.log.append(call)
        return call

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """Answer the next `times` calls of `method` with HTTP 429 and this Retry-After."""
        self._forced_429.setdefault(method, deque()).extend([retry_after] * times)

    def fail(self, method: str = ANY_METHOD, times: int = 1, status: int = 500) -> None:
        """Answer the next `times` calls of `method` (`"*"`: of any method) with HTTP `status`
        and `{"ok": false, "error": "internal_error"}`, the way Slack does in an outage."""
        self.fault(method, Fault(status=status), times=times)

    def stall(self, method: str = ANY_METHOD, times: int = 1, seconds: float = 5.0) -> None:
        """Hold the next `times` calls of `method` for `seconds` before answering 503, so a
        client with a shorter timeout gives up (a Web API timeout). Nothing is carried out."""
        self.fault(method, Fault(status=503, delay=seconds), times=times)

    def fault(self, method: str, fault: Fault, *, times: int | None = None) -> None:
        """The fault switch: answer calls of `method` (`"*"`: any method; `"response_url"`:
        a response URL) with `fault` — the next `times` calls, or every call until
        `clear_faults` when `times` is None."""
        if times is None:
            self._lasting[method] = fault
        else:
            self._faults.setdefault(method, deque()).extend([fault] * times)

    def clear_faults(self) -> None:
        """Slack works again: every fault switched off, and hanging calls let go (they answer
        with their fault's status; nothing they asked for is carried out)."""
        self._faults.clear()
        self._lasting.clear()
        self._released.set()
        self._released = asyncio.Event()

    def _next_fault(self, method: str) -> Fault | None:
        for key in (method, ANY_METHOD):
            queue = self._faults.get(key)
            if queue:
                return queue.popleft()
        return self._lasting.get(method) or (
            self._lasting.get(ANY_METHOD) if method != "response_url" else None
        )

    async def _faulted(self, method: str, args: dict[str, Any], fault: Fault) -> web.Response:
        if fault.delay:
            released = self._released
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    released.wait(), None if math.isinf(fault.delay) else fault.delay
                )
        if fault.body is None:
            return self._answer(method, args, fault.status, fault.json_error())
        self.record(method, args, fault.status, {"ok": False, "error": f"http_{fault.status}"})
        return web.Response(status=fault.status, text=fault.body, content_type=fault.content_type)

    # -- HTTP handlers -----------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            args, token = await read_request_args(request)
        except ValueError as exc:
            return self._answer(
                method, {}, 200, ApiError("invalid_form_data", [str(exc)]).response()
            )
        fault = self._next_fault(method)
        if fault is not None:
            if fault.carried_out:
                self._carry_out(method, args, token)
            if fault.disconnect:
                self.record(method, args, 0, {"ok": False, "error": "disconnected"})
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=500)
            return await self._faulted(method, args, fault)
        forced = self._forced_429.get(method)
        if forced:
            return self._ratelimited(method, args, forced.popleft())
        handler = self._methods.get(method)
        if handler is None:
            return self._answer(method, args, 200, {"ok": False, "error": "unknown_method"})
        auth_error = self._auth_error(method, token)
        if auth_error is not None:
            return self._answer(method, args, 200, {"ok": False, "error": auth_error})
        if self.rate_limiter is not None:
            channel = args.get("channel") if method == "chat.postMessage" else None
            key = self.workspace.canonical_channel(str(channel)) if channel else None
            retry_after = self.rate_limiter.check(method, key)
            if retry_after is not None:
                return self._ratelimited(method, args, retry_after)
        context = MethodContext(self.workspace, self.views, self.base_url)
        try:
            body = handler(context, Args(args))
        except ApiError as exc:
            body = exc.response()
        except Exception as exc:  # a stand-in bug must show up in the test, not hang it
            logger.debug("stand-in failure in %s", method, exc_info=True)
            body = ApiError("internal_error", [f"{type(exc).__name__}: {exc}"]).response()
            return self._answer(method, args, 500, body)
        return self._answer(method, args, 200, body)

    def _carry_out(self, method: str, args: dict[str, Any], token: str | None) -> None:
        """Do what a faulted call asked (its answer is then lost): only a call Slack would
        have accepted changes anything."""
        handler = self._methods.get(method)
        if handler is None or self._auth_error(method, token) is not None:
            return
        with contextlib.suppress(ApiError):
            handler(MethodContext(self.workspace, self.views, self.base_url), Args(args))

    def _auth_error(self, method: str, token: str | None) -> str | None:
        if not token:
            return "not_authed"
        wanted = self.app_token if method in APP_TOKEN_METHODS else self.bot_token
        if token == wanted:
            return None
        if token in (self.app_token, self.bot_token):
            return "not_allowed_token_type"
        return "invalid_auth"

    def _answer(
        self,
        method: str,
        args: dict[str, Any],
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> web.Response:
        self.record(method, args, status, body)
        return web.json_response(body, status=status, headers=headers)

    def _ratelimited(self, method: str, args: dict[str, Any], retry_after: int) -> web.Response:
        body = {"ok": False, "error": "ratelimited"}
        return self._answer(method, args, 429, body, headers={"Retry-After": str(retry_after)})

    def _connections_open(self, ctx: MethodContext, args: Args) -> dict[str, Any]:
        ticket = self.socket.new_ticket()
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket-mode/{ticket}"}

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        ws = self.workspace
        try:
            raw = await request.text()
            body = json.loads(raw) if raw.strip().startswith("{") else form_payload(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return self._answer(
                "response_url", {}, 400, {"ok": False, "error": f"invalid_payload: {exc}"}
            )
        fault = self._next_fault("response_url")
        if fault is not None:
            return await self._faulted("response_url", body, fault)
        entry = ws.response_urls.get(request.match_info["token"])
        if entry is None:
            return self._answer("response_url", body, 404, {"ok": False, "error": "invalid_url"})
        problem = ws.response_url_problem(entry)
        if problem is not None:
            return self._answer("response_url", body, 404, {"ok": False, "error": problem})
        if not truthy(body.get("delete_original")):
            refusal = check_message(body.get("text"), body.get("blocks"), body.get("attachments"))
            if refusal is not None:
                return self._answer("response_url", body, 400, refusal.response())
        entry.uses += 1
        target = ResponseTarget(
            entry.channel_id, entry.user_id, entry.message_ts, entry.is_ephemeral
        )
        apply_response(ws, target, body, source="response_url")
        return self._answer("response_url", body, 200, {"ok": True})

    async def _handle_upload(self, request: web.Request) -> web.Response:
        token = f"{request.match_info['file_id']}/{request.match_info['token']}"
        stored = next((f for f in self.workspace.files.values() if f.upload_token == token), None)
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            part = next((v for v in form.values() if isinstance(v, web.FileField)), None)
            data = part.file.read() if part is not None else b""
        else:
            data = await request.read()
        args: dict[str, Any] = {"file_id": request.match_info["file_id"], "length": len(data)}
        if stored is None:
            self.record("file_upload", args, 404, {"ok": False, "error": "file_not_found"})
            return web.Response(status=404, text="file_not_found", content_type="text/plain")
        stored.content = data
        self.record("file_upload", args, 200, {"ok": True})
        return web.Response(status=200, text=f"OK - {len(data)}", content_type="text/plain")
