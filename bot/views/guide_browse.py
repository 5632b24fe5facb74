"""`/tool-guide` with no words: every guide, recommended tools first, narrowed by menus."""

from __future__ import annotations

from bot.domain.guides import GuideSummary
from bot.i18n import t
from bot.services.tool_guide import BrowseAnswer
from bot.views.blocks import shorten
from bot.views.guides import SHOW
from bot.views.model import (
    Actions,
    Button,
    Context,
    Element,
    Heading,
    Message,
    Option,
    Part,
    Select,
    Text,
)
from bot.views.text import literal

BY_CATEGORY = "browse_category"
BY_THEME = "browse_theme"
BY_AGE_GROUP = "browse_age_group"
SHOW_ALL = "browse_all"
#: "See the guides" outside a browse list (the welcome): the list comes as a new message.
OPEN = "browse_open"
#: The menus' action ids and the filter each one sets.
FILTERS = {BY_CATEGORY: "category", BY_THEME: "theme", BY_AGE_GROUP: "age_group"}
#: Guide lines per message: 50 blocks minus the header, intro, menus and the "more" line.
LINES_MAX = 44


def _line(lang: str, guide: GuideSummary) -> Text:
    status = t(lang, f"tool_status.{guide.tool_status}")
    return Text(
        f"**{literal(guide.tool_name)}** · _{status}_\n"
        f"{literal(shorten(guide.title, 150))}: {literal(shorten(guide.purpose, 180))}",
        accessory=Button(SHOW, t(lang, "guide.button.open"), str(guide.guide_id)),
    )


def _narrowed_label(lang: str, kind: str, value: str) -> str:
    if kind == "theme":
        return t(lang, f"theme.{value}")
    if kind == "age_group":
        return t(lang, f"age_group.{value}")
    return literal(value)


def browse_message(lang: str, found: BrowseAnswer) -> Message:
    parts: list[Part] = [Heading(t(lang, "browse.header")), Text(t(lang, "browse.intro"))]
    menus: list[Element] = []
    if found.categories:
        menus.append(
            Select(
                BY_CATEGORY,
                t(lang, "browse.by_category"),
                tuple(Option(name, name) for name in found.categories),
            )
        )
    menus.append(
        Select(
            BY_THEME,
            t(lang, "browse.by_theme"),
            tuple(Option(t(lang, f"theme.{key}"), key) for key in found.themes),
        )
    )
    menus.append(
        Select(
            BY_AGE_GROUP,
            t(lang, "browse.by_age_group"),
            tuple(Option(t(lang, f"age_group.{key}"), key) for key in found.age_groups),
        )
    )
    if found.narrowed_by is not None:
        menus.append(Button(SHOW_ALL, t(lang, "browse.show_all"), "all"))
    parts.append(Actions(tuple(menus)))
    if found.narrowed_by is not None:
        kind, value = found.narrowed_by
        label = _narrowed_label(lang, kind, value)
        parts.append(Context(t(lang, "browse.narrowed", label=label, count=len(found.guides))))
    if not found.guides:
        parts.append(Text(t(lang, "browse.empty")))
    parts += [_line(lang, guide) for guide in found.guides[:LINES_MAX]]
    if len(found.guides) > LINES_MAX:
        parts.append(Context(t(lang, "browse.more", count=len(found.guides) - LINES_MAX)))
    return Message(t(lang, "browse.fallback", count=len(found.guides)), tuple(parts))
