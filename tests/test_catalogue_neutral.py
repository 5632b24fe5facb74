"""The catalogues are platform-free: no Slack `mrkdwn` and no Slack mentions or links.

Text in the catalogues is neutral Markdown (`**bold**`, `[label](url)`, mention
placeholders); each front end's renderer turns it into what its platform shows. Slack
syntax in a catalogue would reach Teams or the console as literal `<@U…>` or `*bold*`.
"""

from __future__ import annotations

import re

import pytest

from bot.i18n import CATALOGUES

#: Slack syntax, each with what it is so the failure says what to change.
SLACK_SYNTAX = {
    "a Slack mention or broadcast (<@…>, <!…>, <#…>)": re.compile(r"<[@!#]"),
    "a Slack link (<http…>)": re.compile(r"<(?:https?|mailto):"),
    "a Slack link label (| inside <…>)": re.compile(r"<[^<>\n]*\|[^<>\n]*>"),
    "Slack bold (*x* instead of **x**)": re.compile(
        r"(?<![*\w])\*(?![*\s])[^*\n]*(?<![*\s])\*(?![*\w])"
    ),
}


def slack_syntax(text: str) -> list[str]:
    """What in `text` is Slack syntax: one line per finding, naming it and quoting it."""
    return [
        f"{name}: {found.group()!r}"
        for name, pattern in SLACK_SYNTAX.items()
        for found in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("<@{who}> tog den", True),
        ("Hej <!channel>", True),
        ("i <#{channel}>", True),
        ("se <https://example.org|her>", True),
        ("<{url}|{label}>", True),
        ("*Ambassadører:* {names}", True),
        ("Tryk *Vis* ud for en af dem", True),
        ("**Ambassadører:** {names}", False),
        ("[her](https://example.org)", False),
        ("{mention} tog den", False),
        ("{name} <{email}> – {roles}", False),
        ("5 * 3 og 2 * 4", False),
        ("_mangler superbruger_", False),
    ],
)
def test_slack_syntax_is_recognised(text: str, found: bool) -> None:
    assert bool(slack_syntax(text)) is found


def test_no_catalogue_text_uses_slack_syntax() -> None:
    offending = {
        f"{lang}:{key}": hits
        for lang, texts in CATALOGUES.items()
        for key, text in texts.items()
        if (hits := slack_syntax(text))
    }
    listing = "\n".join(f"{key}: {'; '.join(hits)}" for key, hits in sorted(offending.items()))
    assert not offending, f"{len(offending)} texts use Slack syntax:\n{listing}"
