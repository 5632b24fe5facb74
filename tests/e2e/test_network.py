"""`/tovholder network`: who is who around the asker, and the gaps for those who steer."""

from __future__ import annotations

import pytest

from bot.local import LocalSlack
from bot.standin import RecordedCall
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
JENS = "U0DEMO002"  # leader


async def network(slack: LocalSlack, user: str, text: str = "") -> RecordedCall:
    mark = slack.standin.mark()
    result = await slack.driver.slash_command(
        user, "/tovholder", f"network {text}", channel_id=GENERAL
    )
    await slack.settle()
    assert result.status == 200
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    assert answer.args.get("response_type") == "ephemeral"
    return answer


async def test_a_superuser_sees_the_ambassadors_of_their_area(slack: LocalSlack) -> None:
    shown = texts(await network(slack, LINE))
    assert "Område Nord" in shown
    assert f"*Ambassadører:* <@{METTE}>" in shown
    assert f"• Børnehuset Mælkebøtten – <@{LINE}>" in shown
    assert "• Vuggestuen Solsikken – _mangler superbruger_" in shown
    assert "Dækning" not in shown  # coverage is for coordinators and leaders


async def test_a_coordinator_sees_every_area_and_the_gaps(slack: LocalSlack) -> None:
    shown = texts(await network(slack, ANNETTE))
    assert "Netværket" in shown
    assert "• *Øst* – ambassadører: ingen endnu · dagtilbud: 2" in shown
    assert "⚠️ Område Øst har ingen ambassadør." in shown
    assert "⚠️ Vuggestuen Solsikken (Nord) har ingen superbruger." in shown
    assert "• Nord – ambassadører: 1, dagtilbud: 3" in shown


async def test_a_leader_reads_it_too(slack: LocalSlack) -> None:
    assert "Område Øst har ingen ambassadør." in texts(await network(slack, JENS))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("syd", "Område Syd"),
        ("ØST", "Område Øst"),
        ("oest", "Område Øst"),
        ("maelkeboetten", "*Børnehuset Mælkebøtten* hører til område Nord."),
        ("mælkebøten", "*Børnehuset Mælkebøtten* hører til område Nord."),
        ("regnbue", "*Børnehaven Regnbuen* hører til område Nord."),
    ],
)
async def test_another_place_is_found_forgivingly(
    slack: LocalSlack, query: str, expected: str
) -> None:
    assert expected in texts(await network(slack, METTE, query))


@pytest.mark.parametrize("query", ["Vest", "børnehuset", "<!channel>", "x" * 3000])
async def test_an_unknown_place_lists_the_known_areas(slack: LocalSlack, query: str) -> None:
    shown = texts(await network(slack, METTE, query))
    assert "Jeg kan ikke finde" in shown
    assert "Kendte områder: Nord, Syd, Øst." in shown
    assert "<!channel>" not in shown


async def test_english_for_those_who_prefer_it(slack: LocalSlack) -> None:
    shown = texts(await network(slack, OLIVER))
    assert "Area Øst" in shown
    assert "*Ambassadors:* none yet" in shown


async def test_someone_outside_the_organisation_is_told_how_to_join(slack: LocalSlack) -> None:
    slack.standin.add_user("U0STRANGER", "sam", real_name="Sam Stranger")
    slack.standin.workspace.channels[GENERAL].members.append("U0STRANGER")
    shown = texts(await network(slack, "U0STRANGER"))
    assert f"Skriv til <@{ANNETTE}>, så bliver du lagt ind." in shown
