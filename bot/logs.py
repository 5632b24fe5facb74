"""Logging set-up: one line per record on stderr, and Bolt kept quiet at INFO.

Bolt logs the whole body of a rejected request at INFO; bodies hold what staff wrote about
children, so Bolt and slack_sdk only log at WARNING unless the bot runs at DEBUG.
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def configure(level: str) -> None:
    logging.basicConfig(level=level, format=FORMAT)
    logging.getLogger().setLevel(level)
    quiet = logging.DEBUG if level == "DEBUG" else logging.WARNING
    for name in ("slack_bolt", "slack_sdk", "apscheduler", "aiohttp.access"):
        logging.getLogger(name).setLevel(quiet)
