"""Everyone's own settings: pause the nudges until a date (holiday, leave), or turn them on."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from bot.domain.org import Person
from bot.i18n import t
from bot.views.blocks import Block, context, input_block, option, plain, section
from bot.views.network import mentions

CALLBACK_ID = "my_settings"


def my_settings_modal(
    lang: str,
    paused_until: date | None,
    today: date,
    coordinators: list[Person],
    *,
    channel_id: str | None,
) -> dict[str, Any]:
    """The pause date starts at tomorrow, the first day the form accepts (today is refused
    with a field error), so a one-day pause is one click."""
    choices = [option(t(lang, "my.nudges_on"), "on"), option(t(lang, "my.nudges_paused"), "paused")]
    state = choices[1] if paused_until else choices[0]
    blocks: list[Block] = [
        section(t(lang, "my.intro")),
        input_block(
            "nudges",
            t(lang, "my.nudges"),
            {
                "type": "radio_buttons",
                "action_id": "value",
                "options": choices,
                "initial_option": state,
            },
            optional=False,
        ),
        input_block(
            "until",
            t(lang, "my.until"),
            {
                "type": "datepicker",
                "action_id": "value",
                "initial_date": (paused_until or today + timedelta(days=1)).isoformat(),
            },
            hint=t(lang, "my.until_hint"),
        ),
        context(
            t(
                lang,
                "my.coordinator",
                coordinators=mentions(coordinators) or t(lang, "network.no_coordinator"),
            )
        ),
    ]
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": plain(t(lang, "my.title")),
        "submit": plain(t(lang, "test.submit")),
        "close": plain(t(lang, "test.close_modal")),
        "private_metadata": json.dumps({"channel": channel_id}),
        "blocks": blocks,
    }
