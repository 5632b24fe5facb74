"""Text people wrote, copied into a guide's Markdown as literal text.

A question, an answer or a chat message saved into a guide ("Gem som FAQ") was written for
Slack, not as Markdown, and was not written by the guide's ambassadors: copied as it is,
`[AULA – log ind](https://evil.example/aula)` in a question becomes a real link labelled
"AULA – log ind" for everyone who opens the guide, and a `#` or `-` at a line's start a
heading or a list. So every character Markdown could read as formatting is escaped with a
backslash, the CommonMark way, which the renderers (`handlers.slack.markdown.to_mrkdwn`) and any
Markdown reader of an exported guide show as the bare character: the text reads exactly as
written, and a link in it shows its real address.
"""

from __future__ import annotations

import re

#: Formatting wherever it stands: escapes, code, emphasis, strike-through, link brackets, and
#: `<` (HTML and autolinks to other Markdown readers).
_ANYWHERE = re.compile(r"[\\`*_~\[\]<]")
#: Formatting at a line's start only: a heading, a quote, a list item (`-`, `+`, `1.`, `1)`).
_LINE_START = re.compile(r"^([ \t]*)([#>+-]|\d{1,9}(?=[.)]))", re.MULTILINE)


def literal(text: str) -> str:
    """`text` as Markdown that shows it character for character: `[a](b)` → `\\[a\\](b)`."""
    escaped = _ANYWHERE.sub(lambda m: "\\" + m[0], text)
    return _LINE_START.sub(_line_start, escaped)


def _line_start(m: re.Match[str]) -> str:
    indent, mark = m[1], m[2]
    if mark[0].isdigit():  # `1.` is a list item, `1\.` the number: the dot after it is escaped
        return f"{indent}{mark}\\"
    return f"{indent}\\{mark}"
