"""Guide files: Markdown with YAML front matter, the format municipal IT and ambassadors edit.

Pure: bytes in, a `GuideDraft` or problems out, and a draft back to bytes. Reading folders
and the database belong to the callers. The format is a contract (see the README):

    ---
    tool: Bee-Bot              # required: the tool, by name or alias
    title: Bee-Bot på gulvet   # required
    purpose: Hvorfor ...       # required, not empty: purpose first
    aliases: [Bi-Bot]          # optional lists: aliases, age_groups, themes, tags
    category: Robotter og kodning
    age_groups: [boernehave]
    themes: [kommunikation-sprog]
    tags: [robot]
    owner: mette.lund@...      # optional: the owner's e-mail (kept if not in the org yet)
    verify_days: 180           # optional: days before the guide is due a check
    slug: bee-bot              # optional: the guide's id; default the file name
    ---
    The body, in Markdown.

Writing gives keys in that order (never `slug`: the file is named `<slug>.md`), lists as
YAML lists, and UTF-8, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.domain.guides import (
    AGE_GROUPS,
    DEFAULT_VERIFY_DAYS,
    THEMES,
    GuideContent,
    GuideDraft,
)

MAX_BYTES = 1_000_000
REQUIRED_KEYS = ("tool", "title", "purpose")
OPTIONAL_KEYS = (
    "aliases",
    "category",
    "age_groups",
    "themes",
    "tags",
    "owner",
    "verify_days",
    "slug",
)
ALLOWED_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_EMAIL = re.compile(r"\A[^@\s]+@[^@\s]+\.[^@\s]+\Z")


@dataclass(frozen=True)
class FileProblem:
    """One thing wrong with a file: a catalogue key and its placeholders."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


class GuideFileError(Exception):
    def __init__(self, problems: list[FileProblem]) -> None:
        super().__init__(", ".join(problem.key for problem in problems))
        self.problems = tuple(problems)


def slugify(text: str) -> str:
    """`Bee-Bot på gulvet` → `bee-bot-paa-gulvet`: safe as a file name and in a URL."""
    lowered = text.lower()
    for danish, plain in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        lowered = lowered.replace(danish, plain)
    ascii_only = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def parse_guide_file(name: str, data: bytes) -> GuideDraft:
    """The draft in file `name` (its stem is the default slug); raises `GuideFileError`."""
    text = _text(data)
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise GuideFileError([FileProblem("guide_file.no_front_matter")])
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for the opening ---, +1 from 0
        raise GuideFileError([FileProblem("guide_file.bad_yaml", {"line": line})]) from None
    if not isinstance(meta, dict):
        raise GuideFileError([FileProblem("guide_file.not_mapping")])
    return _draft(name, meta, text[match.end() :])


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise GuideFileError([FileProblem("guide_file.too_big", {"limit": MAX_BYTES // 1000})])
    if b"\x00" in data:
        raise GuideFileError([FileProblem("guide_file.binary")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise GuideFileError([FileProblem("guide_file.not_utf8")]) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _draft(name: str, meta: dict[Any, Any], body: str) -> GuideDraft:
    problems: list[FileProblem] = []
    allowed = ", ".join(ALLOWED_KEYS)
    for key in meta:
        if key not in ALLOWED_KEYS:
            problems.append(FileProblem("guide_file.unknown_key", {"key": key, "keys": allowed}))
    for key in REQUIRED_KEYS:
        if key not in meta:
            problems.append(FileProblem("guide_file.missing_key", {"key": key}))
        elif meta[key] is None:
            problems.append(FileProblem("guide_file.empty", {"key": key}))

    def text_of(key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.append(FileProblem("guide_file.not_text", {"key": key}))
            return None
        cleaned = str(value).strip()
        if not cleaned and key in REQUIRED_KEYS:
            problems.append(FileProblem("guide_file.empty", {"key": key}))
        return cleaned or None

    def list_of(key: str, allowed_values: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = meta.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        found: list[str] = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                problems.append(FileProblem("guide_file.not_list", {"key": key}))
                continue
            cleaned = str(item).strip()
            if allowed_values is not None:
                cleaned = cleaned.lower()
                if cleaned not in allowed_values:
                    problems.append(
                        FileProblem(
                            "guide_file.unknown_value",
                            {"key": key, "value": item, "values": ", ".join(allowed_values)},
                        )
                    )
                    continue
            if cleaned:
                found.append(cleaned)
        return tuple(found)

    tool, title, purpose = text_of("tool"), text_of("title"), text_of("purpose")
    category, owner = text_of("category"), _checked(text_of("owner"), _is_email, problems, "owner")
    slug = _checked(text_of("slug"), _is_slug, problems, "slug") or slugify(_stem(name))
    if not slug:
        problems.append(FileProblem("guide_file.bad_slug_name", {"name": _stem(name)}))
    content = GuideContent(
        title=title or "",
        purpose=purpose or "",
        body=body,
        age_groups=list_of("age_groups", AGE_GROUPS),  # type: ignore[arg-type]
        themes=list_of("themes", THEMES),
        tags=list_of("tags"),
    ).normalised()
    aliases = tuple(
        a for a in dict.fromkeys(list_of("aliases")) if a.casefold() != (tool or "").casefold()
    )
    verify_days = _verify_days(meta.get("verify_days"), problems)
    if problems or tool is None:
        raise GuideFileError(problems)
    return GuideDraft(
        slug=slug,
        tool=tool,
        content=content,
        aliases=tuple(sorted(aliases, key=lambda alias: (alias.casefold(), alias))),
        category=category,
        owner_email=owner.lower() if owner else None,
        verify_days=verify_days,
    )


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base[: -len(".md")] if base.lower().endswith(".md") else base


def _is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def _is_slug(value: str) -> bool:
    return bool(_SLUG.match(value))


def _checked(
    value: str | None, check: Callable[[str], bool], problems: list[FileProblem], key: str
) -> str | None:
    if value is not None and not check(value):
        problems.append(FileProblem(f"guide_file.bad_{key}", {"value": value}))
        return None
    return value


def _verify_days(value: object, problems: list[FileProblem]) -> int:
    if value is None:
        return DEFAULT_VERIFY_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        problems.append(FileProblem("guide_file.bad_verify_days", {"value": value}))
        return DEFAULT_VERIFY_DAYS
    return value


# -- writing -----------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style for text with line breaks, so a long purpose reads as written."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def render_guide_file(draft: GuideDraft) -> bytes:
    """The file for `draft`, named `<slug>.md` by the caller."""
    content = draft.content.normalised()
    meta: dict[str, object] = {
        "tool": draft.tool,
        "title": content.title,
        "purpose": content.purpose,
    }
    optional: tuple[tuple[str, object], ...] = (
        ("aliases", list(draft.aliases)),
        ("category", draft.category),
        ("age_groups", list(content.age_groups)),
        ("themes", list(content.themes)),
        ("tags", list(content.tags)),
        ("owner", draft.owner_email),
        ("verify_days", None if draft.verify_days == DEFAULT_VERIFY_DAYS else draft.verify_days),
    )
    meta.update((key, value) for key, value in optional if value)
    front = yaml.dump(
        meta,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=88,
    )
    text = f"---\n{front}---\n"
    if content.body:
        text += f"\n{content.body}\n"
    return text.encode("utf-8")
