"""Both catalogues hold the same keys with the same placeholders."""

from __future__ import annotations

from string import Formatter

import pytest

from bot.i18n import CATALOGUES, as_lang, t
from bot.jobs.nudges import SENDERS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_keys() -> None:
    assert set(CATALOGUES["da"]) == set(CATALOGUES["en"])


@pytest.mark.parametrize("key", sorted(CATALOGUES["da"]))
def test_each_key_has_the_same_placeholders(key: str) -> None:
    assert placeholders(CATALOGUES["da"][key]) == placeholders(CATALOGUES["en"][key])


@pytest.mark.parametrize("key", sorted(CATALOGUES["da"]))
def test_no_text_is_left_empty_or_untranslated(key: str) -> None:
    da, en = CATALOGUES["da"][key], CATALOGUES["en"][key]
    assert da.strip() and en.strip()
    words = "".join(literal for literal, *_ in Formatter().parse(da))
    if sum(ch.isalpha() for ch in words) > 20:
        assert da != en, f"{key} reads the same in Danish and English"


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
    missing = [kind for kind in SENDERS if f"reminder_kind.{kind}" not in CATALOGUES["da"]]
    assert missing == []
