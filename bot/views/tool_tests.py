"""Tool tests in messages: the running tests, what the bot read from a result, the evaluation.

Everything a person wrote goes in through `literal`; star ratings are drawn, not typed, so a leader
reading on a phone sees the picture at a glance.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.domain.guides import Decision, Tool
from bot.domain.refs import MessageRef, Platform
from bot.domain.tool_tests import (
    RATINGS,
    RECOMMENDATIONS,
    Result,
    ToolSummary,
    ToolTest,
    ToolWithResults,
)
from bot.i18n import t
from bot.views.blocks import any_numbered, numbered, shorten
from bot.views.dates import local_day
from bot.views.model import Actions, Button, Context, Heading, Message, Part, Text
from bot.views.spreading_progress import progress_lines
from bot.views.text import literal, mention

START = "test_start_open"
POST_RESULT = "test_result_open"
CLOSE = "test_close_open"
CORRECT = "test_result_correct"
SUMMARY = "test_summary"
#: "Save as result for <tool>?" on a message in the test channel.
OFFER_SAVE = "test_offer_save"
#: One "save for <tool>" button per candidate tool, numbered, in one actions block.
OFFER_SAVE_ACTIONS = any_numbered(OFFER_SAVE)
OFFER_OTHER = "test_offer_other"
OFFER_DISMISS = "test_offer_dismiss"
DELETE_RESULT = "test_result_delete"
KEEP_RESULT = "test_result_keep"
MESSAGE_BLOCKS_MAX = 50
QUOTE_CHARS = 200
NOTE_CHARS = 500
#: What the evaluation showed for an erased author before people had ids (the erasure's
#: marker, as a mention): still shown for a quote whose author is a former member.
FORMER_MEMBER = "former-member"


def stars(rating: float) -> str:
    full = round(rating)
    return "★" * full + "☆" * (5 - full)


def decimal(lang: str, value: float) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def running_tests_message(
    lang: str, tests: list[ToolTest], *, can_run: bool, tz: ZoneInfo
) -> Message:
    parts: list[Part] = [Heading(t(lang, "test.list_header"))]
    if not tests:
        key = "test.list_empty" if can_run else "test.list_not_ambassador"
        parts.append(Text(t(lang, key)))
    for test in tests[: (MESSAGE_BLOCKS_MAX - 3) // 2]:
        checkpoints = ", ".join(local_day(lang, day, tz) for day in test.checkpoints)
        line = Text(
            t(
                lang,
                "test.list_line",
                tool=literal(test.tool.name),
                question=literal(shorten(test.question, 300)),
                started=local_day(lang, test.starts_on, tz),
                checkpoints=checkpoints or "–",
            )
        )
        post = Button(
            POST_RESULT, t(lang, "test.button.post_result"), str(test.id), style="primary"
        )
        parts += [line, Actions((post, Button(CLOSE, t(lang, "test.button.close"), str(test.id))))]
    if can_run:
        parts.append(
            Actions(
                (
                    Button(START, t(lang, "test.button.start"), ""),
                    Button(POST_RESULT, t(lang, "test.button.post_result"), ""),
                )
            )
        )
    return Message(t(lang, "test.list_header"), tuple(parts))


def _read_line(lang: str, result: Result) -> str:
    draft = result.draft
    parts = [t(lang, "test.read_tool", tool=literal(result.tool.name))]
    if result.daycare_name:
        parts.append(literal(result.daycare_name))
    if draft.rating:
        parts.append(t(lang, "test.read_rating", stars=stars(draft.rating), rating=draft.rating))
    if draft.recommendation:
        parts.append(t(lang, f"recommendation.{draft.recommendation}"))
    if draft.children is not None:
        parts.append(t(lang, "test.read_children", count=draft.children))
    if draft.minutes_spent is not None:
        parts.append(t(lang, "test.read_minutes", minutes=draft.minutes_spent))
    return " · ".join(parts)


def saved_in_thread(
    lang: str, result: Result, *, tool_now_in_test: bool, updated: bool = False
) -> Message:
    """The thread reply after a result is saved (or updated from an edited message): what
    was read, and a way to correct it."""
    text = t(lang, "test.updated" if updated else "test.saved", read=_read_line(lang, result))
    parts: list[Part] = [Text(text)]
    if not result.draft.rating or not result.draft.recommendation:
        parts.append(Context(t(lang, "test.saved_missing")))
    if tool_now_in_test:
        parts.append(Context(t(lang, "test.now_in_test", tool=literal(result.tool.name))))
    parts.append(Actions((Button(CORRECT, t(lang, "test.button.correct"), str(result.id)),)))
    return Message(text, tuple(parts))


def offer_message(
    lang: str, candidates: tuple[Tool, ...], message: MessageRef, *, tagged: bool
) -> Message:
    """Asked in the thread of a message that may be a result: save it, for which tool?
    Each button carries the message it is about (`offered_message` reads it back)."""
    if candidates:
        text = t(lang, "test.offer", tool=literal(candidates[0].name))
    else:
        text = t(lang, "test.offer_no_tool" if tagged else "test.offer_unknown")
    where = {"conversation": message.conversation_id, "message": message.message_id}
    elements = [
        Button(
            numbered(OFFER_SAVE, number),
            t(lang, "test.button.save_for", tool=tool.name),
            json.dumps({**where, "tool": tool.id}),
        )
        for number, tool in enumerate(candidates[:3])
    ]
    elements.append(Button(OFFER_OTHER, t(lang, "test.button.other_tool"), json.dumps(where)))
    elements.append(Button(OFFER_DISMISS, t(lang, "test.button.not_result"), json.dumps(where)))
    return Message(text, (Text(text), Actions(tuple(elements))))


def offered_message(platform: Platform, value: str) -> tuple[MessageRef, int]:
    """The message an offer's button is about, and the tool it names (0: none), from the
    button's value: the conversation and message id on the platform the button was clicked
    on. A button posted before message references names them `channel` and `ts` (Slack's
    words), and is still read."""
    where = json.loads(value)
    conversation = where.get("conversation", where.get("channel"))
    message_id = where.get("message", where.get("ts"))
    return MessageRef(platform, str(conversation), str(message_id)), int(where.get("tool") or 0)


def deleted_message(lang: str, result: Result) -> Message:
    text = t(lang, "test.deleted_ask", read=_read_line(lang, result))
    buttons = (
        Button(DELETE_RESULT, t(lang, "test.button.delete_result"), str(result.id)),
        Button(KEEP_RESULT, t(lang, "test.button.keep_result"), str(result.id)),
    )
    return Message(text, (Text(text), Actions(buttons)))


def summary_line(lang: str, summary: ToolSummary) -> str | None:
    """One line for the guide card; None before the tool has any result."""
    if not summary.results:
        return None
    parts = [t(lang, "summary.short", results=summary.results)]
    if summary.daycares:
        parts.append(t(lang, "summary.short_daycares", daycares=len(summary.daycares)))
    if summary.average_rating is not None:
        parts.append(f"{stars(summary.average_rating)} {decimal(lang, summary.average_rating)}")
    recommend = summary.recommendations.get("recommend", 0) + summary.recommendations.get(
        "recommend_with_conditions", 0
    )
    parts.append(t(lang, "summary.short_recommend", count=recommend))
    return " · ".join(parts)


def summary_message(lang: str, summary: ToolSummary, tz: ZoneInfo) -> Message:
    tool = literal(summary.tool.name)
    parts: list[Part] = [Heading(t(lang, "summary.header", tool=summary.tool.name))]
    spread = _text(progress_lines(lang, summary.spreading)) if summary.spreading else []
    decided = _text(decision_lines(lang, summary.decision, tz)) if summary.decision else []
    if not summary.results and not summary.tests:
        text = t(lang, "summary.nothing", tool=tool)
        return Message(text, (*parts, *decided, Text(text), *spread))
    lines = [
        t(lang, "summary.status", status=t(lang, f"tool_status.{summary.tool.status}")),
        t(
            lang,
            "summary.counts",
            tests=summary.tests,
            running=summary.running_tests,
            results=summary.results,
        ),
        t(
            lang,
            "summary.where",
            daycares=literal(", ".join(summary.daycares)) or "–",
            areas=literal(", ".join(summary.areas)) or "–",
        ),
    ]
    if summary.average_rating is not None:
        lines.append(
            t(
                lang,
                "summary.average",
                stars=stars(summary.average_rating),
                average=decimal(lang, summary.average_rating),
            )
        )
        lines += [
            f"{'★' * rating}{'☆' * (5 - rating)}  {summary.rating_counts.get(rating, 0)}"
            for rating in reversed(RATINGS)
        ]
    lines.append(t(lang, "summary.recommendations"))
    lines += [
        f"• {t(lang, f'recommendation.{key}')}: {summary.recommendations.get(key, 0)}"
        for key in RECOMMENDATIONS
    ]
    if summary.top_themes:
        themes = ", ".join(
            f"{t(lang, f'theme.{key}')} ({count})" for key, count in summary.top_themes
        )
        lines.append(t(lang, "summary.themes", themes=themes))
    parts += decided
    parts.append(Text("\n".join(lines)))
    if summary.quotes:
        quotes = [
            t(
                lang,
                "summary.quote",
                text=literal(shorten(" ".join(quote.text.split()), QUOTE_CHARS)),
                who=_who(quote.author_id),
                daycare=literal(quote.daycare or "–"),
                day=local_day(lang, quote.tested_on, tz),
            )
            for quote in summary.quotes
        ]
        parts.append(Text("\n".join([t(lang, "summary.quotes"), *quotes])))
    parts += spread
    text = t(lang, "summary.fallback", tool=tool, results=summary.results)
    return Message(text, tuple(parts))


def _who(person_id: int | None) -> str:
    """A mention of the person; a former member (erased) as the erasure's marker read
    before person ids, which is what the evaluation showed for them."""
    return mention(person_id) if person_id is not None else literal(f"<@{FORMER_MEMBER}>")


def _text(lines: list[str]) -> list[Part]:
    """The lines as one text, or nothing when there are none."""
    return [Text("\n".join(lines))] if lines else []


def decision_lines(lang: str, decision: Decision, tz: ZoneInfo) -> list[str]:
    """Leadership's latest decision and why (its note), first in the evaluation: what a
    reader needs to know before the numbers."""
    lines = [
        t(
            lang,
            "summary.decision",
            decision=t(lang, f"decision.{decision.decision}"),
            day=local_day(lang, decision.decided_on, tz),
        )
    ]
    note = " ".join(decision.note.split())
    if note:
        lines.append(t(lang, "summary.decision_why", note=literal(shorten(note, NOTE_CHARS))))
    return lines


def summary_choices_message(lang: str, tools: Sequence[ToolWithResults]) -> Message:
    """`/tool-test summary` without a tool: the tools that have results, each with a button
    that opens its evaluation (the command to type is named too)."""
    if not tools:
        text = t(lang, "summary.choose_none")
        return Message(text, (Text(text),))
    parts: list[Part] = [Text(t(lang, "summary.choose"))]
    for found in tools:
        line = t(lang, "summary.choose_line", tool=literal(found.tool.name), results=found.results)
        choose = Button(SUMMARY, t(lang, "summary.choose_button"), str(found.tool.id))
        parts.append(Text(line, accessory=choose))
    names = literal(", ".join(found.tool.name for found in tools))
    return Message(t(lang, "summary.choose_fallback", tools=names), tuple(parts))
