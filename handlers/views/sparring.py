"""The sparring modal: open it (from `/sparring`, a guide or a "no match"), take the question;
and the "Answered" modal that marks the answer."""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.errors import FormRefused
from bot.i18n import t
from bot.ports import DeliveryFailed
from bot.runtime import Services
from bot.services.sparring import QuestionProblem, as_urgency, ask, check_question, tool_choices
from bot.services.sparring_handling import (
    Refused,
    check_answer,
    mark_answered,
    record_answer_post,
)
from bot.views.help import text_message
from bot.views.sparring import CALLBACK_ID, PRIVATE, sparring_modal, who
from bot.views.sparring_handling import (
    ANSWER_CALLBACK,
    answer_for_asker,
    answer_in_thread,
    problem_message,
)
from handlers.interactions import Submission, as_int, opened_in
from handlers.reply import Reply
from handlers.sparring_delivery import deliver, present, refresh_posts

__all__ = [
    "ANSWER_CALLBACK",
    "CALLBACK_ID",
    "deliver",
    "open_sparring",
    "submit_answer",
    "submit_question",
]


async def open_sparring(
    reply: Reply,
    services: Services,
    lang: str,
    *,
    question: str = "",
    tool_id: int | None = None,
    channel_id: str | None = None,
    from_guide: int | None = None,
) -> None:
    modal = sparring_modal(
        lang,
        await tool_choices(services.db),
        question=question,
        tool_id=tool_id,
        channel_id=channel_id,
        from_guide=from_guide,
    )
    await reply.open_form(modal)


async def submit_question(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    values = submission.values
    text = str(values.get("question") or "")
    try:
        check_question(text)
    except QuestionProblem as problem:
        raise FormRefused({"question": (problem.key, problem.params)}) from problem
    await reply.accept_form()
    metadata = submission.metadata
    routing = await ask(
        services.db,
        services.clock,
        request_key=f"view:{submission.form_id}",
        asker_id=submission.person,
        text=text,
        tool_id=as_int(values.get("tool")),
        urgency=as_urgency(values.get("urgency")),
        private=PRIVATE in (values.get(PRIVATE) or []),
        exclude_guide=metadata.get("guide") if isinstance(metadata.get("guide"), int) else None,
    )
    where = opened_in(submission, services.messenger.platform)
    await services.messenger.tell(submission.person, where, await present(services, routing, lang))


async def submit_answer(submission: Submission, reply: Reply, services: Services) -> None:
    """Mark the answer; the asker gets it by DM, and the post shows it. A typed answer (not
    the thread reply as prefilled) is posted in the thread too, so the thread holds it."""
    lang = submission.lang
    text = str(submission.values.get("answer") or "")
    try:
        check_answer(text)
    except Refused as problem:
        raise FormRefused({"answer": (problem.key, problem.params)}) from problem
    await reply.accept_form()
    person = submission.person
    metadata = submission.metadata
    asked = metadata.get("question")
    question_id = asked if isinstance(asked, int) else 0
    clicked = (metadata.get("conversation"), metadata.get("message"))
    replied = metadata.get("reply_message") if text.strip() == metadata.get("reply") else None
    try:
        outcome = await mark_answered(
            services.db,
            services.clock,
            question_id,
            person,
            text,
            reply=str(replied) if replied else None,
        )
    except Refused as problem:
        await reply.private(problem_message(lang, problem.key, problem.params))
        return
    question = outcome.question
    if not outcome.changed:  # a double submission, or someone answered a moment before
        if question.answered_by != person:
            message = t(lang, "sparring.already_answered", who=who(question.answered_by))
            await reply.private(text_message(message))
        return
    if replied is None and question.post:
        try:
            posted = await services.messenger.post(
                question.post.conversation,
                answer_in_thread(services.settings.lang, question),
                thread=question.post,
            )
        except DeliveryFailed:
            pass  # the answer is stored and goes to the asker; the thread copy is a courtesy
        else:
            await record_answer_post(services.db, question.id, posted.message_id)
    await refresh_posts(
        services,
        question,
        clicked=(
            MessageRef(services.messenger.platform, str(clicked[0]), str(clicked[1]))
            if all(clicked)
            else None
        ),
        clicker_lang=lang,
    )
    if question.asker_id is None:  # a former member: nobody to tell
        return
    asker_lang = await services.language.for_person(question.asker_id)
    await services.messenger.send_privately(
        question.asker_id, answer_for_asker(asker_lang, question)
    )
