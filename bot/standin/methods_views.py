"""views.open / push / update / publish, with trigger_id checks as Slack makes them."""

from __future__ import annotations

import copy
from typing import Any

from bot.standin.api import ApiError, Args, Handler, MethodContext


def _spec(args: Args) -> dict[str, Any]:
    spec = args.decoded("view")
    if spec is None:
        raise ApiError("invalid_arguments", ["missing required field: view"])
    if not isinstance(spec, dict):
        raise ApiError("invalid_arguments", ["view: must be a JSON object"])
    return spec


def _trigger_user(ctx: MethodContext, args: Args) -> str:
    trigger_id = args.string("trigger_id") or args.string("interactivity_pointer")
    trigger, error = ctx.workspace.exchange_trigger(trigger_id)
    if trigger is None:
        assert error is not None
        raise ApiError(error)
    return trigger.user_id


def _answer(view: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True, "view": copy.deepcopy(view)}


def views_open(ctx: MethodContext, args: Args) -> dict[str, Any]:
    spec = _spec(args)
    user_id = _trigger_user(ctx, args)
    return _answer(ctx.views.open(user_id, spec))


def views_push(ctx: MethodContext, args: Args) -> dict[str, Any]:
    spec = _spec(args)
    user_id = _trigger_user(ctx, args)
    return _answer(ctx.views.push(user_id, spec))


def views_update(ctx: MethodContext, args: Args) -> dict[str, Any]:
    spec = _spec(args)
    view_id = args.string("view_id")
    external_id = args.string("external_id")
    if view_id is None and external_id is None:
        raise ApiError("invalid_arguments", ["view_id or external_id is required"])
    return _answer(
        ctx.views.update(spec, view_id=view_id, external_id=external_id, hash_=args.string("hash"))
    )


def views_publish(ctx: MethodContext, args: Args) -> dict[str, Any]:
    spec = _spec(args)
    user_id = args.required("user_id", "user_not_found")
    if user_id not in ctx.workspace.users:
        raise ApiError("user_not_found")
    return _answer(ctx.views.publish(user_id, spec, args.string("hash")))


METHODS: dict[str, Handler] = {
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
}
