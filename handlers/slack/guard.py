"""When something fails: the person gets a short apology in their language, the log gets the
traceback (not the request body), and the bot keeps serving.

Listeners are wrapped by `guard`, which catches their failures itself. Bolt would otherwise
reset the already-sent ack when a listener fails right after acking, and the person would
also see Slack's own timeout error three seconds later. Bolt's error handler remains for
failures in middleware.

The guard is also the one place where the core's refusals (`bot.errors`) become what the
person sees, by class: `NotAllowed` — also for a handler's declared `requires` — the
refusal naming who may and the coordinators (or the scoped action's own text), privately
where they are (in a form: after closing it, by DM); `FormRefused` and `ContainsCpr` in a
form — the errors at its fields; `ContainsCpr` anywhere else — "not saved", privately.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ContainsCpr, FormRefused, NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.permissions import OWN_REFUSAL, ensure_allowed, required
from bot.views.help import text_message
from handlers.slack import render
from handlers.slack.middleware import acting_person, first_delivery, stamp_activity, user_id_of
from handlers.slack.privacy import not_saved
from handlers.slack.replies import refusal
from handlers.slack.request_log import describe

logger = logging.getLogger("tovholder.errors")
Listener = Callable[..., Awaitable[Any]]
#: Run after a listener that did not fail, with the request's body, client and context.
After = Callable[[dict[str, Any], AsyncWebClient, AsyncBoltContext], Awaitable[None]]
#: What `guard` asks Bolt for on top of the listener's own arguments.
NEEDED = ("body", "context", "client", "respond")


#: How a listener's request is acknowledged: "first" — the guard acks before anything else
#: (commands, buttons, shortcuts); "own" — the listener acks itself, maybe with field
#: errors (view submissions); "auto" — Bolt has acked already (events).
Acks = Literal["first", "own", "auto"]


def guard(
    services: Services, listener: Listener, after: After | None = None, *, acks: Acks = "first"
) -> Listener:
    """Ack first, then look up what the listener needs, then run it; track it as work in
    hand, and answer its failures with an apology. `after` runs once the listener has done
    its work (still counted as work in hand).

    Slack shows the person an error when the ack takes more than 3 seconds, so nothing
    slow comes before it: no database, no `users.info`. Only a view submission acks itself,
    after checking its fields (the errors must be in the person's language). An event is
    acked by Bolt before the guard runs; a repeated delivery of it stops here.

    Bolt passes each listener the arguments its signature names; the guard names the
    listener's own (but `lang` and `person_id`, which it resolves itself, after the ack)
    plus those it needs. Every request with a user gets `context["person_id"]`, the acting
    person's own id.
    """
    own = list(inspect.signature(listener).parameters)
    needs = required(listener)

    async def run(kwargs: dict[str, Any]) -> None:
        body, context = kwargs["body"], kwargs["context"]
        if acks == "first":
            await kwargs["ack"]()
        elif acks == "auto" and not await first_delivery(services, body):
            return
        user_id = user_id_of(body)
        if user_id:
            context["person_id"] = await acting_person(services, user_id)
            stamp_activity(services, context["person_id"])
        if "lang" in own:
            context["lang"] = await services.language.for_person(context.get("person_id"))
        try:
            await ensure_allowed(services.db, context.get("person_id"), needs)
            await listener(**{name: _arg(name, kwargs, context) for name in own})
        except (NotAllowed, FormRefused) as refused:
            if not await refuse(refused, kwargs, services):
                raise
        if acks == "own":
            await _close_unanswered(kwargs.get("ack"))
        if after is not None:
            await after(body, kwargs["client"], context)

    async def guarded(**kwargs: Any) -> None:
        services.inflight.enter()
        try:
            await run(kwargs)
        except Exception as error:  # noqa: BLE001 - logged with its traceback, apologised for
            await report_failure(
                error,
                kwargs["body"],
                kwargs["context"],
                kwargs["client"],
                kwargs["respond"],
                services,
            )
        finally:
            services.inflight.leave()

    needed = (*NEEDED, "ack") if acks in ("first", "own") else NEEDED
    names = [name for name in dict.fromkeys([*own, *needed]) if name not in RESOLVED]
    guarded.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    guarded.__name__ = listener.__name__
    guarded.__qualname__ = listener.__qualname__
    guarded.__doc__ = listener.__doc__
    return guarded


async def _close_unanswered(ack: AsyncAck | None) -> None:
    """A view submission its handler returned from without answering closes (Slack would
    otherwise show the person an error)."""
    if ack is not None and ack.response is None:
        await ack()


#: What the guard puts in the context itself, after the ack.
RESOLVED = ("lang", "person_id")


def _arg(name: str, kwargs: dict[str, Any], context: AsyncBoltContext) -> Any:
    return context[name] if name in RESOLVED else kwargs[name]


async def refuse(
    refused: NotAllowed | FormRefused, kwargs: dict[str, Any], services: Services
) -> bool:
    """What the person sees of a refusal, by its class (see the module docstring). A form
    that is still open shows a form refusal at its fields; a `NotAllowed` closes it and
    says why privately. Anything else that was refused answers privately where the person
    is: ephemeral to a command, below the clicked message, else by DM. False for a form
    refusal outside a form, which is a bug to report."""
    body, context = kwargs["body"], kwargs["context"]
    ack: AsyncAck | None = kwargs.get("ack")
    user_id = user_id_of(body)
    lang = context.get("lang") or await services.language.for_person(context.get("person_id"))
    form = ack if body.get("type") == "view_submission" and ack and ack.response is None else None
    if isinstance(refused, NotAllowed):
        message = await _refusal(services, lang, refused)
    elif form is not None:
        errors = {
            field: render.field_error(t(lang, key, **params))
            for field, (key, params) in refused.errors.items()
        }
        await form(response_action="errors", errors=errors)
        return True
    elif isinstance(refused, ContainsCpr):
        message = not_saved(lang, refused)
    else:
        return False
    if form is not None:
        await form()
    await _tell(body, kwargs.get("client"), kwargs.get("respond"), user_id, message)
    return True


async def _refusal(services: Services, lang: str, refused: NotAllowed) -> dict[str, Any]:
    own = OWN_REFUSAL.get(refused.action)
    if own is not None:
        return render.message(text_message(t(lang, own)))
    return await refusal(services, lang, refused.action)


async def _tell(
    body: dict[str, Any],
    client: AsyncWebClient | None,
    respond: AsyncRespond | None,
    user_id: str | None,
    message: dict[str, Any],
) -> None:
    """Ephemeral to a command or shortcut; below a clicked message, which is kept; else (a
    form, the App Home, an event) by DM."""
    if respond is not None and respond.response_url and body.get("type") != "view_submission":
        if body.get("type") == "block_actions":
            await respond(response_type="ephemeral", replace_original=False, **message)
        else:
            await respond(response_type="ephemeral", **message)
    elif client is not None and user_id:
        await client.chat_postMessage(channel=user_id, **message)


def error_handler(services: Services) -> Callable[..., Awaitable[None]]:
    """Bolt's global error handler, for failures outside the guarded listeners."""

    async def on_error(
        error: Exception,
        body: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient | None,
        respond: AsyncRespond | None,
    ) -> None:
        await report_failure(error, body, context, client, respond, services)

    return on_error


async def report_failure(
    error: Exception,
    body: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient | None,
    respond: AsyncRespond | None,
    services: Services,
) -> None:
    kind, name = describe(body)
    logger.error("listener failed kind=%s name=%s", kind, name, exc_info=error)
    try:
        await _apologise(body, context, client, respond, services)
    except Exception:
        logger.exception("could not send the apology kind=%s name=%s", kind, name)


async def _apologise(
    body: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient | None,
    respond: AsyncRespond | None,
    services: Services,
) -> None:
    user_id = user_id_of(body)
    if user_id is None:
        return
    lang = context.get("lang") or services.settings.lang
    text = t(lang, "error.apology")
    if respond is not None and context.response_url:
        await respond(text=text, response_type="ephemeral", replace_original=False)
    elif client is not None:
        await client.chat_postMessage(channel=user_id, text=text)
