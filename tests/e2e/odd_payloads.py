"""Slack's payloads as the driver builds them, with one field made odd: what a signed
request could carry that Slack never sends (`null` or a number for a text, `actions` that
are not a list of actions, a lone surrogate). Shared by the garbage tests and the fuzzing;
send them with `slack.driver.post_json`."""

from __future__ import annotations

from typing import Any

from bot.local import LocalSlack
from bot.standin.viewstate import KnownIds, submission_state

GENERAL = "C0GENERAL"


def clicked(slack: LocalSlack, user: str, actions: Any) -> dict[str, Any]:
    """A click in a message in #general, as Slack sends it, carrying `actions`."""
    ws = slack.standin.workspace
    message = ws.new_bot_message("Vælg", None, None)
    ws.store_message(ws.channels[GENERAL], message)
    payload = slack.driver.payloads.block_actions_in_message(
        user=ws.users[user],
        channel=ws.channels[GENERAL],
        message=message,
        is_ephemeral=False,
        state={},
        actions=[],
        trigger_id=slack.standin.issue_trigger_id(user),
        response_url=slack.standin.new_response_url(user_id=user, channel_id=GENERAL),
    )
    payload["actions"] = actions
    return payload


def command(slack: LocalSlack, user: str, name: str, text: Any) -> dict[str, Any]:
    """A slash command's fields as Slack sends them, with any `text` (sent as JSON)."""
    ws = slack.standin.workspace
    fields: dict[str, Any] = slack.driver.payloads.slash_command(
        user=ws.users[user],
        channel=ws.channels[GENERAL],
        command=name,
        text="",
        response_url=slack.standin.new_response_url(user_id=user, channel_id=GENERAL),
        trigger_id=slack.standin.issue_trigger_id(user),
    )
    return fields | {"text": text}


def dm_event(slack: LocalSlack, user: str, text: Any) -> dict[str, Any]:
    """The Events API body for a message in the person's DM with the bot, with any `text`."""
    ws = slack.standin.workspace
    channel = ws.open_im(user)[0]
    message = ws.store_message(
        channel, slack.driver.events.user_message(user=ws.users[user], text="")
    )
    event = slack.driver.events.message_event(message, channel)
    event["text"] = text
    event.pop("blocks", None)
    return slack.driver.events.envelope(event)


def submission(slack: LocalSlack, user: str, view: dict[str, Any], text: Any) -> dict[str, Any]:
    """The sparring modal submitted as Slack sends it, with `text` as the typed question."""
    ws = slack.standin.workspace
    block = next(b for b in view["blocks"] if b.get("block_id") == "question")
    action_id = block["element"]["action_id"]
    state = submission_state(
        view, {"question": {action_id: "placeholder"}}, KnownIds(set(ws.users), set(ws.channels))
    )
    state["question"][action_id]["value"] = text
    view["state"] = {"values": state}
    return slack.driver.payloads.view_submission(
        user=ws.users[user],
        view=view,
        trigger_id=slack.standin.issue_trigger_id(user),
        response_urls=[],
    )
