"""The buttons of a sparring question: "Ask anyway", "I'll take it", "Answered", "Solved"
and "Save as FAQ". Whatever cannot be done is told privately to the one who clicked."""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.domain.sparring import Question
from bot.i18n import t
from bot.runtime import Services
from bot.services.sparring import NotYours, send_draft
from bot.services.sparring_handling import (
    Refused,
    answer_form,
    claim,
    resolve,
    save_as_faq,
)
from bot.views.sparring import is_listed
from bot.views.sparring_handling import answer_modal, claimed_message, problem_message
from handlers.interactions import Click, as_int
from handlers.reply import Reply
from handlers.sparring_delivery import deliver, refresh_posts


def _question_id(click: Click) -> int:
    return as_int(click.value) or 0


def _clicked(click: Click) -> MessageRef | None:
    """The message the button was on, unless it was an ephemeral one (not updatable) or one
    that only shows the question among other things (an escalation, a welcome's list)."""
    message = click.message
    if message is None or click.ephemeral or _listed(click):
        return None
    return message


def _listed(click: Click) -> bool:
    return is_listed(click.block_id)


async def _say(reply: Reply, lang: str, key: str, **params: object) -> None:
    """A catalogue text told privately; text parameters are escaped (see problem_message)."""
    await reply.private(problem_message(lang, key, params))


async def ask_anyway(click: Click, reply: Reply, services: Services) -> None:
    """ "Ask anyway" (after the guides) or "Yes, ask the network" (a DM): send the draft,
    once; the receipt replaces the offer."""
    lang = click.lang
    try:
        routing = await send_draft(services.db, services.clock, _question_id(click), click.person)
    except NotYours:
        await _say(reply, lang, "sparring.not_yours")
        return
    if routing is None:
        await _say(reply, lang, "sparring.gone")
        return
    await reply.replace(await deliver(services, routing, lang))


async def claim_question(click: Click, reply: Reply, services: Services) -> None:
    """ "I'll take it": of two at the same moment exactly one wins; the other is told who."""
    lang = click.lang
    person = click.person
    try:
        outcome = await claim(services.db, services.clock, _question_id(click), person)
    except Refused as problem:
        await _say(reply, lang, problem.key, **problem.params)
        return
    question = outcome.question
    if outcome.changed:
        await refresh_posts(services, question, clicked=_clicked(click), clicker_lang=lang)
        if _listed(click):  # the message stays as it is: say what happened, and how to answer
            await reply.private(claimed_message(lang, question))
    elif question.state != "open":
        await _not_open(reply, lang, question)
    elif question.claimed_by == person:
        await _say(reply, lang, "sparring.claim_yours")
    else:
        await _say(reply, lang, "sparring.claim_taken", who=question.claimed_by)


async def _not_open(reply: Reply, lang: str, question: Question) -> None:
    if question.state == "answered":
        await _say(reply, lang, "sparring.already_answered", who=question.answered_by)
    else:
        await _say(reply, lang, "sparring.already_resolved")


async def open_answer(click: Click, reply: Reply, services: Services) -> None:
    """ "Answered": the modal to mark the answer, prefilled with the latest thread reply."""
    lang = click.lang
    try:
        form = await answer_form(services.db, _question_id(click), click.person)
    except Refused as problem:
        await _say(reply, lang, problem.key, **problem.params)
        return
    modal = answer_modal(lang, form, clicked=_clicked(click))
    await reply.open_form(modal)


async def resolve_question(click: Click, reply: Reply, services: Services) -> None:
    """ "Solved", for the asker only: from the post, the answer DM or "my questions"."""
    lang = click.lang
    try:
        outcome = await resolve(services.db, services.clock, _question_id(click), click.person)
    except Refused as problem:
        await _say(reply, lang, problem.key, **problem.params)
        return
    if not outcome.changed:
        await _say(reply, lang, "sparring.already_resolved")
        return
    await refresh_posts(services, outcome.question)
    await _say(reply, lang, "sparring.resolved_ok")


async def save_faq(click: Click, reply: Reply, services: Services) -> None:
    """ "Save as FAQ": the question and answer become a new version of the tool's guide."""
    lang = click.lang
    try:
        saved = await save_as_faq(
            services.db,
            services.clock,
            _question_id(click),
            click.person,
            heading=t(services.settings.lang, "sparring.faq_heading"),
        )
    except Refused as problem:
        await _say(reply, lang, problem.key, **problem.params)
        return
    title = saved.guide.current.content.title
    if not saved.changed:
        await _say(reply, lang, "sparring.faq_already", guide=title)
        return
    await refresh_posts(services, saved.question, clicked=_clicked(click), clicker_lang=lang)
    await _say(reply, lang, "sparring.faq_saved", guide=title, version=saved.guide.current.version)
