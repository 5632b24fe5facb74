"""Danish CPR numbers (personal identity numbers) in free text: found, and shown only masked.

Staff write about children, and a CPR number must never be stored or reposted by the bot
(databeskyttelsesloven § 11). A CPR number is `DDMMYY-SSSS`: six digits that are a date of
birth, then a four-digit serial number. It is written with a dash, a space, or nothing
between the two (`230415-1234`, `230415 1234`, `2304151234`).

Why not modulus 11: until 2007 the tenth digit made the weighted digit sum divisible by 11,
but the CPR office ran out of such numbers for some birth dates, and numbers issued since
then need not pass the check. A modulus-11 test would let exactly those newer numbers
through — the children's. So a number is recognised by its shape and a valid date only,
and a rare false alarm (the author edits the text) is the price of never missing one.

The date's century comes from the seventh digit (the first of the serial), by the CPR
office's rules: 0–3 → 1900s; 4 and 9 → 2000s when YY ≤ 36, else 1900s; 5–8 → 2000s when
YY ≤ 57, else 1800s. It matters only for 29 February, which exists in leap years only.

A number that is part of something longer is not a CPR number: it must not touch other
digits or letters (`U0123456789` is a Slack id, `12345678901` an account), and must not
continue a number with a decimal point, a slash or a dash (`1.2304151234`, `4/2304151234`).
Phone numbers (`+45 12 34 56 78`, `12345678`), dates (`24-12-2026`), prices (`1.200,50
kr`) and ratings (`4/5`) never have the shape.
"""

from __future__ import annotations

import calendar
import re

#: DDMMYY, an optional separator (a dash of any kind, perhaps with spaces around it, or one
#: space), then SSSS; not inside a longer run of digits or letters, not a number's tail.
_CPR = re.compile(
    r"""
    (?<![\w+])              # not after a letter, digit, underscore or "+" (ids, phones)
    (?<![0-9][.,/:-])       # not the tail of a decimal, a fraction, a time or a range
    (?P<date>[0-9]{6})
    (?:[ \u00a0]?[-\u2010-\u2015\u2212][ \u00a0]?|[ \u00a0])?
    (?P<serial>[0-9]{4})
    (?!\w)                  # not followed by more digits or letters
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


def mask(number: str) -> str:
    """`230415-1234`, `230415 1234` or `2304151234` → `230415-XXXX`: the date only, which
    alone identifies nobody, so the author can see which number is meant."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"{digits[:6]}-XXXX"


def find_cpr(text: str) -> list[str]:
    """Every CPR number in `text`, masked (`DDMMYY-XXXX`), in order, each once."""
    found: list[str] = []
    for match in _CPR.finditer(text):
        if is_cpr_date(match["date"], int(match["serial"][0])):
            masked = mask(match["date"] + match["serial"])
            if masked not in found:
                found.append(masked)
    return found


def contains_cpr(text: str) -> bool:
    return bool(find_cpr(text))
