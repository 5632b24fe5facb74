"""Everyone's own settings: pause the nudges until a date (holiday, leave), or turn them on."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.org import Person
from bot.i18n import t
from bot.views.model import ChoiceField, Context, DateField, Form, Option, Text
from bot.views.network import mentions

CALLBACK_ID = "my_settings"


def my_settings_modal(
    lang: str,
    paused_until: date | None,
    today: date,
    coordinators: list[Person],
    *,
    channel_id: str | None,
) -> Form:
    """The pause date starts at tomorrow, the first day the form accepts (today is refused
    with a field error), so a one-day pause is one click."""
    coordinator = mentions(coordinators) or t(lang, "network.no_coordinator")
    return Form(
        id=CALLBACK_ID,
        title=t(lang, "my.title"),
        submit=t(lang, "test.submit"),
        close=t(lang, "test.close_modal"),
        parts=(
            Text(t(lang, "my.intro")),
            ChoiceField(
                "nudges",
                t(lang, "my.nudges"),
                options=(
                    Option(t(lang, "my.nudges_on"), "on"),
                    Option(t(lang, "my.nudges_paused"), "paused"),
                ),
                initial="paused" if paused_until else "on",
                radio=True,
                optional=False,
            ),
            DateField(
                "until",
                t(lang, "my.until"),
                initial=paused_until or today + timedelta(days=1),
                optional=True,
                hint=t(lang, "my.until_hint"),
            ),
            Context(t(lang, "my.coordinator", coordinators=coordinator)),
        ),
        metadata={"channel": channel_id},
    )
