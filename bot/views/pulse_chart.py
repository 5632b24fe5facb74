"""The pulse's chart: activity per area over the last 8 weeks, as a PNG a leader reads at a
glance on a phone.

Grouped bars: a group per week, a bar per area (every area of the pulse is in the legend,
also one with nothing to show), the count written on each bar that is not zero. matplotlib
is imported inside the function, so the bot's start-up does not pay for it, and drawn
without pyplot — a `Figure` on its own Agg canvas, no global state, safe from any thread.
The area names are also written into the PNG's metadata (`Description`).
"""

from __future__ import annotations

import io

from bot.domain.pulse import Pulse
from bot.i18n import t
from bot.views.pulse_files import week_name

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8.0, 4.5, 100
#: A colour per area (colour-blind-safe "tab10" order); past ten areas a hatch tells apart.
COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
HATCHES = ("", "//", "..", "xx")


def activity_chart(lang: str, pulse: Pulse) -> bytes:
    """A PNG of `pulse.activity`: a bar per area in each week, weeks on the x axis, a title
    and a legend in `lang`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    weeks = pulse.activity
    areas = [area.area for area in pulse.areas]
    for week in weeks:  # an area in the weeks but not in the period's list still gets a line
        areas += [name for name, _ in week.per_area if name not in areas]
    labels = [week_name(lang, week.week) for week in weeks]
    title = t(
        lang,
        "pulse_file.chart_title",
        first=labels[0] if labels else "",
        last=labels[-1] if labels else "",
    )
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    group = 0.8  # of each week's slot, shared by its bars
    width = group / max(len(areas), 1)
    highest = 0
    for i, name in enumerate(areas):
        counts = [dict(week.per_area).get(name, 0) for week in weeks]
        highest = max([highest, *counts])
        offset = -group / 2 + width * (i + 0.5)
        bars = axes.bar(
            [x + offset for x in range(len(weeks))],
            counts,
            width=width,
            label=name,
            color=COLOURS[i % len(COLOURS)],
            hatch=HATCHES[(i // len(COLOURS)) % len(HATCHES)],
        )
        axes.bar_label(bars, labels=[str(n) if n else "" for n in counts], fontsize=8, padding=1)
    axes.set_title(title, fontsize=13, pad=28)
    axes.set_ylabel(t(lang, "pulse_file.chart_ylabel"), fontsize=9)
    axes.set_xticks(range(len(weeks)), labels, fontsize=9)
    axes.set_ylim(bottom=0, top=max(highest, 1) * 1.12)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    if areas:
        axes.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=min(len(areas), 6),
            fontsize=9,
            frameon=False,
        )
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(
        out,
        format="png",
        dpi=DPI,
        metadata={"Title": title, "Description": ", ".join(areas)},
    )
    return out.getvalue()
