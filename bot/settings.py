"""Settings, read once at start from the environment and `.env`.

This is the only module that reads `os.environ`: every other part of the bot receives a
`Settings` object, so a test or the console can build one without touching the process.
A wrong or contradictory value raises `SettingsError` naming the setting, before anything
else starts (an empty signing secret would otherwise only fail on the first request).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.i18n import Lang, as_lang

Mode = Literal["auto", "console", "socket", "http"]
RunMode = Literal["console", "socket", "http"]
MODES: tuple[Mode, ...] = ("auto", "console", "socket", "http")
LANGUAGES = ("da", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_API_URL = "https://slack.com/api/"

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

    return Settings(
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
    )


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
