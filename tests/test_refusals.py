"""Every refusal reaches the person the same way, whoever raised it: the one guard
(`handlers.slack.guard.guard`) maps `NotAllowed`, `FormRefused` and `ContainsCpr` by class to
what the person sees, on every surface (a command, a click, a click on the App Home, a
shortcut, a form), and a handler's declared `requires` is checked there too."""

from __future__ import annotations

import ast
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.clock import ManualClock
from bot.errors import ContainsCpr, FormRefused, NotAllowed
from bot.i18n import t
from bot.lifecycle import RunningBot
from bot.runtime import Services
from bot.services.adoption import AdoptionRefused
from bot.services.area_evaluations import EvaluationRefused
from bot.services.guides import HandOverRefused
from bot.services.permissions import OWN_REFUSAL, Action, requires
from bot.services.spreading import AnswerRefused
from bot.services.tool_tests import Refused
from bot.services.trainings import TrainingRefused
from bot.settings import parse_settings
from bot.views.help import text_message
from handlers.slack import render
from handlers.slack.guard import guard
from handlers.slack.replies import refusal

ROOT = Path(__file__).resolve().parents[1]
USER = "U0NOBODY"  # not in the organisation: may do nothing but read and ask


@pytest.fixture
async def services(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Services]:
    settings = parse_settings(
        {
            "TOVHOLDER_DB": str(tmp_path / "tovholder.db"),
            "SLACK_BOT_TOKEN": "xoxb-never-used",
            "SLACK_SIGNING_SECRET": "never-used",
        },
        "http",
    )
    bot = await RunningBot.start(settings, clock, schedule=False)
    yield bot.app.services
    await bot.stop()


class Respond:
    """Slack's response_url, as Bolt's `respond` posts to it (None on the App Home)."""

    def __init__(self, response_url: str | None) -> None:
        self.response_url = response_url
        self.sent: list[dict[str, Any]] = []

    async def __call__(self, **message: Any) -> None:
        self.sent.append(message)


class Client:
    """The Web API calls a refusal may make: a DM."""

    def __init__(self) -> None:
        self.posted: list[dict[str, Any]] = []

    async def chat_postMessage(self, **message: Any) -> None:
        self.posted.append(message)


#: Each surface: its payload type, whether it has a response URL, and who acks.
SURFACES: dict[str, tuple[dict[str, Any], str | None]] = {
    "command": ({"command": "/tovholder", "user_id": USER}, "https://hooks/cmd"),
    "click": ({"type": "block_actions", "user": {"id": USER}}, "https://hooks/click"),
    "home click": ({"type": "block_actions", "user": {"id": USER}}, None),
    "shortcut": ({"type": "message_action", "user": {"id": USER}}, "https://hooks/short"),
    "form": ({"type": "view_submission", "user": {"id": USER}}, None),
}


def new_ack() -> AsyncAck:
    return AsyncAck()  # type: ignore[no-untyped-call]


async def run(
    services: Services, surface: str, raised: Exception
) -> tuple[AsyncAck, Respond, Client]:
    body, url = SURFACES[surface]

    async def listener(ack: AsyncAck, body: dict[str, Any]) -> None:
        raise raised

    guarded = guard(services, listener, acks="own" if surface == "form" else "first")
    ack, respond, client = new_ack(), Respond(url), Client()
    context = AsyncBoltContext()
    context["lang"] = "da"
    await guarded(ack=ack, body=body, context=context, client=client, respond=respond)
    return ack, respond, client


async def expected(services: Services, action: Action) -> dict[str, Any]:
    own = OWN_REFUSAL.get(action)
    return (
        render.message(text_message(t("da", own))) if own else await refusal(services, "da", action)
    )


async def test_every_not_allowed_reaches_the_person_as_its_refusal(services: Services) -> None:
    """Each action on each surface (one bot for all: starting one per case is slow)."""
    for action in Action:
        message = await expected(services, action)
        for surface in SURFACES:
            ack, respond, client = await run(services, surface, NotAllowed(action))
            case = f"{action} by {surface}"
            if surface in ("command", "shortcut"):
                assert respond.sent == [{"response_type": "ephemeral", **message}], case
                assert client.posted == [], case
            elif surface == "click":
                kept = {"response_type": "ephemeral", "replace_original": False}
                assert respond.sent == [{**kept, **message}], case
                assert client.posted == [], case
            else:  # no response URL (the App Home), or a form: it closes; the refusal is a DM
                assert respond.sent == [], case
                assert client.posted == [{"channel": USER, **message}], case
            if surface == "form":
                assert ack.response is not None and ack.response.body == "", case


async def test_a_declared_permission_is_refused_before_the_handler_runs(
    services: Services,
) -> None:
    ran: list[str] = []

    @requires(Action.RUN_TOOL_TESTS)
    async def start(body: dict[str, Any]) -> None:
        ran.append("start")

    respond, client = Respond("https://hooks/click"), Client()
    context = AsyncBoltContext()
    context["lang"] = "da"
    body, _ = SURFACES["click"]
    await guard(services, start)(
        ack=new_ack(), body=body, context=context, client=client, respond=respond
    )
    assert ran == []
    message = await expected(services, Action.RUN_TOOL_TESTS)
    assert respond.sent == [{"response_type": "ephemeral", "replace_original": False, **message}]


def answered(ack: AsyncAck) -> Any:
    assert ack.response is not None
    return json.loads(ack.response.body)


async def test_a_form_refusal_is_shown_at_its_fields(services: Services) -> None:
    refused = FormRefused({"when": ("training.error.past", {})})
    ack, respond, client = await run(services, "form", refused)
    errors = {"when": t("da", "training.error.past")}
    assert answered(ack) == {"response_action": "errors", "errors": errors}
    assert respond.sent == [] and client.posted == []


async def test_a_cpr_number_is_a_field_error_in_a_form_and_not_saved_elsewhere(
    services: Services,
) -> None:
    found = ContainsCpr("worked", ("230415-XXXX",))
    ack, _, _ = await run(services, "form", found)
    field = t("da", "privacy.cpr_field", masked="230415-XXXX", count=1)
    assert answered(ack) == {"response_action": "errors", "errors": {"worked": field}}
    _, respond, _ = await run(services, "command", found)
    not_saved = render.message(
        text_message(t("da", "privacy.cpr_not_saved", masked="230415-XXXX", count=1))
    )
    assert respond.sent == [{"response_type": "ephemeral", **not_saved}]


def _raised_not_allowed() -> list[tuple[str, ast.expr | None]]:
    """Each `raise NotAllowed(…)` in the product code, with its argument."""
    found: list[tuple[str, ast.expr | None]] = []
    for package in ("bot", "handlers"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    call = node.exc
                    if isinstance(call.func, ast.Name) and call.func.id == "NotAllowed":
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        found.append((where, call.args[0] if call.args else None))
    return found


def test_every_not_allowed_raised_names_a_declared_action() -> None:
    """So the guard can always say who may (or the scoped action's own text)."""
    raised = _raised_not_allowed()
    assert len(raised) >= 15
    for where, argument in raised:
        if isinstance(argument, ast.Name):  # re-raised from a declaration (`needs`, …)
            continue
        assert isinstance(argument, ast.Attribute), where
        assert isinstance(argument.value, ast.Name) and argument.value.id == "Action", where
        assert argument.attr in Action.__members__, where


@pytest.mark.parametrize("action", list(Action))
def test_every_refusal_has_its_words(action: Action) -> None:
    for lang in ("da", "en"):
        if action in OWN_REFUSAL:
            assert t(lang, OWN_REFUSAL[action]) != OWN_REFUSAL[action]
        else:
            assert t(lang, f"permission.{action.value}") != f"permission.{action.value}"


def test_the_services_form_refusals_are_form_refusals() -> None:
    """So the guard shows each at its field: nothing words them by hand."""
    refused = HandOverRefused("nudge.hand_over_not_yours")
    assert isinstance(refused, FormRefused)
    assert refused.errors == {"owner": ("nudge.hand_over_not_yours", {})}
    for kind in (TrainingRefused, AdoptionRefused, AnswerRefused, EvaluationRefused, Refused):
        assert issubclass(kind, FormRefused), kind
