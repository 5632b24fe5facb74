"""Sparring beyond the post: "maybe one of these helps?", the DM offer, the answer form,
the answer the asker gets, the coordinator's note when the channel failed, "my questions"."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from bot.domain.refs import MessageRef
from bot.domain.sparring import Question, Routing, Suggestion
from bot.i18n import t
from bot.services.sparring_handling import ANSWER_MAX, AnswerForm
from bot.views.blocks import shorten
from bot.views.dates import local_day
from bot.views.guides import SHOW as SHOW_GUIDE
from bot.views.model import Actions, Button, Context, Form, Heading, Message, Part, Text, TextField
from bot.views.sparring import (
    ANSWER,
    RESOLVE,
    answer_lines,
    claim_button,
    listed_block_id,
    quoted,
    who,
)
from bot.views.text import channel, literal

ASK_ANYWAY = "sparring_ask_anyway"
ANSWER_CALLBACK = "sparring_answer_submit"
#: Questions "my questions" lists before "… and N more".
LIST_MAX = 15
QUESTION_SHOWN = 300
#: What an answer form carries back (ids, and the reply it was prefilled with) stays under
#: what every platform keeps for a form: without the reply when it would not.
METADATA_MAX = 3000


def _suggestions(lang: str, suggestions: tuple[Suggestion, ...]) -> list[Part]:
    return [
        Text(
            t(lang, "sparring.maybe_line", title=literal(found.title), tool=literal(found.tool)),
            Button(SHOW_GUIDE, t(lang, "sparring.open_guide"), str(found.guide_id)),
        )
        for found in suggestions
    ]


def _resolve(lang: str, question: Question) -> Button:
    return Button(RESOLVE, t(lang, "sparring.button.resolve"), str(question.id))


def suggestions_message(lang: str, routing: Routing) -> Message:
    """Before the question is sent: guides that may already answer it, and "Ask anyway"."""
    question = routing.question
    parts: list[Part] = [
        Text(t(lang, "sparring.maybe_intro")),
        Text("\n".join([t(lang, "sparring.your_question"), *quoted(question.text)])),
        *_suggestions(lang, routing.suggestions),
        Context(t(lang, "sparring.maybe_hint")),
        Actions((Button(ASK_ANYWAY, t(lang, "sparring.ask_anyway"), str(question.id), "primary"),)),
    ]
    return Message(t(lang, "sparring.maybe_fallback"), tuple(parts))


def offer_message(lang: str, routing: Routing, *, late: bool = False) -> Message:
    """A DM that reads like a question: "Shall I ask the network?" — one click asks it.
    `late`: the platform did not answer when the person wrote, and the offer comes only now."""
    question = routing.question
    parts: list[Part] = [Context(t(lang, "sparring.offer_late"))] if late else []
    parts.append(Text(t(lang, "sparring.offer")))
    parts.append(Text("\n".join(quoted(question.text))))
    if routing.suggestions:
        parts.append(Text(t(lang, "sparring.offer_maybe")))
        parts += _suggestions(lang, routing.suggestions)
    parts.append(
        Actions(
            (Button(ASK_ANYWAY, t(lang, "sparring.offer_button"), str(question.id), "primary"),)
        )
    )
    return Message(t(lang, "sparring.offer"), tuple(parts))


def failed_post_note(lang: str, channel_id: str, error: str) -> str:
    """Put first in the coordinator's copy when the channel post failed (neutral Markdown).
    The error is shown as code, where every character but a backtick is shown as written."""
    code = error.replace("`", "'")
    return t(lang, "sparring.post_failed", channel=channel(channel_id), error=code)


def answer_modal(lang: str, form: AnswerForm, *, clicked: MessageRef | None) -> Form:
    """ "Answered": the answer to mark, prefilled with the latest reply in the thread.
    `clicked`: the message the button was on, re-drawn once the answer is marked."""
    question = form.question
    reply = form.reply
    metadata: dict[str, object] = {
        "question": question.id,
        "conversation": clicked.conversation_id if clicked else None,
        "message": clicked.message_id if clicked else None,
        "reply_message": reply.message.message_id if reply else None,
        "reply": reply.text.strip()[:ANSWER_MAX] if reply else None,
    }
    if len(json.dumps(metadata, ensure_ascii=False)) > METADATA_MAX:
        metadata["reply"] = None  # the reply text is only a comparison
        metadata["reply_message"] = None
    return Form(
        id=ANSWER_CALLBACK,
        title=t(lang, "sparring.answer_title"),
        submit=t(lang, "sparring.answer_submit"),
        close=t(lang, "sparring.close"),
        parts=(
            Text(
                "\n".join(
                    [t(lang, "sparring.answer_question"), *quoted(shorten(question.text, 1000))]
                )
            ),
            TextField(
                "answer",
                t(lang, "sparring.answer_input"),
                max_length=ANSWER_MAX,
                initial=reply.text if reply else "",
                long=True,
                hint=t(lang, "sparring.answer_hint_reply" if reply else "sparring.answer_hint"),
            ),
        ),
        metadata=metadata,
    )


def answer_in_thread(lang: str, question: Question) -> Message:
    """An answer typed in the form, posted in the question's thread so others read it."""
    text = "\n".join(answer_lines(lang, question))
    return Message(text, (Text(text),))


def answer_for_asker(lang: str, question: Question) -> Message:
    """The DM the asker gets when the answer is marked, with "Solved"."""
    answerer = who(question.answered_by)
    lines = [
        t(lang, "sparring.answer_dm", who=answerer),
        t(lang, "sparring.answer_dm_question"),
        *quoted(shorten(question.text, 1000)),
    ]
    parts: list[Part] = [Text("\n".join(lines))]
    answer = answer_lines(lang, question)
    if answer:
        parts.append(Text("\n".join(answer)))
    hint = "sparring.answer_dm_hint" if question.post else "sparring.answer_dm_hint_direct"
    parts.append(Context(t(lang, hint, who=answerer)))
    if question.state in ("open", "answered"):
        parts.append(Actions((_resolve(lang, question),)))
    text = t(
        lang,
        "sparring.answer_dm_fallback",
        who=answerer,
        answer=literal(shorten(question.answer_text or "", 300)),
    )
    return Message(text, tuple(parts))


def my_questions(lang: str, found: list[Question], tz: ZoneInfo) -> Message:
    """ "/sparring mine": the asker's questions not yet solved, each with "Solved"."""
    if not found:
        text = t(lang, "sparring.list_empty")
        return Message(text, (Text(text),))
    parts: list[Part] = [Heading(t(lang, "sparring.list_header"))]
    for question in found[:LIST_MAX]:
        if question.state == "answered":
            state = t(lang, "sparring.list_answered", who=who(question.answered_by))
        elif question.claimed_at:
            state = t(lang, "sparring.list_claimed", who=who(question.claimed_by))
        else:
            state = t(lang, "sparring.list_waiting")
        when = local_day(lang, question.created_at, tz)
        lines = [f"**{when}** · {state}", *quoted(shorten(question.text, QUESTION_SHOWN))]
        parts.append(Text("\n".join(lines), _resolve(lang, question)))
    if len(found) > LIST_MAX:
        parts.append(Context(t(lang, "sparring.list_more", count=len(found) - LIST_MAX)))
    return Message(t(lang, "sparring.list_fallback", count=len(found)), tuple(parts))


def claimed_message(lang: str, question: Question) -> Message:
    """ "Jeg tager den" clicked where the question is only listed: it is yours, where to
    answer, and **Besvaret** for the answer form."""
    asker = who(question.asker_id)
    if question.channel_id:
        text = t(
            lang, "sparring.claimed_channel", asker=asker, channel=channel(question.channel_id)
        )
    else:
        text = t(lang, "sparring.claimed_direct", asker=asker)
    question_lines = quoted(shorten(question.text, QUESTION_SHOWN))
    answer = Button(ANSWER, t(lang, "sparring.button.answer"), str(question.id))
    return Message(text, (Text("\n".join([text, *question_lines])), Actions((answer,))))


def open_questions(lang: str, found: list[Question], *, shown: int) -> list[Part]:
    """Questions waiting for someone, each with "Jeg tager den"; at most `shown`, then
    "… og N mere"."""
    parts: list[Part] = []
    for question in found[:shown]:
        asker = who(question.asker_id)
        if question.daycare:
            asker += f" ({literal(question.daycare.name)})"
        lines = [asker, *quoted(shorten(question.text, QUESTION_SHOWN))]
        parts.append(
            Text("\n".join(lines), claim_button(lang, question.id), listed_block_id(question.id))
        )
    if len(found) > shown:
        parts.append(Context(t(lang, "sparring.list_more", count=len(found) - shown)))
    return parts


def problem_message(lang: str, key: str, params: dict[str, object]) -> Message:
    """A refusal told privately: text parameters (tool and guide names) shown as written,
    a person's id as a mention of them (parameters `who` and `asker`; None: a former
    member)."""
    safe = {
        name: (
            who(value if isinstance(value, int) else None)
            if name in PEOPLE
            else literal(value)
            if isinstance(value, str)
            else value
        )
        for name, value in params.items()
    }
    text = t(lang, key, **safe)
    return Message(text, (Text(text),))


#: The parameters of a refusal that name a person.
PEOPLE = frozenset({"who", "asker"})
