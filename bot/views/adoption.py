"""Adoption as Slack shows it: the guide card's line and buttons, the two small modals, the
receipt, and a daycare's tools for `/tovholder network <daycare>`."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.adoption import ADOPTION_STATES, Adoption, AdoptionSummary
from bot.domain.org import Daycare
from bot.i18n import t
from bot.mrkdwn import escape
from bot.views.blocks import (
    FIELD,
    Block,
    input_block,
    option,
    plain,
    section,
    shorten,
    text_input,
)

STARTED = "adoption_started"
IN_USE = "adoption_in_use"
STOPPED = "adoption_stopped"
OTHER = "adoption_other"
#: The buttons that set a state at once (stopping asks the reason first).
DIRECT = {STARTED: "getting_started", IN_USE: "in_use"}
STOP_CALLBACK = "adoption_stop"
SET_CALLBACK = "adoption_set"
REASON_MAX = 500
#: Slack's limit of options in one static select.
OPTIONS_MAX = 100


def place_value(daycare_id: int, tool_id: int) -> str:
    return f"{daycare_id}:{tool_id}"


def parse_place(value: str) -> tuple[int, int] | None:
    daycare, _, tool = value.partition(":")
    if daycare.isdigit() and tool.isdigit():
        return int(daycare), int(tool)
    return None


def adoption_line(lang: str, summary: AdoptionSummary, *, personal: bool = True) -> str:
    """ "I brug i 12 af 40 dagtilbud · Spørg naboen: … · Mælkebøtten: i gang" (names escaped).
    A card shared in a channel is read by many: only the count (`personal=False`)."""
    parts = [t(lang, "adoption.count", in_use=summary.in_use, daycares=summary.daycares)]
    if not personal:
        return parts[0]
    if summary.neighbours:
        names = ", ".join(escape(name) for name in summary.neighbours)
        parts.append(t(lang, "adoption.neighbours", names=names))
    if summary.own_daycare_id is not None:
        parts.append(
            t(
                lang,
                "adoption.own",
                daycare=escape(summary.own_daycare_name),
                state=t(lang, f"adoption.state.{summary.own_state}"),
            )
        )
    return " · ".join(parts)


def _reason_block(lang: str, *, optional: bool) -> Block:
    return text_input(
        "reason",
        t(lang, "adoption.reason"),
        max_length=REASON_MAX,
        multiline=True,
        optional=optional,
        hint=t(lang, "adoption.reason_hint"),
    )


def stop_modal(lang: str, daycare_id: int, tool_id: int, title: str) -> dict[str, Any]:
    """ "Vi er stoppet": why? (the reason is what the tool's evaluation learns from)."""
    return {
        "type": "modal",
        "callback_id": STOP_CALLBACK,
        "title": plain(t(lang, "adoption.stop_title")),
        "submit": plain(t(lang, "adoption.save")),
        "close": plain(t(lang, "adoption.cancel")),
        "private_metadata": json.dumps({"daycare_id": daycare_id, "tool_id": tool_id}),
        "blocks": [section(escape(shorten(title, 500))), _reason_block(lang, optional=False)],
    }


def set_modal(lang: str, tool_id: int, tool_name: str, daycares: list[Daycare]) -> dict[str, Any]:
    """An ambassador's (or the coordinator's) choice of daycare and state."""
    places = {
        "type": "static_select",
        "action_id": FIELD,
        "options": [option(d.name, str(d.id)) for d in daycares[:OPTIONS_MAX]],
    }
    states = {
        "type": "static_select",
        "action_id": FIELD,
        "options": [option(t(lang, f"adoption.state.{state}"), state) for state in ADOPTION_STATES],
    }
    return {
        "type": "modal",
        "callback_id": SET_CALLBACK,
        "title": plain(t(lang, "adoption.set_title")),
        "submit": plain(t(lang, "adoption.save")),
        "close": plain(t(lang, "adoption.cancel")),
        "private_metadata": json.dumps({"tool_id": tool_id}),
        "blocks": [
            section(t(lang, "adoption.set_intro", tool=escape(shorten(tool_name, 200)))),
            input_block("daycare", t(lang, "adoption.daycare"), places, optional=False),
            input_block("state", t(lang, "adoption.state"), states, optional=False),
            _reason_block(lang, optional=True),
        ],
    }


def changed_message(
    lang: str, adoption: Adoption, tool_name: str, *, changed: bool
) -> dict[str, Any]:
    key = "adoption.saved" if changed else "adoption.unchanged"
    text = t(
        lang,
        key,
        daycare=escape(adoption.daycare_name),
        tool=escape(tool_name),
        state=t(lang, f"adoption.state.{adoption.state}"),
    )
    return {"text": text, "blocks": [section(text)]}


def daycare_tool_lines(lang: str, adoptions: tuple[Adoption, ...]) -> list[str]:
    """ "• *Bee-Bot* – i brug" per tool, the reason after a stop."""
    lines = []
    for adoption in adoptions:
        line = t(
            lang,
            "adoption.tool_line",
            tool=escape(adoption.tool_name),
            state=t(lang, f"adoption.state.{adoption.state}"),
        )
        if adoption.state == "stopped" and adoption.reason:
            line += " – " + t(
                lang, "adoption.because", reason=escape(shorten(adoption.reason, 200))
            )
        lines.append(line)
    return lines
