"""Every string a person reads, reached through `t()`.

One catalogue per language: Danish (default) and English, with the same keys and the same
placeholders (a test checks both). Placeholders use `str.format` names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bot.i18n import da, en

Lang = Literal["da", "en"]
DEFAULT_LANG: Lang = "da"
CATALOGUES: dict[str, dict[str, str]] = {"da": da.MESSAGES, "en": en.MESSAGES}


def t(lang: str, key: str, /, **params: object) -> str:
    """The text for `key` in `lang` (Danish when the language is unknown)."""
    catalogue = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANG])
    text = catalogue[key]
    return text.format(**params) if params else text


def either(lang: str, items: Sequence[str]) -> str:
    """Alternatives as the language lists them: "A, B eller C" / "A, B or C" (never "A eller
    B eller C"). The one way to join choices in a message, a refusal or the command line."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t(lang, 'list.or')} {items[-1]}"


def as_lang(value: str | None) -> Lang | None:
    """Map a stored preference or a Slack locale ("da-DK", "en-GB") to a catalogue."""
    if not value:
        return None
    head = value.replace("_", "-").split("-")[0].lower()
    if head == "da":
        return "da"
    if head == "en":
        return "en"
    return None
