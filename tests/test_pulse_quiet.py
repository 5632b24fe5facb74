"""When an area is "quiet" (issue 17.9): one rule, `AreaPulse.quiet`, for every surface. An
area with one of anything counted — a new superuser, a training's attendees, an overdue
evaluation — is called quiet in no language, and says its number; an area with nothing is
quiet in Slack and in the JSON file alike."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest

from bot.domain.pulse import COUNTS, NETWORK, AreaPulse, Pulse, parse_period
from bot.i18n import t
from bot.views.pulse import pulse_message
from bot.views.pulse_files import pulse_document
from handlers.slack import render

TZ = ZoneInfo("Europe/Copenhagen")


def one_area(area: AreaPulse) -> Pulse:
    return Pulse(parse_period("2026-W49"), NETWORK, (area,))


def slack_text(lang: str, pulse: Pulse) -> str:
    return json.dumps(render.message(pulse_message(lang, pulse, TZ)), ensure_ascii=False)


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_one_of_anything_counted_is_not_quiet(count: str, lang: str) -> None:
    pulse = one_area(AreaPulse(3, "Øst", **{count: 1}))  # type: ignore[arg-type]
    assert not pulse.areas[0].quiet
    assert t(lang, "pulse.area.quiet") not in slack_text(lang, pulse)
    assert pulse_document(pulse)["areas"][0]["quiet"] is False


def test_a_new_superuser_is_news_in_slack() -> None:
    shown = slack_text("da", one_area(AreaPulse(3, "Øst", superusers_onboarded=1)))
    assert "Nye superbrugere: 1" in shown


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_area_with_nothing_is_quiet_everywhere(lang: str) -> None:
    pulse = one_area(AreaPulse(3, "Øst"))
    assert t(lang, "pulse.area.quiet") in slack_text(lang, pulse)
    assert pulse_document(pulse)["areas"][0]["quiet"] is True
