"""The bot serves one workspace: a correctly signed request for another team does nothing.

The bot's own team id is what `auth.test` answered for its token; a request whose team id
differs (a signing secret shared with another workspace, a misrouted app) is refused before
anything else runs: events get an empty 200 so Slack does not retry, a slash command a
short refusal, an interaction an empty 200.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.local import LocalSlack
from storage.repositories.sparring import question_records
from tests.e2e.conftest import GENERAL, METTE, OLIVER

INTRUDER_TEAM = "T0INTRUDER"


async def learn_our_team(slack: LocalSlack) -> None:
    """One ordinary request first, so the bot has asked `auth.test` who it is."""
    result = await slack.driver.slash_command(METTE, "/tovholder", "help", channel_id=GENERAL)
    assert result.status == 200
    await slack.settle()


async def processed_count(slack: LocalSlack) -> int:
    row = await slack.bot.db.fetchone("SELECT COUNT(*) FROM processed_events")
    assert row is not None
    return int(row[0])


async def test_the_bot_learns_its_team_from_auth_test(slack: LocalSlack) -> None:
    await learn_our_team(slack)
    (auth,) = slack.standin.calls_to("auth.test")
    assert auth.response["team_id"] == slack.standin.workspace.team_id


async def test_a_slash_command_from_another_team_gets_a_short_refusal(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    await learn_our_team(slack)
    mark = slack.standin.mark()
    user = slack.standin.workspace.users[OLIVER]
    channel = slack.standin.workspace.channels[GENERAL]
    fields = slack.driver.payloads.slash_command(
        user=user,
        channel=channel,
        command="/tovholder",
        text="network",
        response_url=slack.standin.new_response_url(user_id=OLIVER, channel_id=GENERAL),
        trigger_id=slack.standin.issue_trigger_id(OLIVER),
    )
    fields["team_id"] = INTRUDER_TEAM
    with caplog.at_level(logging.WARNING, logger="tovholder.requests"):
        answer = await slack.driver.transport.send("slash_commands", fields)
        await slack.settle()
    assert answer.status == 200
    assert answer.body == "Tovholder svarer kun i kommunens eget Slack-arbejdsområde."
    assert slack.standin.calls_since(mark) == []
    assert any(INTRUDER_TEAM in r.getMessage() for r in caplog.records)


async def test_an_event_from_another_team_is_acknowledged_and_ignored(
    slack: LocalSlack,
) -> None:
    await learn_our_team(slack)
    mark = slack.standin.mark()
    before = await processed_count(slack)
    user = slack.standin.workspace.users[METTE]
    im, _ = slack.standin.workspace.open_im(METTE)
    message = slack.standin.workspace.store_message(
        im, slack.driver.events.user_message(user=user, text="hjælp", thread_ts=None)
    )
    envelope: dict[str, Any] = slack.driver.events.envelope(
        slack.driver.events.message_event(message, im)
    )
    envelope["team_id"] = INTRUDER_TEAM
    for authorization in envelope.get("authorizations") or []:
        authorization["team_id"] = INTRUDER_TEAM
    answer = await slack.driver.transport.send("events_api", envelope)
    await slack.settle()
    assert (answer.status, answer.body) == (200, "")  # no retry from Slack
    assert slack.standin.calls_since(mark) == []  # no help text in the DM
    assert await processed_count(slack) == before  # not even remembered as handled
    # The same message from our own team is answered.
    envelope["team_id"] = slack.standin.workspace.team_id
    for authorization in envelope.get("authorizations") or []:
        authorization["team_id"] = slack.standin.workspace.team_id
    envelope["event_id"] = "Ev0OURS"
    await slack.driver.transport.send("events_api", envelope)
    await slack.settle()
    assert [c.method for c in slack.standin.calls_since(mark)] == ["chat.postMessage"]


async def test_a_modal_submitted_from_another_team_stores_nothing(slack: LocalSlack) -> None:
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    (view,) = slack.standin.open_views(OLIVER)
    user = slack.standin.workspace.users[OLIVER]
    view["state"] = {
        "values": {
            block["block_id"]: {block["element"]["action_id"]: _typed(block["element"])}
            for block in view["blocks"]
            if block.get("type") == "input" and block["element"]["type"] == "plain_text_input"
        }
    }
    payload = slack.driver.payloads.view_submission(
        user=user, view=view, trigger_id=slack.standin.issue_trigger_id(OLIVER), response_urls=[]
    )
    payload["team"]["id"] = INTRUDER_TEAM
    payload["user"]["team_id"] = INTRUDER_TEAM
    payload["view"].update(team_id=INTRUDER_TEAM, app_installed_team_id=INTRUDER_TEAM)
    mark = slack.standin.mark()
    answer = await slack.driver.transport.send("interactive", payload)
    await slack.settle()
    assert (answer.status, answer.body) == (200, "")
    assert slack.standin.calls_since(mark) == []
    assert await question_records(slack.bot.db) == []


def _typed(element: dict[str, Any]) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": "Hvordan kommer vi i gang med Osmo i vuggestuen?"}
