"""The pulse as a message — the weekly digest in the leadership channel and
`/tovholder pulse` privately: short and scannable on a phone. Per area one section, then
the network, then the gaps. Every name that people typed (tools, areas, daycares, reasons)
goes in through `literal`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.domain.pulse import AreaPulse, Period, Pulse, Spread
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.dates import day_text, local_day, period_name
from bot.views.decisions import decision_buttons
from bot.views.model import Context, Divider, Heading, Message, Part, Text
from bot.views.text import literal
from bot.views.tool_tests import stars

#: Names listed before "and N more" — a digest is read on a phone.
NAMES_SHOWN = 6
REASON_CHARS = 150
#: Tools with decision buttons in a private pulse (the Home lists them all).
DECISIONS_SHOWN = 5
REASONS_SHOWN = 3
#: Areas shown one part each; beyond that they are shown as one (a message holds 50 blocks).
AREA_SECTIONS_MAX = 30


def period_title(lang: str, period: Period) -> str:
    """ "uge 48 (23.–29. nov. 2026)", "november 2026", "3. kvartal 2026", "2026"."""
    if period.kind == "week":
        return t(
            lang,
            "pulse.period.week",
            week=period.start.isocalendar()[1],
            start=day_text(lang, period.start),
            end=day_text(lang, period.last_day),
        )
    return period_name(lang, period)


def duration(lang: str, minutes: float) -> str:
    """ "35 min", "2 t 10 min", "3 d 4 t" (English: h, d)."""
    whole = round(minutes)
    if whole < 60:
        return t(lang, "pulse.minutes", minutes=whole)
    hours, rest = divmod(whole, 60)
    if hours < 24:
        return t(lang, "pulse.hours", hours=hours, minutes=rest)
    days, hours = divmod(hours, 24)
    return t(lang, "pulse.days", days=days, hours=hours)


def _names(lang: str, names: tuple[str, ...] | list[str]) -> str:
    shown = ", ".join(literal(name) for name in names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += " " + t(lang, "pulse.and_more", count=len(names) - NAMES_SHOWN)
    return shown


def _listed(lang: str, items: list[str]) -> str:
    """Items joined with "; ", at most `NAMES_SHOWN`, then "og N mere" — never cut silently."""
    shown = "; ".join(items[:NAMES_SHOWN])
    if len(items) > NAMES_SHOWN:
        shown += " " + t(lang, "pulse.and_more", count=len(items) - NAMES_SHOWN)
    return shown


def _journeys(pulse: Pulse) -> list[tuple[str, str | None, str]]:
    """Each tool's steps in the period as one: where it started and where it ended."""
    found: dict[str, tuple[str | None, str]] = {}
    for move in pulse.moves:
        first = found[move.tool][0] if move.tool in found else move.from_status
        found[move.tool] = (first, move.to_status)
    return [(tool, first, last) for tool, (first, last) in found.items()]


def _area_lines(lang: str, area: AreaPulse, tz: ZoneInfo) -> list[str]:
    lines = [f"**{literal(area.area)}**"]
    if area.tools_in_test:
        tools = []
        for tool in area.tools_in_test:
            text = literal(tool.tool)
            if tool.newest_rating is not None and tool.newest_on:
                text += " " + t(
                    lang,
                    "pulse.newest",
                    stars=stars(tool.newest_rating),
                    day=local_day(lang, tool.newest_on, tz),
                )
            tools.append(text)
        lines.append(t(lang, "pulse.area.in_test", tools=_listed(lang, tools)))
    if area.quiet:
        lines.append(t(lang, "pulse.area.quiet"))
        return lines
    lines.append(
        t(
            lang,
            "pulse.area.work",
            results=area.results,
            published=area.guides_published,
            updated=area.guides_updated,
        )
    )
    sparring = t(
        lang,
        "pulse.area.sparring",
        asked=area.questions_asked,
        answered=area.questions_answered,
        open=area.questions_open,
    )
    if area.median_answer_minutes is not None:
        sparring += " " + t(
            lang, "pulse.area.median", time=duration(lang, area.median_answer_minutes)
        )
    lines.append(sparring)
    lines.append(
        t(
            lang,
            "pulse.area.people",
            overdue=area.overdue_evaluations,
            onboarded=area.superusers_onboarded,
            held=area.trainings_held,
            attendees=area.training_attendees,
        )
    )
    return lines


def _spread_line(lang: str, spread: Spread) -> str:
    areas = " · ".join(f"{literal(a.area)} {a.in_use}/{a.daycares}" for a in spread.areas)
    line = t(
        lang,
        "pulse.spread",
        tool=literal(spread.tool),
        in_use=spread.in_use,
        daycares=spread.daycares,
        areas=areas or "–",
    )
    for daycare, reason in spread.declined[:REASONS_SHOWN]:
        line += "\n" + t(
            lang,
            "pulse.declined",
            daycare=literal(daycare),
            reason=literal(shorten(" ".join(reason.split()), REASON_CHARS)),
        )
    if len(spread.declined) > REASONS_SHOWN:
        more = t(lang, "pulse.and_more", count=len(spread.declined) - REASONS_SHOWN)
        line += "\n    " + more
    return line


def _network_lines(lang: str, pulse: Pulse, tz: ZoneInfo) -> list[str]:
    # Tool statuses and decisions are the network's; spreading is counted in the scope.
    heading = "pulse.network" if pulse.scope.kind == "network" else "pulse.tools_heading"
    lines = [t(lang, heading)]
    if pulse.moves:
        moves = [
            t(
                lang,
                "pulse.move",
                tool=literal(tool),
                before=t(lang, f"tool_status.{first}") if first else "–",
                after=t(lang, f"tool_status.{last}"),
            )
            for tool, first, last in _journeys(pulse)
        ]
        lines.append(t(lang, "pulse.moves", moves=_listed(lang, moves)))
    if pulse.decisions_made:
        made = [
            t(
                lang,
                "pulse.decision",
                tool=literal(d.tool),
                decision=t(lang, f"decision.{d.decision}"),
                day=local_day(lang, d.decided_on, tz),
            )
            for d in pulse.decisions_made
        ]
        lines.append(t(lang, "pulse.decisions", decisions=_listed(lang, made)))
    if pulse.decisions_waiting:
        lines.append(t(lang, "pulse.waiting", tools=_names(lang, pulse.decisions_waiting)))
    lines += [_spread_line(lang, spread) for spread in pulse.spreading]
    if len(lines) == 1:
        lines.append(t(lang, "pulse.network_quiet"))
    return lines


def _gap_lines(lang: str, pulse: Pulse) -> list[str]:
    gaps = pulse.gaps
    if not gaps.any:
        return [t(lang, "pulse.gaps"), t(lang, "pulse.no_gaps")]
    lines = [t(lang, "pulse.gaps")]
    if gaps.areas_without_ambassador:
        lines.append(
            t(lang, "pulse.gap.ambassadors", names=_names(lang, gaps.areas_without_ambassador))
        )
    if gaps.daycares_without_superuser:
        lines.append(
            t(
                lang,
                "pulse.gap.superusers",
                count=len(gaps.daycares_without_superuser),
                names=_names(lang, gaps.daycares_without_superuser),
            )
        )
    if gaps.guides_overdue:
        titles = [f"{g.tool}: {g.title}" for g in gaps.guides_overdue]
        lines.append(t(lang, "pulse.gap.guides", count=len(titles), names=_names(lang, titles)))
    return lines


def pulse_message(
    lang: str,
    pulse: Pulse,
    tz: ZoneInfo,
    *,
    digest: bool = False,
    decide: tuple[tuple[int, str], ...] = (),
) -> Message:
    """The digest (`digest=True`: "Ugens puls") or an on-demand pulse, as one message.
    `decide`: the tools (id, name) a leader reading it privately may decide on here."""
    title = period_title(lang, pulse.period)
    heading = t(lang, "pulse.digest_header" if digest else "pulse.header", period=title)
    scope = pulse.scope
    where = (
        t(lang, "pulse.scope.network")
        if scope.kind == "network"
        else t(lang, f"pulse.scope.{scope.kind}", name=literal(scope.label))
    )
    parts: list[Part] = [Heading(heading), Context(where)]
    area_lines = [_area_lines(lang, area, tz) for area in pulse.areas]
    if len(area_lines) <= AREA_SECTIONS_MAX:
        parts += [Text("\n".join(lines)) for lines in area_lines]
    elif area_lines:
        parts.append(Text("\n".join("\n".join(lines) for lines in area_lines)))
    parts += [
        Divider(),
        Text("\n".join(_network_lines(lang, pulse, tz))),
        Text("\n".join(_gap_lines(lang, pulse))),
    ]
    for tool_id, name in decide[:DECISIONS_SHOWN]:
        parts.append(Context(t(lang, "pulse.decide", tool=literal(name))))
        parts.append(decision_buttons(lang, tool_id, name))
    text = t(
        lang,
        "pulse.fallback",
        heading=heading,
        results=pulse.total("results"),
        asked=pulse.total("questions_asked"),
    )
    return Message(text, tuple(parts))
