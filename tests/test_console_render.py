"""Block Kit as the console shows it: readable, escaped text literal, buttons numbered."""

from __future__ import annotations

from typing import Any

from bot.console.form import fields_of, parse_answer
from bot.console.render import mrkdwn_to_text, render_blocks

NAMES = {"U0DEMO003": "Mette Lund"}.get


def name_of(user_id: str) -> str:
    return NAMES(user_id) or user_id


def test_sections_fields_context_and_buttons() -> None:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Bee-Bot"}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "Spørg <@U0DEMO003> – se <https://x.dk|guiden>"},
            "fields": [{"type": "mrkdwn", "text": "*Alder:* 3-5 år"}],
        },
        {"type": "divider"},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "opdateret i dag"}]},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Vi er i gang"},
                    "action_id": "a",
                    "value": "1",
                },
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Vi bruger det"},
                    "action_id": "b",
                    "value": "2",
                },
            ],
        },
    ]
    out = render_blocks(blocks, name_of, first_number=3)
    assert out.lines[0] == "== Bee-Bot =="
    assert out.lines[1] == "Spørg @Mette Lund – se guiden (https://x.dk)"
    assert "  • *Alder:* 3-5 år" in out.lines
    assert "  [3] Vi er i gang" in out.lines and "  [4] Vi bruger det" in out.lines
    assert [c.action_id for c in out.clickables] == ["a", "b"]


def test_escaped_user_text_shows_literally() -> None:
    assert mrkdwn_to_text("&lt;!channel&gt; &amp; co", name_of) == "<!channel> & co"


def test_modal_answers_become_driver_values() -> None:
    view = {
        "blocks": [
            {
                "type": "input",
                "block_id": "rating",
                "label": {"type": "plain_text", "text": "Vurdering"},
                "element": {
                    "type": "static_select",
                    "action_id": "pick",
                    "options": [
                        {"text": {"type": "plain_text", "text": "God"}, "value": "4"},
                        {"text": {"type": "plain_text", "text": "Rigtig god"}, "value": "5"},
                    ],
                },
            },
            {
                "type": "input",
                "block_id": "note",
                "optional": True,
                "label": {"type": "plain_text", "text": "Note"},
                "element": {"type": "plain_text_input", "action_id": "text", "multiline": True},
            },
        ]
    }
    rating, note = fields_of(view)
    assert parse_answer(rating, "2") == "5"
    assert parse_answer(rating, "god") == "4"
    assert parse_answer(rating, "9") is None
    assert parse_answer(note, "linje 1\\nlinje 2") == "linje 1\nlinje 2"
    assert note.optional and not rating.optional
