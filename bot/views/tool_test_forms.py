"""The three modals of a tool test: start a test, post (or correct) a result, close a test."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bot.domain.guides import AGE_GROUPS, THEMES, Tool
from bot.domain.network import OrgSnapshot
from bot.domain.tool_tests import (
    CONCLUSIONS,
    ENGAGEMENTS,
    RATINGS,
    RECOMMENDATIONS,
    ResultDraft,
    ToolTest,
)
from bot.i18n import t
from bot.mrkdwn import escape
from bot.views.blocks import FIELD, Block, input_block, option, plain, section, shorten, text_input

START_CALLBACK = "test_start"
RESULT_CALLBACK = "test_result"
CLOSE_CALLBACK = "test_close"
OPTIONS_MAX = 100
QUESTION_MAX = 500
TEXT_MAX = 3000
NOTE_MAX = 1000


def _modal(
    lang: str, callback: str, title_key: str, blocks: list[Block], metadata: dict[str, Any]
) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback,
        "title": plain(t(lang, title_key)),
        "submit": plain(t(lang, "test.submit")),
        "close": plain(t(lang, "test.close_modal")),
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


def _select(
    block_id: str,
    label: str,
    choices: list[dict[str, Any]],
    *,
    initial: str | None = None,
    optional: bool = True,
    kind: str = "static_select",
) -> Block:
    element: dict[str, Any] = {"type": kind, "action_id": FIELD, "options": choices[:OPTIONS_MAX]}
    chosen = next((c for c in choices if c["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return input_block(block_id, label, element, optional=optional)


def _tool_choices(tools: list[Tool], chosen: int | None) -> list[dict[str, Any]]:
    """The catalogue by name; the chosen tool always among the 100 Slack allows."""
    ordered = sorted(tools, key=lambda tool: (tool.id != chosen, tool.name.casefold()))
    return [option(tool.name, str(tool.id)) for tool in ordered[:OPTIONS_MAX]]


def _daycare_groups(snap: OrgSnapshot) -> list[dict[str, Any]]:
    return [
        {
            "label": plain(shorten(area.name, 75)),
            "options": [option(d.name, str(d.id)) for d in snap.daycares_in(area)][:OPTIONS_MAX],
        }
        for area in snap.areas[:OPTIONS_MAX]
        if snap.daycares_in(area)
    ]


def _daycare_select(
    block_id: str, label: str, snap: OrgSnapshot, *, multi: bool, initial: tuple[int, ...]
) -> Block:
    groups = _daycare_groups(snap)
    element: dict[str, Any] = {
        "type": "multi_static_select" if multi else "static_select",
        "action_id": FIELD,
        "option_groups": groups,
    }
    chosen = [o for g in groups for o in g["options"] if int(o["value"]) in initial]
    if chosen and multi:
        element["initial_options"] = chosen
    elif chosen:
        element["initial_option"] = chosen[0]
    return input_block(block_id, label, element)


def _datepicker(block_id: str, label: str, initial: date) -> Block:
    element = {"type": "datepicker", "action_id": FIELD, "initial_date": initial.isoformat()}
    return input_block(block_id, label, element, optional=False)


def _number(block_id: str, label: str, *, minimum: int, maximum: int, initial: int | None) -> Block:
    element: dict[str, Any] = {
        "type": "number_input",
        "action_id": FIELD,
        "is_decimal_allowed": False,
        "min_value": str(minimum),
        "max_value": str(maximum),
    }
    if initial is not None:
        element["initial_value"] = str(initial)
    return input_block(block_id, label, element)


def start_modal(
    lang: str,
    tools: list[Tool],
    snap: OrgSnapshot,
    today: date,
    *,
    tool_id: int | None,
    channel_id: str | None,
) -> dict[str, Any]:
    blocks: list[Block] = [
        _select(
            "tool",
            t(lang, "test.tool"),
            _tool_choices(tools, tool_id),
            initial=str(tool_id) if tool_id else None,
            optional=False,
        ),
        text_input(
            "question",
            t(lang, "test.question"),
            max_length=QUESTION_MAX,
            multiline=True,
            optional=False,
            hint=t(lang, "test.question_hint"),
        ),
        _daycare_select("daycares", t(lang, "test.daycares"), snap, multi=True, initial=()),
        _select("area", t(lang, "test.area"), [option(a.name, str(a.id)) for a in snap.areas]),
        _datepicker("starts_on", t(lang, "test.starts_on"), today),
        text_input(
            "checkpoints",
            t(lang, "test.checkpoints"),
            max_length=40,
            initial="2, 6",
            optional=True,
            hint=t(lang, "test.checkpoints_hint"),
        ),
    ]
    return _modal(lang, START_CALLBACK, "test.start_title", blocks, {"channel": channel_id})


def result_modal(
    lang: str,
    tools: list[Tool],
    tests: list[ToolTest],
    snap: OrgSnapshot,
    draft: ResultDraft | None,
    today: date,
    *,
    result_id: int | None = None,
    channel_id: str | None = None,
    intro: str | None = None,
) -> dict[str, Any]:
    """A new result (`draft` may be prefilled from a message) or the correction of one."""
    tool_id = draft.tool_id if draft and draft.tool_id else None
    blocks: list[Block] = [section(intro)] if intro else []
    blocks.append(
        _select(
            "tool",
            t(lang, "test.tool"),
            _tool_choices(tools, tool_id),
            initial=str(tool_id) if tool_id else None,
            optional=False,
        )
    )
    if tests:
        test_choices = [
            option(f"{test.tool.name}: {test.question}", str(test.id)) for test in tests
        ]
        blocks.append(
            _select(
                "test",
                t(lang, "test.which_test"),
                test_choices,
                initial=str(draft.test_id) if draft and draft.test_id else None,
            )
        )
    blocks += [
        _daycare_select(
            "daycare",
            t(lang, "test.daycare"),
            snap,
            multi=False,
            initial=(draft.daycare_id,) if draft and draft.daycare_id else (),
        ),
        _datepicker("tested_on", t(lang, "test.tested_on"), draft.tested_on if draft else today),
        _select(
            "rating",
            t(lang, "test.rating"),
            [option("★" * n + "☆" * (5 - n), str(n)) for n in RATINGS],
            initial=str(draft.rating) if draft and draft.rating else None,
            kind="radio_buttons",
        ),
        _select(
            "recommendation",
            t(lang, "test.recommendation"),
            [option(t(lang, f"recommendation.{k}"), k) for k in RECOMMENDATIONS],
            initial=draft.recommendation if draft else None,
            kind="radio_buttons",
        ),
        text_input(
            "worked",
            t(lang, "test.worked"),
            max_length=TEXT_MAX,
            initial=draft.worked if draft else "",
            multiline=True,
            optional=True,
        ),
        text_input(
            "hard",
            t(lang, "test.hard"),
            max_length=TEXT_MAX,
            initial=draft.hard if draft else "",
            multiline=True,
            optional=True,
        ),
        _select(
            "age_group",
            t(lang, "test.age_group"),
            [option(t(lang, f"age_group.{k}"), k) for k in AGE_GROUPS],
            initial=draft.age_group if draft else None,
            kind="radio_buttons",
        ),
        _number(
            "children",
            t(lang, "test.children"),
            minimum=0,
            maximum=200,
            initial=draft.children if draft else None,
        ),
        _select(
            "engagement",
            t(lang, "test.engagement"),
            [option(t(lang, f"engagement.{k}"), k) for k in ENGAGEMENTS],
            initial=draft.engagement if draft else None,
            kind="radio_buttons",
        ),
    ]
    themes = [option(t(lang, f"theme.{k}"), k) for k in THEMES]
    element: dict[str, Any] = {"type": "checkboxes", "action_id": FIELD, "options": themes}
    chosen = [o for o in themes if draft and o["value"] in draft.themes]
    if chosen:
        element["initial_options"] = chosen
    blocks.append(input_block("themes", t(lang, "test.themes"), element))
    blocks.append(
        _number(
            "minutes",
            t(lang, "test.minutes"),
            minimum=0,
            maximum=600,
            initial=draft.minutes_spent if draft else None,
        )
    )
    metadata = {
        "result_id": result_id,
        "channel": channel_id,
        "source": draft.source if draft else "modal",
        "message_channel": draft.channel_id if draft else None,
        "message_ts": draft.message_ts if draft else None,
        "permalink": draft.permalink if draft else None,
    }
    title = "test.correct_title" if result_id else "test.result_title"
    return _modal(lang, RESULT_CALLBACK, title, blocks, metadata)


def close_modal(lang: str, test: ToolTest, *, channel_id: str | None) -> dict[str, Any]:
    blocks: list[Block] = [
        section(
            t(lang, "test.close_intro", tool=escape(test.tool.name), question=escape(test.question))
        ),
        _select(
            "conclusion",
            t(lang, "test.conclusion"),
            [option(t(lang, f"tool_status.{k}"), k) for k in CONCLUSIONS],
            optional=False,
            kind="radio_buttons",
        ),
        text_input(
            "note", t(lang, "test.note"), max_length=NOTE_MAX, multiline=True, optional=True
        ),
    ]
    return _modal(
        lang,
        CLOSE_CALLBACK,
        "test.close_title",
        blocks,
        {"test_id": test.id, "channel": channel_id},
    )


def close_confirm_modal(
    lang: str, test: ToolTest, *, note: str, channel_id: str | None
) -> dict[str, Any]:
    """Pushed over the close modal when a test without results is closed as recommended:
    **Ja, anbefal** closes it so (the same callback, `confirmed` in the metadata, the note
    carried along); **Tilbage** returns to the close modal to choose again."""
    text = t(lang, "tests.error.no_results_confirm", tool=escape(test.tool.name))
    metadata = {
        "test_id": test.id,
        "channel": channel_id,
        "conclusion": "recommended",
        "note": note,
        "confirmed": True,
    }
    return {
        "type": "modal",
        "callback_id": CLOSE_CALLBACK,
        "title": plain(t(lang, "test.confirm_title")),
        "submit": plain(t(lang, "test.confirm_submit")),
        "close": plain(t(lang, "test.confirm_back")),
        "private_metadata": json.dumps(metadata, ensure_ascii=False),
        "blocks": [section(text)],
    }
