"""A guide as Slack shows it: the card (purpose first), the whole guide, its history.

All guide text is the ambassadors' own and goes through `to_mrkdwn`, which escapes it. A
guide too long for one message is split across sections and messages, numbered, never cut.
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.adoption import AdoptionState
from bot.domain.guides import GuideDetail, GuideSummary, GuideVersion
from bot.i18n import either, t
from bot.mrkdwn import escape
from bot.services.gdpr import CLI, FORMER_AMBASSADOR
from bot.services.guides import Helpful
from bot.services.search import FaqEntry
from bot.services.tool_guide import GuideCard, NoMatch, SearchAnswer
from bot.views.adoption import IN_USE, OTHER, STARTED, STOPPED, adoption_line, place_value
from bot.views.blocks import (
    Block,
    actions,
    any_numbered,
    button,
    context,
    divider,
    header,
    numbered,
    option,
    plain,
    section,
    sections,
    shorten,
)
from bot.views.dates import local_day
from bot.views.decisions import decision_buttons
from bot.views.markdown import split_for_sections, to_mrkdwn
from bot.views.tool_tests import START as START_TEST
from bot.views.tool_tests import SUMMARY, summary_line
from bot.views.trainings import PLAN

SHOW = "guide_show"
SHARE = "guide_share"
HELPFUL = "guide_helpful"
SPARRING = "guide_sparring"
EDIT = "guide_edit"
HISTORY = "guide_history"
#: "Mere …": one overflow menu (a select when it holds more than five) on the card.
MORE = "guide_more"
MORE_SEP = "|"
#: "Ledelsens beslutning …" in the menu: the decision buttons, each asking first.
DECIDE = "guide_decide"
SEARCH_NAME = "guide_search_name"
#: "Mente du …?": one button per close name, numbered, in one actions block.
SEARCH_NAME_ACTIONS = any_numbered(SEARCH_NAME)
ASK_NETWORK = "sparring_ask"

MESSAGE_BLOCKS_MAX = 50
#: How much of the steps the card shows before "show the whole guide".
EXCERPT_CHARS = 900
#: The steps the card shows; the whole guide has the rest.
STEPS_SHOWN = 3
#: Buttons in the card's first row; everything else is in "Mere …".
FIRST_ROW = 4
#: Slack's limit of options in an overflow menu.
OVERFLOW_MAX = 5
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


# -- what of the body the card shows ------------------------------------------------------

_MD_FENCE = re.compile(r" {0,3}```")
_MD_HEADING = re.compile(r" {0,3}(?P<level>#{1,6})[ \t]+\S")
_MD_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def _kinds(lines: list[str]) -> list[str]:
    """Each line as "heading", "item" (a list item at the left margin), "blank", "indented"
    or "text"; lines in a code block are text, whatever they look like."""
    kinds, in_code = [], False
    for line in lines:
        if _MD_FENCE.match(line):
            in_code = not in_code
            kinds.append("text")
        elif in_code:
            kinds.append("text")
        elif _MD_HEADING.match(line):
            kinds.append("heading")
        elif _MD_ITEM.match(line):
            kinds.append("item")
        elif not line.strip():
            kinds.append("blank")
        else:
            kinds.append("indented" if line[:1] in (" ", "\t") else "text")
    return kinds


def _level(line: str) -> int:
    found = _MD_HEADING.match(line)
    return len(found["level"]) if found else 0


def _without_empty_headings(body: str) -> str:
    """The body without headings that have nothing under them before the next heading of
    the same or a higher level (an ambassador's unfinished "## Tips"). Read from the end, so
    a heading left empty by an empty subheading goes too."""
    lines = body.split("\n")
    kept: list[str] = []
    #: What comes next among the lines kept: a heading's level, 0 for text, None for nothing.
    following: int | None = None
    for line, kind in zip(reversed(lines), reversed(_kinds(lines)), strict=True):
        if kind == "heading":
            level = _level(line)
            if following is None or 0 < following <= level:
                continue
            following = level
        elif kind != "blank":
            following = 0
        kept.append(line)
    return "\n".join(reversed(kept)).strip("\n")


def card_steps(body: str, count: int = STEPS_SHOWN) -> tuple[str, bool]:
    """The Markdown the card shows of a body, and whether the guide has more.

    The first list is the steps: its heading, any words before it, and its first `count`
    items. A body without a list shows its first section (the card cuts that to length).
    """
    lines = _without_empty_headings(body).split("\n")
    kinds = _kinds(lines)
    first_item = next((i for i, kind in enumerate(kinds) if kind == "item"), None)
    if first_item is None:
        start = 0
        end = next(
            (
                i
                for i, kind in enumerate(kinds)
                if kind == "heading" and any(k not in ("blank", "heading") for k in kinds[:i])
            ),
            len(lines),
        )
    else:
        start = next((i for i in range(first_item, -1, -1) if kinds[i] == "heading"), 0)
        end, items = first_item, 0
        while end < len(lines):
            kind = kinds[end]
            if kind == "item":
                items += 1
            if items > count or kind == "heading":
                break
            if kind == "text" and kinds[end - 1] == "blank":
                break  # the list has ended
            end += 1
    shown = "\n".join(lines[start:end]).strip("\n")
    rest = kinds[:start] + kinds[end:]
    return shown, any(kind not in ("blank", "heading") for kind in rest)


# -- the title ----------------------------------------------------------------------------


def _display_title(tool: str, title: str) -> str:
    """ "Tool: title", or the title alone when it already begins with the tool's name (so
    "QR-koder på legepladsen – …" is not shown as "QR-koder på legepladsen: QR-koder …")."""
    if _begins_with(title, tool):
        return title
    return f"{tool}: {title}"


def _begins_with(title: str, name: str) -> bool:
    head, rest = title[: len(name)], title[len(name) :]
    return bool(name) and head.casefold() == name.casefold() and not rest[:1].isalnum()


def _title(detail: GuideDetail) -> str:
    return _display_title(detail.tool.name, detail.current.content.title)


def _fallback(lang: str, detail: GuideDetail) -> str:
    """The notification text: Slack parses it like mrkdwn, so the guide's words are escaped."""
    tool, title = detail.tool.name, detail.current.content.title
    if _begins_with(title, tool):
        return t(lang, "guide.fallback_titled", title=escape(title))
    return t(lang, "guide.fallback", tool=escape(tool), title=escape(title))


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


# -- the buttons --------------------------------------------------------------------------

#: (label, action_id, value): one thing the card lets the reader do.
CardAction = tuple[str, str, str]
#: Adoption states a superuser may choose for their daycare, and the action each one is.
OWN_ACTIONS: dict[AdoptionState, tuple[str, str]] = {
    "getting_started": ("adoption.button.started", STARTED),
    "in_use": ("adoption.button.in_use", IN_USE),
    "stopped": ("adoption.button.stopped", STOPPED),
}


def _more_value(action_id: str, value: str) -> str:
    """An option of "Mere …": the button it stands for and that button's value."""
    return f"{action_id}{MORE_SEP}{value}"


def parse_more(value: str) -> tuple[str, str] | None:
    action_id, sep, rest = value.partition(MORE_SEP)
    return (action_id, rest) if sep and action_id else None


def card_actions(lang: str, card: GuideCard) -> tuple[list[CardAction], list[CardAction]]:
    """The reader's first row (at most `FIRST_ROW` buttons, the most useful first) and what
    goes in "Mere …". Reading, asking, sharing and thanking come first for everyone; the
    work of ambassadors, the coordinator and leaders is in the menu, and only when the tool's
    state allows it (`GuideCard.offers_*`)."""
    detail = card.detail
    guide_id, tool_id = str(detail.guide.id), str(detail.tool.id)
    first: list[CardAction] = [(t(lang, "guide.button.show"), SHOW, guide_id)]
    if card.can_ask:
        first.append((t(lang, "guide.button.sparring"), SPARRING, guide_id))
    first += [
        (t(lang, "guide.button.share"), SHARE, guide_id),
        (t(lang, "guide.button.helpful"), HELPFUL, guide_id),
    ]
    if card.evaluation is not None and summary_line(lang, card.evaluation):
        first.append((t(lang, "guide.button.results"), SUMMARY, tool_id))
    more = first[FIRST_ROW:]
    adoption = card.adoption
    if adoption is not None and adoption.own_daycare_id is not None:
        place = place_value(adoption.own_daycare_id, detail.tool.id)
        for state in card.own_choices:
            key, action_id = OWN_ACTIONS[state]
            more.append((t(lang, key), action_id, place))
    if card.can_edit:
        more.append((t(lang, "guide.button.edit"), EDIT, guide_id))
    if card.offers_test:
        more.append((t(lang, "guide.button.start_test"), START_TEST, tool_id))
    if card.offers_set_for_others:
        more.append((t(lang, "adoption.button.other"), OTHER, tool_id))
    if card.offers_training:
        more.append((t(lang, "training.button.plan"), PLAN, tool_id))
    if card.can_edit:
        more.append((t(lang, "guide.button.history"), HISTORY, guide_id))
    if card.offers_decisions:
        more.append((t(lang, "guide.button.decide"), DECIDE, guide_id))
    return first[:FIRST_ROW], more


def _more_menu(lang: str, more: list[CardAction]) -> dict[str, Any]:
    """One overflow menu; a select labelled "Mere …" when it holds more than Slack's five."""
    options = [option(label, _more_value(action_id, value)) for label, action_id, value in more]
    if len(options) <= OVERFLOW_MAX:
        return {"type": "overflow", "action_id": MORE, "options": options}
    return {
        "type": "static_select",
        "action_id": MORE,
        "placeholder": plain(t(lang, "guide.more")),
        "options": options,
    }


def card_blocks(
    lang: str, card: GuideCard, tz: ZoneInfo, *, shared_by: str | None = None
) -> list[Block]:
    """Purpose, the first steps, labels and facts, and the buttons.

    A card shared in a channel (`shared_by`) is the short card: purpose, the first steps and
    one button to read the whole guide — the rest is the sharer's, not the channel's.
    """
    detail = card.detail
    content = detail.current.content
    blocks: list[Block] = [header(_title(detail))]
    if shared_by:
        blocks.append(context(t(lang, "guide.shared_by", user=f"<@{shared_by}>")))
    purpose = split_for_sections(escape(content.purpose))
    blocks.append(section(t(lang, "guide.purpose") + "\n" + purpose[0]))
    blocks += [section(part) for part in purpose[1:]]
    steps, more_follows = card_steps(content.body) if content.body else ("", False)
    body = split_for_sections(_steps(lang, steps), EXCERPT_CHARS) if steps else []
    if body:
        blocks.append(section(body[0]))
    if more_follows or len(body) > 1:
        blocks.append(context(t(lang, "guide.continues")))
    if shared_by:
        show = button(t(lang, "guide.button.show"), SHOW, str(detail.guide.id), primary=True)
        blocks.append(actions(show))
        return blocks
    labels = labels_line(lang, content.themes, content.age_groups)
    if labels:
        blocks.append(context(shorten(labels, CONTEXT_MAX)))
    blocks.append(context(shorten(_facts(lang, card, tz), CONTEXT_MAX)))
    evaluation = summary_line(lang, card.evaluation) if card.evaluation else None
    if evaluation:
        blocks.append(context(evaluation))
    if card.adoption is not None:
        blocks.append(context(shorten(adoption_line(lang, card.adoption), CONTEXT_MAX)))
    first, more = card_actions(lang, card)
    elements = [button(label, a, value, primary=a == SHOW) for label, a, value in first]
    if more:
        elements.append(_more_menu(lang, more))
    blocks.append(actions(*elements))
    return blocks


def decide_message(lang: str, card: GuideCard) -> dict[str, Any]:
    """ "Ledelsens beslutning …" from "Mere …": Godkend / Stop / Spred, each behind Slack's
    confirm dialog (a menu option cannot ask first, and a decision may start a spreading
    round that reaches every daycare)."""
    tool = card.detail.tool
    text = t(lang, "guide.decide")
    return {"text": text, "blocks": [section(text), decision_buttons(lang, tool.id, tool.name)]}


def _other_line(lang: str, summary: GuideSummary) -> Block:
    title = escape(shorten(summary.title, 150))
    if _begins_with(summary.title, summary.tool_name):
        named = f"*{title}*"
    else:
        named = f"*{escape(summary.tool_name)}*: {title}"
    block = section(f"{named}\n_{escape(shorten(summary.purpose, 200))}_")
    block["accessory"] = button(t(lang, "guide.button.open"), SHOW, str(summary.guide_id))
    return block


#: How much of a saved answer the card shows; the whole guide has all of it.
FAQ_CHARS = 700


def faq_block(lang: str, entry: FaqEntry) -> Block:
    """The saved question and answer the search found the guide by, as the guide has it."""
    answer = shorten(entry.answer, FAQ_CHARS)
    return section(
        t(lang, "guide.found_in_faq") + "\n" + to_mrkdwn(f"**{entry.question}**\n\n{answer}")
    )


def search_message(lang: str, found: SearchAnswer, tz: ZoneInfo) -> dict[str, Any]:
    blocks = card_blocks(lang, found.best, tz)
    if found.faq is not None:  # right under the title: it is why this guide came first
        blocks.insert(1, faq_block(lang, found.faq))
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
    body = _without_empty_headings(content.body) if content.body else ""
    if body:
        chunks.append(_steps(lang, body))
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


def author(lang: str, edited_by: str | None, names: dict[str, str]) -> str:
    """Who wrote a version, as people say it: their name, "importeret fra fil" for a file
    imported with `tovholder guides import`, "kommandolinjen" for another CLI author, never
    a Slack id or an internal marker (escaped, for mrkdwn)."""
    if edited_by and edited_by in names:
        return escape(names[edited_by])
    if edited_by == CLI or (edited_by or "").startswith(CLI + ":import"):
        return t(lang, "guide.author.file")
    if (edited_by or "").startswith(CLI + ":"):
        return t(lang, "guide.author.cli")
    if edited_by == FORMER_AMBASSADOR:
        return t(lang, "guide.author.former")
    return t(lang, "guide.author.unknown")


def history_message(
    lang: str,
    detail: GuideDetail,
    versions: list[GuideVersion],
    tz: ZoneInfo,
    names: dict[str, str],
) -> dict[str, Any]:
    """Versions, newest first; `names` are the authors' names by the id each is kept under."""
    lines = [
        t(
            lang,
            "guide.history_line",
            version=version.version,
            day=local_day(lang, version.edited_at, tz),
            who=author(lang, version.edited_by, names),
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
