"""What every handler and job can reach: built once by the app factory, handed out by middleware."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.clock import Clock
from bot.inflight import InFlight
from bot.ports import Directory, Messenger
from bot.services.language import LanguageResolver
from bot.settings import Settings
from storage.db import Database


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    clock: Clock
    language: LanguageResolver
    inflight: InFlight
    #: How jobs and services reach people: the front end's implementations of the ports.
    messenger: Messenger
    directory: Directory
    #: Who (person ids) has opened the home page since the bot started: it is published
    #: again after they change something elsewhere (`handlers.slack.home.refresh_after`).
    homes: set[int] = field(default_factory=set)
