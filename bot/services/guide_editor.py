"""Writing a guide in the chat: check the form field by field, then save it as a new version
edited by the person who wrote it.

Only ambassadors and the coordinator write guides. Every problem is reported against its
field (the modal shows it there) and nothing is saved until the whole form is right; a
field holding a CPR number is such a problem.
Saving the same content again — a double click, a retried submission — makes no version.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.clock import Clock
from bot.domain.guides import (
    AGE_GROUPS,
    THEMES,
    GuideContent,
    GuideDetail,
    GuideDraft,
    SaveResult,
)
from bot.errors import NotAllowed
from bot.services.guide_files import slugify
from bot.services.guides import get_guide, get_guide_by_id, save_guide
from bot.services.network import snapshot
from bot.services.permissions import Action, can, person_can
from bot.services.privacy import FIELD_KEY, cpr_in
from storage.db import Database

#: Field limits, chosen for the smallest front end (Slack's Block Kit: a header holds 150
#: characters) and for a guide that reads well on a phone. The body may span several
#: inputs of 3000 each.
TOOL_MAX = 80
TITLE_MAX = 150
PURPOSE_MAX = 2000
CATEGORY_MAX = 60
ALIASES_MAX = 500
TAGS_MAX = 500
BODY_PART_MAX = 3000
BODY_PARTS_MAX = 20
BODY_MAX = BODY_PART_MAX * BODY_PARTS_MAX


@dataclass(frozen=True)
class GuideForm:
    """What the modal holds; `guide_id` is None for a new guide."""

    guide_id: int | None
    tool: str
    title: str
    purpose: str
    body: str = ""
    category: str = ""
    aliases: str = ""
    tags: str = ""
    age_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EditorOutcome:
    #: Field name → (catalogue key, parameters); empty when the guide was saved.
    errors: dict[str, tuple[str, dict[str, object]]]
    result: SaveResult | None = None
    slug: str | None = None


def split_list(text: str) -> tuple[str, ...]:
    """ "Bi-Bot, gulvrobot" → ("Bi-Bot", "gulvrobot"): commas or new lines separate."""
    parts = (part.strip() for line in text.splitlines() for part in line.split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def check(form: GuideForm) -> dict[str, tuple[str, dict[str, object]]]:
    """Every field's problem at once, so the ambassador fixes them in one go."""
    errors: dict[str, tuple[str, dict[str, object]]] = {}
    for name, value, limit in (
        ("tool", form.tool, TOOL_MAX),
        ("title", form.title, TITLE_MAX),
        ("purpose", form.purpose, PURPOSE_MAX),
    ):
        if not value.strip():
            errors[name] = (f"editor.error.{name}_empty", {})
        elif len(value.strip()) > limit:
            errors[name] = ("editor.error.too_long", {"limit": limit, "length": len(value)})
    for name, value, limit in (
        ("category", form.category, CATEGORY_MAX),
        ("aliases", form.aliases, ALIASES_MAX),
        ("tags", form.tags, TAGS_MAX),
        ("body", form.body, BODY_MAX),
    ):
        if len(value) > limit:
            errors[name] = ("editor.error.too_long", {"limit": limit, "length": len(value)})
    if any(len(alias) > TOOL_MAX for alias in split_list(form.aliases)):
        errors.setdefault("aliases", ("editor.error.alias_too_long", {"limit": TOOL_MAX}))
    cpr = cpr_in(
        tool=form.tool,
        title=form.title,
        purpose=form.purpose,
        body=form.body,
        category=form.category,
        aliases=form.aliases,
        tags=form.tags,
    )
    for name, masked in cpr.items():  # the number is the problem to fix first
        errors[name] = (FIELD_KEY, {"masked": ", ".join(masked)})
    unknown = [value for value in form.age_groups if value not in AGE_GROUPS]
    unknown += [value for value in form.themes if value not in THEMES]
    if unknown:  # only a forged submission gets here: the modal offers the known keys
        errors["themes"] = ("editor.error.unknown_choice", {})
    return errors


async def editable(db: Database, person_id: int, guide_id: int) -> GuideDetail | None:
    """The guide to edit; raises NotAllowed for anyone who may not write guides."""
    if not await person_can(db, person_id, Action.WRITE_GUIDES):
        raise NotAllowed(Action.WRITE_GUIDES)
    return await get_guide_by_id(db, guide_id)


async def save_form(db: Database, clock: Clock, person_id: int, form: GuideForm) -> EditorOutcome:
    """Check, then save; a new guide is owned by the ambassador who wrote it, and the
    version names them (their person id) as its editor."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    if person is None or not can(person, Action.WRITE_GUIDES):
        raise NotAllowed(Action.WRITE_GUIDES)
    errors = check(form)
    if errors:
        return EditorOutcome(errors)
    content = GuideContent(
        title=form.title.strip(),
        purpose=form.purpose.strip(),
        body=form.body,
        age_groups=form.age_groups,  # type: ignore[arg-type]  # checked above
        themes=form.themes,
        tags=split_list(form.tags),
    ).normalised()
    draft = GuideDraft(
        slug="",
        tool=form.tool.strip(),
        content=content,
        aliases=split_list(form.aliases),
        category=form.category.strip() or None,
        owner_email=person.email,
    )
    if form.guide_id is None:
        slug = slugify(f"{form.tool} {form.title}") or "vejledning"
        existing = await get_guide(db, slug)
        if existing is not None and existing.current.content != content:
            return EditorOutcome({"title": ("editor.error.title_taken", {"tool": form.tool})})
    else:
        current = await get_guide_by_id(db, form.guide_id)
        if current is None:
            return EditorOutcome({"title": ("editor.error.guide_gone", {})})
        slug = current.guide.slug
        # Editing keeps the guide's owner and check interval; the editor is recorded.
        draft = replace(
            draft, owner_email=current.owner_email, verify_days=current.guide.verify_days
        )
    result = await save_guide(db, clock, replace(draft, slug=slug), editor=person.id)
    return EditorOutcome({}, result, slug)
