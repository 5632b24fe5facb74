"""Tools in the shared catalogue and the guides that say how to use them, purpose first.

Only keys live here; the words people read (theme names, statuses, decisions) live in the
catalogues under `theme.<key>`, `age_group.<key>`, `tool_status.<key>` and `decision.<key>`,
so Danish and English stay side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.domain.actors import Via

ToolStatus = Literal[
    "proposed", "in_test", "evaluated", "recommended", "not_recommended", "retired"
]
TOOL_STATUSES: tuple[ToolStatus, ...] = (
    "proposed",
    "in_test",
    "evaluated",
    "recommended",
    "not_recommended",
    "retired",
)
#: Where a tool may go next. A tool is recommended (or not) only after it was tested and
#: evaluated; a verdict may be revisited by testing again, and anything may be retired.
NEXT_STATUSES: dict[ToolStatus, tuple[ToolStatus, ...]] = {
    "proposed": ("in_test", "retired"),
    "in_test": ("evaluated", "proposed", "retired"),
    "evaluated": ("recommended", "not_recommended", "in_test", "retired"),
    "recommended": ("not_recommended", "in_test", "retired"),
    "not_recommended": ("recommended", "in_test", "retired"),
    "retired": ("proposed", "in_test"),
}
#: Browsing shows what leadership recommends first and what is retired last.
STATUS_RANK: dict[ToolStatus, int] = {
    "recommended": 0,
    "in_test": 1,
    "evaluated": 2,
    "proposed": 3,
    "not_recommended": 4,
    "retired": 5,
}

DecisionKind = Literal["approved", "stopped", "to_be_spread"]
DECISIONS: tuple[DecisionKind, ...] = ("approved", "stopped", "to_be_spread")

AgeGroup = Literal["vuggestue", "boernehave"]
#: Vuggestue (0–2 år) and børnehave (3–5 år), in the order a daycare counts them.
AGE_GROUPS: tuple[AgeGroup, ...] = ("vuggestue", "boernehave")

#: The six themes of the strengthened pedagogical curriculum (den styrkede pædagogiske
#: læreplan), in the order the curriculum lists them.
THEMES: tuple[str, ...] = (
    "personlig-udvikling",
    "social-udvikling",
    "kommunikation-sprog",
    "krop-sanser-bevaegelse",
    "natur-udeliv-science",
    "kultur-aestetik-faellesskab",
)

DEFAULT_VERIFY_DAYS = 180


@dataclass(frozen=True)
class Tool:
    id: int
    name: str
    category: str | None
    status: ToolStatus
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusChange:
    tool_id: int
    from_status: ToolStatus | None
    to_status: ToolStatus
    #: The person who changed it; None with `via` 'cli' for the command line, else a former member.
    changed_by: int | None
    changed_at: str
    via: Via = "chat"


@dataclass(frozen=True)
class Decision:
    id: int
    tool_id: int
    decision: DecisionKind
    decided_on: str  # ISO date, as leadership dated it
    note: str
    #: The person who recorded it; None with `via` 'cli' for the command line, else a former member.
    recorded_by: int | None
    recorded_at: str
    via: Via = "chat"


def canonical_labels(
    values: tuple[str, ...] | list[str], order: tuple[str, ...]
) -> tuple[str, ...]:
    """Known keys in their fixed order, once each: the stored rows have no order of their own."""
    return tuple(key for key in order if key in values)


def clean_body(text: str) -> str:
    """Without blank lines around it; indentation of the first line is Markdown and stays."""
    return re.sub(r"\A(?:[ \t]*\n)+", "", text.replace("\r\n", "\n")).rstrip()


def canonical_age_groups(values: tuple[str, ...] | list[str]) -> tuple[AgeGroup, ...]:
    return tuple(group for group in AGE_GROUPS if group in values)


def canonical_tags(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags once each (ignoring case), sorted as a reader looks them up."""
    seen: dict[str, str] = {}
    for value in values:
        text = value.strip()
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(sorted(seen.values(), key=lambda tag: (tag.casefold(), tag)))


@dataclass(frozen=True)
class GuideContent:
    """What one version holds; two equal contents mean "nothing was edited"."""

    title: str
    purpose: str
    body: str = ""
    age_groups: tuple[AgeGroup, ...] = ()
    themes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def normalised(self) -> GuideContent:
        return GuideContent(
            title=self.title.strip(),
            purpose=self.purpose.strip(),
            body=clean_body(self.body),
            age_groups=canonical_age_groups(self.age_groups),
            themes=canonical_labels(self.themes, THEMES),
            tags=canonical_tags(self.tags),
        )


@dataclass(frozen=True)
class GuideVersion:
    guide_id: int
    version: int
    content: GuideContent
    #: The person who wrote it; None with `via` 'cli' for a file imported with the command
    #: line, else a former ambassador (erased).
    edited_by: int | None
    edited_at: str
    via: Via = "chat"


@dataclass(frozen=True)
class Guide:
    id: int
    tool_id: int
    slug: str
    current_version: int
    owner_id: int | None
    verified_at: str | None
    verify_days: int
    helpful_count: int
    created_at: str
    updated_at: str
    #: The owner as the file or form named them (lower-cased), kept while `owner_id` is NULL
    #: because that person is not in the organisation yet, so the guide exports unchanged.
    owner_email: str | None = None


@dataclass(frozen=True)
class GuideDetail:
    """A guide as a reader sees it: its current content, its tool and its owner."""

    guide: Guide
    current: GuideVersion
    tool: Tool
    #: The owner from the organisation when a person has the guide's owner e-mail; before
    #: that person is imported, no name and the e-mail the guide file gave.
    owner_name: str | None = None
    owner_email: str | None = None


@dataclass(frozen=True)
class GuideSummary:
    """One line when browsing: enough to choose a guide and open it."""

    guide_id: int
    slug: str
    title: str
    purpose: str
    tool_name: str
    tool_status: ToolStatus
    category: str | None
    age_groups: tuple[AgeGroup, ...] = field(default=())
    themes: tuple[str, ...] = field(default=())
    helpful_count: int = 0


@dataclass(frozen=True)
class GuideDraft:
    """A guide as a file (or a form) gives it: the tool by name, the owner by e-mail."""

    slug: str
    tool: str
    content: GuideContent
    aliases: tuple[str, ...] = ()
    category: str | None = None
    owner_email: str | None = None
    verify_days: int = DEFAULT_VERIFY_DAYS


@dataclass(frozen=True)
class SaveResult:
    guide_id: int
    version: int
    new_guide: bool
    new_version: bool
    new_tool: bool
    #: The owner's e-mail when no person in the organisation has it (yet): the guide was
    #: saved without a linked owner, which the caller reports as a warning, not a refusal.
    unknown_owner: str | None = None
