"""Two bots on one database: the second `tovholder run` stops at start with one line naming
the first; a bot killed with SIGKILL is taken over at once; the admin commands keep working
beside a running bot."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.lifecycle import RunningBot
from bot.run_lock import RunLockHeld
from bot.services.demo import seed_demo
from bot.settings import Settings, parse_settings
from bot.standin import SlackStandIn
from storage.repositories import run_lock as repo
from tests.conftest import TZ
from tests.e2e.test_modes import ROOT, SECRET, TOVHOLDER, clean_env, free_port, run_cli

GUARD_SECONDS = 30


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as started:
        yield started


def http_settings(standin: SlackStandIn, db_path: Path) -> Settings:
    return parse_settings(
        {
            "SLACK_BOT_TOKEN": standin.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": standin.api_url,
            "TOVHOLDER_DB": str(db_path),
        }
    )


def held_line(db_path: Path, bot: RunningBot) -> str:
    """What a second bot says about `bot` of this test process holding the database (since
    when: the host's real time, local)."""
    assert bot.lock is not None
    since = datetime.fromisoformat(bot.lock.holder.started_at).astimezone(TZ)
    return (
        f"tovholder: TOVHOLDER_DB: {db_path} is in use by another Tovholder"
        f" (pid {os.getpid()} on host {socket.gethostname()},"
        f" since {since.strftime('%Y-%m-%d %H:%M')})"
    )


@pytest.fixture
async def running(
    standin: SlackStandIn, tmp_path: Path, clock: ManualClock
) -> AsyncIterator[RunningBot]:
    """A bot of this process holding `tmp_path/tovholder.db`, with the demo municipality."""
    bot = await RunningBot.start(
        http_settings(standin, tmp_path / "tovholder.db"), clock, schedule=False
    )
    await seed_demo(bot.db, clock)
    yield bot
    await bot.stop()


async def test_a_second_bot_in_http_mode_stops_at_start_with_one_line(
    running: RunningBot, standin: SlackStandIn, tmp_path: Path
) -> None:
    db_path = tmp_path / "tovholder.db"
    code, _, err = await run_cli(
        "run",
        "--mode",
        "http",
        cwd=tmp_path,
        SLACK_BOT_TOKEN=standin.bot_token,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=standin.api_url,
        PORT=str(free_port()),
        TOVHOLDER_DB=str(db_path),
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[-1] == held_line(db_path, running)
    assert [line for line in lines if line.startswith("tovholder:")] == [lines[-1]]
    assert "listening for Slack" not in err  # it never served
    assert running.lock is not None
    async with running.db.transaction() as conn:
        assert await repo.holder(conn) == running.lock.holder  # the first keeps it


async def test_a_second_console_on_the_database_stops_with_the_same_line(
    running: RunningBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "tovholder.db"
    code, out, err = await run_cli(
        "run", cwd=tmp_path, stdin=b"/tovholder help\n", TOVHOLDER_DB=str(db_path)
    )
    assert code == 2
    assert err.strip() == held_line(db_path, running)
    assert "Tovholder – hjælp" not in out


async def test_two_bots_in_one_process_and_a_clean_stop_releases(
    standin: SlackStandIn, tmp_path: Path, clock: ManualClock
) -> None:
    settings = http_settings(standin, tmp_path / "tovholder.db")
    first = await RunningBot.start(settings, clock, schedule=False)
    with pytest.raises(RunLockHeld) as refused:
        await RunningBot.start(settings, clock, schedule=False)
    assert refused.value.holder.pid == os.getpid()
    await first.stop()
    again = await RunningBot.start(settings, clock, schedule=False)  # released: no waiting
    assert again.lock is not None and again.lock.holder.pid == os.getpid()
    await again.stop()


async def test_a_bot_killed_with_sigkill_is_taken_over_by_the_next_start(
    standin: SlackStandIn, tmp_path: Path, clock: ManualClock
) -> None:
    db_path = tmp_path / "data" / "bot.db"
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
            PORT=str(free_port()),
            TOVHOLDER_DB=str(db_path),
            PYTHONPATH=str(ROOT),
        ),
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    log: list[str] = []
    async with asyncio.timeout(GUARD_SECONDS):
        while "listening for Slack" not in "".join(log):
            line = (await process.stderr.readline()).decode()
            assert line, "".join(log)
            log.append(line)
    process.kill()  # SIGKILL: no clean stop, the lock stays in the database
    async with asyncio.timeout(GUARD_SECONDS):
        await process.wait()
    bot = await RunningBot.start(http_settings(standin, db_path), clock, schedule=False)
    try:
        assert bot.lock is not None and bot.lock.holder.pid == os.getpid()
    finally:
        await bot.stop()


async def test_admin_commands_work_beside_a_running_bot(
    running: RunningBot, tmp_path: Path
) -> None:
    db = str(tmp_path / "tovholder.db")
    code, out, err = await run_cli("reminders", "list", "--json", cwd=tmp_path, TOVHOLDER_DB=db)
    assert code == 0, err
    code, out, err = await run_cli("export", cwd=tmp_path, TOVHOLDER_DB=db)
    assert code == 0, err
    assert "Børnehuset Mælkebøtten" in out
    code, out, err = await run_cli("pulse", "--format", "json", cwd=tmp_path, TOVHOLDER_DB=db)
    assert code == 0, err
    org_file = ROOT / "tests" / "fixtures" / "org" / "danish_excel.csv"
    code, out, err = await run_cli("org", "import", str(org_file), cwd=tmp_path, TOVHOLDER_DB=db)
    assert code == 0, err
    people = await running.db.fetchall(
        "SELECT name FROM people WHERE email = ?", ("bitten.hansen@esbjerg.example",)
    )
    assert [p["name"] for p in people] == ['Hansen, "Bitten"']  # the running bot sees it
    assert running.lock is not None
    async with running.db.transaction() as conn:
        held = await repo.holder(conn)
    # and still holds the database (its heartbeat may have been renewed meanwhile: 30 s)
    assert held is not None and held.token == running.lock.holder.token
