"""A spreading round as people meet it: the invitation to a daycare's superusers, the
follow-up with its four answers, the "not for us" modal, the coordinators' summary, and the
progress lines are in `bot.views.spreading_progress`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.spreading import SpreadingRound, Target
from bot.i18n import t
from bot.services.spreading import Answered
from bot.services.spreading_invite import Invitation
from bot.views.adoption import STARTED as ADOPTION_STARTED
from bot.views.adoption import place_value
from bot.views.blocks import shorten
from bot.views.dates import day_text, local_day
from bot.views.guides import SHOW, SPARRING
from bot.views.model import Actions, Button, Context, Form, Heading, Message, Part, Text, TextField
from bot.views.text import literal, markdown, mention
from bot.views.trainings import signup, training_text

IN_USE = "spread_answer_in_use"
STARTED = "spread_answer_started"
NOT_YET = "spread_answer_not_yet"
NOT_FOR_US = "spread_answer_not_for_us"
#: The buttons that answer at once ("not for us" asks the reason first).
DIRECT = {IN_USE: "in_use", STARTED: "getting_started", NOT_YET: "not_yet"}
NOT_FOR_US_CALLBACK = "spread_not_for_us"
REASON_MAX = 500
#: The first steps only: the invitation is read on a phone; the whole guide is a click away.
STEPS_CHARS = 600


def target_value(round_id: int, daycare_id: int) -> str:
    return f"{round_id}:{daycare_id}"


def parse_target(value: str) -> tuple[int, int] | None:
    round_id, _, daycare = value.partition(":")
    if round_id.isdigit() and daycare.isdigit():
        return int(round_id), int(daycare)
    return None


def _mentions(people: tuple[int, ...]) -> str:
    return ", ".join(mention(person) for person in people)


def first_steps(body: str, limit: int = STEPS_CHARS) -> tuple[str, bool]:
    """A guide's first lines (neutral Markdown) within about `limit` characters, and whether
    more follows: whole lines, at least the first, so no cut falls inside a link, a mention
    or an escape; a code block cut off is closed."""
    lines = body.strip().split("\n")
    kept: list[str] = []
    size = 0
    for line in lines:
        if kept and size + len(line) + 1 > limit:
            break
        kept.append(line)
        size += len(line) + 1
    excerpt = "\n".join(kept).rstrip()
    if sum(1 for line in kept if line.lstrip().startswith("```")) % 2:
        excerpt += "\n```"
    return excerpt, len(kept) < len(lines)


def invitation_message(lang: str, invite: Invitation, tz: ZoneInfo) -> Message:
    """Purpose, first steps, whom to ask and where to learn — and the buttons to begin."""
    found = invite.due.round
    tool = literal(found.tool_name)
    intro = t(lang, "spreading.invite.intro", tool=tool, daycare=literal(invite.daycare_name))
    parts: list[Part] = [
        Heading(t(lang, "spreading.invite.header", tool=found.tool_name)),
        Text(intro),
    ]
    guide = invite.guide
    if guide is not None:
        content = guide.current.content
        parts.append(Text(t(lang, "guide.purpose") + "\n" + literal(content.purpose)))
        if content.body:
            steps, more = first_steps(markdown(content.body))
            parts.append(Text(steps))
            if more:
                parts.append(Context(t(lang, "guide.continues")))
    help_lines = []
    if invite.nearest:
        daycare, area = invite.nearest
        help_lines.append(
            t(lang, "spreading.invite.nearest", daycare=literal(daycare), area=literal(area))
        )
    else:
        help_lines.append(t(lang, "spreading.invite.first"))
    if invite.ambassadors:
        several = len(invite.ambassadors) > 1
        key = "spreading.invite.ambassadors_several" if several else "spreading.invite.ambassadors"
        help_lines.append(t(lang, key, names=_mentions(invite.ambassadors)))
    else:
        help_lines.append(t(lang, "spreading.invite.no_ambassador"))
    if invite.training is not None:
        help_lines.append(
            t(lang, "spreading.invite.training", training=training_text(lang, invite.training, tz))
        )
    parts.append(Text("\n".join(help_lines)))
    buttons: list[Button] = []
    if guide is not None:
        buttons.append(Button(SHOW, t(lang, "guide.button.show"), str(guide.guide.id), "primary"))
    buttons.append(
        Button(
            ADOPTION_STARTED,
            t(lang, "adoption.button.started"),
            place_value(invite.due.target.daycare_id, found.tool_id),
        )
    )
    if guide is not None:
        buttons.append(Button(SPARRING, t(lang, "guide.button.sparring"), str(guide.guide.id)))
    parts.append(Actions(tuple(buttons)))
    if invite.training is not None:
        parts.append(signup(lang, invite.training))
    return Message(t(lang, "spreading.invite.header", tool=tool), tuple(parts))


def follow_up_message(lang: str, found: SpreadingRound, target: Target, tz: ZoneInfo) -> Message:
    text = t(
        lang,
        "spreading.follow_up.text",
        tool=literal(found.tool_name),
        daycare=literal(target.daycare_name),
        day=local_day(lang, found.started_at, tz),
    )
    value = target_value(found.id, target.daycare_id)
    buttons = (
        Button(IN_USE, t(lang, "spreading.answer.in_use"), value, "primary"),
        Button(STARTED, t(lang, "spreading.answer.getting_started"), value),
        Button(NOT_YET, t(lang, "spreading.answer.not_yet"), value),
        Button(NOT_FOR_US, t(lang, "spreading.answer.not_for_us"), value),
    )
    return Message(text, (Text(text), Actions(buttons)))


def not_for_us_modal(lang: str, round_id: int, daycare_id: int, tool_name: str) -> Form:
    """Why not? The reasons are what the tool's evaluation learns from."""
    return Form(
        id=NOT_FOR_US_CALLBACK,
        title=t(lang, "spreading.modal.title"),
        submit=t(lang, "adoption.save"),
        close=t(lang, "adoption.cancel"),
        parts=(
            Text(t(lang, "spreading.modal.intro", tool=literal(shorten(tool_name, 200)))),
            TextField(
                "reason",
                t(lang, "spreading.modal.reason"),
                max_length=REASON_MAX,
                long=True,
                hint=t(lang, "adoption.reason_hint"),
            ),
        ),
        metadata={"round_id": round_id, "daycare_id": daycare_id},
    )


def ended_text(lang: str, tool_name: str | None) -> str:
    return t(lang, "spreading.ended", tool=literal(tool_name or "–"))


def answered_message(lang: str, answered: Answered) -> Message:
    target = answered.target
    if not answered.changed:
        key = "spreading.answered.unchanged"
    else:
        key = f"spreading.answered.{target.answer}"
    text = t(lang, key, tool=literal(answered.tool_name), daycare=literal(target.daycare_name))
    return Message(text, (Text(text),))


def started_message(
    lang: str,
    found: SpreadingRound,
    reached: list[Target],
    without_superuser: list[str],
    follow_up: datetime,
) -> Message:
    """To the coordinators: the round began, whom it reaches, whom it cannot."""
    text = t(
        lang,
        f"spreading.started.{found.trigger}",
        tool=literal(found.tool_name),
        targets=len(reached),
        reached=len(reached) - len(without_superuser),
        day=day_text(lang, follow_up.date()),
    )
    lines = [text]
    if without_superuser:
        names = ", ".join(literal(name) for name in without_superuser)
        lines.append(t(lang, "spreading.started.without_superuser", names=names))
    if not reached:
        lines.append(t(lang, "spreading.started.everyone"))
    return Message(text, (Text("\n".join(lines)),))
