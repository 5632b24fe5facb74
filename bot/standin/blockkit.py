"""Block Kit checks that refuse what Slack refuses, with a reason a test failure can show.

Slack answers a bad block with `invalid_blocks` and the user simply sees nothing, so the
bot's tests must fail at the same point. `slack_sdk.models` knows most limits but only
checks the top object it is asked about; this module runs its validators on every nested
object, adds the limits it lacks (50 blocks per message, field length, input lengths,
duplicate ids, empty texts) and prefixes each reason with the path of the offending part.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.basic_objects import JsonObject
from slack_sdk.models.blocks import Block, Option, OptionGroup
from slack_sdk.models.views import View

MESSAGE_MAX_BLOCKS = 50
VIEW_MAX_BLOCKS = 100
#: Slack cuts at 40,000; the bot keeps its texts short, so the stand-in refuses earlier.
MESSAGE_TEXT_MAX = 4000
SECTION_FIELD_MAX = 2000
INPUT_LENGTH_MAX = 3000
VIEW_MAX_BYTES = 250_000
EXTERNAL_ID_MAX = 255

#: Block types the stand-in accepts; the rest of slack_sdk's list are AI/work-object blocks.
MESSAGE_BLOCK_TYPES = frozenset(
    {
        "section",
        "divider",
        "image",
        "actions",
        "context",
        "header",
        "input",
        "file",
        "rich_text",
        "video",
        "markdown",
        "table",
    }
)
VIEW_BLOCK_TYPES = frozenset(
    {"section", "divider", "image", "actions", "context", "header", "input", "rich_text", "video"}
)
TEXT_OBJECT_TYPES = frozenset({"plain_text", "mrkdwn"})
#: Nested parts slack_sdk keeps as dicts, with the model that knows their limits.
_KEPT_AS_DICTS: dict[str, type[JsonObject]] = {
    "options": Option,
    "initial_options": Option,
    "initial_option": Option,
    "option_groups": OptionGroup,
}
_SDK_ERRORS = (SlackObjectFormationError, TypeError, ValueError, KeyError, AttributeError)


@dataclass(frozen=True)
class Refusal:
    """Why Slack would refuse a payload: its error code and one reason per problem."""

    error: str
    reasons: list[str] = field(default_factory=list)

    def response(self) -> dict[str, Any]:
        """The body Slack answers with, reasons in `errors` and `response_metadata`."""
        body: dict[str, Any] = {"ok": False, "error": self.error}
        if self.reasons:
            body["errors"] = list(self.reasons)
            body["response_metadata"] = {"messages": [f"[ERROR] {r}" for r in self.reasons]}
        return body


def decode_json_field(value: Any) -> Any:
    """Blocks, views and attachments arrive as JSON strings in form bodies; decode those."""
    if isinstance(value, str | bytes):
        return json.loads(value)
    return value


def validate_message_blocks(blocks: Any, *, path: str = "blocks") -> list[str]:
    """Reasons Slack would refuse these message blocks; empty when they are fine."""
    if not isinstance(blocks, list):
        return [f"{path}: must be a list of blocks, got {type(blocks).__name__}"]
    return _validate_blocks(blocks, path, MESSAGE_MAX_BLOCKS, "message", MESSAGE_BLOCK_TYPES)


def check_message(
    text: Any, blocks: Any, attachments: Any = None, *, require_content: bool = True
) -> Refusal | None:
    """The refusal for a message body (chat.*, response_url, ack), or None if Slack takes it."""
    try:
        blocks = decode_json_field(blocks)
        attachments = decode_json_field(attachments)
    except json.JSONDecodeError as exc:
        return Refusal("invalid_blocks_format", [f"blocks/attachments are not valid JSON: {exc}"])
    if text is not None and not isinstance(text, str):
        return Refusal("invalid_arguments", [f"text: must be a string, got {type(text).__name__}"])
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        return Refusal(
            "msg_too_long",
            [f"text: {len(text)} characters, the limit is {MESSAGE_TEXT_MAX}"],
        )
    if blocks is not None and not isinstance(blocks, list):
        return Refusal("invalid_blocks_format", ["blocks: must be a list of blocks"])
    reasons = validate_message_blocks(blocks) if blocks else []
    if attachments is not None:
        reasons.extend(_validate_attachments(attachments))
    if reasons:
        return Refusal("invalid_blocks", reasons)
    if require_content and not text and not blocks and not attachments:
        return Refusal("no_text", ["a message needs text, blocks or attachments"])
    return None


def validate_view(view: Any) -> list[str]:
    """Reasons Slack would refuse this modal or Home tab view; empty when it is fine."""
    try:
        view = decode_json_field(view)
    except json.JSONDecodeError as exc:
        return [f"view: not valid JSON: {exc}"]
    if not isinstance(view, dict):
        return [f"view: must be an object, got {type(view).__name__}"]
    view_type = view.get("type")
    if view_type not in ("modal", "home"):
        return [f"view.type: must be 'modal' or 'home', got {view_type!r}"]
    reasons: list[str] = []
    size = len(json.dumps(view, ensure_ascii=False).encode("utf-8"))
    if size > VIEW_MAX_BYTES:
        reasons.append(f"view: {size} bytes of JSON, the limit is {VIEW_MAX_BYTES}")
    try:
        reasons.extend(f"view: {problem}" for problem in _sdk_problems(View(**view)))
    except _SDK_ERRORS as exc:
        reasons.append(f"view: cannot be read ({exc})")
    reasons.extend(_text_object_errors(view, "view", keys=("title", "submit", "close")))
    if view_type == "modal" and not view.get("title"):
        reasons.append("view.title: a modal needs a title")
    external_id = view.get("external_id")
    if isinstance(external_id, str) and len(external_id) > EXTERNAL_ID_MAX:
        reasons.append(f"view.external_id: {len(external_id)} characters, the limit is 255")
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        reasons.append("view.blocks: must be a list of blocks")
        return reasons
    if (
        view_type == "modal"
        and not view.get("submit")
        and any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
    ):
        reasons.append("view.submit: a modal with input blocks needs a submit button")
    # The 100-block cap is checked by View above; counting again would report it twice.
    reasons.extend(_validate_blocks(blocks, "view.blocks", None, "view", VIEW_BLOCK_TYPES))
    return reasons


def _validate_attachments(attachments: Any) -> list[str]:
    if not isinstance(attachments, list):
        return ["attachments: must be a list"]
    reasons: list[str] = []
    for i, attachment in enumerate(attachments):
        if not isinstance(attachment, dict):
            reasons.append(f"attachments[{i}]: must be an object")
        elif "blocks" in attachment:
            reasons.extend(
                validate_message_blocks(attachment["blocks"], path=f"attachments[{i}].blocks")
            )
    return reasons


def _validate_blocks(
    blocks: list[Any],
    path: str,
    max_blocks: int | None,
    surface: str,
    allowed: frozenset[str],
) -> list[str]:
    reasons: list[str] = []
    if max_blocks is not None and len(blocks) > max_blocks:
        reasons.append(f"{path}: {len(blocks)} blocks, the limit is {max_blocks} per {surface}")
    first_seen: dict[str, int] = {}
    for i, block in enumerate(blocks):
        where = f"{path}[{i}]"
        if not isinstance(block, dict):
            reasons.append(f"{where}: a block must be an object")
            continue
        block_type = block.get("type")
        if block_type not in allowed:
            reasons.append(f"{where}: block type {block_type!r} is not allowed in a {surface}")
            continue
        where = f"{where} ({block_type})"
        reasons.extend(_sdk_block_errors(block, where))
        reasons.extend(_extra_block_errors(block, where))
        block_id = block.get("block_id")
        if block_id is not None and not isinstance(block_id, str):
            reasons.append(f"{where}.block_id: must be a string")
        elif isinstance(block_id, str):
            if block_id in first_seen:
                reasons.append(
                    f"{where}.block_id: duplicate block_id {block_id!r} "
                    f"(also {path}[{first_seen[block_id]}])"
                )
            else:
                first_seen[block_id] = i
    return reasons


def _sdk_block_errors(block: dict[str, Any], where: str) -> list[str]:
    try:
        parsed = Block.parse(block)
    except _SDK_ERRORS as exc:
        return [f"{where}: cannot be read ({exc})"]
    if parsed is None:
        return [f"{where}: unknown block"]
    return _validate_tree(parsed, where)


def _validate_tree(obj: JsonObject, where: str) -> list[str]:
    """Run slack_sdk's validators on `obj` and every model object nested in it."""
    reasons = [f"{where}: {problem}" for problem in _sdk_problems(obj)]
    for name, value in vars(obj).items():
        key = name.lstrip("_")
        if isinstance(value, dict) and key in _KEPT_AS_DICTS:
            reasons.extend(_validate_dict(value, _KEPT_AS_DICTS[key], f"{where}.{key}"))
        elif isinstance(value, JsonObject):
            reasons.extend(_validate_tree(value, f"{where}.{key}"))
        elif isinstance(value, list | tuple):
            for j, item in enumerate(value):
                if isinstance(item, dict) and key in _KEPT_AS_DICTS:
                    reasons.extend(_validate_dict(item, _KEPT_AS_DICTS[key], f"{where}.{key}[{j}]"))
                elif isinstance(item, JsonObject):
                    reasons.extend(_validate_tree(item, f"{where}.{key}[{j}]"))
    return reasons


def _sdk_problems(obj: JsonObject) -> list[str]:
    """Every failing slack_sdk validator of `obj`, where `validate_json` stops at the first."""
    problems: list[str] = []
    for name in sorted(dir(type(obj))):
        if name.startswith("__"):
            continue
        check = getattr(obj, name, None)
        if callable(check) and hasattr(check, "validator"):
            try:
                check()
            except _SDK_ERRORS as exc:
                problems.append(str(exc))
    return problems


def _validate_dict(value: dict[str, Any], model: type[JsonObject], where: str) -> list[str]:
    """Options and option groups stay plain dicts inside slack_sdk's elements: parse them here."""
    try:
        parsed = model(**value)
    except _SDK_ERRORS as exc:
        return [f"{where}: cannot be read ({exc})"]
    return _validate_tree(parsed, where)


def _extra_block_errors(block: dict[str, Any], where: str) -> list[str]:
    """The limits slack_sdk does not check."""
    reasons = _text_object_errors(block, where)
    block_type = block["type"]
    if block_type == "section":
        fields = block.get("fields")
        if isinstance(fields, list):
            for j, item in enumerate(fields):
                text = item.get("text") if isinstance(item, dict) else None
                if isinstance(text, str) and len(text) > SECTION_FIELD_MAX:
                    reasons.append(
                        f"{where}.fields[{j}]: {len(text)} characters, "
                        f"the limit is {SECTION_FIELD_MAX} per field"
                    )
    action_ids: dict[str, str] = {}
    for element_path, element in _interactive_elements(block, where):
        reasons.extend(_element_errors(element, element_path))
        action_id = element.get("action_id")
        if isinstance(action_id, str):
            if action_id in action_ids:
                reasons.append(
                    f"{element_path}.action_id: duplicate action_id {action_id!r} in one block "
                    f"(also {action_ids[action_id]})"
                )
            else:
                action_ids[action_id] = element_path
    return reasons


def interactive_elements(block: dict[str, Any]) -> list[dict[str, Any]]:
    """The elements of a block that carry an action_id (accessory, input element, actions)."""
    return [element for _, element in _interactive_elements(block, "")]


def _interactive_elements(block: dict[str, Any], where: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    accessory = block.get("accessory")
    if isinstance(accessory, dict):
        found.append((f"{where}.accessory", accessory))
    element = block.get("element")
    if isinstance(element, dict):
        found.append((f"{where}.element", element))
    if block.get("type") == "actions" and isinstance(block.get("elements"), list):
        for j, item in enumerate(block["elements"]):
            if isinstance(item, dict):
                found.append((f"{where}.elements[{j}]", item))
    return found


def _element_errors(element: dict[str, Any], where: str) -> list[str]:
    reasons: list[str] = []
    if element.get("type") == "plain_text_input":
        max_length = element.get("max_length")
        min_length = element.get("min_length")
        for name, value in (("max_length", max_length), ("min_length", min_length)):
            if value is not None and (not isinstance(value, int) or value > INPUT_LENGTH_MAX):
                reasons.append(f"{where}.{name}: {value!r}, the limit is {INPUT_LENGTH_MAX}")
        if isinstance(max_length, int) and isinstance(min_length, int) and min_length > max_length:
            reasons.append(
                f"{where}.min_length: {min_length} is greater than max_length {max_length}"
            )
    return reasons


def _text_object_errors(
    node: Mapping[str, Any], where: str, *, keys: tuple[str, ...] | None = None
) -> list[str]:
    """Slack refuses empty text objects ("must be more than 0 characters")."""
    reasons: list[str] = []
    items = [(k, node.get(k)) for k in keys] if keys is not None else list(node.items())
    for key, value in items:
        child = f"{where}.{key}"
        if isinstance(value, dict):
            if value.get("type") in TEXT_OBJECT_TYPES:
                text = value.get("text")
                if not isinstance(text, str) or not text:
                    reasons.append(f"{child}.text: must be a non-empty string")
            elif keys is None:
                reasons.extend(_text_object_errors(value, child))
        elif isinstance(value, list) and keys is None:
            for j, item in enumerate(value):
                if isinstance(item, dict):
                    if item.get("type") in TEXT_OBJECT_TYPES:
                        text = item.get("text")
                        if not isinstance(text, str) or not text:
                            reasons.append(f"{child}[{j}].text: must be a non-empty string")
                    else:
                        reasons.extend(_text_object_errors(item, f"{child}[{j}]"))
    return reasons
