"""Block Kit limits: the stand-in refuses what Slack refuses, and says exactly why."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import SlackStandIn, check_message, validate_message_blocks, validate_view
from tests.standin.conftest import ANNA, GENERAL


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def section(text: str = "tekst", **extra: Any) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def button(text: str = "Ok", value: str = "v", action_id: str = "ok") -> dict[str, Any]:
    return {"type": "button", "text": plain(text), "value": value, "action_id": action_id}


def options(count: int, text: str = "valg", value: str | None = None) -> list[dict[str, Any]]:
    return [{"text": plain(text), "value": value or f"v{i}"} for i in range(count)]


def select(opts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "static_select", "action_id": "pick", "options": opts}


def modal(**changes: Any) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": "form",
        "title": plain("Titel"),
        "submit": plain("Send"),
        "close": plain("Luk"),
        "blocks": [section()],
    }
    view.update(changes)
    return view


def text_input(**element: Any) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": "in",
        "label": plain("Felt"),
        "element": {"type": "plain_text_input", "action_id": "v", **element},
    }


MESSAGE_CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("51 blocks", {"blocks": [section()] * 51}, "invalid_blocks", "51 blocks, the limit is 50"),
    (
        "header of 151",
        {"blocks": [{"type": "header", "text": plain("h" * 151)}]},
        "invalid_blocks",
        "blocks[0] (header): text attribute cannot exceed 150",
    ),
    ("section text 3001", {"blocks": [section("s" * 3001)]}, "invalid_blocks", "3000"),
    (
        "11 fields",
        {"blocks": [{"type": "section", "fields": [plain("f")] * 11}]},
        "invalid_blocks",
        "fields attribute cannot exceed 10",
    ),
    (
        "field of 2001",
        {"blocks": [{"type": "section", "fields": [plain("f" * 2001)]}]},
        "invalid_blocks",
        "fields[0]: 2001 characters, the limit is 2000",
    ),
    (
        "button text 76",
        {"blocks": [{"type": "actions", "elements": [button(text="b" * 76)]}]},
        "invalid_blocks",
        "elements[0]: text attribute cannot exceed 75",
    ),
    (
        "button value 2001",
        {"blocks": [{"type": "actions", "elements": [button(value="v" * 2001)]}]},
        "invalid_blocks",
        "value attribute cannot exceed 2000",
    ),
    (
        "101 options",
        {"blocks": [section(accessory=select(options(101)))]},
        "invalid_blocks",
        "accessory: options attribute cannot exceed 100",
    ),
    (
        "option text 76",
        {"blocks": [section(accessory=select(options(1, text="o" * 76)))]},
        "invalid_blocks",
        "options[0]: text attribute cannot exceed 75",
    ),
    (
        "option value 151",
        {"blocks": [section(accessory=select(options(1, value="v" * 151)))]},
        "invalid_blocks",
        "options[0]: value attribute cannot exceed 150",
    ),
    (
        "26 action elements",
        {
            "blocks": [
                {
                    "type": "actions",
                    "elements": [button(action_id=f"b{i}") for i in range(26)],
                }
            ]
        },
        "invalid_blocks",
        "elements attribute cannot exceed 25",
    ),
    (
        "11 context elements",
        {"blocks": [{"type": "context", "elements": [plain("c")] * 11}]},
        "invalid_blocks",
        "elements attribute cannot exceed 10",
    ),
    (
        "block_id 256",
        {"blocks": [section(block_id="b" * 256)]},
        "invalid_blocks",
        "block_id cannot exceed 255",
    ),
    (
        "action_id 256",
        {"blocks": [{"type": "actions", "elements": [button(action_id="a" * 256)]}]},
        "invalid_blocks",
        "action_id attribute cannot exceed 255",
    ),
    (
        "duplicate block_id",
        {"blocks": [section(block_id="same"), section(block_id="same")]},
        "invalid_blocks",
        "blocks[1] (section).block_id: duplicate block_id 'same' (also blocks[0])",
    ),
    (
        "duplicate action_id in a block",
        {"blocks": [{"type": "actions", "elements": [button(), button()]}]},
        "invalid_blocks",
        "elements[1].action_id: duplicate action_id 'ok' in one block",
    ),
    (
        "empty text object",
        {"blocks": [section("")]},
        "invalid_blocks",
        "blocks[0] (section).text.text: must be a non-empty string",
    ),
    (
        "unknown block type",
        {"blocks": [{"type": "carousel_of_joy"}]},
        "invalid_blocks",
        "block type 'carousel_of_joy' is not allowed in a message",
    ),
    ("text over 4000", {"text": "t" * 4001}, "msg_too_long", "4001 characters, the limit is 4000"),
    ("neither text nor blocks", {}, "no_text", "needs text, blocks or attachments"),
    (
        "blocks inside attachments",
        {"attachments": [{"blocks": [section("a" * 3001)]}]},
        "invalid_blocks",
        "attachments[0].blocks[0] (section)",
    ),
]

VIEW_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("title 25", modal(title=plain("t" * 25)), "title must be between 1 and 24"),
    ("submit 25", modal(submit=plain("s" * 25)), "submit cannot exceed 24"),
    ("close 25", modal(close=plain("c" * 25)), "close cannot exceed 24"),
    ("private_metadata 3001", modal(private_metadata="p" * 3001), "private_metadata cannot exceed"),
    ("callback_id 256", modal(callback_id="c" * 256), "callback_id cannot exceed 255"),
    ("101 blocks", modal(blocks=[section()] * 101), "between 1 and 100 blocks"),
    (
        "max_length 3001",
        modal(blocks=[text_input(max_length=3001)]),
        "element.max_length: 3001, the limit is 3000",
    ),
    (
        "min_length over max_length",
        modal(blocks=[text_input(min_length=10, max_length=5)]),
        "min_length: 10 is greater than max_length 5",
    ),
    (
        "over 250 kB",
        modal(blocks=[section("é" * 1500, block_id=f"b{i}") for i in range(90)]),
        "bytes of JSON, the limit is 250000",
    ),
    ("no title", modal(title=None), "a modal needs a title"),
    (
        "duplicate block_id in a view",
        modal(blocks=[section(block_id="same"), section(block_id="same")]),
        "view.blocks[1] (section).block_id: duplicate block_id 'same' (also view.blocks[0])",
    ),
    (
        "duplicate action_id in a view's block",
        modal(blocks=[{"type": "actions", "elements": [button(value="a"), button(value="b")]}]),
        "view.blocks[0] (actions).elements[1].action_id: duplicate action_id 'ok' in one block",
    ),
    (
        "input without submit",
        modal(submit=None, blocks=[text_input()]),
        "a modal with input blocks needs a submit button",
    ),
    ("wrong type", modal(type="dialog"), "must be 'modal' or 'home'"),
]


@pytest.mark.parametrize(
    ("body", "error", "reason"),
    [pytest.param(body, error, reason, id=name) for name, body, error, reason in MESSAGE_CASES],
)
async def test_message_refusals(
    client: AsyncWebClient, standin: SlackStandIn, body: dict[str, Any], error: str, reason: str
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client.api_call("chat.postMessage", json={"channel": GENERAL, **body})
    data = caught.value.response.data
    assert data["error"] == error
    assert any(reason in r for r in data["errors"]), data["errors"]
    assert data["response_metadata"]["messages"][0].startswith("[ERROR] ")
    call = standin.calls[-1]
    assert not call.ok and call.error == error and call.errors == data["errors"]
    assert standin.messages(GENERAL) == []


@pytest.mark.parametrize(
    ("view", "reason"), [pytest.param(view, reason, id=name) for name, view, reason in VIEW_CASES]
)
async def test_view_refusals(
    client: AsyncWebClient, standin: SlackStandIn, view: dict[str, Any], reason: str
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=view)
    data = caught.value.response.data
    assert data["error"] == "invalid_arguments"
    assert any(reason in r for r in data["errors"]), data["errors"]
    assert standin.open_views(ANNA) == []


async def test_home_tab_over_100_blocks_is_refused(client: AsyncWebClient) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client.views_publish(user_id=ANNA, view={"type": "home", "blocks": [section()] * 101})
    assert caught.value.response["error"] == "invalid_arguments"


RICH_MESSAGE: list[dict[str, Any]] = [
    {"type": "header", "text": plain("Ugens ambassadører")},
    section(
        "*Anna* har hjulpet 12 kolleger",
        accessory=button(text="Tak", value="thanks:anna", action_id="thank"),
    ),
    {"type": "section", "fields": [plain("Team"), {"type": "mrkdwn", "text": "*Dagtilbud*"}]},
    {"type": "divider"},
    {
        "type": "actions",
        "block_id": "choose",
        "elements": [
            select(options(3)),
            {"type": "datepicker", "action_id": "when", "initial_date": "2026-12-01"},
            {"type": "overflow", "action_id": "more", "options": options(2)},
            {"type": "checkboxes", "action_id": "tick", "options": options(2)},
            button(text="Godkend", action_id="approve") | {"style": "primary"},
        ],
    },
    {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": "Opdateret i dag"},
            {"type": "image", "image_url": "https://example.org/a.png", "alt_text": "logo"},
        ],
    },
    {"type": "image", "image_url": "https://example.org/b.png", "alt_text": "graf"},
    {
        "type": "rich_text",
        "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": "hej"}]}],
    },
]


async def test_a_valid_rich_message_is_accepted(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    response = await client.chat_postMessage(channel=GENERAL, text="Ugens tal", blocks=RICH_MESSAGE)
    assert response["ok"]
    assert len(standin.messages(GENERAL)[0]["blocks"]) == len(RICH_MESSAGE)


async def test_the_same_action_id_in_different_blocks_is_fine(client: AsyncWebClient) -> None:
    rows = [
        section(f"Række {i}", accessory=button(value=str(i), action_id="remove")) for i in range(3)
    ]
    assert (await client.chat_postMessage(channel=GENERAL, text="liste", blocks=rows))["ok"]


def test_validators_are_usable_directly() -> None:
    assert validate_message_blocks(RICH_MESSAGE) == []
    assert validate_message_blocks("not a list") == ["blocks: must be a list of blocks, got str"]
    assert validate_view(modal()) == []
    assert validate_view('{"type": "home", "blocks": [{"type": "divider"}]}') == []
    refusal = check_message("hej", [section("x" * 3001)])
    assert refusal is not None and refusal.error == "invalid_blocks"
    assert check_message("hej", None) is None
