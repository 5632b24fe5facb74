"""The Slack edge: each request Bolt hands a listener is read here, once, into the value its
handler takes (`handlers.interactions`), so no handler reads Bolt's `body` or `context`.

A handler names the value it takes by its parameter's type (`click: Click`), the way Bolt
lets a listener name its arguments; `listener` turns such a handler into a Bolt listener
(the guard in `handlers.slack.guard` wraps that one in turn). The language is the one the guard
resolved for the person; the trigger to open a form is Slack's `trigger_id`, which only this
module and the Slack client know to be one.

Each reader takes the shape `handlers.slack.request_body` guarantees (an interaction names its
person, `actions[0]` has an `action_id`, a submitted view is an object with a `callback_id`) and
reads everything else as it finds it, never raising on an odd value.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import typing
from collections.abc import Awaitable, Callable
from dataclasses import fields, replace
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.domain.refs import ConversationRef, MessageRef, Platform
from bot.runtime import Services
from bot.services import identities
from handlers.interactions import (
    ChatMessage,
    Click,
    Command,
    HomeOpened,
    MessageChange,
    Shortcut,
    Submission,
)
from handlers.slack.messenger import SlackMessenger
from handlers.slack.reply import SlackReply
from handlers.slack.text import slack_text
from handlers.slack.values import Users, action_channel, action_value, submitted

SLACK: Platform = "slack"
#: A mention in a message's text: `<@U123>` or `<@U123|name>`.
MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")

Body = dict[str, Any]
Listener = Callable[..., Awaitable[Any]]


def command(body: Body, context: AsyncBoltContext, lang: str) -> Command:
    return Command(
        person=_person(context),
        external_id=_external_id(context),
        name=_text(body.get("command")),
        text=slack_text(body.get("text")),
        where=_conversation(context.channel_id),
        trigger=_text(body.get("trigger_id")),
        lang=lang,
    )


def click(body: Body, context: AsyncBoltContext, lang: str) -> Click:
    action = body["actions"][0]
    container = _object(body.get("container"))
    return Click(
        person=_person(context),
        external_id=_external_id(context),
        action_id=str(action["action_id"]),
        value=action_value(body),
        message=_message_ref(
            container.get("channel_id"),
            container.get("message_ts"),
            _object(body.get("message")).get("thread_ts"),
        ),
        where=_conversation(action_channel(body)),
        trigger=_text(body.get("trigger_id")),
        lang=lang,
        ephemeral=container.get("is_ephemeral") is True,
        block_id=_text(action.get("block_id")) or None,
        on_home=on_home(body),
    )


def submission(body: Body, context: AsyncBoltContext, lang: str) -> Submission:
    view = _object(body.get("view"))
    return Submission(
        person=_person(context),
        external_id=_external_id(context),
        form=_text(view.get("callback_id")),
        values=submitted(view),
        metadata=_metadata(view.get("private_metadata")),
        form_id=_text(view.get("id")),
        lang=lang,
    )


def shortcut(body: Body, context: AsyncBoltContext, lang: str) -> Shortcut:
    message = _object(body.get("message"))
    return Shortcut(
        person=_person(context),
        external_id=_external_id(context),
        name=_text(body.get("callback_id")),
        message=MessageRef(
            SLACK,
            _text(_object(body.get("channel")).get("id")),
            _text(message.get("ts")),
            _text(message.get("thread_ts")) or None,
        ),
        text=slack_text(message.get("text")),
        trigger=_text(body.get("trigger_id")),
        lang=lang,
    )


def chat_message(body: Body, context: AsyncBoltContext, lang: str) -> ChatMessage | None:
    """A new message (or a mention of the bot) by a person; None for a bot's, whose author
    the middleware resolved to no person."""
    event = _object(body.get("event"))
    if not isinstance(context.get("person_id"), int) or not _text(event.get("user")):
        return None
    raw = _text(event.get("text"))
    bot_user_id = context.bot_user_id
    return ChatMessage(
        person=_person(context),
        external_id=_text(event.get("user")),
        text=slack_text(raw),
        addressed=slack_text(MENTION.sub("", raw)),
        message=MessageRef(
            SLACK,
            _text(event.get("channel")),
            _text(event.get("ts")),
            _text(event.get("thread_ts")) or None,
        ),
        lang=lang,
        direct=event.get("channel_type") == "im",
        mentions_bot=bool(bot_user_id) and f"<@{bot_user_id}" in raw,
    )


def message_change(body: Body, context: AsyncBoltContext, lang: str) -> MessageChange | None:
    """An edit or a deletion; None for the other message events (joins, topics…)."""
    event = _object(body.get("event"))
    channel = _text(event.get("channel"))
    if event.get("subtype") == "message_deleted":
        return MessageChange(MessageRef(SLACK, channel, _text(event.get("deleted_ts"))), None)
    if event.get("subtype") != "message_changed":
        return None
    edited = _object(event.get("message"))
    author = _text(edited.get("user"))
    if not author:
        return None
    return MessageChange(
        MessageRef(
            SLACK,
            channel,
            _text(edited.get("ts")),
            _text(edited.get("thread_ts")) or None,
        ),
        author,
        slack_text(edited.get("text")),
        from_bot=bool(edited.get("bot_id")),
    )


def home_opened(body: Body, context: AsyncBoltContext, lang: str) -> HomeOpened | None:
    """The Home tab opened (None for the Messages tab, which the bot leaves alone)."""
    event = _object(body.get("event"))
    if event.get("tab") != "home" or not _text(event.get("user")):
        return None
    return HomeOpened(person=_person(context), external_id=_external_id(context), lang=lang)


def on_home(body: Body) -> bool:
    """Was the button clicked on the App Home (which has no response_url to answer on)?"""
    return _object(body.get("view")).get("type") == "home"


Parse = Callable[[Body, AsyncBoltContext, str], Any]
#: The value a handler may take, and its reader.
PARSERS: dict[type, Parse] = {
    Command: command,
    Click: click,
    Submission: submission,
    Shortcut: shortcut,
    ChatMessage: chat_message,
    MessageChange: message_change,
    HomeOpened: home_opened,
}


def listener(handler: Listener) -> Listener:
    """The Bolt listener for a handler that takes one of the values above: Bolt's `body`
    and `context` are read into it, and a handler that takes a `reply` gets Slack's answers
    to the request (`handlers.slack.reply`); its other arguments (`services`…) are passed as
    Bolt names them. When the reader finds nothing to answer (a bot's message, the Messages
    tab) the handler is not called. A handler that takes no value is Bolt's listener as it
    is."""
    hints = typing.get_type_hints(handler)
    taken = [(name, hint) for name, hint in hints.items() if hint in PARSERS]
    if not taken:
        return handler
    [(name, value_type)] = taken
    parse = PARSERS[value_type]
    others = [o for o in inspect.signature(handler).parameters if o not in (name, "reply")]
    replies = "reply" in inspect.signature(handler).parameters
    reads = [
        "body",
        "context",
        *(["lang"] if _has_lang(value_type) else []),
        *(["respond", "ack"] if replies else []),
        "services",
    ]

    async def listen(**kwargs: Any) -> None:
        value = parse(kwargs["body"], kwargs["context"], kwargs.get("lang", ""))
        if value is None:
            return
        if isinstance(value, Submission):
            value = await _with_people(value, kwargs["services"])
        extra = {"reply": _reply(value, kwargs)} if replies else {}
        await handler(**{name: value}, **extra, **{other: kwargs[other] for other in others})

    functools.update_wrapper(listen, handler)
    listen.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(param, inspect.Parameter.KEYWORD_ONLY)
            for param in dict.fromkeys([*others, *reads])
        ]
    )
    return listen


async def _with_people(submission: Submission, services: Services) -> Submission:
    """The form's people fields as person ids (someone new to the bot becomes a guest
    person): the core never sees a Slack user id."""
    values: dict[str, Any] = {}
    for field, value in submission.values.items():
        if isinstance(value, Users):
            people = [
                await identities.person_for(services.db, services.clock, SLACK, user)
                for user in value.ids
            ]
            value = people if value.many else (people[0] if people else None)
        values[field] = value
    return replace(submission, values=values)


def _reply(value: object, kwargs: dict[str, Any]) -> SlackReply:
    """Slack's answers to the request `value` was read from."""
    messenger = kwargs["services"].messenger
    if not isinstance(messenger, SlackMessenger):
        raise TypeError("the Slack front end needs the Slack messenger")
    return SlackReply(
        messenger,
        getattr(value, "person", 0),
        respond=kwargs.get("respond"),
        ack=kwargs.get("ack") if isinstance(value, Submission) else None,
        trigger=getattr(value, "trigger", ""),
        clicked=isinstance(value, Click) and value.message is not None,
    )


def _has_lang(value_type: type) -> bool:
    return "lang" in {field.name for field in fields(value_type)}


def _person(context: AsyncBoltContext) -> int:
    """The bot's own id for the acting person, as the listener guard (`handlers.slack.guard.guard`)
    found it after the ack (`handlers.slack.middleware.acting_person`)."""
    person = context.get("person_id")
    if not isinstance(person, int):
        raise LookupError("no person resolved for this request")
    return person


def _external_id(context: AsyncBoltContext) -> str:
    """The acting person's Slack user id, as Bolt read it from the request."""
    return _text(context.user_id)


def _conversation(channel_id: object) -> ConversationRef | None:
    channel = _text(channel_id)
    return ConversationRef(SLACK, channel) if channel else None


def _message_ref(channel_id: object, ts: object, thread_ts: object) -> MessageRef | None:
    channel, message = _text(channel_id), _text(ts)
    if not channel or not message:
        return None
    return MessageRef(SLACK, channel, message, _text(thread_ts) or None)


def _metadata(raw: object) -> dict[str, Any]:
    """What the form was opened with: a JSON object, or nothing when it is not one."""
    try:
        found = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
