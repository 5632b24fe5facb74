"""Sparring in Slack: the question modal, the post the ambassadors see, the asker's receipt.

The post carries the question's state (who took it, the answer, solved, saved as FAQ) and
the buttons that fit it; it is drawn from the stored question, so `chat.update` after a
claim, an answer or "solved" shows everyone the same thing.
"""

from __future__ import annotations

from typing import Any

from bot.domain.guides import Tool
from bot.domain.sparring import Question, Routing
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.sparring import QUESTION_MAX
from bot.views.blocks import (
    Block,
    actions,
    button,
    context,
    section,
    sections,
    shorten,
)
from bot.views.model import ChoiceField, Form, FormField, MultiChoiceField, Option, TextField
from bot.views.network import mentions

CALLBACK_ID = "sparring_ask"
#: How much of the question the asker's "it has gone out" note repeats.
QUESTION_SHOWN = 300
OPTIONS_MAX = 100
#: The buttons on a question.
CLAIM = "sparring_claim"
ANSWER = "sparring_answer"
RESOLVE = "sparring_resolve"
SAVE_FAQ = "sparring_faq"
PRIVATE = "private"
#: The block of a question shown inside another message (an escalation, a new ambassador's
#: welcome): "Jeg tager den" there claims it without redrawing that message as the post.
LISTED = "sparring_listed"


def sparring_modal(
    lang: str,
    tools: list[Tool],
    *,
    question: str = "",
    tool_id: int | None = None,
    channel_id: str | None = None,
    from_guide: int | None = None,
) -> Form:
    """`from_guide`: the guide the asker came from, not offered back as "maybe this helps"."""
    chosen = next((tool for tool in tools if tool.id == tool_id), None)
    offered = [tool for tool in tools if tool is not chosen][: OPTIONS_MAX - (1 if chosen else 0)]
    if chosen:
        offered.insert(0, chosen)
    fields: list[FormField] = [
        TextField(
            "question",
            t(lang, "sparring.question"),
            max_length=QUESTION_MAX,
            initial=question.strip(),
            long=True,
            hint=t(lang, "sparring.question_hint"),
        )
    ]
    if offered:
        fields.append(
            ChoiceField(
                "tool",
                t(lang, "sparring.tool"),
                options=tuple(Option(tool.name, str(tool.id)) for tool in offered),
                initial=str(chosen.id) if chosen else None,
                placeholder=t(lang, "sparring.tool_placeholder"),
            )
        )
    fields += [
        ChoiceField(
            "urgency",
            t(lang, "sparring.urgency"),
            options=(
                Option(t(lang, "sparring.urgency_normal"), "normal"),
                Option(t(lang, "sparring.urgency_urgent"), "urgent"),
            ),
            initial="normal",
            radio=True,
        ),
        MultiChoiceField(
            PRIVATE,
            t(lang, "sparring.private"),
            options=(Option(t(lang, "sparring.private_option"), PRIVATE),),
            checkboxes=True,
            hint=t(lang, "sparring.private_hint"),
        ),
    ]
    return Form(
        id=CALLBACK_ID,
        title=t(lang, "sparring.modal_title"),
        submit=t(lang, "sparring.submit"),
        close=t(lang, "sparring.close"),
        parts=tuple(fields),
        metadata={"channel": channel_id, "guide": from_guide},
    )


def quoted(text: str) -> list[str]:
    """User text as mrkdwn quote lines, escaped."""
    return [f">{line}" for line in escape(text).split("\n")]


def _status(lang: str, question: Question) -> list[str]:
    lines = []
    if question.state == "resolved":
        lines.append(t(lang, "sparring.status_resolved"))
    if question.answered_by:
        lines.append(t(lang, "sparring.status_answered", who=f"<@{question.answered_by}>"))
    elif question.claimed_by and question.state == "open":
        lines.append(t(lang, "sparring.status_claimed", who=f"<@{question.claimed_by}>"))
    if question.faq_guide_id is not None and question.tool is not None:
        lines.append(t(lang, "sparring.status_faq", tool=escape(question.tool.name)))
    return lines


def claim_button(lang: str, question_id: int) -> dict[str, Any]:
    """ "Jeg tager den": the one claim, wherever the question is shown."""
    return button(t(lang, "sparring.button.claim"), CLAIM, str(question_id), primary=True)


def listed_block_id(question_id: int) -> str:
    """The block id of a question shown inside another message (see `LISTED`)."""
    return f"{LISTED}:{question_id}"


def is_listed(block_id: object) -> bool:
    return isinstance(block_id, str) and block_id.startswith(f"{LISTED}:")


def _buttons(lang: str, question: Question, *, direct: bool) -> list[dict[str, Any]]:
    value = str(question.id)
    found: list[dict[str, Any]] = []
    if question.state == "open":
        if question.claimed_by is None:
            found.append(claim_button(lang, question.id))
        found.append(button(t(lang, "sparring.button.answer"), ANSWER, value))
    if not direct and question.state in ("open", "answered"):
        found.append(button(t(lang, "sparring.button.resolve"), RESOLVE, value))
    if question.answer_text is not None and question.faq_guide_id is None and question.tool:
        found.append(button(t(lang, "sparring.button.faq"), SAVE_FAQ, value))
    return found


def answer_lines(lang: str, question: Question) -> list[str]:
    if question.answer_text is None:
        return []
    who = f"<@{question.answered_by}>"
    return [t(lang, "sparring.answer_from", who=who), *quoted(question.answer_text)]


def question_post(
    lang: str, routing: Routing, *, direct: bool, note: str | None = None
) -> dict[str, Any]:
    """What the ambassadors read; `direct` when it reaches them by DM (private, or no
    sparring channel). `note` (mrkdwn) is put first, e.g. why the coordinator got it."""
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
    if question.urgency == "urgent":
        intro = t(lang, "sparring.urgent") + " " + intro
    blocks: list[Block] = [section(note)] if note else []
    blocks += sections([intro, *quoted(question.text)])
    facts = []
    if question.tool:
        facts.append(t(lang, "sparring.post_tool", tool=escape(question.tool.name)))
    testers = {p.slack_user_id for p in routing.testers}
    area_people = [p for p in routing.recipients if p.slack_user_id not in testers]
    if area_people and not direct:
        facts.append(t(lang, "sparring.post_for", people=mentions(area_people)))
    if routing.testers and not direct and question.tool:
        facts.append(
            t(
                lang,
                "sparring.post_testers",
                tool=escape(question.tool.name),
                people=mentions(routing.testers),
            )
        )
    if question.private:
        facts.append(t(lang, "sparring.post_private"))
    if facts:
        blocks.append(section("\n".join(facts)))
    if routing.area_without_ambassador and question.area:
        blocks.append(context(t(lang, "sparring.gap", area=escape(question.area.name))))
    blocks += sections(answer_lines(lang, question))
    status = _status(lang, question)
    if status:
        blocks.append(context(shorten("\n".join(status), 2000)))
    if question.state == "open":
        if direct:
            blocks.append(context(t(lang, "sparring.post_direct", asker=asker)))
        else:
            blocks.append(context(t(lang, "sparring.post_reply")))
    buttons = _buttons(lang, question, direct=direct)
    if buttons:
        blocks.append(actions(*buttons))
    text = t(
        lang, "sparring.post_fallback", asker=asker, question=shorten(escape(question.text), 200)
    )
    return {"text": text, "blocks": blocks}


def _receipt_text(
    lang: str,
    routing: Routing,
    *,
    channel_id: str | None,
    failed_in: str | None,
    queued: bool,
) -> str:
    who = mentions(routing.recipients) or t(lang, "sparring.nobody")
    if queued:
        return t(lang, "sparring.receipt_queued")
    if failed_in:
        return t(lang, "sparring.receipt_failed", channel=f"<#{failed_in}>", people=who)
    if channel_id:
        return t(lang, "sparring.receipt_channel", channel=f"<#{channel_id}>", people=who)
    if routing.question.private:
        return t(lang, "sparring.receipt_private", people=who)
    return t(lang, "sparring.receipt_direct", people=who)


def receipt(
    lang: str,
    routing: Routing,
    *,
    channel_id: str | None,
    failed_in: str | None = None,
    queued: bool = False,
) -> dict[str, Any]:
    """What the asker is told privately: where the question went, and who will see it.
    `failed_in`: the sparring channel the bot could not post in. `queued`: Slack did not
    answer, so the question waits for it — said as it is, never "sent"."""
    text = _receipt_text(lang, routing, channel_id=channel_id, failed_in=failed_in, queued=queued)
    return {"text": text, "blocks": [section(text)]}


def sent_later(
    lang: str,
    routing: Routing,
    *,
    channel_id: str | None,
    failed_in: str | None = None,
    queued: bool = False,
) -> dict[str, Any]:
    """The asker's DM once a question that waited for Slack has gone out: which question
    (they were told it would come), and where it went — the receipt's words."""
    text = _receipt_text(lang, routing, channel_id=channel_id, failed_in=failed_in, queued=queued)
    if queued:  # some copies still wait: say that, not "sent"
        return {"text": text, "blocks": [section(text)]}
    intro = t(lang, "sparring.sent_later")
    blocks = sections([intro, *quoted(shorten(routing.question.text, QUESTION_SHOWN))])
    blocks.append(section(text))
    return {"text": f"{intro} {text}", "blocks": blocks}
