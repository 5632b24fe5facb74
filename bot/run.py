"""`tovholder run`: start the bot in the chosen mode and stop it cleanly on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from bot import logs
from bot.clock import ManualClock, clock_for
from bot.lifecycle import RunningBot
from bot.settings import Settings
from bot.transport import HttpServer, socket_mode_handler

logger = logging.getLogger(__name__)


def run(settings: Settings) -> int:
    if settings.mode == "console":
        from bot.console.session import run_console

        logs.configure("WARNING" if settings.log_level == "INFO" else settings.log_level)
        try:
            clock = ManualClock(settings.tz, starting_at=settings.fake_now)
            return asyncio.run(run_console(settings, clock))
        except KeyboardInterrupt:
            return 0
    logs.configure(settings.log_level)
    logger.info("starting in %s mode", settings.mode)
    try:
        asyncio.run(_serve(settings))
    except PortTaken as taken:
        print(f"tovholder: PORT: {taken} is already in use by another program", file=sys.stderr)
        return 2
    return 0


class PortTaken(Exception):
    """The HTTP port cannot be opened; said in one line, like a bad setting."""


async def _serve(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    bot = await RunningBot.start(settings, clock_for(settings.tz, settings.fake_now))
    try:
        if settings.mode == "http":
            server = HttpServer(bot.app)
            try:
                port = await server.start("0.0.0.0", settings.port)  # noqa: S104 - Slack must reach it
            except OSError:
                raise PortTaken(settings.port) from None
            logger.info("listening for Slack at :%d/slack/events", port)
            await stop.wait()
            await server.stop()
        else:
            handler = socket_mode_handler(bot.app, settings.app_token)
            await handler.connect_async()  # type: ignore[no-untyped-call]
            logger.info("connected to Slack in Socket Mode")
            await stop.wait()
            await handler.close_async()  # type: ignore[no-untyped-call]
    finally:
        await bot.stop()
        logger.info("stopped cleanly")
