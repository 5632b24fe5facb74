"""Slack's `Reply` (`handlers.reply`): the answers Slack offers to the request in hand.

- to a command: ephemeral messages through its `response_url`;
- to a click on a message: ephemeral below it (the message stays), or the message itself
  replaced, through the click's `response_url`; on the App Home (no `response_url`) a DM;
- to a view submission: the HTTP response (`ack`) closes, updates or pushes onto the modal;
  Slack waits for it at most 3 seconds, so `accept_form` answers before the handler's slow
  work and the guard answers for a handler that returns without doing so;
- a form opens through the request's `trigger_id`.

Every message and form is rendered with its mentions as Slack user ids by the messenger.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.views import model
from handlers.slack.messenger import SlackMessenger


class SlackReply:
    def __init__(
        self,
        messenger: SlackMessenger,
        person: int,
        *,
        respond: AsyncRespond | None = None,
        ack: AsyncAck | None = None,
        trigger: str = "",
        clicked: bool = False,
    ) -> None:
        self._messenger = messenger
        self._person = person
        self._respond = respond if respond is not None and respond.response_url else None
        #: The view submission's answer; None for any other request (the guard acked it).
        self._ack = ack
        self._trigger = trigger
        #: A click on a message: an ephemeral answer must not replace it.
        self._clicked = clicked

    async def private(self, message: model.Message) -> None:
        if self._respond is None:
            await self._messenger.send_privately(self._person, message)
            return
        payload = await self._messenger.payload(message)
        if self._clicked:
            await self._respond(response_type="ephemeral", replace_original=False, **payload)
        else:
            await self._respond(response_type="ephemeral", **payload)

    async def replace(self, message: model.Message) -> None:
        if self._respond is None:
            raise LookupError("no clicked message to replace")
        await self._respond(replace_original=True, **await self._messenger.payload(message))

    async def open_form(self, form: model.Form) -> None:
        await self._messenger.open_form(self._trigger, form)

    @property
    def form_answered(self) -> bool:
        """The view submission has had its answer (always, for any other request)."""
        return self._ack is None or self._ack.response is not None

    async def accept_form(self) -> None:
        await self._answer_form()

    async def update_form(self, form: model.Form) -> None:
        await self._answer_form(response_action="update", view=await self._messenger.view(form))

    async def push_form(self, form: model.Form) -> None:
        await self._answer_form(response_action="push", view=await self._messenger.view(form))

    async def close_forms(self) -> None:
        await self._answer_form(response_action="clear")

    async def _answer_form(self, **answer: Any) -> None:
        if self._ack is None:
            raise LookupError("not a form submission")
        if self._ack.response is None:
            await self._ack(**answer)
