"""Settings, read once at start from the environment and `.env`.

This is the only module that reads `os.environ`: every other part of the bot receives a
`Settings` object, so a test or the console can build one without touching the process.
A wrong or contradictory value raises `SettingsError` naming the setting, before anything
else starts (an empty signing secret would otherwise only fail on the first request).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.i18n import Lang, as_lang
from bot.services.working_time import (
    DEFAULT_CLOSING_DAYS,
    DEFAULT_WORKDAYS,
    ClosingRule,
    WorkingCalendar,
    parse_closing_days,
    parse_time_of_day,
    parse_weekly_moment,
    parse_weeks,
    parse_working_days,
    parse_working_hours,
)

T = TypeVar("T")
Mode = Literal["auto", "console", "socket", "http"]
RunMode = Literal["console", "socket", "http"]
MODES: tuple[Mode, ...] = ("auto", "console", "socket", "http")
LANGUAGES = ("da", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_API_URL = "https://slack.com/api/"
DISPATCH_RANGE = (5, 3600)

#: Every setting with its default, in the order `.env.example` explains them.
DEFAULTS: dict[str, str] = {
    "SLACK_BOT_TOKEN": "",
    "SLACK_APP_TOKEN": "",
    "SLACK_SIGNING_SECRET": "",
    "SLACK_API_URL": DEFAULT_API_URL,
    "PORT": "3000",
    "TOVHOLDER_DB": "data/tovholder.db",
    "TOVHOLDER_TZ": "Europe/Copenhagen",
    "TOVHOLDER_LANG": "da",
    "TOVHOLDER_LOG_LEVEL": "INFO",
    "TOVHOLDER_WORKING_HOURS": "08:00-15:30",
    "TOVHOLDER_WORKING_DAYS": "mon-fri",
    "TOVHOLDER_NUDGE_AT": "09:30",
    "TOVHOLDER_CLOSING_DAYS": "12-24,12-31",
    "TOVHOLDER_SUMMER_CLOSURE": "",
    "TOVHOLDER_DISPATCH_SECONDS": "30",
    "TOVHOLDER_EVALUATION_MONTHS": "1,4,7,10",
    "TOVHOLDER_DIGEST_AT": "mon 08:30",
    "TOVHOLDER_FAKE_NOW": "",
}


class SettingsError(Exception):
    """A setting has a wrong value; `str()` is the one line shown to the person starting the bot."""

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"{setting}: {problem}")
        self.setting = setting


@dataclass(frozen=True)
class Settings:
    bot_token: str
    app_token: str
    signing_secret: str
    api_url: str
    port: int
    db_path: Path
    tz: ZoneInfo
    lang: Lang
    log_level: str
    mode: RunMode
    # When nudges may arrive (see `bot.services.working_time`); defaults as in `DEFAULTS`.
    working_hours: tuple[time, time] = (time(8, 0), time(15, 30))
    working_days: frozenset[int] = DEFAULT_WORKDAYS
    closing_days: tuple[ClosingRule, ...] = DEFAULT_CLOSING_DAYS
    summer_weeks: frozenset[int] = frozenset()
    #: When the day's nudges arrive, inside the working hours (08:00 is drop-off time).
    nudge_at: time = time(9, 30)
    #: Seconds between two runs of the reminder dispatcher.
    dispatch_seconds: int = 30
    #: The months whose first working morning starts an area evaluation cycle; () for none.
    evaluation_months: tuple[int, ...] = (1, 4, 7, 10)
    #: When the weekly digest goes to the leadership channel (weekday, Monday = 0, and local
    #: time), moved to working time like any nudge; None: no digest.
    digest_at: tuple[int, time] | None = (0, time(8, 30))
    #: For demos and tests only: the bot's clock starts here (in `tz`) and runs on.
    fake_now: datetime | None = None

    @property
    def calendar(self) -> WorkingCalendar:
        """The working calendar the nudges follow, in the bot's zone."""
        start, end = self.working_hours
        return WorkingCalendar(
            tz=self.tz,
            workdays=self.working_days,
            start=start,
            end=end,
            closing_days=self.closing_days,
            summer_weeks=self.summer_weeks,
            nudge_at=self.nudge_at,
        )

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some values replaced (the console points the bot at its stand-in)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def load_settings(
    mode: Mode = "auto",
    *,
    environ: Mapping[str, str] | None = None,
    env_file: Path | None = Path(".env"),
) -> Settings:
    """Merge `.env` under the real environment (the environment wins) and validate."""
    values: dict[str, str] = dict(DEFAULTS)
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    source = os.environ if environ is None else environ
    values.update({k: source[k] for k in DEFAULTS if k in source})
    return parse_settings(values, mode)


def parse_settings(values: Mapping[str, str], mode: Mode = "auto") -> Settings:
    def get(name: str) -> str:
        return values.get(name, DEFAULTS[name]).strip()

    if mode not in MODES:
        raise SettingsError("--mode", f"must be one of {', '.join(MODES)}, not {mode!r}")
    bot_token, app_token, secret = (
        get("SLACK_BOT_TOKEN"),
        get("SLACK_APP_TOKEN"),
        get("SLACK_SIGNING_SECRET"),
    )
    if bot_token and not bot_token.startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN", "must be a bot token starting with 'xoxb-'")
    if app_token and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN", "must be an app-level token starting with 'xapp-'")

    run_mode = _resolve_mode(mode, bot_token, app_token, secret)
    if run_mode in ("socket", "http") and not bot_token:
        raise SettingsError("SLACK_BOT_TOKEN", f"is required in {run_mode} mode")
    if run_mode == "socket" and not app_token:
        raise SettingsError("SLACK_APP_TOKEN", "is required in socket mode")
    if run_mode == "http" and not secret:
        raise SettingsError("SLACK_SIGNING_SECRET", "is required in http mode and is empty")

    api_url = get("SLACK_API_URL")
    if not api_url.startswith(("http://", "https://")):
        raise SettingsError("SLACK_API_URL", f"must be an http(s) URL, not {api_url!r}")
    if not api_url.endswith("/"):
        api_url += "/"

    port_text = get("PORT")
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise SettingsError("PORT", f"must be a port number from 1 to 65535, not {port_text!r}")

    db_text = get("TOVHOLDER_DB")
    if not db_text:
        raise SettingsError("TOVHOLDER_DB", "must name a database file")

    tz_name = get("TOVHOLDER_TZ")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            "TOVHOLDER_TZ", f"unknown time zone {tz_name!r} (e.g. Europe/Copenhagen)"
        ) from None

    lang_text = get("TOVHOLDER_LANG")
    lang = as_lang(lang_text) if lang_text.lower() in LANGUAGES else None
    if lang is None:
        raise SettingsError("TOVHOLDER_LANG", f"must be 'da' or 'en', not {lang_text!r}")

    log_level = get("TOVHOLDER_LOG_LEVEL").upper()
    if log_level not in LOG_LEVELS:
        raise SettingsError("TOVHOLDER_LOG_LEVEL", f"must be one of {', '.join(LOG_LEVELS)}")

    working_hours = _parsed("TOVHOLDER_WORKING_HOURS", parse_working_hours, get)
    working_days = _parsed("TOVHOLDER_WORKING_DAYS", parse_working_days, get)
    closing_days = _parsed("TOVHOLDER_CLOSING_DAYS", parse_closing_days, get)
    summer_weeks = _parsed("TOVHOLDER_SUMMER_CLOSURE", parse_weeks, get)
    nudge_at = _parsed("TOVHOLDER_NUDGE_AT", parse_time_of_day, get)
    start, end = working_hours
    if not start <= nudge_at < end:
        raise SettingsError(
            "TOVHOLDER_NUDGE_AT",
            f"{nudge_at:%H:%M} is outside TOVHOLDER_WORKING_HOURS "
            f"{start:%H:%M}-{end:%H:%M}: nudges only arrive in working hours",
        )

    dispatch_text = get("TOVHOLDER_DISPATCH_SECONDS")
    low, high = DISPATCH_RANGE
    if not (dispatch_text.isascii() and dispatch_text.isdigit()) or not (
        low <= int(dispatch_text) <= high
    ):
        raise SettingsError(
            "TOVHOLDER_DISPATCH_SECONDS",
            f"{_quote(dispatch_text)} is not a whole number of seconds from {low} to {high}",
        )

    evaluation_months = _parsed("TOVHOLDER_EVALUATION_MONTHS", parse_months, get)
    digest_at = _parsed("TOVHOLDER_DIGEST_AT", parse_weekly_moment, get)
    fake_now = _parse_fake_now(get("TOVHOLDER_FAKE_NOW"), tz)

    settings = Settings(
        bot_token=bot_token,
        app_token=app_token,
        signing_secret=secret,
        api_url=api_url,
        port=int(port_text),
        db_path=Path(db_text),
        tz=tz,
        lang=lang,
        log_level=log_level,
        mode=run_mode,
        working_hours=working_hours,
        working_days=working_days,
        closing_days=closing_days,
        summer_weeks=summer_weeks,
        nudge_at=nudge_at,
        dispatch_seconds=int(dispatch_text),
        evaluation_months=evaluation_months,
        digest_at=digest_at,
        fake_now=fake_now,
    )
    _check_has_working_days(settings)
    return settings


def _quote(text: str) -> str:
    """A value as typed, in double quotes and on one line."""
    return json.dumps(text, ensure_ascii=False)


def _parsed(name: str, parse: Callable[[str], T], get: Callable[[str], str]) -> T:
    """`parse` the setting's text; its ValueError becomes the one line naming the setting."""
    try:
        return parse(get(name))
    except ValueError as error:
        raise SettingsError(name, str(error)) from None


def parse_months(text: str) -> tuple[int, ...]:
    """`1,4,7,10` → (1, 4, 7, 10), sorted and without repeats; empty text → ()."""
    help_text = "month numbers 1-12, comma-separated, e.g. 1,4,7,10; empty: no area evaluations"
    months: set[int] = set()
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        if not (item.isascii() and item.isdigit() and 1 <= int(item) <= 12):
            raise ValueError(f"{_quote(item)} is not a month number ({help_text})")
        months.add(int(item))
    return tuple(sorted(months))


def _parse_fake_now(text: str, tz: ZoneInfo) -> datetime | None:
    """An ISO date-time; without an offset it is local time in `tz`. Empty: the real clock."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SettingsError(
            "TOVHOLDER_FAKE_NOW",
            f"{_quote(text)} is not an ISO date-time (e.g. 2027-03-26T15:45 or "
            "2027-03-26T15:45+01:00)",
        ) from None
    if moment.tzinfo is None:
        # Through UTC so that a local time skipped by the change to summer time still exists.
        return moment.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)
    return moment.astimezone(tz)


def _check_has_working_days(settings: Settings) -> None:
    """Refuse a calendar that closes every day: no nudge could ever be sent.

    Checked from the fake start time when there is one, else from now: dated closing days
    only close the calendar from some day on.
    """
    calendar = settings.calendar
    start = settings.fake_now or datetime.now(settings.tz)
    try:
        calendar.next_allowed(start)
    except ValueError:
        name = "TOVHOLDER_SUMMER_CLOSURE" if settings.summer_weeks else "TOVHOLDER_CLOSING_DAYS"
        raise SettingsError(
            name,
            "together with TOVHOLDER_WORKING_DAYS, the closing days and the summer closure "
            "leave no working day in the next three years",
        ) from None


def _resolve_mode(mode: Mode, bot_token: str, app_token: str, secret: str) -> RunMode:
    """`auto`: Socket Mode with an app token, HTTP with a bot token and secret, else console."""
    if mode != "auto":
        return mode
    if app_token:
        return "socket"
    if bot_token and secret:
        return "http"
    if bot_token or secret:
        missing = "SLACK_SIGNING_SECRET" if bot_token else "SLACK_BOT_TOKEN"
        raise SettingsError(
            missing, "is empty, but the other HTTP-mode setting is set: give both or neither"
        )
    return "console"
