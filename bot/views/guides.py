"""A guide as Slack shows it: the card (purpose first), the whole guide, its history.

All guide text is the ambassadors' own and goes through `to_mrkdwn`, which escapes it. A
guide too long for one message is split across sections and messages, numbered, never cut.
"""

from __future__ import annotations

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
from bot.views.markdown import card_steps, split_for_sections, to_mrkdwn, without_empty_headings
from bot.views.model import Message, Text
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


def decide_message(lang: str, card: GuideCard) -> Message:
    """ "Ledelsens beslutning …" from "Mere …": Godkend / Stop / Spred, each behind a
    confirm dialog (a menu option cannot ask first, and a decision may start a spreading
    round that reaches every daycare)."""
    tool = card.detail.tool
    text = t(lang, "guide.decide")
    return Message(text, (Text(text), decision_buttons(lang, tool.id, tool.name)))


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
    body = without_empty_headings(content.body) if content.body else ""
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
