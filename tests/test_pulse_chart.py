"""The pulse's chart is a valid PNG of the right size that names every area — also an area
with no activity at all — and says its weeks in the reader's language."""

from __future__ import annotations

import struct
import sys
import zlib
from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.domain.pulse import NETWORK, ActivityWeek, AreaPulse, Pulse, parse_period
from bot.services.demo import seed_demo
from bot.services.pulse import build_pulse
from bot.settings import parse_settings
from bot.views.pulse_chart import DPI, HEIGHT_INCHES, WIDTH_INCHES, activity_chart
from storage.db import Database

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, body) of every chunk, each checked against its CRC."""
    assert data.startswith(PNG_SIGNATURE)
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        at += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    return chunks


def png_text(data: bytes) -> dict[str, str]:
    """The text metadata: tEXt (Latin-1), zTXt (compressed Latin-1) and iTXt (UTF-8)."""
    found = {}
    for kind, body in png_chunks(data):
        if kind == b"tEXt":
            key, value = body.split(b"\0", 1)
            found[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, rest = body.split(b"\0", 1)
            found[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, rest = body.split(b"\0", 1)
            compressed, rest = rest[0], rest[2:]
            _language, _translated, text = rest.split(b"\0", 2)
            found[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode(
                "utf-8"
            )
    return found


def size(data: bytes) -> tuple[int, int]:
    _, header = png_chunks(data)[0]
    width, height = struct.unpack(">II", header[:8])
    return width, height


@pytest.fixture
async def pulse(db: Database, clock: ManualClock) -> Pulse:
    """The demo's week: its guides make Nord and Syd busy, Øst has nothing at all."""
    await seed_demo(db, clock)
    clock.advance(timedelta(days=1))
    calendar = parse_settings({}, "console").calendar
    return await build_pulse(db, clock, calendar, parse_period("2026-W49"))


async def test_the_chart_is_a_png_naming_every_area_also_one_without_activity(
    pulse: Pulse,
) -> None:
    per_area = {name: n for week in pulse.activity for name, n in week.per_area if n}
    assert set(per_area) == {"Nord", "Syd"}  # Øst did nothing in these eight weeks
    png = activity_chart("da", pulse)
    assert png.startswith(PNG_SIGNATURE)
    assert size(png) == (round(WIDTH_INCHES * DPI), round(HEIGHT_INCHES * DPI))
    text = png_text(png)
    assert text["Description"].split(", ") == ["Nord", "Syd", "Øst"]
    assert text["Title"] == "Aktivitet pr. område, uge 42 – uge 49"


async def test_the_chart_speaks_english_too(pulse: Pulse) -> None:
    text = png_text(activity_chart("en", pulse))
    assert text["Title"] == "Activity per area, week 42 – week 49"
    assert text["Description"] == "Nord, Syd, Øst"


def test_a_quiet_network_still_gets_every_area_and_non_latin_names_survive() -> None:
    names = ("Nord", "Midt – Ærø", "Øst")
    quiet = Pulse(
        period=parse_period("2027-W01"),
        scope=NETWORK,
        areas=tuple(AreaPulse(i, name) for i, name in enumerate(names, 1)),
        activity=tuple(
            ActivityWeek(f"2026-W{n}", tuple((name, 0) for name in names)) for n in range(46, 54)
        ),
    )
    png = activity_chart("da", quiet)
    assert png_text(png)["Description"] == "Nord, Midt – Ærø, Øst"  # "–" needs iTXt


def test_matplotlib_is_loaded_only_when_a_chart_is_drawn() -> None:
    """The bot starts without paying for matplotlib: importing the views does not load it
    (checked in a fresh interpreter, since this one may have drawn a chart already)."""
    import subprocess

    code = (
        "import sys, bot.views.pulse_chart, bot.views.pulse_files, bot.admin.pulse, bot.cli;"
        "sys.exit('matplotlib' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0  # noqa: S603
