"""One morning message, not fifteen (issue 18.3): guide checks imported together are spread
over the weeks after (at most three a week per person), and the morning list reads well in
both languages and is a message Slack takes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from bot.clock import ManualClock
from bot.reminders.guide_check import GUIDE_CHECK
from bot.services import nudges, reminders
from bot.services.demo import seed_demo
from bot.settings import parse_settings
from bot.standin.blockkit import check_message
from bot.views.nudges import SHOW, morning_list_message
from handlers.slack import render
from storage.db import Database

METTE = "U0DEMO003"


async def test_guide_checks_imported_together_are_spread_three_a_week(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    # Every guide of the demo (imported on one day) made Mette's: 18 checks due at once.
    mette = await db.fetchone(
        "SELECT person_id AS id FROM identities WHERE external_id = ?",
        (METTE,),
    )
    assert mette is not None
    await db.execute("UPDATE guides SET owner_id = ?, owner_email = NULL", (mette["id"],))
    calendar = parse_settings({}).calendar
    clock.move_to(datetime(2027, 6, 2, 11, 0, tzinfo=clock.tz))  # a Wednesday, all overdue
    made = await nudges.plan_guide_checks(db, clock, calendar)
    assert made >= 10
    assert await nudges.plan_guide_checks(db, clock, calendar) == 0  # planning again: nothing
    due = [
        r.due.astimezone(clock.tz)
        for r in await reminders.list_reminders(db, due_only=False, now=clock.now())
        if r.kind == GUIDE_CHECK.name
    ]
    assert len(due) == made
    weeks = Counter(d.date() - timedelta(days=d.weekday()) for d in due)
    assert max(weeks.values()) == 3
    first = date(2027, 5, 31)
    assert sorted(weeks) == [first + timedelta(weeks=n) for n in range(len(weeks))]
    later = [d for d in due if d.date() > date(2027, 6, 6)]
    assert {(d.weekday(), d.hour, d.minute) for d in later} == {(0, 9, 30)}  # Monday mornings
    # This week's three as they were due (the Monday after the Saturday they fell due): now.
    assert all(d <= clock.now() for d in due if d.date() <= date(2027, 6, 6))


def test_the_morning_list_has_one_line_and_one_button_per_item_in_either_language() -> None:
    items = [
        (
            11,
            "Hvordan går det med **Ozobot** i Børnehuset Mælkebøtten? Det er tid til at evaluere.",
        ),
        (12, "<@U0DEMO005> blev superbruger for to uger siden og har ikke brugt Tovholder endnu."),
        (13, "Er vejledningen **Bee-Bot & Blue-Bot: " + "langt " * 40 + "** stadig rigtig?"),
        (14, "Første linje\nAnden linje"),
        (15, "Kvartalets evaluering for område Nord: " + "y" * 100 + " <@U0DEMO003> svarer"),
    ]
    for lang, intro, show in (
        ("da", "Hej! Her er dine 5 påmindelser i dag.", "Vis"),
        ("en", "Hi! Here are your 5 reminders for today.", "Show"),
    ):
        message = render.message(morning_list_message(lang, items))
        assert check_message(message["text"], message["blocks"]) is None
        head, *lines = message["blocks"]
        assert head["text"]["text"].startswith(intro)
        assert [b["accessory"]["action_id"] for b in lines] == [SHOW] * 5
        assert [b["accessory"]["value"] for b in lines] == ["11", "12", "13", "14", "15"]
        assert {b["accessory"]["text"]["text"] for b in lines} == {show}
    shown = render.message(morning_list_message("da", items))["blocks"][1:]
    texts = [b["text"]["text"] for b in shown]
    assert (
        texts[0]
        == "Hvordan går det med *Ozobot* i Børnehuset Mælkebøtten? Det er tid til at evaluere."
    )
    assert texts[1] == items[1][1]
    assert texts[2].startswith("Er vejledningen *Bee-Bot &amp; Blue-Bot: langt")
    assert texts[2].endswith("…*") and len(texts[2]) <= 152  # cut at a word, bold closed
    assert texts[3] == "Første linje"
    assert texts[4] == "Kvartalets evaluering for område Nord: " + "y" * 100 + "…"  # no "<@U0"


def test_a_cut_list_line_never_ends_inside_a_link_or_an_escaped_character() -> None:
    link = "Se " + "ord " * 30 + "[vejledningen til Bee-Bot](https://example.org/" + "x" * 80 + ")"
    escaped = "y" * 149 + "\\*"  # one long word: the cut falls after the backslash
    (first, second) = [
        b["text"]["text"]
        for b in render.message(morning_list_message("da", [(1, link), (2, escaped)]))["blocks"][1:]
    ]
    assert first == "Se " + "ord " * 29 + "ord…"  # the link left out whole, not shown as "[vej…"
    assert second == "y" * 149 + "…"  # "\\" alone would show as a backslash
