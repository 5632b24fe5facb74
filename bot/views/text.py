"""The text views write: a small Markdown subset every front end can render.

`**bold**`, `_italic_`, `~~strike~~`, `[label](https://…)` links, `` `code` ``, line breaks,
`-` bullets, and a mention of a person made by `mention`. Each front end's renderer turns
this into what its platform shows (Slack mrkdwn, a Teams card, console text) and is the
only place that escapes for that platform.

Text a person wrote or that came from a file goes in through `literal`, which escapes every
character the Markdown could read as formatting, `<` included: so nobody's text can become a
link, a heading or a mention token, and the renderer shows it character for character.
Markdown a person wrote to be formatted (a guide's body) goes in through `markdown`, which
keeps its formatting but makes any mention token in it plain text.
"""

from __future__ import annotations

import re

from bot.domain.guide_markdown import literal

__all__ = ["MENTION", "channel", "literal", "markdown", "mention"]

#: A mention token in neutral text: `<@42>` for a person, `<#C42>` for a conversation.
#: `literal` escapes `<`, so text a person wrote can never contain one; the renderer replaces
#: each with the platform's own mention.
MENTION = re.compile(r"<(?P<kind>[@#])(?P<person>[A-Za-z0-9]+)>")


def mention(person_id: int | str) -> str:
    """The token that renders as a mention of the person on every platform.

    `str` is accepted while people are still keyed by their Slack id (`U…`): the token is then
    exactly Slack's own mention. Once every caller passes the bot's int person id, narrow the
    parameter to `int`.
    """
    return f"<@{person_id}>"


def channel(conversation_id: str) -> str:
    """The token that renders as a link to a conversation (Slack's `#channel`)."""
    return f"<#{conversation_id}>"


_CODE = re.compile(r"`[^`\n]+`")
_FENCE = re.compile(r" {0,3}```")


def markdown(body: str) -> str:
    """A person's Markdown with its formatting kept and every mention token in it shown as
    typed (`<\\@42>`, which reads `<@42>`), so a guide cannot mention anyone. Code is left as
    written: no renderer reads a mention there."""
    out, in_code = [], False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            line = _outside_code(line)
        out.append(line)
    return "\n".join(out)


def _outside_code(line: str) -> str:
    pieces, start = [], 0
    for code in _CODE.finditer(line):
        pieces += [_plain_mentions(line[start : code.start()]), code[0]]
        start = code.end()
    return "".join([*pieces, _plain_mentions(line[start:])])


def _plain_mentions(text: str) -> str:
    return MENTION.sub(lambda m: f"<\\{m['kind']}{m['person']}>", text)
