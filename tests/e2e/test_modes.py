"""The real entry point: `tovholder run` in HTTP mode and the console, and Socket Mode."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.lifecycle import RunningBot
from bot.services.demo import seed_demo
from bot.settings import parse_settings
from bot.standin import SlackDriver, SlackStandIn
from handlers.slack.transport import socket_mode_handler
from tests.e2e.conftest import GENERAL, METTE

TOVHOLDER = [sys.executable, "-m", "bot"]
ROOT = Path(__file__).resolve().parents[2]
SECRET = "http-mode-test-secret"


def free_port() -> int:
    """A port the OS says is free now (the bot must be given a real one in HTTP mode)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TOVHOLDER_"))}
    return {**env, "PORT": "3000", **settings}


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as started:
        started.add_user(METTE, "mette", real_name="Mette Lund")
        started.add_channel(GENERAL, "general", members=[METTE])
        yield started


async def test_http_mode_answers_signed_requests_refuses_forged_ones_and_stops_cleanly(
    standin: SlackStandIn, tmp_path: Path
) -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *TOVHOLDER,
        "run",
        "--mode",
        "http",
        cwd=tmp_path,
        env=clean_env(
            SLACK_BOT_TOKEN=standin.bot_token,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=standin.api_url,
            PORT=str(port),
            TOVHOLDER_DB=str(tmp_path / "data" / "bot.db"),
            PYTHONPATH=str(ROOT),
        ),
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    log: list[str] = []
    async with asyncio.timeout(30):
        while "listening for Slack" not in "".join(log):
            line = (await process.stderr.readline()).decode()
            assert line, "".join(log)
            log.append(line)
    driver = SlackDriver(
        standin, app_url=f"http://127.0.0.1:{port}/slack/events", signing_secret=SECRET
    )
    try:
        mark = standin.mark()
        answered = await driver.slash_command(METTE, "/tovholder", "help", channel_id=GENERAL)
        help_text = await standin.wait_for("response_url", since=mark, within=30)
        forged = await driver.slash_command(
            METTE, "/tovholder", "help", channel_id=GENERAL, signature="v0=bad"
        )
        stale = await driver.slash_command(
            METTE, "/tovholder", "help", channel_id=GENERAL, timestamp=1
        )
    finally:
        await driver.close()
    assert answered.status == 200
    assert "Tovholder – hjælp" in str(help_text.args["text"])
    assert (forged.status, stale.status) == (401, 401)
    process.send_signal(signal.SIGTERM)
    async with asyncio.timeout(30):
        rest = (await process.stderr.read()).decode()
        assert await process.wait() == 0
    assert "stopped cleanly" in rest
    assert (tmp_path / "data" / "bot.db").is_file()
    assert "xoxb-" not in "".join(log) + rest


async def test_socket_mode_serves_the_same_app(
    standin: SlackStandIn, tmp_path: Path, clock: ManualClock
) -> None:
    settings = parse_settings(
        {
            "SLACK_BOT_TOKEN": standin.bot_token,
            "SLACK_APP_TOKEN": standin.app_token,
            "SLACK_API_URL": standin.api_url,
            "TOVHOLDER_DB": str(tmp_path / "bot.db"),
        }
    )
    assert settings.mode == "socket"
    bot = await RunningBot.start(settings, clock, schedule=False)
    await seed_demo(bot.db, clock)
    handler = socket_mode_handler(bot.app, settings.app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    driver = SlackDriver(standin, transport="socket")
    try:
        mark = standin.mark()
        result = await driver.slash_command(METTE, "/tovholder", "help", channel_id=GENERAL)
        help_text = await standin.wait_for("response_url", since=mark, within=30)
    finally:
        await driver.close()
        await handler.close_async()  # type: ignore[no-untyped-call]
        await bot.stop()
    assert result.status == 200
    assert "Tovholder – hjælp" in str(help_text.args["text"])


async def run_cli(
    *args: str, cwd: Path, stdin: bytes = b"", **settings: str
) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *TOVHOLDER,
        *args,
        cwd=cwd,
        env=clean_env(PYTHONPATH=str(ROOT), **settings),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        out, err = await process.communicate(stdin)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_piped_console_prints_the_help_and_exits_0(tmp_path: Path) -> None:
    code, out, err = await run_cli("run", cwd=tmp_path, stdin=b"/tovholder help\n")
    assert code == 0, err
    assert "demo-kommune" in out  # said once, in one line
    assert out.count("demo-kommune") == 1
    assert "Tovholder – hjælp" in out
    assert (tmp_path / "data" / "tovholder.db").is_file()
    code, out, err = await run_cli("run", cwd=tmp_path, stdin=b":as Oliver\n/tovholder\n")
    assert code == 0, err
    assert "demo-kommune" not in out  # the second run finds the people already there
    assert "Tovholder – help" in out


@pytest.mark.parametrize(
    ("settings", "line"),
    [
        (
            {"SLACK_BOT_TOKEN": "xoxp-123"},
            "tovholder: SLACK_BOT_TOKEN: must be a bot token starting with 'xoxb-'",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"},
            "tovholder: SLACK_APP_TOKEN: must be an app-level token starting with 'xapp-'",
        ),
        (
            {"TOVHOLDER_TZ": "Mars/Olympus"},
            "tovholder: TOVHOLDER_TZ: unknown time zone 'Mars/Olympus' (e.g. Europe/Copenhagen)",
        ),
        ({"PORT": "80a"}, "tovholder: PORT: must be a port number from 1 to 65535, not '80a'"),
    ],
)
async def test_a_bad_setting_stops_start_up_with_one_line(
    tmp_path: Path, settings: dict[str, str], line: str
) -> None:
    code, _, err = await run_cli("run", cwd=tmp_path, stdin=b"", **settings)
    assert code == 2
    assert err.strip() == line
    assert not (tmp_path / "data").exists()  # nothing else happened


async def test_http_mode_without_a_signing_secret_does_not_start(tmp_path: Path) -> None:
    code, _, err = await run_cli("run", "--mode", "http", cwd=tmp_path, SLACK_BOT_TOKEN="xoxb-1")
    assert code == 2
    assert err.strip().startswith("tovholder: SLACK_SIGNING_SECRET:")


async def test_admin_commands_migrate_seed_and_back_up(tmp_path: Path) -> None:
    code, out, _ = await run_cli("db", "migrate", cwd=tmp_path)
    assert code == 0 and "0001_organisation" in out
    code, out, _ = await run_cli("db", "migrate", cwd=tmp_path)
    assert code == 0 and out.strip() == "Databasen er allerede opdateret."
    code, out, _ = await run_cli("demo", "seed", cwd=tmp_path, TOVHOLDER_LANG="en")
    assert code == 0 and out.strip() == "Demo municipality added: 3 areas, 7 daycares, 8 people."
    code, out, _ = await run_cli("demo", "seed", cwd=tmp_path)
    assert "allerede personer" in out
    code, out, _ = await run_cli("db", "backup", str(tmp_path / "kopi.db"), cwd=tmp_path)
    assert code == 0 and "kopi.db" in out
    assert (tmp_path / "kopi.db").stat().st_size > 0


async def test_settings_from_the_command_line(tmp_path: Path) -> None:
    code, out, _ = await run_cli("settings", "set", "sparring_channel", "C0SPARRING", cwd=tmp_path)
    assert (code, out.strip()) == (0, "sparring_channel=C0SPARRING")
    code, out, _ = await run_cli("settings", "show", cwd=tmp_path)
    assert out.splitlines() == [
        "sparring_channel=C0SPARRING",
        "test_channel=",
        "leadership_channel=",
        "sparring_escalate_hours=8",
        "spread_follow_up_weeks=4",
        "retention_months=24",
    ]
    code, out, _ = await run_cli("settings", "set", "sparring_escalate_hours", "4", cwd=tmp_path)
    assert (code, out.strip()) == (0, "sparring_escalate_hours=4")
    code, _, err = await run_cli("settings", "set", "sparring_escalate_hours", "0", cwd=tmp_path)
    assert code == 1 and "»0« er ikke et gyldigt tal til sparring_escalate_hours" in err
    code, _, err = await run_cli("settings", "set", "sparing_channel", "C0X1", cwd=tmp_path)
    assert code == 1
    assert err.strip() == (
        "Ukendt indstilling »sparing_channel«. "
        "Mulige: sparring_channel, test_channel, leadership_channel, sparring_escalate_hours, "
        "spread_follow_up_weeks, retention_months."
    )
    code, _, err = await run_cli("settings", "set", "test_channel", "#afprøvning", cwd=tmp_path)
    assert code == 1 and "»#afprøvning« er ikke et kanal-id til test_channel" in err
    code, out, _ = await run_cli("settings", "set", "sparring_channel", "none", cwd=tmp_path)
    assert (code, out.strip()) == (0, "sparring_channel=")


async def test_http_mode_on_a_port_in_use_stops_with_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))  # noqa: S104 - the bot binds all interfaces too
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = await run_cli(
            "run",
            "--mode",
            "http",
            cwd=tmp_path,
            SLACK_BOT_TOKEN="xoxb-1",
            SLACK_SIGNING_SECRET="s",
            PORT=str(port),
        )
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        f"tovholder: PORT: {port} is already in use by another program"
    )
