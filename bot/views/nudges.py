"""The nudges as people read them: short, one question, the button that answers it, and a
way to be reminded later."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.guides import GuideDetail
from bot.domain.sparring import Question
from bot.domain.tool_tests import ToolTest
from bot.i18n import t
from bot.mrkdwn import escape
from bot.views.blocks import Block, actions, button, context, section
from bot.views.dates import local_day
from bot.views.guides import EDIT
from bot.views.model import Form, PeopleField, Text
from bot.views.sparring import claim_button, listed_block_id
from bot.views.text import literal
from bot.views.tool_tests import POST_RESULT
from bot.views.trainings import plan_for_button

STILL_RIGHT = "guide_still_right"
HAND_OVER = "guide_hand_over"
HAND_OVER_CALLBACK = "guide_hand_over"
SNOOZE_DAYS = (1, 7)
#: One action id per choice: Slack wants the ids in one actions block to differ.
SNOOZE_ACTIONS = tuple(f"nudge_snooze_{days}" for days in SNOOZE_DAYS)


#: The morning list's button that opens one of its items.
SHOW = "nudge_show"
#: A list line at most this long (the item's own first line, cut at a word).
LINE_MAX = 150


def _item_line(text: str, limit: int = LINE_MAX) -> str:
    """One line for the morning list from an item's own top-level text (already mrkdwn and
    escaped by its view): its first line, cut at a word, never inside a mention, a link or
    an escaped character, and with bold closed."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) > limit:
        cut = first[:limit]
        for opener, closer in (("<", ">"), ("&", ";")):
            start = cut.rfind(opener)
            if start != -1 and closer not in cut[start:]:
                cut = cut[:start]
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        first = cut.rstrip() + "…"
    if first.count("*") % 2:
        first += "*"
    return first or "…"


def morning_list_message(lang: str, items: Sequence[tuple[int, str]]) -> dict[str, Any]:
    """A person's nudges of the day as one message: one line and one **Vis** button per item
    (`items`: reminder id and the item's own top-level text).

    The items' full messages, with their own buttons, are *behind* **Vis**, not posted in a
    thread at once: one post is one tag (`bot.slack_tags.batch_tag`), so the list keeps the
    dispatcher's exactly-once guarantee without N more posts that could each be lost or
    doubled in a crash; a pedagogue gets one notification, not one per item; and an item is
    built when it is opened, so one settled since the morning (a result came, the guide was
    checked) says so instead of offering buttons that no longer fit. The opened item goes in
    the list's thread, so the DM stays one message long.
    """
    count = len(items)
    blocks: list[Block] = [section(t(lang, "nudge.morning_intro", count=count))]
    for reminder_id, text in items:
        line = section(_item_line(text))
        line["accessory"] = button(t(lang, "nudge.show"), SHOW, str(reminder_id))
        blocks.append(line)
    return {"text": t(lang, "nudge.morning_text", count=count), "blocks": blocks}


def snooze_buttons(lang: str, reminder_id: int) -> list[dict[str, Any]]:
    return [
        button(
            t(lang, f"nudge.snooze_{days}"),
            f"nudge_snooze_{days}",
            json.dumps({"id": reminder_id, "days": days}),
        )
        for days in SNOOZE_DAYS
    ]


def checkpoint_message(
    lang: str,
    test: ToolTest,
    daycares: list[str],
    checkpoint: str,
    reminder_id: int,
    tz: ZoneInfo,
    *,
    follow_up: bool,
) -> dict[str, Any]:
    where = escape(", ".join(daycares)) if daycares else t(lang, "nudge.your_daycares")
    key = "nudge.follow_up" if follow_up else "nudge.checkpoint"
    text = t(
        lang,
        key,
        tool=escape(test.tool.name),
        where=where,
        day=local_day(lang, checkpoint, tz),
    )
    blocks: list[Block] = [
        section(text),
        context(t(lang, "nudge.question", question=escape(test.question))),
        actions(
            button(t(lang, "test.button.post_result"), POST_RESULT, str(test.id), primary=True),
            *snooze_buttons(lang, reminder_id),
        ),
    ]
    return {"text": text, "blocks": blocks}


def guide_check_message(
    lang: str, detail: GuideDetail, checked_at: str, reminder_id: int, tz: ZoneInfo
) -> dict[str, Any]:
    text = t(
        lang,
        "nudge.guide_check",
        tool=escape(detail.tool.name),
        title=escape(detail.current.content.title),
        day=local_day(lang, checked_at, tz),
    )
    guide_id = str(detail.guide.id)
    return {
        "text": text,
        "blocks": [
            section(text),
            actions(
                button(t(lang, "nudge.still_right"), STILL_RIGHT, guide_id, primary=True),
                button(t(lang, "guide.button.edit"), EDIT, guide_id),
                button(t(lang, "nudge.hand_over"), HAND_OVER, guide_id),
                *snooze_buttons(lang, reminder_id),
            ),
        ],
    }


def onboarding_message(lang: str, superuser_id: str, reminder_id: int) -> dict[str, Any]:
    """ "Tid til at aftale en oplæring?" with the button that plans one."""
    text = t(lang, "nudge.onboarding", superuser=f"<@{superuser_id}>")
    buttons = [plan_for_button(lang, superuser_id), *snooze_buttons(lang, reminder_id)]
    return {"text": text, "blocks": [section(text), actions(*buttons)]}


def hand_over_modal(lang: str, detail: GuideDetail) -> Form:
    title = f"{detail.tool.name}: {detail.current.content.title}"
    return Form(
        id=HAND_OVER_CALLBACK,
        title=t(lang, "nudge.hand_over_title"),
        submit=t(lang, "nudge.hand_over_submit"),
        close=t(lang, "test.close_modal"),
        parts=(
            Text(t(lang, "nudge.hand_over_intro", title=literal(title))),
            PeopleField("owner", t(lang, "nudge.hand_over_to"), optional=False),
        ),
        metadata={"guide_id": detail.guide.id},
    )


def escalation_message(
    lang: str,
    question: Question,
    *,
    level: int,
    hours: int,
    channel_id: str | None,
    reminder_id: int,
) -> dict[str, Any]:
    intro = t(lang, "nudge.escalation", asker=f"<@{question.asker_slack_id}>", hours=hours)
    quoted = "\n".join(f">{line}" for line in escape(question.text).split("\n"))
    blocks: list[Block] = [section(f"{intro}\n{quoted}")]
    if level > 1:
        blocks.append(context(t(lang, "nudge.escalation_everyone")))
    where = (
        t(lang, "nudge.escalation_channel", channel=f"<#{channel_id}>")
        if channel_id
        else t(lang, "nudge.escalation_direct", asker=f"<@{question.asker_slack_id}>")
    )
    buttons = snooze_buttons(lang, reminder_id)
    if question.claimed_by is None:
        buttons.insert(0, claim_button(lang, question.id))
    blocks += [context(where), {**actions(*buttons), "block_id": listed_block_id(question.id)}]
    return {"text": intro, "blocks": blocks}
