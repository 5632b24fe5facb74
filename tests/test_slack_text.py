"""Slack's three entities, decoded once on the way in; and the stand-in sends text encoded
the way Slack does, so the end-to-end tests meet what the bot meets in a workspace."""

from __future__ import annotations

import pytest

from bot.standin.richtext import as_sent
from handlers.slack.markdown import escape
from handlers.slack.text import slack_text


@pytest.mark.parametrize(
    ("sent", "typed"),
    [
        ("Leg &amp; Læring", "Leg & Læring"),
        ("børn &lt;3 år &gt; 2 år", "børn <3 år > 2 år"),
        ("&amp;lt; skrevet som tekst", "&lt; skrevet som tekst"),  # decoded once, not twice
        ("&amp;amp;", "&amp;"),
        ("&quot;citat&quot; &#39;a&#39; &nbsp;", "&quot;citat&quot; &#39;a&#39; &nbsp;"),
        ("hej <@U0DEMO003> i <#C0GENERAL>", "hej <@U0DEMO003> i <#C0GENERAL>"),  # markup stays
        ("", ""),
    ],
)
def test_only_the_three_entities_are_decoded(sent: str, typed: str) -> None:
    assert slack_text(sent) == typed


def test_what_is_not_text_is_empty() -> None:
    assert slack_text(None) == slack_text(3) == slack_text(["a"]) == ""


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("Leg & Læring", "Leg &amp; Læring"),
        ("a<b>c", "a&lt;b&gt;c"),
        ("&amp;", "&amp;amp;"),
        ("hjælp <@U0TOVBOT> & <!here>", "hjælp <@U0TOVBOT> &amp; <!here>"),
        ("se <https://x.dk|her> < 3", "se <https://x.dk|her> &lt; 3"),
    ],
)
def test_the_stand_in_sends_typed_text_as_slack_does(typed: str, sent: str) -> None:
    assert as_sent(typed) == sent


@pytest.mark.parametrize("typed", ["Leg & Læring", "a < b > c", "&amp; &lt;", "<3 & >_<"])
def test_in_decoded_and_out_escaped_is_escaped_once(typed: str) -> None:
    assert slack_text(as_sent(typed)) == typed
    assert escape(slack_text(as_sent(typed))) == escape(typed)
