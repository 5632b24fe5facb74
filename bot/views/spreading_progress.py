"""How far a tool has spread, in a few lines: for `/tool-test summary` and the pulse."""

from __future__ import annotations

from datetime import date

from bot.domain.spreading import Progress
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.dates import day_text
from bot.views.text import literal

DECLINED_SHOWN = 10


def progress_lines(lang: str, found: Progress) -> list[str]:
    """ "**Spredning** (runde startet 3. nov.): i brug i 5 af 7 · Nord 2/3 · Syd 3/4", and the
    reasons given by daycares that said "not for us"."""
    if not found.points:
        return []
    now = found.points[-1]
    shares = " · ".join(
        t(
            lang,
            "spreading.progress.area",
            area=literal(a.area),
            in_use=a.in_use,
            daycares=a.daycares,
        )
        for a in now.areas
        if a.daycares
    )
    lines = [
        t(
            lang,
            "spreading.progress.line",
            in_use=now.in_use,
            daycares=now.daycares,
            areas=shares or "–",
        )
    ]
    if len(found.points) > 1:
        first = found.points[0]
        lines.append(
            t(
                lang,
                "spreading.progress.since",
                day=day_text(lang, date.fromisoformat(first.day)),
                before=first.in_use,
                now=now.in_use,
            )
        )
    for daycare, reason in found.declined[:DECLINED_SHOWN]:
        lines.append(
            t(
                lang,
                "spreading.progress.declined",
                daycare=literal(daycare),
                reason=literal(shorten(reason, 200)),
            )
        )
    return lines
