"""The pulse as files for the municipal quality report (kvalitetsrapport): Markdown to paste
into the report, CSV for a spreadsheet, JSON for whatever the municipality builds on it.

All three carry the same numbers from one `Pulse`. Markdown speaks the reader's language
(words from the `pulse_file.*` catalogue keys); CSV and JSON use stable English keys, so a
script written against one quarter's file reads the next one's too.

CSV is long: one row per number, `section;area;item;measure;value` (semicolons, as Danish
Excel expects). `area` names the area a
number belongs to (empty: the whole scope), `item` the tool, week or guide within the
section (empty: none), `measure` is a stable key (`results`, `questions_asked`, `in_use`…).
Text values (a reason, a date) go in `value` like the numbers. It starts with a UTF-8
byte-order mark, so Excel reads æ, ø and å right.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.pulse import COUNTS, AreaPulse, Pulse, Scope, parse_period
from bot.i18n import t
from bot.views.dates import day_text, local_day, period_name

#: The counts of `AreaPulse`, in the order every file shows them (also `activity`, the
#: chart's sum). `median_answer_minutes` is a measure too, but not a count to add up.
AREA_COUNTS: tuple[str, ...] = (*COUNTS, "activity")
MEDIAN = "median_answer_minutes"
AREA_MEASURES: tuple[str, ...] = (*AREA_COUNTS[:6], MEDIAN, *AREA_COUNTS[6:])
CSV_HEADER = ("section", "area", "item", "measure", "value")
BOM = "\ufeff"
#: Semicolons, as Danish Excel reads and writes CSV (the organisation file uses them too).
CSV_DELIMITER = ";"
NO_VALUE = "–"


# -- shared --------------------------------------------------------------------------------


def count_of(area: AreaPulse, measure: str) -> int:
    value = getattr(area, measure)
    assert isinstance(value, int)
    return value


def totals(pulse: Pulse) -> dict[str, int]:
    """Every count summed over the areas (the median is left out: medians do not add)."""
    return {name: sum(count_of(area, name) for area in pulse.areas) for name in AREA_COUNTS}


def share_percent(in_use: int, daycares: int) -> int:
    return round(100 * in_use / daycares) if daycares else 0


def week_name(lang: str, label: str) -> str:
    """An activity week (`2026-W48`) as people name it: "uge 48"."""
    return period_name(lang, parse_period(label))


def scope_text(lang: str, scope: Scope) -> str:
    if scope.kind == "network":
        return t(lang, "pulse_file.scope.network")
    if scope.kind == "areas":
        return t(lang, "pulse_file.scope.areas", names=scope.label)
    return t(lang, "pulse_file.scope.daycare", name=scope.label)


# -- Markdown ------------------------------------------------------------------------------


def md_text(text: str) -> str:
    """User text (a tool, a reason, an area) made safe for a Markdown table cell or line: a
    `|` would end the cell, a line break the row."""
    flat = " ".join(text.replace("\\", "\\\\").replace("|", "\\|").splitlines())
    return flat.strip()


def _decimal(lang: str, value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", t(lang, "pulse_file.decimal_mark"))


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int) -> list[str]:
    """A Markdown table; columns from `numeric_from` on are right-aligned. Cells are ready
    (escaped by the caller)."""
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _area_table(lang: str, pulse: Pulse) -> list[str]:
    names = [md_text(area.area) for area in pulse.areas]
    header = [t(lang, "pulse_file.col.measure"), *names, t(lang, "pulse_file.col.total")]
    summed = totals(pulse)
    rows = []
    for measure in AREA_MEASURES:
        label = t(lang, f"pulse_file.measure.{measure}")
        if measure == MEDIAN:
            cells = [
                NO_VALUE
                if area.median_answer_minutes is None
                else _decimal(lang, area.median_answer_minutes)
                for area in pulse.areas
            ]
            rows.append([label, *cells, ""])
        else:
            cells = [str(count_of(area, measure)) for area in pulse.areas]
            rows.append([label, *cells, str(summed[measure])])
    return _table(header, rows, numeric_from=1)


def _tools_table(lang: str, pulse: Pulse, tz: ZoneInfo) -> list[str]:
    rows = [
        [
            md_text(area.area),
            md_text(tool.tool),
            NO_VALUE if tool.newest_rating is None else str(tool.newest_rating),
            NO_VALUE if tool.newest_on is None else local_day(lang, tool.newest_on, tz),
            str(tool.results),
        ]
        for area in pulse.areas
        for tool in area.tools_in_test
    ]
    if not rows:
        return [t(lang, "pulse_file.none_now")]
    header = [
        t(lang, f"pulse_file.col.{key}")
        for key in ("area", "tool", "newest_rating", "newest_on", "results")
    ]
    return _table(header, rows, numeric_from=2)


def _status(lang: str, status: str | None) -> str:
    return NO_VALUE if status is None else t(lang, f"tool_status.{status}")


def _network(lang: str, pulse: Pulse, tz: ZoneInfo) -> list[str]:
    heading = "network_heading" if pulse.scope.kind == "network" else "scope_heading"
    lines = ["## " + t(lang, f"pulse_file.{heading}"), ""]
    lines += ["### " + t(lang, "pulse_file.moves_heading"), ""]
    moves = [
        [
            md_text(move.tool),
            _status(lang, move.from_status),
            _status(lang, move.to_status),
            local_day(lang, move.on, tz),
        ]
        for move in pulse.moves
    ]
    header = [t(lang, f"pulse_file.col.{key}") for key in ("tool", "from", "to", "day")]
    lines += _table(header, moves, numeric_from=4) if moves else [t(lang, "pulse_file.none")]
    lines += ["", "### " + t(lang, "pulse_file.decisions_heading"), ""]
    decisions = [
        [
            md_text(made.tool),
            t(lang, f"decision.{made.decision}"),
            local_day(lang, made.decided_on, tz),
            md_text(made.note),
        ]
        for made in pulse.decisions_made
    ]
    header = [t(lang, f"pulse_file.col.{key}") for key in ("tool", "decision", "day", "note")]
    if decisions:
        lines += _table(header, decisions, numeric_from=4)
    else:
        lines.append(t(lang, "pulse_file.none"))
    lines += ["", "### " + t(lang, "pulse_file.waiting_heading"), ""]
    waiting = [f"- {md_text(tool)}" for tool in pulse.decisions_waiting]
    lines += waiting or [t(lang, "pulse_file.none_now")]
    lines += ["", *_spreading(lang, pulse)]
    return lines


def _spreading(lang: str, pulse: Pulse) -> list[str]:
    lines = ["### " + t(lang, "pulse_file.spreading_heading"), ""]
    if not pulse.spreading:
        return [*lines, t(lang, "pulse_file.none_now")]
    rows = []
    # A tool's first row is the scope's total: "all areas" only when the scope is the network.
    total = "pulse_file.all_areas" if pulse.scope.kind == "network" else "pulse_file.col.total"
    for spread in pulse.spreading:
        parts = [(t(lang, total), spread.in_use, spread.daycares)]
        parts += [(md_text(a.area), a.in_use, a.daycares) for a in spread.areas]
        for where, in_use, daycares in parts:
            share = t(lang, "pulse_file.share", percent=share_percent(in_use, daycares))
            rows.append([md_text(spread.tool), where, str(in_use), str(daycares), share])
    header = [
        t(lang, f"pulse_file.col.{key}") for key in ("tool", "area", "in_use", "daycares", "share")
    ]
    lines += _table(header, rows, numeric_from=2)
    declined = [
        [md_text(spread.tool), md_text(daycare), md_text(reason)]
        for spread in pulse.spreading
        for daycare, reason in spread.declined
    ]
    if declined:
        header = [t(lang, f"pulse_file.col.{key}") for key in ("tool", "daycare", "reason")]
        lines += ["", "#### " + t(lang, "pulse_file.declined_heading"), ""]
        lines += _table(header, declined, numeric_from=3)
    return lines


def _gaps(lang: str, pulse: Pulse) -> list[str]:
    gaps = pulse.gaps
    none = t(lang, "pulse_file.none_now")
    lines = ["## " + t(lang, "pulse_file.gaps_heading"), ""]
    for key, names in (
        ("areas_without_ambassador", gaps.areas_without_ambassador),
        ("daycares_without_superuser", gaps.daycares_without_superuser),
    ):
        listed = ", ".join(md_text(name) for name in names) or none
        lines.append(f"- {t(lang, f'pulse_file.gaps.{key}')}: {listed}")
    lines += ["", "### " + t(lang, "pulse_file.gaps.guides_overdue"), ""]
    rows = [
        [
            md_text(guide.title),
            md_text(guide.tool),
            md_text(guide.owner) if guide.owner else NO_VALUE,
            day_text(lang, date.fromisoformat(guide.checked_on[:10])),
        ]
        for guide in gaps.guides_overdue
    ]
    header = [t(lang, f"pulse_file.col.{key}") for key in ("guide", "tool", "owner", "checked_on")]
    lines += _table(header, rows, numeric_from=4) if rows else [none]
    return lines


def _activity(lang: str, pulse: Pulse) -> list[str]:
    lines = ["## " + t(lang, "pulse_file.activity_heading"), ""]
    lines += [t(lang, "pulse_file.activity_note"), ""]
    names = [area.area for area in pulse.areas]
    header = [t(lang, "pulse_file.col.week"), *(md_text(name) for name in names)]
    rows = []
    for week in pulse.activity:
        counts = dict(week.per_area)
        label = week_name(lang, week.week)
        rows.append([f"{label} ({week.week})", *(str(counts.get(name, 0)) for name in names)])
    return lines + _table(header, rows, numeric_from=1)


def pulse_markdown(lang: str, pulse: Pulse, tz: ZoneInfo) -> str:
    """The pulse as Markdown with headings and tables, in `lang`; dates as local days."""
    period = pulse.period
    scope = scope_text(lang, pulse.scope)
    lines = [
        "# " + t(lang, "pulse_file.title", scope=md_text(scope), period=period_name(lang, period)),
        "",
        t(
            lang,
            "pulse_file.period_line",
            label=period_name(lang, period),
            first=day_text(lang, period.start),
            last=day_text(lang, period.last_day),
        )
        + "  ",
        t(lang, "pulse_file.scope_line", scope=md_text(scope)),
        "",
        "## " + t(lang, "pulse_file.areas_heading"),
        "",
        *_area_table(lang, pulse),
        "",
        "### " + t(lang, "pulse_file.tools_heading"),
        "",
        *_tools_table(lang, pulse, tz),
        "",
        *_network(lang, pulse, tz),
        "",
        *_gaps(lang, pulse),
        "",
        *_activity(lang, pulse),
    ]
    return "\n".join(lines) + "\n"


# -- CSV -----------------------------------------------------------------------------------


Row = tuple[str, str, str, str, object]


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def csv_rows(lang: str, pulse: Pulse) -> list[Row]:
    """The rows of `pulse_csv`, without the header: (section, area, item, measure, value)."""
    period, scope = pulse.period, pulse.scope
    rows: list[Row] = [
        ("period", "", "", "label", period.label),
        ("period", "", "", "kind", period.kind),
        ("period", "", "", "start", period.start.isoformat()),
        ("period", "", "", "end", period.end.isoformat()),
        ("period", "", "", "last_day", period.last_day.isoformat()),
        ("scope", "", "", "kind", scope.kind),
        ("scope", "", "", "label", scope.label or scope_text(lang, scope)),
    ]
    for area in pulse.areas:
        rows += [("area", area.area, "", name, getattr(area, name)) for name in AREA_MEASURES]
    rows += [("total", "", "", name, value) for name, value in totals(pulse).items()]
    for area in pulse.areas:
        for tool in area.tools_in_test:
            rows += [
                ("tool_in_test", area.area, tool.tool, "newest_rating", tool.newest_rating),
                ("tool_in_test", area.area, tool.tool, "newest_on", tool.newest_on),
                ("tool_in_test", area.area, tool.tool, "results", tool.results),
            ]
    for move in pulse.moves:
        step = f"{move.from_status or 'none'}->{move.to_status}"
        rows.append(("lifecycle_move", "", move.tool, step, move.on))
    for made in pulse.decisions_made:
        rows.append(("decision_made", "", made.tool, made.decision, made.decided_on))
        if made.note:
            rows.append(("decision_made", "", made.tool, f"{made.decision}_note", made.note))
    rows += [
        ("decision_waiting", "", tool, "status", "evaluated") for tool in pulse.decisions_waiting
    ]
    for spread in pulse.spreading:
        rows += [
            ("spreading", "", spread.tool, "in_use", spread.in_use),
            ("spreading", "", spread.tool, "daycares", spread.daycares),
        ]
        for part in spread.areas:
            rows += [
                ("spreading", part.area, spread.tool, "in_use", part.in_use),
                ("spreading", part.area, spread.tool, "daycares", part.daycares),
            ]
        rows += [
            ("not_for_us", "", spread.tool, "reason", f"{daycare}: {reason}")
            for daycare, reason in spread.declined
        ]
    gaps = pulse.gaps
    rows += [
        ("gap", name, "", "area_without_ambassador", 1) for name in gaps.areas_without_ambassador
    ]
    rows += [
        ("gap", "", name, "daycare_without_superuser", 1)
        for name in gaps.daycares_without_superuser
    ]
    for guide in gaps.guides_overdue:
        rows += [
            ("guide_overdue", "", guide.title, "tool", guide.tool),
            ("guide_overdue", "", guide.title, "owner", guide.owner),
            ("guide_overdue", "", guide.title, "checked_on", guide.checked_on),
        ]
    for week in pulse.activity:
        rows += [("activity", area, week.week, "activity", n) for area, n in week.per_area]
    return rows


def pulse_csv(lang: str, pulse: Pulse) -> str:
    """The pulse as long-format CSV (see the module's docstring), starting with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER)
    writer.writerow(CSV_HEADER)
    for section, area, item, measure, value in csv_rows(lang, pulse):
        writer.writerow((section, area, item, measure, _csv_value(value)))
    return BOM + out.getvalue()


# -- JSON ----------------------------------------------------------------------------------


def pulse_document(pulse: Pulse) -> dict[str, Any]:
    """The plain structure `pulse_json` writes: stable English keys, lists and numbers."""
    period, scope, gaps = pulse.period, pulse.scope, pulse.gaps
    return {
        "period": {
            "label": period.label,
            "kind": period.kind,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "last_day": period.last_day.isoformat(),
        },
        "scope": {
            "kind": scope.kind,
            "label": scope.label,
            "area_ids": sorted(scope.area_ids),
            "daycare_id": scope.daycare_id,
        },
        "areas": [
            {
                "area_id": area.area_id,
                "area": area.area,
                **{name: getattr(area, name) for name in AREA_MEASURES},
                # What Slack calls "Stille i perioden": every count above is zero.
                "quiet": area.quiet,
                "tools_in_test": [
                    {
                        "tool": tool.tool,
                        "newest_rating": tool.newest_rating,
                        "newest_on": tool.newest_on,
                        "results": tool.results,
                    }
                    for tool in area.tools_in_test
                ],
            }
            for area in pulse.areas
        ],
        "totals": totals(pulse),
        "lifecycle_moves": [
            {
                "tool": move.tool,
                "from_status": move.from_status,
                "to_status": move.to_status,
                "on": move.on,
            }
            for move in pulse.moves
        ],
        "decisions_made": [
            {
                "tool": made.tool,
                "decision": made.decision,
                "decided_on": made.decided_on,
                "note": made.note,
            }
            for made in pulse.decisions_made
        ],
        "decisions_waiting": list(pulse.decisions_waiting),
        "spreading": [
            {
                "tool": spread.tool,
                "in_use": spread.in_use,
                "daycares": spread.daycares,
                "areas": [
                    {"area": a.area, "in_use": a.in_use, "daycares": a.daycares}
                    for a in spread.areas
                ],
                "not_for_us": [
                    {"daycare": daycare, "reason": reason} for daycare, reason in spread.declined
                ],
            }
            for spread in pulse.spreading
        ],
        "gaps": {
            "areas_without_ambassador": list(gaps.areas_without_ambassador),
            "daycares_without_superuser": list(gaps.daycares_without_superuser),
            "guides_overdue": [
                {
                    "title": guide.title,
                    "tool": guide.tool,
                    "owner": guide.owner,
                    "checked_on": guide.checked_on,
                }
                for guide in gaps.guides_overdue
            ],
        },
        "activity": [
            {"week": week.week, "per_area": dict(week.per_area)} for week in pulse.activity
        ],
    }


def pulse_json(pulse: Pulse) -> str:
    """The pulse as JSON (UTF-8 text, not escaped), ending in a newline."""
    return json.dumps(pulse_document(pulse), ensure_ascii=False, indent=2) + "\n"


def pulse_file(fmt: str, lang: str, pulse: Pulse, tz: ZoneInfo) -> str:
    """The pulse in `fmt`: `md`, `csv` or `json` (anything else: Markdown)."""
    if fmt == "csv":
        return pulse_csv(lang, pulse)
    if fmt == "json":
        return pulse_json(pulse)
    return pulse_markdown(lang, pulse, tz)
