"""Reading a signed request's body, the signature check over raw bytes, and the readers every
listener shares (`user_id_of`, `handlers.slack.values`) on shapes Slack never sends: each answers
or refuses in one line, none raises."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import quote_plus

import pytest

from handlers.slack.middleware import user_id_of
from handlers.slack.request_body import Unreadable, as_text, read_body, without_surrogates
from handlers.slack.transport import signature_problem
from handlers.slack.values import Users, action_channel, action_value, submitted

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
NOW = 1_764_489_600.0


def signed(raw: bytes, timestamp: int = int(NOW)) -> str:
    base = b"v0:" + str(timestamp).encode() + b":" + raw
    return "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(
    ("timestamp", "signature", "problem"),
    [
        (str(int(NOW)), signed(b"\xff\xfe"), None),
        (str(int(NOW) - 299), signed(b"\xff\xfe", int(NOW) - 299), None),
        (None, signed(b"\xff\xfe"), "unsigned"),
        (str(int(NOW)), None, "unsigned"),
        ("", "", "unsigned"),
        ("soon", signed(b"\xff\xfe"), "forged"),
        ("-1", signed(b"\xff\xfe"), "forged"),
        ("١٧٦٤٤٨٩٦٠٠", signed(b"\xff\xfe"), "forged"),  # Arabic-Indic digits: isdigit() is True
        (str(int(NOW) - 301), signed(b"\xff\xfe", int(NOW) - 301), "stale"),
        (str(int(NOW) + 301), signed(b"\xff\xfe", int(NOW) + 301), "stale"),
        (str(int(NOW)), signed(b"\xff\xfd"), "forged"),
        (str(int(NOW)), "v0=" + "ø" * 64, "forged"),  # compare_digest refuses non-ASCII str
    ],
)
def test_the_signature_is_checked_over_the_raw_bytes(
    timestamp: str | None, signature: str | None, problem: str | None
) -> None:
    assert signature_problem(SECRET, b"\xff\xfe", timestamp, signature, NOW) == problem


def payload(value: Any) -> bytes:
    return f"payload={quote_plus(json.dumps(value))}".encode()


@pytest.mark.parametrize(
    ("raw", "content_type", "reason"),
    [
        (b"\xff", "application/json", "not-utf8"),
        (b"payload=%7B", "application/x-www-form-urlencoded", "broken-json"),
        (b"{", "text/plain", "broken-json"),
        (b"[]", "application/json; charset=utf-8", "json-list-not-an-object"),
        (payload("x"), "application/x-www-form-urlencoded", "json-str-not-an-object"),
        (b"[" * 50_000 + b"]" * 50_000, "application/json", "nested-too-deep"),
        (b'{"command": "/x", "user_id": 7}', "application/json", "command-without-person"),
        (b'{"type": "event_callback", "event": []}', "application/json", "event-not-an-object"),
        (b'{"type": "event_callback"}', "application/json", "event-not-an-object"),
        (b'{"event": null}', "application/json", "event-not-an-object"),
        (b'{"type": "event_callback", "event": {}}', "application/json", "event-without-type"),
        (b'{"event": {"type": ["message"]}}', "application/json", "event-without-type"),
        (payload({"type": "shortcut", "user": "U1"}), None, "interaction-without-person"),
        (payload({"type": "block_actions", "user": {"id": "U1"}}), None, "no-action"),
        (
            payload({"type": "block_actions", "user": {"id": "U1"}, "actions": [{}]}),
            None,
            "action-without-id",
        ),
        (
            payload({"type": "view_closed", "user": {"id": "U1"}, "view": []}),
            None,
            "view-not-an-object",
        ),
        (
            payload({"type": "view_submission", "user": {"id": "U1"}, "view": {}}),
            None,
            "view-without-callback-id",
        ),
        (payload({"type": "message_action", "response_url": 5}), None, "response-url-not-a-string"),
        (b'{"type": "app_rate_limited", "team": 5}', "application/json", "bolt-TypeError"),
        (b'{"authorizations": "x"}', "application/json", "bolt-AttributeError"),
    ],
)
def test_what_slack_never_sends_is_unreadable_with_a_reason(
    raw: bytes, content_type: str | None, reason: str
) -> None:
    with pytest.raises(Unreadable) as refused:
        read_body(raw, content_type)
    assert refused.value.reason == reason


def test_an_unreadable_interaction_still_names_its_person() -> None:
    raw = payload({"type": "block_actions", "user": {"id": "U1"}, "actions": []})
    with pytest.raises(Unreadable) as refused:
        read_body(raw, "application/x-www-form-urlencoded")
    assert refused.value.body is not None and user_id_of(refused.value.body) == "U1"


def test_oddities_are_read_into_the_shape_slack_sends() -> None:
    command = read_body(b'{"command": "/tovholder", "user_id": "U1", "text": 42}', None)
    assert command["text"] == "42"
    event = {"type": "event_callback", "event": {"type": "message", "text": None}}
    assert read_body(json.dumps(event).encode(), None)["event"]["text"] == ""
    view = {"type": "view_submission", "user": {"id": "U1"}, "view": {"callback_id": "c"}}
    assert read_body(payload(view), None)["view"]["type"] == "modal"
    question = {"type": "shortcut", "user": {"id": "U1"}, "callback_id": "c", "x": "a\ud800"}
    assert read_body(payload(question), None)["x"] == "a\ufffd"


@pytest.mark.parametrize("kind", [[], {}, None, 5])
def test_an_odd_type_is_left_to_bolt_which_answers_no_listener(kind: Any) -> None:
    body = {"type": kind, "user": {"id": "U1"}, "actions": []}
    assert read_body(json.dumps(body).encode(), "application/json")["type"] == kind


def test_a_form_is_an_interaction_only_with_a_payload_field() -> None:
    """Bolt treats any form body containing the word 'payload' as an interaction."""
    raw = b"command=%2Ftovholder&user_id=U1&text=payload"
    assert read_body(raw, "application/x-www-form-urlencoded")["text"] == "payload"


def test_texts_and_surrogates() -> None:
    values: list[Any] = ["a", 4, 4.5, None, True, [1], {}]
    assert [as_text(v) for v in values] == ["a", "4", "4.5"] + [""] * 4
    assert without_surrogates({"\udfff": ["\ud83d", 1, None]}) == {"\ufffd": ["\ufffd", 1, None]}
    assert without_surrogates("😀 ok") == "😀 ok"


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ({"user_id": "U1"}, "U1"),
        ({"user_id": 7, "user": {"id": "U2"}}, "U2"),
        ({"user_id": ""}, None),
        ({"user": {"id": 42}}, None),
        ({"user": {"id": {"id": "U3"}}}, None),
        ({"event": "message"}, None),
        ({"event": ["U4"]}, None),
        ({"event": {"user": "U5"}}, "U5"),
        ({"event": {"user": "U5", "bot_id": "B1"}}, None),
        ({"event": {"user": {"id": "U6"}}}, None),
    ],
)
def test_the_person_is_a_non_empty_string_or_nobody(
    body: dict[str, Any], person: str | None
) -> None:
    assert user_id_of(body) == person


@pytest.mark.parametrize(
    ("view", "values"),
    [
        ({}, {}),
        ({"state": "x"}, {}),
        ({"state": {"values": []}}, {}),
        ({"state": {"values": {"b": None, "c": {"a": 5}}}}, {}),
        ({"state": {"values": {"b": {"a": {"value": 4711}}}}}, {"b": "4711"}),
        ({"state": {"values": {"b": {"a": {"value": ["x"]}}}}}, {"b": None}),
        ({"state": {"values": {"b": {"a": {"selected_option": None}}}}}, {"b": None}),
        ({"state": {"values": {"b": {"a": {"selected_option": {}}}}}}, {"b": None}),
        ({"state": {"values": {"b": {"a": {"selected_option": "x"}}}}}, {"b": None}),
        (
            {"state": {"values": {"b": {"a": {"selected_options": [None, {"value": "v"}]}}}}},
            {"b": ["v"]},
        ),
        ({"state": {"values": {"b": {"a": {"selected_options": "v"}}}}}, {"b": []}),
        (
            {"state": {"values": {"b": {"a": {"selected_users": ["U1", 2, None]}}}}},
            {"b": Users(("U1", "2"), many=True)},
        ),
    ],
)
def test_modal_values_never_raise(view: dict[str, Any], values: dict[str, Any]) -> None:
    assert submitted(view) == values


@pytest.mark.parametrize(
    ("body", "value", "channel"),
    [
        ({"actions": [{"value": "7"}], "channel": {"id": "C1"}}, "7", "C1"),
        ({"actions": [{"value": 7}], "container": {"channel_id": "C2"}}, "7", "C2"),
        ({"actions": [{"selected_option": None}], "channel": "C1"}, "", None),
        ({"actions": [{"selected_option": "x"}], "channel": None}, "", None),
        ({"actions": []}, "", None),
        ({"actions": ["x"], "container": []}, "", None),
    ],
)
def test_action_readers_never_raise(body: dict[str, Any], value: str, channel: str | None) -> None:
    assert (action_value(body), action_channel(body)) == (value, channel)
