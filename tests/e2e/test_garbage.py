"""Garbage at the HTTP door (issue 16, point 5), through the real app and the stand-in.

Unsigned or forged garbage is refused before anything reads it: 401 and one line. Signed
garbage Slack would never send gets a 200 with nothing done and one line (see
`handlers.slack.transport` for why not a 4xx), and the person behind it, where one can be read, is
told privately that nothing happened. Signed oddities the app can still read — a `text`
that is null or a number, a view without its `type`, a lone surrogate — get the answer the
person would get for the ordinary request. Never a 500, never a traceback, never an
apology: an apology means a listener failed.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from bot.local import LocalSlack
from storage.repositories.sparring import question_records
from tests.e2e.conftest import GENERAL, METTE, OLIVER, texts
from tests.e2e.odd_payloads import clicked, command, dm_event, submission

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
APOLOGY = ("Beklager, der gik noget galt", "Sorry, something went wrong")
NOTICE_DA = "Jeg kunne ikke læse det, Slack sendte mig, så der skete ingenting."
NOTICE_EN = "I couldn't read what Slack sent me, so nothing happened."
#: Calls the bot makes to find out, not to answer.
LOOK_UPS = ("auth.test", "users.info")
#: Tables a request could write to: after garbage, none of them changes.
TABLES = ("processed_events", "sparring_questions", "people", "guides", "test_results")


def forged(kind: str) -> dict[str, Any]:
    """Signing overrides for the driver, read when the request is sent."""
    if kind == "unsigned":
        return {"sign": False}
    if kind == "forged":
        return {"signature": "v0=" + "0" * 64}
    if kind == "stale":
        return {"timestamp": int(time.time()) - 6 * 60}
    return {"signature": "v0=" + "0" * 64, "timestamp": "soon"}  # not a number


async def counts(slack: LocalSlack) -> dict[str, int]:
    found = {}
    for table in TABLES:
        row = await slack.bot.db.fetchone(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - ours
        assert row is not None
        found[table] = int(row[0])
    return found


def assert_no_failure(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing at ERROR, no traceback anywhere, no apology sent."""
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not failures, [(r.name, r.getMessage()) for r in failures]


def sent_texts(slack: LocalSlack, mark: int) -> list[str]:
    return [texts(c) for c in slack.standin.calls_since(mark) if c.method not in LOOK_UPS]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


GARBAGE = {
    "not-utf8": (b"text=\xff\xfe\xfa&user_id=U0DEMO003", FORM),
    "broken-payload": (b"payload=%7B%22type%22%3A%22block_actions", FORM),
    "json-array": (b'[{"type": "event_callback"}]', JSON),
}


@pytest.mark.parametrize("garbage", GARBAGE, ids=list(GARBAGE))
@pytest.mark.parametrize("forgery", ["unsigned", "forged", "stale", "timestamp-not-a-number"])
async def test_unsigned_or_forged_garbage_gets_401_and_one_line(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, garbage: str, forgery: str
) -> None:
    before = await counts(slack)
    mark = slack.standin.mark()
    body, content_type = GARBAGE[garbage]
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_raw(body, content_type, **forged(forgery))
        await slack.settle()
    assert result.status == 401
    assert_no_failure(caplog)
    reason = "unsigned" if forgery == "unsigned" else "stale" if forgery == "stale" else "forged"
    assert warnings(caplog) == [f"refused a request reason={reason} bytes={len(body)} status=401"]
    assert slack.standin.calls_since(mark) == []
    assert await counts(slack) == before


async def test_a_forged_request_leaves_its_text_out_of_every_log(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """Bolt logs a refused request's whole body at INFO (its loggers take the root level when
    the app is built, so a bot run at INFO would log it); now Bolt never sees it."""
    bolt = "slack_bolt.RequestVerification"
    with caplog.at_level(logging.INFO), caplog.at_level(logging.INFO, logger=bolt):
        result = await slack.driver.slash_command(
            METTE, "/sparring", "Emil 010203-1234 græder", channel_id=GENERAL, sign=False
        )
        await slack.settle()
    assert result.status == 401
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Emil" not in logged and "010203" not in logged and "token" not in logged


SIGNED_GARBAGE = {
    "not-utf8-form": (b"command=%2Ftovholder&text=\xff\xfe&user_id=U0DEMO003", FORM, "not-utf8"),
    "not-utf8-json": (b'{"type": "event_callback", "event": "\xc3\x28"}', JSON, "not-utf8"),
    "broken-payload": (b"payload=%7B%22type%22%3A%22block_actions", FORM, "broken-json"),
    "broken-json": (b'{"type": "event_callback", "event": {', JSON, "broken-json"),
    "json-array": (b'[{"type": "event_callback"}]', JSON, "json-list-not-an-object"),
    "json-string": (b'"event_callback"', JSON, "json-str-not-an-object"),
    "json-number": (b"42", JSON, "json-int-not-an-object"),
    "json-null": (b"null", JSON, "json-NoneType-not-an-object"),
    "payload-array": (b"payload=%5B%7B%7D%5D", FORM, "json-list-not-an-object"),
    "payload-string": (b"payload=%22view_submission%22", FORM, "json-str-not-an-object"),
    "nested-too-deep": (b"[" * 100_000 + b"]" * 100_000, JSON, "nested-too-deep"),
    "event-not-an-object": (b'{"type": "event_callback", "event": "message"}', JSON, None),
    "event-null": (b'{"event": null}', JSON, None),
}


@pytest.mark.parametrize("garbage", SIGNED_GARBAGE, ids=list(SIGNED_GARBAGE))
async def test_signed_garbage_gets_200_nothing_done_and_one_line(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, garbage: str
) -> None:
    """200, so Slack does not retry what can never succeed; nobody to tell."""
    before = await counts(slack)
    mark = slack.standin.mark()
    body, content_type, reason = SIGNED_GARBAGE[garbage]
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_raw(body, content_type)
        await slack.settle()
    assert (result.status, result.body) == (200, "")
    assert_no_failure(caplog)
    (line,) = warnings(caplog)
    assert line == (
        "ignored a signed request Slack never sends"
        f" reason={reason or 'event-not-an-object'} bytes={len(body)} status=200"
    )
    assert slack.standin.calls_since(mark) == []
    assert await counts(slack) == before


@pytest.mark.parametrize(
    ("actions", "reason"),
    [
        ([], "no-action"),
        ({"action_id": "guide_show"}, "no-action"),
        (["guide_show"], "action-without-id"),
        ([{"type": "button", "value": "1"}], "action-without-id"),
        ([{"action_id": None, "value": "1"}], "action-without-id"),
    ],
    ids=["empty", "object", "string", "no-action-id", "action-id-null"],
)
async def test_a_click_without_an_action_is_answered_privately(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, actions: Any, reason: str
) -> None:
    before = await counts(slack)
    payload = clicked(slack, METTE, actions)
    mark = slack.standin.mark()
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(payload, interactive=True)
        await slack.settle()
    assert (result.status, result.body) == (200, "")
    assert_no_failure(caplog)
    assert [line.split(" bytes=")[0] for line in warnings(caplog)] == [
        f"ignored a signed request Slack never sends reason={reason}"
    ]
    (notice,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert notice.ok and notice.args["response_type"] == "ephemeral"
    assert texts(notice).startswith(NOTICE_DA)
    assert await counts(slack) == before


async def test_the_notice_is_in_the_persons_language_and_by_dm_without_a_response_url(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    payload = clicked(slack, OLIVER, [])
    del payload["response_url"]
    mark = slack.standin.mark()
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(payload, interactive=True)
        await slack.settle()
    assert result.status == 200
    assert_no_failure(caplog)
    (notice,) = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert notice.ok and texts(notice).startswith(NOTICE_EN)
    assert slack.standin.workspace.canonical_channel(notice.args["channel"]) == (
        slack.standin.workspace.open_im(OLIVER)[0].id
    )


@pytest.mark.parametrize("text", [None, 42, 4.5, {"a": 1}], ids=["null", "int", "float", "object"])
async def test_tovholder_with_text_null_or_a_number_answers_with_the_help(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, text: Any
) -> None:
    mark = slack.standin.mark()
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(command(slack, METTE, "/tovholder", text))
        await slack.settle()
    assert result.status == 200
    assert_no_failure(caplog)
    (answer,) = slack.standin.calls_to("response_url")
    assert answer.args["response_type"] == "ephemeral"
    assert "Tovholder – hjælp" in texts(answer)
    assert not any(a in t for t in sent_texts(slack, mark) for a in APOLOGY)


async def test_a_command_whose_text_says_payload_is_read_as_a_command(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """Bolt took any form body containing the word "payload" for an interaction and
    handed the listeners an empty body (404, nothing answered)."""
    with caplog.at_level(logging.INFO):
        result = await slack.driver.slash_command(
            OLIVER, "/tovholder", "payload", channel_id=GENERAL
        )
        await slack.settle()
    assert result.status == 200
    assert_no_failure(caplog)
    (answer,) = slack.standin.calls_to("response_url")
    assert "payload" in texts(answer)  # the help names what it did not understand


@pytest.mark.parametrize(
    ("text", "same_as"),
    [(None, ""), (42, "42"), ([1], "")],
    ids=["null", "number", "list"],
)
async def test_a_dm_whose_text_is_null_or_a_number_is_answered_like_the_typed_text(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, text: Any, same_as: str
) -> None:
    """The bot's answer is the one for the text a person could have typed."""
    mark = slack.standin.mark()
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(dm_event(slack, METTE, text))
        await slack.settle()
        odd = sent_texts(slack, mark)
        mark = slack.standin.mark()
        await slack.driver.post_json(dm_event(slack, METTE, same_as))
        await slack.settle()
    assert result.status == 200
    assert_no_failure(caplog)
    assert odd == sent_texts(slack, mark)
    assert not any(a in t for t in odd for a in APOLOGY)


async def test_a_modal_submitted_without_a_view_type_is_saved(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """Only a modal can be submitted: a view without its `type` is read as one."""
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    (view,) = slack.standin.open_views(OLIVER)
    payload = submission(slack, OLIVER, view, "Hvordan kommer vi i gang med Osmo?")
    del payload["view"]["type"]
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(payload, interactive=True)
        await slack.settle()
    assert (result.status, result.body) == (200, "")  # closes the modal, as for any question
    assert_no_failure(caplog)
    (question,) = await question_records(slack.bot.db)
    assert question["question"] == "Hvordan kommer vi i gang med Osmo?"


async def test_a_lone_surrogate_in_a_modal_text_is_saved_as_a_replacement_character(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """`\\ud800` cannot be written to SQLite as UTF-8; it becomes U+FFFD when read."""
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    (view,) = slack.standin.open_views(OLIVER)
    payload = submission(slack, OLIVER, view, "Hvordan \ud800 kommer vi i gang med Osmo?")
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(payload, interactive=True)
        await slack.settle()
    assert (result.status, result.body) == (200, "")
    assert_no_failure(caplog)
    (question,) = await question_records(slack.bot.db)
    assert question["question"] == "Hvordan \ufffd kommer vi i gang med Osmo?"


async def test_a_lone_surrogate_in_a_dm_question_is_answered(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    mark = slack.standin.mark()
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(
            dm_event(slack, METTE, "Hvordan \udfff bruger vi Osmo?")
        )
        await slack.settle()
    assert result.status == 200
    assert_no_failure(caplog)
    (offer,) = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert offer.ok and not any(a in texts(offer) for a in APOLOGY)


@pytest.mark.parametrize(
    ("block", "entry"),
    [
        ("urgency", {"type": "radio_buttons", "selected_option": {"text": "Haster"}}),
        ("urgency", {"type": "radio_buttons", "selected_option": "urgent"}),
        ("private", {"type": "checkboxes", "selected_options": [None, "private", {}]}),
        ("private", {"type": "checkboxes", "selected_options": {"value": "private"}}),
        ("private", 42),
    ],
    ids=[
        "option-without-value",
        "option-a-string",
        "options-odd",
        "options-object",
        "entry-a-number",
    ],
)
async def test_odd_values_in_a_modal_are_read_as_nothing_chosen(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture, block: str, entry: Any
) -> None:
    """The question is saved as if the field had been left as it was: normal, not private."""
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    (view,) = slack.standin.open_views(OLIVER)
    payload = submission(slack, OLIVER, view, "Hvordan kommer vi i gang med Osmo?")
    values = payload["view"]["state"]["values"]
    (action_id,) = values[block]
    values[block][action_id] = entry
    with caplog.at_level(logging.INFO):
        result = await slack.driver.post_json(payload, interactive=True)
        await slack.settle()
    assert (result.status, result.body) == (200, "")
    assert_no_failure(caplog)
    (question,) = await question_records(slack.bot.db)
    assert (question["urgency"], question["private"]) == ("normal", 0)
