"""What Slack does with the bot's ack, applied to the stand-in.

A slash command's (or button's) ack with text/blocks is shown to the user as an
ephemeral message (or posted with `response_type: in_channel`); a view submission's ack
closes the modal, shows field errors, updates, pushes or clears the stack. Each applied
ack is recorded as method `"ack"`, refused ones with their reasons, so a bad ack fails a
test as visibly as a bad chat.postMessage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.standin.api import ApiError
from bot.standin.blockkit import check_message
from bot.standin.responses import ResponseTarget, apply_response
from bot.standin.transport import DriverResult

if TYPE_CHECKING:
    from bot.standin.server import SlackStandIn


def apply_message_ack(
    standin: SlackStandIn, result: DriverResult, target: ResponseTarget | None
) -> None:
    """A slash command or block_actions ack: a body with content is a response message."""
    if result.status != 200:
        return
    if result.json is not None:
        body: dict[str, Any] = result.json
    elif result.body.strip():
        body = {"text": result.body}
    else:
        return
    if not body:
        return
    refusal = check_message(body.get("text"), body.get("blocks"), body.get("attachments"))
    if refusal is not None:
        standin.record("ack", body, result.status, refusal.response())
        return
    standin.record("ack", body, result.status, {"ok": True})
    if target is not None:
        apply_response(standin.workspace, target, body, source="ack")


def apply_view_submission_ack(
    standin: SlackStandIn, result: DriverResult, user_id: str, view_id: str
) -> None:
    """Close, keep (errors), update, push or clear, as `response_action` says."""
    if result.status != 200:
        return
    views = standin.views
    body = result.json if result.json is not None else {}
    if result.json is None and result.body.strip():
        _refuse(standin, {"body": result.body}, result.status, "the ack body is not JSON")
        return
    action = body.get("response_action")
    try:
        if not body:
            views.close(user_id, view_id)
        elif action == "errors":
            _check_errors(views.get(view_id), body.get("errors"))
        elif action == "update":
            views.replace(view_id, _view_spec(body))
        elif action == "push":
            views.push(user_id, _view_spec(body))
        elif action == "clear":
            views.close_all(user_id)
        else:
            raise ApiError(
                "invalid_arguments", [f"response_action {action!r} is not one Slack knows"]
            )
    except ApiError as exc:
        standin.record("ack", body, result.status, exc.response())
        return
    standin.record("ack", body, result.status, {"ok": True})


def _view_spec(body: dict[str, Any]) -> dict[str, Any]:
    view = body.get("view")
    if not isinstance(view, dict):
        raise ApiError("invalid_arguments", ["response_action needs a `view` object"])
    return view


def _check_errors(view: dict[str, Any] | None, errors: Any) -> None:
    """Slack only shows errors keyed by the block_id of an input block in the view."""
    if not isinstance(errors, dict) or not errors:
        raise ApiError("invalid_arguments", ["errors: must be a non-empty {block_id: message}"])
    input_ids = {
        b.get("block_id")
        for b in (view or {}).get("blocks", [])
        if isinstance(b, dict) and b.get("type") == "input"
    }
    reasons = []
    for block_id, message in errors.items():
        if block_id not in input_ids:
            reasons.append(f"errors.{block_id}: no input block with that block_id in the view")
        if not isinstance(message, str) or not message:
            reasons.append(f"errors.{block_id}: the message must be a non-empty string")
    if reasons:
        raise ApiError("invalid_arguments", reasons)


def _refuse(standin: SlackStandIn, args: dict[str, Any], status: int, reason: str) -> None:
    standin.record("ack", args, status, ApiError("invalid_arguments", [reason]).response())
