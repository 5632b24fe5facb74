"""The nudges as people read them: short, one question, the button that answers it, and a
way to be reminded later."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.domain.guides import GuideDetail
from bot.domain.sparring import Question
from bot.domain.tool_tests import ToolTest
from bot.i18n import t
from bot.views.dates import local_day
from bot.views.guides import EDIT
from bot.views.model import Actions, Button, Context, Form, Message, Part, PeopleField, Text
from bot.views.sparring import claim_button, listed_block_id, who
from bot.views.text import channel, literal, mention
from bot.views.tool_tests import POST_RESULT
from bot.views.trainings import PLAN_FOR

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
#: What a cut must not end inside: a mention token, a link, a backslash escape.
_OPEN_TOKEN = re.compile(
    r"<[@#][A-Za-z0-9]*$|\[(?:[^\]\n]|\\.)*(?:\]\([^)\s]*)?$|(?<!\\)(?:\\\\)*\\$"
)
_BOLD = re.compile(r"(?<!\\)\*\*")


def _item_line(text: str, limit: int = LINE_MAX) -> str:
    """One line for the morning list from an item's own notification text (neutral
    Markdown): its first line, cut at a word, never inside a mention, a link or an escaped
    character, and with bold closed."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) > limit:
        cut = _OPEN_TOKEN.sub("", first[:limit])
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        first = cut.rstrip() + "…"
    if len(_BOLD.findall(first)) % 2:
        first += "**"
    return first or "…"


def morning_list_message(lang: str, items: Sequence[tuple[int, str]]) -> Message:
    """A person's nudges of the day as one message: one line and one **Vis** button per item
    (`items`: reminder id and the item's own notification text).

    The items' full messages, with their own buttons, are *behind* **Vis**, not posted in a
    thread at once: one post is one tag (`bot.tags.batch_tag`), so the list keeps the
    dispatcher's exactly-once guarantee without N more posts that could each be lost or
    doubled in a crash; a pedagogue gets one notification, not one per item; and an item is
    built when it is opened, so one settled since the morning (a result came, the guide was
    checked) says so instead of offering buttons that no longer fit. The opened item goes in
    the list's thread, so the DM stays one message long.
    """
    count = len(items)
    parts: list[Part] = [Text(t(lang, "nudge.morning_intro", count=count))]
    for reminder_id, text in items:
        show = Button(SHOW, t(lang, "nudge.show"), str(reminder_id))
        parts.append(Text(_item_line(text), accessory=show))
    return Message(t(lang, "nudge.morning_text", count=count), tuple(parts))


def snooze_buttons(lang: str, reminder_id: int) -> list[Button]:
    return [
        Button(
            f"nudge_snooze_{days}",
            t(lang, f"nudge.snooze_{days}"),
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
) -> Message:
    where = literal(", ".join(daycares)) if daycares else t(lang, "nudge.your_daycares")
    key = "nudge.follow_up" if follow_up else "nudge.checkpoint"
    text = t(
        lang,
        key,
        tool=literal(test.tool.name),
        where=where,
        day=local_day(lang, checkpoint, tz),
    )
    post = Button(POST_RESULT, t(lang, "test.button.post_result"), str(test.id), "primary")
    return Message(
        text,
        (
            Text(text),
            Context(t(lang, "nudge.question", question=literal(test.question))),
            Actions((post, *snooze_buttons(lang, reminder_id))),
        ),
    )


def guide_check_message(
    lang: str, detail: GuideDetail, checked_at: str, reminder_id: int, tz: ZoneInfo
) -> Message:
    text = t(
        lang,
        "nudge.guide_check",
        tool=literal(detail.tool.name),
        title=literal(detail.current.content.title),
        day=local_day(lang, checked_at, tz),
    )
    guide_id = str(detail.guide.id)
    buttons = (
        Button(STILL_RIGHT, t(lang, "nudge.still_right"), guide_id, "primary"),
        Button(EDIT, t(lang, "guide.button.edit"), guide_id),
        Button(HAND_OVER, t(lang, "nudge.hand_over"), guide_id),
        *snooze_buttons(lang, reminder_id),
    )
    return Message(text, (Text(text), Actions(buttons)))


def onboarding_message(lang: str, superuser_id: int, reminder_id: int) -> Message:
    """ "Tid til at aftale en oplæring?" with the button that plans one (the plan form, the
    superuser's area chosen: the button's value is the superuser's person id)."""
    text = t(lang, "nudge.onboarding", superuser=mention(superuser_id))
    plan = Button(PLAN_FOR, t(lang, "training.button.plan"), str(superuser_id), "primary")
    return Message(text, (Text(text), Actions((plan, *snooze_buttons(lang, reminder_id)))))


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
) -> Message:
    intro = t(lang, "nudge.escalation", asker=who(question.asker_id), hours=hours)
    quoted = "\n".join(f">{line}" for line in literal(question.text).split("\n"))
    parts: list[Part] = [Text(f"{intro}\n{quoted}")]
    if level > 1:
        parts.append(Context(t(lang, "nudge.escalation_everyone")))
    where = (
        t(lang, "nudge.escalation_channel", channel=channel(channel_id))
        if channel_id
        else t(lang, "nudge.escalation_direct", asker=who(question.asker_id))
    )
    buttons = snooze_buttons(lang, reminder_id)
    if question.claimed_at is None:
        buttons.insert(0, claim_button(lang, question.id))
    parts += [Context(where), Actions(tuple(buttons), id=listed_block_id(question.id))]
    return Message(intro, tuple(parts))
