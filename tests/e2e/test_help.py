"""`/tovholder help`, `hjælp` in a DM and `@Tovholder hjælp`: the first feature, end to end."""

from __future__ import annotations

import pytest

from bot.local import LocalSlack
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts


async def test_a_coordinator_asks_for_help_and_reads_it_in_danish(slack: LocalSlack) -> None:
    result = await slack.driver.slash_command(ANNETTE, "/tovholder", "help", channel_id=GENERAL)
    assert result.status == 200
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert answer.ok, answer.errors
    shown = texts(answer)
    assert "Tovholder – hjælp" in shown
    assert "`/tovholder gdpr slet @person`" in shown  # the coordinator's own commands
    assert "`/tovholder hjælp alt`" in shown  # and how to see everything
    assert answer.args.get("response_type") == "ephemeral"
    assert slack.standin.calls_to("chat.postMessage") == []  # nothing in the channel


async def test_a_person_who_prefers_english_gets_english(slack: LocalSlack) -> None:
    await slack.driver.slash_command(OLIVER, "/tovholder", "help", channel_id=GENERAL)
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert "Tovholder – help" in texts(answer)
    assert "`/tool-guide [what you are looking for]` – Find the guide" in texts(answer)
    assert "`/tovholder help all`" in texts(answer)


async def test_without_a_preference_the_slack_locale_decides(slack: LocalSlack) -> None:
    slack.standin.add_user("U0VISITOR", "kim", real_name="Kim Berg", locale="en-US")
    slack.standin.workspace.channels[GENERAL].members.append("U0VISITOR")
    await slack.driver.slash_command("U0VISITOR", "/tovholder", "", channel_id=GENERAL)
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert "What you can ask me" in texts(answer)
    assert [c.args.get("user") for c in slack.standin.calls_to("users.info")] == ["U0VISITOR"]


@pytest.mark.parametrize("text", ["", "help", "HJÆLP", "hjælp!", "?"])
async def test_help_words_and_an_empty_command_show_the_help(slack: LocalSlack, text: str) -> None:
    await slack.driver.slash_command(METTE, "/tovholder", text, channel_id=GENERAL)
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert "Tovholder – hjælp" in texts(answer)
    assert "Den kender jeg ikke" not in texts(answer)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("pulsen", "»pulsen«"),
        ("<!channel> ping", "»&lt;!channel&gt; ping«"),
        ("<@U0DEMO002> <#C0GENERAL> <https://evil.example|bank>", "&lt;@U0DEMO002&gt;"),
        ("x" * 5000, "»" + "x" * 59 + "…«"),
        ("   ", None),
    ],
)
async def test_an_unknown_sub_command_gets_the_help_naming_it_literally(
    slack: LocalSlack, text: str, shown: str | None
) -> None:
    result = await slack.driver.slash_command(METTE, "/tovholder", text, channel_id=GENERAL)
    assert result.status == 200
    await slack.settle()
    (answer,) = slack.standin.calls_to("response_url")
    assert answer.ok, answer.errors  # within Block Kit's limits whatever was typed
    assert "Tovholder – hjælp" in texts(answer)
    if shown:
        assert shown in texts(answer)
        assert "<!channel>" not in texts(answer)


async def test_hjaelp_in_a_direct_message_answers_there(slack: LocalSlack) -> None:
    await slack.driver.user_message(METTE, None, "hjælp")
    await slack.settle()
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.ok, post.errors
    assert post.args["channel"] == slack.standin.im_channel_id(METTE)
    assert "Tovholder – hjælp" in texts(post)


async def test_other_words_in_a_direct_message_point_to_the_help(slack: LocalSlack) -> None:
    # A question would be offered to the network (see tests/e2e/test_sparring_handling.py),
    # a greeting is answered (tests/e2e/test_help_by_role.py).
    await slack.driver.user_message(OLIVER, None, "the robot is in the drawer")
    await slack.settle()
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert "Write *help*" in texts(post)


async def test_a_mention_is_answered_only_to_the_person_who_asked(slack: LocalSlack) -> None:
    await slack.driver.app_mention(METTE, GENERAL, "<@U0TOVBOT> hjælp")
    await slack.settle()
    (ephemeral,) = slack.standin.calls_to("chat.postEphemeral")
    assert ephemeral.ok, ephemeral.errors
    assert ephemeral.args["user"] == METTE
    assert ephemeral.args["channel"] == GENERAL
    assert "Tovholder – hjælp" in texts(ephemeral)
    assert slack.standin.calls_to("chat.postMessage") == []


async def test_a_retried_event_is_answered_once(slack: LocalSlack) -> None:
    first = await slack.driver.user_message(METTE, None, "hjælp")
    event = first.payload
    assert isinstance(event, dict)
    again = await slack.driver.event(
        event["event"], event_id=event["event_id"], retry_num=1, retry_reason="http_timeout"
    )
    await slack.settle()
    assert again.status == 200
    assert len(slack.standin.calls_to("chat.postMessage")) == 1


async def test_one_message_delivered_as_mention_and_message_is_answered_once(
    slack: LocalSlack,
) -> None:
    await slack.driver.app_mention(METTE, GENERAL, "<@U0TOVBOT> hjælp")
    (message,) = slack.standin.messages(GENERAL)
    await slack.driver.event(
        {
            "type": "message",
            "channel": GENERAL,
            "user": METTE,
            "text": message["text"],
            "ts": message["ts"],
            "channel_type": "channel",
        }
    )
    await slack.settle()
    assert len(slack.standin.calls_to("chat.postEphemeral")) == 1


async def test_messages_from_other_bots_are_ignored(slack: LocalSlack) -> None:
    result = await slack.driver.event(
        {
            "type": "message",
            "subtype": "bot_message",
            "bot_id": "B0OTHER",
            "text": "hjælp",
            "channel": slack.standin.workspace.open_im(METTE)[0].id,
            "ts": "1764000000.000100",
            "channel_type": "im",
        }
    )
    await slack.settle()
    assert result.status == 200
    assert slack.standin.calls_to("chat.postMessage") == []
