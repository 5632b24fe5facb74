"""The coordinator's settings modal: the bot's channels, and a person's roles."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.network import OrgSnapshot
from bot.domain.org import ROLES
from bot.i18n import t
from bot.services.workspace_settings import KEYS
from bot.views.blocks import Block, divider, section, shorten

CALLBACK_ID = "settings"
OPTIONS_MAX = 100
OPTION_TEXT_MAX = 75


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": _plain(shorten(text, OPTION_TEXT_MAX)), "value": value}


def _input(block_id: str, label: str, element: dict[str, Any], hint: str | None = None) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": _plain(label),
        "element": element,
    }
    if hint:
        block["hint"] = _plain(hint)
    return block


def settings_modal(
    lang: str, current: dict[str, str | None], snap: OrgSnapshot, channel_id: str | None
) -> dict[str, Any]:
    blocks: list[Block] = [section(t(lang, "settings.channels_intro"))]
    for key in KEYS:
        element: dict[str, Any] = {"type": "channels_select", "action_id": "channel"}
        if current.get(key):
            element["initial_channel"] = current[key]
        blocks.append(_input(key, t(lang, f"settings.{key}"), element))
    blocks += [divider(), section(t(lang, "settings.roles_intro"))]
    blocks.append(
        _input(
            "role_person",
            t(lang, "settings.role_person"),
            {"type": "users_select", "action_id": "person"},
        )
    )
    blocks.append(
        _input(
            "role_change",
            t(lang, "settings.role_change"),
            {
                "type": "radio_buttons",
                "action_id": "change",
                "options": [
                    _option(t(lang, "settings.role_add"), "add"),
                    _option(t(lang, "settings.role_remove"), "remove"),
                ],
                "initial_option": _option(t(lang, "settings.role_add"), "add"),
            },
        )
    )
    blocks.append(
        _input(
            "role",
            t(lang, "settings.role"),
            {
                "type": "static_select",
                "action_id": "role",
                "options": [_option(t(lang, f"role.{role}"), role) for role in ROLES],
            },
        )
    )
    if snap.areas:
        blocks.append(
            _input(
                "role_area",
                t(lang, "settings.role_area"),
                {
                    "type": "static_select",
                    "action_id": "area",
                    "options": [_option(a.name, str(a.id)) for a in snap.areas[:OPTIONS_MAX]],
                },
                t(lang, "settings.role_area_hint"),
            )
        )
    groups = [
        {
            "label": _plain(shorten(area.name, OPTION_TEXT_MAX)),
            "options": [_option(d.name, str(d.id)) for d in snap.daycares_in(area)[:OPTIONS_MAX]],
        }
        for area in snap.areas[:OPTIONS_MAX]
        if snap.daycares_in(area)
    ]
    if groups:
        blocks.append(
            _input(
                "role_daycare",
                t(lang, "settings.role_daycare"),
                {"type": "static_select", "action_id": "daycare", "option_groups": groups},
                t(lang, "settings.role_daycare_hint"),
            )
        )
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(t(lang, "settings.title")),
        "submit": _plain(t(lang, "settings.save")),
        "close": _plain(t(lang, "settings.close")),
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
