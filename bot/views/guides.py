"""A guide as Slack shows it: the card (purpose first), the whole guide, its history.

All guide text is the ambassadors' own and goes through `to_mrkdwn`, which escapes it. A
guide too long for one message is split across sections and messages, numbered, never cut.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.guides import GuideDetail, GuideSummary, GuideVersion
from bot.i18n import either, t
from bot.mrkdwn import escape
from bot.services.guides import Helpful
from bot.services.tool_guide import GuideCard, NoMatch, SearchAnswer
from bot.views.adoption import adoption_buttons, adoption_line
from bot.views.blocks import (
    Block,
    actions,
    any_numbered,
    button,
    context,
    divider,
    header,
    numbered,
    section,
    sections,
    shorten,
)
from bot.views.dates import local_day
from bot.views.decisions import decision_buttons
from bot.views.markdown import split_for_sections, to_mrkdwn
from bot.views.tool_tests import START as START_TEST
from bot.views.tool_tests import SUMMARY, summary_line
from bot.views.trainings import plan_button

SHOW = "guide_show"
SHARE = "guide_share"
HELPFUL = "guide_helpful"
SPARRING = "guide_sparring"
EDIT = "guide_edit"
HISTORY = "guide_history"
SEARCH_NAME = "guide_search_name"
#: "Mente du …?": one button per close name, numbered, in one actions block.
SEARCH_NAME_ACTIONS = any_numbered(SEARCH_NAME)
ASK_NETWORK = "sparring_ask"

MESSAGE_BLOCKS_MAX = 50
#: How much of the steps the card shows before "show the whole guide".
EXCERPT_CHARS = 900
CONTEXT_MAX = 2000
HISTORY_SHOWN = 20


def labels_line(lang: str, themes: tuple[str, ...], age_groups: tuple[str, ...]) -> str:
    parts = []
    if themes:
        parts.append(
            t(lang, "guide.themes", themes=", ".join(t(lang, f"theme.{k}") for k in themes))
        )
    if age_groups:
        parts.append(
            t(lang, "guide.ages", ages=", ".join(t(lang, f"age_group.{k}") for k in age_groups))
        )
    return " · ".join(parts)


def _steps(lang: str, body: str) -> str:
    """The body in mrkdwn, under "How to" unless the ambassador began it with a heading."""
    converted = to_mrkdwn(body)
    if body.lstrip().startswith("#"):
        return converted
    return t(lang, "guide.steps") + "\n" + converted


def _title(detail: GuideDetail) -> str:
    return f"{detail.tool.name}: {detail.current.content.title}"


def _fallback(lang: str, detail: GuideDetail) -> str:
    """The notification text: Slack parses it like mrkdwn, so the guide's words are escaped."""
    return t(
        lang,
        "guide.fallback",
        tool=escape(detail.tool.name),
        title=escape(detail.current.content.title),
    )


def _facts(lang: str, card: GuideCard, tz: ZoneInfo) -> str:
    detail = card.detail
    parts = [t(lang, "guide.status", status=t(lang, f"tool_status.{detail.tool.status}"))]
    if card.decision is not None:
        parts.append(
            t(
                lang,
                "guide.decision",
                decision=t(lang, f"decision.{card.decision.decision}"),
                day=local_day(lang, card.decision.decided_on, tz),
            )
        )
    if detail.owner_name:
        parts.append(t(lang, "guide.owner", name=escape(detail.owner_name)))
    checked = detail.guide.verified_at or detail.current.edited_at
    parts.append(t(lang, "guide.checked", day=local_day(lang, checked, tz)))
    if detail.guide.helpful_count:
        parts.append(t(lang, "guide.helpful_count", count=detail.guide.helpful_count))
    return " · ".join(parts)


def card_blocks(
    lang: str, card: GuideCard, tz: ZoneInfo, *, shared_by: str | None = None
) -> list[Block]:
    """Purpose, the first steps, labels and facts, and the buttons.

    A card shared in a channel (`shared_by`) is read by many: it keeps the buttons anyone may
    use and drops "share" and "edit".
    """
    detail = card.detail
    content = detail.current.content
    guide_id = str(detail.guide.id)
    blocks: list[Block] = [header(_title(detail))]
    if shared_by:
        blocks.append(context(t(lang, "guide.shared_by", user=f"<@{shared_by}>")))
    purpose = split_for_sections(escape(content.purpose))
    blocks.append(section(t(lang, "guide.purpose") + "\n" + purpose[0]))
    blocks += [section(part) for part in purpose[1:]]
    body = split_for_sections(_steps(lang, content.body), EXCERPT_CHARS) if content.body else []
    if body:
        blocks.append(section(body[0]))
        if len(body) > 1:
            blocks.append(context(t(lang, "guide.continues")))
    labels = labels_line(lang, content.themes, content.age_groups)
    if labels:
        blocks.append(context(shorten(labels, CONTEXT_MAX)))
    blocks.append(context(shorten(_facts(lang, card, tz), CONTEXT_MAX)))
    evaluation = summary_line(lang, card.evaluation) if card.evaluation else None
    if evaluation:
        blocks.append(context(evaluation))
    if card.adoption is not None:
        line = adoption_line(lang, card.adoption, personal=not shared_by)
        blocks.append(context(shorten(line, CONTEXT_MAX)))
    buttons = [button(t(lang, "guide.button.show"), SHOW, guide_id, primary=True)]
    if not shared_by:
        buttons.append(button(t(lang, "guide.button.share"), SHARE, guide_id))
    buttons += [
        button(t(lang, "guide.button.sparring"), SPARRING, guide_id),
        button(t(lang, "guide.button.helpful"), HELPFUL, guide_id),
    ]
    tool_id = str(detail.tool.id)
    if evaluation:
        buttons.append(button(t(lang, "guide.button.results"), SUMMARY, tool_id))
    if card.can_edit and not shared_by:
        buttons += [
            button(t(lang, "guide.button.edit"), EDIT, guide_id),
            button(t(lang, "guide.button.history"), HISTORY, guide_id),
            button(t(lang, "guide.button.start_test"), START_TEST, tool_id),
        ]
    blocks.append(actions(*buttons))
    adopt = adoption_buttons(lang, card.adoption, detail.tool.id) if card.adoption else []
    if card.adoption is not None and card.adoption.sets_for_others:
        adopt.append(plan_button(lang, detail.tool.id))
    if adopt and not shared_by:
        blocks.append(actions(*adopt))
    if card.can_decide and not shared_by:
        blocks.append(context(t(lang, "guide.decide")))
        blocks.append(decision_buttons(lang, detail.tool.id, detail.tool.name))
    return blocks


def _other_line(lang: str, summary: GuideSummary) -> Block:
    block = section(
        f"*{escape(summary.tool_name)}*: {escape(shorten(summary.title, 150))}\n"
        f"_{escape(shorten(summary.purpose, 200))}_"
    )
    block["accessory"] = button(t(lang, "guide.button.open"), SHOW, str(summary.guide_id))
    return block


def search_message(lang: str, found: SearchAnswer, tz: ZoneInfo) -> dict[str, Any]:
    blocks = card_blocks(lang, found.best, tz)
    if found.others:
        blocks += [divider(), section(t(lang, "guide.others"))]
        blocks += [_other_line(lang, other) for other in found.others]
    return {"text": _fallback(lang, found.best.detail), "blocks": blocks}


def card_message(
    lang: str, card: GuideCard, tz: ZoneInfo, *, shared_by: str | None = None
) -> dict[str, Any]:
    return {
        "text": _fallback(lang, card.detail),
        "blocks": card_blocks(lang, card, tz, shared_by=shared_by),
    }


def no_match_message(lang: str, missing: NoMatch) -> dict[str, Any]:
    query = escape(shorten(" ".join(missing.query.split()), 100))
    text = t(lang, "guide.no_match", query=query)
    blocks: list[Block] = [section(text)]
    if missing.closest:
        names = either(lang, [f"*{escape(name)}*" for name in missing.closest])
        blocks.append(section(t(lang, "guide.did_you_mean", names=names)))
        blocks.append(
            actions(
                *(
                    button(name, numbered(SEARCH_NAME, number), name)
                    for number, name in enumerate(missing.closest)
                )
            )
        )
    blocks.append(section(t(lang, "guide.ask_instead")))
    blocks.append(
        actions(
            button(t(lang, "guide.button.ask_network"), ASK_NETWORK, missing.query, primary=True)
        )
    )
    return {"text": text, "blocks": blocks}


def whole_guide_messages(
    lang: str, detail: GuideDetail, *, max_messages: int
) -> list[dict[str, Any]]:
    """The whole guide, in as many messages as it needs (each "part n of m").

    Only a guide longer than `max_messages` full messages (hundreds of pages) does not fit:
    its last message then says so and where to read the rest.
    """
    content = detail.current.content
    chunks = [t(lang, "guide.purpose") + "\n" + escape(content.purpose)]
    if content.body:
        chunks.append(_steps(lang, content.body))
    labels = labels_line(lang, content.themes, content.age_groups)
    if labels:
        chunks.append(labels)
    parts = [part for chunk in chunks for part in split_for_sections(chunk)]
    per_message = MESSAGE_BLOCKS_MAX - 2  # a header and the "part n of m" line
    pages = [parts[i : i + per_message] for i in range(0, len(parts), per_message)]
    cut = len(pages) > max_messages
    pages = pages[:max_messages]
    messages = []
    for number, page in enumerate(pages, start=1):
        blocks: list[Block] = [header(_title(detail)), *(section(part) for part in page)]
        if len(pages) > 1 or cut:
            blocks.append(context(t(lang, "guide.part", number=number, count=len(pages))))
        if cut and number == len(pages):
            blocks.append(context(t(lang, "guide.too_long_for_slack")))
        messages.append({"text": _fallback(lang, detail), "blocks": blocks})
    return messages


def history_message(
    lang: str, detail: GuideDetail, versions: list[GuideVersion], tz: ZoneInfo
) -> dict[str, Any]:
    lines = [
        t(
            lang,
            "guide.history_line",
            version=version.version,
            day=local_day(lang, version.edited_at, tz),
            who=f"<@{version.edited_by}>"
            if version.edited_by and version.edited_by.startswith("U")
            else escape(version.edited_by or "–"),
            title=escape(shorten(version.content.title, 100)),
        )
        for version in versions[:HISTORY_SHOWN]
    ]
    if len(versions) > HISTORY_SHOWN:
        lines.append(t(lang, "guide.history_more", count=len(versions) - HISTORY_SHOWN))
    text = t(lang, "guide.history_header", title=escape(_title(detail)))
    return {"text": text, "blocks": [section(text), *sections(lines)]}


def helpful_message(lang: str, marked: Helpful) -> dict[str, Any]:
    """Thanks for a first click, one person or several; a repeat click is not thanked again."""
    if not marked.counted:
        text = t(lang, "guide.helpful_already")
    elif marked.count == 1:
        text = t(lang, "guide.helpful_thanks_first")
    else:
        text = t(lang, "guide.helpful_thanks", count=marked.count)
    return {"text": text, "blocks": [section(text)]}
