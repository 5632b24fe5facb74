"""`/tool-guide` with no words: every guide, recommended tools first, narrowed by menus."""

from __future__ import annotations

from typing import Any

from bot.domain.guides import GuideSummary
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.tool_guide import BrowseAnswer
from bot.views.blocks import Block, actions, button, context, header, option, section, shorten
from bot.views.guides import SHOW

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
OPTIONS_MAX = 100


def _menu(action_id: str, placeholder: str, options: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": {"type": "plain_text", "text": shorten(placeholder, 150)},
        "options": options[:OPTIONS_MAX],
    }


def _line(lang: str, guide: GuideSummary) -> Block:
    status = t(lang, f"tool_status.{guide.tool_status}")
    block = section(
        f"*{escape(guide.tool_name)}* · _{status}_\n"
        f"{escape(shorten(guide.title, 150))}: {escape(shorten(guide.purpose, 180))}"
    )
    block["accessory"] = button(t(lang, "guide.button.open"), SHOW, str(guide.guide_id))
    return block


def _narrowed_label(lang: str, kind: str, value: str) -> str:
    if kind == "theme":
        return t(lang, f"theme.{value}")
    if kind == "age_group":
        return t(lang, f"age_group.{value}")
    return escape(value)


def browse_message(lang: str, found: BrowseAnswer) -> dict[str, Any]:
    blocks: list[Block] = [header(t(lang, "browse.header")), section(t(lang, "browse.intro"))]
    menus = []
    if found.categories:
        menus.append(
            _menu(
                BY_CATEGORY,
                t(lang, "browse.by_category"),
                [option(name, name) for name in found.categories],
            )
        )
    menus.append(
        _menu(
            BY_THEME,
            t(lang, "browse.by_theme"),
            [option(t(lang, f"theme.{key}"), key) for key in found.themes],
        )
    )
    menus.append(
        _menu(
            BY_AGE_GROUP,
            t(lang, "browse.by_age_group"),
            [option(t(lang, f"age_group.{key}"), key) for key in found.age_groups],
        )
    )
    if found.narrowed_by is not None:
        menus.append(button(t(lang, "browse.show_all"), SHOW_ALL, "all"))
    blocks.append(actions(*menus))
    if found.narrowed_by is not None:
        kind, value = found.narrowed_by
        blocks.append(
            context(
                t(
                    lang,
                    "browse.narrowed",
                    label=_narrowed_label(lang, kind, value),
                    count=len(found.guides),
                )
            )
        )
    if not found.guides:
        blocks.append(section(t(lang, "browse.empty")))
    blocks += [_line(lang, guide) for guide in found.guides[:LINES_MAX]]
    if len(found.guides) > LINES_MAX:
        blocks.append(context(t(lang, "browse.more", count=len(found.guides) - LINES_MAX)))
    return {"text": t(lang, "browse.fallback", count=len(found.guides)), "blocks": blocks}
