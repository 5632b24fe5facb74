"""Slack's Messenger and Directory through the stand-in: what they send, what they find, and
every way Slack fails turned into the core's neutral errors."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import ManualClock
from bot.domain.refs import ConversationRef, MessageRef
from bot.ports import (
    DeliveryFailed,
    Directory,
    Gone,
    Messenger,
    NotPermitted,
    RateLimited,
    Tag,
    Temporary,
)
from bot.services import identities
from bot.standin import STANDIN_BOT_TOKEN, SlackStandIn
from bot.standin.server import EMPTY_404, HANG, HTML_503, LOST_ANSWER, Fault
from bot.tags import REMINDER_EVENT, batch_tag, find_reminders, find_tagged, reminder_tag
from bot.views.model import Message, Text
from bot.views.text import mention
from handlers.slack.directory import SlackDirectory
from handlers.slack.messenger import SlackMessenger, slack_people
from storage.db import Database

ANNA = "U0ANNA"
BO = "U0BO"
GENERAL = "C0GENERAL"
HERE = ConversationRef("slack", GENERAL)


def slack_said(code: str) -> Fault:
    """Slack's own JSON refusal with this error code (HTTP 200, `ok: false`)."""
    return Fault(status=200, body=json.dumps({"ok": False, "error": code}))


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as started:
        started.add_user(ANNA, "anna", real_name="Anna Jensen", email="anna@kommune.dk")
        started.add_user(BO, "bo", real_name="Bo Hansen", locale="en-US", tz="Europe/London")
        started.add_channel(GENERAL, "general", members=[ANNA, BO])
        yield started


@pytest.fixture
def client(standin: SlackStandIn) -> AsyncWebClient:
    """A client without in-call retries, so each fault reaches the messenger as Slack sent
    it (the bot's own client retries 429, 5xx and connection errors first)."""
    return AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url, timeout=1)


@pytest.fixture
def messenger(client: AsyncWebClient, db: Database) -> SlackMessenger:
    return SlackMessenger(client, slack_people(db))


@pytest.fixture
def directory(client: AsyncWebClient, db: Database) -> SlackDirectory:
    return SlackDirectory(client, slack_people(db))


def test_the_slack_implementations_are_the_ports(
    messenger: SlackMessenger, directory: SlackDirectory
) -> None:
    ports: tuple[Messenger, Directory] = (messenger, directory)
    assert all(ports)


async def test_a_post_an_update_and_a_delete(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    ref = await messenger.post(HERE, {"text": "Hej"})
    assert ref.conversation == HERE and ref.thread_id is None
    reply = await messenger.post(HERE, {"text": "Svar"}, thread=ref)
    assert reply.thread_id == ref.message_id
    assert [m["text"] for m in standin.replies(GENERAL, ref.message_id)][-1] == "Svar"
    await messenger.update(ref, {"text": "Hej igen"})
    assert standin.messages(GENERAL)[0]["text"] == "Hej igen"
    await messenger.delete(reply)
    assert "Svar" not in [m["text"] for m in standin.replies(GENERAL, ref.message_id)]


async def test_a_neutral_message_is_rendered_for_slack(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    view = Message(text="**Hej** <@U0BO>", parts=(Text("Se _her_"),))
    ref = await messenger.post(HERE, view)
    (posted,) = standin.messages(GENERAL)
    assert posted["ts"] == ref.message_id
    assert posted["text"] == "*Hej* <@U0BO>"
    assert posted["blocks"][0]["text"]["text"] == "Se _her_"


async def test_a_person_is_reached_and_mentioned_by_their_slack_identity(
    standin: SlackStandIn, messenger: SlackMessenger, db: Database, clock: ManualClock
) -> None:
    anna = await identities.person_for(db, clock, "slack", ANNA)
    bo = await identities.person_for(db, clock, "slack", BO)
    sent = await messenger.send_privately(anna, Message(text=f"Hej, {mention(bo)} spørger"))
    assert sent.conversation == await messenger.private_conversation(anna)
    (posted,) = standin.messages(sent.conversation_id)
    assert posted["text"] == f"Hej, <@{BO}> spørger"
    with pytest.raises(Gone, match="no_slack_identity"):
        await messenger.send_privately(anna + bo + 1, {"text": "Hej"})


async def test_privately_is_the_persons_dm_and_tell_falls_back_to_it(
    standin: SlackStandIn, messenger: SlackMessenger, db: Database, clock: ManualClock
) -> None:
    anna = await identities.person_for(db, clock, "slack", ANNA)
    sent = await messenger.send_privately(anna, {"text": "Kun til dig"})
    dm = await messenger.private_conversation(anna)
    assert sent.conversation == dm == ConversationRef("slack", standin.im_channel_id(ANNA) or "")
    await messenger.tell(anna, HERE, {"text": "Flygtig"})
    assert [m["text"] for m in standin.ephemerals(GENERAL, ANNA)] == ["Flygtig"]
    await messenger.tell(anna, ConversationRef("slack", "C0GONE"), {"text": "Som DM"})
    await messenger.tell(anna, None, {"text": "Også DM"})
    assert [m["text"] for m in standin.messages(dm.conversation_id)] == [
        "Kun til dig",
        "Som DM",
        "Også DM",
    ]


async def test_tell_in_a_thread_and_a_message_read_as_typed_and_linked(
    standin: SlackStandIn, messenger: SlackMessenger, db: Database, clock: ManualClock
) -> None:
    """A notice about a reply goes in its thread; a message is read as the person typed it
    (Slack's entities undone) and linked, or None once it is gone."""
    ref = await messenger.post(HERE, {"text": "Leg &amp; L&lt;3"})
    reply = await messenger.post(HERE, {"text": "Svar"}, thread=ref)
    anna = await identities.person_for(db, clock, "slack", ANNA)
    await messenger.tell(anna, HERE, {"text": "I tråden"}, thread=reply)
    (told,) = standin.ephemerals(GENERAL, ANNA)
    assert told["thread_ts"] == ref.message_id
    assert await messenger.text_of(ref) == "Leg & L<3"
    link = await messenger.link(ref)
    assert link is not None and f"/archives/{GENERAL}/p{ref.message_id.replace('.', '')}" in link
    await messenger.delete(ref)
    assert await messenger.text_of(ref) is None


async def test_a_file_by_dm_and_in_a_channel(
    standin: SlackStandIn, messenger: SlackMessenger, db: Database, clock: ManualClock
) -> None:
    anna = await identities.person_for(db, clock, "slack", ANNA)
    await messenger.upload_file(anna, "a;b\n", "data.csv", "Dine data", comment="Her")
    await messenger.share_file(HERE, b"\x89PNG", "puls.png", "Puls")
    uploads = standin.calls_to("files.completeUploadExternal")
    assert [call.status for call in uploads] == [200, 200]
    assert uploads[0].args["channel_id"] == standin.im_channel_id(ANNA)
    assert uploads[0].args["initial_comment"] == "Her"
    assert uploads[1].args["channel_id"] == GENERAL


async def test_a_tagged_post_is_found_newest_first_among_the_rest(
    messenger: SlackMessenger,
) -> None:
    first = await messenger.post(HERE, {"text": "1"}, tag=Tag("tovholder_test", {"id": 1}))
    await messenger.post(HERE, {"text": "uden"})
    await messenger.post(HERE, {"text": "andet"}, tag=Tag("tovholder_other", {"id": 2}))
    second = await messenger.post(HERE, {"text": "2"}, tag=Tag("tovholder_test", {"id": 3}))
    found = [(t.ref, dict(t.payload)) async for t in messenger.tagged(HERE, "tovholder_test")]
    assert found == [(second, {"id": "3"}), (first, {"id": "1"})]


async def test_reminders_are_found_in_the_dm_alone_or_in_a_morning_list(
    standin: SlackStandIn, messenger: SlackMessenger, db: Database, clock: ManualClock
) -> None:
    anna = await identities.person_for(db, clock, "slack", ANNA)
    await messenger.send_privately(anna, {"text": "Husk"}, tag=reminder_tag(1, "k:1"))
    await messenger.send_privately(anna, {"text": "Liste"}, tag=batch_tag([2, 3], "2026-12-02"))
    dm = await messenger.private_conversation(anna)
    wanted = {1: "k:1", 2: "k:2", 4: "k:4"}
    assert await find_reminders(messenger, dm, wanted) == {1, 2}
    found = await find_tagged(messenger, dm, REMINDER_EVENT, "dedupe_key", "k:1")
    assert found is not None and found.conversation == dm
    assert await find_tagged(messenger, dm, REMINDER_EVENT, "dedupe_key", "k:4") is None


async def test_the_tag_look_up_reads_only_its_window(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    await messenger.post(HERE, {"text": "gammel"}, tag=Tag("tovholder_test", {"id": 1}))
    for n in range(3):
        await messenger.post(HERE, {"text": str(n)})
    assert [t async for t in messenger.tagged(HERE, "tovholder_test", window=3)] == []
    assert len([t async for t in messenger.tagged(HERE, "tovholder_test", window=4)]) == 1


async def test_a_429_is_rate_limited_with_slacks_retry_after(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.rate_limit("chat.postMessage", retry_after=7)
    with pytest.raises(RateLimited) as caught:
        await messenger.paced().post(HERE, {"text": "Hej"})
    assert caught.value.retry_after == 7.0
    assert standin.messages(GENERAL) == []


@pytest.mark.parametrize(
    ("fault", "reason", "maybe"),
    [
        (HTML_503, "http_503 (HTTP 503)", True),
        (Fault(status=500), "internal_error (HTTP 500)", True),
        (EMPTY_404, "http_404", False),
        (slack_said("fatal_error"), "fatal_error", True),
        (slack_said("something_new"), "something_new", False),
    ],
    ids=["html-503", "json-500", "empty-404", "fatal_error", "unknown-code"],
)
async def test_slack_not_answering_is_temporary(
    standin: SlackStandIn, messenger: SlackMessenger, fault: Fault, reason: str, maybe: bool
) -> None:
    standin.fault("chat.postMessage", fault, times=1)
    with pytest.raises(Temporary) as caught:
        await messenger.post(HERE, {"text": "Hej"})
    assert (caught.value.reason, caught.value.maybe_delivered) == (reason, maybe)


async def test_a_lost_answer_is_temporary_and_maybe_delivered(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.fault("chat.postMessage", LOST_ANSWER, times=1)
    with pytest.raises(Temporary) as caught:
        await messenger.post(HERE, {"text": "Hej"}, tag=Tag("tovholder_test", {"id": 1}))
    assert caught.value.maybe_delivered
    assert [m["text"] for m in standin.messages(GENERAL)] == ["Hej"]  # posted once


async def test_a_timeout_is_temporary_and_maybe_delivered(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.fault("chat.postMessage", HANG)
    post = asyncio.create_task(
        messenger.post(HERE, {"text": "Hej"}, tag=Tag("tovholder_test", {"id": 1}))
    )
    with pytest.raises(Temporary) as caught:
        await post  # the client's timeout (1 s) ends it
    standin.clear_faults()
    assert (caught.value.reason, caught.value.maybe_delivered) == ("TimeoutError", True)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("channel_not_found", Gone),
        ("is_archived", Gone),
        ("user_not_found", Gone),
        ("account_inactive", Gone),
        ("not_in_channel", NotPermitted),
        ("cannot_dm_bot", NotPermitted),
        ("missing_scope", NotPermitted),
        ("invalid_auth", NotPermitted),
        ("invalid_blocks", DeliveryFailed),
        ("msg_too_long", DeliveryFailed),
    ],
)
async def test_slacks_refusals_are_gone_not_permitted_or_refused(
    standin: SlackStandIn, messenger: SlackMessenger, code: str, error: type[DeliveryFailed]
) -> None:
    standin.fault("chat.postMessage", slack_said(code), times=1)
    with pytest.raises(DeliveryFailed) as caught:
        await messenger.post(HERE, {"text": "Hej"})
    assert type(caught.value) is error and caught.value.reason == code


async def test_the_stand_ins_own_refusals_arrive_the_same_way(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    with pytest.raises(Gone, match="channel_not_found"):
        await messenger.post(ConversationRef("slack", "C0GONE"), {"text": "Hej"})
    with pytest.raises(Gone, match="message_not_found"):
        await messenger.update(MessageRef("slack", GENERAL, "1.000001"), {"text": "Hej"})


async def test_a_failing_history_read_is_a_neutral_error(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.fault("conversations.history", HTML_503, times=1)
    with pytest.raises(Temporary):
        [t async for t in messenger.tagged(HERE, "tovholder_test")]
    standin.fault("conversations.history", slack_said("not_in_channel"), times=1)
    with pytest.raises(NotPermitted):
        [t async for t in messenger.tagged(HERE, "tovholder_test")]


async def test_the_directory_finds_people_by_e_mail_and_describes_them(
    standin: SlackStandIn, directory: SlackDirectory, db: Database, clock: ManualClock
) -> None:
    anna = await directory.find_by_email("anna@kommune.dk")
    assert anna is not None and (anna.external_id, anna.name) == (ANNA, "Anna Jensen")
    assert await directory.find_by_email("ingen@kommune.dk") is None
    bo = await directory.describe(await identities.person_for(db, clock, "slack", BO))
    assert bo is not None
    assert (bo.name, bo.language, bo.time_zone) == ("Bo Hansen", "en-US", "Europe/London")
    nobody = await identities.person_for(db, clock, "slack", "U0NOBODY")
    assert await directory.describe(nobody) is None  # Slack does not know them
    assert await directory.describe(nobody + 1) is None  # no Slack identity at all


async def test_a_directory_that_cannot_be_asked_says_why(
    standin: SlackStandIn, directory: SlackDirectory, db: Database, clock: ManualClock
) -> None:
    anna = await identities.person_for(db, clock, "slack", ANNA)
    standin.fault("users.info", EMPTY_404, times=1)
    with pytest.raises(Temporary, match="http_404"):
        await directory.describe(anna)
    standin.fault("users.lookupByEmail", slack_said("missing_scope"), times=1)
    with pytest.raises(NotPermitted):
        await directory.find_by_email("anna@kommune.dk")
