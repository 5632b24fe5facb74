"""The modal in which an ambassador writes or edits a guide.

Slack caps one text input at 3000 characters, so the body ("how to") spans as many inputs
as the guide needs plus one empty one to grow into; they are joined again on saving.
"""

from __future__ import annotations

from bot.domain.guides import AGE_GROUPS, THEMES, GuideDetail
from bot.i18n import t
from bot.services.guide_editor import (
    ALIASES_MAX,
    BODY_PART_MAX,
    BODY_PARTS_MAX,
    CATEGORY_MAX,
    PURPOSE_MAX,
    TAGS_MAX,
    TITLE_MAX,
    TOOL_MAX,
)
from bot.views.model import Form, FormField, MultiChoiceField, Option, TextField
from bot.views.text import literal

CALLBACK_ID = "guide_editor"


def body_parts(body: str) -> list[str]:
    """The body cut at line ends into pieces that fit one input (a longer line is cut hard)."""
    parts: list[str] = []
    current = ""
    for line in body.split("\n"):
        while len(line) > BODY_PART_MAX:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:BODY_PART_MAX])
            line = line[BODY_PART_MAX:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > BODY_PART_MAX:
            parts.append(current)
            candidate = line
        current = candidate
    if current:
        parts.append(current)
    return parts


def fits_in_editor(body: str) -> bool:
    return len(body_parts(body)) < BODY_PARTS_MAX


def _checkboxes(
    field_id: str, label: str, options: list[tuple[str, str]], chosen: tuple[str, ...]
) -> MultiChoiceField:
    return MultiChoiceField(
        field_id,
        label,
        options=tuple(Option(text, value) for text, value in options),
        initial=chosen,
        checkboxes=True,
    )


def editor_modal(
    lang: str,
    *,
    detail: GuideDetail | None,
    tool: str = "",
    channel_id: str | None = None,
) -> Form:
    """For a new guide (`detail` None, the tool maybe named) or for editing `detail`."""
    content = detail.current.content if detail else None
    parts = body_parts(content.body) if content else []
    inputs = min(len(parts) + 1, BODY_PARTS_MAX)
    fields: list[FormField] = [
        TextField(
            "tool",
            t(lang, "editor.tool"),
            max_length=TOOL_MAX,
            initial=detail.tool.name if detail else tool,
            hint=t(lang, "editor.tool_hint"),
        ),
        TextField(
            "title",
            t(lang, "editor.title"),
            max_length=TITLE_MAX,
            initial=content.title if content else "",
        ),
        TextField(
            "purpose",
            t(lang, "editor.purpose"),
            max_length=PURPOSE_MAX,
            initial=content.purpose if content else "",
            long=True,
            hint=t(lang, "editor.purpose_hint"),
        ),
    ]
    for number in range(1, inputs + 1):
        fields.append(
            TextField(
                f"body_{number}",
                t(lang, "editor.body")
                if number == 1
                else t(lang, "editor.body_more", number=number),
                max_length=BODY_PART_MAX,
                initial=parts[number - 1] if number <= len(parts) else "",
                long=True,
                optional=True,
                hint=t(lang, "editor.body_hint") if number == 1 else None,
            )
        )
    fields += [
        _checkboxes(
            "age_groups",
            t(lang, "editor.age_groups"),
            [(t(lang, f"age_group.{key}"), key) for key in AGE_GROUPS],
            content.age_groups if content else (),
        ),
        _checkboxes(
            "themes",
            t(lang, "editor.themes"),
            [(t(lang, f"theme.{key}"), key) for key in THEMES],
            content.themes if content else (),
        ),
        TextField(
            "category",
            t(lang, "editor.category"),
            max_length=CATEGORY_MAX,
            initial=(detail.tool.category or "") if detail else "",
            optional=True,
            hint=t(lang, "editor.category_hint"),
        ),
        TextField(
            "aliases",
            t(lang, "editor.aliases"),
            max_length=ALIASES_MAX,
            initial=", ".join(detail.tool.aliases) if detail else "",
            optional=True,
            hint=t(lang, "editor.aliases_hint"),
        ),
        TextField(
            "tags",
            t(lang, "editor.tags"),
            max_length=TAGS_MAX,
            initial=", ".join(content.tags) if content else "",
            optional=True,
        ),
    ]
    return Form(
        id=CALLBACK_ID,
        title=t(lang, "editor.title_edit" if detail else "editor.title_new"),
        submit=t(lang, "editor.submit"),
        close=t(lang, "editor.close"),
        parts=tuple(fields),
        metadata={"guide_id": detail.guide.id if detail else None, "channel": channel_id},
    )


def editor_errors(
    errors: dict[str, tuple[str, dict[str, object]]], body_inputs: int
) -> dict[str, tuple[str, dict[str, object]]]:
    """The save's errors by the form's field ids: the body's at its last input (a long body
    is split over several)."""
    return {
        (f"body_{max(body_inputs, 1)}" if name == "body" else name): error
        for name, error in errors.items()
    }


def saved_message(lang: str, *, tool: str, title: str, version: int, new_version: bool) -> str:
    key = "editor.saved" if new_version else "editor.unchanged"
    return t(lang, key, tool=literal(tool), title=literal(title), version=version)
