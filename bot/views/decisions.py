"""Leadership's decision on a tool as three buttons — Godkend / Stop / Spred, each behind
a confirm dialog — shown on the App Home and on the guide card for leaders and
coordinators; `handlers.actions.home.record_decision` answers them wherever they are."""

from __future__ import annotations

from bot.domain.guides import DECISIONS, DecisionKind
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.model import Actions, Button, Confirm, Style

DECIDE: dict[DecisionKind, str] = {kind: f"home_decide_{kind}" for kind in DECISIONS}
STYLES: dict[DecisionKind, Style] = {"to_be_spread": "primary", "stopped": "danger"}


def _confirm(lang: str, kind: DecisionKind, tool: str) -> Confirm:
    name = shorten(tool, 60)
    return Confirm(
        title=t(lang, f"home.confirm.title.{kind}", tool=name),
        text=t(lang, f"home.confirm.text.{kind}", tool=name),
        yes=t(lang, "home.confirm.yes"),
        no=t(lang, "home.confirm.no"),
    )


def decision_buttons(lang: str, tool_id: int, tool: str) -> Actions:
    """Godkend / Stop / Spred, each asking first."""
    return Actions(
        tuple(
            Button(
                DECIDE[kind],
                t(lang, f"home.decision.button.{kind}"),
                str(tool_id),
                style=STYLES.get(kind),
                confirm=_confirm(lang, kind, tool),
            )
            for kind in DECISIONS
        )
    )
