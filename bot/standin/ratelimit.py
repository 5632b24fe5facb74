"""Slack's rate limits, so the bot's pacing (bulk DMs, retries) can be measured locally.

Slack limits each Web API method per workspace by tier (calls per minute) and
`chat.postMessage` per channel (about one per second with a short burst) plus a
workspace-wide cap of "several hundred per minute". Tiers use a 60-second sliding window;
the per-channel limit a token bucket, which is how a short burst followed by a steady
rate behaves. Time comes from an injectable function so tests need no sleeping.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_SECONDS = 60.0

#: Slack's published tier per method (https://docs.slack.dev/reference/methods).
METHOD_TIERS: dict[str, int] = {
    "apps.connections.open": 1,
    "auth.test": 4,
    "chat.delete": 3,
    "chat.getPermalink": 4,
    "chat.postEphemeral": 4,
    "chat.update": 3,
    "conversations.info": 3,
    "conversations.open": 3,
    "files.completeUploadExternal": 4,
    "files.getUploadURLExternal": 4,
    "reactions.add": 3,
    "users.info": 4,
    "users.list": 2,
    "users.lookupByEmail": 3,
    "views.open": 4,
    "views.publish": 4,
    "views.push": 4,
    "views.update": 4,
}


@dataclass(frozen=True)
class RateLimitPolicy:
    """The numbers the stand-in enforces; the benchmark reads them as "allowed"."""

    tier_per_minute: dict[int, int] = field(default_factory=lambda: {1: 1, 2: 20, 3: 50, 4: 100})
    post_message_per_channel_per_second: float = 1.0
    post_message_channel_burst: int = 3
    #: Slack says "several hundred per minute" for the whole workspace; 300 is our reading.
    post_message_per_workspace_per_minute: int = 300
    #: Methods not in METHOD_TIERS are treated as this tier.
    default_tier: int = 3

    def per_minute(self, method: str) -> int:
        return self.tier_per_minute[METHOD_TIERS.get(method, self.default_tier)]


class SlidingWindow:
    """At most `limit` events in any `window` seconds."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._times: deque[float] = deque()

    def try_acquire(self, now: float) -> float:
        """0.0 when the event is allowed (and counted), else seconds until it would be."""
        while self._times and self._times[0] <= now - self.window:
            self._times.popleft()
        if len(self._times) < self.limit:
            self._times.append(now)
            return 0.0
        return self._times[0] + self.window - now


class TokenBucket:
    """`rate` events per second on average, up to `burst` at once."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._updated = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available, without spending it."""
        tokens = self._refilled(now)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def try_acquire(self, now: float) -> float:
        self._tokens = self._refilled(now)
        self._updated = max(self._updated, now)
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return 0.0
        return (1.0 - self._tokens) / self.rate

    def _refilled(self, now: float) -> float:
        elapsed = max(0.0, now - self._updated)
        return min(float(self.burst), self._tokens + elapsed * self.rate)


class RateLimiter:
    """Decides whether a call is over Slack's limits; answers the Retry-After to send."""

    def __init__(self, policy: RateLimitPolicy, clock: Callable[[], float]) -> None:
        self.policy = policy
        self._clock = clock
        self._methods: dict[str, SlidingWindow] = {}
        self._channels: dict[str, TokenBucket] = {}
        self._post_workspace = SlidingWindow(policy.post_message_per_workspace_per_minute)
        self.allowed: int = 0
        self.refused: int = 0

    def check(self, method: str, channel: str | None = None) -> int | None:
        """None when the call may proceed, else the Retry-After seconds (at least 1)."""
        now = self._clock()
        if method == "chat.postMessage":
            wait = self._check_post_message(channel or "", now)
        else:
            window = self._methods.get(method)
            if window is None:
                window = SlidingWindow(self.policy.per_minute(method))
                self._methods[method] = window
            wait = window.try_acquire(now)
        if wait <= 0.0:
            self.allowed += 1
            return None
        self.refused += 1
        return max(1, math.ceil(wait))

    def _check_post_message(self, channel: str, now: float) -> float:
        bucket = self._channels.get(channel)
        if bucket is None:
            bucket = TokenBucket(
                self.policy.post_message_per_channel_per_second,
                self.policy.post_message_channel_burst,
                now,
            )
            self._channels[channel] = bucket
        # Probe the channel first without spending: a refused call must not use a token.
        wait = bucket.wait_time(now)
        if wait > 0.0:
            return wait
        wait = self._post_workspace.try_acquire(now)
        if wait > 0.0:
            return wait
        return bucket.try_acquire(now)
