"""The one error handler: the person gets a short apology in their language, the log gets the
traceback (not the request body), and the bot keeps serving."""

from __future__ import annotations

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


def error_handler(services: Services) -> Callable[..., Awaitable[None]]:
    async def on_error(
        error: Exception,
        body: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient | None,
        respond: AsyncRespond | None,
    ) -> None:
        kind, name = describe(body)
        logger.error("listener failed kind=%s name=%s", kind, name, exc_info=error)
        try:
            await _apologise(body, context, client, respond, services)
        except Exception:
            logger.exception("could not send the apology kind=%s name=%s", kind, name)
        finally:
            services.inflight.error_handled(error)

    return on_error


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
