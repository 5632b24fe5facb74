"""One word for each thing (issue 18.5): every Danish string and the README use the chosen words.

The catalogues are read as they are when the test runs, so a key someone adds later with
"træning" or "tovholderen" in it fails here with the word to use instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.i18n import da, en, t
from bot.i18n.glossary import findings

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MANIFEST = ROOT / "manifest.json"


def test_every_danish_string_uses_the_chosen_words() -> None:
    wrong = {
        key: [f"{hit.found} → {hit.chosen}" for hit in findings(text)]
        for key, text in da.MESSAGES.items()
        if findings(text)
    }
    assert wrong == {}


def _prose(markdown: str) -> str:
    """The README without code: commands and aliases people type keep their old words."""
    without_blocks = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", without_blocks)


def test_the_readme_uses_the_chosen_words() -> None:
    lines = _prose(README.read_text(encoding="utf-8")).splitlines()
    wrong = [
        (number, [hit.found for hit in findings(line)])
        for number, line in enumerate(lines, start=1)
        if findings(line)
    ]
    assert wrong == []


def test_the_slack_manifest_uses_the_chosen_words() -> None:
    """Command descriptions and usage hints are what Slack shows while a person types."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            texts.append(node)

    walk(manifest)
    assert [hit.found for text in texts for hit in findings(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Spørg jeres tovholder.", ["tovholder"]),
        ("Tovholderen vælger kanaler.", ["Tovholderen"]),
        ("alle ambassadører og tovholderen", ["tovholderen"]),
        ("Træningen er aflyst, ligesom træningerne i går.", ["Træningen", "træningerne"]),
        ("Skal udbredes – udbredelsen er i gang.", ["udbredes", "udbredelsen"]),
        ("Fx kursus eller kurser.", ["kursus", "kurser"]),
        ("Gem som FAQ", ["FAQ"]),
        ("Post et resultat", ["Post et resultat"]),
        ("De svarer dig i en besked.", ["De svarer"]),
    ],
)
def test_the_glossary_finds_the_forbidden_words(text: str, found: list[str]) -> None:
    assert [hit.found for hit in findings(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "Velkommen til Tovholder",  # the bot's name
        "skriv `/invite @Tovholder` i kanalen",
        "Skriv /tovholder help",
        "med `tovholder org import`",
        "Bed koordinatoren om filen (tovholder guides export).",
        "TOVHOLDER_NUDGE_AT",
        "Oplæringen i Bee-Bot, spredningen og kursiv skrift",
        "De 3 tilmeldte får besked.",  # "De" as the plural article
    ],
)
def test_the_glossary_leaves_names_commands_and_chosen_words_alone(text: str) -> None:
    assert findings(text) == []


def test_the_buttons_say_what_happens_in_plain_danish() -> None:
    assert t("da", "role.coordinator") == "koordinator"
    assert t("da", "test.button.post_result") == "Registrér et resultat"
    assert t("da", "adoption.button.other") == "Angiv for et dagtilbud"
    # The button names the heading the answer is saved under in the guide.
    heading = t("da", "sparring.faq_heading")
    assert t("da", "sparring.button.faq") == f"Gem som {heading.lower()}"
    assert heading == "Spørgsmål og svar"
    # English keeps its own words.
    assert en.MESSAGES["role.coordinator"] == "coordinator"
    assert en.MESSAGES["test.button.post_result"] == "Record a result"
