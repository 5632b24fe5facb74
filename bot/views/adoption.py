"""Adoption as people see it: the guide card's line and buttons, the two small modals, the
receipt, and a daycare's tools for `/tovholder network <daycare>`."""

from __future__ import annotations

from bot.domain.adoption import ADOPTION_STATES, Adoption, AdoptionSummary
from bot.domain.org import Daycare
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.model import ChoiceField, Form, Message, Option, Text, TextField
from bot.views.text import literal

STARTED = "adoption_started"
IN_USE = "adoption_in_use"
STOPPED = "adoption_stopped"
OTHER = "adoption_other"
#: The buttons that set a state at once (stopping asks the reason first).
DIRECT = {STARTED: "getting_started", IN_USE: "in_use"}
STOP_CALLBACK = "adoption_stop"
SET_CALLBACK = "adoption_set"
REASON_MAX = 500


def place_value(daycare_id: int, tool_id: int) -> str:
    return f"{daycare_id}:{tool_id}"


def parse_place(value: str) -> tuple[int, int] | None:
    daycare, _, tool = value.partition(":")
    if daycare.isdigit() and tool.isdigit():
        return int(daycare), int(tool)
    return None


def adoption_line(lang: str, summary: AdoptionSummary, *, personal: bool = True) -> str:
    """ "I brug i 12 af 40 dagtilbud · Spørg naboen: … · Mælkebøtten: i gang" (neutral
    Markdown). A card shared in a channel is read by many: only the count
    (`personal=False`)."""
    parts = [t(lang, "adoption.count", in_use=summary.in_use, daycares=summary.daycares)]
    if not personal:
        return parts[0]
    if summary.neighbours:
        names = ", ".join(literal(name) for name in summary.neighbours)
        parts.append(t(lang, "adoption.neighbours", names=names))
    if summary.own_daycare_id is not None:
        parts.append(
            t(
                lang,
                "adoption.own",
                daycare=literal(summary.own_daycare_name),
                state=t(lang, f"adoption.state.{summary.own_state}"),
            )
        )
    return " · ".join(parts)


def _reason_field(lang: str, *, optional: bool) -> TextField:
    return TextField(
        "reason",
        t(lang, "adoption.reason"),
        max_length=REASON_MAX,
        long=True,
        optional=optional,
        hint=t(lang, "adoption.reason_hint"),
    )


def stop_modal(lang: str, daycare_id: int, tool_id: int, title: str) -> Form:
    """ "Vi er stoppet": why? (the reason is what the tool's evaluation learns from)."""
    return Form(
        id=STOP_CALLBACK,
        title=t(lang, "adoption.stop_title"),
        submit=t(lang, "adoption.save"),
        close=t(lang, "adoption.cancel"),
        parts=(Text(literal(shorten(title, 500))), _reason_field(lang, optional=False)),
        metadata={"daycare_id": daycare_id, "tool_id": tool_id},
    )


def set_modal(lang: str, tool_id: int, tool_name: str, daycares: list[Daycare]) -> Form:
    """An ambassador's (or the coordinator's) choice of daycare and state."""
    return Form(
        id=SET_CALLBACK,
        title=t(lang, "adoption.set_title"),
        submit=t(lang, "adoption.save"),
        close=t(lang, "adoption.cancel"),
        parts=(
            Text(t(lang, "adoption.set_intro", tool=literal(shorten(tool_name, 200)))),
            ChoiceField(
                "daycare",
                t(lang, "adoption.daycare"),
                options=tuple(Option(d.name, str(d.id)) for d in daycares),
                optional=False,
            ),
            ChoiceField(
                "state",
                t(lang, "adoption.state"),
                options=tuple(
                    Option(t(lang, f"adoption.state.{state}"), state) for state in ADOPTION_STATES
                ),
                optional=False,
            ),
            _reason_field(lang, optional=True),
        ),
        metadata={"tool_id": tool_id},
    )


def changed_message(lang: str, adoption: Adoption, tool_name: str, *, changed: bool) -> Message:
    key = "adoption.saved" if changed else "adoption.unchanged"
    text = t(
        lang,
        key,
        daycare=literal(adoption.daycare_name),
        tool=literal(tool_name),
        state=t(lang, f"adoption.state.{adoption.state}"),
    )
    return Message(text, (Text(text),))


def daycare_tool_lines(lang: str, adoptions: tuple[Adoption, ...]) -> list[str]:
    """ "• **Bee-Bot** – i brug" per tool, the reason after a stop."""
    lines = []
    for adoption in adoptions:
        line = t(
            lang,
            "adoption.tool_line",
            tool=literal(adoption.tool_name),
            state=t(lang, f"adoption.state.{adoption.state}"),
        )
        if adoption.state == "stopped" and adoption.reason:
            line += " – " + t(
                lang, "adoption.because", reason=literal(shorten(adoption.reason, 200))
            )
        lines.append(line)
    return lines
