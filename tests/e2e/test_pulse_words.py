"""`/tovholder pulse` in the words people use: "uge 48", "sidste uge", "november" work like
`2026-W48` and `2026-11`, and the answer names the period as people do."""

from __future__ import annotations

from bot.local import LocalSlack
from tests.e2e.conftest import GENERAL, texts

JENS = "U0DEMO002"


async def pulse(slack: LocalSlack, words: str) -> str:
    mark = slack.standin.mark()
    await slack.driver.slash_command(JENS, "/tovholder", f"pulse {words}", channel_id=GENERAL)
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
