"""The two ways Slack reaches the bot: HTTP (`POST /slack/events`) and Socket Mode."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"


class HttpServer:
    """Serves every Slack request at `POST /slack/events`; port 0 picks a free port."""

    def __init__(self, app: AsyncApp) -> None:
        self._app = app
        web_app = web.Application()
        web_app.router.add_post(EVENTS_PATH, self._handle)
        self._runner = web.AppRunner(web_app, access_log=None)
        self.port = 0

    async def _handle(self, request: web.Request) -> web.Response:
        response = await self._app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

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
