"""Leadership's decision on a tool as three buttons — Godkend / Stop / Spred, each behind
Slack's confirm dialog — shown on the App Home and on the guide card for leaders and
coordinators; `handlers.actions.home.record_decision` answers them wherever they are."""

from __future__ import annotations

from typing import Any

from bot.domain.guides import DECISIONS, DecisionKind
from bot.i18n import t
from bot.views.blocks import Block, actions, button, plain, shorten

DECIDE: dict[DecisionKind, str] = {kind: f"home_decide_{kind}" for kind in DECISIONS}
CONFIRM_TITLE_MAX = 100
CONFIRM_TEXT_MAX = 300
CONFIRM_BUTTON_MAX = 30


def _confirm(lang: str, kind: DecisionKind, tool: str) -> dict[str, Any]:
    name = shorten(tool, 60)
    return {
        "title": plain(
            shorten(t(lang, f"home.confirm.title.{kind}", tool=name), CONFIRM_TITLE_MAX)
        ),
        "text": plain(shorten(t(lang, f"home.confirm.text.{kind}", tool=name), CONFIRM_TEXT_MAX)),
        "confirm": plain(shorten(t(lang, "home.confirm.yes"), CONFIRM_BUTTON_MAX)),
        "deny": plain(shorten(t(lang, "home.confirm.no"), CONFIRM_BUTTON_MAX)),
    }


def decision_buttons(lang: str, tool_id: int, tool: str) -> Block:
    """Godkend / Stop / Spred, each asking first."""
    elements = []
    for kind in DECISIONS:
        element = button(t(lang, f"home.decision.button.{kind}"), DECIDE[kind], str(tool_id))
        if kind == "to_be_spread":
            element["style"] = "primary"
        elif kind == "stopped":
            element["style"] = "danger"
        element["confirm"] = _confirm(lang, kind, tool)
        elements.append(element)
    return actions(*elements)
