"""Settings: a wrong value stops start-up with one line naming the setting."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock, SystemClock, clock_for
from bot.settings import DEFAULTS, Settings, SettingsError, load_settings, parse_settings

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


# --- working time and the reminder dispatcher -------------------------------------------------


def test_working_time_defaults() -> None:
    settings = parse_settings({})
    assert settings.working_hours == (time(8, 0), time(15, 30))
    assert settings.working_days == frozenset({0, 1, 2, 3, 4})
    assert [str(rule) for rule in settings.closing_days] == ["12-24", "12-31"]
    assert settings.summer_weeks == frozenset()
    assert settings.dispatch_seconds == 30
    assert settings.fake_now is None
    calendar = settings.calendar
    assert calendar.tz == settings.tz
    assert (calendar.start, calendar.end) == (time(8, 0), time(15, 30))
    assert calendar.workdays == frozenset({0, 1, 2, 3, 4})
    assert calendar.closing_days == settings.closing_days
    assert calendar.summer_weeks == frozenset()


def test_a_settings_object_built_without_the_new_fields_keeps_the_defaults() -> None:
    old_style = Settings(
        bot_token="",
        app_token="",
        signing_secret="",
        api_url="https://slack.com/api/",
        port=3000,
        db_path=Path("x.db"),
        tz=ZoneInfo("Europe/Copenhagen"),
        lang="da",
        log_level="INFO",
        mode="console",
    )
    assert old_style.calendar == parse_settings({}).calendar
    assert old_style.dispatch_seconds == 30


@pytest.mark.parametrize(
    ("values", "attribute", "expected"),
    [
        ({"TOVHOLDER_WORKING_HOURS": "07:30-16:00"}, "working_hours", (time(7, 30), time(16))),
        ({"TOVHOLDER_WORKING_DAYS": "man,tir,tor"}, "working_days", frozenset({0, 1, 3})),
        ({"TOVHOLDER_WORKING_DAYS": "mon-sat"}, "working_days", frozenset(range(6))),
        ({"TOVHOLDER_CLOSING_DAYS": ""}, "closing_days", ()),
        ({"TOVHOLDER_SUMMER_CLOSURE": "28-30"}, "summer_weeks", frozenset({28, 29, 30})),
        ({"TOVHOLDER_SUMMER_CLOSURE": "29,31"}, "summer_weeks", frozenset({29, 31})),
        ({"TOVHOLDER_DISPATCH_SECONDS": "5"}, "dispatch_seconds", 5),
        ({"TOVHOLDER_DISPATCH_SECONDS": " 3600 "}, "dispatch_seconds", 3600),
        ({"TOVHOLDER_FAKE_NOW": ""}, "fake_now", None),
    ],
)
def test_working_time_settings_are_read(
    values: dict[str, str], attribute: str, expected: object
) -> None:
    assert getattr(parse_settings(values), attribute) == expected


def test_closing_days_are_read_into_the_calendar() -> None:
    settings = parse_settings({"TOVHOLDER_CLOSING_DAYS": "12-24, 12-27..12-30, 2027-05-07"})
    assert [str(rule) for rule in settings.closing_days] == [
        "12-24",
        "12-27..12-30",
        "2027-05-07",
    ]
    assert settings.calendar.reason_closed(date(2027, 5, 7)) == "closing_day"
    assert settings.calendar.reason_closed(date(2026, 12, 29)) == "closing_day"


@pytest.mark.parametrize(
    ("text", "tz", "expected"),
    [
        # Naive: local time in the configured zone.
        ("2027-03-24T15:45", "Europe/Copenhagen", "2027-03-24T15:45:00+01:00"),
        ("2027-07-01 09:00", "Europe/Copenhagen", "2027-07-01T09:00:00+02:00"),
        ("2027-03-24", "Europe/Copenhagen", "2027-03-24T00:00:00+01:00"),
        # 02:30 does not exist on 28 March 2027: it is 03:30 summer time.
        ("2027-03-28T02:30", "Europe/Copenhagen", "2027-03-28T03:30:00+02:00"),
        # With an offset: the same moment, shown in the configured zone.
        ("2027-03-24T14:45:00Z", "Europe/Copenhagen", "2027-03-24T15:45:00+01:00"),
        ("2027-03-24T15:45+01:00", "Europe/Copenhagen", "2027-03-24T15:45:00+01:00"),
        ("2027-03-24T15:45", "UTC", "2027-03-24T15:45:00+00:00"),
    ],
)
def test_fake_now_is_an_aware_time_in_the_configured_zone(
    text: str, tz: str, expected: str
) -> None:
    fake_now = parse_settings({"TOVHOLDER_FAKE_NOW": text, "TOVHOLDER_TZ": tz}).fake_now
    assert fake_now is not None
    assert fake_now.isoformat() == expected
    assert fake_now.tzinfo == ZoneInfo(tz)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "TOVHOLDER_WORKING_HOURS",
            "8-3",
            'TOVHOLDER_WORKING_HOURS: "8-3" is not HH:MM-HH:MM (e.g. 08:00-15:30)',
        ),
        (
            "TOVHOLDER_WORKING_HOURS",
            "15:30-08:00",
            'TOVHOLDER_WORKING_HOURS: "15:30-08:00" must start before it ends (e.g. 08:00-15:30)',
        ),
        ("TOVHOLDER_WORKING_DAYS", "mon-fr", 'TOVHOLDER_WORKING_DAYS: "mon-fr" has "fr", not a'),
        ("TOVHOLDER_WORKING_DAYS", "", 'TOVHOLDER_WORKING_DAYS: "" names no working day'),
        ("TOVHOLDER_CLOSING_DAYS", "24/12", 'TOVHOLDER_CLOSING_DAYS: "24/12" is not a closing'),
        ("TOVHOLDER_CLOSING_DAYS", "02-30", 'TOVHOLDER_CLOSING_DAYS: "02-30" is not a day in'),
        (
            "TOVHOLDER_CLOSING_DAYS",
            "2027-05-09..2027-05-07",
            'TOVHOLDER_CLOSING_DAYS: "2027-05-09..2027-05-07" ends before it starts',
        ),
        ("TOVHOLDER_SUMMER_CLOSURE", "uge 28", 'TOVHOLDER_SUMMER_CLOSURE: "uge 28" is not a week'),
        ("TOVHOLDER_SUMMER_CLOSURE", "54", 'TOVHOLDER_SUMMER_CLOSURE: "54" is not an ISO week'),
        (
            "TOVHOLDER_DISPATCH_SECONDS",
            "4",
            'TOVHOLDER_DISPATCH_SECONDS: "4" is not a whole number of seconds from 5 to 3600',
        ),
        ("TOVHOLDER_DISPATCH_SECONDS", "3601", 'TOVHOLDER_DISPATCH_SECONDS: "3601" is not'),
        ("TOVHOLDER_DISPATCH_SECONDS", "30s", 'TOVHOLDER_DISPATCH_SECONDS: "30s" is not'),
        ("TOVHOLDER_DISPATCH_SECONDS", "", 'TOVHOLDER_DISPATCH_SECONDS: "" is not'),
        ("TOVHOLDER_DISPATCH_SECONDS", "٣٠", 'TOVHOLDER_DISPATCH_SECONDS: "٣٠" is not'),
        (
            "TOVHOLDER_FAKE_NOW",
            "tomorrow",
            'TOVHOLDER_FAKE_NOW: "tomorrow" is not an ISO date-time (e.g. 2027-03-26T15:45',
        ),
        ("TOVHOLDER_FAKE_NOW", "2027-02-30T10:00", 'TOVHOLDER_FAKE_NOW: "2027-02-30T10:00" is'),
        ("TOVHOLDER_NUDGE_AT", "halv ti", 'TOVHOLDER_NUDGE_AT: "halv ti" is not a time of day'),
        ("TOVHOLDER_NUDGE_AT", "25:00", 'TOVHOLDER_NUDGE_AT: "25:00" is not a time of day'),
        (
            "TOVHOLDER_NUDGE_AT",
            "07:45",
            "TOVHOLDER_NUDGE_AT: 07:45 is outside TOVHOLDER_WORKING_HOURS 08:00-15:30",
        ),
        ("TOVHOLDER_NUDGE_AT", "15:30", "TOVHOLDER_NUDGE_AT: 15:30 is outside"),
    ],
)
def test_a_bad_working_time_setting_names_the_setting(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings({name: value})
    assert str(caught.value).startswith(message)
    assert caught.value.setting == name
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("values", "setting"),
    [
        ({"TOVHOLDER_CLOSING_DAYS": "01-01..12-31"}, "TOVHOLDER_CLOSING_DAYS"),
        ({"TOVHOLDER_SUMMER_CLOSURE": "1-53"}, "TOVHOLDER_SUMMER_CLOSURE"),
        (
            {
                "TOVHOLDER_CLOSING_DAYS": "2027-01-01..2099-12-31",
                "TOVHOLDER_FAKE_NOW": "2027-01-01",
            },
            "TOVHOLDER_CLOSING_DAYS",
        ),
    ],
)
def test_a_calendar_without_working_days_stops_the_start(
    values: dict[str, str], setting: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings(values)
    assert str(caught.value).startswith(f"{setting}: ")
    assert "no working day" in str(caught.value)


def test_working_time_settings_come_from_dot_env(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "TOVHOLDER_WORKING_HOURS=08:30-15:00\nTOVHOLDER_SUMMER_CLOSURE=28-30\n"
        "TOVHOLDER_CLOSING_DAYS=\n",
        encoding="utf-8",
    )
    settings = load_settings(environ={"TOVHOLDER_DISPATCH_SECONDS": "60"}, env_file=env_file)
    assert settings.working_hours == (time(8, 30), time(15, 0))
    assert settings.summer_weeks == frozenset({28, 29, 30})
    assert settings.closing_days == ()
    assert settings.dispatch_seconds == 60


def test_every_setting_is_explained_in_env_example_and_the_readme() -> None:
    root = Path(__file__).resolve().parents[1]
    example = (root / ".env.example").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name, default in DEFAULTS.items():
        assert f"\n{name}=" in example, name
        assert f"| `{name}` |" in readme, name
        assert f"\n{name}={default}\n" in example, name


def test_fake_now_starts_the_clock_there_and_lets_it_run() -> None:
    settings = parse_settings({"TOVHOLDER_FAKE_NOW": "2027-03-26T15:00"}, "console")
    assert settings.fake_now is not None
    clock = clock_for(settings.tz, settings.fake_now)
    assert isinstance(clock, ManualClock)
    assert settings.fake_now <= clock.now() < settings.fake_now + timedelta(minutes=1)
    assert isinstance(clock_for(settings.tz, None), SystemClock)


def test_nudges_come_at_half_past_nine_not_at_drop_off_time() -> None:
    """`TOVHOLDER_NUDGE_AT`: 09:30 by default, inside the working hours; "for the morning"
    means then, not at 08:00."""
    calendar = parse_settings({}).calendar
    assert calendar.morning(date(2026, 12, 14)).time() == time(9, 30)
    later = parse_settings({"TOVHOLDER_NUDGE_AT": "10.15"})
    assert later.nudge_at == time(10, 15)
    assert later.calendar.morning(date(2026, 12, 14)).time() == time(10, 15)
    shifted = {"TOVHOLDER_WORKING_HOURS": "10:00-16:00"}
    with pytest.raises(SettingsError, match="TOVHOLDER_NUDGE_AT: 09:30 is outside"):
        parse_settings(shifted)
    assert parse_settings({**shifted, "TOVHOLDER_NUDGE_AT": "10:00"}).nudge_at == time(10, 0)
