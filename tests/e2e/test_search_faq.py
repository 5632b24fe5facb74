"""A guide found by a question the network already answered shows that question and answer
on the card, right under the title (issue 18.10)."""

from __future__ import annotations

import dataclasses

from bot.clock import ManualClock
from bot.domain.guides import GuideDraft
from bot.domain.sparring import add_faq_entry
from bot.local import LocalSlack
from bot.services.guides import get_guide, save_guide
from tests.e2e.conftest import OLIVER, texts
from tests.e2e.test_tool_guide import LINE, tool_guide

QUESTION = "Kan bien køre på et tæppe?"
ANSWER = "Den kører skævt på tykke tæpper. Brug et hårdt gulv eller en plade <ikke mere>."


async def save_faq(slack: LocalSlack, clock: ManualClock) -> None:
    """The Bee-Bot guide with a saved question and answer, as "Gem som spørgsmål og svar"
    writes it."""
    detail = await get_guide(slack.bot.db, "bee-bot")
    assert detail is not None
    content = detail.current.content
    body = add_faq_entry(content.body, "Spørgsmål og svar", QUESTION, ANSWER)
    draft = GuideDraft("bee-bot", detail.tool.name, dataclasses.replace(content, body=body))
    await save_guide(slack.bot.db, clock, draft, editor="cli")


async def test_a_hit_from_a_saved_answer_shows_the_question_and_the_answer(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await save_faq(slack, clock)
    answer = await tool_guide(slack, LINE, "kører den skævt på tæppet")
    blocks = answer.args["blocks"]
    assert blocks[0]["text"]["text"].startswith("Bee-Bot")
    shown = blocks[1]["text"]["text"]
    assert shown.startswith("*Fra vejledningens spørgsmål og svar:*\n")
    assert f"*{QUESTION}*" in shown
    assert "Brug et hårdt gulv eller en plade &lt;ikke mere&gt;." in shown
    # In English for the one who reads English.
    english = await tool_guide(slack, OLIVER, "can the bee drive on a carpet")
    assert english.args["blocks"][1]["text"]["text"].startswith(
        "*From the guide's questions and answers:*"
    ), texts(english)


async def test_a_hit_by_the_guide_itself_shows_no_saved_answer(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await save_faq(slack, clock)
    for query in ("bee-bot", "robot på gulvet", "how do I make the bee move"):
        answer = await tool_guide(slack, LINE, query)
        assert answer.args["blocks"][0]["text"]["text"].startswith("Bee-Bot"), query
        assert QUESTION not in texts(answer), query
