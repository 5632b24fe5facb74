"""The coordinator's settings modal: the bot's channels, and a person's roles."""

from __future__ import annotations

from bot.domain.network import OrgSnapshot
from bot.domain.org import ROLES
from bot.i18n import t
from bot.services.workspace_settings import KEYS
from bot.views.model import (
    ChoiceField,
    ConversationField,
    Divider,
    Form,
    FormField,
    Message,
    Option,
    OptionGroup,
    Part,
    PeopleField,
    Text,
)
from bot.views.text import channel, mention

CALLBACK_ID = "settings"


def settings_modal(
    lang: str, current: dict[str, str | None], snap: OrgSnapshot, channel_id: str | None
) -> Form:
    parts: list[Part | FormField] = [Text(t(lang, "settings.channels_intro"))]
    for key in KEYS:
        parts.append(ConversationField(key, t(lang, f"settings.{key}"), initial=current.get(key)))
    parts += [
        Divider(),
        Text(t(lang, "settings.roles_intro")),
        PeopleField("role_person", t(lang, "settings.role_person")),
        ChoiceField(
            "role_change",
            t(lang, "settings.role_change"),
            options=(
                Option(t(lang, "settings.role_add"), "add"),
                Option(t(lang, "settings.role_remove"), "remove"),
            ),
            initial="add",
            radio=True,
        ),
        ChoiceField(
            "role",
            t(lang, "settings.role"),
            options=tuple(Option(t(lang, f"role.{role}"), role) for role in ROLES),
        ),
    ]
    if snap.areas:
        parts.append(
            ChoiceField(
                "role_area",
                t(lang, "settings.role_area"),
                options=tuple(Option(a.name, str(a.id)) for a in snap.areas),
                hint=t(lang, "settings.role_area_hint"),
            )
        )
    groups = tuple(
        OptionGroup(area.name, tuple(Option(d.name, str(d.id)) for d in snap.daycares_in(area)))
        for area in snap.areas
        if snap.daycares_in(area)
    )
    if groups:
        parts.append(
            ChoiceField(
                "role_daycare",
                t(lang, "settings.role_daycare"),
                groups=groups,
                hint=t(lang, "settings.role_daycare_hint"),
            )
        )
    return Form(
        id=CALLBACK_ID,
        title=t(lang, "settings.title"),
        submit=t(lang, "settings.save"),
        close=t(lang, "settings.close"),
        parts=tuple(parts),
        metadata={"channel": channel_id},
    )


def saved_message(lang: str, changes: list[tuple[str, dict[str, str]]]) -> Message:
    """What was saved, a line a change; a channel as a link to it, a person mentioned."""
    lines = [t(lang, "settings.saved" if changes else "settings.nothing_changed")]
    for key, params in changes:
        shown = dict(params)
        if shown.get("channel"):
            shown["channel"] = channel(shown["channel"])
        if shown.get("person"):
            shown["person"] = mention(int(shown["person"]))
        if "role" in shown:
            shown["role"] = t(lang, f"role.{shown['role']}")
        if "key" in shown:
            shown["key"] = t(lang, f"settings.{shown['key']}")
        lines.append("• " + t(lang, key, **shown))
    text = "\n".join(lines)
    return Message(text, (Text(text),))


def field_errors(lang: str, errors: dict[str, str]) -> dict[str, str]:
    """Modal field errors (block id -> text) as the `errors` response action wants them."""
    return {block_id: t(lang, key) for block_id, key in errors.items()}
