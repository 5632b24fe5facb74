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
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.request_log import describe
from bot.runtime import Services
from handlers.middleware import user_id_of

logger = logging.getLogger("tovholder.errors")
Listener = Callable[..., Awaitable[Any]]
#: Run after a listener that did not fail, with the request's body, client and context.
After = Callable[[dict[str, Any], AsyncWebClient, AsyncBoltContext], Awaitable[None]]
#: What `guard` asks Bolt for on top of the listener's own arguments.
NEEDED = ("body", "context", "client", "respond")


def guard(services: Services, listener: Listener, after: After | None = None) -> Listener:
    """Track the listener as work in hand, and answer its failures with an apology; `after`
    runs once the listener has done its work (still counted as work in hand).

    Bolt passes each listener the arguments its signature names; the guard names the
    listener's own plus those it needs to apologise, and hands the listener its own.
    """
    own = list(inspect.signature(listener).parameters)

    async def guarded(**kwargs: Any) -> None:
        services.inflight.enter()
        try:
            await listener(**{name: kwargs[name] for name in own})
            if after is not None:
                await after(kwargs["body"], kwargs["client"], kwargs["context"])
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

    names = dict.fromkeys([*own, *NEEDED])
    guarded.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    guarded.__name__ = listener.__name__
    guarded.__qualname__ = listener.__qualname__
    guarded.__doc__ = listener.__doc__
    return guarded


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
