"""How a handler answers the person whose request it handles, on any chat platform.

A handler gets its interaction (`handlers.interactions`) and a `Reply` for it, and answers
only through the reply (and the core's `Messenger` for anyone else). Each front end
implements the reply with what its platform offers for that request: in Slack an ephemeral
message through the request's response URL, a modal through its trigger, the answer to a
view submission in the HTTP response (`handlers.slack.reply`); in Teams a message in the
1:1 chat, a dialog, the invoke's response.

A form's field errors are not a reply: the handler raises `bot.errors.FormRefused` (or
`ContainsCpr`) and the front end shows them at the fields. A form the handler returns from
without answering is closed.
"""

from __future__ import annotations

from typing import Protocol

from bot.views import model


class Reply(Protocol):
    async def private(self, message: model.Message) -> None:
        """Shown to the acting person only, where they acted: below the message they
        clicked (which stays), in the conversation they typed the command in; by a private
        message where the platform cannot show it there (a form, the home page)."""

    async def replace(self, message: model.Message) -> None:
        """The message the person clicked becomes this one (for everyone who sees it)."""

    async def open_form(self, form: model.Form) -> None:
        """A form opened for the person, from the command or click they just made."""

    async def accept_form(self) -> None:
        """The form just sent is accepted and closes; the handler may go on working (the
        platform will not wait for the rest). Calling it twice does nothing."""

    async def update_form(self, form: model.Form) -> None:
        """The form just sent becomes `form` (the next step of the same form)."""

    async def push_form(self, form: model.Form) -> None:
        """`form` opens on top of the form just sent (a confirmation), which stays."""

    async def close_forms(self) -> None:
        """The form just sent and every form under it close."""
