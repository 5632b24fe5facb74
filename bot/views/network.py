"""`/tovholder network` as a message: the area's ambassadors and daycares, and the gaps."""

from __future__ import annotations

from bot.domain.network import AreaCoverage, AreaNetwork, NetworkAnswer
from bot.domain.org import Person
from bot.i18n import t
from bot.views.adoption import daycare_tool_lines
from bot.views.blocks import shorten
from bot.views.model import Context, Divider, Heading, Message, Part, Text
from bot.views.text import literal, mention


def mentions(people: tuple[Person, ...] | list[Person]) -> str:
    return ", ".join(mention(p.id) for p in people)


def network_message(lang: str, answer: NetworkAnswer) -> Message:
    if answer.not_registered:
        who = mentions(answer.coordinators) or t(lang, "network.no_coordinator")
        text = t(lang, "network.not_registered", coordinators=who)
        return Message(text, (Text(text),))
    if answer.unknown_query is not None:
        text = t(
            lang,
            "network.unknown",
            query=literal(shorten(answer.unknown_query, 80)),
            areas=literal(", ".join(answer.known_places)) or "–",
        )
        return Message(text, (Text(text),))
    if not answer.areas:
        text = t(lang, "network.empty")
        return Message(text, (Text(text),))

    parts: list[Part] = []
    if answer.focus is not None:
        area = answer.areas[0].area
        daycare = literal(answer.focus.name)
        parts.append(Text(t(lang, "network.focus", daycare=daycare, area=literal(area.name))))
        tools = daycare_tool_lines(lang, answer.focus_tools)
        lines = (
            [t(lang, "adoption.daycare_tools", daycare=daycare), *tools]
            if tools
            else [t(lang, "adoption.daycare_no_tools", daycare=daycare)]
        )
        parts.append(Text("\n".join(lines)))
    if len(answer.areas) == 1:
        parts += _area_parts(lang, answer.areas[0])
    else:
        parts.append(Heading(t(lang, "network.overview_header")))
        parts.append(Text("\n".join(_area_line(lang, area) for area in answer.areas)))
    if answer.coverage:
        parts.append(Divider())
        parts += _coverage_parts(lang, answer.coverage)
    fallback = t(lang, "network.fallback", areas=", ".join(a.area.name for a in answer.areas))
    return Message(fallback, tuple(parts))


def _area_parts(lang: str, network: AreaNetwork) -> list[Part]:
    ambassadors = mentions(network.ambassadors) or t(lang, "network.none_yet")
    lines = [
        t(
            lang,
            "network.daycare_line",
            daycare=literal(line.daycare.name),
            superusers=mentions(line.superusers) or t(lang, "network.no_superuser"),
        )
        for line in network.daycares
    ]
    return [
        Heading(t(lang, "network.area_header", area=network.area.name)),
        Text(t(lang, "network.ambassadors", names=ambassadors)),
        Text("\n".join([t(lang, "network.daycares"), *lines])),
    ]


def _area_line(lang: str, network: AreaNetwork) -> str:
    return t(
        lang,
        "network.area_line",
        area=literal(network.area.name),
        ambassadors=mentions(network.ambassadors) or t(lang, "network.none_yet"),
        daycares=len(network.daycares),
    )


def _coverage_parts(lang: str, coverage: tuple[AreaCoverage, ...]) -> list[Part]:
    counts = [
        t(
            lang,
            "network.coverage_line",
            area=literal(c.area.name),
            ambassadors=c.ambassadors,
            daycares=c.daycares,
        )
        for c in coverage
    ]
    gaps = [
        t(lang, "network.gap_no_ambassador", area=literal(c.area.name))
        for c in coverage
        if not c.ambassadors
    ]
    gaps += [
        t(lang, "network.gap_no_superuser", daycare=literal(d.name), area=literal(c.area.name))
        for c in coverage
        for d in c.without_superuser
    ]
    shown: Part = (
        Text("\n".join(f"⚠️ {gap}" for gap in gaps)) if gaps else Context(t(lang, "network.no_gaps"))
    )
    return [Text(t(lang, "network.coverage_header")), Text("\n".join(counts)), shown]
