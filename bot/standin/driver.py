"""`SlackDriver`: plays the users, sending the bot what Slack sends when people act.

Each method is one thing a person does in Slack (types a message, runs a slash command,
clicks a button, submits a modal). The driver builds the request from the stand-in's
state (the stored message, the open view), issues trigger_ids and response_urls the
stand-in will honour, delivers it signed over HTTP or over Socket Mode, and applies the
bot's ack the way Slack would. The Events API half lives in `EventsDriver`.
"""

from __future__ import annotations

from typing import Any

from bot.standin.acks import apply_message_ack, apply_view_submission_ack
from bot.standin.blockkit import interactive_elements
from bot.standin.driver_base import EventsDriver
from bot.standin.locate import Located, locate
from bot.standin.models import User
from bot.standin.responses import ResponseTarget
from bot.standin.transport import DriverResult, Signing
from bot.standin.viewstate import (
    STATE_KEYS,
    DriverError,
    entry_from_value,
    find_option,
    merged_state,
    submission_state,
)

MessageState = dict[str, dict[str, dict[str, Any]]]


class SlackDriver(EventsDriver):
    """Slash commands, shortcuts, clicks, selects and modals, on top of the events."""

    # -- slash commands and shortcuts --------------------------------------------------

    async def slash_command(
        self,
        user_id: str,
        command: str,
        text: str = "",
        *,
        channel_id: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """`channel_id=None` runs the command in the user's DM with the bot."""
        user = self._user(user_id)
        channel = self._conversation(user, channel_id)
        fields = self.payloads.slash_command(
            user=user,
            channel=channel,
            command=command,
            text=text,
            response_url=self.standin.new_response_url(user_id=user.id, channel_id=channel.id),
            trigger_id=self.standin.issue_trigger_id(user.id),
        )
        result = await self._send("slash_commands", fields, sign, timestamp, signature)
        apply_message_ack(self.standin, result, ResponseTarget(channel.id, user.id))
        return result

    async def message_shortcut(
        self,
        user_id: str,
        callback_id: str,
        channel_id: str,
        message_ts: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        user = self._user(user_id)
        channel = self._channel(channel_id)
        message = channel.messages.get(message_ts)
        if message is None:
            raise DriverError(f"no message {message_ts} in {channel_id}")
        payload = self.payloads.message_action(
            user=user,
            channel=channel,
            message=message,
            callback_id=callback_id,
            trigger_id=self.standin.issue_trigger_id(user.id),
            response_url=self.standin.new_response_url(user_id=user.id, channel_id=channel.id),
        )
        return await self._send("interactive", payload, sign, timestamp, signature)

    async def global_shortcut(
        self,
        user_id: str,
        callback_id: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        user = self._user(user_id)
        payload = self.payloads.shortcut(
            user=user, callback_id=callback_id, trigger_id=self.standin.issue_trigger_id(user.id)
        )
        return await self._send("interactive", payload, sign, timestamp, signature)

    # -- block actions -----------------------------------------------------------------

    async def click(
        self,
        user_id: str,
        *,
        action_id: str,
        value: str | None = None,
        block_id: str | None = None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        view_id: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Click a button; `value` picks one of several buttons sharing an action_id."""
        user = self._user(user_id)

        def is_button(element: dict[str, Any]) -> bool:
            return element.get("type") == "button" and (
                value is None or element.get("value") == value
            )

        found = locate(
            self.standin.workspace,
            self.standin.views,
            user.id,
            action_id,
            block_id=block_id,
            channel_id=channel_id,
            message_ts=message_ts,
            view_id=view_id,
            accept=is_button,
        )
        action = self.payloads.action_entry(found.block_id, found.element, None)
        return await self._block_actions(user, found, action, Signing(sign, timestamp, signature))

    async def click_as_shown(
        self,
        user_id: str,
        *,
        action_id: str,
        value: str | None,
        channel_id: str,
        shown: dict[str, Any],
    ) -> DriverResult:
        """Click a button of a channel message as the person last saw it (`shown`, a copy
        taken then), though the message has been updated since: a screen that had not caught
        up, or two people clicking at once. Slack still sends the click; the bot answers."""
        user = self._user(user_id)
        channel = self._channel(channel_id)
        matches = [
            (block["block_id"], element)
            for block in shown.get("blocks") or []
            for element in interactive_elements(block)
            if element.get("action_id") == action_id
            and element.get("type") == "button"
            and (value is None or element.get("value") == value)
        ]
        if len(matches) != 1:
            raise DriverError(f"{len(matches)} buttons {action_id!r} in the message as shown")
        block_id, element = matches[0]
        found = Located(block_id, element, channel, shown)
        action = self.payloads.action_entry(block_id, element, None)
        return await self._block_actions(user, found, action, Signing())

    async def select(
        self,
        user_id: str,
        *,
        action_id: str,
        value: Any,
        block_id: str | None = None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        view_id: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Choose in a select, date/time picker, checkboxes, radio buttons or overflow menu.

        `value` is the option value (a list for multi-selects and checkboxes), the user or
        conversation id, or the "YYYY-MM-DD" / "HH:MM" string.
        """
        user = self._user(user_id)

        def is_choice(element: dict[str, Any]) -> bool:
            return element.get("type") in STATE_KEYS or element.get("type") == "overflow"

        found = locate(
            self.standin.workspace,
            self.standin.views,
            user.id,
            action_id,
            block_id=block_id,
            channel_id=channel_id,
            message_ts=message_ts,
            view_id=view_id,
            accept=is_choice,
        )
        if found.element.get("type") == "overflow":
            entry = {"type": "overflow", "selected_option": find_option(found.element, str(value))}
        else:
            entry = entry_from_value(found.element, value, self._known_ids())
            self._state_of(user, found).setdefault(found.block_id, {})[action_id] = entry
        action = self.payloads.action_entry(found.block_id, found.element, entry)
        return await self._block_actions(user, found, action, Signing(sign, timestamp, signature))

    async def _block_actions(
        self, user: User, found: Located, action: dict[str, Any], signing: Signing
    ) -> DriverResult:
        trigger_id = self.standin.issue_trigger_id(user.id)
        if found.view is not None:
            view = dict(found.view)
            view["state"] = {"values": merged_state(view["blocks"], self._state_of(user, found))}
            payload = self.payloads.block_actions_in_view(
                user=user, view=view, actions=[action], trigger_id=trigger_id
            )
            result = await self.transport.send("interactive", payload, signing=signing)
            apply_message_ack(self.standin, result, None)
            return result
        assert found.channel is not None and found.message is not None
        channel, message = found.channel, found.message
        payload = self.payloads.block_actions_in_message(
            user=user,
            channel=channel,
            message=message,
            is_ephemeral=found.is_ephemeral,
            state=merged_state(message.get("blocks") or [], self._state_of(user, found)),
            actions=[action],
            trigger_id=trigger_id,
            response_url=self.standin.new_response_url(
                user_id=user.id,
                channel_id=channel.id,
                message_ts=message["ts"],
                is_ephemeral=found.is_ephemeral,
            ),
        )
        result = await self.transport.send("interactive", payload, signing=signing)
        apply_message_ack(self.standin, result, ResponseTarget(channel.id, user.id))
        return result

    def _state_of(self, user: User, found: Located) -> MessageState:
        """The mutable state store behind a located element (the view's, or the message's)."""
        if found.view is not None:
            values: MessageState = found.view.setdefault("state", {}).setdefault("values", {})
            return values
        assert found.channel is not None and found.message is not None
        key = (found.channel.id, found.message["ts"], user.id)
        return self._message_state.setdefault(key, {})

    # -- modals ------------------------------------------------------------------------

    async def submit_view(
        self,
        user_id: str,
        values: dict[str, dict[str, Any]] | None = None,
        view_id: str | None = None,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Submit the user's top modal (or `view_id`) after typing `values` into it.

        `values` is `{block_id: {action_id: simple value}}`; elements left out keep their
        initial or earlier value. Raises DriverError for ids the view lacks and for what
        Slack's client would not submit (an empty required input, a too-long text).
        """
        user = self._user(user_id)
        views = self.standin.views
        view = views.get(view_id) if view_id is not None else views.top(user.id)
        if view is None or views.owners.get(view["id"]) != user.id:
            raise DriverError(f"{user_id} has no open modal {view_id or ''}".rstrip())
        if view["type"] != "modal" or view["id"] != views.stack(user.id)[-1]["id"]:
            raise DriverError("only the top modal of the stack can be submitted")
        state = submission_state(view, values or {}, self._known_ids())
        view["state"] = {"values": state}
        payload = self.payloads.view_submission(
            user=user,
            view=view,
            trigger_id=self.standin.issue_trigger_id(user.id),
            response_urls=self._submission_response_urls(user, view, state),
        )
        result = await self._send("interactive", payload, sign, timestamp, signature)
        apply_view_submission_ack(self.standin, result, user.id, view["id"])
        return result

    async def close_view(
        self,
        user_id: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user closes the top modal (all of them with `clear_on_close`).

        Slack only tells the app when the view asked for it (`notify_on_close`); otherwise
        nothing is sent and the result has status 0.
        """
        user = self._user(user_id)
        views = self.standin.views
        top = views.top(user.id)
        if top is None:
            raise DriverError(f"{user_id} has no open modal")
        closed = dict(top)
        cleared = bool(top.get("clear_on_close"))
        if cleared:
            views.close_all(user.id)
        else:
            views.close(user.id, top["id"])
        if not closed.get("notify_on_close"):
            return DriverResult(0, "", None, None)
        payload = self.payloads.view_closed(user=user, view=closed, is_cleared=cleared)
        return await self._send("interactive", payload, sign, timestamp, signature)

    def _submission_response_urls(
        self, user: User, view: dict[str, Any], state: MessageState
    ) -> list[dict[str, Any]]:
        """Slack adds one response_url per `response_url_enabled` conversation input."""
        urls: list[dict[str, Any]] = []
        for block in view.get("blocks") or []:
            element = block.get("element") if block.get("type") == "input" else None
            if not isinstance(element, dict) or not element.get("response_url_enabled"):
                continue
            entry = state.get(block["block_id"], {}).get(element.get("action_id", ""), {})
            channel_id = entry.get("selected_conversation") or entry.get("selected_channel")
            if channel_id:
                urls.append(
                    {
                        "block_id": block["block_id"],
                        "action_id": element["action_id"],
                        "channel_id": channel_id,
                        "response_url": self.standin.new_response_url(
                            user_id=user.id, channel_id=channel_id
                        ),
                    }
                )
        return urls
