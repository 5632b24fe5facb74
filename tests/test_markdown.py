"""Guide Markdown as Slack shows it: formatting carried over, hostile text inert, long text cut."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.guide_markdown import literal
from bot.views.text import markdown
from handlers.slack.markdown import escape, split_for_sections, to_mrkdwn

GUIDE = """\
## Sådan gør I

1. Lad iPad'en lade op aftenen før.
2. Åbn **Stop Motion Studio** og vælg *Nyt projekt*.
3. Tag ét billede ad gangen – flyt figuren lidt mellem hvert billede.

**Husk:** Børnene skal selv trykke på knappen.

- Brug et stativ, så billedet ikke ryster.
  - Et glas med ris virker også.
- Gem filmen & del den med forældrene.

> Spørg en ambassadør, hvis I går i stå.

Læs mere i [vejledningen](https://example.dk/stop-motion?side=2&sprog=da).
"""

GUIDE_IN_SLACK = """\
*Sådan gør I*

1. Lad iPad'en lade op aftenen før.
2. Åbn *Stop Motion Studio* og vælg _Nyt projekt_.
3. Tag ét billede ad gangen – flyt figuren lidt mellem hvert billede.

*Husk:* Børnene skal selv trykke på knappen.

• Brug et stativ, så billedet ikke ryster.
  ◦ Et glas med ris virker også.
• Gem filmen &amp; del den med forældrene.

> Spørg en ambassadør, hvis I går i stå.

Læs mere i <https://example.dk/stop-motion?side=2&amp;sprog=da|vejledningen>."""


def test_a_danish_guide_reads_as_written() -> None:
    assert to_mrkdwn(GUIDE) == GUIDE_IN_SLACK


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("# Titel", "*Titel*"),
        ("### Lille overskrift ###", "*Lille overskrift*"),
        ("## **Vigtigt** i dag", "*Vigtigt i dag*"),
        ("Tekst\n## Midt i\nmere", "Tekst\n*Midt i*\nmere"),
        ("#hashtag", "#hashtag"),
        ("**fed**", "*fed*"),
        ("__fed__", "*fed*"),
        ("*kursiv*", "_kursiv_"),
        ("_kursiv_", "_kursiv_"),
        ("~~væk~~", "~væk~"),
        ("**fed og *kursiv* her**", "*fed og _kursiv_ her*"),
        ("**a** og **b**", "*a* og *b*"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("**ikke lukket", "**ikke lukket"),
        ("snake__case__navn", "snake__case__navn"),
    ],
)
def test_emphasis_and_headings(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("- punkt", "• punkt"),
        ("* punkt", "• punkt"),
        ("+ punkt", "• punkt"),
        ("- a\n  - b\n    - c\n- d", "• a\n  ◦ b\n    ◦ c\n• d"),
        ("- a\n    - b", "• a\n  ◦ b"),
        ("- **Husk:** madpakke", "• *Husk:* madpakke"),
        ("* *kursiv* punkt", "• _kursiv_ punkt"),
        ("1. første\n2. anden", "1. første\n2. anden"),
        ("1) første", "1. første"),
        ("1. trin\n   - detalje", "1. trin\n  ◦ detalje"),
    ],
)
def test_lists(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("[Vejledning](https://example.dk/guide)", "<https://example.dk/guide|Vejledning>"),
        ("[Side](http://example.dk)", "<http://example.dk|Side>"),
        ("[Skriv](mailto:mette@example.dk)", "<mailto:mette@example.dk|Skriv>"),
        ("[Se](HTTPS://EXAMPLE.DK)", "<HTTPS://EXAMPLE.DK|Se>"),
        (
            "[Bi](https://da.wikipedia.org/wiki/Bi_(insekt))",
            "<https://da.wikipedia.org/wiki/Bi_(insekt)|Bi>",
        ),
        ("![foto](https://example.dk/a.png)", "<https://example.dk/a.png|foto>"),
        ("[a](https://x.dk/?q=1&r=2)", "<https://x.dk/?q=1&amp;r=2|a>"),
        ("[lokal](/guides/1)", "lokal (/guides/1)"),
        ("[fil](ftp://example.dk/f)", "fil (ftp://example.dk/f)"),
        ("[a|b](https://x.dk)", "<https://x.dk|a¦b>"),
        ("[a>b](https://x.dk)", "<https://x.dk|a&gt;b>"),
        ("[a](https://x.dk/?q=1|https://evil.dk)", "<https://x.dk/?q=1%7Chttps://evil.dk|a>"),
        ("[ingen url]()", "[ingen url]()"),
    ],
)
def test_links(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("`**ikke fed**`", "`**ikke fed**`"),
        ("Skriv `a < b` her", "Skriv `a &lt; b` her"),
        ("`[x](https://x.dk)`", "`[x](https://x.dk)`"),
        (
            "```\n# ikke overskrift\n- **x** <b>\n```",
            "```\n# ikke overskrift\n- **x** &lt;b&gt;\n```",
        ),
        ("```python\nx = 1\n```", "```\nx = 1\n```"),
        ("```\nkode uden slutning", "```\nkode uden slutning\n```"),
        ("```\n  indrykket  \n```", "```\n  indrykket  \n```"),
    ],
)
def test_code_is_shown_as_written(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("> Citat", "> Citat"),
        (">Citat", "> Citat"),
        ("> **Husk** madpakken", "> *Husk* madpakken"),
        ("> - punkt", "> • punkt"),
        ("> > dobbelt", "> dobbelt"),
        (">", ">"),
        ("1 > 2", "1 &gt; 2"),
    ],
)
def test_quotes(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("Første afsnit.\n\nAndet afsnit.", "Første afsnit.\n\nAndet afsnit."),
        ("a\r\nb", "a\nb"),
        ("\n\nTekst  \n\n", "Tekst"),
        ("Æbler, østers og ål – ÆØÅ æøå", "Æbler, østers og ål – ÆØÅ æøå"),
        ("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"),
        ("", ""),
    ],
)
def test_plain_text(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


HOSTILE = ["<!channel>", "<!here>", "<@U123>", "<#C123>", "<https://evil.example|bank>"]


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize(
    "template",
    ["{}", "Hej {} alle", "**{}**", "*{}*", "- {}", "> {}", "# {}", "`{}`", "```\n{}\n```"],
)
def test_control_sequences_show_literally(hostile: str, template: str) -> None:
    shown = to_mrkdwn(markdown(template.format(hostile)))
    assert "<" not in shown
    assert hostile.replace("<", "&lt;").replace(">", "&gt;") in shown


def test_a_hostile_link_label_stays_a_label() -> None:
    shown = to_mrkdwn("[<!channel> bank|https://evil.example](https://example.dk)")
    assert shown == "<https://example.dk|&lt;!channel&gt; bank¦https://evil.example>"


@pytest.mark.parametrize(
    "markdown",
    [
        "[bank](javascript:alert(1))",
        "[bank](JavaScript:alert(document.cookie))",
        "[bank](data:text/html,x)",
        "[bank](//evil.example)",
    ],
)
def test_unsafe_link_targets_stay_plain_text(markdown: str) -> None:
    shown = to_mrkdwn(markdown)
    assert "<" not in shown
    assert shown.startswith("bank (")


# --- splitting ---------------------------------------------------------------------------------

LINK = re.compile(r"<[^<>\n]*>")


def assert_atoms_whole(chunk: str) -> None:
    """Every `&` starts a whole entity and every `<` a whole link; `>` is otherwise a quote mark."""
    assert not re.search(r"&(?!amp;|lt;|gt;)", chunk)
    rest = LINK.sub("", chunk)
    assert "<" not in rest
    assert not re.search(r"[^\n]>", rest)


def assert_slices(text: str, chunks: list[str]) -> None:
    """The chunks are the text in order, with only whitespace left out between them."""
    pos = 0
    for chunk in chunks:
        at = text.index(chunk, pos)
        assert not text[pos:at].strip()
        pos = at + len(chunk)
    assert not text[pos:].strip()


def unlink_oversized(text: str, limit: int) -> str:
    """The documented one change: a link longer than `limit - 8` becomes `label (url)`."""

    def plain(m: re.Match[str]) -> str:
        url, _, label = m[0][1:-1].partition("|")
        return f"{label} ({url})" if len(m[0]) > limit - 8 else m[0]

    return LINK.sub(plain, text)


def assert_split_ok(text: str, chunks: list[str], limit: int) -> None:
    text = unlink_oversized(text, limit)
    assert chunks
    for chunk in chunks:
        assert chunk.strip()
        assert len(chunk) <= limit
        assert_atoms_whole(chunk)
    assert_slices(text, chunks)
    assert "".join("\n".join(chunks).split()) == "".join(text.split())


def long_guide(chars: int) -> str:
    parts: list[str] = []
    n = 0
    while sum(map(len, parts)) < chars:
        n += 1
        parts.append(GUIDE.replace("Sådan gør I", f"Sådan gør I, del {n}"))
    return to_mrkdwn("\n".join(parts))


@pytest.mark.parametrize("text", ["", "\n\n  \n", "   "])
def test_blank_text_gives_no_chunks(text: str) -> None:
    assert split_for_sections(text) == []


def test_short_text_is_one_chunk() -> None:
    assert split_for_sections(GUIDE_IN_SLACK) == [GUIDE_IN_SLACK]


def test_a_long_guide_is_cut_at_paragraphs() -> None:
    text = long_guide(10_000)
    assert len(text) > 10_000
    chunks = split_for_sections(text)
    assert len(chunks) >= 4
    assert_split_ok(text, chunks, 3000)
    assert "\n\n".join(chunks) == text  # every cut fell on a single blank line


@pytest.mark.parametrize("limit", range(20, 120, 7))
def test_cuts_never_break_an_entity_or_a_link(limit: int) -> None:
    line = "Tryk &amp; gem <https://example.dk/a?b=1&amp;c=2|se her> – æøå &lt;ok&gt; "
    text = "\n".join([line * 3, "> citat &amp; mere", line * 2] * 4)
    assert_split_ok(text, split_for_sections(text, limit), limit)


@pytest.mark.parametrize("limit", [20, 100, 1200, 3000])
def test_the_guide_splits_at_any_limit(limit: int) -> None:
    text = long_guide(5_000)
    assert_split_ok(text, split_for_sections(text, limit), limit)


def test_a_long_line_is_cut_after_spaces() -> None:
    text = "ord æøå " * 1000
    chunks = split_for_sections(text)
    assert all(len(c) <= 3000 for c in chunks)
    assert all(c.endswith(" ") for c in chunks[:-1])
    assert "".join(chunks) == text.rstrip()


def test_a_single_huge_word_is_cut_mid_word() -> None:
    word = "æ" + "ø" * 6998 + "å"
    chunks = split_for_sections(word)
    assert len(chunks) == 3
    assert all(len(c) <= 3000 for c in chunks)
    assert "".join(chunks) == word


def test_a_word_of_entities_is_cut_between_them() -> None:
    word = "&amp;&lt;&gt;" * 800
    chunks = split_for_sections(word, 100)
    assert_split_ok(word, chunks, 100)
    assert "".join(chunks) == word


def test_a_link_too_long_for_any_chunk_becomes_plain_text() -> None:
    url = "https://example.dk/" + "a" * 3500
    chunks = split_for_sections(f"Se <{url}|her> nu")
    assert all(len(c) <= 3000 for c in chunks)
    assert "<" not in "".join(chunks) and ">" not in "".join(chunks)
    assert "".join(chunks) == f"Se her ({url}) nu"


def test_a_link_that_fits_stays_whole() -> None:
    link = "<https://example.dk/" + "a" * 67 + "|her>"
    assert len(link) == 92
    chunks = split_for_sections(f"Se {link} nu", 100)
    assert link in chunks[0] or link in chunks[1]
    assert all(len(c) <= 100 for c in chunks)


def non_fence_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip() and line != "```"]


def test_a_long_code_block_is_closed_and_reopened() -> None:
    code = "\n".join(f"linje {i:04} <tag> & {'x' * 40}" for i in range(300))
    text = to_mrkdwn(f"Før koden.\n\n```\n{code}\n```\n\nEfter koden.")
    chunks = split_for_sections(text)
    assert len(chunks) >= 5
    for chunk in chunks:
        assert len(chunk) <= 3000
        assert chunk.split("\n").count("```") % 2 == 0
        assert_atoms_whole(chunk)
    assert all(c.startswith("```\n") and c.endswith("\n```") for c in chunks[1:-1])
    assert non_fence_lines("\n".join(chunks)) == non_fence_lines(text)


def test_no_empty_block_before_a_cut() -> None:
    text = "a" * 10 + "\n```\n" + "b" * 45 + "\n```"
    assert split_for_sections(text, 60) == ["a" * 10, "```\n" + "b" * 45 + "\n```"]


def test_no_empty_block_after_a_cut() -> None:
    text = "```\n" + "c" * 46 + "\n```\n" + "d" * 30
    assert split_for_sections(text, 60) == ["```\n" + "c" * 46 + "\n```", "d" * 30]


def test_nested_bullets_keep_their_indentation_after_a_cut() -> None:
    text = "\n".join(["• punkt " + "x" * 30, "  ◦ under " + "y" * 30] * 5)
    chunks = split_for_sections(text, 50)
    assert chunks == text.split("\n")


def test_a_tiny_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        split_for_sections("tekst", 10)


# -- literal text: backslash escapes ---------------------------------------------------------

#: The question that became a disguised link in a guide (issue 17.3).
DISGUISED = "Hvor finder vi opladeren? Log ind her: [AULA – log ind](https://evil.example/aula)"


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        (
            "Log ind her: \\[AULA – log ind\\](https://evil.example/aula)",
            "Log ind her: [AULA – log ind](https://evil.example/aula)",
        ),
        ("!\\[foto\\](https://x.dk/a.png)", "![foto](https://x.dk/a.png)"),
        ("\\*\\*ikke fed\\*\\*", "**ikke fed**"),
        ("**fed med \\*stjerne\\***", "*fed med *stjerne**"),
        ("\\_ikke kursiv\\_", "_ikke kursiv_"),
        ("\\~\\~ikke væk\\~\\~", "~~ikke væk~~"),
        ("\\# ikke overskrift", "# ikke overskrift"),
        ("\\- ikke punkt", "- ikke punkt"),
        ("12\\. maj", "12. maj"),
        ("\\> ikke citat", "&gt; ikke citat"),
        ("\\<@U0123\\> og a \\& b", "&lt;@U0123&gt; og a &amp; b"),
        ("\\`ikke kode\\`", "`ikke kode`"),
        ("\\`\\`\\`\nikke kode\n\\`\\`\\`", "```\nikke kode\n```"),
        ("en \\\\ skråstreg", "en \\ skråstreg"),
        ("C:\\Brugere\\Mette", "C:\\Brugere\\Mette"),  # no punctuation: as written
        ("`C:\\*` i kode", "`C:\\*` i kode"),  # inside code a backslash is a backslash
        ("[a\\]b](https://x.dk)", "<https://x.dk|a]b>"),
        # An escaped bar is a bar to the link's own rules: the address still ends where written.
        ("[a](https://x.dk/?q=1\\|https://evil.dk)", "<https://x.dk/?q=1%7Chttps://evil.dk|a>"),
        ("[a\\|b](https://x.dk)", "<https://x.dk|a¦b>"),
    ],
)
def test_a_backslash_makes_the_next_character_literal(markdown: str, shown: str) -> None:
    assert to_mrkdwn(markdown) == shown


def test_a_question_kept_literal_shows_its_link_as_written_not_as_a_link() -> None:
    stored = literal(DISGUISED)
    assert stored == (
        "Hvor finder vi opladeren? Log ind her: \\[AULA – log ind\\](https://evil.example/aula)"
    )
    shown = to_mrkdwn(stored)
    assert shown == DISGUISED
    assert "<" not in shown and "|" not in shown  # no Slack link, so no label over an address


@pytest.mark.parametrize(
    "text",
    [
        "# Ikke en overskrift\n- ikke et punkt\n  + heller ikke\n1. maj\n2) b\n> ikke citat",
        "**fed** __fed__ *kursiv* _kursiv_ ~~væk~~ `kode` ![billede](https://x.dk/a.png)",
        "```\n# kode\n```",
        "<!channel> <@U0123> <https://evil|bank> & &amp; \\[",
        "C:\\Brugere\\Mette og \\\\server\\del",
    ],
)
def test_literal_text_is_shown_as_written(text: str) -> None:
    assert to_mrkdwn(literal(text)) == escape(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=120))
def test_any_literal_text_is_shown_as_written(text: str) -> None:
    """Only what the view always does remains: trailing spaces and outer blank lines go."""
    lines = [line.rstrip() for line in escape(text).split("\n")]
    assert to_mrkdwn(literal(text)) == "\n".join(lines).strip("\n")
