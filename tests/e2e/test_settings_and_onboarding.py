"""The coordinator's settings modal, the CLI's settings, and the welcome for new superusers."""

from __future__ import annotations

from datetime import date

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services import identities, reminders
from bot.services.workspace_settings import current, set_setting
from storage.repositories import org
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.people import member, person_id

LINE = "U0DEMO005"
SOEREN = "U0DEMO004"  # ambassador in Syd


async def open_settings(slack: LocalSlack, user: str) -> None:
    await slack.driver.slash_command(user, "/tovholder", "settings", channel_id=GENERAL)
    await slack.settle()


async def test_a_superuser_gets_their_own_settings_and_is_told_who_sets_the_rest(
    slack: LocalSlack,
) -> None:
    await open_settings(slack, LINE)
    (modal,) = slack.standin.open_views(LINE)
    assert modal["title"]["text"] == "Mine indstillinger"
    assert f"Kanaler og roller ændres af koordinatoren: <@{ANNETTE}>." in str(modal["blocks"])


async def test_own_settings_are_in_english_for_who_prefers_it(slack: LocalSlack) -> None:
    await open_settings(slack, OLIVER)
    (modal,) = slack.standin.open_views(OLIVER)
    assert modal["title"]["text"] == "My settings"


async def test_nudges_are_paused_until_a_date_and_turned_on_again(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await open_settings(slack, LINE)
    refused = await slack.driver.submit_view(
        LINE, {"nudges": {"value": "paused"}, "until": {"value": "2026-11-30"}}
    )
    assert refused.json == {
        "response_action": "errors",
        "errors": {"until": "Vælg en dato efter i dag."},
    }
    await slack.driver.submit_view(
        LINE, {"nudges": {"value": "paused"}, "until": {"value": "2026-12-11"}}
    )
    await slack.settle()
    assert await reminders.paused_until(
        slack.bot.db, await identities.person_for(slack.bot.db, clock, "slack", LINE)
    ) == date(2026, 12, 11)
    (receipt,) = slack.standin.calls_to("chat.postEphemeral")
    assert "pause til og med 11. dec. 2026" in texts(receipt)
    await open_settings(slack, LINE)
    (modal,) = slack.standin.open_views(LINE)
    until = next(b for b in modal["blocks"] if b.get("block_id") == "until")
    assert until["element"]["initial_date"] == "2026-12-11"
    await slack.driver.submit_view(LINE, {"nudges": {"value": "on"}})
    await slack.settle()
    assert (
        await reminders.paused_until(
            slack.bot.db, await identities.person_for(slack.bot.db, clock, "slack", LINE)
        )
        is None
    )


async def test_the_pause_starts_at_tomorrow_and_today_is_refused(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Today (30 Nov) the form would refuse, so it offers the first day it accepts."""
    await open_settings(slack, LINE)
    (modal,) = slack.standin.open_views(LINE)
    until = next(b for b in modal["blocks"] if b.get("block_id") == "until")
    assert until["element"]["initial_date"] == "2026-12-01"
    refused = await slack.driver.submit_view(
        LINE, {"nudges": {"value": "paused"}, "until": {"value": "2026-11-30"}}
    )
    assert refused.json == {
        "response_action": "errors",
        "errors": {"until": "Vælg en dato efter i dag."},
    }
    accepted = await slack.driver.submit_view(
        LINE, {"nudges": {"value": "paused"}, "until": {"value": "2026-12-01"}}
    )
    await slack.settle()
    assert accepted.status == 200 and accepted.json is None
    assert await reminders.paused_until(
        slack.bot.db, await identities.person_for(slack.bot.db, clock, "slack", LINE)
    ) == date(2026, 12, 1)


async def test_a_coordinator_reaches_their_own_settings_with_mine(slack: LocalSlack) -> None:
    await slack.driver.slash_command(ANNETTE, "/tovholder", "settings mine", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(ANNETTE)
    assert modal["title"]["text"] == "Mine indstillinger"


async def test_a_coordinator_changes_a_channel_and_it_takes_effect_at_once(
    slack: LocalSlack,
) -> None:
    slack.standin.add_channel("C0SPARRING", "sparring", members=[ANNETTE])
    await open_settings(slack, ANNETTE)
    (modal,) = slack.standin.open_views(ANNETTE)
    assert modal["title"]["text"] == "Indstillinger"
    result = await slack.driver.submit_view(ANNETTE, {"sparring_channel": {"value": "C0SPARRING"}})
    await slack.settle()
    assert result.status == 200
    assert slack.standin.open_views(ANNETTE) == []  # closed
    assert (await current(slack.bot.db))["sparring_channel"] == "C0SPARRING"
    (confirmation,) = slack.standin.calls_to("chat.postEphemeral")
    assert confirmation.args["channel"] == GENERAL
    assert "Sparringskanal: <#C0SPARRING>" in texts(confirmation)
    # Reopened, the modal shows the channel now in force.
    await open_settings(slack, ANNETTE)
    reopened = slack.standin.open_views(ANNETTE)[-1]
    sparring = next(b for b in reopened["blocks"] if b.get("block_id") == "sparring_channel")
    assert sparring["element"]["initial_channel"] == "C0SPARRING"


async def test_a_coordinator_makes_someone_superuser_who_is_welcomed_once(
    slack: LocalSlack,
) -> None:
    slack.standin.add_user("U0NEW", "sara", real_name="Sara Møller", email="sara@vesteraa.example")
    await open_settings(slack, ANNETTE)
    modal = slack.standin.open_views(ANNETTE)[-1]
    daycare = next(b for b in modal["blocks"] if b.get("block_id") == "role_daycare")
    option_groups = daycare["element"]["option_groups"]
    maelkeboetten = next(
        o["value"]
        for group in option_groups
        for o in group["options"]
        if o["text"]["text"] == "Børnehuset Mælkebøtten"
    )
    await slack.driver.submit_view(
        ANNETTE,
        {
            "role_person": {"value": "U0NEW"},
            "role": {"value": "superuser"},
            "role_daycare": {"value": maelkeboetten},
        },
    )
    await slack.settle()
    sara = await member(slack.bot.db, "U0NEW")
    assert sara is not None and sara.name == "Sara Møller" and sara.has_role("superuser")
    # The modal planned the welcome; the dispatcher sends it (in working time).
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    posts = slack.standin.calls_to("chat.postMessage")
    welcome = next(p for p in posts if p.args["channel"] == "U0NEW")
    assert "Du er nu superbruger i *Børnehuset Mælkebøtten* (område Nord)" in texts(welcome)
    assert "Hej Sara!" in texts(welcome)  # the first name, as on the Home
    assert f"*Din ambassadør i område Nord:* <@{METTE}>, som du altid kan spørge." in texts(welcome)
    notes = [texts(p) for p in posts if p.args["channel"] == METTE]
    assert notes == [
        "Ny superbruger i område Nord: <@U0NEW> i *Børnehuset Mælkebøtten*."
        " Tag gerne kontakt og aftal en oplæring.\n"
        "Ny superbruger i område Nord: <@U0NEW> i *Børnehuset Mælkebøtten*."
        " Tag gerne kontakt og aftal en oplæring."
    ]
    # From the welcome: the guides as a new message (the welcome stays), and a first question.
    im = slack.standin.im_channel_id("U0NEW")
    await slack.driver.click("U0NEW", action_id="browse_open", channel_id=im)
    await slack.settle()
    (guides,) = [c for c in slack.standin.calls_to("response_url") if c.args.get("blocks")]
    assert guides.args["replace_original"] is False
    assert "Vejledninger til digitale redskaber" in texts(guides)
    await slack.driver.click("U0NEW", action_id="sparring_ask", channel_id=im)
    await slack.settle()
    assert slack.standin.open_views("U0NEW")[-1]["title"]["text"] == "Spørg netværket"
    # The scheduled job finds nothing more to send.
    before = len(slack.standin.calls_to("chat.postMessage"))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    assert len(slack.standin.calls_to("chat.postMessage")) == before


async def test_the_modal_says_what_is_missing_and_writes_nothing(slack: LocalSlack) -> None:
    slack.standin.add_channel("C0LEDELSE", "ledelse", members=[ANNETTE])
    await open_settings(slack, ANNETTE)
    result = await slack.driver.submit_view(
        ANNETTE,
        {
            "leadership_channel": {"value": "C0LEDELSE"},
            "role_person": {"value": SOEREN},
            "role": {"value": "ambassador"},
        },
    )
    assert result.json is not None
    assert result.json["errors"] == {"role_area": "En ambassadør skal have et område."}
    assert len(slack.standin.open_views(ANNETTE)) == 1  # still open, to correct
    assert (await current(slack.bot.db))["leadership_channel"] is None


async def test_removing_a_role_the_person_does_not_have_is_refused(slack: LocalSlack) -> None:
    await open_settings(slack, ANNETTE)
    result = await slack.driver.submit_view(
        ANNETTE,
        {
            "role_person": {"value": METTE},
            "role_change": {"value": "remove"},
            "role": {"value": "leader"},
        },
    )
    assert result.json is not None
    assert result.json["errors"] == {
        "role": "Personen har ikke den rolle (i det område eller dagtilbud)."
    }


async def test_a_welcome_slack_refuses_waits_for_the_coordinators_retry(
    slack: LocalSlack,
) -> None:
    """A DM Slack refuses for good (the person is not in Slack yet) is not tried every minute:
    it is listed for the coordinator (`tovholder reminders failed`), and their retry sends it
    once. The ambassador hears of the new superuser all the same."""
    services = slack.bot.app.services
    async with slack.bot.db.transaction() as conn:
        await org.set_role(conn, 1, "superuser", area_id=None, daycare_id=3, present=True)
    annette = slack.standin.workspace.users.pop(ANNETTE)  # gone from Slack for a while
    await slack.bot.scheduler.run_all_now()
    delivered = [c for c in slack.standin.calls_to("chat.postMessage") if c.ok]
    assert [c.args["channel"] for c in delivered] == [METTE]
    (failed,) = await reminders.failed_reminders(slack.bot.db)
    assert (failed.recipient, failed.last_error) == (
        await person_id(slack.bot.db, ANNETTE),
        "channel_not_found",
    )
    slack.standin.workspace.users[ANNETTE] = annette
    await slack.bot.scheduler.run_all_now()
    assert len([c for c in slack.standin.calls_to("chat.postMessage") if c.ok]) == 1
    assert await reminders.requeue(slack.bot.db, services.clock, failed.id)
    await slack.bot.scheduler.run_all_now()
    delivered = [c for c in slack.standin.calls_to("chat.postMessage") if c.ok]
    assert [c.args["channel"] for c in delivered] == [METTE, ANNETTE]
    assert "Du er nu superbruger" in texts(delivered[-1])
    await slack.bot.scheduler.run_all_now()
    assert len([c for c in slack.standin.calls_to("chat.postMessage") if c.ok]) == 2


async def test_cli_and_slack_share_the_same_settings(slack: LocalSlack) -> None:
    await set_setting(slack.bot.db, slack.bot.app.services.clock, "test_channel", "#C0TEST", "cli")
    assert (await current(slack.bot.db))["test_channel"] == "C0TEST"
