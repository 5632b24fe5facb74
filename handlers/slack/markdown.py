"""Neutral Markdown (`bot.views.text`, and the guides' bodies) as Slack mrkdwn.

Everything is escaped before anything is converted (`&`, `<`, `>` become entities), so the
only `<…>` sequences in the result are the links built here from `[text](https://…)` and the
mentions built from `bot.views.text.mention` tokens: no text can ping a channel, mention
someone or disguise a link. A backslash before a punctuation character makes it literal, as in
CommonMark (`\\[AULA\\](https://…)` shows the brackets and the address, no link): that is how
text a person wrote is kept as written (`bot.views.text.literal`). `split_for_sections` then
cuts the result into pieces that fit Slack's section blocks without breaking an entity, a link
or a code block (the one splitter, `bot.views.markdown`, which the guide view also pages a
long guide with).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.views.markdown import split_for_sections

__all__ = ["escape", "split_for_sections", "to_mrkdwn"]

_FENCE = re.compile(r" {0,3}```")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*")
_BOLD_MARK = re.compile(r"\*\*|__")
_QUOTE = re.compile(r" {0,3}(?:&gt;[ \t]?)+(?P<rest>.*)")
_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|(?P<number>\d{1,9})[.)])[ \t]+(?P<rest>.*)")
#: Kept out of the formatting: a code span (shown as written, backslashes included) and a
#: backslash escape (the character itself; `<`, `>` and `&` arrive here as entities). Our own
#: stand-in characters (`_KEPT`…, the private-use planes 15–16) found in the text are kept too, so
#: every one of them in the marked text is ours.
_LITERAL = re.compile(
    r"`[^`\n]+`"
    r"|&lt;(?P<kind>[@#])(?P<mention>[A-Za-z0-9]+)&gt;"
    r"|\\(?P<escaped>&lt;|&gt;|&amp;|[!-/:-@\[-`{-~])"
    r"|[\U000F0000-\U0010FFFF]"
)
_KEPT = 0xF0000
_KEPT_MARK = re.compile(r"[\U000F0000-\U0010FFFF]")
_KEPT_ROOM = 0x110000 - _KEPT
_INLINE = re.compile(
    r"!?\[(?P<label>[^\]\n]+)\]\((?P<url>(?:[^\s()]|\([^\s()]*\))+)\)"
    r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|(?<!\w)__(?=\S)(?P<bold2>.+?)(?<=\S)__(?!\w)"
    r"|~~(?=\S)(?P<strike>.+?)(?<=\S)~~"
    r"|(?<![*\w])\*(?=[^\s*])(?P<italic>.+?)(?<=[^\s*])\*(?![*\w])"
)
# Other schemes (javascript:, data:, relative paths) would be a trap behind a friendly label.
_SAFE_SCHEME = re.compile(r"(?:https?://|mailto:)", re.IGNORECASE)


def escape(text: str) -> str:
    """Text shown as written in mrkdwn: Slack reads `<!channel>`, `<@U123>` and `<url|label>`
    as control sequences, and `&`, `<`, `>` as entities show them literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(markdown: str, mentions: Mapping[str, str] | None = None) -> str:
    """Escaped Slack mrkdwn for neutral Markdown, so it reads as its writer formatted it.

    `mentions` maps the person in each mention token to their Slack user id; a person not
    in it is taken to be a Slack id already.
    """
    found = mentions or {}
    out: list[str] = []
    indents: list[int] = []  # indentation of the open list levels, to know how deep an item is
    in_code = False
    for line in escape(markdown.replace("\r\n", "\n")).split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
            out.append("```")  # Slack ignores a language name after the fence
        elif in_code:
            out.append(line)
        else:
            out.append(_line(line.rstrip(), indents, found))
    if in_code:
        out.append("```")  # an unclosed block would swallow the rest of the message
    return "\n".join(out).strip("\n")


def _line(line: str, indents: list[int], mentions: Mapping[str, str]) -> str:
    if m := _HEADING.fullmatch(line):
        indents.clear()
        # Slack has no headings; a bold line is the closest, and bold inside bold would not nest.
        return f"*{_inline(_BOLD_MARK.sub('', m['text']), mentions)}*"
    if m := _QUOTE.fullmatch(line):
        # The escaped `&gt;` is safe to turn back into Slack's quote marker: alone it links nothing.
        rest = _line(m["rest"], indents, mentions)
        return f"> {rest}" if rest else ">"
    if m := _ITEM.fullmatch(line):
        depth = _depth(len(m["indent"].expandtabs(4)), indents)
        marker = f"{m['number']}." if m["number"] else ("◦" if depth else "•")
        return f"{'  ' * depth}{marker} {_inline(m['rest'], mentions)}"
    if line:
        indents.clear()
    return _inline(line, mentions)


def _depth(indent: int, indents: list[int]) -> int:
    """Nesting by comparing with the items above, so both 2- and 4-space writers get one level."""
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    return len(indents) - 1


def _inline(text: str, mentions: Mapping[str, str]) -> str:
    """Code spans and escaped characters are set aside, each as one stand-in character no
    pattern matches, so an escaped `*` or `[` can neither open nor close anything; the rest
    is formatted, then they are put back as written (code) or as the bare character. A link
    is built from its label and address as written (an escaped `|` is a `|` to `_link`) and
    set aside whole, so nothing in it is put back twice."""
    if len(text) >= _KEPT_ROOM:  # more than there are stand-ins: no line a person writes
        return text  # escaped already, shown unformatted
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return chr(_KEPT + len(kept) - 1)

    def restore(marked: str) -> str:
        return _KEPT_MARK.sub(lambda m: kept[ord(m[0]) - _KEPT], marked)

    def formatted(marked: str) -> str:
        return _INLINE.sub(one, marked)

    def one(m: re.Match[str]) -> str:
        if m["label"]:
            return keep(_link(restore(m["label"]), restore(m["url"])))
        if m["bold"] or m["bold2"]:
            return f"*{formatted(m['bold'] or m['bold2'])}*"
        if m["strike"]:
            return f"~{formatted(m['strike'])}~"
        return f"_{formatted(m['italic'])}_"

    def literal(m: re.Match[str]) -> str:
        if m["kind"] == "#":
            return keep(f"<#{m['mention']}>")
        if m["mention"]:
            return keep(f"<@{mentions.get(m['mention'], m['mention'])}>")
        return keep(m["escaped"] or m[0])

    return restore(formatted(_LITERAL.sub(literal, text)))


def _link(label: str, url: str) -> str:
    if not _SAFE_SCHEME.match(url):
        return f"{label} ({url})"
    # Slack ends the address at the first `|`; a broken bar in the label keeps it plain text.
    return f"<{url.replace('|', '%7C')}|{label.replace('|', '¦')}>"
