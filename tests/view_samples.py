"""Every Slack view builder in bot/views, called with sample data built from its type hints.

Tests over "every message builder" must not go stale when a builder is added, so the
builders are found by looking (public functions of bot/views returning messages, views,
blocks or mrkdwn text) and their arguments are made from the dataclasses they take: each
list or tuple gets three entries (list-shaped views show several rows), each person-written
text field gets `text(n)`, ids and dates get valid ones. A builder this cannot feed fails
loudly with its name, so a new one is either fed here or listed in SKIPPED with a reason.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

import bot.views
from bot.domain.guides import AGE_GROUPS, DECISIONS, THEMES, TOOL_STATUSES
from bot.domain.org import Area
from bot.domain.pulse import Period, week_of
from bot.i18n import t
from bot.services.area_evaluations import EvaluationUnavailable
from bot.services.gdpr import ErasurePlan, Identity
from bot.standin.blockkit import MESSAGE_BLOCK_TYPES, check_message, validate_view
from bot.views.model import Actions, Context, Divider, Form, Heading, HomePage, Message, Text
from bot.views.sparring_handling import failed_post_note
from handlers.slack import render, render_form
from tests.conftest import TZ

TextOf = Callable[[int], str]

#: Modules that build no Slack text: the model and its primitives, files, charts, Markdown,
#: dates.
NOT_SLACK_TEXT = frozenset(
    {"blocks", "dates", "markdown", "model", "pulse_chart", "pulse_files", "text"}
)
#: Builders left out, and why.
SKIPPED = {
    "help.text_message": "wraps text its caller built and escaped",
    "nudges.morning_list_message": "lists the items' own notification text, made by their views",
    "network.mentions": "mentions people by Slack id on purpose",
    "gdpr.log_line": "a line for the CLI; log_message escapes it for Slack",
    "gdpr.subject_text": "part of log_line",
    "gdpr.detail_text": "part of log_line; also the CLI's retention line",
    "guide_editor.body_parts": "the editor's plain-text input, never parsed by Slack",
}
#: Builders of neutral Markdown text (not yet Slack mrkdwn): shown as a message's text.
NEUTRAL_TEXT = frozenset(
    {
        "adoption.daycare_tool_lines",
        "adoption.adoption_line",
        "area_evaluations.unavailable_text",
        "gdpr.erased_text",
        "gdpr.who_text",
        "guide_editor.saved_message",
        "guides.author",
        "help.command_lines",
        "help.footer",
        "spreading.ended_text",
        "sparring.answer_lines",
        "sparring.quoted",
        "sparring_handling.failed_post_note",
        "spreading_progress.progress_lines",
        "tool_tests.decision_lines",
        "tool_tests.summary_line",
        "trainings.training_text",
    }
)
BUILT_TYPES = (
    "Message",
    "Form",
    "HomePage",
    "Part",
    "list[Part]",
    "dict[str, Any]",
    "list[dict[str, Any]]",
    "Block",
    "list[Block]",
    "str",
    "str | None",
    "list[str]",
)
TODAY = date(2026, 11, 30)
NOW = "2026-11-30T08:00:00+00:00"
SLACK_USER = "U0SAMPLE{n}"
CHANNEL = "C0SAMPLE"


@dataclasses.dataclass(frozen=True)
class Builder:
    """One builder and the call it gets: `name` is `module.function`."""

    name: str
    function: Callable[..., Any]
    overrides: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return self.name


def builders() -> list[Builder]:
    """Every public builder in bot/views whose result Slack shows, found by looking."""
    found: list[Builder] = []
    for module_info in pkgutil.iter_modules(bot.views.__path__):
        if module_info.name in NOT_SLACK_TEXT:
            continue
        module = importlib.import_module(f"bot.views.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            full = f"{module_info.name}.{name}"
            if function.__module__ != module.__name__ or name.startswith("_") or full in SKIPPED:
                continue
            if function.__annotations__.get("return") in BUILT_TYPES:
                found.append(Builder(full, function, OVERRIDES.get(full, {})))
    return sorted(found, key=lambda b: b.name)


def call(builder: Builder, text: TextOf, lang: str = "da") -> Any:
    """The builder's result for sample arguments whose person-written texts are `text(n)`."""
    hints = typing.get_type_hints(builder.function)
    arguments: dict[str, Any] = {}
    for name in inspect.signature(builder.function).parameters:
        if name in builder.overrides:
            value = builder.overrides[name]
            arguments[name] = value(text) if callable(value) else value
        elif name == "lang":
            arguments[name] = lang
        else:
            arguments[name] = Maker(text).make(hints[name], name, 0)
    result = builder.function(**arguments)
    if builder.name in NEUTRAL_TEXT:
        shown = "\n".join(result) if isinstance(result, list) else str(result)
        return Message(shown, (Text(shown),))
    return result


class Maker:
    """Values of any type the views take; texts from `text`, everything else valid."""

    def __init__(self, text: TextOf) -> None:
        self.text = text

    def make(self, kind: Any, name: str, n: int) -> Any:
        origin = typing.get_origin(kind)
        arguments = typing.get_args(kind)
        if kind is Any or kind is object:
            return self.text(n)
        if origin in (types.UnionType, typing.Union):
            real = [a for a in arguments if a is not type(None)]
            return self.make(real[0], name, n)
        if origin is typing.Literal:
            return arguments[n % len(arguments)]
        if origin is tuple:
            if len(arguments) == 2 and arguments[1] is Ellipsis:
                return tuple(self.make(arguments[0], name, i) for i in range(3))
            return tuple(self.make(a, name, n + i) for i, a in enumerate(arguments))
        if origin in (list, Sequence):
            return [self.make(arguments[0], name, i) for i in range(3)]
        if origin in (dict, Mapping):
            return {
                self.make(arguments[0], name, i): self.make(arguments[1], name, i) for i in range(3)
            }
        if kind in MADE:
            return MADE[kind](self, n)
        if kind is ZoneInfo:
            return TZ
        if kind is Period:
            return week_of(TODAY)
        if origin is frozenset:
            return frozenset(self.make(arguments[0], name, i) for i in range(3))
        if isinstance(kind, type) and issubclass(kind, Enum):
            members = list(kind)
            return members[n % len(members)]
        if kind is datetime:
            return datetime.fromisoformat(NOW)
        if kind is date:
            return TODAY
        if kind is time:
            return time(9, 30)
        if kind is bool:
            return True
        if kind is int:
            return _number(name, n)
        if kind is float:
            return 3.5 + n
        if kind is str:
            return self.string(name, n)
        if dataclasses.is_dataclass(kind) and isinstance(kind, type):
            return self.instance(kind, n)
        raise TypeError(f"view_samples cannot make a {kind!r} for {name!r}")

    def instance(self, kind: type[Any], n: int) -> Any:
        hints = typing.get_type_hints(kind)
        values = {
            f.name: self.make(hints[f.name], f.name, n)
            for f in dataclasses.fields(kind)
            if f.init and not f.name.startswith("_")
        }
        return kind(**values)

    def string(self, name: str, n: int) -> str:
        """Ids, dates and codes as the bot stores them; anything else is a person's text."""
        if name.endswith(("slack_id", "slack_user_id", "user_id", "_by", "superuser_id")) or (
            name == "ambassadors"  # an invitation's: the area's ambassadors' Slack ids
        ):
            return SLACK_USER.format(n=n)
        if name in ("channel_id", "channel", "failed_in", "conversation_id"):
            return CHANNEL
        if name in ("ts", "message_ts", "answer_ts", "thread_ts") or name.endswith(
            ("message_id", "thread_id")
        ):
            return f"1764000000.00010{n}"
        if name == "permalink":
            return f"https://tovholder.slack.com/archives/{CHANNEL}/p176400000000010{n}"
        if name in ("at", "now_iso") or name.endswith("_at"):
            return NOW
        if name.endswith(("_on", "day", "checkpoint", "checkpoints", "since", "until")):
            return TODAY.isoformat()
        if name in ("themes", "top_themes"):
            return THEMES[n % len(THEMES)]
        if name == "age_groups":
            return AGE_GROUPS[n % len(AGE_GROUPS)]
        if name in ("from_status", "to_status"):
            return TOOL_STATUSES[n % len(TOOL_STATUSES)]
        if name == "decision":
            return DECISIONS[n % len(DECISIONS)]
        if name == "on":
            return TODAY.isoformat()
        if name in ("email", "owner_email"):
            return f"person{n}@example.dk"
        if name == "slug":
            return f"vejledning-{n}"
        if name == "label":
            return week_of(TODAY).label
        if name == "error":
            return "not_in_channel"
        return self.text(n)


def _number(name: str, n: int) -> int:
    """Ids and counts from 1; a rating within 1–5."""
    return 4 if name == "rating" else n + 1


OVERRIDES: dict[str, dict[str, Any]] = {
    "sparring_handling.problem_message": {
        "key": "sparring.faq_no_guide",
        "params": lambda text: {"tool": text(0)},
    },
    "sparring.question_post": {
        "note": lambda text: failed_post_note("da", CHANNEL, "not_in_channel")
    },
    "tool_test_forms.result_modal": {"intro": lambda text: t("da", "test.shortcut_no_tool")},
    "area_evaluations.unavailable_text": {
        "unavailable": lambda text: EvaluationUnavailable("area_eval.not_in_area", Area(1, text(0)))
    },
    "settings.saved_message": {
        "changes": [
            ("settings.role_added", {"person": "1", "role": "superuser"}),
            ("settings.changed_channel", {"key": "test_channel", "channel": CHANNEL}),
        ]
    },
}
#: Types whose fields are the bot's own words (table names, i18n keys), made whole.
MADE: dict[Any, Callable[[Maker, int], Any]] = {
    ErasurePlan: lambda maker, n: ErasurePlan(
        maker.instance(Identity, n),
        {("sparring_questions", "removed"): 2, ("people", "anonymised"): 1},
    ),
}


# -- what a builder's result is, as Slack receives it -------------------------------------

Payload = tuple[str, dict[str, Any]]
PARTS = (Heading, Text, Context, Divider, Actions)


def payloads(result: Any) -> list[Payload]:
    """The result as the calls Slack would get: a view, messages, blocks shown in a message,
    elements in an actions block, or text the bot puts into a message."""
    if result is None:
        return []
    if isinstance(result, Message):
        return [("chat.postMessage", render.message(result))]
    if isinstance(result, HomePage):
        return [("views.publish", {"view": render.home(result)})]
    if isinstance(result, Form):
        return [("views.open", {"view": render_form.modal(result)})]
    if isinstance(result, PARTS):
        return payloads(Message("part", (result,)))
    if isinstance(result, list) and result and all(isinstance(item, PARTS) for item in result):
        return payloads(Message("parts", tuple(result)))
    if isinstance(result, str):
        return [("chat.postMessage", {"text": result})]
    if isinstance(result, dict):
        if result.get("type") in ("modal", "home"):
            return [("views.open", {"view": result})]
        if "type" not in result:
            return [("chat.postMessage", result)]
        return payloads([result])
    if isinstance(result, list) and all(isinstance(item, str) for item in result):
        return [("chat.postMessage", {"text": "\n".join(result)})] if result else []
    if isinstance(result, list) and all(isinstance(item, dict) for item in result):
        if all("type" not in item for item in result):
            return [p for item in result for p in payloads(item)]
        if all(item.get("type") in MESSAGE_BLOCK_TYPES for item in result):
            return [("chat.postMessage", {"text": "blocks", "blocks": result})]
        actions = {"type": "actions", "elements": result}
        return [("chat.postMessage", {"text": "elements", "blocks": [actions]})]
    raise TypeError(f"view_samples cannot tell what {type(result).__name__} is")


def refusals(payload: Payload) -> list[str]:
    """Why Slack would refuse the payload (the stand-in's checks); empty when it is fine."""
    method, args = payload
    if method in ("views.open", "views.publish"):
        return validate_view(args["view"])
    refusal = check_message(args.get("text"), args.get("blocks"))
    return refusal.reasons if refusal is not None else []
