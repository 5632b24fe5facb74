"""Both catalogues hold the same keys with the same placeholders, in files named after them.

Each check looks at every key at once and names every offending key in its failure, so a
missing translation reads as a list to fix rather than a thousand test items.
"""

from __future__ import annotations

from string import Formatter
from types import ModuleType

import pytest

from bot.i18n import CATALOGUES, as_lang, da, en, t
from bot.reminders.registry import KINDS

#: Files holding a group of small prefixes, or named so they do not look like a test file.
#: Every other file `da_<name>.py` / `en_<name>.py` holds exactly the keys `<name>.*`.
GROUPED_PREFIXES = {
    "words": {
        "age_group",
        "date",
        "decision",
        "engagement",
        "list",
        "month",
        "period",
        "recommendation",
        "reminder_state",
        "role",
        "test_state",
        "theme",
        "tool_status",
    },
    "export": {"export", "org_export"},
    "tool_test": {"test"},
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_keys() -> None:
    only_da = sorted(set(CATALOGUES["da"]) - set(CATALOGUES["en"]))
    only_en = sorted(set(CATALOGUES["en"]) - set(CATALOGUES["da"]))
    assert (only_da, only_en) == ([], []), f"no English: {only_da}; no Danish: {only_en}"


def test_every_key_has_the_same_placeholders_in_both_languages() -> None:
    differing = {
        key: (sorted(placeholders(text)), sorted(placeholders(CATALOGUES["en"].get(key, text))))
        for key, text in CATALOGUES["da"].items()
        if placeholders(text) != placeholders(CATALOGUES["en"].get(key, text))
    }
    assert differing == {}, f"placeholders differ (da, en): {differing}"


def test_no_text_is_left_empty_or_untranslated() -> None:
    empty = sorted(
        f"{lang}:{key}"
        for lang, texts in CATALOGUES.items()
        for key, text in texts.items()
        if not text.strip()
    )
    untranslated = []
    for key, text in CATALOGUES["da"].items():
        words = "".join(literal for literal, *_ in Formatter().parse(text))
        if sum(ch.isalpha() for ch in words) > 20 and text == CATALOGUES["en"].get(key):
            untranslated.append(key)
    assert (empty, untranslated) == ([], []), f"empty: {empty}; same in both: {untranslated}"


def _stem(part: ModuleType) -> str:
    return part.__name__.rsplit(".", 1)[-1].split("_", 1)[1]


@pytest.mark.parametrize("catalogue", [da, en], ids=["da", "en"])
def test_each_file_holds_the_keys_it_is_named_after_and_no_key_twice(
    catalogue: ModuleType,
) -> None:
    """A key in the wrong file is hard to find, and a key in two files shows only one text."""
    misplaced = sorted(
        f"{part.__name__}: {key}"
        for part in catalogue.PARTS
        for key in part.MESSAGES
        if key.split(".")[0] not in GROUPED_PREFIXES.get(_stem(part), {_stem(part)})
    )
    seen: dict[str, str] = {}
    twice = []
    for part in catalogue.PARTS:
        for key in part.MESSAGES:
            if key in seen:
                twice.append(f"{key} in {seen[key]} and {part.__name__}")
            seen[key] = part.__name__
    assert (misplaced, twice) == ([], []), f"in the wrong file: {misplaced}; twice: {twice}"


def test_both_languages_split_their_keys_into_the_same_files() -> None:
    da_files = {_stem(part): set(part.MESSAGES) for part in da.PARTS}
    en_files = {_stem(part): set(part.MESSAGES) for part in en.PARTS}
    differing = {
        name: sorted(da_files.get(name, set()) ^ en_files.get(name, set()))
        for name in da_files.keys() | en_files.keys()
        if da_files.get(name) != en_files.get(name)
    }
    assert differing == {}, f"keys in one language's file only: {differing}"


def test_unknown_language_falls_back_to_danish() -> None:
    assert t("sv", "help.header") == t("da", "help.header")


@pytest.mark.parametrize(
    ("value", "lang"),
    [("da-DK", "da"), ("en-GB", "en"), ("en_US", "en"), ("EN", "en"), ("sv-SE", None), ("", None)],
)
def test_slack_locales_map_to_a_catalogue(value: str, lang: str | None) -> None:
    assert as_lang(value) == lang


def test_every_reminder_kind_has_a_name_in_words() -> None:
    """`tovholder reminders list|failed` names each kind for the coordinator, not in code."""
    missing = [kind for kind in KINDS if f"reminder_kind.{kind}" not in CATALOGUES["da"]]
    assert missing == []
