"""`/tool-guide`: a superuser finds the guide in their own words, and ambassadors write them."""

from __future__ import annotations

from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain.guides import GuideContent, GuideDraft
from bot.local import LocalSlack
from bot.services.guides import get_guide, guide_history, save_guide
from bot.standin import RecordedCall
from bot.views.guides import MORE, parse_more
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.e2e.odd_payloads import clicked
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
JENS = "U0DEMO002"  # leader


async def tool_guide(slack: LocalSlack, user: str, text: str = "") -> RecordedCall:
    mark = slack.standin.mark()
    result = await slack.driver.slash_command(user, "/tool-guide", text, channel_id=GENERAL)
    await slack.settle()
    assert result.status == 200
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    assert answer.args.get("response_type") == "ephemeral"
    return answer


async def click(
    slack: LocalSlack, user: str, action_id: str, value: str | None = None
) -> list[RecordedCall]:
    mark = slack.standin.mark()
    result = await slack.driver.click(user, action_id=action_id, value=value, channel_id=GENERAL)
    await slack.settle()
    assert result.status == 200
    calls = slack.standin.calls_since(mark)
    assert all(call.ok for call in calls), [call.errors for call in calls]
    return calls


def buttons(call: RecordedCall) -> dict[str, str]:
    """action_id → button text, for every button in the message."""
    found: dict[str, str] = {}
    for block in call.args.get("blocks", []):
        elements = block.get("elements", []) if block["type"] == "actions" else []
        if block.get("accessory"):
            elements = [*elements, block["accessory"]]
        for element in elements:
            if element["type"] == "button":
                found[element["action_id"]] = element["text"]["text"]
    return found


def menu(call: RecordedCall) -> dict[str, tuple[str, str]]:
    """action_id → (option text, the value of the button it stands for) for every option in
    the card's "Mere …" menu."""
    found: dict[str, tuple[str, str]] = {}
    for block in call.args.get("blocks", []):
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element.get("action_id") != MORE:
                continue
            for option in element["options"]:
                chosen = parse_more(option["value"])
                assert chosen is not None, option
                found[chosen[0]] = (option["text"]["text"], chosen[1])
    return found


async def choose(
    slack: LocalSlack, user: str, call: RecordedCall, action_id: str
) -> list[RecordedCall]:
    """Choose in the card's "Mere …" the option standing for `action_id`, as Slack sends an
    overflow choice (a block_actions with `selected_option`)."""
    (value,) = [v for v in option_values(call) if (parse_more(v) or ("",))[0] == action_id]
    mark = slack.standin.mark()
    result = await slack.driver.select(user, action_id=MORE, value=value, channel_id=GENERAL)
    await slack.settle()
    assert result.status == 200
    calls = slack.standin.calls_since(mark)
    assert all(call.ok for call in calls), [call.errors for call in calls]
    return calls


def option_values(call: RecordedCall) -> list[str]:
    """The values of the "Mere …" options, as Slack sends back the one chosen."""
    return [
        option["value"]
        for block in call.args.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
        if element.get("action_id") == MORE
        for option in element["options"]
    ]


def guide_id_of(call: RecordedCall) -> str:
    for block in call.args["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == "guide_show":
                return str(element["value"])
    raise AssertionError("no guide in the message")


async def test_a_misspelt_name_finds_the_guide_with_its_purpose_first(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, LINE, "bi-bot")
    blocks = answer.args["blocks"]
    assert blocks[0]["type"] == "header"
    # The title begins with the tool's name: the name once, not "Bee-Bot: Bee-Bot på …".
    assert blocks[0]["text"]["text"] == "Bee-Bot på gulvet – de første skridt i programmering"
    assert blocks[1]["text"]["text"].startswith("*Formål*\n")
    shown = texts(answer)
    assert "*Sådan gør I*" in shown
    assert "Status: Anbefalet" in shown
    assert "Ledelsen: Skal spredes (31. okt. 2026)" in shown
    assert "Sidst tjekket 30. nov. 2026" in shown
    assert "Læreplanstemaer:" in shown
    assert "guide_edit" not in {**buttons(answer), **menu(answer)}  # ambassadors write


async def test_the_card_has_the_four_reader_buttons_and_one_menu_for_a_superuser(
    slack: LocalSlack,
) -> None:
    answer = await tool_guide(slack, LINE, "bee-bot")
    (card_actions,) = [b for b in answer.args["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in card_actions["elements"]] == [
        "guide_show",
        "guide_sparring",
        "guide_share",
        "guide_helpful",
        MORE,
    ]
    assert card_actions["elements"][-1]["type"] == "overflow"
    assert [text for text, _ in menu(answer).values()] == [
        "Vi er i gang",
        "Vi bruger det",
        "Vi er stoppet",
    ]


async def test_an_ambassador_finds_edit_and_versions_in_the_menu(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, METTE, "bee-bot")
    assert {"guide_edit", "guide_history"} <= set(menu(answer))
    assert not {"guide_edit", "guide_history"} & set(buttons(answer))


async def test_english_speakers_read_it_in_english(slack: LocalSlack) -> None:
    shown = texts(await tool_guide(slack, OLIVER, "microscope"))
    assert "*Purpose*" in shown
    assert "Status: Recommended" in shown


@pytest.mark.parametrize(
    ("query", "tool"),
    [
        ("robotterne", "Bee-Bot"),
        ("mikroskob", "Digitalt mikroskop"),
        ("lave musik med frugt", "Makey Makey"),
        ("groen skaerm", "Green Screen by Do Ink"),
    ],
)
async def test_everyday_words_find_the_tool(slack: LocalSlack, query: str, tool: str) -> None:
    answer = await tool_guide(slack, LINE, query)
    shown = texts(answer)
    assert tool in shown, shown[:300]


async def test_nothing_found_offers_close_names_and_a_question(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, LINE, "kvantefysik")
    assert texts(answer).startswith("Jeg fandt ingen vejledning til »kvantefysik«.")
    assert buttons(answer)["sparring_ask"] == "Spørg netværket"
    await click(slack, LINE, "sparring_ask")
    (modal,) = slack.standin.open_views(LINE)
    assert modal["title"]["text"] == "Spørg netværket"
    question = next(b for b in modal["blocks"] if b["block_id"] == "question")
    assert question["element"]["initial_value"] == "kvantefysik"


@pytest.mark.parametrize(
    "query",
    ["", " ", "*", '"', "NEAR OR AND", '"unbalanced', "🤖🤖", "x" * 5000, "<!channel> ?!"],
)
async def test_any_text_gets_an_answer(slack: LocalSlack, query: str) -> None:
    answer = await tool_guide(slack, LINE, query)
    assert texts(answer)
    assert "<!channel>" not in texts(answer)


async def test_show_the_whole_guide(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, LINE, "bee-bot")
    calls = await click(slack, LINE, "guide_show", guide_id_of(answer))
    (whole,) = [c for c in calls if c.method == "response_url"]
    assert whole.args["replace_original"] is False
    detail = await get_guide(slack.bot.db, "bee-bot")
    assert detail is not None
    last_line = detail.current.content.body.strip().splitlines()[-1].lstrip("-* ").strip()
    assert last_line[:30] in texts(whole)


async def test_share_posts_the_short_card_with_one_button_to_read_the_rest(
    slack: LocalSlack,
) -> None:
    answer = await tool_guide(slack, METTE, "bee-bot")
    await click(slack, METTE, "guide_share", guide_id_of(answer))
    (post,) = slack.standin.calls_to("chat.postMessage")
    assert post.args["channel"] == GENERAL
    shown = texts(post)
    assert f"Delt af <@{METTE}>" in shown
    assert "*Formål*\nBørnene lærer at tænke i rækkefølger" in shown
    assert "1. Lad bien lade op aftenen før." in shown
    assert "3. Vis børnene knapperne" in shown
    assert "4. Start med ét skridt" not in shown  # the first three steps, not the guide
    assert "Tips" not in shown and "Faldgruber" not in shown
    assert "Vejledningen fortsætter" in shown
    assert "Status:" not in shown and "I brug i" not in shown  # the reader's own, not shared
    assert buttons(post) == {"guide_show": "Vis hele vejledningen"}
    assert menu(post) == {}
    assert slack.standin.messages(GENERAL)[-1]["ts"] == post.response["ts"]
    # Someone in the channel reads the whole guide from the post.
    mark = slack.standin.mark()
    await slack.driver.click(
        LINE, action_id="guide_show", channel_id=GENERAL, message_ts=post.response["ts"]
    )
    await slack.settle()
    (whole,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "4. Start med ét skridt" in texts(whole) and "*Faldgruber*" in texts(whole)


async def test_helpful_counts_once_per_person(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, LINE, "bee-bot")
    guide_id = guide_id_of(answer)

    def said(calls: list[RecordedCall]) -> str:
        (thanks,) = [c for c in calls if c.method == "response_url"]
        return texts(thanks)

    first = said(await click(slack, LINE, "guide_helpful", guide_id))
    assert "Tak! Du er den første, der har sagt, at vejledningen er nyttig." in first
    # The same person again is not thanked for a new vote.
    again = said(await click(slack, LINE, "guide_helpful", guide_id))
    assert "Du har allerede sagt, at den er nyttig." in again and "Tak" not in again
    await tool_guide(slack, METTE, "bee-bot")
    second = said(await click(slack, METTE, "guide_helpful", guide_id))
    assert "Tak! Nu har 2 personer sagt, at vejledningen er nyttig." in second
    assert "👍 2" in texts(await tool_guide(slack, METTE, "bee-bot"))


async def test_browse_shows_recommended_tools_first_and_narrows_by_theme(
    slack: LocalSlack,
) -> None:
    answer = await tool_guide(slack, LINE)
    blocks = answer.args["blocks"]
    assert blocks[0]["text"]["text"] == "Vejledninger til digitale redskaber"
    lines = [b["text"]["text"] for b in blocks if b.get("accessory")]
    assert len(lines) == 18
    assert all("_Anbefalet_" in line for line in lines[:3])
    assert "_Udfaset_" not in lines[0]
    mark = slack.standin.mark()
    await slack.driver.select(
        LINE, action_id="browse_theme", value="natur-udeliv-science", channel_id=GENERAL
    )
    await slack.settle()
    (narrowed,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert narrowed.ok, narrowed.errors
    assert narrowed.args["replace_original"] is True
    shown = texts(narrowed)
    assert "Viser *Natur, udeliv og science*" in shown
    assert "Digitalt mikroskop" in shown
    assert "Book Creator" not in shown  # a tool without that theme is left out
    assert shown.count("Åbn") == 7


# -- writing guides -------------------------------------------------------------------------


async def open_new_guide(slack: LocalSlack, user: str, text: str) -> RecordedCall | None:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tool-guide", text, channel_id=GENERAL)
    await slack.settle()
    answers = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    return answers[0] if answers else None


async def test_an_ambassador_writes_a_guide_with_field_errors_first(slack: LocalSlack) -> None:
    assert await open_new_guide(slack, METTE, "ny Lydmaskinen") is None
    (modal,) = slack.standin.open_views(METTE)
    assert modal["title"]["text"] == "Ny vejledning"
    tool = next(b for b in modal["blocks"] if b["block_id"] == "tool")
    assert tool["element"]["initial_value"] == "Lydmaskinen"
    values: dict[str, dict[str, Any]] = {
        "title": {"value": "Lyde fra legepladsen"},
        "purpose": {"value": "   "},
        "body_1": {"value": "## Sådan gør I\n- Gå ud\n- Optag tre lyde"},
        "themes": {"value": ["natur-udeliv-science"]},
        "age_groups": {"value": ["boernehave"]},
    }
    refused = await slack.driver.submit_view(METTE, values)
    await slack.settle()
    assert refused.json == {
        "response_action": "errors",
        "errors": {"purpose": "Skriv formålet: hvorfor skal børnene bruge redskabet?"},
    }
    values["purpose"] = {"value": "Børnene lytter efter lyde i naturen og sætter ord på dem."}
    await slack.driver.submit_view(METTE, values)
    await slack.settle()
    assert slack.standin.open_views(METTE) == []
    (receipt,) = slack.standin.calls_to("chat.postEphemeral")
    assert "Gemt: *Lydmaskinen* – Lyde fra legepladsen (version 1)." in texts(receipt)
    found = await tool_guide(slack, LINE, "lydmaskine")
    assert texts(found).startswith("Vejledning: Lydmaskinen – Lyde fra legepladsen")
    assert "Børnene lytter efter lyde i naturen" in texts(found)


async def test_an_edit_is_a_new_version_with_who_and_when(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, METTE, "bee-bot")
    await choose(slack, METTE, answer, "guide_edit")
    (modal,) = slack.standin.open_views(METTE)
    purpose = next(b for b in modal["blocks"] if b["block_id"] == "purpose")
    assert purpose["element"]["initial_value"].strip()
    await slack.driver.submit_view(
        METTE, {"purpose": {"value": "Børnene træner at give præcise beskeder til en robot."}}
    )
    await slack.settle()
    versions = await guide_history(slack.bot.db, "bee-bot")
    assert [v.version for v in versions] == [2, 1]
    assert versions[0].edited_by == await person_id(slack.bot.db, METTE)
    assert versions[1].content.body == versions[0].content.body  # the body survived the modal
    calls = await choose(slack, METTE, answer, "guide_history")
    (history,) = [c for c in calls if c.method == "response_url"]
    # Authors by name: the person, and the file the first version was imported from.
    assert "• Version 2 – 30. nov. 2026 – Mette Lund:" in texts(history)
    assert "• Version 1 – 30. nov. 2026 – importeret fra fil:" in texts(history)
    assert "cli" not in texts(history) and METTE not in texts(history)


async def test_saving_the_same_edit_twice_makes_no_new_version(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, METTE, "bee-bot")
    await choose(slack, METTE, answer, "guide_edit")
    await slack.driver.submit_view(METTE, {})
    await slack.settle()
    (receipt,) = slack.standin.calls_to("chat.postEphemeral")
    assert "Intet nyt at gemme" in texts(receipt)
    assert [v.version for v in await guide_history(slack.bot.db, "bee-bot")] == [1]


async def test_a_superuser_cannot_write_a_guide_and_is_told_who_can(slack: LocalSlack) -> None:
    answer = await open_new_guide(slack, LINE, "ny Bee-Bot")
    assert answer is not None
    assert slack.standin.open_views(LINE) == []
    assert "ambassadør" in texts(answer)
    assert f"<@{ANNETTE}>" in texts(answer)


async def test_hostile_text_in_a_guide_is_shown_literally(slack: LocalSlack) -> None:
    await open_new_guide(slack, METTE, "ny <!channel> bot")
    await slack.driver.submit_view(
        METTE,
        {
            "title": {"value": "<@U0DEMO001> <https://evil.example|bank>"},
            "purpose": {"value": "<!here> & <#C0GENERAL>"},
        },
    )
    await slack.settle()
    answer = await tool_guide(slack, LINE, "channel bot")
    header_text = answer.args["blocks"][0]["text"]["text"]
    assert header_text.startswith("<!channel> bot: ")  # plain_text: Slack shows it literally
    mrkdwn = "\n".join(
        b["text"]["text"] for b in answer.args["blocks"] if b["type"] == "section" and "text" in b
    )
    for hostile in ("<!here>", "<#C0GENERAL>", "<@U0DEMO001>", "<https://evil.example|bank>"):
        assert hostile not in mrkdwn
    assert "&lt;!here&gt; &amp; &lt;#C0GENERAL&gt;" in mrkdwn


@pytest.mark.parametrize(("paragraphs", "messages"), [(60, 1), (1500, 2)])
async def test_a_long_guide_is_split_within_slacks_limits_and_nothing_is_cut(
    slack: LocalSlack, clock: ManualClock, paragraphs: int, messages: int
) -> None:
    body = "\n\n".join(
        f"Afsnit {number}: børnene prøver igen og igen, og den voksne venter." * 2
        for number in range(paragraphs)
    )
    content = GuideContent(title="Meget lang", purpose="At vise alt.", body=body)
    draft = GuideDraft(slug="lang", tool="Langbot", content=content)
    await save_guide(slack.bot.db, clock, draft, editor="cli")
    answer = await tool_guide(slack, LINE, "langbot")
    assert "Vejledningen fortsætter" in texts(answer)
    calls = await click(slack, LINE, "guide_show", guide_id_of(answer))
    parts = [c for c in calls if c.method == "response_url"]
    assert len(parts) == messages
    shown = "\n".join(texts(part) for part in parts)
    for part in parts:
        assert len(part.args["blocks"]) <= 50
        assert all(len(b["text"]["text"]) <= 3000 for b in part.args["blocks"] if "text" in b)
    for number in range(paragraphs):
        assert f"Afsnit {number}: " in shown
    if messages > 1:
        assert f"Del {messages} af {messages}" in shown


# -- the card by role and state (issue 18.2) -------------------------------------------------


async def test_a_leader_reads_and_shares_but_is_not_offered_to_ask_an_ambassador(
    slack: LocalSlack,
) -> None:
    card = await tool_guide(slack, JENS, "bee-bot")  # recommended: a decision may be kept
    assert list(buttons(card)) == ["guide_show", "guide_share", "guide_helpful"]
    assert [text for text, _ in menu(card).values()] == ["Ledelsens beslutning …"]
    under_test = await tool_guide(slack, JENS, "ozobot")
    assert "guide_sparring" not in buttons(under_test) and menu(under_test) == {}


@pytest.mark.parametrize(
    ("action_id", "refused"),
    [
        ("guide_edit", "skrive vejledninger"),
        ("test_start_open", "starte afprøvninger"),
        ("guide_decide", "registrere ledelsens beslutninger"),
        ("training_plan", "planlægge oplæringer"),
    ],
)
async def test_an_option_the_card_did_not_offer_meets_the_same_refusal_as_the_button(
    slack: LocalSlack, action_id: str, refused: str
) -> None:
    """A forged "Mere …" choice by a superuser: the listener of the button checks the role."""
    card = await tool_guide(slack, LINE, "bee-bot")
    assert action_id not in menu(card)
    detail = await get_guide(slack.bot.db, "bee-bot")
    assert detail is not None
    target = detail.guide.id if action_id.startswith("guide") else detail.tool.id
    option = {"text": {"type": "plain_text", "text": "Ret"}, "value": f"{action_id}|{target}"}
    payload = clicked(
        slack,
        LINE,
        [{"type": "overflow", "action_id": MORE, "block_id": "b", "selected_option": option}],
    )
    mark = slack.standin.mark()
    result = await slack.driver.post_json(payload, interactive=True)
    await slack.settle()
    assert result.status == 200
    calls = slack.standin.calls_since(mark)
    assert all(call.ok for call in calls)
    assert slack.standin.open_views(LINE) == []
    (answer,) = [c for c in calls if c.method == "response_url"]
    assert "Det er kun" in texts(answer) and refused in texts(answer)
    assert not await slack.bot.db.fetchall(
        "SELECT 1 FROM tool_decisions WHERE recorded_by = ?",
        (await person_id(slack.bot.db, LINE),),
    )
