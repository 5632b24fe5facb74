"""Modal stacks and Home tabs per user, with Slack's view objects, hashes and limits.

Slack keeps at most three modals stacked, refuses an update whose `hash` is stale and
answers every views.* call with the full view object. The same store is changed by the
Web API (views.open/push/update/publish) and by the driver applying the bot's
`response_action` acks and the user's closing of a modal.
"""

from __future__ import annotations

import copy
import secrets
from typing import Any

from bot.standin.api import ApiError
from bot.standin.blockkit import interactive_elements, validate_view
from bot.standin.workspace import Workspace, assign_block_ids

MAX_STACK = 3


class ViewStore:
    """Every open view by id, each user's modal stack (root first) and Home tab."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.views: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, str] = {}
        self.stacks: dict[str, list[str]] = {}
        self.homes: dict[str, str] = {}

    # -- reading -----------------------------------------------------------------------

    def get(self, view_id: str) -> dict[str, Any] | None:
        return self.views.get(view_id)

    def stack(self, user_id: str) -> list[dict[str, Any]]:
        return [self.views[v] for v in self.stacks.get(user_id, [])]

    def top(self, user_id: str) -> dict[str, Any] | None:
        ids = self.stacks.get(user_id)
        return self.views[ids[-1]] if ids else None

    def home(self, user_id: str) -> dict[str, Any] | None:
        view_id = self.homes.get(user_id)
        return self.views[view_id] if view_id is not None else None

    def by_external_id(self, external_id: str) -> dict[str, Any] | None:
        return next((v for v in self.views.values() if v.get("external_id") == external_id), None)

    # -- changing ----------------------------------------------------------------------

    def open(self, user_id: str, spec: dict[str, Any]) -> dict[str, Any]:
        """A new root modal; a modal already open for the user is replaced, stack and all."""
        self._check(spec, expected="modal")
        self.close_all(user_id)
        view = self._build(user_id, spec)
        self.stacks[user_id] = [view["id"]]
        return view

    def push(self, user_id: str, spec: dict[str, Any]) -> dict[str, Any]:
        self._check(spec, expected="modal")
        ids = self.stacks.get(user_id)
        if not ids:
            raise ApiError("not_found", ["no modal is open for this user to push onto"])
        if len(ids) >= MAX_STACK:
            raise ApiError("push_limit_reached", [f"{MAX_STACK} views are already stacked"])
        view = self._build(user_id, spec, root=ids[0], previous=ids[-1])
        ids.append(view["id"])
        return view

    def update(
        self,
        spec: dict[str, Any],
        *,
        view_id: str | None = None,
        external_id: str | None = None,
        hash_: str | None = None,
    ) -> dict[str, Any]:
        current = self.views.get(view_id or "") if view_id else None
        if current is None and external_id:
            current = self.by_external_id(external_id)
        if current is None:
            raise ApiError("not_found", ["no open view with that view_id or external_id"])
        if hash_ is not None and hash_ != current["hash"]:
            raise ApiError("hash_conflict", ["the view changed since that hash was read"])
        self._check(spec, expected=current["type"], replacing=current["id"])
        return self._replace(current, spec)

    def publish(self, user_id: str, spec: dict[str, Any], hash_: str | None) -> dict[str, Any]:
        self._check(spec, expected="home", replacing=self.homes.get(user_id))
        current = self.home(user_id)
        if current is None:
            view = self._build(user_id, spec)
            self.homes[user_id] = view["id"]
            return view
        if hash_ is not None and hash_ != current["hash"]:
            raise ApiError("hash_conflict", ["the Home tab changed since that hash was read"])
        return self._replace(current, spec)

    def replace(self, view_id: str, spec: dict[str, Any]) -> dict[str, Any]:
        """`response_action: update`: the submitted view gets new content, same id."""
        current = self.views[view_id]
        self._check(spec, expected="modal", replacing=view_id)
        return self._replace(current, spec)

    def close(self, user_id: str, view_id: str) -> None:
        """Close `view_id` and every view stacked above it."""
        ids = self.stacks.get(user_id, [])
        if view_id in ids:
            for closed in ids[ids.index(view_id) :]:
                self._forget(closed)
            del ids[ids.index(view_id) :]
        if not ids:
            self.stacks.pop(user_id, None)

    def close_all(self, user_id: str) -> None:
        for view_id in self.stacks.pop(user_id, []):
            self._forget(view_id)

    # -- internals ---------------------------------------------------------------------

    def _check(self, spec: Any, *, expected: str, replacing: str | None = None) -> None:
        reasons = validate_view(spec)
        if reasons:
            raise ApiError("invalid_arguments", reasons)
        if spec["type"] != expected:
            raise ApiError("invalid_arguments", [f"view.type: must be {expected!r} here"])
        external_id = spec.get("external_id")
        if external_id:
            other = self.by_external_id(external_id)
            if other is not None and other["id"] != replacing:
                raise ApiError("duplicate_external_id", [f"external_id {external_id!r} is in use"])

    def _new_hash(self) -> str:
        return f"{int(self.workspace.clock())}.{secrets.token_urlsafe(6)[:8]}"

    def _build(
        self,
        user_id: str,
        spec: dict[str, Any],
        *,
        root: str | None = None,
        previous: str | None = None,
    ) -> dict[str, Any]:
        ws = self.workspace
        view_id = ws.new_id("V")
        view: dict[str, Any] = {
            "id": view_id,
            "team_id": ws.team_id,
            "type": spec["type"],
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "state": {"values": {}},
            "hash": "",
            "title": None,
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": None,
            "previous_view_id": previous,
            "root_view_id": root or view_id,
            "app_id": ws.app_id,
            "external_id": "",
            "app_installed_team_id": ws.team_id,
            "bot_id": ws.bot_id,
        }
        self.views[view_id] = view
        self.owners[view_id] = user_id
        return self._replace(view, spec)

    def _replace(self, view: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
        """New content into an existing view object; inputs that still exist keep their state."""
        blocks = assign_block_ids(spec.get("blocks") or [])
        view["blocks"] = blocks
        for key, default in (
            ("private_metadata", ""),
            ("callback_id", ""),
            ("external_id", ""),
            ("title", None),
            ("close", None),
            ("submit", None),
        ):
            value = spec.get(key, default)
            view[key] = copy.deepcopy(value if value is not None else default)
        view["clear_on_close"] = bool(spec.get("clear_on_close", False))
        view["notify_on_close"] = bool(spec.get("notify_on_close", False))
        kept = {
            (b["block_id"], e["action_id"])
            for b in blocks
            for e in interactive_elements(b)
            if isinstance(e.get("action_id"), str)
        }
        old = view["state"]["values"]
        view["state"] = {
            "values": {
                block_id: {a: s for a, s in actions.items() if (block_id, a) in kept}
                for block_id, actions in old.items()
                if any((block_id, a) in kept for a in actions)
            }
        }
        view["hash"] = self._new_hash()
        return view

    def _forget(self, view_id: str) -> None:
        self.views.pop(view_id, None)
        self.owners.pop(view_id, None)
