"""The buttons of a sparring question: "Ask anyway", "I'll take it", "Answered", "Solved"
and "Save as FAQ". Whatever cannot be done is told privately to the one who clicked."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

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
from handlers.replies import private
from handlers.sparring_delivery import deliver, refresh_posts
from handlers.values import action_value, as_int


def _question_id(body: dict[str, Any]) -> int:
    return as_int(action_value(body)) or 0


def _clicked(body: dict[str, Any]) -> tuple[str, str] | None:
    """The message the button was on, unless it was an ephemeral one (not updatable) or one
    that only shows the question among other things (an escalation, a welcome's list)."""
    container = body.get("container") or {}
    channel, ts = container.get("channel_id"), container.get("message_ts")
    if not channel or not ts or container.get("is_ephemeral") or _listed(body):
        return None
    return str(channel), str(ts)


def _listed(body: dict[str, Any]) -> bool:
    actions = body.get("actions")
    action = actions[0] if isinstance(actions, list) and actions else None
    return isinstance(action, dict) and is_listed(action.get("block_id"))


async def _say(respond: AsyncRespond, lang: str, key: str, **params: object) -> None:
    """A catalogue text told privately; text parameters are escaped (see problem_message)."""
    await private(respond, problem_message(lang, key, params))


async def ask_anyway(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """ "Ask anyway" (after the guides) or "Yes, ask the network" (a DM): send the draft,
    once; the receipt replaces the offer."""
    try:
        routing = await send_draft(
            services.db, services.clock, _question_id(body), body["user"]["id"]
        )
    except NotYours:
        await _say(respond, lang, "sparring.not_yours")
        return
    if routing is None:
        await _say(respond, lang, "sparring.gone")
        return
    await respond(replace_original=True, **await deliver(client, services, routing, lang))


async def claim_question(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """ "I'll take it": of two at the same moment exactly one wins; the other is told who."""
    user_id = body["user"]["id"]
    try:
        outcome = await claim(services.db, services.clock, _question_id(body), user_id)
    except Refused as problem:
        await _say(respond, lang, problem.key, **problem.params)
        return
    question = outcome.question
    if outcome.changed:
        await refresh_posts(client, services, question, clicked=_clicked(body), clicker_lang=lang)
        if _listed(body):  # the message stays as it is: say what happened, and how to answer
            await private(respond, claimed_message(lang, question))
    elif question.state != "open":
        await _not_open(respond, lang, question)
    elif question.claimed_by == user_id:
        await _say(respond, lang, "sparring.claim_yours")
    else:
        await _say(respond, lang, "sparring.claim_taken", who=question.claimed_by or "")


async def _not_open(respond: AsyncRespond, lang: str, question: Question) -> None:
    if question.state == "answered":
        await _say(respond, lang, "sparring.already_answered", who=question.answered_by or "")
    else:
        await _say(respond, lang, "sparring.already_resolved")


async def open_answer(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """ "Answered": the modal to mark the answer, prefilled with the latest thread reply."""
    try:
        form = await answer_form(services.db, _question_id(body), body["user"]["id"])
    except Refused as problem:
        await _say(respond, lang, problem.key, **problem.params)
        return
    clicked = _clicked(body)
    modal = answer_modal(
        lang,
        form,
        channel_id=clicked[0] if clicked else None,
        message_ts=clicked[1] if clicked else None,
    )
    await client.views_open(trigger_id=body["trigger_id"], view=modal)


async def resolve_question(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """ "Solved", for the asker only: from the post, the answer DM or "my questions"."""
    try:
        outcome = await resolve(services.db, services.clock, _question_id(body), body["user"]["id"])
    except Refused as problem:
        await _say(respond, lang, problem.key, **problem.params)
        return
    if not outcome.changed:
        await _say(respond, lang, "sparring.already_resolved")
        return
    await refresh_posts(client, services, outcome.question)
    await _say(respond, lang, "sparring.resolved_ok")


async def save_faq(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """ "Save as FAQ": the question and answer become a new version of the tool's guide."""
    try:
        saved = await save_as_faq(
            services.db,
            services.clock,
            _question_id(body),
            body["user"]["id"],
            heading=t(services.settings.lang, "sparring.faq_heading"),
        )
    except Refused as problem:
        await _say(respond, lang, problem.key, **problem.params)
        return
    title = saved.guide.current.content.title
    if not saved.changed:
        await _say(respond, lang, "sparring.faq_already", guide=title)
        return
    await refresh_posts(client, services, saved.question, clicked=_clicked(body), clicker_lang=lang)
    await _say(
        respond, lang, "sparring.faq_saved", guide=title, version=saved.guide.current.version
    )
