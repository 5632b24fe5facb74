"""`/tovholder network` as a message: the area's ambassadors and daycares, and the gaps."""

from __future__ import annotations

from typing import Any

from bot.domain.network import AreaCoverage, AreaNetwork, NetworkAnswer
from bot.domain.org import Person
from bot.i18n import t
from bot.mrkdwn import escape
from bot.views.adoption import daycare_tool_lines
from bot.views.blocks import Block, context, divider, header, section, sections, shorten

MESSAGE_BLOCKS_MAX = 50


def mentions(people: tuple[Person, ...] | list[Person]) -> str:
    return ", ".join(f"<@{p.slack_user_id}>" for p in people)


def network_message(lang: str, answer: NetworkAnswer) -> dict[str, Any]:
    if answer.not_registered:
        who = mentions(answer.coordinators) or t(lang, "network.no_coordinator")
        text = t(lang, "network.not_registered", coordinators=who)
        return {"text": text, "blocks": [section(text)]}
    if answer.unknown_query is not None:
        text = t(
            lang,
            "network.unknown",
            query=escape(shorten(answer.unknown_query, 80)),
            areas=escape(", ".join(answer.known_places)) or "–",
        )
        return {"text": text, "blocks": [section(text)]}
    if not answer.areas:
        text = t(lang, "network.empty")
        return {"text": text, "blocks": [section(text)]}

    blocks: list[Block] = []
    if answer.focus is not None:
        area = answer.areas[0].area
        blocks.append(
            section(
                t(lang, "network.focus", daycare=escape(answer.focus.name), area=escape(area.name))
            )
        )
        tools = daycare_tool_lines(lang, answer.focus_tools)
        blocks += sections(
            [t(lang, "adoption.daycare_tools", daycare=escape(answer.focus.name)), *tools]
            if tools
            else [t(lang, "adoption.daycare_no_tools", daycare=escape(answer.focus.name))]
        )
    if len(answer.areas) == 1:
        blocks += _area_blocks(lang, answer.areas[0])
    else:
        blocks.append(header(t(lang, "network.overview_header")))
        blocks += sections([_area_line(lang, area) for area in answer.areas])
    if answer.coverage:
        blocks.append(divider())
        blocks += _coverage_blocks(lang, answer.coverage)
    fallback = t(lang, "network.fallback", areas=", ".join(a.area.name for a in answer.areas))
    return {"text": fallback, "blocks": blocks[:MESSAGE_BLOCKS_MAX]}


def _area_blocks(lang: str, network: AreaNetwork) -> list[Block]:
    ambassadors = mentions(network.ambassadors) or t(lang, "network.none_yet")
    lines = [
        t(
            lang,
            "network.daycare_line",
            daycare=escape(line.daycare.name),
            superusers=mentions(line.superusers) or t(lang, "network.no_superuser"),
        )
        for line in network.daycares
    ]
    return [
        header(t(lang, "network.area_header", area=network.area.name)),
        section(t(lang, "network.ambassadors", names=ambassadors)),
        *sections([t(lang, "network.daycares"), *lines]),
    ]


def _area_line(lang: str, network: AreaNetwork) -> str:
    return t(
        lang,
        "network.area_line",
        area=escape(network.area.name),
        ambassadors=mentions(network.ambassadors) or t(lang, "network.none_yet"),
        daycares=len(network.daycares),
    )


def _coverage_blocks(lang: str, coverage: tuple[AreaCoverage, ...]) -> list[Block]:
    counts = [
        t(
            lang,
            "network.coverage_line",
            area=escape(c.area.name),
            ambassadors=c.ambassadors,
            daycares=c.daycares,
        )
        for c in coverage
    ]
    gaps = [
        t(lang, "network.gap_no_ambassador", area=escape(c.area.name))
        for c in coverage
        if not c.ambassadors
    ]
    gaps += [
        t(lang, "network.gap_no_superuser", daycare=escape(d.name), area=escape(c.area.name))
        for c in coverage
        for d in c.without_superuser
    ]
    return [
        section(t(lang, "network.coverage_header")),
        *sections(counts),
        *(
            sections([f"⚠️ {gap}" for gap in gaps])
            if gaps
            else [context(t(lang, "network.no_gaps"))]
        ),
    ]
