"""Counts the work the bot has in hand, so it can finish it before stopping.

Bolt acks a request and runs the rest of the listener in the background. A clean shutdown
(and the console, and the tests) must wait until that background work — including the
apology sent when a listener fails — is done.
"""

from __future__ import annotations

import asyncio


class InFlight:
    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def count(self) -> int:
        return self._count

    def enter(self) -> None:
        self._count += 1
        self._idle.clear()

    def leave(self) -> None:
        self._count -= 1
        if self._count <= 0:
            self._count = 0
            self._idle.set()

    def leave_soon(self) -> None:
        """Leave after the tasks already scheduled have taken their first step.

        A request's dispatch returns as soon as it is acked, while the listener task it
        started is queued but has not run yet; leaving right away would look idle too early.
        """
        asyncio.get_running_loop().call_soon(self.leave)

    async def wait_idle(self) -> None:
        """Return once all work has finished (callers bound the wait with `asyncio.timeout`)."""
        await self._idle.wait()
