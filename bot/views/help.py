"""The help message: what Tovholder is and the person's commands with one line each; the
short answer to a greeting in a direct message."""

from __future__ import annotations

from bot.i18n import t
from bot.services.commands import BY_NAME, CommandName
from bot.services.conversation import GreetingReply
from bot.services.help import HelpList
from bot.views.blocks import shorten
from bot.views.model import Context, Divider, Heading, Message, Part, Text
from bot.views.text import literal

UNKNOWN_TEXT_MAX = 60


def usage(lang: str, name: CommandName) -> str:
    """The usage line as typed, in the reader's words (`/tool-guide [what you are looking
    for]`, `/tool-guide [det du leder efter]`); placeholders are written `<tool>`."""
    return t(lang, BY_NAME[name].usage_key)


def command_lines(lang: str, names: tuple[CommandName, ...]) -> list[str]:
    """One line per command: its usage as code (shown as written), then what it does."""
    return [f"`{usage(lang, name)}` – {t(lang, BY_NAME[name].text_key)}" for name in names]


def help_message(lang: str, shown: HelpList, *, unknown: str | None = None) -> Message:
    """`unknown` is what the person typed that the bot did not recognise (shown as typed)."""
    parts: list[Part] = [Heading(t(lang, "help.header"))]
    if unknown:
        parts.append(
            Text(t(lang, "help.unknown", text=literal(shorten(unknown, UNKNOWN_TEXT_MAX))))
        )
    heading = t(lang, "help.commands_all" if shown.everything else "help.commands")
    parts += [
        Text(t(lang, "help.intro")),
        Divider(),
        Text(heading + "\n" + "\n".join(command_lines(lang, shown.commands))),
        Context(footer(lang, shown)),
    ]
    usages = ", ".join(literal(usage(lang, name)) for name in shown.commands)
    return Message(t(lang, "help.fallback", commands=usages), tuple(parts))


def footer(lang: str, shown: HelpList) -> str:
    """How to see everything (after a short list), or that this is everything."""
    if not shown.everything:
        return t(lang, "help.see_all" if shown.more else "help.dm")
    return t(lang, "help.all_note_more" if shown.more else "help.all_note")


def greeting_message(lang: str, reply: GreetingReply) -> Message:
    if reply.first_name:
        opening = t(lang, f"greeting.{reply.kind}", name=literal(reply.first_name))
    else:
        opening = t(lang, f"greeting.{reply.kind}_anonymous")
    lines = command_lines(lang, reply.commands)
    text = "\n".join([opening, t(lang, "greeting.commands"), *lines, t(lang, "greeting.more")])
    return Message(opening, (Text(text),))


def text_message(text: str) -> Message:
    """A short catalogue text on its own (apologies, hints), in neutral Markdown."""
    return Message(text, (Text(text),))
