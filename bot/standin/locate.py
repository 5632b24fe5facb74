"""Finding the element a simulated user clicks, the way the user would see it.

A test says "click `approve`"; the driver looks where the user is looking: the top modal
first, then ephemeral messages shown to the user, then the newest messages in
conversations the user is in, then the Home tab. The first place with a match wins; two
matches in one place need `block_id` (or a button `value`) to tell them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.standin.blockkit import interactive_elements
from bot.standin.models import Channel
from bot.standin.viewstate import DriverError
from bot.standin.viewstore import ViewStore
from bot.standin.workspace import Workspace

ElementFilter = Callable[[dict[str, Any]], bool]


@dataclass
class Located:
    """Where an element is: in a message (maybe ephemeral) or in a view."""

    block_id: str
    element: dict[str, Any]
    channel: Channel | None = None
    message: dict[str, Any] | None = None
    is_ephemeral: bool = False
    view: dict[str, Any] | None = None


@dataclass
class _Surface:
    label: str
    blocks: list[Any]
    channel: Channel | None = None
    message: dict[str, Any] | None = None
    is_ephemeral: bool = False
    view: dict[str, Any] | None = None


def locate(
    workspace: Workspace,
    views: ViewStore,
    user_id: str,
    action_id: str,
    *,
    block_id: str | None = None,
    channel_id: str | None = None,
    message_ts: str | None = None,
    view_id: str | None = None,
    accept: ElementFilter | None = None,
) -> Located:
    searched: list[str] = []
    for surface in _surfaces(workspace, views, user_id, channel_id, message_ts, view_id):
        searched.append(surface.label)
        matches = [
            (b["block_id"], e)
            for b in surface.blocks
            if isinstance(b, dict) and (block_id is None or b.get("block_id") == block_id)
            for e in interactive_elements(b)
            if e.get("action_id") == action_id and (accept is None or accept(e))
        ]
        if len(matches) > 1:
            ids = [m[0] for m in matches]
            raise DriverError(
                f"{action_id!r} appears in blocks {ids} of {surface.label}: pass block_id or value"
            )
        if matches:
            found_block, element = matches[0]
            return Located(
                found_block,
                element,
                surface.channel,
                surface.message,
                surface.is_ephemeral,
                surface.view,
            )
    where = ", ".join(searched[:8]) or "nothing visible to the user"
    raise DriverError(f"no element {action_id!r} for {user_id} (looked in {where})")


def _surfaces(
    ws: Workspace,
    views: ViewStore,
    user_id: str,
    channel_id: str | None,
    message_ts: str | None,
    view_id: str | None,
) -> Iterator[_Surface]:
    if view_id is not None:
        view = views.get(view_id)
        if view is None or views.owners.get(view_id) != user_id:
            raise DriverError(f"view {view_id} is not open for {user_id}")
        yield _Surface(f"view {view_id}", view["blocks"], view=view)
        return
    if channel_id is not None and channel_id not in ws.channels:
        raise DriverError(f"no channel {channel_id} in the stand-in")
    channels = [ws.channels[channel_id]] if channel_id else _visible_channels(ws, user_id)
    if message_ts is not None:
        for channel in channels:
            message = channel.messages.get(message_ts)
            if message is not None:
                yield _message_surface(channel, message, False)
                return
            ephemeral = ws.find_ephemeral(channel.id, message_ts)
            if ephemeral is not None and ephemeral.recipient == user_id:
                yield _message_surface(channel, ephemeral.message, True)
                return
        raise DriverError(f"no message {message_ts} visible to {user_id}")
    if channel_id is None:
        top = views.top(user_id)
        if top is not None:
            yield _Surface(f"modal {top['id']}", top["blocks"], view=top)
    ephemerals = [
        (e.message["ts"], channel, e.message)
        for channel in channels
        for e in channel.ephemerals
        if e.recipient == user_id
    ]
    for _, channel, message in sorted(ephemerals, key=lambda item: float(item[0]), reverse=True):
        yield _message_surface(channel, message, True)
    messages = [(ts, channel, m) for channel in channels for ts, m in channel.messages.items()]
    for _, channel, message in sorted(messages, key=lambda item: float(item[0]), reverse=True):
        yield _message_surface(channel, message, False)
    if channel_id is None:
        home = views.home(user_id)
        if home is not None:
            yield _Surface("the Home tab", home["blocks"], view=home)


def _visible_channels(ws: Workspace, user_id: str) -> list[Channel]:
    return [c for c in ws.channels.values() if user_id in c.members]


def _message_surface(channel: Channel, message: dict[str, Any], is_ephemeral: bool) -> _Surface:
    kind = "ephemeral message" if is_ephemeral else "message"
    return _Surface(
        f"{kind} {message['ts']} in {channel.id}",
        message.get("blocks") or [],
        channel=channel,
        message=message,
        is_ephemeral=is_ephemeral,
    )
