"""Plain Danish as the municipality says it (issue 18.5), rendered for each role of the demo.

Line (superuser), Mette (ambassador), Annette (coordinator) and Jens (leader) each open their
Home; a new superuser is welcomed; a reader says a guide helped; someone is refused. What they
read uses the chosen words (the glossary), greets by first name, counts one person or several
in the right form, and lists alternatives as "A, B eller C".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import ManualClock
from bot.i18n import either, t
from bot.i18n.glossary import findings
from bot.services.demo import seed_demo
from bot.services.guides import Helpful
from bot.services.home import home_for
from bot.services.onboarding import welcome_for
from bot.services.permissions import Action
from bot.services.working_time import WorkingCalendar
from bot.views.guides import helpful_message
from bot.views.home import home_view
from bot.views.model import HomePage, Message
from bot.views.onboarding import welcome_message
from bot.views.permissions import refusal_message
from bot.views.text import mention
from handlers.slack import render
from handlers.slack.messenger import SlackMessenger, slack_people
from storage.db import Database
from tests.conftest import shown_text
from tests.people import member, person_id

TZ = ZoneInfo("Europe/Copenhagen")
ANNETTE, JENS, METTE, SOEREN, LINE = "U0DEMO001", "U0DEMO002", "U0DEMO003", "U0DEMO004", "U0DEMO005"


def readable(view: dict[str, Any] | Message) -> str:
    """Every text a person reads in a message or a view (a neutral one as Slack shows it)."""
    return shown_text(render.message(view) if isinstance(view, Message) else view)


async def as_slack(db: Database, view: HomePage | Message) -> str:
    """What a person reads of a neutral view as Slack shows it: each person it mentions by
    their Slack id."""
    messenger = SlackMessenger(AsyncWebClient(), slack_people(db))
    if isinstance(view, HomePage):
        return shown_text(await messenger.home(view))
    return shown_text(await messenger.payload(view))


def test_alternatives_are_listed_as_the_language_lists_them() -> None:
    assert either("da", ["A", "B", "C"]) == "A, B eller C"
    assert either("en", ["A", "B", "C"]) == "A, B or C"
    assert either("da", ["A", "B"]) == "A eller B"
    assert either("da", ["A"]) == "A"
    assert either("da", []) == ""


@pytest.mark.parametrize(
    ("user", "greeting", "words"),
    [
        (LINE, "Hej Line", ["oplæringer"]),
        (METTE, "Hej Mette", ["*Superbrugere, der ikke har været til oplæring endnu*"]),
        (ANNETTE, "Hej Annette", ["oplæringer:"]),
        (JENS, "Hej Jens", ["oplæringer:"]),
    ],
)
async def test_each_role_meets_the_chosen_words_and_its_first_name_on_the_home(
    db: Database, clock: ManualClock, user: str, greeting: str, words: list[str]
) -> None:
    await seed_demo(db, clock)
    home = await home_for(db, clock, WorkingCalendar(TZ), await person_id(db, user))
    shown = await as_slack(db, home_view("da", home, TZ))
    assert shown.splitlines()[1] == greeting  # the header: the first name only
    for word in words:
        assert word in shown
    assert findings(shown) == []


async def test_the_superusers_home_names_one_ambassador_or_several(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    home = await home_for(db, clock, WorkingCalendar(TZ), await person_id(db, LINE))
    assert home.superuser is not None
    assert f"*Jeres ambassadør:* <@{METTE}>" in await as_slack(db, home_view("da", home, TZ))
    soeren = await member(db, SOEREN)
    assert soeren is not None
    two = replace(home.superuser, ambassadors=(*home.superuser.ambassadors, soeren))
    shown = await as_slack(db, home_view("da", replace(home, superuser=two), TZ))
    assert f"*Jeres ambassadører:* <@{METTE}>, <@{SOEREN}>" in shown


async def test_a_new_superuser_is_greeted_by_first_name_with_one_ambassador_or_several(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    line = await member(db, LINE)
    assert line is not None
    welcome = await welcome_for(db, line.id)
    assert welcome is not None and len(welcome.ambassadors) == 1  # Nord has Mette only
    shown = await as_slack(db, welcome_message("da", welcome))
    assert "Hej Line!" in shown and "Nielsen" not in shown
    assert f"*Din ambassadør i område Nord:* <@{METTE}>, som du altid kan spørge." in shown
    assert "Dem kan du" not in shown

    soeren = await member(db, SOEREN)
    assert soeren is not None
    two = await as_slack(
        db, welcome_message("da", replace(welcome, ambassadors=(*welcome.ambassadors, soeren)))
    )
    assert f"*Dine ambassadører i område Nord:* <@{METTE}>, <@{SOEREN}>, som du altid" in two
    english = await as_slack(db, welcome_message("en", welcome))
    assert "Hi Line!" in english and f"*Your ambassador in area Nord:* <@{METTE}>" in english


def test_a_guide_that_helped_thanks_one_person_or_several_and_a_repeat_click_is_not_thanked() -> (
    None
):
    first = readable(helpful_message("da", Helpful(1, counted=True)))
    assert "Tak! Du er den første, der har sagt, at vejledningen er nyttig." in first
    third = readable(helpful_message("da", Helpful(3, counted=True)))
    assert "Tak! Nu har 3 personer sagt, at vejledningen er nyttig." in third
    again = readable(helpful_message("da", Helpful(3, counted=False)))
    assert "Du har allerede sagt, at den er nyttig." in again and "Tak" not in again


def test_a_refusal_names_the_roles_as_alternatives_and_the_coordinator() -> None:
    refused = readable(refusal_message("da", Action.RECORD_DECISIONS, []))
    assert "Det er kun koordinator eller ledelse, der kan" in refused
    assert " / " not in refused and "jeres koordinator" in refused


def test_the_sparring_receipts_speak_to_the_asker_informally() -> None:
    for key in ("sparring.receipt_direct", "sparring.receipt_private"):
        text = t("da", key, people=f"<@{METTE}>")
        assert f"<@{METTE}>, som svarer dig i en besked." in text
        assert "De svarer" not in text
    not_yours = t("da", "sparring.resolve_not_yours", asker=mention(LINE))
    assert not_yours == f"Kun den, der stillede spørgsmålet (<@{LINE}>), kan markere det som løst."
