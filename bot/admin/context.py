"""What an admin command gets: settings, a migrated database, the clock, its language, and
the chat platform's directory when a bot token is configured (e-mail look-ups)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from bot.clock import Clock
from bot.ports import Directory
from bot.settings import Settings
from storage.db import Database


@dataclass
class AdminContext:
    settings: Settings
    db: Database
    clock: Clock
    directory: Directory | None
    #: Migrations this run applied before the command started.
    applied: list[str] = field(default_factory=list)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    @property
    def lang(self) -> str:
        return self.settings.lang

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def complain(self, text: str) -> None:
        print(text, file=self.err)
