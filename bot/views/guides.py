"""A guide as every front end shows it: the card (purpose first), the whole guide, its
history — neutral messages (`bot.views.model`).

The guide's words are the ambassadors' own: its title, purpose and names go in through
`literal`, its body (Markdown they formatted) through `markdown`, which keeps the formatting
and mentions nobody. A guide too long for one message is split into parts and messages,
numbered, never cut.
"""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from bot.domain.actors import CLI
from bot.domain.adoption import AdoptionState
from bot.domain.guides import GuideDetail, GuideSummary, GuideVersion
from bot.i18n import either, t
from bot.services.guides import Helpful
from bot.services.search import FaqEntry
from bot.services.tool_guide import GuideCard, NoMatch, SearchAnswer
from bot.views.adoption import IN_USE, OTHER, STARTED, STOPPED, adoption_line, place_value
from bot.views.blocks import any_numbered, numbered, shorten
from bot.views.dates import local_day
from bot.views.decisions import decision_buttons
from bot.views.markdown import card_steps, split_for_sections, without_empty_headings
from bot.views.model import (
    Actions,
    Button,
    Context,
    Divider,
    Element,
    Heading,
    Message,
    Option,
    Overflow,
    Part,
    Select,
    Text,
)
from bot.views.text import literal, markdown, mention
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

#: Parts of one message of the whole guide: a heading, the parts, "part n of m" (and "too
#: long" on the last), within the 50 a message holds.
MESSAGE_PARTS_MAX = 50
#: The Markdown in one part of the whole guide: room for the escaping a platform adds, so
#: every part stays one section of Slack's 3,000 characters.
PART_CHARS = 2500
#: How much of the steps the card shows before "show the whole guide".
EXCERPT_CHARS = 900
#: Buttons in the card's first row; everything else is in "Mere …".
FIRST_ROW = 4
#: Slack's limit of options in an overflow menu.
OVERFLOW_MAX = 5
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
    """The body as its ambassador formatted it, under "How to" unless they began it with a
    heading."""
    kept = markdown(body)
    if body.lstrip().startswith("#"):
        return kept
    return t(lang, "guide.steps") + "\n" + kept


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
    """The notification text (neutral Markdown, so the guide's words are literal)."""
    tool, title = detail.tool.name, detail.current.content.title
    if _begins_with(title, tool):
        return t(lang, "guide.fallback_titled", title=literal(title))
    return t(lang, "guide.fallback", tool=literal(tool), title=literal(title))


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
        parts.append(t(lang, "guide.owner", name=literal(detail.owner_name)))
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


def _more_menu(lang: str, more: list[CardAction]) -> Element:
    """One overflow menu; a select labelled "Mere …" when it holds more than five."""
    options = tuple(
        Option(label, _more_value(action_id, value)) for label, action_id, value in more
    )
    if len(options) <= OVERFLOW_MAX:
        return Overflow(MORE, options)
    return Select(MORE, t(lang, "guide.more"), options)


def _button(label: str, action_id: str, value: str) -> Button:
    return Button(action_id, label, value, style="primary" if action_id == SHOW else None)


def card_parts(
    lang: str, card: GuideCard, tz: ZoneInfo, *, shared_by: int | None = None
) -> list[Part]:
    """Purpose, the first steps, labels and facts, and the buttons.

    A card shared in a channel (`shared_by`) is the short card: purpose, the first steps and
    one button to read the whole guide — the rest is the sharer's, not the channel's.
    """
    detail = card.detail
    content = detail.current.content
    parts: list[Part] = [Heading(_title(detail))]
    if shared_by is not None:
        parts.append(Context(t(lang, "guide.shared_by", user=mention(shared_by))))
    parts.append(Text(t(lang, "guide.purpose") + "\n" + literal(content.purpose)))
    steps, more_follows = card_steps(content.body) if content.body else ("", False)
    body = split_for_sections(_steps(lang, steps), EXCERPT_CHARS) if steps else []
    if body:
        parts.append(Text(body[0]))
    if more_follows or len(body) > 1:
        parts.append(Context(t(lang, "guide.continues")))
    if shared_by is not None:
        parts.append(Actions((_button(t(lang, "guide.button.show"), SHOW, str(detail.guide.id)),)))
        return parts
    labels = labels_line(lang, content.themes, content.age_groups)
    if labels:
        parts.append(Context(labels))
    parts.append(Context(_facts(lang, card, tz)))
    evaluation = summary_line(lang, card.evaluation) if card.evaluation else None
    if evaluation:
        parts.append(Context(evaluation))
    if card.adoption is not None:
        parts.append(Context(adoption_line(lang, card.adoption)))
    first, more = card_actions(lang, card)
    elements: list[Element] = [_button(label, a, value) for label, a, value in first]
    if more:
        elements.append(_more_menu(lang, more))
    parts.append(Actions(tuple(elements)))
    return parts


def decide_message(lang: str, card: GuideCard) -> Message:
    """ "Ledelsens beslutning …" from "Mere …": Godkend / Stop / Spred, each behind a
    confirm dialog (a menu option cannot ask first, and a decision may start a spreading
    round that reaches every daycare)."""
    tool = card.detail.tool
    text = t(lang, "guide.decide")
    return Message(text, (Text(text), decision_buttons(lang, tool.id, tool.name)))


def _other_line(lang: str, summary: GuideSummary) -> Text:
    title = literal(shorten(summary.title, 150))
    if _begins_with(summary.title, summary.tool_name):
        named = f"**{title}**"
    else:
        named = f"**{literal(summary.tool_name)}**: {title}"
    button = Button(SHOW, t(lang, "guide.button.open"), str(summary.guide_id))
    return Text(f"{named}\n_{literal(shorten(summary.purpose, 200))}_", button)


#: How much of a saved answer the card shows; the whole guide has all of it.
FAQ_CHARS = 700


def faq_part(lang: str, entry: FaqEntry) -> Text:
    """The saved question and answer the search found the guide by, as the guide has it."""
    answer = shorten(entry.answer, FAQ_CHARS)
    return Text(
        t(lang, "guide.found_in_faq") + "\n" + markdown(f"**{entry.question}**\n\n{answer}")
    )


def search_message(lang: str, found: SearchAnswer, tz: ZoneInfo) -> Message:
    parts = card_parts(lang, found.best, tz)
    if found.faq is not None:  # right under the title: it is why this guide came first
        parts.insert(1, faq_part(lang, found.faq))
    if found.others:
        parts += [Divider(), Text(t(lang, "guide.others"))]
        parts += [_other_line(lang, other) for other in found.others]
    return Message(_fallback(lang, found.best.detail), tuple(parts))


def card_message(
    lang: str, card: GuideCard, tz: ZoneInfo, *, shared_by: int | None = None
) -> Message:
    return Message(
        _fallback(lang, card.detail), tuple(card_parts(lang, card, tz, shared_by=shared_by))
    )


def no_match_message(lang: str, missing: NoMatch) -> Message:
    query = literal(shorten(" ".join(missing.query.split()), 100))
    text = t(lang, "guide.no_match", query=query)
    parts: list[Part] = [Text(text)]
    if missing.closest:
        names = either(lang, [f"**{literal(name)}**" for name in missing.closest])
        parts.append(Text(t(lang, "guide.did_you_mean", names=names)))
        parts.append(
            Actions(
                tuple(
                    Button(numbered(SEARCH_NAME, number), name, name)
                    for number, name in enumerate(missing.closest)
                )
            )
        )
    parts.append(Text(t(lang, "guide.ask_instead")))
    ask = Button(ASK_NETWORK, t(lang, "guide.button.ask_network"), missing.query, style="primary")
    parts.append(Actions((ask,)))
    return Message(text, tuple(parts))


def whole_guide_messages(lang: str, detail: GuideDetail, *, max_messages: int) -> list[Message]:
    """The whole guide, in as many messages as it needs (each "part n of m").

    Only a guide longer than `max_messages` full messages (hundreds of pages) does not fit:
    its last message then says so and where to read the rest.
    """
    content = detail.current.content
    chunks = [t(lang, "guide.purpose") + "\n" + literal(content.purpose)]
    body = without_empty_headings(content.body) if content.body else ""
    if body:
        chunks.append(_steps(lang, body))
    labels = labels_line(lang, content.themes, content.age_groups)
    if labels:
        chunks.append(labels)
    texts = [part for chunk in chunks for part in split_for_sections(chunk, PART_CHARS)]
    per_message = MESSAGE_PARTS_MAX - 3  # a heading, "part n of m" and "too long"
    pages = [texts[i : i + per_message] for i in range(0, len(texts), per_message)]
    cut = len(pages) > max_messages
    pages = pages[:max_messages]
    messages = []
    for number, page in enumerate(pages, start=1):
        parts: list[Part] = [Heading(_title(detail)), *(Text(text) for text in page)]
        if len(pages) > 1 or cut:
            parts.append(Context(t(lang, "guide.part", number=number, count=len(pages))))
        if cut and number == len(pages):
            parts.append(Context(t(lang, "guide.too_long_to_show")))
        messages.append(Message(_fallback(lang, detail), tuple(parts)))
    return messages


def author(lang: str, version: GuideVersion, names: Mapping[int, str]) -> str:
    """Who wrote a version, as people say it: their name, "importeret fra fil" for a file
    imported with `tovholder guides import`, "en tidligere ambassadør" for an erased editor
    (no person, written in the chat), "en, der ikke længere er med" for someone who is not in
    the organisation; never an id (neutral Markdown: a name is literal)."""
    if version.edited_by is not None and version.edited_by in names:
        return literal(names[version.edited_by])
    if version.via == CLI:
        return t(lang, "guide.author.file")
    if version.edited_by is None:
        return t(lang, "guide.author.former")
    return t(lang, "guide.author.unknown")


def history_message(
    lang: str,
    detail: GuideDetail,
    versions: list[GuideVersion],
    tz: ZoneInfo,
    names: Mapping[int, str],
) -> Message:
    """Versions, newest first; `names` are the authors' names by person id."""
    lines = [
        t(
            lang,
            "guide.history_line",
            version=version.version,
            day=local_day(lang, version.edited_at, tz),
            who=author(lang, version, names),
            title=literal(shorten(version.content.title, 100)),
        )
        for version in versions[:HISTORY_SHOWN]
    ]
    if len(versions) > HISTORY_SHOWN:
        lines.append(t(lang, "guide.history_more", count=len(versions) - HISTORY_SHOWN))
    text = t(lang, "guide.history_header", title=literal(_title(detail)))
    return Message(text, (Text(text), Text("\n".join(lines))))


def helpful_message(lang: str, marked: Helpful) -> Message:
    """Thanks for a first click, one person or several; a repeat click is not thanked again."""
    if not marked.counted:
        text = t(lang, "guide.helpful_already")
    elif marked.count == 1:
        text = t(lang, "guide.helpful_thanks_first")
    else:
        text = t(lang, "guide.helpful_thanks", count=marked.count)
    return Message(text, (Text(text),))
