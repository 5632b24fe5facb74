"""The stand-in reads the bot's text as Slack does and records what Slack would act on."""

from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import SlackStandIn
from bot.standin.controls import Control, controls_in, shown
from tests.conftest import assert_no_refused_payloads
from tests.standin.conftest import ANNA, GENERAL


def test_every_kind_of_sequence_is_read_and_escaped_text_is_not() -> None:
    text = (
        "<!channel> <!here|here> <!everyone> <@U0123> <@U0124|karen> <#C0123> "
        "<https://evil.example|bank> <!subteam^S01> &lt;!channel&gt; &lt;@U0999&gt;"
    )
    assert [(c.kind, c.target) for c in controls_in(text)] == [
        ("broadcast", "channel"),
        ("broadcast", "here"),
        ("broadcast", "everyone"),
        ("user", "U0123"),
        ("user", "U0124"),
        ("channel", "C0123"),
        ("link", "https://evil.example"),
        ("usergroup", "subteam^S01"),
    ]
    assert shown("&amp;amp; &lt;!here&gt;") == "&amp; <!here>"


async def test_a_call_records_sequences_in_text_mrkdwn_and_alt_text_but_not_plain_text(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    await client.chat_postMessage(
        channel=GENERAL,
        text="<!here> hej",
        blocks=[
            {"type": "header", "text": {"type": "plain_text", "text": "<!everyone>"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "<@U0123>"}},
            {"type": "image", "image_url": "https://example.org/a.png", "alt_text": "<#C0123>"},
        ],
    )
    (call,) = standin.calls_to("chat.postMessage")
    assert call.controls == [
        Control("broadcast", "here", "text"),
        Control("user", "U0123", "blocks[1].text.text"),
        Control("channel", "C0123", "blocks[2].alt_text"),
    ]


async def test_link_names_turns_a_bare_at_channel_into_a_broadcast(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    await client.chat_postMessage(channel=GENERAL, text="hej @channel", link_names=True)
    await client.chat_postMessage(channel=GENERAL, text="hej @channel")
    with_names, without = standin.calls_to("chat.postMessage")
    assert with_names.broadcasts() == [Control("broadcast", "channel", "text")]
    assert without.broadcasts() == []


async def test_a_broadcast_fails_the_test_even_where_refusals_are_allowed(
    client: AsyncWebClient, standin: SlackStandIn, request: pytest.FixtureRequest
) -> None:
    await client.chat_postEphemeral(channel=GENERAL, user=ANNA, text="ok &lt;!channel&gt;")
    assert_no_refused_payloads(standin, request)
    await client.views_publish(
        user_id=ANNA,
        view={
            "type": "home",
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "<!everyone>"}}],
        },
    )
    request.applymarker(pytest.mark.allow_refused_payloads)
    with pytest.raises(AssertionError, match=r"views.publish: <!everyone> in view.blocks\[0\]"):
        assert_no_refused_payloads(standin, request)
