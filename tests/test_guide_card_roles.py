"""The guide card as each role reads it, for a tool in each state (issue 18.2).

At most four buttons in the first row; everything else in one "Mere …" menu; an action the
tool's state or the reader's role makes pointless is absent. Rendered from the demo
municipality on real SQLite, through the service that decides what the card offers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain.actors import CLI, Actor
from bot.domain.guides import GuideContent, GuideDraft, GuideVersion, ToolStatus
from bot.services.adoption import set_adoption
from bot.services.demo import seed_demo
from bot.services.guides import find_tool, get_guide, guide_history, save_guide, set_tool_status
from bot.services.identities import person_for
from bot.services.tool_guide import GuideCard, card, version_authors
from bot.standin.blockkit import check_message
from bot.views.guides import (
    MORE,
    card_message,
    history_message,
    parse_more,
    whole_guide_messages,
)
from bot.views.markdown import card_steps
from handlers.slack import render
from storage.db import Database
from tests.conftest import TZ
from tests.people import person_id

ANNETTE, JENS, METTE, LINE = "U0DEMO001", "U0DEMO002", "U0DEMO003", "U0DEMO005"
ROLES = {"superuser": LINE, "ambassador": METTE, "coordinator": ANNETTE, "leader": JENS}

#: Tools of the demo by state (Makey Makey evaluated and Seek retired here first).
TOOLS: dict[ToolStatus, str] = {
    "proposed": "QR-koder på legepladsen",
    "in_test": "Ozobot",
    "evaluated": "Makey Makey",
    "recommended": "Bee-Bot",
    "not_recommended": "Osmo",
    "retired": "Seek by iNaturalist",
}
SHOW, SPARRING, SHARE, HELPFUL = "guide_show", "guide_sparring", "guide_share", "guide_helpful"
READER_ROW = [SHOW, SPARRING, SHARE, HELPFUL]
#: A leader and the coordinator are not offered "Spørg en ambassadør".
MANAGER_ROW = [SHOW, SHARE, HELPFUL]
OWN = ["adoption_started", "adoption_in_use", "adoption_stopped"]
EDIT, HISTORY, START, OTHER = "guide_edit", "guide_history", "test_start_open", "adoption_other"
PLAN, DECIDE = "training_plan", "guide_decide"

#: state → role → (first row, "Mere …"), as each reader should meet the card.
EXPECTED: dict[ToolStatus, dict[str, tuple[list[str], list[str]]]] = {
    "proposed": {
        "superuser": (READER_ROW, []),
        "ambassador": (READER_ROW, [EDIT, START, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, START, HISTORY]),
        "leader": (MANAGER_ROW, []),
    },
    "in_test": {
        "superuser": (READER_ROW, OWN),
        "ambassador": (READER_ROW, [EDIT, START, OTHER, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, START, OTHER, HISTORY]),
        "leader": (MANAGER_ROW, []),
    },
    "evaluated": {
        "superuser": (READER_ROW, OWN),
        "ambassador": (READER_ROW, [EDIT, START, OTHER, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, START, OTHER, HISTORY, DECIDE]),
        "leader": (MANAGER_ROW, [DECIDE]),
    },
    "recommended": {
        "superuser": (READER_ROW, OWN),
        "ambassador": (READER_ROW, [EDIT, OTHER, PLAN, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, OTHER, PLAN, HISTORY, DECIDE]),
        "leader": (MANAGER_ROW, [DECIDE]),
    },
    "not_recommended": {
        "superuser": (READER_ROW, []),
        "ambassador": (READER_ROW, [EDIT, START, OTHER, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, START, OTHER, HISTORY]),
        "leader": (MANAGER_ROW, []),
    },
    "retired": {
        "superuser": (READER_ROW, []),
        "ambassador": (READER_ROW, [EDIT, START, OTHER, HISTORY]),
        "coordinator": (MANAGER_ROW, [EDIT, START, OTHER, HISTORY]),
        "leader": (MANAGER_ROW, []),
    },
}


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> AsyncIterator[Database]:
    await seed_demo(db, clock)
    changes: tuple[tuple[str, ToolStatus], ...] = (
        ("Makey Makey", "evaluated"),
        ("Seek by iNaturalist", "retired"),
    )
    for name, status in changes:
        tool = await find_tool(db, name)
        assert tool is not None
        annette = await person_id(db, ANNETTE)
        await set_tool_status(db, clock, tool.id, status, changed_by=annette, spread=False)
    yield db


async def card_for(db: Database, tool: str, reader: str) -> GuideCard:
    """The card of `tool`'s guide as the person with the Slack id `reader` reads it."""
    row = await db.fetchone(
        "SELECT g.id FROM guides g JOIN tools t ON t.id = g.tool_id WHERE t.name = ?", (tool,)
    )
    assert row is not None
    shown = await card(db, int(row["id"]), await person_id(db, reader))
    assert shown is not None
    return shown


def layout(message: dict[str, Any]) -> tuple[list[str], list[str], str | None]:
    """The first row's button action ids, the menu's options (by the action each stands
    for), and the menu's element type."""
    (row,) = [b for b in message["blocks"] if b["type"] == "actions"]
    buttons = [e["action_id"] for e in row["elements"] if e["type"] == "button"]
    menus = [e for e in row["elements"] if e.get("action_id") == MORE]
    assert len(menus) <= 1
    options = []
    for option in menus[0]["options"] if menus else []:
        chosen = parse_more(option["value"])
        assert chosen is not None
        options.append(chosen[0])
    return buttons, options, menus[0]["type"] if menus else None


@pytest.mark.parametrize("status", list(EXPECTED))
async def test_each_role_meets_four_buttons_at_most_and_the_rest_in_one_menu(
    demo: Database, status: ToolStatus
) -> None:
    for role, reader in ROLES.items():
        shown = await card_for(demo, TOOLS[status], reader)
        assert shown.status == status
        message = render.message(card_message("da", shown, TZ))
        assert check_message(message["text"], message["blocks"]) is None, (status, role)
        buttons, options, kind = layout(message)
        assert (buttons, options) == EXPECTED[status][role], (status, role)
        assert len(buttons) <= 4
        assert kind == ("overflow" if options else None), (status, role)


async def test_a_person_with_two_roles_gets_a_select_when_the_menu_outgrows_the_overflow(
    demo: Database, clock: ManualClock
) -> None:
    """A superuser who is also an ambassador, on a recommended tool: three adoption choices,
    edit, another daycare, training and versions — more than the overflow's five."""
    await demo.execute(
        "INSERT INTO person_roles (person_id, role, area_id)"
        " SELECT p.id, 'ambassador', d.area_id FROM people p"
        " JOIN person_roles r ON r.person_id = p.id JOIN daycares d ON d.id = r.daycare_id"
        " JOIN identities i ON i.person_id = p.id WHERE i.external_id = ?",
        (LINE,),
    )
    shown = await card_for(demo, "Bee-Bot", LINE)
    message = render.message(card_message("da", shown, TZ))
    assert check_message(message["text"], message["blocks"]) is None
    buttons, options, kind = layout(message)
    assert buttons == READER_ROW
    assert options == [*OWN, EDIT, OTHER, PLAN, HISTORY]
    assert kind == "static_select"
    (row,) = [b for b in message["blocks"] if b["type"] == "actions"]
    assert row["elements"][-1]["placeholder"]["text"] == "Mere …"


async def test_own_daycare_choices_leave_out_the_state_it_is_in(
    demo: Database, clock: ManualClock
) -> None:
    shown = await card_for(demo, "Bee-Bot", LINE)
    assert shown.adoption is not None and shown.adoption.own_daycare_id is not None
    daycare = shown.adoption.own_daycare_id
    line = await person_id(demo, LINE)
    await set_adoption(demo, clock, line, daycare, shown.detail.tool.id, "in_use")
    in_use = await card_for(demo, "Bee-Bot", LINE)
    assert layout(render.message(card_message("da", in_use, TZ)))[1] == [
        "adoption_started",
        "adoption_stopped",
    ]


async def test_the_title_names_the_tool_once(demo: Database) -> None:
    qr = await card_for(demo, "QR-koder på legepladsen", LINE)
    message = render.message(card_message("da", qr, TZ))
    header = message["blocks"][0]["text"]["text"]
    assert header == "QR-koder på legepladsen – skattejagt med lyd og billeder"
    assert message["text"] == "Vejledning: QR-koder på legepladsen – skattejagt med lyd og billeder"
    ozobot = await card_for(demo, "Ozobot", LINE)
    assert (
        render.message(card_message("da", ozobot, TZ))["blocks"][0]["text"]["text"].count("Ozobot")
        == 1
    )
    photo = await card_for(demo, "iPad-kamera", LINE)
    header = render.message(card_message("da", photo, TZ))["blocks"][0]["text"]["text"]
    assert header == "iPad-kamera: Børnene fotograferer deres egen hverdag"


BODY_WITH_EMPTY_HEADINGS = """## Før I starter

## Sådan gør I

1. Find bien frem.
2. Læg måtten.
3. Tryk GO.
4. Tal om det.

## Tips

## Faldgruber
- Glem ikke X.
"""


async def test_the_card_shows_the_first_three_steps_and_no_empty_heading(
    demo: Database, clock: ManualClock
) -> None:
    content = GuideContent(
        title="Tomme overskrifter", purpose="At vise trinene.", body=BODY_WITH_EMPTY_HEADINGS
    )
    draft = GuideDraft(slug="tomme", tool="Tomrobot", content=content)
    await save_guide(demo, clock, draft, editor=await person_id(demo, METTE))
    detail = await get_guide(demo, "tomme")
    assert detail is not None
    shown = await card(demo, detail.guide.id, await person_id(demo, LINE))
    assert shown is not None
    sections = [
        b["text"]["text"]
        for b in render.message(card_message("da", shown, TZ))["blocks"]
        if b["type"] == "section"
    ]
    assert sections[1] == "*Sådan gør I*\n\n1. Find bien frem.\n2. Læg måtten.\n3. Tryk GO."
    whole = "\n".join(
        b["text"]["text"]
        for message in whole_guide_messages("da", detail, max_messages=5)
        for b in render.message(message)["blocks"]
        if b["type"] == "section"
    )
    assert "*Før I starter*" not in whole and "*Tips*" not in whole
    assert "4. Tal om det." in whole and "*Faldgruber*\n• Glem ikke X." in whole


@pytest.mark.parametrize(
    ("body", "shown", "more"),
    [
        ("1. a\n2. b\n3. c", "1. a\n2. b\n3. c", False),
        ("1. a\n2. b\n3. c\n4. d", "1. a\n2. b\n3. c", True),
        (
            "## Trin\nFørst:\n- a\n  mere om a\n- b\n\nEfter listen.",
            "## Trin\nFørst:\n- a\n  mere om a\n- b",
            True,
        ),
        ("## Om\nTekst.\n## Sådan\nMere.", "## Om\nTekst.", True),
        ("## Tom\n## Sådan\n1. a", "## Sådan\n1. a", False),
        ("## A\n### B\n## C\n1. a", "## C\n1. a", False),
        ("## A\n### B\n1. a\n\n## C\n\n### D\nTekst.", "### B\n1. a", True),
        ("```\n## ikke en overskrift\n```", "```\n## ikke en overskrift\n```", False),
        ("## Kun en overskrift", "", False),
    ],
)
def test_card_steps(body: str, shown: str, more: bool) -> None:
    assert card_steps(body) == (shown, more)


async def test_versions_name_their_authors_never_an_id_or_cli(
    demo: Database, clock: ManualClock
) -> None:
    detail = await get_guide(demo, "bee-bot")
    assert detail is not None
    changed = GuideContent(title="Bee-Bot – ny titel", purpose="Nyt formål.", body="Trin.")
    # Mette; the command line; someone who is not in the organisation (a guest); nobody
    # (an erased editor, a former ambassador).
    guest = await person_for(demo, clock, "slack", "U0GONE999")
    editors: tuple[Actor | None, ...] = (await person_id(demo, METTE), CLI, guest, None)
    for editor in editors:
        changed = GuideContent(title=changed.title + "!", purpose="Formål.", body="Trin.")
        await save_guide(demo, clock, GuideDraft("bee-bot", "Bee-Bot", changed), editor=editor)
    versions: list[GuideVersion] = await guide_history(demo, "bee-bot")
    names = await version_authors(demo, versions)
    for lang, expected in (
        (
            "da",
            [
                "en tidligere ambassadør",
                "en, der ikke længere er med",
                "importeret fra fil",
                "Mette Lund",
                "importeret fra fil",
            ],
        ),
        (
            "en",
            [
                "a former ambassador",
                "someone no longer here",
                "imported from a file",
                "Mette Lund",
                "imported from a file",
            ],
        ),
    ):
        message = render.message(history_message(lang, detail, versions, TZ, names))
        lines = message["blocks"][1]["text"]["text"].split("\n")
        assert [line.split(" – ")[2].split(":")[0] for line in lines] == expected
        shown = str(message)
        assert "cli" not in shown and "U0" not in shown and "<@" not in shown
