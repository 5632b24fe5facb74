"""Reading a guide's Markdown, the parts no renderer does: what the card shows of a body
(`card_steps`: the headings, the first list) and the body without empty headings, and
`split_for_sections`, which cuts text into pieces of a bounded size without breaking a link,
a mention token, an entity or a code block — the guide view splits a long guide into parts
and messages with it, and Slack's renderer splits its converted text into sections.

Converting Markdown for a platform is its renderer's (`handlers.slack.markdown`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

_FENCE = re.compile(r" {0,3}```")
_ATOM = re.compile(r"<[^<>\n]*>|&#?\w{1,8};")  # a link or an entity: cutting one shows garbage
_FENCE_LINE = re.compile(r"^```", re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
_OPEN, _CLOSE = "```\n", "\n```"
MIN_LIMIT = 20  # room for the fences around a cut code block and for the longest entity


def split_for_sections(mrkdwn: str, limit: int = 3000) -> list[str]:
    """Chunks of text for one section block each, as Slack caps a section's text (or for one
    part of the whole guide).

    Cuts go, by preference, at a blank line in the second half of the room, at a line end, after
    a space, and mid-word only in a line without a usable space. What holds:

    - each chunk is at most `limit` characters and not blank; blank text gives `[]`;
    - apart from "```" fence lines, the chunks are consecutive slices of the text with nothing but
      whitespace around them: the newline and any blank lines at a cut between lines, nothing at a
      cut after a space (the space ends the earlier chunk) or mid-word. So `"\\n".join(chunks)` is
      the text with the blank lines at a cut reduced to one newline and a newline added at each
      cut inside a line;
    - no cut falls inside an entity such as `&amp;` or a `<url|label>` link. A link longer than
      `limit - 8` fits in no chunk, so it becomes the plain text `label (url)` first; that is the
      one change to the text;
    - the fences in each chunk pair up: a code block cut in two is closed at the end of one chunk
      and reopened in the next, and a fence that would only make an empty block at a cut is left
      out.
    """
    if limit < MIN_LIMIT:
        raise ValueError(f"limit must be at least {MIN_LIMIT}")
    room = limit - len(_OPEN) - len(_CLOSE)
    text = _ATOM.sub(lambda m: _unlink(m[0]) if len(m[0]) > room else m[0], mrkdwn).rstrip()
    atoms = [(m.start(), m.end()) for m in _ATOM.finditer(text)]
    fences = [m.start() for m in _FENCE_LINE.finditer(text)]

    def in_code(i: int) -> bool:  # whether position i lies between an opening and closing fence
        return bisect_left(fences, i) % 2 == 1

    chunks: list[str] = []
    pos = _skip_blank_lines(text, 0)
    while pos < len(text):
        if in_code(pos) and _FENCE_LINE.match(text, pos):  # the block ended right at the cut
            pos = _skip_blank_lines(text, _line_end(text, pos))
            continue
        opening = _OPEN if in_code(pos) else ""
        end = len(text)
        if len(opening) + end - pos + (len(_CLOSE) if in_code(end) else 0) > limit:
            end = _cut(text, pos, pos + room, atoms)
            while text[end - 1] == "\n":  # a run of blank lines: cut before all of it
                end -= 1
            last_line = text.rfind("\n", pos, end)
            if in_code(end) and last_line > pos and _FENCE_LINE.match(text, last_line + 1):
                end = last_line  # keep a block's opening fence with its code
        body = text[pos:end]
        if body.strip():
            chunks.append(opening + body + (_CLOSE if in_code(end) else ""))
        pos = _skip_blank_lines(text, end)
    return chunks


def _cut(text: str, start: int, stop: int, atoms: list[tuple[int, int]]) -> int:
    """Where the chunk from `start` should end, at most `stop`; the newline there is not kept."""
    blank = text.rfind("\n\n", start + (stop - start) // 2, stop + 2)
    if blank > start:
        return blank
    newline = text.rfind("\n", start + 1, stop + 1)
    if newline > start:
        return newline
    first_word = len(text) - len(text[start:].lstrip(" ")) + 1
    ends = range(stop, start, -1)
    for end in ends:
        if text[end - 1] == " " and end > first_word and not _inside(end, atoms):
            return end
    return next(end for end in ends if not _inside(end, atoms))


def _inside(i: int, atoms: list[tuple[int, int]]) -> bool:
    k = bisect_left(atoms, (i, i)) - 1
    return k >= 0 and atoms[k][0] < i < atoms[k][1]


def _skip_blank_lines(text: str, i: int) -> int:
    """The newline at a cut and the blank lines after it belong to neither chunk."""
    m = _BLANK_LINES.match(text, i)
    return m.end() if m else i


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _unlink(atom: str) -> str:
    url, bar, label = atom[1:-1].partition("|")
    return f"{label} ({url})" if bar else url


#: Where a guide's structure is read for the card: a heading and its level, a list item at
#: the left margin.
#: The steps the guide card shows of a body; the whole guide has the rest.
STEPS_SHOWN = 3
#: How a guide's structure is read for the card: a heading and its level, a list item at
#: the left margin (fences as above).
_MD_HEADING = re.compile(r" {0,3}(?P<level>#{1,6})[ \t]+\S")
_MD_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def _kinds(lines: list[str]) -> list[str]:
    """Each line as "heading", "item" (a list item at the left margin), "blank", "indented"
    or "text"; lines in a code block are text, whatever they look like."""
    kinds, in_code = [], False
    for line in lines:
        if _FENCE.match(line):
            in_code = not in_code
            kinds.append("text")
        elif in_code:
            kinds.append("text")
        elif _MD_HEADING.match(line):
            kinds.append("heading")
        elif _MD_ITEM.match(line):
            kinds.append("item")
        elif not line.strip():
            kinds.append("blank")
        else:
            kinds.append("indented" if line[:1] in (" ", "\t") else "text")
    return kinds


def _level(line: str) -> int:
    found = _MD_HEADING.match(line)
    return len(found["level"]) if found else 0


def without_empty_headings(body: str) -> str:
    """The body without headings that have nothing under them before the next heading of
    the same or a higher level (an ambassador's unfinished "## Tips"). Read from the end, so
    a heading left empty by an empty subheading goes too."""
    lines = body.split("\n")
    kept: list[str] = []
    #: What comes next among the lines kept: a heading's level, 0 for text, None for nothing.
    following: int | None = None
    for line, kind in zip(reversed(lines), reversed(_kinds(lines)), strict=True):
        if kind == "heading":
            level = _level(line)
            if following is None or 0 < following <= level:
                continue
            following = level
        elif kind != "blank":
            following = 0
        kept.append(line)
    return "\n".join(reversed(kept)).strip("\n")


def card_steps(body: str, count: int = STEPS_SHOWN) -> tuple[str, bool]:
    """The Markdown the card shows of a body, and whether the guide has more.

    The first list is the steps: its heading, any words before it, and its first `count`
    items. A body without a list shows its first section (the card cuts that to length).
    """
    lines = without_empty_headings(body).split("\n")
    kinds = _kinds(lines)
    first_item = next((i for i, kind in enumerate(kinds) if kind == "item"), None)
    if first_item is None:
        start = 0
        end = next(
            (
                i
                for i, kind in enumerate(kinds)
                if kind == "heading" and any(k not in ("blank", "heading") for k in kinds[:i])
            ),
            len(lines),
        )
    else:
        start = next((i for i in range(first_item, -1, -1) if kinds[i] == "heading"), 0)
        end, items = first_item, 0
        while end < len(lines):
            kind = kinds[end]
            if kind == "item":
                items += 1
            if items > count or kind == "heading":
                break
            if kind == "text" and kinds[end - 1] == "blank":
                break  # the list has ended
            end += 1
    shown = "\n".join(lines[start:end]).strip("\n")
    rest = kinds[:start] + kinds[end:]
    return shown, any(kind not in ("blank", "heading") for kind in rest)
