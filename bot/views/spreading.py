"""A spreading round as people meet it: the invitation to a daycare's superusers, the
follow-up with its four answers, the "not for us" modal, the coordinators' summary, and the
progress lines are in `bot.views.spreading_progress`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.spreading import SpreadingRound, Target
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.spreading import Answered
from bot.services.spreading_invite import Invitation
from bot.views.adoption import STARTED as ADOPTION_STARTED
from bot.views.adoption import place_value
from bot.views.blocks import (
    Block,
    actions,
    button,
    context,
    header,
    section,
    sections,
    shorten,
)
from bot.views.dates import day_text, local_day
from bot.views.guides import SHOW, SPARRING
from bot.views.markdown import split_for_sections, to_mrkdwn
from bot.views.model import Form, Text, TextField
from bot.views.text import literal
from bot.views.trainings import signup_buttons, training_line

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


def _mentions(slack_ids: tuple[str, ...]) -> str:
    return ", ".join(f"<@{slack_id}>" for slack_id in slack_ids)


def invitation_message(lang: str, invite: Invitation, tz: ZoneInfo) -> dict[str, Any]:
    """Purpose, first steps, whom to ask and where to learn — and the buttons to begin."""
    found = invite.due.round
    tool = escape(found.tool_name)
    intro = t(lang, "spreading.invite.intro", tool=tool, daycare=escape(invite.daycare_name))
    blocks: list[Block] = [
        header(t(lang, "spreading.invite.header", tool=found.tool_name)),
        section(intro),
    ]
    guide = invite.guide
    if guide is not None:
        content = guide.current.content
        purpose = split_for_sections(escape(content.purpose), 2900)[0]
        blocks.append(section(t(lang, "guide.purpose") + "\n" + purpose))
        if content.body:
            steps = split_for_sections(to_mrkdwn(content.body), STEPS_CHARS)
            blocks.append(section(steps[0]))
            if len(steps) > 1:
                blocks.append(context(t(lang, "guide.continues")))
    help_lines = []
    if invite.nearest:
        daycare, area = invite.nearest
        help_lines.append(
            t(lang, "spreading.invite.nearest", daycare=escape(daycare), area=escape(area))
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
            t(lang, "spreading.invite.training", training=training_line(lang, invite.training, tz))
        )
    blocks += sections(help_lines)
    buttons: list[dict[str, Any]] = []
    if guide is not None:
        buttons.append(
            button(t(lang, "guide.button.show"), SHOW, str(guide.guide.id), primary=True)
        )
    buttons.append(
        button(
            t(lang, "adoption.button.started"),
            ADOPTION_STARTED,
            place_value(invite.due.target.daycare_id, found.tool_id),
        )
    )
    if guide is not None:
        buttons.append(button(t(lang, "guide.button.sparring"), SPARRING, str(guide.guide.id)))
    blocks.append(actions(*buttons))
    if invite.training is not None:
        blocks.append(actions(*signup_buttons(lang, invite.training)))
    return {"text": t(lang, "spreading.invite.header", tool=tool), "blocks": blocks}


def follow_up_message(
    lang: str, found: SpreadingRound, target: Target, tz: ZoneInfo
) -> dict[str, Any]:
    text = t(
        lang,
        "spreading.follow_up.text",
        tool=escape(found.tool_name),
        daycare=escape(target.daycare_name),
        day=local_day(lang, found.started_at, tz),
    )
    value = target_value(found.id, target.daycare_id)
    return {
        "text": text,
        "blocks": [
            section(text),
            actions(
                button(t(lang, "spreading.answer.in_use"), IN_USE, value, primary=True),
                button(t(lang, "spreading.answer.getting_started"), STARTED, value),
                button(t(lang, "spreading.answer.not_yet"), NOT_YET, value),
                button(t(lang, "spreading.answer.not_for_us"), NOT_FOR_US, value),
            ),
        ],
    }


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
    return t(lang, "spreading.ended", tool=escape(tool_name or "–"))


def answered_message(lang: str, answered: Answered) -> dict[str, Any]:
    target = answered.target
    if not answered.changed:
        key = "spreading.answered.unchanged"
    else:
        key = f"spreading.answered.{target.answer}"
    text = t(lang, key, tool=escape(answered.tool_name), daycare=escape(target.daycare_name))
    return {"text": text, "blocks": [section(text)]}


def started_message(
    lang: str,
    found: SpreadingRound,
    reached: list[Target],
    without_superuser: list[str],
    follow_up: datetime,
) -> dict[str, Any]:
    """To the coordinators: the round began, whom it reaches, whom it cannot."""
    text = t(
        lang,
        f"spreading.started.{found.trigger}",
        tool=escape(found.tool_name),
        targets=len(reached),
        reached=len(reached) - len(without_superuser),
        day=day_text(lang, follow_up.date()),
    )
    lines = [text]
    if without_superuser:
        names = ", ".join(escape(name) for name in without_superuser)
        lines.append(t(lang, "spreading.started.without_superuser", names=names))
    if not reached:
        lines.append(t(lang, "spreading.started.everyone"))
    return {"text": text, "blocks": sections(lines)}
