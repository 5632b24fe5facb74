"""The help message: what Tovholder is and the person's commands with one line each; the
short answer to a greeting in a direct message."""

from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.commands import BY_NAME, CommandName
from bot.services.conversation import GreetingReply
from bot.services.help import HelpList
from bot.views.blocks import context, divider, header, section, shorten

UNKNOWN_TEXT_MAX = 60


def usage(lang: str, name: CommandName) -> str:
    """The usage line as typed, in the reader's words (`/tool-guide [what you are looking
    for]`, `/tool-guide [det du leder efter]`), escaped: placeholders are written `<tool>`."""
    return escape(t(lang, BY_NAME[name].usage_key))


def command_lines(lang: str, names: tuple[CommandName, ...]) -> list[str]:
    """One line per command: its usage as code, then what it does."""
    return [f"`{usage(lang, name)}` – {t(lang, BY_NAME[name].text_key)}" for name in names]


def help_message(lang: str, shown: HelpList, *, unknown: str | None = None) -> dict[str, Any]:
    """`unknown` is what the person typed that the bot did not recognise (shown escaped)."""
    blocks = [header(t(lang, "help.header"))]
    if unknown:
        blocks.append(
            section(t(lang, "help.unknown", text=escape(shorten(unknown, UNKNOWN_TEXT_MAX))))
        )
    heading = t(lang, "help.commands_all" if shown.everything else "help.commands")
    blocks += [
        section(t(lang, "help.intro")),
        divider(),
        section(heading + "\n" + "\n".join(command_lines(lang, shown.commands))),
        context(footer(lang, shown)),
    ]
    usages = ", ".join(usage(lang, name) for name in shown.commands)
    return {"text": t(lang, "help.fallback", commands=usages), "blocks": blocks}


def footer(lang: str, shown: HelpList) -> str:
    """How to see everything (after a short list), or that this is everything."""
    if not shown.everything:
        return t(lang, "help.see_all" if shown.more else "help.dm")
    return t(lang, "help.all_note_more" if shown.more else "help.all_note")


def greeting_message(lang: str, reply: GreetingReply) -> dict[str, Any]:
    if reply.first_name:
        opening = t(lang, f"greeting.{reply.kind}", name=escape(reply.first_name))
    else:
        opening = t(lang, f"greeting.{reply.kind}_anonymous")
    lines = command_lines(lang, reply.commands)
    text = "\n".join([opening, t(lang, "greeting.commands"), *lines, t(lang, "greeting.more")])
    return {"text": opening, "blocks": [section(text)]}


def text_message(text: str) -> dict[str, Any]:
    """A short catalogue text on its own (apologies, hints)."""
    return {"text": text, "blocks": [section(text)]}
