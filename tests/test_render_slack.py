"""The Slack renderer: neutral messages and forms as Block Kit within Slack's limits, with
every text escaped exactly once and mention tokens turned into Slack mentions."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.standin.blockkit import check_message, validate_view
from bot.views.model import (
    Actions,
    Button,
    ChoiceField,
    Confirm,
    Context,
    DateField,
    Divider,
    Form,
    Heading,
    HomePage,
    Message,
    MultiChoiceField,
    NumberField,
    Option,
    OptionGroup,
    Overflow,
    PeopleField,
    Select,
    Text,
    TextField,
    TimeField,
)
from bot.views.text import channel, literal, markdown, mention
from handlers.slack import render, render_form
from handlers.slack.markdown import to_mrkdwn

HOSTILE = "<!channel> <@U0123> <#C0123> <https://evil.example|bank> Leg &amp; Læring **x**"


def test_neutral_markdown_becomes_mrkdwn() -> None:
    assert to_mrkdwn("**Vejledning** er _klar_: [Åbn](https://x.dk/a) `kode`") == (
        "*Vejledning* er _klar_: <https://x.dk/a|Åbn> `kode`"
    )


def test_a_mention_token_becomes_the_slack_mention_of_the_person() -> None:
    assert to_mrkdwn(f"Spurgt af {mention(42)}", {"42": "U042"}) == "Spurgt af <@U042>"
    assert to_mrkdwn(f"Spurgt af {mention('U7')}") == "Spurgt af <@U7>"


def test_person_written_text_through_literal_is_shown_as_written_escaped_once() -> None:
    shown = to_mrkdwn(f"**Spørgsmål:** {literal(HOSTILE)}")
    assert shown == (
        "*Spørgsmål:* &lt;!channel&gt; &lt;@U0123&gt; &lt;#C0123&gt; "
        "&lt;https://evil.example|bank&gt; Leg &amp;amp; Læring **x**"
    )


def test_a_mention_cannot_be_forged_in_literal_text() -> None:
    assert "<@" not in to_mrkdwn(literal(mention(42)), {"42": "U042"})


def test_a_channel_token_becomes_a_link_to_the_channel() -> None:
    assert to_mrkdwn(f"Spørgsmål går til {channel('C0SPARRING')}") == (
        "Spørgsmål går til <#C0SPARRING>"
    )


def test_a_guide_body_keeps_its_formatting_but_mentions_nobody() -> None:
    body = markdown("**Trin 1** <@U1> og <#C1>, `<@U2>`\n```\n<@U3>\n```")
    assert to_mrkdwn(body, {"U1": "U9"}) == (
        "*Trin 1* &lt;@U1&gt; og &lt;#C1&gt;, `&lt;@U2&gt;`\n```\n&lt;@U3&gt;\n```"
    )


def test_a_message_is_its_notification_text_and_its_blocks() -> None:
    view = Message(
        text=f"Ny vejledning fra {mention('U1')}",
        parts=(
            Heading("Tavle & farver"),
            Text("**Hej**", accessory=Button("open", "Åbn", "7")),
            Context("3 dagtilbud"),
            Divider(),
            Actions(
                (
                    Button(
                        "decide",
                        "Godkend",
                        "7",
                        style="primary",
                        confirm=Confirm("Sikker?", "Godkend Tavle?", "Ja", "Nej"),
                    ),
                    Select("pick", "Vælg", (Option("A", "a"), Option("B", "b")), initial="b"),
                    Overflow("more", (Option("Del", "share"),)),
                ),
                id="row",
            ),
        ),
    )
    payload = render.message(view)
    assert payload["text"] == "Ny vejledning fra <@U1>"
    assert payload["blocks"] == [
        {"type": "header", "text": {"type": "plain_text", "text": "Tavle & farver"}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "*Hej*"},
            "accessory": {
                "type": "button",
                "text": {"type": "plain_text", "text": "Åbn"},
                "action_id": "open",
                "value": "7",
            },
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "3 dagtilbud"}]},
        {"type": "divider"},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Godkend"},
                    "action_id": "decide",
                    "value": "7",
                    "style": "primary",
                    "confirm": {
                        "title": {"type": "plain_text", "text": "Sikker?"},
                        "text": {"type": "plain_text", "text": "Godkend Tavle?"},
                        "confirm": {"type": "plain_text", "text": "Ja"},
                        "deny": {"type": "plain_text", "text": "Nej"},
                    },
                },
                {
                    "type": "static_select",
                    "action_id": "pick",
                    "placeholder": {"type": "plain_text", "text": "Vælg"},
                    "options": [
                        {"text": {"type": "plain_text", "text": "A"}, "value": "a"},
                        {"text": {"type": "plain_text", "text": "B"}, "value": "b"},
                    ],
                    "initial_option": {"text": {"type": "plain_text", "text": "B"}, "value": "b"},
                },
                {
                    "type": "overflow",
                    "action_id": "more",
                    "options": [{"text": {"type": "plain_text", "text": "Del"}, "value": "share"}],
                },
            ],
            "block_id": "row",
        },
    ]
    assert check_message(payload["text"], payload["blocks"]) is None


def test_a_message_without_parts_is_text_alone() -> None:
    assert render.message(Message("Gemt.")) == {"text": "Gemt."}


def test_long_text_is_split_into_sections_slack_accepts_with_nothing_lost() -> None:
    lines = [f"Linje {n}: " + "ord " * 30 for n in range(60)]
    payload = render.message(Message("lang", (Text("\n".join(lines)),)))
    texts = [block["text"]["text"] for block in payload["blocks"]]
    assert len(texts) > 1
    assert all(len(text) <= render.SECTION_TEXT_MAX for text in texts)
    assert "\n".join(texts) == "\n".join(line.rstrip() for line in lines)
    assert check_message(payload["text"], payload["blocks"]) is None


def test_labels_are_cut_to_slacks_limits_showing_the_cut() -> None:
    long = "x" * 400
    payload = render.message(
        Message(
            "t",
            (
                Heading(long),
                Actions((Button("b", long, "v" * 3000), Select("s", long, (Option(long, long),)))),
            ),
        )
    )
    header, actions = payload["blocks"]
    assert header["text"]["text"] == "x" * 149 + "…"
    button, select = actions["elements"]
    assert len(button["text"]["text"]) == 75 and button["text"]["text"].endswith("…")
    assert len(button["value"]) == 2000
    assert len(select["options"][0]["text"]["text"]) == 75
    assert len(select["options"][0]["value"]) == 150
    assert check_message(payload["text"], payload["blocks"]) is None


def test_more_blocks_than_a_message_holds_shows_the_first_fifty() -> None:
    payload = render.message(Message("t", (*(Divider() for _ in range(50)), Heading("sidst"))))
    assert len(payload["blocks"]) == 50
    assert payload["blocks"][-1] == {"type": "divider"}


def test_a_confirm_for_something_destructive_is_red() -> None:
    dialog = Confirm("Aflys?", "Aflys oplæringen?", "Ja", "Nej", danger=True)
    button = render.message(Message("t", (Actions((Button("c", "Aflys", "1", confirm=dialog),)),)))
    confirm = button["blocks"][0]["elements"][0]["confirm"]
    assert confirm["style"] == "danger"


def test_a_home_page_is_a_home_view() -> None:
    view = render.home(HomePage((Heading("Hjem"), Text(literal("<!here>")))))
    assert view == {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Hjem"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "&lt;!here&gt;"}},
        ],
    }


def test_a_form_is_a_modal_of_input_blocks_named_by_field() -> None:
    groups = (OptionGroup("Nord", (Option("Solsikken", "1"), Option("Mælkebøtten", "2"))),)
    form = Form(
        id="test_start",
        title="Start en afprøvning af et redskab",
        submit="Gem",
        close="Luk",
        metadata={"channel": "C1", "navn": "Æble"},
        parts=(
            Text("Udfyld **alt**."),
            TextField("question", "Spørgsmål", max_length=500, long=True, hint="Kort"),
            NumberField("seats", "Pladser", minimum=1, maximum=50, initial=12),
            DateField("day", "Dag", initial=date(2026, 12, 3)),
            TimeField("at", "Kl.", initial=time(9, 5)),
            ChoiceField("tool", "Redskab", options=(Option("Tavle", "3"),), initial="3"),
            ChoiceField("urgency", "Haster", options=(Option("Nej", "n"),), radio=True),
            MultiChoiceField("daycares", "Dagtilbud", groups=groups, initial=("2",)),
            MultiChoiceField("private", "Privat", options=(Option("Ja", "y"),), checkboxes=True),
            PeopleField("owner", "Ejer", optional=False),
            PeopleField("others", "Andre", many=True),
        ),
    )
    view = render_form.modal(form)
    assert view["type"] == "modal" and view["callback_id"] == "test_start"
    assert view["title"] == {"type": "plain_text", "text": "Start en afprøvning af …"}
    assert view["private_metadata"] == '{"channel": "C1", "navn": "Æble"}'
    intro, *inputs = view["blocks"]
    assert intro == {"type": "section", "text": {"type": "mrkdwn", "text": "Udfyld *alt*."}}
    assert [block["block_id"] for block in inputs] == [
        "question",
        "seats",
        "day",
        "at",
        "tool",
        "urgency",
        "daycares",
        "private",
        "owner",
        "others",
    ]
    assert {block["element"]["action_id"] for block in inputs} == {render_form.FIELD}
    elements = {block["block_id"]: block["element"] for block in inputs}
    assert elements["question"]["multiline"] is True
    assert elements["seats"]["initial_value"] == "12"
    assert elements["day"]["initial_date"] == "2026-12-03"
    assert elements["at"]["initial_time"] == "09:05"
    assert elements["tool"]["initial_option"]["value"] == "3"
    assert elements["urgency"]["type"] == "radio_buttons"
    assert elements["daycares"]["type"] == "multi_static_select"
    assert [o["value"] for o in elements["daycares"]["initial_options"]] == ["2"]
    assert elements["private"]["type"] == "checkboxes"
    assert elements["owner"]["type"] == "users_select"
    assert elements["others"]["type"] == "multi_users_select"
    assert validate_view(view) == []


def test_metadata_too_long_for_slack_is_refused() -> None:
    form = Form("f", "T", "Gem", "Luk", (), metadata={"text": "x" * 3000})
    with pytest.raises(ValueError, match="private_metadata"):
        render_form.modal(form)


def test_field_errors_keep_the_modal_open() -> None:
    assert render_form.refused({"day": "Vælg en dag"}) == {
        "response_action": "errors",
        "errors": {"day": "Vælg en dag"},
    }
