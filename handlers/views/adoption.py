"""The adoption modals: "Vi er stoppet" with its reason, and an ambassador's daycare and state.
The permission is checked again on submit (roles may have changed since the modal opened);
the receipt comes privately, in the person's DM with the bot."""

from __future__ import annotations

from bot.errors import FormRefused, NotAllowed
from bot.runtime import Services
from bot.services.adoption import set_adoption
from bot.views.adoption import SET_CALLBACK, STOP_CALLBACK, changed_message
from handlers.interactions import Submission, as_int
from handlers.reply import Reply

__all__ = ["SET_CALLBACK", "STOP_CALLBACK", "submit_set", "submit_stop"]


async def _save(
    reply: Reply,
    services: Services,
    lang: str,
    person: int,
    daycare_id: int,
    tool_id: int,
    state: str,
    reason: str,
    *,
    daycare_field: str,
) -> None:
    try:
        change = await set_adoption(
            services.db, services.clock, person, daycare_id, tool_id, state, reason
        )
    except NotAllowed as refused:
        raise FormRefused({daycare_field: ("adoption.not_allowed", {})}) from refused
    except LookupError as gone:
        raise FormRefused({daycare_field: ("adoption.gone", {})}) from gone
    await reply.accept_form()
    await reply.private(
        changed_message(lang, change.adoption, change.adoption.tool_name, changed=change.changed)
    )


async def submit_stop(submission: Submission, reply: Reply, services: Services) -> None:
    values = submission.values
    metadata = submission.metadata
    await _save(
        reply,
        services,
        submission.lang,
        submission.person,
        int(metadata.get("daycare_id") or 0),
        int(metadata.get("tool_id") or 0),
        "stopped",
        str(values.get("reason") or ""),
        daycare_field="reason",
    )


async def submit_set(submission: Submission, reply: Reply, services: Services) -> None:
    values = submission.values
    metadata = submission.metadata
    await _save(
        reply,
        services,
        submission.lang,
        submission.person,
        as_int(values.get("daycare")) or 0,
        int(metadata.get("tool_id") or 0),
        str(values.get("state") or ""),
        str(values.get("reason") or ""),
        daycare_field="daycare",
    )
