"""Sparring: the question form, the post the ambassadors see, the asker's receipt.

The post carries the question's state (who took it, the answer, solved, saved as FAQ) and
the buttons that fit it; it is drawn from the stored question, so `chat.update` after a
claim, an answer or "solved" shows everyone the same thing.
"""

from __future__ import annotations

from bot.domain.guides import Tool
from bot.domain.sparring import Question, Routing
from bot.i18n import t
from bot.services.sparring import QUESTION_MAX
from bot.views.blocks import shorten
from bot.views.model import (
    Actions,
    Button,
    ChoiceField,
    Context,
    Form,
    FormField,
    Message,
    MultiChoiceField,
    Option,
    Part,
    Text,
    TextField,
)
from bot.views.network import mentions
from bot.views.text import channel, literal, mention

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
#: What a question showed for an erased (or retained) asker, answerer or claimer before
#: people had ids (the erasure's marker, as a mention): still shown for a former member.
FORMER_MEMBER = "former-member"


def who(person_id: int | None) -> str:
    """A mention of the person; a former member (None) as the erasure's marker read before
    person ids, which is what the question showed for them."""
    return mention(person_id) if person_id is not None else literal(f"<@{FORMER_MEMBER}>")


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
    """A person's text as quote lines, shown as written."""
    return [f"> {line}" for line in literal(text).split("\n")]


def _status(lang: str, question: Question) -> list[str]:
    lines = []
    if question.state == "resolved":
        lines.append(t(lang, "sparring.status_resolved"))
    if question.answered_at:
        lines.append(t(lang, "sparring.status_answered", who=who(question.answered_by)))
    elif question.claimed_at and question.state == "open":
        lines.append(t(lang, "sparring.status_claimed", who=who(question.claimed_by)))
    if question.faq_guide_id is not None and question.tool is not None:
        lines.append(t(lang, "sparring.status_faq", tool=literal(question.tool.name)))
    return lines


def claim_button(lang: str, question_id: int) -> Button:
    """ "Jeg tager den": the one claim, wherever the question is shown."""
    return Button(CLAIM, t(lang, "sparring.button.claim"), str(question_id), style="primary")


def listed_block_id(question_id: int) -> str:
    """The block id of a question shown inside another message (see `LISTED`)."""
    return f"{LISTED}:{question_id}"


def is_listed(block_id: object) -> bool:
    return isinstance(block_id, str) and block_id.startswith(f"{LISTED}:")


def _buttons(lang: str, question: Question, *, direct: bool) -> list[Button]:
    value = str(question.id)
    found: list[Button] = []
    if question.state == "open":
        if question.claimed_at is None:
            found.append(claim_button(lang, question.id))
        found.append(Button(ANSWER, t(lang, "sparring.button.answer"), value))
    if not direct and question.state in ("open", "answered"):
        found.append(Button(RESOLVE, t(lang, "sparring.button.resolve"), value))
    if question.answer_text is not None and question.faq_guide_id is None and question.tool:
        found.append(Button(SAVE_FAQ, t(lang, "sparring.button.faq"), value))
    return found


def answer_lines(lang: str, question: Question) -> list[str]:
    if question.answer_text is None:
        return []
    answerer = who(question.answered_by)
    return [t(lang, "sparring.answer_from", who=answerer), *quoted(question.answer_text)]


def question_post(lang: str, routing: Routing, *, direct: bool, note: str | None = None) -> Message:
    """What the ambassadors read; `direct` when it reaches them by DM (private, or no
    sparring channel). `note` (neutral Markdown) is put first, e.g. why the coordinator got
    it."""
    question = routing.question
    where = []
    if question.daycare:
        where.append(literal(question.daycare.name))
    if question.area:
        where.append(t(lang, "sparring.area", area=literal(question.area.name)))
    asker = who(question.asker_id)
    intro = t(lang, "sparring.post_intro", asker=asker)
    if where:
        intro += f" ({', '.join(where)})"
    if question.urgency == "urgent":
        intro = t(lang, "sparring.urgent") + " " + intro
    parts: list[Part] = [Text(note)] if note else []
    parts.append(Text("\n".join([intro, *quoted(question.text)])))
    facts = []
    if question.tool:
        facts.append(t(lang, "sparring.post_tool", tool=literal(question.tool.name)))
    testers = {p.id for p in routing.testers}
    area_people = [p for p in routing.recipients if p.id not in testers]
    if area_people and not direct:
        facts.append(t(lang, "sparring.post_for", people=mentions(area_people)))
    if routing.testers and not direct and question.tool:
        facts.append(
            t(
                lang,
                "sparring.post_testers",
                tool=literal(question.tool.name),
                people=mentions(routing.testers),
            )
        )
    if question.private:
        facts.append(t(lang, "sparring.post_private"))
    if facts:
        parts.append(Text("\n".join(facts)))
    if routing.area_without_ambassador and question.area:
        parts.append(Context(t(lang, "sparring.gap", area=literal(question.area.name))))
    answer = answer_lines(lang, question)
    if answer:
        parts.append(Text("\n".join(answer)))
    status = _status(lang, question)
    if status:
        parts.append(Context("\n".join(status)))
    if question.state == "open":
        if direct:
            parts.append(Context(t(lang, "sparring.post_direct", asker=asker)))
        else:
            parts.append(Context(t(lang, "sparring.post_reply")))
    buttons = _buttons(lang, question, direct=direct)
    if buttons:
        parts.append(Actions(tuple(buttons)))
    text = t(
        lang,
        "sparring.post_fallback",
        asker=asker,
        question=literal(shorten(question.text, 200)),
    )
    return Message(text, tuple(parts))


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
        return t(lang, "sparring.receipt_failed", channel=channel(failed_in), people=who)
    if channel_id:
        return t(lang, "sparring.receipt_channel", channel=channel(channel_id), people=who)
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
) -> Message:
    """What the asker is told privately: where the question went, and who will see it.
    `failed_in`: the sparring channel the bot could not post in. `queued`: the platform did
    not answer, so the question waits for it — said as it is, never "sent"."""
    text = _receipt_text(lang, routing, channel_id=channel_id, failed_in=failed_in, queued=queued)
    return Message(text, (Text(text),))


def sent_later(
    lang: str,
    routing: Routing,
    *,
    channel_id: str | None,
    failed_in: str | None = None,
    queued: bool = False,
) -> Message:
    """The asker's DM once a question that waited for the platform has gone out: which
    question (they were told it would come), and where it went — the receipt's words."""
    text = _receipt_text(lang, routing, channel_id=channel_id, failed_in=failed_in, queued=queued)
    if queued:  # some copies still wait: say that, not "sent"
        return Message(text, (Text(text),))
    intro = t(lang, "sparring.sent_later")
    question = Text("\n".join([intro, *quoted(shorten(routing.question.text, QUESTION_SHOWN))]))
    return Message(f"{intro} {text}", (question, Text(text)))
