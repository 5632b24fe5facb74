"""A person's Slack locale only picks a language: it never costs them their answer.

With `users.info` failing the ways Slack's edge fails — an HTML 503, an empty 404, a call
that hangs — the request is acked at once, the answer comes in the default language, and
the bot stops asking Slack for a while instead of making everyone wait for a timeout.
"""

from __future__ import annotations

import logging

import pytest

from bot.local import LocalSlack
from bot.standin.server import EMPTY_404, HANG, HTML_503, Fault
from tests.e2e.conftest import GENERAL, METTE, texts

VISITOR = "U0VISITOR"  # not in the organisation: only Slack knows their language
SECOND_VISITOR = "U0VISITR2"

FAULTS = pytest.mark.parametrize(
    "fault", [HTML_503, EMPTY_404, HANG], ids=["html-503", "empty-404", "hanging"]
)


def add_visitors(slack: LocalSlack) -> None:
    for user_id, name in ((VISITOR, "kim"), (SECOND_VISITOR, "sam")):
        slack.standin.add_user(user_id, name, real_name=name.title(), locale="en-US")
        slack.standin.workspace.channels[GENERAL].members.append(user_id)


@FAULTS
async def test_a_command_is_answered_in_the_default_language_when_users_info_fails(
    slack: LocalSlack, fault: Fault, caplog: pytest.LogCaptureFixture
) -> None:
    add_visitors(slack)
    slack.standin.fault("users.info", fault)
    result = await slack.driver.slash_command(VISITOR, "/tovholder", "help", channel_id=GENERAL)
    assert result.status == 200
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert "Tovholder – hjælp" in texts(answer)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    slack.standin.clear_faults()


@FAULTS
async def test_after_one_failed_look_up_slack_is_not_asked_again_for_a_while(
    slack: LocalSlack, fault: Fault
) -> None:
    add_visitors(slack)
    slack.standin.fault("users.info", fault)
    await slack.driver.slash_command(VISITOR, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    slack.standin.clear_faults()
    await slack.driver.slash_command(SECOND_VISITOR, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    asked = [c.args["user"] for c in slack.standin.calls_to("users.info")]
    assert SECOND_VISITOR not in asked  # the quiet minute
    assert len(slack.standin.calls_to("response_url")) == 2


@FAULTS
async def test_a_direct_message_is_answered_when_users_info_fails(
    slack: LocalSlack, fault: Fault
) -> None:
    add_visitors(slack)
    slack.standin.fault("users.info", fault)
    result = await slack.driver.user_message(VISITOR, None, "hjælp")
    assert result.status == 200
    await slack.settle()
    (reply,) = slack.standin.calls_to("chat.postMessage")
    assert reply.ok and reply.args["channel"] == slack.standin.im_channel_id(VISITOR)
    assert "Tovholder – hjælp" in texts(reply)
    slack.standin.clear_faults()


async def test_many_clicks_of_one_person_share_one_look_up(slack: LocalSlack) -> None:
    add_visitors(slack)
    for _ in range(5):
        await slack.driver.slash_command(VISITOR, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    assert len(slack.standin.calls_to("users.info")) == 1
    assert all("What you can ask me" in texts(c) for c in slack.standin.calls_to("response_url"))


async def test_people_with_a_stored_language_never_wait_for_slack(slack: LocalSlack) -> None:
    slack.standin.fault("users.info", HANG)
    await slack.driver.slash_command(METTE, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    assert slack.standin.calls_to("users.info") == []
    assert "Tovholder – hjælp" in texts(slack.standin.calls_to("response_url")[0])
    slack.standin.clear_faults()
