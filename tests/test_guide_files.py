"""Guide files: the front-matter format municipal IT scripts against (pure, no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.guides import AGE_GROUPS, THEMES, GuideContent, GuideDraft
from bot.i18n import t
from bot.services.demo import demo_guide_files
from bot.services.guide_files import (
    ALLOWED_KEYS,
    MAX_BYTES,
    GuideFileError,
    parse_guide_file,
    render_guide_file,
    slugify,
)

FIXTURES = Path(__file__).parent / "fixtures" / "guides"


def problems(name: str, text: str | bytes) -> list[tuple[str, dict[str, object]]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(GuideFileError) as caught:
        parse_guide_file(name, data)
    return [(problem.key, problem.params) for problem in caught.value.problems]


def front(*lines: str, body: str = "Brødtekst.") -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


MINIMAL = ("tool: Bee-Bot", "title: Titel", "purpose: Formål")


def test_every_key_is_read() -> None:
    draft = parse_guide_file("bee-bot.md", (FIXTURES / "bee-bot.md").read_bytes())
    assert draft == GuideDraft(
        slug="bee-bot",
        tool="Bee-Bot",
        content=GuideContent(
            title="Bee-Bot på gulvet",
            purpose="Børnene øver retninger og rækkefølge.",
            body="## Sådan gør I\n\n1. Tryk X.\n2. Tryk frem og GO.",
            age_groups=("boernehave",),
            themes=("social-udvikling", "kommunikation-sprog"),
            tags=("kodning", "robot"),
        ),
        aliases=("Bi-Bot", "bibot"),
        category="Robotter og kodning",
        owner_email="mette.lund@vesteraa-kommune.example",
        verify_days=180,
    )
    nested = parse_guide_file("x/mikroskop.md", (FIXTURES / "nested" / "mikroskop.md").read_bytes())
    assert nested.slug == "mikroskop-ude"  # the optional `slug` key wins over the file name
    assert nested.verify_days == 90
    assert nested.content.title == "Mikroskop: se tæt på"
    assert nested.content.purpose == "Børnene ser det, øjet ikke ser.\nDe får ord for det."
    assert nested.content.age_groups == AGE_GROUPS
    assert (nested.owner_email, nested.category, nested.aliases) == (None, None, ())


def test_only_the_required_keys_are_enough_and_the_slug_comes_from_the_file_name() -> None:
    draft = parse_guide_file("Bee-Bot på gulvet.md", front(*MINIMAL).encode())
    assert draft.slug == "bee-bot-paa-gulvet"
    assert draft.content.body == "Brødtekst."
    assert slugify("Æbler & Øl på Å") == "aebler-oel-paa-aa"


def test_an_unknown_key_names_the_key_and_the_allowed_keys() -> None:
    found = problems("x.md", front(*MINIMAL, "colour: red"))
    assert found == [("guide_file.unknown_key", {"key": "colour", "keys": ", ".join(ALLOWED_KEYS)})]
    text = t("en", found[0][0], **found[0][1])
    assert "colour" in text and "purpose" in text and "age_groups" in text


@pytest.mark.parametrize(("key", "allowed"), [("themes", THEMES), ("age_groups", AGE_GROUPS)])
def test_an_unknown_value_names_the_allowed_values(key: str, allowed: tuple[str, ...]) -> None:
    found = problems("x.md", front(*MINIMAL, f"{key}: [boernehave, natur, vuggestue]"))
    bad = [p for p in found if p[0] == "guide_file.unknown_value"]
    assert bad and all(p[1]["key"] == key and p[1]["values"] == ", ".join(allowed) for p in bad)
    assert "natur" in {p[1]["value"] for p in bad}


@pytest.mark.parametrize("missing", ["tool", "title", "purpose"])
def test_each_required_key_is_required(missing: str) -> None:
    lines = [line for line in MINIMAL if not line.startswith(missing)]
    assert problems("x.md", front(*lines)) == [("guide_file.missing_key", {"key": missing})]


@pytest.mark.parametrize("value", ['""', "", "'   '"])
def test_an_empty_purpose_is_refused(value: str) -> None:
    found = problems("x.md", front("tool: T", "title: T", f"purpose: {value}"))
    assert found == [("guide_file.empty", {"key": "purpose"})]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"no front matter at all\n", "guide_file.no_front_matter"),
        (b"", "guide_file.no_front_matter"),
        (b"---\ntool: [unclosed\n---\n", "guide_file.bad_yaml"),
        (b"---\n- a list\n---\n", "guide_file.not_mapping"),
        (b"---\njust text\n---\n", "guide_file.not_mapping"),
        (b"---\ntool: B\x00\n---\n", "guide_file.binary"),
        ("---\ntool: Bæ\n---\n".encode("latin-1"), "guide_file.not_utf8"),
        (b"---\n" + b"a" * MAX_BYTES + b"\n---\n", "guide_file.too_big"),
    ],
)
def test_files_that_are_not_guide_files_are_refused(data: bytes, key: str) -> None:
    assert [found for found, _ in problems("x.md", data)] == [key]


def test_bad_values_of_optional_keys() -> None:
    found = problems(
        "x.md",
        front(
            *MINIMAL, "owner: not-an-email", "verify_days: 0", "slug: Not A Slug", "tags: {a: 1}"
        ),
    )
    assert {key for key, _ in found} == {
        "guide_file.bad_owner",
        "guide_file.bad_verify_days",
        "guide_file.bad_slug",
        "guide_file.not_list",
    }


def test_windows_line_endings_and_a_byte_order_mark_are_accepted() -> None:
    data = ("\ufeff" + front(*MINIMAL)).replace("\n", "\r\n").encode("utf-8")
    assert parse_guide_file("x.md", data).content.body == "Brødtekst."


def test_writing_then_reading_gives_the_same_draft_and_the_same_bytes() -> None:
    for name in ("bee-bot.md", "nested/mikroskop.md"):
        draft = parse_guide_file(name, (FIXTURES / name).read_bytes())
        written = render_guide_file(draft)
        again = parse_guide_file(f"{draft.slug}.md", written)
        assert again == draft
        assert render_guide_file(again) == written
    text = render_guide_file(parse_guide_file("b.md", (FIXTURES / "bee-bot.md").read_bytes()))
    assert text.decode("utf-8").splitlines()[:7] == [
        "---",
        "tool: Bee-Bot",
        "title: Bee-Bot på gulvet",
        "purpose: Børnene øver retninger og rækkefølge.",
        "aliases:",
        "- Bi-Bot",
        "- bibot",
    ]


def test_the_demo_guides_are_valid_and_cover_at_least_fifteen_tools() -> None:
    drafts = [parse_guide_file(name, data) for name, data in demo_guide_files()]
    tools = {draft.tool for draft in drafts}
    assert len(tools) >= 15
    for draft in drafts:
        assert draft.content.purpose and draft.content.age_groups, draft.slug
        assert 1 <= len(draft.content.themes) <= 3, draft.slug
        assert draft.category and draft.content.tags and draft.owner_email, draft.slug
        for heading in ("## Sådan gør I", "## Tips", "## Faldgruber", "## Materialer", "## Tid"):
            assert heading in draft.content.body, (draft.slug, heading)
