"""Sparring in Slack: the question modal, the post the ambassadors see, the asker's receipt."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.guides import Tool
from bot.domain.sparring import Routing
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.sparring import QUESTION_MAX
from bot.views.blocks import FIELD, Block, context, option, plain, section, shorten, text_input
from bot.views.network import mentions

CALLBACK_ID = "sparring_ask"
OPTIONS_MAX = 100


def _tool_option(tool: Tool) -> dict[str, Any]:
    return option(tool.name, str(tool.id))


def sparring_modal(
    lang: str,
    tools: list[Tool],
    *,
    question: str = "",
    tool_id: int | None = None,
    channel_id: str | None = None,
) -> dict[str, Any]:
    chosen = next((tool for tool in tools if tool.id == tool_id), None)
    offered = [tool for tool in tools if tool is not chosen][: OPTIONS_MAX - (1 if chosen else 0)]
    if chosen:
        offered.insert(0, chosen)
    blocks: list[Block] = [
        text_input(
            "question",
            t(lang, "sparring.question"),
            max_length=QUESTION_MAX,
            initial=question.strip(),
            multiline=True,
            hint=t(lang, "sparring.question_hint"),
        )
    ]
    if offered:
        menu: dict[str, Any] = {
            "type": "static_select",
            "action_id": FIELD,
            "placeholder": plain(t(lang, "sparring.tool_placeholder")),
            "options": [_tool_option(tool) for tool in offered],
        }
        if chosen:
            menu["initial_option"] = _tool_option(chosen)
        blocks.append(
            {
                "type": "input",
                "block_id": "tool",
                "optional": True,
                "label": plain(t(lang, "sparring.tool")),
                "element": menu,
            }
        )
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": plain(t(lang, "sparring.modal_title")),
        "submit": plain(t(lang, "sparring.submit")),
        "close": plain(t(lang, "sparring.close")),
        "private_metadata": json.dumps({"channel": channel_id}),
        "blocks": blocks,
    }


def _quoted(text: str) -> str:
    return "\n".join(f">{line}" for line in escape(text).split("\n"))


def question_post(lang: str, routing: Routing, *, direct: bool) -> dict[str, Any]:
    """What the ambassadors read; `direct` when it reaches them by DM (no sparring channel)."""
    question = routing.question
    where = []
    if question.daycare:
        where.append(escape(question.daycare.name))
    if question.area:
        where.append(t(lang, "sparring.area", area=escape(question.area.name)))
    asker = f"<@{question.asker_slack_id}>"
    intro = t(lang, "sparring.post_intro", asker=asker)
    if where:
        intro += f" ({', '.join(where)})"
    blocks: list[Block] = [section(intro + "\n" + _quoted(question.text))]
    facts = []
    if question.tool:
        facts.append(t(lang, "sparring.post_tool", tool=escape(question.tool.name)))
    if routing.recipients and not direct:
        facts.append(t(lang, "sparring.post_for", people=mentions(routing.recipients)))
    if facts:
        blocks.append(section("\n".join(facts)))
    if routing.area_without_ambassador and question.area:
        blocks.append(context(t(lang, "sparring.gap", area=escape(question.area.name))))
    if direct:
        blocks.append(context(t(lang, "sparring.post_direct", asker=asker)))
    else:
        blocks.append(context(t(lang, "sparring.post_reply")))
    text = t(
        lang, "sparring.post_fallback", asker=asker, question=shorten(escape(question.text), 200)
    )
    return {"text": text, "blocks": blocks}


def receipt(lang: str, routing: Routing, *, channel_id: str | None) -> dict[str, Any]:
    """What the asker is told privately: where the question went, and who will see it."""
    who = mentions(routing.recipients) or t(lang, "sparring.nobody")
    if channel_id:
        text = t(lang, "sparring.receipt_channel", channel=f"<#{channel_id}>", people=who)
    else:
        text = t(lang, "sparring.receipt_direct", people=who)
    return {"text": text, "blocks": [section(text)]}
