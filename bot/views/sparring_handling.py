"""Sparring beyond the post: "maybe one of these helps?", the DM offer, the answer modal,
the answer the asker gets, the coordinator's note when the channel failed, "my questions"."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.sparring import Question, Routing, Suggestion
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.sparring_handling import ANSWER_MAX, AnswerForm
from bot.views.blocks import (
    Block,
    actions,
    button,
    context,
    header,
    plain,
    section,
    sections,
    shorten,
    text_input,
)
from bot.views.dates import local_day
from bot.views.guides import SHOW as SHOW_GUIDE
from bot.views.sparring import (
    ANSWER,
    RESOLVE,
    answer_lines,
    claim_button,
    listed_block_id,
    quoted,
)

ASK_ANYWAY = "sparring_ask_anyway"
ANSWER_CALLBACK = "sparring_answer_submit"
#: Questions "my questions" lists before "… and N more".
LIST_MAX = 15
QUESTION_SHOWN = 300


def _suggestion_blocks(lang: str, suggestions: tuple[Suggestion, ...]) -> list[Block]:
    blocks: list[Block] = []
    for found in suggestions:
        line = t(lang, "sparring.maybe_line", title=escape(found.title), tool=escape(found.tool))
        block = section(shorten(line, 3000))
        block["accessory"] = button(t(lang, "sparring.open_guide"), SHOW_GUIDE, str(found.guide_id))
        blocks.append(block)
    return blocks


def suggestions_message(lang: str, routing: Routing) -> dict[str, Any]:
    """Before the question is sent: guides that may already answer it, and "Ask anyway"."""
    question = routing.question
    blocks: list[Block] = [section(t(lang, "sparring.maybe_intro"))]
    blocks += sections([t(lang, "sparring.your_question"), *quoted(question.text)])
    blocks += _suggestion_blocks(lang, routing.suggestions)
    blocks.append(context(t(lang, "sparring.maybe_hint")))
    blocks.append(
        actions(button(t(lang, "sparring.ask_anyway"), ASK_ANYWAY, str(question.id), primary=True))
    )
    return {"text": t(lang, "sparring.maybe_fallback"), "blocks": blocks}


def offer_message(lang: str, routing: Routing, *, late: bool = False) -> dict[str, Any]:
    """A DM that reads like a question: "Shall I ask the network?" — one click asks it.
    `late`: Slack did not answer when the person wrote, and the offer comes only now."""
    question = routing.question
    blocks: list[Block] = [context(t(lang, "sparring.offer_late"))] if late else []
    blocks.append(section(t(lang, "sparring.offer")))
    blocks += sections(quoted(question.text))
    if routing.suggestions:
        blocks.append(section(t(lang, "sparring.offer_maybe")))
        blocks += _suggestion_blocks(lang, routing.suggestions)
    blocks.append(
        actions(
            button(t(lang, "sparring.offer_button"), ASK_ANYWAY, str(question.id), primary=True)
        )
    )
    return {"text": t(lang, "sparring.offer"), "blocks": blocks}


def failed_post_note(lang: str, channel_id: str, error: str) -> str:
    """Put first in the coordinator's copy when the channel post failed."""
    return t(lang, "sparring.post_failed", channel=f"<#{channel_id}>", error=escape(error))


def answer_modal(
    lang: str, form: AnswerForm, *, channel_id: str | None, message_ts: str | None
) -> dict[str, Any]:
    """ "Answered": the answer to mark, prefilled with the latest reply in the thread."""
    question = form.question
    reply = form.reply
    blocks: list[Block] = sections(
        [t(lang, "sparring.answer_question"), *quoted(shorten(question.text, 1000))]
    )
    blocks.append(
        text_input(
            "answer",
            t(lang, "sparring.answer_input"),
            max_length=ANSWER_MAX,
            initial=reply.text if reply else "",
            multiline=True,
            hint=t(lang, "sparring.answer_hint_reply" if reply else "sparring.answer_hint"),
        )
    )
    metadata = {
        "question": question.id,
        "channel": channel_id,
        "ts": message_ts,
        "reply_ts": reply.ts if reply else None,
        "reply": reply.text.strip()[:ANSWER_MAX] if reply else None,
    }
    encoded = json.dumps(metadata)
    if len(encoded) > 3000:  # private_metadata's limit: the reply text is only a comparison
        metadata["reply"] = None
        metadata["reply_ts"] = None
        encoded = json.dumps(metadata)
    return {
        "type": "modal",
        "callback_id": ANSWER_CALLBACK,
        "title": plain(t(lang, "sparring.answer_title")),
        "submit": plain(t(lang, "sparring.answer_submit")),
        "close": plain(t(lang, "sparring.close")),
        "private_metadata": encoded,
        "blocks": blocks,
    }


def answer_in_thread(lang: str, question: Question) -> dict[str, Any]:
    """An answer typed in the modal, posted in the question's thread so others read it."""
    lines = answer_lines(lang, question)
    return {"text": shorten("\n".join(lines), 3000), "blocks": sections(lines)}


def answer_for_asker(lang: str, question: Question) -> dict[str, Any]:
    """The DM the asker gets when the answer is marked, with "Solved"."""
    who = f"<@{question.answered_by}>"
    blocks: list[Block] = sections(
        [
            t(lang, "sparring.answer_dm", who=who),
            t(lang, "sparring.answer_dm_question"),
            *quoted(shorten(question.text, 1000)),
        ]
    )
    blocks += sections(answer_lines(lang, question))
    hint = "sparring.answer_dm_hint" if question.message_ts else "sparring.answer_dm_hint_direct"
    blocks.append(context(t(lang, hint, who=who)))
    if question.state in ("open", "answered"):
        blocks.append(
            actions(button(t(lang, "sparring.button.resolve"), RESOLVE, str(question.id)))
        )
    text = t(
        lang,
        "sparring.answer_dm_fallback",
        who=who,
        answer=shorten(escape(question.answer_text or ""), 300),
    )
    return {"text": text, "blocks": blocks}


def my_questions(lang: str, found: list[Question], tz: ZoneInfo) -> dict[str, Any]:
    """ "/sparring mine": the asker's questions not yet solved, each with "Solved"."""
    if not found:
        text = t(lang, "sparring.list_empty")
        return {"text": text, "blocks": [section(text)]}
    blocks: list[Block] = [header(t(lang, "sparring.list_header"))]
    for question in found[:LIST_MAX]:
        if question.state == "answered":
            state = t(lang, "sparring.list_answered", who=f"<@{question.answered_by}>")
        elif question.claimed_by:
            state = t(lang, "sparring.list_claimed", who=f"<@{question.claimed_by}>")
        else:
            state = t(lang, "sparring.list_waiting")
        when = local_day(lang, question.created_at, tz)
        lines = [f"*{when}* · {state}", *quoted(shorten(question.text, QUESTION_SHOWN))]
        block = section(shorten("\n".join(lines), 3000))
        block["accessory"] = button(t(lang, "sparring.button.resolve"), RESOLVE, str(question.id))
        blocks.append(block)
    if len(found) > LIST_MAX:
        blocks.append(context(t(lang, "sparring.list_more", count=len(found) - LIST_MAX)))
    return {"text": t(lang, "sparring.list_fallback", count=len(found)), "blocks": blocks}


def claimed_message(lang: str, question: Question) -> dict[str, Any]:
    """ "Jeg tager den" clicked where the question is only listed: it is yours, where to
    answer, and **Besvaret** for the answer form."""
    asker = f"<@{question.asker_slack_id}>"
    if question.channel_id:
        text = t(lang, "sparring.claimed_channel", asker=asker, channel=f"<#{question.channel_id}>")
    else:
        text = t(lang, "sparring.claimed_direct", asker=asker)
    blocks: list[Block] = sections([text, *quoted(shorten(question.text, QUESTION_SHOWN))])
    blocks.append(actions(button(t(lang, "sparring.button.answer"), ANSWER, str(question.id))))
    return {"text": text, "blocks": blocks}


def open_questions_blocks(lang: str, found: list[Question], *, shown: int) -> list[Block]:
    """Questions waiting for someone, each with "Jeg tager den"; at most `shown`, then
    "… og N mere"."""
    blocks: list[Block] = []
    for question in found[:shown]:
        who = f"<@{question.asker_slack_id}>"
        if question.daycare:
            who += f" ({escape(question.daycare.name)})"
        lines = [who, *quoted(shorten(question.text, QUESTION_SHOWN))]
        block = section(shorten("\n".join(lines), 3000))
        block["block_id"] = listed_block_id(question.id)
        block["accessory"] = claim_button(lang, question.id)
        blocks.append(block)
    if len(found) > shown:
        blocks.append(context(t(lang, "sparring.list_more", count=len(found) - shown)))
    return blocks


def problem_message(lang: str, key: str, params: dict[str, object]) -> dict[str, Any]:
    """A refusal told privately; text parameters (tool and guide names) are escaped, ids are
    wrapped as mentions by the catalogue itself."""
    safe = {
        name: escape(value) if isinstance(value, str) else value for name, value in params.items()
    }
    text = t(lang, key, **safe)
    return {"text": text, "blocks": [section(text)]}
