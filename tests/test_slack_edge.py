"""The Slack edge reads each kind of request once into the value its handler takes, from the
bodies Slack really sent (tests/fixtures/slack-payloads), read the way the app reads them
(`handlers.slack.request_body`), and Bolt's context built from them."""

from __future__ import annotations

import inspect
import json
from types import SimpleNamespace
from typing import Any
from urllib.parse import unquote

import pytest
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.refs import ConversationRef, MessageRef
from bot.ports import Person
from bot.services.permissions import Action, required, requires
from bot.views.help import text_message
from handlers.interactions import (
    ChatMessage,
    Click,
    Command,
    HomeOpened,
    MessageChange,
    Shortcut,
    Submission,
)
from handlers.reply import Reply
from handlers.slack import edge, render
from handlers.slack.messenger import SlackMessenger
from handlers.slack.middleware import user_id_of
from handlers.slack.request_body import bolt_context, read_body
from tests.fixtures import SLACK_PAYLOADS

pytestmark = pytest.mark.skipif(not SLACK_PAYLOADS.is_dir(), reason="recorded payloads not present")

ANNA = "U01NK1K9L68"  # the person in every recorded payload: her Slack id
PERSON = 7  # and the bot's own id for her, as the middleware resolves it
BOT = "U01N9R657HB"  # the app's bot user in the recorded workspace
TESTS = "C01N9PM1D53"  # the channel the recorded messages and clicks are in


def request(name: str) -> tuple[dict[str, Any], AsyncBoltContext]:
    """A recorded request body, read as the app reads it, and Bolt's context for it."""
    raw = (SLACK_PAYLOADS / name).read_text().strip()
    if raw.startswith("payload%3D"):  # view_submission.urlencoded is encoded twice
        raw = unquote(raw)
    json_body = name.endswith(".json")
    body = read_body(raw.encode(), "application/json" if json_body else None)
    return body, resolved(body)


def sent(body: dict[str, Any]) -> tuple[dict[str, Any], AsyncBoltContext]:
    """A body made here (a kind no recording has), read as the app reads it."""
    read = read_body(json.dumps(body).encode(), "application/json")
    return read, resolved(read)


def resolved(body: dict[str, Any]) -> AsyncBoltContext:
    """Bolt's context for `body`, with the person the listener guard finds
    (`handlers.slack.middleware.acting_person`) for anyone who is not a bot."""
    context = bolt_context(body)
    if user_id_of(body):
        context["person_id"] = PERSON
    return context


def test_a_button_click() -> None:
    body, context = request("block_actions_button.urlencoded")
    assert edge.click(body, context, "da") == Click(
        person=PERSON,
        external_id=ANNA,
        action_id="button-action",
        value="click_me_123",
        message=MessageRef("slack", TESTS, "1613575038.002800"),
        where=ConversationRef("slack", TESTS),
        trigger="1785900466016.1761091294307.570d0e81a0429ccc47b150dc9fe53b02",
        lang="da",
        ephemeral=False,
        block_id="Hrn",
        on_home=False,
    )


def test_an_option_chosen_in_a_menu_is_its_value() -> None:
    body, context = request("block_actions_static_select.urlencoded")
    click = edge.click(body, context, "en")
    assert (click.action_id, click.value, click.block_id) == (
        "static_select-action",
        "value-0",
        "L9AX",
    )
    assert click.message == MessageRef("slack", TESTS, "1613575038.002800")
    assert click.lang == "en"


def test_a_date_picked_in_a_message_is_a_click_in_it() -> None:
    body, context = request("block_actions_datepicker.urlencoded")
    click = edge.click(body, context, "da")
    assert (click.person, click.external_id, click.action_id) == (PERSON, ANNA, "datepicker-action")
    assert click.where == ConversationRef("slack", TESTS)


def test_a_click_on_the_home_tab_has_no_message_and_says_where_it_was() -> None:
    body, _ = request("block_actions_button.urlencoded")
    for key in ("channel", "message", "response_url"):
        body.pop(key)
    body["container"] = {"type": "view", "view_id": "V0HOME"}
    body["view"] = {"id": "V0HOME", "type": "home"}
    click = edge.click(*sent(body), "da")
    assert (click.message, click.where, click.on_home) == (None, None, True)


def test_an_ephemeral_message_is_marked_so() -> None:
    body, _ = request("block_actions_button.urlencoded")
    body["container"]["is_ephemeral"] = True
    assert edge.click(*sent(body), "da").ephemeral


def test_a_slash_command() -> None:
    body, context = request("slash_command.urlencoded")
    assert edge.command(body, context, "da") == Command(
        person=PERSON,
        external_id=ANNA,
        name="/testcommand",
        text="",
        where=ConversationRef("slack", "C01N639ECTY"),
        trigger="2093168434705.1761091294307.7f8d01a322363a013721e32e83af484b",
        lang="da",
    )


def test_a_command_text_is_read_as_typed() -> None:
    body, _ = request("slash_command.urlencoded")
    body["text"] = "find Leg &amp; L&lt;3"
    assert edge.command(*sent(body), "da").text == "find Leg & L<3"


def test_a_form_submitted() -> None:
    body, context = request("view_submission.urlencoded")
    assert edge.submission(body, context, "da") == Submission(
        person=PERSON,
        external_id=ANNA,
        form="simple_callback_id",
        values={"1=zGH": "ddd", "7Zh": "dddd", "cbQh": None, "an8gR": None, "YWJ": "02:00"},
        metadata={},
        form_id="V01QKTZBFMK",
        lang="da",
    )


@pytest.mark.parametrize(
    ("metadata", "read"),
    [
        ('{"channel": "C1", "test_id": 7}', {"channel": "C1", "test_id": 7}),
        ("", {}),
        ("not json", {}),
        ("[1, 2]", {}),
    ],
)
def test_a_form_metadata_is_an_object_or_nothing(metadata: str, read: dict[str, Any]) -> None:
    body, _ = request("view_submission.urlencoded")
    body["view"]["private_metadata"] = metadata
    assert edge.submission(*sent(body), "da").metadata == read


def test_a_message_shortcut() -> None:
    body, context = request("message_action.urlencoded")
    assert edge.shortcut(body, context, "da") == Shortcut(
        person=PERSON,
        external_id=ANNA,
        name="test_action_message",
        message=MessageRef("slack", TESTS, "1613575790.003000"),
        text="iaudsiadudsa",
        trigger="1774851295009.1761091294307.ee997271b4b48c5d3b37e996c921df2f",
        lang="da",
    )


def test_a_message_in_a_channel() -> None:
    body, context = request("event_message.json")
    assert edge.chat_message(body, context, "da") == ChatMessage(
        person=PERSON,
        external_id=ANNA,
        text="this is a test message",
        addressed="this is a test message",
        message=MessageRef("slack", TESTS, "1613563664.001200"),
        lang="da",
    )


def test_a_mention_of_the_bot_in_a_thread() -> None:
    body, _ = request("event_message.json")
    body["event"]["text"] = f"<@{BOT}> hjælp &amp; tak"
    body["event"]["thread_ts"] = "1613563600.000100"
    read, context = sent(body)
    context["bot_user_id"] = BOT
    chat = edge.chat_message(read, context, "da")
    assert chat is not None
    assert (chat.text, chat.addressed) == (f"<@{BOT}> hjælp & tak", " hjælp & tak")
    assert chat.mentions_bot
    assert chat.message.thread_id == "1613563600.000100"


def test_a_direct_message() -> None:
    body, _ = request("event_message.json")
    body["event"]["channel_type"] = "im"
    chat = edge.chat_message(*sent(body), "da")
    assert chat is not None
    assert chat.direct


def test_a_bot_message_without_a_person_is_none() -> None:
    event = json.loads((SLACK_PAYLOADS / "event_bot_message.json").read_text())
    assert edge.chat_message(*sent(event), "da") is None


def test_a_message_an_app_posted_for_a_person_is_no_person_s() -> None:
    body, _ = request("event_message.json")
    body["event"]["bot_id"] = "B01MY4ZRP5M"
    assert edge.chat_message(*sent(body), "da") is None


def test_an_edit() -> None:
    body, context = request("event_message_changed.json")
    assert edge.message_change(body, context, "da") == MessageChange(
        message=MessageRef("slack", TESTS, "1613632675.006300"),
        external_id=ANNA,
        text="this is an edited message",
    )


def test_a_deletion() -> None:
    body, _ = request("event_message_changed.json")
    event = body["event"]
    event["subtype"] = "message_deleted"
    event["deleted_ts"] = event.pop("message")["ts"]
    change = edge.message_change(*sent(body), "da")
    assert change == MessageChange(MessageRef("slack", TESTS, "1613632675.006300"), None)
    assert change.deleted


def test_a_join_is_no_change() -> None:
    body, context = request("event_channel_join.json")
    assert edge.message_change(body, context, "da") is None


def test_the_home_tab_opened_and_the_messages_tab_not() -> None:
    event = {"type": "app_home_opened", "user": ANNA, "channel": "D1", "tab": "home"}
    body = {"type": "event_callback", "event_id": "Ev1", "event": event}
    assert edge.home_opened(*sent(body), "en") == HomeOpened(PERSON, ANNA, "en")
    body["event"] = {**event, "tab": "messages"}
    assert edge.home_opened(*sent(body), "en") is None


async def test_a_handler_gets_its_value_and_bolt_the_arguments_it_names() -> None:
    got: list[tuple[Click, object]] = []

    async def handler(click: Click, services: object) -> None:
        got.append((click, services))

    listener = edge.listener(handler)
    assert list(inspect.signature(listener).parameters) == ["services", "body", "context", "lang"]
    body, context = request("block_actions_button.urlencoded")
    await listener(services="services", body=body, context=context, lang="da")
    assert got == [(edge.click(body, context, "da"), "services")]


async def test_nothing_to_answer_calls_no_handler() -> None:
    got: list[MessageChange] = []

    async def handler(change: MessageChange) -> None:
        got.append(change)

    listener = edge.listener(handler)
    # No language; the services, which every listener reads (a form's people fields).
    assert list(inspect.signature(listener).parameters) == ["body", "context", "services"]
    body, context = request("event_channel_join.json")
    await listener(body=body, context=context, services=None)
    assert got == []


class Respond:
    """Bolt's `respond`: what it would post to the request's response_url."""

    def __init__(self, response_url: str | None) -> None:
        self.response_url = response_url
        self.sent: list[dict[str, Any]] = []

    async def __call__(self, **message: Any) -> None:
        self.sent.append(message)


async def nobody(person: Person) -> str:
    raise AssertionError("these messages mention nobody")


async def test_a_handler_answers_a_click_through_its_reply() -> None:
    """Privately below the clicked message (which stays), or in its place: what Slack's
    response_url is told."""

    async def handler(click: Click, reply: Reply) -> None:
        await reply.private(text_message("Kun til dig"))
        await reply.replace(text_message("I stedet"))

    listener = edge.listener(handler)
    assert {"respond", "ack", "services"} <= set(inspect.signature(listener).parameters)
    body, context = request("block_actions_button.urlencoded")
    respond = Respond("https://hooks.slack.com/actions/T1/1/x")
    services = SimpleNamespace(messenger=SlackMessenger(AsyncWebClient(), nobody))
    await listener(
        body=body, context=context, lang="da", respond=respond, ack=None, services=services
    )
    assert respond.sent == [
        {
            "response_type": "ephemeral",
            "replace_original": False,
            **render.message(text_message("Kun til dig")),
        },
        {"replace_original": True, **render.message(text_message("I stedet"))},
    ]


def test_a_handler_without_a_value_is_its_own_listener() -> None:
    async def handler(body: dict[str, Any]) -> None: ...

    assert edge.listener(handler) is handler


def test_the_permission_a_handler_declares_stays_on_its_listener() -> None:
    @requires(Action.RUN_TOOL_TESTS)
    async def handler(click: Click) -> None: ...

    assert required(edge.listener(handler)) is Action.RUN_TOOL_TESTS
