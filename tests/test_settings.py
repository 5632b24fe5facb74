"""Settings: a wrong value stops start-up with one line naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings, parse_settings

HTTP = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret"}


def test_defaults_open_the_console() -> None:
    settings = parse_settings({})
    assert settings.mode == "console"
    assert settings.port == 3000
    assert settings.db_path == Path("data/tovholder.db")
    assert str(settings.tz) == "Europe/Copenhagen"
    assert settings.lang == "da"
    assert settings.api_url == "https://slack.com/api/"


@pytest.mark.parametrize(
    ("values", "mode"),
    [
        ({"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1"}, "socket"),
        (HTTP, "http"),
        ({**HTTP, "SLACK_APP_TOKEN": "xapp-1"}, "socket"),
    ],
)
def test_auto_mode_follows_the_tokens(values: dict[str, str], mode: str) -> None:
    assert parse_settings(values).mode == mode


@pytest.mark.parametrize(
    ("values", "mode", "setting", "words"),
    [
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "auto", "SLACK_BOT_TOKEN", "xoxb-"),
        ({"SLACK_APP_TOKEN": "xoxb-1"}, "auto", "SLACK_APP_TOKEN", "xapp-"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "http", "SLACK_SIGNING_SECRET", "empty"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "auto", "SLACK_SIGNING_SECRET", "empty"),
        ({"SLACK_SIGNING_SECRET": "s"}, "auto", "SLACK_BOT_TOKEN", "empty"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "socket", "SLACK_APP_TOKEN", "required"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "socket", "SLACK_BOT_TOKEN", "required"),
        ({**HTTP, "TOVHOLDER_TZ": "Europe/Kobenhavn"}, "auto", "TOVHOLDER_TZ", "unknown"),
        ({"TOVHOLDER_TZ": "../../etc/passwd"}, "auto", "TOVHOLDER_TZ", "unknown"),
        ({"TOVHOLDER_LANG": "sv"}, "auto", "TOVHOLDER_LANG", "'sv'"),
        ({"PORT": "http"}, "auto", "PORT", "port"),
        ({"PORT": "70000"}, "auto", "PORT", "port"),
        ({"PORT": "0"}, "auto", "PORT", "port"),
        ({"PORT": "-1"}, "auto", "PORT", "port"),
        ({"SLACK_API_URL": "slack.com/api"}, "auto", "SLACK_API_URL", "URL"),
        ({"TOVHOLDER_DB": " "}, "auto", "TOVHOLDER_DB", "database"),
        ({"TOVHOLDER_LOG_LEVEL": "LOUD"}, "auto", "TOVHOLDER_LOG_LEVEL", "INFO"),
    ],
)
def test_a_bad_value_names_the_setting(
    values: dict[str, str], mode: str, setting: str, words: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings(values, mode)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"{setting}: ")
    assert words in message
    assert "\n" not in message


def test_the_environment_wins_over_dot_env(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=4000\nTOVHOLDER_LANG=en\n# a comment\n", encoding="utf-8")
    settings = load_settings(environ={"PORT": "5000"}, env_file=env_file)
    assert settings.port == 5000
    assert settings.lang == "en"


def test_only_the_settings_module_reads_the_environment() -> None:
    root = Path(__file__).resolve().parents[1]
    readers = [
        path.relative_to(root).as_posix()
        for package in ("bot", "handlers", "storage")
        for path in (root / package).rglob("*.py")
        if "os.environ" in path.read_text(encoding="utf-8")
        or "getenv(" in path.read_text(encoding="utf-8")
    ]
    assert readers == ["bot/settings.py"]
