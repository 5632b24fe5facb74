"""Every Web API method of the stand-in, through a real slack_sdk AsyncWebClient."""

from __future__ import annotations

import json
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import STANDIN_APP_TOKEN, STANDIN_BOT_TOKEN, RecordedCall, SlackStandIn
from tests.standin.conftest import ANNA, BO, CARL, GENERAL, FakeClock, populate

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "*Hej*"}}
MODAL: dict[str, Any] = {
    "type": "modal",
    "callback_id": "signup",
    "title": {"type": "plain_text", "text": "Tilmelding"},
    "submit": {"type": "plain_text", "text": "Send"},
    "blocks": [
        {
            "type": "input",
            "block_id": "name",
            "label": {"type": "plain_text", "text": "Navn"},
            "element": {"type": "plain_text_input", "action_id": "value"},
        }
    ],
}
HOME: dict[str, Any] = {"type": "home", "blocks": [SECTION]}


async def error_of(call: Any) -> dict[str, Any]:
    with pytest.raises(SlackApiError) as caught:
        await call
    data: dict[str, Any] = caught.value.response.data
    return data


# -- auth ----------------------------------------------------------------------------


async def test_auth_test_answers_with_the_bot_identity(client: AsyncWebClient) -> None:
    response = await client.auth_test()
    assert response.data == {
        "ok": True,
        "url": "https://tovholder.slack.com/",
        "team": "Tovholder",
        "user": "tovholder",
        "team_id": "T0TOVHOLD",
        "user_id": "U0TOVBOT",
        "bot_id": "B0TOVBOT",
        "is_enterprise_install": False,
    }


@pytest.mark.parametrize(
    ("token", "error"),
    [
        (None, "not_authed"),
        ("xoxb-wrong", "invalid_auth"),
        (STANDIN_APP_TOKEN, "not_allowed_token_type"),
    ],
)
async def test_bad_tokens_are_refused(standin: SlackStandIn, token: str | None, error: str) -> None:
    client = AsyncWebClient(token=token, base_url=standin.api_url)
    assert (await error_of(client.chat_postMessage(channel=GENERAL, text="x")))["error"] == error
    assert standin.calls[-1].error == error
    assert standin.messages(GENERAL) == []


async def test_unknown_method(client: AsyncWebClient, standin: SlackStandIn) -> None:
    assert (await error_of(client.api_call("chat.scheduleEverything")))["error"] == "unknown_method"
    assert standin.calls_to("chat.scheduleEverything")[0].status == 200


async def test_tokens_are_never_recorded(client: AsyncWebClient, standin: SlackStandIn) -> None:
    await client.api_call("auth.test", params={"token": STANDIN_BOT_TOKEN})
    assert all(STANDIN_BOT_TOKEN not in json.dumps(call.args) for call in standin.calls)


# -- chat ----------------------------------------------------------------------------


async def test_post_message_to_a_user_goes_to_the_dm(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    first = await client.chat_postMessage(channel=ANNA, text="Hej Anna", blocks=[SECTION])
    second = await client.chat_postMessage(channel=ANNA, text="Igen")
    dm = standin.im_channel_id(ANNA)
    assert dm is not None and dm.startswith("D")
    assert first["channel"] == second["channel"] == dm
    assert float(second["ts"]) > float(first["ts"])
    message = first["message"]
    assert message["user"] == "U0TOVBOT" and message["bot_id"] == "B0TOVBOT"
    assert message["blocks"][0]["block_id"]  # Slack fills in block ids
    assert [m["text"] for m in standin.messages(ANNA)] == ["Hej Anna", "Igen"]
    assert standin.messages(dm) == standin.messages(ANNA)


async def test_ts_is_unique_and_slack_shaped(client: AsyncWebClient) -> None:
    stamps = [(await client.chat_postMessage(channel=GENERAL, text=str(i)))["ts"] for i in range(5)]
    assert len(set(stamps)) == 5 and stamps == sorted(stamps, key=float)
    seconds, micros = stamps[0].split(".")
    assert len(seconds) == 10 and len(micros) == 6


async def test_thread_replies(client: AsyncWebClient, standin: SlackStandIn) -> None:
    parent = await client.chat_postMessage(channel=GENERAL, text="Tråd")
    await client.chat_postMessage(channel=GENERAL, text="Svar", thread_ts=parent["ts"])
    replies = standin.replies(GENERAL, parent["ts"])
    assert [r["text"] for r in replies] == ["Svar"]
    assert standin.messages(GENERAL)[0]["reply_count"] == 1


async def test_conversations_replies_reads_a_message_and_its_thread(
    client: AsyncWebClient,
) -> None:
    parent = await client.chat_postMessage(channel=GENERAL, text="Tråd")
    await client.chat_postMessage(channel=GENERAL, text="Svar", thread_ts=parent["ts"])
    found = await client.conversations_replies(channel=GENERAL, ts=parent["ts"])
    assert [m["text"] for m in found["messages"]] == ["Tråd", "Svar"]
    only = await client.conversations_replies(channel=GENERAL, ts=parent["ts"], limit=1)
    assert [m["text"] for m in only["messages"]] == ["Tråd"]
    with pytest.raises(SlackApiError) as missing:
        await client.conversations_replies(channel=GENERAL, ts="1.000001")
    assert missing.value.response["error"] == "thread_not_found"


async def test_form_encoded_blocks_are_accepted(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    data = {"channel": GENERAL, "text": "form", "blocks": json.dumps([SECTION])}
    response = await client.api_call("chat.postMessage", data=data)
    assert response["ok"]
    assert standin.calls[-1].args["blocks"][0]["type"] == "section"


async def test_post_message_errors(client: AsyncWebClient) -> None:
    assert (await error_of(client.chat_postMessage(channel="C0NOPE", text="x")))[
        "error"
    ] == "channel_not_found"
    assert (await error_of(client.api_call("chat.postMessage", json={"channel": GENERAL})))[
        "error"
    ] == "no_text"


async def test_post_ephemeral(client: AsyncWebClient, standin: SlackStandIn) -> None:
    response = await client.chat_postEphemeral(channel=GENERAL, user=ANNA, text="Kun til dig")
    assert response["message_ts"]
    assert [e["text"] for e in standin.ephemerals(GENERAL, ANNA)] == ["Kun til dig"]
    assert standin.ephemerals(GENERAL, BO) == []
    assert standin.messages(GENERAL) == []
    not_member = client.chat_postEphemeral(channel=GENERAL, user=CARL, text="x")
    assert (await error_of(not_member))["error"] == "user_not_in_channel"
    unknown = client.chat_postEphemeral(channel=GENERAL, user="U0NOBODY", text="x")
    assert (await error_of(unknown))["error"] == "user_not_found"


async def test_update_keeps_blocks_unless_replaced(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="før", blocks=[SECTION])
    updated = await client.chat_update(channel=GENERAL, ts=posted["ts"], text="efter")
    assert updated["ts"] == posted["ts"] and updated["text"] == "efter"
    stored = standin.messages(GENERAL)[0]
    assert stored["text"] == "efter" and stored["blocks"][0]["type"] == "section"
    assert "edited" in stored
    await client.chat_update(channel=GENERAL, ts=posted["ts"], text="uden", blocks=[])
    assert "blocks" not in standin.messages(GENERAL)[0]


async def test_update_and_delete_errors(client: AsyncWebClient, standin: SlackStandIn) -> None:
    missing = client.chat_update(channel=GENERAL, ts="1.000000", text="x")
    assert (await error_of(missing))["error"] == "message_not_found"
    standin.workspace.store_message(
        standin.workspace.channels[GENERAL], {"type": "message", "user": ANNA, "text": "mit"}
    )
    ts = standin.messages(GENERAL)[0]["ts"]
    not_ours = client.chat_update(channel=GENERAL, ts=ts, text="x")
    assert (await error_of(not_ours))["error"] == "cant_update_message"
    assert (await error_of(client.chat_delete(channel=GENERAL, ts=ts)))[
        "error"
    ] == "cant_delete_message"


async def test_delete(client: AsyncWebClient, standin: SlackStandIn) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="væk")
    response = await client.chat_delete(channel=GENERAL, ts=posted["ts"])
    assert response.data == {"ok": True, "channel": GENERAL, "ts": posted["ts"]}
    assert standin.messages(GENERAL) == []
    again = client.chat_delete(channel=GENERAL, ts=posted["ts"])
    assert (await error_of(again))["error"] == "message_not_found"


async def test_permalink(client: AsyncWebClient) -> None:
    parent = await client.chat_postMessage(channel=GENERAL, text="a")
    reply = await client.chat_postMessage(channel=GENERAL, text="b", thread_ts=parent["ts"])
    link = await client.chat_getPermalink(channel=GENERAL, message_ts=parent["ts"])
    digits = parent["ts"].replace(".", "")
    assert link["permalink"] == f"https://tovholder.slack.com/archives/{GENERAL}/p{digits}"
    reply_link = await client.chat_getPermalink(channel=GENERAL, message_ts=reply["ts"])
    assert reply_link["permalink"].endswith(f"?thread_ts={parent['ts']}&cid={GENERAL}")
    missing = client.chat_getPermalink(channel=GENERAL, message_ts="1.000001")
    assert (await error_of(missing))["error"] == "message_not_found"


async def test_reactions_add(client: AsyncWebClient, standin: SlackStandIn) -> None:
    posted = await client.chat_postMessage(channel=GENERAL, text="godt")
    await client.reactions_add(channel=GENERAL, name="white_check_mark", timestamp=posted["ts"])
    reactions = standin.messages(GENERAL)[0]["reactions"]
    assert reactions == [{"name": "white_check_mark", "users": ["U0TOVBOT"], "count": 1}]
    twice = client.reactions_add(channel=GENERAL, name="white_check_mark", timestamp=posted["ts"])
    assert (await error_of(twice))["error"] == "already_reacted"
    missing = client.reactions_add(channel=GENERAL, name="eyes", timestamp="1.000001")
    assert (await error_of(missing))["error"] == "message_not_found"


# -- conversations and users -----------------------------------------------------------


async def test_conversations_open(client: AsyncWebClient, standin: SlackStandIn) -> None:
    first = await client.conversations_open(users=ANNA)
    assert first["channel"]["id"].startswith("D") and "already_open" not in first.data
    second = await client.conversations_open(users=[ANNA], return_im=True)
    assert second["already_open"] and second["channel"]["user"] == ANNA
    assert second["channel"]["is_im"] is True
    assert (await error_of(client.conversations_open(users="U0NOBODY")))[
        "error"
    ] == "user_not_found"
    assert (await error_of(client.api_call("conversations.open")))[
        "error"
    ] == "users_list_not_supplied"
    group = await client.conversations_open(users=[ANNA, BO])
    assert group["channel"]["id"].startswith("G")


async def test_conversations_info(client: AsyncWebClient) -> None:
    info = await client.conversations_info(channel=GENERAL, include_num_members=True)
    channel = info["channel"]
    assert channel["name"] == "general" and channel["is_channel"] and channel["is_member"]
    assert channel["num_members"] == 3  # Anna, Bo and the bot
    dm = (await client.conversations_open(users=ANNA))["channel"]["id"]
    assert (await client.conversations_info(channel=dm))["channel"]["user"] == ANNA
    assert (await error_of(client.conversations_info(channel="C0NOPE")))[
        "error"
    ] == "channel_not_found"


async def test_users_info(client: AsyncWebClient) -> None:
    plain = (await client.users_info(user=ANNA))["user"]
    assert plain["name"] == "anna" and plain["real_name"] == "Anna Jensen"
    assert plain["profile"]["email"] == "anna@kommune.dk" and "locale" not in plain
    assert plain["tz"] == "Europe/Copenhagen" and plain["tz_offset"] in (3600, 7200)
    bo = (await client.users_info(user=BO, include_locale=True))["user"]
    assert bo["locale"] == "en-US" and bo["tz"] == "Europe/London"
    bot = (await client.users_info(user="U0TOVBOT"))["user"]
    assert bot["is_bot"] and bot["profile"]["bot_id"] == "B0TOVBOT"
    assert (await error_of(client.users_info(user="U0NOBODY")))["error"] == "user_not_found"


async def test_users_lookup_by_email(client: AsyncWebClient) -> None:
    found = await client.users_lookupByEmail(email="Anna@Kommune.dk")
    assert found["user"]["id"] == ANNA
    missing = client.users_lookupByEmail(email="nobody@kommune.dk")
    assert (await error_of(missing))["error"] == "users_not_found"


# -- views ---------------------------------------------------------------------------


async def test_views_open_returns_slacks_view_object(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    trigger = standin.issue_trigger_id(ANNA)
    view = (await client.views_open(trigger_id=trigger, view=MODAL))["view"]
    assert set(view) >= {
        "id",
        "team_id",
        "type",
        "blocks",
        "private_metadata",
        "callback_id",
        "state",
        "hash",
        "title",
        "submit",
        "close",
        "root_view_id",
        "previous_view_id",
        "app_id",
        "bot_id",
        "external_id",
        "notify_on_close",
        "clear_on_close",
    }
    assert view["state"] == {"values": {}} and view["root_view_id"] == view["id"]
    assert view["callback_id"] == "signup" and view["app_id"] == "A0TOVHOLD"
    assert [v["id"] for v in standin.open_views(ANNA)] == [view["id"]]


async def test_trigger_ids_are_single_use_and_expire() -> None:
    clock = FakeClock()
    async with SlackStandIn(clock=clock) as standin:
        populate(standin)
        client = AsyncWebClient(token=STANDIN_BOT_TOKEN, base_url=standin.api_url)
        trigger = standin.issue_trigger_id(ANNA)
        await client.views_open(trigger_id=trigger, view=MODAL)
        reused = client.views_open(trigger_id=trigger, view=MODAL)
        assert (await error_of(reused))["error"] == "exchanged_trigger_id"
        made_up = client.views_open(trigger_id="123.456.abc", view=MODAL)
        assert (await error_of(made_up))["error"] == "invalid_trigger_id"
        late = standin.issue_trigger_id(ANNA)
        clock.advance(3.5)
        expired = client.views_open(trigger_id=late, view=MODAL)
        assert (await error_of(expired))["error"] == "expired_trigger_id"


async def test_views_push_stops_at_three(client: AsyncWebClient, standin: SlackStandIn) -> None:
    root = (await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=MODAL))["view"]
    pushed = []
    for _ in range(2):
        response = await client.views_push(trigger_id=standin.issue_trigger_id(ANNA), view=MODAL)
        pushed.append(response["view"])
    assert pushed[0]["previous_view_id"] == root["id"] and pushed[1]["root_view_id"] == root["id"]
    fourth = client.views_push(trigger_id=standin.issue_trigger_id(ANNA), view=MODAL)
    assert (await error_of(fourth))["error"] == "push_limit_reached"
    assert len(standin.open_views(ANNA)) == 3


async def test_views_update_by_id_external_id_and_hash(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    spec = {**MODAL, "external_id": "signup-anna"}
    opened = (await client.views_open(trigger_id=standin.issue_trigger_id(ANNA), view=spec))["view"]
    changed = {**spec, "title": {"type": "plain_text", "text": "Ændret"}}
    by_id = (await client.views_update(view_id=opened["id"], view=changed, hash=opened["hash"]))[
        "view"
    ]
    assert by_id["id"] == opened["id"] and by_id["hash"] != opened["hash"]
    stale = client.views_update(view_id=opened["id"], view=changed, hash=opened["hash"])
    assert (await error_of(stale))["error"] == "hash_conflict"
    by_external = await client.views_update(external_id="signup-anna", view=changed)
    assert by_external["view"]["id"] == opened["id"]
    missing = client.views_update(view_id="V0NOPE", view=changed)
    assert (await error_of(missing))["error"] == "not_found"


async def test_views_publish_home(client: AsyncWebClient, standin: SlackStandIn) -> None:
    first = (await client.views_publish(user_id=ANNA, view=HOME))["view"]
    assert first["type"] == "home"
    second = (await client.views_publish(user_id=ANNA, view=HOME, hash=first["hash"]))["view"]
    home = standin.home_view(ANNA)
    assert home is not None and home["hash"] == second["hash"]
    stale = client.views_publish(user_id=ANNA, view=HOME, hash=first["hash"])
    assert (await error_of(stale))["error"] == "hash_conflict"
    assert (await error_of(client.views_publish(user_id="U0NOBODY", view=HOME)))[
        "error"
    ] == "user_not_found"
    assert standin.home_view(BO) is None


# -- files ---------------------------------------------------------------------------


async def test_two_step_file_upload(client: AsyncWebClient, standin: SlackStandIn) -> None:
    response = await client.files_upload_v2(
        channel=GENERAL,
        content="navn;mail\nAnna;anna@kommune.dk\n",
        filename="eksport.csv",
        title="Eksport",
        initial_comment="Her er filen",
    )
    file_id = response["file"]["id"]
    assert response["file"]["title"] == "Eksport"
    assert standin.uploaded_file(file_id) == b"navn;mail\nAnna;anna@kommune.dk\n"
    shared = standin.messages(GENERAL)[-1]
    assert shared["text"] == "Her er filen" and shared["files"][0]["id"] == file_id
    methods = [c.method for c in standin.calls]
    assert methods[-3:] == [
        "files.getUploadURLExternal",
        "file_upload",
        "files.completeUploadExternal",
    ]


async def test_completing_an_upload_that_never_happened(client: AsyncWebClient) -> None:
    url = await client.files_getUploadURLExternal(filename="a.txt", length=3)
    never = client.files_completeUploadExternal(
        files=[{"id": url["file_id"], "title": "a"}], channel_id=GENERAL
    )
    assert (await error_of(never))["error"] == "file_not_found"


# -- socket mode URL ------------------------------------------------------------------


async def test_apps_connections_open_needs_the_app_token(standin: SlackStandIn) -> None:
    client = AsyncWebClient(base_url=standin.api_url)
    opened = await client.apps_connections_open(app_token=STANDIN_APP_TOKEN)
    assert opened["url"].startswith(f"ws://127.0.0.1:{standin.port}/socket-mode/")
    wrong = client.apps_connections_open(app_token=STANDIN_BOT_TOKEN)
    assert (await error_of(wrong))["error"] == "not_allowed_token_type"


# -- the call log --------------------------------------------------------------------


async def test_recording_marks_listeners_and_waiting(
    client: AsyncWebClient, standin: SlackStandIn
) -> None:
    heard: list[RecordedCall] = []
    unsubscribe = standin.subscribe(heard.append)
    await client.chat_postMessage(channel=GENERAL, text="før")
    mark = standin.mark()
    await error_of(client.chat_postMessage(channel="C0NOPE", text="efter"))
    since = standin.calls_since(mark)
    assert [(c.method, c.ok, c.error) for c in since] == [
        ("chat.postMessage", False, "channel_not_found")
    ]
    assert since[0].args == {"channel": "C0NOPE", "text": "efter"}
    unsubscribe()
    await client.auth_test()
    assert [c.method for c in heard] == ["chat.postMessage", "chat.postMessage"]
    found = await standin.wait_for("chat.postMessage", since=mark)
    assert found is since[0]
    with pytest.raises(TimeoutError, match=r"no views\.open call"):
        await standin.wait_for("views.open", within=0.01)


async def test_port_is_chosen_by_the_system() -> None:
    async with SlackStandIn() as one, SlackStandIn() as two:
        assert one.port != two.port
        assert one.api_url == f"http://127.0.0.1:{one.port}/api/"
