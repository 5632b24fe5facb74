"""The two ways the core reaches people: a `Messenger` and a `Directory`.

Services and jobs talk to these, never to a chat platform's client; each front end
implements both (Slack's in `handlers/slack/`). A platform's failures arrive as a few
neutral errors, all a `DeliveryFailed`, so a job decides "try again later", "never" or
"wait this long" without knowing whose error code it was:

- `RateLimited(retry_after)`: the platform asked to slow down; nothing was done.
- `Gone`: the conversation, message or person is no longer there.
- `NotPermitted`: the bot may not do this there (not a member, blocked, not installed,
  a missing permission).
- `Temporary`: the platform or the way to it failed for now (5xx, an HTML error page, an
  empty 404, a timeout, a dropped connection). `maybe_delivered` says whether the call may
  have been carried out all the same (a timeout, a dropped connection, a 5xx), so a
  message that must go out once is looked up before it is sent again.
- `DeliveryFailed` itself: refused for a reason another try will not mend (the message was
  malformed or too long); `reason` names it.

A person is the bot's person id (`people.id`); each front end turns it into its own user
(Slack's through the identities table, `handlers.slack.messenger.slack_people`).

`reason` is the platform's own short code (`channel_not_found`, `http_503`,
`TimeoutError`): for logs and stored failure reasons, never personal text.

Exactly once: a message that must not go out twice carries a `Tag` (the bot's own key,
ids only). When the bot cannot know whether an earlier send landed, it reads the
conversation's newest tagged messages (`Messenger.tagged`) before sending again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.domain.refs import ConversationRef, MessageRef, Platform
from bot.views import model

#: A message to show and a form to open: the neutral model of `bot.views.model`, which each
#: front end renders. A `dict` is a payload a view still builds in the platform's own terms
#: (Slack's Block Kit) until every view returns the model; it is sent as it is.
Message = model.Message | dict[str, Any]
Form = model.Form | dict[str, Any]
Person = int
#: How many of a conversation's newest messages a tag look-up reads at most: a post whose
#: answer was lost is always among the newest.
TAG_WINDOW = 200


class DeliveryFailed(Exception):
    """The platform did not do what was asked. `reason`: its short code, for logs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RateLimited(DeliveryFailed):
    """Too many calls: try again after `retry_after` seconds. Nothing was done."""

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class Gone(DeliveryFailed):
    """The conversation, message or person is not there (any more)."""


class NotPermitted(DeliveryFailed):
    """The bot may not do this there: not a member, blocked, not installed, no permission."""


class Temporary(DeliveryFailed):
    """A passing failure of the platform or the network; worth another try later.
    `maybe_delivered`: the call may have been carried out all the same."""

    def __init__(self, reason: str, *, maybe_delivered: bool) -> None:
        super().__init__(reason)
        self.maybe_delivered = maybe_delivered


@dataclass(frozen=True)
class Tag:
    """The bot's own key on a message that must go out once: a `kind` and a few ids."""

    kind: str
    payload: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Tagged:
    """A message found by a tag look-up: where it is, and its tag's payload (as text)."""

    ref: MessageRef
    payload: Mapping[str, str]


class Messenger(Protocol):
    """Sends, changes and looks up the bot's messages on one platform.

    `person` is the bot's person id. Every method raises a `DeliveryFailed` when the
    platform did not do it.
    """

    @property
    def platform(self) -> Platform:
        """Whose conversations this messenger reaches (a stored conversation id is this
        platform's)."""
        ...

    def paced(self) -> Messenger:
        """The same messenger for a caller that paces itself (the dispatcher): a rate limit
        comes back at once as `RateLimited` instead of being waited out inside the call."""
        ...

    async def post(
        self,
        where: ConversationRef,
        message: Message,
        *,
        thread: MessageRef | None = None,
        tag: Tag | None = None,
    ) -> MessageRef:
        """Post in a conversation (in `thread` when given). A tagged post is not repeated
        inside the call after a timeout or a dropped connection: the caller looks first."""
        ...

    async def update(self, ref: MessageRef, message: Message) -> None:
        """Replace a message the bot posted."""
        ...

    async def delete(self, ref: MessageRef) -> None:
        """Remove a message the bot posted."""
        ...

    async def send_privately(
        self, person: Person, message: Message, *, tag: Tag | None = None
    ) -> MessageRef:
        """A message in the person's 1:1 conversation with the bot."""
        ...

    async def tell(
        self,
        person: Person,
        where: ConversationRef | None,
        message: Message,
        *,
        thread: MessageRef | None = None,
    ) -> None:
        """Shown to the person only: in `where` (in the thread of `thread`, a message or
        its thread's first, when given) when the platform can (Slack's ephemeral message),
        else — or when that fails — privately."""
        ...

    async def link(self, ref: MessageRef) -> str | None:
        """A link that opens the message for whoever may see it (stored with a result made
        from it); None when the platform gives none."""
        ...

    async def text_of(self, ref: MessageRef) -> str | None:
        """The message's text as it reads now, as typed (the platform's escaping undone);
        None when it is gone or cannot be read."""
        ...

    async def open_form(self, trigger: str, form: Form) -> None:
        """Open a form for the person whose click or command gave `trigger`."""
        ...

    async def publish_home(self, person: Person, page: model.HomePage) -> None:
        """The person's home page (Slack's App Home; Teams' "Hjem" card) becomes `page`."""
        ...

    async def upload_file(
        self,
        person: Person,
        content: bytes | str,
        filename: str,
        title: str,
        *,
        comment: str | None = None,
    ) -> None:
        """A file in the person's 1:1 conversation with the bot, the one place nobody else
        reads along. `comment` is shown with it."""
        ...

    async def share_file(
        self, where: ConversationRef, content: bytes | str, filename: str, title: str
    ) -> None:
        """A file in a conversation (the weekly digest's chart)."""
        ...

    async def private_conversation(self, person: Person) -> ConversationRef:
        """The person's 1:1 conversation with the bot (where `send_privately` posts)."""
        ...

    def tagged(
        self, where: ConversationRef, kind: str, *, window: int = TAG_WINDOW
    ) -> AsyncIterator[Tagged]:
        """The conversation's messages tagged `kind`, newest first, among its newest
        `window` messages. Raises `DeliveryFailed` when the history cannot be read:
        `Temporary`/`RateLimited` — nobody knows, do not send blindly now; otherwise the
        platform refused for good and the caller may send without knowing."""
        ...


@dataclass(frozen=True)
class DirectoryEntry:
    """What the platform's directory says about a person. `external_id` is the platform's
    id for them; `language` its locale (`da-DK`, `en-US`) when it tells."""

    external_id: str
    name: str
    email: str | None = None
    language: str | None = None
    time_zone: str | None = None


class Directory(Protocol):
    """Who someone is on the platform. Look-ups only enrich an answer, so they are quick
    (one short try); they raise `DeliveryFailed` when the platform could not be asked."""

    async def find_by_email(self, email: str) -> DirectoryEntry | None:
        """The person with this e-mail address; None when the platform knows none."""
        ...

    async def describe(self, person: Person) -> DirectoryEntry | None:
        """Name, e-mail, language and time zone; None when the platform knows them not."""
        ...
