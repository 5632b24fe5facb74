"""When something fails: the person gets a short apology in their language, the log gets the
traceback (not the request body), and the bot keeps serving.

Listeners are wrapped by `guard`, which catches their failures itself. Bolt would otherwise
reset the already-sent ack when a listener fails right after acking, and the person would
also see Slack's own timeout error three seconds later. Bolt's error handler remains for
failures in middleware.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.request_log import describe
from bot.runtime import Services
from handlers.middleware import first_delivery, stamp_activity, user_id_of

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
    listener's own (but `lang`, which it resolves itself) plus those it needs.
    """
    own = list(inspect.signature(listener).parameters)

    async def guarded(**kwargs: Any) -> None:
        services.inflight.enter()
        body, context = kwargs["body"], kwargs["context"]
        try:
            if acks == "first":
                await kwargs["ack"]()
            elif acks == "auto" and not await first_delivery(services, body):
                return
            user_id = user_id_of(body)
            if user_id:
                stamp_activity(services, user_id)
            if "lang" in own:
                context["lang"] = await services.language.for_user(user_id)
            await listener(**{name: _arg(name, kwargs, context) for name in own})
            if after is not None:
                await after(body, kwargs["client"], context)
        except Exception as error:  # noqa: BLE001 - logged with its traceback, apologised for
            await report_failure(
                error, body, context, kwargs["client"], kwargs["respond"], services
            )
        finally:
            services.inflight.leave()

    needed = (*NEEDED, "ack") if acks == "first" else NEEDED
    names = [name for name in dict.fromkeys([*own, *needed]) if name != "lang"]
    guarded.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    guarded.__name__ = listener.__name__
    guarded.__qualname__ = listener.__qualname__
    guarded.__doc__ = listener.__doc__
    return guarded


def _arg(name: str, kwargs: dict[str, Any], context: AsyncBoltContext) -> Any:
    return context["lang"] if name == "lang" else kwargs[name]


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
