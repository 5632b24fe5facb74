"""Writing a guide in Slack: every field checked, the body kept whole across input boxes."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from bot.errors import NotAllowed
from bot.services.demo import seed_demo
from bot.services.guide_editor import (
    BODY_MAX,
    PURPOSE_MAX,
    TITLE_MAX,
    GuideForm,
    check,
    save_form,
    split_list,
)
from bot.services.guides import get_guide
from bot.services.identities import person_for
from bot.views.guide_editor import body_parts, editor_modal, fits_in_editor
from handlers.slack.render_form import modal as render_modal
from storage.db import Database
from tests.people import person_id

METTE = "U0DEMO003"  # ambassador
LINE = "U0DEMO005"  # superuser


def form(**changes: object) -> GuideForm:
    fields: dict[str, object] = {
        "guide_id": None,
        "tool": "Lydmaskinen",
        "title": "Lyde fra legepladsen",
        "purpose": "Børnene lytter.",
    }
    fields.update(changes)
    return GuideForm(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "key"),
    [
        ({"tool": " "}, "tool", "editor.error.tool_empty"),
        ({"title": ""}, "title", "editor.error.title_empty"),
        ({"purpose": "\n\n"}, "purpose", "editor.error.purpose_empty"),
        ({"title": "x" * (TITLE_MAX + 1)}, "title", "editor.error.too_long"),
        ({"purpose": "x" * (PURPOSE_MAX + 1)}, "purpose", "editor.error.too_long"),
        ({"body": "x" * (BODY_MAX + 1)}, "body", "editor.error.too_long"),
        ({"aliases": "kort, " + "x" * 81}, "aliases", "editor.error.alias_too_long"),
        (
            {"themes": ("natur", "'; DROP TABLE guides; --")},
            "themes",
            "editor.error.unknown_choice",
        ),
        ({"age_groups": ("teenagere",)}, "themes", "editor.error.unknown_choice"),
    ],
)
def test_each_bad_field_gets_its_own_error(
    changes: dict[str, object], field: str, key: str
) -> None:
    errors = check(form(**changes))
    assert errors[field][0] == key


def test_all_problems_are_reported_at_once() -> None:
    assert set(check(form(tool="", title="", purpose=""))) == {"tool", "title", "purpose"}


def test_a_good_form_has_no_errors() -> None:
    assert check(form(themes=("social-udvikling",), age_groups=("vuggestue",))) == {}


def test_lists_split_on_commas_and_lines_once_each() -> None:
    assert split_list("Bi-Bot, gulvrobot\nBi-Bot,, ") == ("Bi-Bot", "gulvrobot")


async def test_a_superuser_cannot_save_and_nothing_is_written(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    with pytest.raises(NotAllowed):
        await save_form(db, clock, await person_id(db, LINE), form())
    assert await get_guide(db, "lydmaskinen-lyde-fra-legepladsen") is None


async def test_someone_not_in_the_organisation_cannot_save(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    guest = await person_for(db, clock, "slack", "U0STRANGER")
    with pytest.raises(NotAllowed):
        await save_form(db, clock, guest, form())


async def test_an_ambassador_saves_and_owns_a_new_guide(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    outcome = await save_form(db, clock, mette, form(aliases="lydmaskine, lydbox"))
    assert outcome.errors == {}
    assert outcome.slug == "lydmaskinen-lyde-fra-legepladsen"
    detail = await get_guide(db, "lydmaskinen-lyde-fra-legepladsen")
    assert detail is not None
    assert detail.owner_name == "Mette Lund"
    assert detail.tool.aliases == ("lydbox", "lydmaskine")
    assert (detail.current.edited_by, detail.current.via) == (mette, "chat")


async def test_a_new_guide_with_a_taken_title_is_refused_at_the_title(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    await save_form(db, clock, mette, form())
    again = await save_form(db, clock, mette, form(purpose="Noget helt andet."))
    assert again.errors["title"][0] == "editor.error.title_taken"
    retried = await save_form(db, clock, mette, form())  # the same submission once more
    assert retried.errors == {} and retried.result is not None
    assert not retried.result.new_version


@pytest.mark.parametrize(
    "body",
    [
        "",
        "## Trin\n- et\n- to",
        "\n".join(f"Linje {n}: " + "ord " * 30 for n in range(400)),
    ],
)
def test_the_body_survives_the_input_boxes(body: str) -> None:
    parts = body_parts(body)
    assert all(len(part) <= 3000 for part in parts)
    assert "\n".join(parts) == body


def test_the_editor_has_one_more_body_box_than_it_needs() -> None:
    modal = render_modal(editor_modal("da", detail=None, tool="Bee-Bot"))
    body_boxes = [b["block_id"] for b in modal["blocks"] if b["block_id"].startswith("body_")]
    assert body_boxes == ["body_1"]
    assert len(modal["title"]["text"]) <= 24


def test_a_body_too_long_for_the_editor_is_said_so() -> None:
    assert fits_in_editor("kort")
    assert not fits_in_editor("\n".join("x" * 2999 for _ in range(25)))
