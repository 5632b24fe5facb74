"""The help message: what Tovholder is and each command with one line."""

from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.help import COMMANDS
from bot.views.blocks import context, divider, header, section, shorten

UNKNOWN_TEXT_MAX = 60


def help_message(lang: str, *, unknown: str | None = None) -> dict[str, Any]:
    """`unknown` is what the person typed that the bot did not recognise (shown escaped)."""
    lines = [f"`{c.usage}` – {t(lang, c.text_key)}" for c in COMMANDS]
    blocks = [header(t(lang, "help.header"))]
    if unknown:
        blocks.append(
            section(t(lang, "help.unknown", text=escape(shorten(unknown, UNKNOWN_TEXT_MAX))))
        )
    blocks += [
        section(t(lang, "help.intro")),
        divider(),
        section(t(lang, "help.commands") + "\n" + "\n".join(lines)),
        context(t(lang, "help.dm")),
    ]
    fallback = t(lang, "help.fallback", commands=", ".join(c.usage for c in COMMANDS))
    return {"text": fallback, "blocks": blocks}


def text_message(text: str) -> dict[str, Any]:
    """A short catalogue text on its own (apologies, hints)."""
    return {"text": text, "blocks": [section(text)]}
