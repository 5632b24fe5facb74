"""Socket Mode on the stand-in: the websocket slack_sdk's SocketModeClient connects to.

The client calls apps.connections.open for a URL, connects, expects a `hello`, then gets
envelopes (`{"envelope_id", "type", "payload", "accepts_response_payload", ...}`) and
answers each with `{"envelope_id", "payload"?}`. The driver hands an envelope to the hub
and awaits that answer, so a test sees the bot's ack exactly as Slack would.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

logger = logging.getLogger(__name__)


class SocketModeError(RuntimeError):
    """No Socket Mode client is connected to receive an envelope."""


class SocketHub:
    def __init__(self, app_id: str) -> None:
        self.app_id = app_id
        self._tickets: set[str] = set()
        self._connections: list[web.WebSocketResponse] = []
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._changed: asyncio.Condition | None = None
        self.envelopes_sent = 0

    @property
    def connected(self) -> int:
        return len(self._connections)

    def new_ticket(self) -> str:
        ticket = secrets.token_urlsafe(24)
        self._tickets.add(ticket)
        return ticket

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """One websocket connection from a Socket Mode client."""
        if request.match_info["ticket"] not in self._tickets:
            return web.json_response({"ok": False, "error": "invalid_ticket"}, status=401)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": len(self._connections) + 1,
                "debug_info": {
                    "host": "applink-standin",
                    "build_number": 1,
                    "approximate_connection_time": 18060,
                },
                "connection_info": {"app_id": self.app_id},
            }
        )
        async with self._condition():
            self._connections.append(ws)
            self._condition().notify_all()
        logger.debug("socket mode client connected (%d open)", len(self._connections))
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    self._receive(message.data)
        finally:
            async with self._condition():
                if ws in self._connections:
                    self._connections.remove(ws)
                self._condition().notify_all()
            logger.debug("socket mode client gone (%d open)", len(self._connections))
        return ws

    def _receive(self, data: str) -> None:
        try:
            answer = json.loads(data)
        except json.JSONDecodeError:
            logger.debug("socket mode: ignored a non-JSON frame")
            return
        envelope_id = answer.get("envelope_id") if isinstance(answer, dict) else None
        future = self._pending.get(envelope_id or "")
        if future is not None and not future.done():
            future.set_result(answer)

    async def wait_connected(self, within: float) -> None:
        async with self._condition():
            try:
                await asyncio.wait_for(
                    self._condition().wait_for(lambda: bool(self._connections)), within
                )
            except TimeoutError:
                raise SocketModeError(
                    f"no Socket Mode client connected within {within} s"
                ) from None

    async def deliver(
        self,
        envelope_type: str,
        payload: dict[str, Any],
        *,
        accepts_response_payload: bool,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
        ack_timeout: float = 3.0,
        connect_timeout: float = 2.0,
    ) -> dict[str, Any]:
        """Send one envelope to the newest connection and return the client's ack message."""
        await self.wait_connected(connect_timeout)
        envelope_id = secrets.token_hex(16)
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": envelope_type,
            "accepts_response_payload": accepts_response_payload,
        }
        if envelope_type == "events_api":
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[envelope_id] = future
        try:
            await self._connections[-1].send_json(envelope)
            self.envelopes_sent += 1
            return await asyncio.wait_for(future, ack_timeout)  # TimeoutError: never acked
        finally:
            self._pending.pop(envelope_id, None)

    async def disconnect_all(self, reason: str = "refresh_requested") -> None:
        """Ask clients to reconnect, as Slack does every few hours."""
        for ws in list(self._connections):
            await ws.send_json(
                {"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-standin"}}
            )

    async def close(self) -> None:
        for ws in list(self._connections):
            await ws.close(code=WSCloseCode.GOING_AWAY, message=b"stand-in stopping")
        for future in self._pending.values():
            if not future.done():
                future.cancel()
