"""The stand-in's call log: every Web API call, response_url POST and applied ack.

Tests assert on what the bot *did* to Slack, so the log keeps refused calls and 429s as
well as successful ones, with the refusal reasons, and lets a test wait for a call made
by background work instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.standin.controls import Control

logger = logging.getLogger(__name__)

CallPredicate = Callable[["RecordedCall"], bool]
Listener = Callable[["RecordedCall"], None]


@dataclass
class RecordedCall:
    """One request the bot made (or one ack the driver applied), as the stand-in saw it.

    `method` is the Web API method name, or `"response_url"`, `"ack"`, `"file_upload"`
    for the non-API endpoints. `errors` holds the human-readable refusal reasons;
    `controls` the sequences Slack would act on in its text (see controls.py).
    """

    method: str
    args: dict[str, Any]
    status: int
    response: dict[str, Any]
    ok: bool
    error: str | None
    errors: list[str] = field(default_factory=list)
    at: float = 0.0
    #: What Slack would act on in the call's text: broadcasts, mentions, links.
    controls: list[Control] = field(default_factory=list)

    def broadcasts(self) -> list[Control]:
        return [found for found in self.controls if found.kind == "broadcast"]

    def __str__(self) -> str:
        outcome = "ok" if self.ok else f"error={self.error}"
        reasons = f" {self.errors}" if self.errors else ""
        return f"{self.method} [{self.status}] {outcome}{reasons}"


class CallLog:
    """An append-only list of calls with marks, listeners and awaitable waits."""

    def __init__(self) -> None:
        self.calls: list[RecordedCall] = []
        self._listeners: list[Listener] = []
        self._waiters: list[tuple[int, CallPredicate, asyncio.Future[RecordedCall]]] = []

    def append(self, call: RecordedCall) -> None:
        """Store the call, then tell listeners and wake waiters it satisfies."""
        self.calls.append(call)
        index = len(self.calls) - 1
        logger.debug("recorded %s", call.method)
        for listener in list(self._listeners):
            listener(call)
        for waiter in list(self._waiters):
            since, predicate, future = waiter
            if index >= since and not future.done() and predicate(call):
                future.set_result(call)
                self._waiters.remove(waiter)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` for every future call; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def mark(self) -> int:
        return len(self.calls)

    def since(self, mark: int) -> list[RecordedCall]:
        return self.calls[mark:]

    def to(self, method: str) -> list[RecordedCall]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(
        self,
        method: str | None = None,
        *,
        since: int = 0,
        predicate: CallPredicate | None = None,
        within: float = 2.0,
    ) -> RecordedCall:
        """The first call from `since` on matching `method` and `predicate`, waiting if needed.

        Listeners that run after the ack (the bot's background work) finish at an unknown
        moment; waiting on the log is exact where a sleep would be flaky or slow.
        """

        def matches(call: RecordedCall) -> bool:
            if method is not None and call.method != method:
                return False
            return predicate is None or predicate(call)

        for call in self.calls[since:]:
            if matches(call):
                return call
        future: asyncio.Future[RecordedCall] = asyncio.get_running_loop().create_future()
        waiter = (max(since, len(self.calls)), matches, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, within)
        except TimeoutError:
            seen = ", ".join(str(call) for call in self.calls[since:]) or "nothing"
            raise TimeoutError(
                f"no {method or 'matching'} call within {within} s; since the mark: {seen}"
            ) from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
