"""`tovholder run`: start the bot in the chosen mode and stop it cleanly on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from bot import logs
from bot.clock import ManualClock, clock_for
from bot.lifecycle import RunningBot
from bot.run_lock import RunLockHeld
from bot.settings import Settings
from handlers.slack.transport import HttpServer, socket_mode_handler
from storage.erasure_list import ErasureListUnreadable

logger = logging.getLogger(__name__)
EXIT_BAD_START = 2
#: The run lock was taken over while this bot ran (see `bot.run_lock`).
EXIT_LOCK_LOST = 1


def run(settings: Settings) -> int:
    """The exit code: 0 after a clean stop; 2 when the bot cannot start (the port, or the
    database held by another bot), said in one line like a bad setting."""
    try:
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
        return asyncio.run(_serve(settings))
    except PortTaken as taken:
        print(f"tovholder: PORT: {taken} is already in use by another program", file=sys.stderr)
        return EXIT_BAD_START
    except RunLockHeld as held:
        print(
            f"tovholder: TOVHOLDER_DB: {settings.db_path} is in use by another Tovholder"
            f" ({held.describe(settings.tz)})",
            file=sys.stderr,
        )
        return EXIT_BAD_START
    except ErasureListUnreadable as unreadable:
        # Starting without it could bring back people erased since the last backup.
        print(f"tovholder: TOVHOLDER_DB: {unreadable}", file=sys.stderr)
        return EXIT_BAD_START


class PortTaken(Exception):
    """The HTTP port cannot be opened; said in one line, like a bad setting."""


async def _serve(settings: Settings) -> int:
    """Serve until SIGINT/SIGTERM (exit 0), or until another bot takes the database over
    (exit 1: this one must not run beside it)."""
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
            await _until(stop, bot.lock_lost)
            await server.stop()
        else:
            handler = socket_mode_handler(bot.app, settings.app_token)
            await handler.connect_async()  # type: ignore[no-untyped-call]
            logger.info("connected to Slack in Socket Mode")
            await _until(stop, bot.lock_lost)
            await handler.close_async()  # type: ignore[no-untyped-call]
    finally:
        await bot.stop()
        logger.info("stopped cleanly")
    return EXIT_LOCK_LOST if bot.lock_lost.is_set() else 0


async def _until(*events: asyncio.Event) -> None:
    """Until the first of `events` is set."""
    waits = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
