"""Danish CPR numbers (personal identity numbers) in free text: found, and shown only masked.

Staff write about children, and a CPR number must never be stored or reposted by the bot
(databeskyttelsesloven § 11). A CPR number is `DDMMYY-SSSS`: six digits that are a date of
birth, then a four-digit serial number. People write it in many ways, and every one is found:

- between date and serial a dash of any kind (one or two, perhaps with a space around),
  a slash, an underscore, one space, or nothing (`230415-1234`, `230415--1234`,
  `230415/1234`, `230415_1234`, `230415 1234`, `2304151234`);
- inside the date a space or a dot, the same one both times (`23 04 15-1234`,
  `23.04.15-1234`);
- with a letter right after it (`070790-7777s forældre`, Danish genitive).

The text is normalised before it is read, so what looks like a number to a person is one to
the scan: Unicode NFKC (full-width `２３０４１５`, non-breaking and thin spaces, full-width
dashes and slashes become their plain forms), every decimal digit of any script read as
0–9, and invisible format characters (Unicode category Cf: zero-width space, soft hyphen,
word joiner, direction marks) removed, so `2304\u200b151234` is the number it shows.

Why not modulus 11: until 2007 the tenth digit made the weighted digit sum divisible by 11,
but the CPR office ran out of such numbers for some birth dates, and numbers issued since
then need not pass the check. A modulus-11 test would let exactly those newer numbers
through — the children's. So a number is recognised by its shape and a valid date only,
and a rare false alarm (the author edits the text) is the price of never missing one.

The date's century comes from the seventh digit (the first of the serial), by the CPR
office's rules: 0–3 → 1900s; 4 and 9 → 2000s when YY ≤ 36, else 1900s; 5–8 → 2000s when
YY ≤ 57, else 1800s. It matters only for 29 February, which exists in leap years only.

A number that is part of something longer is not a CPR number: it must not touch other
digits, must not follow a letter (`U0123456789` is a Slack id, `12345678901` an account),
and must not continue or be continued by a number with a decimal point, a slash or a dash
(`1.2304151234`, `4/2304151234`, `230415-1234-9`). Phone numbers (`20 30 40 50`,
`+45 20304050`), dates (`01.12.2026`, `1/12`), prices (`1.200,50 kr`), ratings (`4/5`) and
EAN codes (13 digits) never have the shape.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator, Sequence

#: DDMMYY (a space or a dot inside, the same both times), a separator people type, then
#: SSSS; not inside a longer run of digits, not after a letter, not a longer number's part.
#: Read on the normalised text (`_normalised`), so all digits and spaces are ASCII here.
_CPR = re.compile(
    r"""
    (?<![\w+])              # not after a letter, digit, underscore or "+" (ids, phones)
    (?<![0-9][.,/:-])       # not the tail of a decimal, a fraction, a time or a range
    (?P<day>[0-9]{2})(?P<sep>[ .]?)(?P<month>[0-9]{2})(?P=sep)(?P<yy>[0-9]{2})
    (?:\ ?(?:[-\u2010-\u2015\u2212]{1,2}|/|_)\ ?|\ )?
    (?P<serial>[0-9]{4})
    (?![0-9])               # not followed by more digits (a letter may follow: "…-1234s")
    (?![.,/:-][0-9])        # nor by a decimal part, a fraction or a longer code
    """,
    re.VERBOSE,
)


def century(yy: int, seventh: int) -> int:
    """The century of birth by the CPR office's rules: 1800, 1900 or 2000."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def is_cpr_date(ddmmyy: str, seventh: int) -> bool:
    """True when the six digits are a real date, the century taken from the seventh digit."""
    day, month, yy = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    if not 1 <= month <= 12 or day < 1:
        return False
    year = century(yy, seventh) + yy
    return day <= calendar.monthrange(year, month)[1]


def _normalised(text: str) -> tuple[str, Sequence[int]]:
    """The text as the scan reads it, and for each of its characters the index of the
    original character it came from — so a number found is masked where it was written.

    Character by character: format characters (Cf) dropped, NFKC applied, and any decimal
    digit written as 0–9."""
    if text.isascii():  # nearly every text: nothing to change, each character its own origin
        return text, range(len(text))
    chars: list[str] = []
    origin: list[int] = []
    for index, original in enumerate(text):
        if unicodedata.category(original) == "Cf":
            continue
        for ch in unicodedata.normalize("NFKC", original):
            if unicodedata.category(ch) == "Nd":
                ch = str(unicodedata.digit(ch))
            chars.append(ch)
            origin.append(index)
    return "".join(chars), origin


def mask(number: str) -> str:
    """A number as written (`230415-1234`, `23.04.15 1234`, full-width, with a zero-width
    space…) → `230415-XXXX`: the date only, which alone identifies nobody, so the author
    can see which number is meant."""
    digits = [ch for ch in _normalised(number)[0] if "0" <= ch <= "9"]
    return f"{''.join(digits[:6])}-XXXX"


def cpr_spans(text: str) -> Iterator[tuple[int, int]]:
    """`(start, end)` in `text` itself of every CPR number in it, in order."""
    scanned, origin = _normalised(text)
    position = 0
    while match := _CPR.search(scanned, position):
        date = match["day"] + match["month"] + match["yy"]
        if is_cpr_date(date, int(match["serial"][0])):
            yield origin[match.start()], origin[match.end() - 1] + 1
            position = match.end()
        else:  # no date: the next number may start inside this one ("32 01 01 90 1234")
            position = match.start() + 1


def find_cpr(text: str) -> list[str]:
    """Every CPR number in `text`, masked (`DDMMYY-XXXX`), in order, each once."""
    found: list[str] = []
    for start, end in cpr_spans(text):
        masked = mask(text[start:end])
        if masked not in found:
            found.append(masked)
    return found


def contains_cpr(text: str) -> bool:
    return bool(find_cpr(text))
