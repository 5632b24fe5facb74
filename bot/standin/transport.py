"""How the driver's requests reach the bot: signed HTTP POSTs, or Socket Mode envelopes.

Over HTTP the body is exactly what Slack sends (form fields for slash commands,
`payload=<json>` for interactivity, a JSON envelope for events) with Slack's signature
headers; tests can leave the signature out, forge it or age the timestamp. Over Socket
Mode the same payloads travel as envelopes and the bot's ack comes back on the socket.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qs, quote_plus, urlencode

import aiohttp

from bot.standin.socket import SocketHub
from bot.standin.viewstate import DriverError

logger = logging.getLogger(__name__)

Kind = Literal["slash_commands", "interactive", "events_api"]
USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"
FORM = "application/x-www-form-urlencoded"


class AckTimeoutError(DriverError):
    """The bot did not answer in time: Slack would show the user an error and move on."""


@dataclass(frozen=True)
class DriverResult:
    """The bot's answer: HTTP status, raw body and the body as JSON (None if not JSON).

    Over Socket Mode the status is 200 and `json` is the ack's `payload`. `payload` is
    what the driver delivered, for assertions and debugging.
    """

    status: int
    body: str
    json: dict[str, Any] | None
    payload: Any = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class Signing:
    """Overrides for tests of the bot's request verification."""

    sign: bool = True
    timestamp: int | None = None
    signature: str | None = None


def sign_body(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def encode(kind: Kind, payload: dict[str, Any]) -> tuple[bytes, str]:
    """The HTTP body Slack would send for this payload, with its content type."""
    if kind == "slash_commands":
        return urlencode(payload).encode(), FORM
    if kind == "interactive":
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return f"payload={quote_plus(text)}".encode(), FORM
    return json.dumps(payload, ensure_ascii=False).encode(), "application/json"


def classify(body: bytes, content_type: str) -> tuple[Kind, dict[str, Any]]:
    """Which envelope a raw HTTP body would travel in over Socket Mode, and its payload."""
    text = body.decode()
    if content_type.startswith(FORM):
        fields = {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
        if "payload" in fields:
            return "interactive", json.loads(fields["payload"])
        return "slash_commands", fields
    envelope = json.loads(text)
    if envelope.get("type") != "event_callback":
        raise DriverError(f"a {envelope.get('type')!r} request has no Socket Mode form")
    return "events_api", envelope


class Transport:
    def __init__(
        self,
        *,
        mode: Literal["http", "socket"],
        app_url: str | None,
        signing_secret: str,
        socket: SocketHub,
        ack_timeout: float,
        clock: Callable[[], float],
    ) -> None:
        if mode == "http" and not app_url:
            raise ValueError("the HTTP transport needs the bot's app_url")
        self.mode = mode
        self.app_url = app_url or ""
        self.signing_secret = signing_secret
        self.socket = socket
        self.ack_timeout = ack_timeout
        self.clock = clock
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(
        self,
        kind: Kind,
        payload: dict[str, Any],
        *,
        signing: Signing = Signing(),
        retry_num: int | None = None,
        retry_reason: str | None = None,
    ) -> DriverResult:
        if self.mode == "socket":
            return await self._send_socket(kind, payload, retry_num, retry_reason)
        body, content_type = encode(kind, payload)
        return await self.post(body, content_type, signing, retry_num, retry_reason, payload)

    async def post(
        self,
        body: bytes,
        content_type: str,
        signing: Signing = Signing(),
        retry_num: int | None = None,
        retry_reason: str | None = None,
        payload: Any = None,
    ) -> DriverResult:
        if self.mode == "socket":
            kind, decoded = classify(body, content_type)
            return await self._send_socket(kind, decoded, retry_num, retry_reason)
        headers = {"Content-Type": content_type, "User-Agent": USER_AGENT}
        if signing.sign or signing.signature is not None:
            timestamp = str(
                signing.timestamp if signing.timestamp is not None else int(self.clock())
            )
            headers["X-Slack-Request-Timestamp"] = timestamp
            headers["X-Slack-Signature"] = signing.signature or sign_body(
                self.signing_secret, timestamp, body
            )
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
        if self._session is None:
            self._session = aiohttp.ClientSession()
        try:
            async with self._session.post(
                self.app_url,
                data=body,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.ack_timeout),
            ) as response:
                text = await response.text()
                status = response.status
        except TimeoutError:
            raise AckTimeoutError(
                f"the app did not answer within {self.ack_timeout} s (Slack waits 3 s)"
            ) from None
        logger.debug("delivered %d bytes over HTTP, answer %d", len(body), status)
        return DriverResult(status, text, _json_or_none(text), payload)

    async def _send_socket(
        self, kind: Kind, payload: dict[str, Any], retry_num: int | None, retry_reason: str | None
    ) -> DriverResult:
        accepts = kind == "slash_commands" or (
            kind == "interactive" and payload.get("type") == "view_submission"
        )
        try:
            ack = await self.socket.deliver(
                kind,
                payload,
                accepts_response_payload=accepts,
                retry_attempt=retry_num,
                retry_reason=retry_reason,
                ack_timeout=self.ack_timeout,
                connect_timeout=self.ack_timeout,
            )
        except TimeoutError:
            raise AckTimeoutError(
                f"the app did not ack the {kind} envelope within {self.ack_timeout} s"
            ) from None
        answer = ack.get("payload")
        answer_json = answer if isinstance(answer, dict) else None
        body = json.dumps(answer, ensure_ascii=False) if answer is not None else ""
        return DriverResult(200, body, answer_json, payload)


def _json_or_none(text: str) -> dict[str, Any] | None:
    if not text.strip().startswith("{"):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None
