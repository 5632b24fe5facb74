"""Whatever people write reaches Slack as text: no builder lets it ping, mention or link.

Slack acts on `<!channel>`, `<@U…>`, `<#C…>` and `<url|label>` in every field it parses —
the top-level `text` (the notification), each `mrkdwn` object, `alt_text` — and decodes
`&amp;`, `&lt;`, `&gt;` there once. So every builder in bot/views gets each hostile string
in every field a person writes (guide titles, tool, daycare and area names, names, questions,
comments), and each parsed field must hold it escaped exactly once: not raw (it would fire,
or "&amp;" would show as "&"), not twice (people would read "&lt;").
"""

from __future__ import annotations

import pytest

from bot.standin.controls import controls_in, parsed_fields, shown
from handlers.slack.markdown import escape
from tests.view_samples import Builder, TextOf, builders, call, payloads, refusals

HOSTILE = (
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U0123>",
    "<#C0123>",
    "<https://evil.example|bank>",
    "Leg &amp; Læring",
    "Leg &lt;3 Læring",
)
#: What the corpus would make Slack do, were any of it live.
FORBIDDEN = {("user", "U0123"), ("channel", "C0123"), ("link", "https://evil.example")}


def written(hostile: str) -> TextOf:
    """The n-th text a person wrote: the hostile string, numbered so names stay distinct."""
    return lambda n: f"{hostile} {n}"


@pytest.mark.parametrize("builder", builders(), ids=str)
def test_hostile_text_is_shown_literally_in_every_field_slack_parses(builder: Builder) -> None:
    problems: list[str] = []
    for hostile in HOSTILE:
        result = call(builder, written(hostile))
        for payload in payloads(result):
            problems += refusals(payload)
            for where, text in parsed_fields(*payload):
                live = [
                    c
                    for c in controls_in(text, where)
                    if c.kind == "broadcast" or (c.kind, c.target) in FORBIDDEN
                ]
                problems += [f"{where}: live {c.kind} {c.target!r}" for c in live]
                if hostile in text:
                    problems.append(f"{where}: {hostile!r} unescaped in {text[:120]!r}")
                if escape(hostile) in shown(text):
                    problems.append(f"{where}: {hostile!r} escaped twice in {text[:120]!r}")
    assert problems == []
