"""The pulse message: readable on a phone, never cut silently, never pinging anyone."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.pulse import (
    NETWORK,
    AreaPulse,
    Gaps,
    LifecycleMove,
    Pulse,
    Spread,
    ToolInTest,
    parse_period,
)
from bot.standin.blockkit import check_message
from bot.views.pulse import duration
from bot.views.pulse import pulse_message as neutral_pulse
from handlers.slack import render

TZ = ZoneInfo("Europe/Copenhagen")


def sample(**changes: Any) -> Pulse:
    base = Pulse(
        period=parse_period("2026-W48"),
        scope=NETWORK,
        areas=(
            AreaPulse(
                1,
                "Nord <!here>",
                tools_in_test=(ToolInTest("Bee-Bot", 4, "2026-11-25", 2), ToolInTest("Osmo")),
                results=3,
                questions_asked=2,
                questions_answered=1,
                questions_open=1,
                median_answer_minutes=130,
            ),
            AreaPulse(2, "Syd"),
        ),
        moves=tuple(
            LifecycleMove(f"Redskab {n}", "proposed", "in_test", "2026-11-24T09:00:00+00:00")
            for n in range(8)
        ),
        spreading=(
            Spread(
                "<!channel>",
                2,
                7,
                declined=tuple((f"Dagtilbud {n}", "for dyrt <@U123>") for n in range(5)),
            ),
        ),
        gaps=Gaps(areas_without_ambassador=("Øst",)),
    )
    return replace(base, **changes)


def pulse_message(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """The pulse as Slack receives it."""
    return render.message(neutral_pulse(*args, **kwargs))


def all_text(message: dict[str, object]) -> str:
    return json.dumps(message, ensure_ascii=False)


def test_the_digest_names_the_week_and_each_area() -> None:
    message = pulse_message("da", sample(), TZ, digest=True)
    text = all_text(message)
    assert "Ugens puls – uge 48 (23. nov. 2026–29. nov. 2026)" in text
    assert "Testresultater: 3" in text
    assert "Sparring: 2 spørgsmål, 1 besvaret, 1 venter – mediantid til svar: 2 t 10 min" in text
    assert "Afprøves: Bee-Bot (seneste ★★★★☆ 25. nov. 2026); Osmo" in text
    assert "_Stille i perioden._" in text  # Syd
    assert "Områder uden ambassadør: Øst" in text


def test_long_lists_say_how_many_more_instead_of_cutting() -> None:
    text = all_text(pulse_message("da", sample(), TZ))
    assert "Redskab 5: Foreslået → Under afprøvning og 2 mere" in text
    assert "Redskab 6" not in text
    assert "og 2 mere" in text.split("Dagtilbud 2")[1]  # five reasons, three shown


def test_user_text_cannot_ping_or_link() -> None:
    text = all_text(pulse_message("en", sample(), TZ))
    for raw in ("<!channel>", "<!here>", "<@U123>"):
        assert raw not in text
    assert "&lt;!channel&gt;" in text and "&lt;@U123&gt;" in text


def test_the_message_is_valid_block_kit() -> None:
    message = pulse_message("da", sample(), TZ)
    assert check_message(message["text"], message["blocks"]) is None


def test_durations_read_as_people_say_them() -> None:
    assert [duration("da", m) for m in (35, 130, 1500)] == ["35 min", "2 t 10 min", "1 d 1 t"]
    assert duration("en", 130) == "2 h 10 min"
