"""Sparring rules without Slack: question words, drafts, claims, replies, answers, the FAQ
section, the 0011 migration, and the pulse's measures on a known data set."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

import storage.migrations as migrations
from bot.clock import ManualClock, utc_iso
from bot.domain.refs import MessageRef
from bot.domain.sparring import add_faq_entry
from bot.errors import NotAllowed
from bot.services.demo import seed_demo
from bot.services.guides import get_guide_by_id
from bot.services.search import named_tool, search_guides
from bot.services.sparring import (
    NotYours,
    ask,
    get_question,
    is_list_request,
    looks_like_question,
    open_questions,
    record_post,
    routing_for,
    send_draft,
)
from bot.services.sparring_handling import (
    Refused,
    answer_form,
    claim,
    mark_answered,
    record_reply,
    resolve,
    save_as_faq,
)
from bot.services.sparring_measures import sparring_measures
from bot.views.sparring import question_post
from handlers.slack import render
from storage.db import Database
from storage.repositories import sparring as repo
from storage.repositories import tools as tools_repo
from tests.conftest import FROZEN_AT
from tests.people import person_id

ANNETTE, METTE, SOEREN = "U0DEMO001", "U0DEMO003", "U0DEMO004"
LINE, CAMILLA, OLIVER = "U0DEMO005", "U0DEMO007", "U0DEMO008"


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


@dataclass(frozen=True)
class Ids:
    """The demo's people by person id (the core's), named as the demo's Slack ids above."""

    ANNETTE: int
    METTE: int
    SOEREN: int
    LINE: int
    CAMILLA: int
    OLIVER: int


@pytest.fixture
async def ids(demo: Database) -> Ids:
    slack = {"ANNETTE": ANNETTE, "METTE": METTE, "SOEREN": SOEREN}
    slack |= {"LINE": LINE, "CAMILLA": CAMILLA, "OLIVER": OLIVER}
    return Ids(**{name: await person_id(demo, found) for name, found in slack.items()})


def post(message_id: str, thread: str | None = None) -> MessageRef:
    """A message in the sparring channel C1 (in `thread`, the post, when given)."""
    return MessageRef("slack", "C1", message_id, thread)


async def asked(
    db: Database, clock: ManualClock, asker: int, text: str = "Hej?", **extra: object
) -> int:
    routing = await ask(
        db,
        clock,
        request_key=f"k:{asker}:{text}:{clock.now().isoformat()}",
        asker_id=asker,
        text=text,
        tool_id=None,
        hold="never",
        **extra,  # type: ignore[arg-type]
    )
    return routing.question.id


# -- reading a direct message ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Hvordan lader vi iPad'en op?", True),
        ("hvor er ladekablet", True),
        ("Kan vi låne Bee-Bot i næste uge", True),
        ("How do we start with Osmo", True),
        ("Vi mangler et kabel?", True),
        ("Er der nogen, der har prøvet Osmo?!", True),
        ("hjælp", False),
        ("help", False),
        ("?", False),
        ("Tak for i går", False),
        ("hvorfra", False),  # a word starting like one is not one
        ("", False),
    ],
)
def test_a_dm_reads_like_a_question(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


@pytest.mark.parametrize(
    ("text", "listing"),
    [("mine", True), ("Mine  spørgsmål", True), ("list", True), ("my questions", True)],
)
def test_list_words(text: str, listing: bool) -> None:
    assert is_list_request(text) is listing
    assert not is_list_request("mine børn vil ikke vente på tur")


# -- the FAQ section -------------------------------------------------------------------------


def test_a_faq_section_is_added_at_the_end_when_missing() -> None:
    body = "## Sådan gør I\n\n1. Start."
    assert add_faq_entry(body, "Spørgsmål og svar", "Kan den  køre\nudenfor?", "Nej.") == (
        "## Sådan gør I\n\n1. Start.\n\n## Spørgsmål og svar\n\n**Kan den køre udenfor?**\n\nNej."
    )
    assert add_faq_entry("", "Spørgsmål og svar", "Q?", "A.") == (
        "## Spørgsmål og svar\n\n**Q?**\n\nA."
    )


def test_a_faq_entry_joins_its_section_wherever_it_is_and_only_once() -> None:
    body = "## Questions and answers\n\n**A?**\n\nB.\n\n## Materialer\n\n- Kridt"
    added = add_faq_entry(body, "Spørgsmål og svar", "C?", "D.")
    assert added == (
        "## Questions and answers\n\n**A?**\n\nB.\n\n**C?**\n\nD.\n\n## Materialer\n\n- Kridt"
    )
    assert add_faq_entry(added, "Spørgsmål og svar", "C?", "D.") == added
    # A level-3 heading inside the section does not end it.
    nested = "## Spørgsmål og svar\n\n### Opladning\n\n**A?**\n\nB."
    assert add_faq_entry(nested, "Spørgsmål og svar", "C?", "D.").endswith("B.\n\n**C?**\n\nD.")


# -- the migration ---------------------------------------------------------------------------


async def test_0011_keeps_the_questions_asked_before_it(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = await Database.open(tmp_path / "old.db")
    try:
        # A database from before 0011 has none of the migrations after it either.
        before = tuple(m for m in migrations.MIGRATIONS if m.name < "0011")
        later = [m.name for m in migrations.MIGRATIONS if m.name >= "0011"]
        monkeypatch.setattr(migrations, "MIGRATIONS", before)
        await migrations.migrate(db, clock)
        await db.execute(
            "INSERT INTO sparring_questions (request_key, asker_slack_id, question, state,"
            " channel_id, message_ts, created_at) VALUES ('k', 'U1', 'Hvad?', 'answered',"
            " 'C1', '1.0', '2026-01-01T10:00:00+00:00')"
        )
        monkeypatch.undo()
        assert await migrations.migrate(db, clock) == later
        question = await repo.get_question(db, 1)
        assert question is not None
        assert (question.text, question.state, question.channel_id) == ("Hvad?", "answered", "C1")
        assert (question.urgency, question.private, question.claimed_by) == ("normal", False, None)
        assert await migrations.migrate(db, clock) == []
    finally:
        await db.close()


async def test_0020_counts_questions_sent_before_it_as_delivered_when_asked(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escalation counts from `delivered_at`: a question sent before it was recorded reached
    the ambassadors when it was asked; a draft reached nobody."""
    db = await Database.open(tmp_path / "old.db")
    try:
        before = tuple(m for m in migrations.MIGRATIONS if m.name < "0020")
        later = [m.name for m in migrations.MIGRATIONS if m.name >= "0020"]
        monkeypatch.setattr(migrations, "MIGRATIONS", before)
        await migrations.migrate(db, clock)
        await db.execute(
            "INSERT INTO sparring_questions (request_key, asker_slack_id, question, state,"
            " created_at) VALUES ('k1', 'U1', 'Hvad?', 'open', '2026-01-01T10:00:00+00:00'),"
            " ('k2', 'U1', 'Hvem?', 'draft', '2026-01-02T10:00:00+00:00')"
        )
        monkeypatch.undo()
        assert await migrations.migrate(db, clock) == later
        assert await repo.delivered_at(db, 1) == "2026-01-01T10:00:00+00:00"
        assert await repo.delivered_at(db, 2) is None
    finally:
        await db.close()


# -- asking ------------------------------------------------------------------------------------


async def test_a_draft_is_sent_once_and_only_by_its_asker(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    routing = await ask(
        demo,
        clock,
        request_key="r1",
        asker_id=ids.LINE,
        text="Hvordan får vi de små til at vente på tur med Bee-Bot?",
        tool_id=None,
    )
    assert routing.question.state == "draft" and not routing.created
    assert [s.tool for s in routing.suggestions] == ["Bee-Bot"]
    assert await open_questions(demo) == []  # a draft waits for nobody
    with pytest.raises(NotYours):
        await send_draft(demo, clock, routing.question.id, ids.METTE)
    clock.advance(timedelta(minutes=3))
    first = await send_draft(demo, clock, routing.question.id, ids.LINE)
    second = await send_draft(demo, clock, routing.question.id, ids.LINE)
    assert first is not None and first.created
    assert second is not None and not second.created
    assert first.question.state == "open"
    assert first.question.created_at == utc_iso(FROZEN_AT + timedelta(minutes=3))
    assert [p.id for p in first.recipients] == [ids.METTE]


async def test_a_question_keeps_every_field(demo: Database, clock: ManualClock, ids: Ids) -> None:
    question_id = await asked(demo, clock, ids.OLIVER, urgency="urgent", private=True)
    question = await get_question(demo, question_id)
    assert question is not None
    assert question.area is not None and question.area.name == "Øst"
    assert question.daycare is not None and question.daycare.name == "Børnehuset Lærkereden"
    assert (question.urgency, question.private, question.area_gap) == ("urgent", True, True)
    assert question.state == "open" and question.is_waiting
    assert await get_question(demo, 999) is None


# -- handling --------------------------------------------------------------------------------


async def test_of_two_simultaneous_claims_exactly_one_wins(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    question_id = await asked(demo, clock, ids.LINE)
    outcomes = await asyncio.gather(
        claim(demo, clock, question_id, ids.METTE),
        claim(demo, clock, question_id, ids.SOEREN),
        claim(demo, clock, question_id, ids.ANNETTE),
    )
    assert sum(o.changed for o in outcomes) == 1
    winner = next(o for o in outcomes if o.changed)
    assert {o.question.claimed_by for o in outcomes} == {winner.question.claimed_by}
    with pytest.raises(NotAllowed):
        await claim(demo, clock, question_id, ids.CAMILLA)


async def test_replies_count_once_and_the_first_reply_is_not_the_askers(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    question_id = await asked(demo, clock, ids.LINE)
    await record_post(demo, question_id, post("100.1"))
    assert await record_reply(
        demo, clock, message=post("100.2", "100.1"), author=ids.LINE, text="Mere info"
    )
    question = await get_question(demo, question_id)
    assert question is not None and question.first_reply_at is None
    clock.advance(timedelta(minutes=7))
    assert await record_reply(
        demo, clock, message=post("100.3", "100.1"), author=ids.METTE, text="Svar"
    )
    clock.advance(timedelta(minutes=7))
    # The same message again (a retried event) and a reply elsewhere change nothing.
    assert not await record_reply(
        demo, clock, message=post("100.3", "100.1"), author=ids.METTE, text="Svar"
    )
    assert not await record_reply(
        demo, clock, message=post("999.8", "999.9"), author=ids.METTE, text="x"
    )
    question = await get_question(demo, question_id)
    assert question is not None
    assert question.first_reply_at == utc_iso(FROZEN_AT + timedelta(minutes=7))
    form = await answer_form(demo, question_id, ids.SOEREN)
    assert form.reply is not None and form.reply.text == "Svar"  # not the asker's own


async def test_an_answer_is_marked_once_and_resolve_is_the_askers(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    question_id = await asked(demo, clock, ids.LINE)
    with pytest.raises(Refused) as empty:
        await mark_answered(demo, clock, question_id, ids.METTE, "   ")
    assert empty.value.key == "sparring.answer_empty"
    first = await mark_answered(demo, clock, question_id, ids.METTE, "Prøv pilekort.")
    again = await mark_answered(demo, clock, question_id, ids.SOEREN, "Noget andet.")
    assert first.changed and not again.changed
    assert again.question.answered_by == ids.METTE
    assert again.question.answer_text == "Prøv pilekort."
    assert again.question.first_reply_at == again.question.answered_at
    with pytest.raises(Refused) as answered:
        await answer_form(demo, question_id, ids.SOEREN)
    assert answered.value.key == "sparring.already_answered"
    assert [q.id for q in await open_questions(demo, asker=ids.LINE, with_answered=True)] == [
        question_id
    ]
    assert await open_questions(demo, asker=ids.LINE) == []
    with pytest.raises(Refused) as not_yours:
        await resolve(demo, clock, question_id, ids.METTE)
    assert not_yours.value.key == "sparring.resolve_not_yours"
    done = await resolve(demo, clock, question_id, ids.LINE)
    assert done.changed and done.question.state == "resolved"
    assert not (await resolve(demo, clock, question_id, ids.LINE)).changed


async def test_faq_needs_an_answer_a_tool_and_a_guide(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    heading = "Spørgsmål og svar"
    no_tool = await asked(demo, clock, ids.LINE)
    with pytest.raises(Refused) as unanswered:
        await save_as_faq(demo, clock, no_tool, ids.METTE, heading=heading)
    assert unanswered.value.key == "sparring.faq_not_answered"
    await mark_answered(demo, clock, no_tool, ids.METTE, "Svar.")
    with pytest.raises(Refused) as toolless:
        await save_as_faq(demo, clock, no_tool, ids.METTE, heading=heading)
    assert toolless.value.key == "sparring.faq_no_tool"
    with pytest.raises(NotAllowed):
        await save_as_faq(demo, clock, no_tool, ids.LINE, heading=heading)

    async with demo.transaction() as conn:
        bare = await tools_repo.insert_tool(
            conn, "Talende knapper", None, "cli", utc_iso(FROZEN_AT)
        )
    routing = await ask(
        demo, clock, request_key="r2", asker_id=ids.LINE, text="Hej?", tool_id=bare, hold="never"
    )
    await mark_answered(demo, clock, routing.question.id, ids.METTE, "Svar.")
    with pytest.raises(Refused) as guideless:
        await save_as_faq(demo, clock, routing.question.id, ids.METTE, heading=heading)
    assert guideless.value.key == "sparring.faq_no_guide"
    assert guideless.value.params == {"tool": "Talende knapper"}


async def test_a_saved_faq_is_searchable_by_the_questions_words(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    assert await search_guides(demo, "vandpytter") == []
    tools = {t.name: t.id for t in await tools_repo.list_tools(demo)}
    routing = await ask(
        demo,
        clock,
        request_key="faq",
        asker_id=ids.LINE,
        text="Kan Bee-Bot køre i vandpytter?",
        tool_id=tools["Bee-Bot"],
        hold="never",
    )
    await mark_answered(demo, clock, routing.question.id, ids.METTE, "Nej, vand ødelægger den.")
    saved = await save_as_faq(
        demo, clock, routing.question.id, ids.SOEREN, heading="Spørgsmål og svar"
    )
    assert saved.changed and saved.guide.current.version == 2
    assert saved.guide.current.edited_by == ids.SOEREN
    assert saved.question.faq_guide_id == saved.guide.guide.id
    (hit,) = await search_guides(demo, "vandpytter")
    assert hit.guide_id == saved.guide.guide.id
    repeated = await save_as_faq(demo, clock, routing.question.id, ids.METTE, heading="x")
    assert not repeated.changed
    current = await get_guide_by_id(demo, saved.guide.guide.id)
    assert current is not None and current.current.version == 2


# -- measures --------------------------------------------------------------------------------


async def test_measures_on_a_known_week(demo: Database, clock: ManualClock, ids: Ids) -> None:
    await asked(demo, clock, ids.LINE, "Fra sidste uge?")  # before `since`: left out
    clock.advance(timedelta(days=7))
    since = clock.now()
    nord = await asked(demo, clock, ids.LINE)
    await record_post(demo, nord, post("1.0"))
    clock.advance(timedelta(minutes=10))
    syd = await asked(demo, clock, ids.CAMILLA)
    await claim(demo, clock, syd, ids.SOEREN)
    clock.advance(timedelta(minutes=10))
    oest = await asked(demo, clock, ids.OLIVER)
    await ask(
        demo,
        clock,
        request_key="draft",
        asker_id=ids.LINE,
        text="Kladde?",
        tool_id=None,
        hold="always",
    )
    # Nord: a reply after 30 minutes, the answer after 60, solved after 120.
    clock.move_to(since + timedelta(minutes=30))
    await record_reply(demo, clock, message=post("1.1", "1.0"), author=ids.METTE, text="Hm")
    clock.move_to(since + timedelta(minutes=60))
    await mark_answered(demo, clock, nord, ids.METTE, "Sådan.")
    clock.move_to(since + timedelta(minutes=120))
    await resolve(demo, clock, nord, ids.LINE)
    # Syd: answered (the first reply too) 240 minutes after it was asked.
    clock.move_to(since + timedelta(minutes=250))
    await mark_answered(demo, clock, syd, ids.SOEREN, "Sådan her.")

    measures = await sparring_measures(demo, since)
    overall = measures.overall
    assert (overall.asked, overall.answered, overall.open, overall.resolved) == (3, 2, 1, 1)
    assert overall.median_minutes_to_first_reply == 135.0
    assert overall.median_minutes_to_answer == 150.0
    assert overall.median_minutes_to_resolve == 120.0
    assert measures.area_gaps == 1
    by_area = {a.area.name if a.area else None: a for a in measures.per_area}
    assert list(by_area) == ["Nord", "Syd", "Øst"]
    assert by_area["Nord"].figures.median_minutes_to_answer == 60.0
    assert by_area["Syd"].figures.median_minutes_to_first_reply == 240.0
    assert (by_area["Øst"].figures.open, by_area["Øst"].gaps) == (1, 1)
    assert by_area["Øst"].figures.median_minutes_to_answer is None
    assert [
        (a.name, a.answered, a.median_minutes_to_answer, a.claimed) for a in measures.per_ambassador
    ] == [("Mette Lund", 1, 60.0, 0), ("Søren Krogh", 1, 240.0, 1)]
    assert measures.since == utc_iso(since)
    assert oest != syd


async def test_a_question_naming_a_tool_is_about_that_tool(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    assert await named_tool(demo, "Hvordan får vi de små til at vente på tur med Bee-Bot?")
    assert await named_tool(demo, "Bee-Bot eller Blue-Bot?") is None  # two: neither
    assert await named_tool(demo, "Hvordan lader vi iPad'en op?") is None  # part of a name
    question_id = await asked(demo, clock, ids.LINE, "Kan bibot køre på tæppe?")
    question = await get_question(demo, question_id)
    assert question is not None and question.tool is not None
    assert question.tool.name == "Bee-Bot"


async def test_a_question_whose_asker_and_answerer_are_erased_names_a_former_member(
    demo: Database, clock: ManualClock, ids: Ids
) -> None:
    """An erasure forgets the person (NULL in the person columns); the post still reads as
    it did when the erasure wrote its marker there."""
    question_id = await asked(demo, clock, ids.LINE)
    await claim(demo, clock, question_id, ids.METTE)
    await mark_answered(demo, clock, question_id, ids.METTE, "Prøv pilekort.")
    await demo.execute(
        "UPDATE sparring_questions SET asker_id = NULL, claimed_by = NULL, answered_by = NULL"
    )
    routing = await routing_for(demo, question_id)
    assert routing is not None
    assert routing.question.claimed_at is not None and routing.question.claimed_by is None
    shown = str(render.message(question_post("da", routing, direct=False))["blocks"])
    assert shown.count("&lt;@former-member&gt;") == 3  # asker, answerer, "svaret af"
    assert f"<@{ids.LINE}>" not in shown and "sparring_claim" not in shown  # still claimed
    assert not (await claim(demo, clock, question_id, ids.SOEREN)).changed
