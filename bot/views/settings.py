"""The coordinator's settings modal: the bot's channels, and a person's roles."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.network import OrgSnapshot
from bot.domain.org import ROLES
from bot.i18n import t
from bot.services.workspace_settings import KEYS
from bot.views.blocks import (
    OPTION_TEXT_MAX,
    Block,
    divider,
    input_block,
    option,
    plain,
    section,
    shorten,
)

CALLBACK_ID = "settings"
OPTIONS_MAX = 100


def settings_modal(
    lang: str, current: dict[str, str | None], snap: OrgSnapshot, channel_id: str | None
) -> dict[str, Any]:
    blocks: list[Block] = [section(t(lang, "settings.channels_intro"))]
    for key in KEYS:
        element: dict[str, Any] = {"type": "channels_select", "action_id": "channel"}
        if current.get(key):
            element["initial_channel"] = current[key]
        blocks.append(input_block(key, t(lang, f"settings.{key}"), element))
    blocks += [divider(), section(t(lang, "settings.roles_intro"))]
    blocks.append(
        input_block(
            "role_person",
            t(lang, "settings.role_person"),
            {"type": "users_select", "action_id": "person"},
        )
    )
    blocks.append(
        input_block(
            "role_change",
            t(lang, "settings.role_change"),
            {
                "type": "radio_buttons",
                "action_id": "change",
                "options": [
                    option(t(lang, "settings.role_add"), "add"),
                    option(t(lang, "settings.role_remove"), "remove"),
                ],
                "initial_option": option(t(lang, "settings.role_add"), "add"),
            },
        )
    )
    blocks.append(
        input_block(
            "role",
            t(lang, "settings.role"),
            {
                "type": "static_select",
                "action_id": "role",
                "options": [option(t(lang, f"role.{role}"), role) for role in ROLES],
            },
        )
    )
    if snap.areas:
        blocks.append(
            input_block(
                "role_area",
                t(lang, "settings.role_area"),
                {
                    "type": "static_select",
                    "action_id": "area",
                    "options": [option(a.name, str(a.id)) for a in snap.areas[:OPTIONS_MAX]],
                },
                hint=t(lang, "settings.role_area_hint"),
            )
        )
    groups = [
        {
            "label": plain(shorten(area.name, OPTION_TEXT_MAX)),
            "options": [option(d.name, str(d.id)) for d in snap.daycares_in(area)[:OPTIONS_MAX]],
        }
        for area in snap.areas[:OPTIONS_MAX]
        if snap.daycares_in(area)
    ]
    if groups:
        blocks.append(
            input_block(
                "role_daycare",
                t(lang, "settings.role_daycare"),
                {"type": "static_select", "action_id": "daycare", "option_groups": groups},
                hint=t(lang, "settings.role_daycare_hint"),
            )
        )
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": plain(t(lang, "settings.title")),
        "submit": plain(t(lang, "settings.save")),
        "close": plain(t(lang, "settings.close")),
        "private_metadata": json.dumps({"channel": channel_id}),
        "blocks": blocks,
    }


def saved_message(lang: str, changes: list[tuple[str, dict[str, str]]]) -> dict[str, Any]:
    lines = [t(lang, "settings.saved" if changes else "settings.nothing_changed")]
    for key, params in changes:
        shown = dict(params)
        if "role" in shown:
            shown["role"] = t(lang, f"role.{shown['role']}")
        if "key" in shown:
            shown["key"] = t(lang, f"settings.{shown['key']}")
        lines.append("• " + t(lang, key, **shown))
    text = "\n".join(lines)
    return {"text": text, "blocks": [section(text)]}


def field_errors(lang: str, errors: dict[str, str]) -> dict[str, str]:
    """Modal field errors (block id -> text) as the `errors` response action wants them."""
    return {block_id: t(lang, key) for block_id, key in errors.items()}
