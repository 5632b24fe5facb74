"""The three modals of a tool test: start a test, post (or correct) a result, close a test."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.domain.guides import AGE_GROUPS, THEMES, Tool
from bot.domain.network import OrgSnapshot
from bot.domain.refs import PLATFORMS, MessageRef
from bot.domain.tool_tests import (
    CONCLUSIONS,
    ENGAGEMENTS,
    RATINGS,
    RECOMMENDATIONS,
    ResultDraft,
    ToolTest,
)
from bot.i18n import t
from bot.views.model import (
    ChoiceField,
    DateField,
    Form,
    FormField,
    MultiChoiceField,
    NumberField,
    Option,
    OptionGroup,
    Part,
    Text,
    TextField,
)
from bot.views.text import literal

START_CALLBACK = "test_start"
RESULT_CALLBACK = "test_result"
CLOSE_CALLBACK = "test_close"
OPTIONS_MAX = 100
QUESTION_MAX = 500
TEXT_MAX = 3000
NOTE_MAX = 1000


def _modal(
    lang: str,
    callback: str,
    title_key: str,
    parts: list[Part | FormField],
    metadata: dict[str, object],
) -> Form:
    return Form(
        id=callback,
        title=t(lang, title_key),
        submit=t(lang, "test.submit"),
        close=t(lang, "test.close_modal"),
        parts=tuple(parts),
        metadata=metadata,
    )


def _tool_choices(tools: list[Tool], chosen: int | None) -> tuple[Option, ...]:
    """The catalogue by name; the chosen tool always among the 100 a form shows."""
    ordered = sorted(tools, key=lambda tool: (tool.id != chosen, tool.name.casefold()))
    return tuple(Option(tool.name, str(tool.id)) for tool in ordered[:OPTIONS_MAX])


def _daycare_groups(snap: OrgSnapshot) -> tuple[OptionGroup, ...]:
    return tuple(
        OptionGroup(area.name, tuple(Option(d.name, str(d.id)) for d in snap.daycares_in(area)))
        for area in snap.areas
        if snap.daycares_in(area)
    )


def _choices(lang: str, prefix: str, keys: tuple[str, ...]) -> tuple[Option, ...]:
    return tuple(Option(t(lang, f"{prefix}.{k}"), k) for k in keys)


def start_modal(
    lang: str,
    tools: list[Tool],
    snap: OrgSnapshot,
    today: date,
    *,
    tool_id: int | None,
    channel_id: str | None,
) -> Form:
    parts: list[Part | FormField] = [
        ChoiceField(
            "tool",
            t(lang, "test.tool"),
            options=_tool_choices(tools, tool_id),
            initial=str(tool_id) if tool_id else None,
            optional=False,
        ),
        TextField(
            "question",
            t(lang, "test.question"),
            max_length=QUESTION_MAX,
            long=True,
            hint=t(lang, "test.question_hint"),
        ),
        MultiChoiceField("daycares", t(lang, "test.daycares"), groups=_daycare_groups(snap)),
        ChoiceField(
            "area",
            t(lang, "test.area"),
            options=tuple(Option(a.name, str(a.id)) for a in snap.areas),
        ),
        DateField("starts_on", t(lang, "test.starts_on"), initial=today),
        TextField(
            "checkpoints",
            t(lang, "test.checkpoints"),
            max_length=40,
            initial="2, 6",
            optional=True,
            hint=t(lang, "test.checkpoints_hint"),
        ),
    ]
    return _modal(lang, START_CALLBACK, "test.start_title", parts, {"channel": channel_id})


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
) -> Form:
    """A new result (`draft` may be prefilled from a message) or the correction of one."""
    tool_id = draft.tool_id if draft and draft.tool_id else None
    parts: list[Part | FormField] = [Text(intro)] if intro else []
    parts.append(
        ChoiceField(
            "tool",
            t(lang, "test.tool"),
            options=_tool_choices(tools, tool_id),
            initial=str(tool_id) if tool_id else None,
            optional=False,
        )
    )
    if tests:
        parts.append(
            ChoiceField(
                "test",
                t(lang, "test.which_test"),
                options=tuple(
                    Option(f"{test.tool.name}: {test.question}", str(test.id)) for test in tests
                ),
                initial=str(draft.test_id) if draft and draft.test_id else None,
            )
        )
    parts += [
        ChoiceField(
            "daycare",
            t(lang, "test.daycare"),
            groups=_daycare_groups(snap),
            initial=str(draft.daycare_id) if draft and draft.daycare_id else None,
        ),
        DateField(
            "tested_on", t(lang, "test.tested_on"), initial=draft.tested_on if draft else today
        ),
        ChoiceField(
            "rating",
            t(lang, "test.rating"),
            options=tuple(Option("★" * n + "☆" * (5 - n), str(n)) for n in RATINGS),
            initial=str(draft.rating) if draft and draft.rating else None,
            radio=True,
        ),
        ChoiceField(
            "recommendation",
            t(lang, "test.recommendation"),
            options=_choices(lang, "recommendation", RECOMMENDATIONS),
            initial=draft.recommendation if draft else None,
            radio=True,
        ),
        TextField(
            "worked",
            t(lang, "test.worked"),
            max_length=TEXT_MAX,
            initial=draft.worked if draft else "",
            long=True,
            optional=True,
        ),
        TextField(
            "hard",
            t(lang, "test.hard"),
            max_length=TEXT_MAX,
            initial=draft.hard if draft else "",
            long=True,
            optional=True,
        ),
        ChoiceField(
            "age_group",
            t(lang, "test.age_group"),
            options=_choices(lang, "age_group", AGE_GROUPS),
            initial=draft.age_group if draft else None,
            radio=True,
        ),
        NumberField(
            "children",
            t(lang, "test.children"),
            minimum=0,
            maximum=200,
            initial=draft.children if draft else None,
        ),
        ChoiceField(
            "engagement",
            t(lang, "test.engagement"),
            options=_choices(lang, "engagement", ENGAGEMENTS),
            initial=draft.engagement if draft else None,
            radio=True,
        ),
        MultiChoiceField(
            "themes",
            t(lang, "test.themes"),
            options=_choices(lang, "theme", THEMES),
            initial=draft.themes if draft else (),
            checkboxes=True,
        ),
        NumberField(
            "minutes",
            t(lang, "test.minutes"),
            minimum=0,
            maximum=600,
            initial=draft.minutes_spent if draft else None,
        ),
    ]
    metadata: dict[str, object] = {
        "result_id": result_id,
        "channel": channel_id,
        "source": draft.source if draft else "modal",
        **message_metadata(draft.message if draft else None, draft.link if draft else None),
    }
    title = "test.correct_title" if result_id else "test.result_title"
    return _modal(lang, RESULT_CALLBACK, title, parts, metadata)


def message_metadata(message: MessageRef | None, link: str | None) -> dict[str, object]:
    """The message a result is read from, in the result form's metadata (plain values), so
    the submission saves it with the result."""
    return {
        "message_platform": message.platform if message else None,
        "message_conversation": message.conversation_id if message else None,
        "message_id": message.message_id if message else None,
        "message_thread": message.thread_id if message else None,
        "link": link,
    }


def metadata_message(metadata: Mapping[str, Any]) -> tuple[MessageRef | None, str | None]:
    """The message and link `message_metadata` put in a result form's metadata."""
    platform = next((p for p in PLATFORMS if p == metadata.get("message_platform")), None)
    conversation, message_id = metadata.get("message_conversation"), metadata.get("message_id")
    link = metadata.get("link")
    if platform is None or not conversation or not message_id:
        return None, str(link) if link else None
    thread = metadata.get("message_thread")
    found = MessageRef(
        platform, str(conversation), str(message_id), str(thread) if thread else None
    )
    return found, str(link) if link else None


def close_modal(lang: str, test: ToolTest, *, channel_id: str | None) -> Form:
    parts: list[Part | FormField] = [
        Text(
            t(
                lang,
                "test.close_intro",
                tool=literal(test.tool.name),
                question=literal(test.question),
            )
        ),
        ChoiceField(
            "conclusion",
            t(lang, "test.conclusion"),
            options=_choices(lang, "tool_status", CONCLUSIONS),
            radio=True,
            optional=False,
        ),
        TextField("note", t(lang, "test.note"), max_length=NOTE_MAX, long=True, optional=True),
    ]
    return _modal(
        lang,
        CLOSE_CALLBACK,
        "test.close_title",
        parts,
        {"test_id": test.id, "channel": channel_id},
    )


def close_confirm_modal(lang: str, test: ToolTest, *, note: str, channel_id: str | None) -> Form:
    """Pushed over the close modal when a test without results is closed as recommended:
    **Ja, anbefal** closes it so (the same callback, `confirmed` in the metadata, the note
    carried along); **Tilbage** returns to the close modal to choose again."""
    text = t(lang, "tests.error.no_results_confirm", tool=literal(test.tool.name))
    return Form(
        id=CLOSE_CALLBACK,
        title=t(lang, "test.confirm_title"),
        submit=t(lang, "test.confirm_submit"),
        close=t(lang, "test.confirm_back"),
        parts=(Text(text),),
        metadata={
            "test_id": test.id,
            "channel": channel_id,
            "conclusion": "recommended",
            "note": note,
            "confirmed": True,
        },
    )
