"""`/tovholder pulse` in the words people use: "uge 48", "sidste uge", "november" work like
`2026-W48` and `2026-11`, and the answer names the period as people do."""

from __future__ import annotations

from bot.local import LocalSlack
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts

JENS, LINE = "U0DEMO002", "U0DEMO005"


async def pulse(slack: LocalSlack, words: str, user: str = JENS) -> str:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tovholder", f"pulse {words}", channel_id=GENERAL)
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    return texts(answer)


async def test_a_leader_asks_for_the_pulse_in_danish_words(slack: LocalSlack) -> None:
    """The clock stands on Monday 30 November 2026 (week 49)."""
    week_48 = "Puls – uge 48 (23. nov. 2026–29. nov. 2026)"
    assert week_48 in await pulse(slack, "uge 48")
    assert week_48 in await pulse(slack, "sidste uge")
    november = await pulse(slack, "november Nord")
    assert "Puls – november 2026" in november and "Område Nord" in november
    refused = await pulse(slack, "uge 54")
    assert "»uge 54« er ikke en periode, jeg kender" in refused
    assert "uge 48, november, 3. kvartal, sidste uge eller i år" in refused


async def test_the_export_names_the_period_and_the_file_in_words(slack: LocalSlack) -> None:
    sent = await pulse(slack, "eksport sidste uge")
    assert "Pulsen for uge 48 er sendt til dig som Markdown-fil i en direkte besked." in sent
    assert "md-fil" not in sent and "2026-W48" not in sent


async def test_each_role_reads_last_week_in_its_own_scope(slack: LocalSlack) -> None:
    """The coordinator, an ambassador and a superuser write it the same way."""
    coordinator = await pulse(slack, "i sidste uge", ANNETTE)
    assert "Puls – uge 48" in coordinator and "Hele netværket" in coordinator
    ambassador = await pulse(slack, "sidste uge", METTE)
    assert "Puls – uge 48" in ambassador and "Område Nord" in ambassador
    superuser = await pulse(slack, "Uge 48", LINE)
    assert "Puls – uge 48" in superuser and "Børnehuset Mælkebøtten" in superuser
