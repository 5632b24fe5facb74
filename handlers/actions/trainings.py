"""The training buttons: "Planlæg oplæring" on a guide card and in the nudge about a quiet
new superuser, "Jeg kommer" / "Jeg kan ikke" wherever they are shown, and an ambassador's
"Fremmøde" (also in the reminder the day after), "Flyt" and "Aflys"."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.permissions import Action, requires
from bot.services.trainings import (
    TrainingRefused,
    answer,
    attendance_form,
    cancel_training,
    get_training,
    home_area_id,
    may_change,
    names,
)
from bot.views.help import text_message
from bot.views.trainings import (
    YES,
    answer_message,
    attendance_modal,
    cancelled_receipt,
)
from handlers.events.home import publish_home
from handlers.interactions import Click, as_int, conversation_id
from handlers.slack import render_form
from handlers.slack.replies import answer_click, private
from handlers.views.trainings import open_plan


@requires(Action.PLAN_TRAININGS)
async def plan_from_card(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The guide card's "Planlæg oplæring": the plan modal with the card's tool chosen."""
    await open_plan(
        client,
        services,
        click.lang,
        click.trigger,
        click.external_id,
        tool_id=as_int(click.value),
        channel_id=conversation_id(click.where),
    )


@requires(Action.PLAN_TRAININGS)
async def plan_for_superuser(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The onboarding nudge's "Planlæg oplæring": the plan modal with the new superuser's
    area chosen (when the clicker may plan there)."""
    await open_plan(
        client,
        services,
        click.lang,
        click.trigger,
        click.external_id,
        area_id=await home_area_id(services.db, click.value),
        channel_id=conversation_id(click.where),
    )


async def sign_up(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """ "Jeg kommer" / "Jeg kan ikke": saved; the receipt below the clicked message (by DM
    from the App Home, which is then published again with the answer)."""
    lang = click.lang
    user_id = click.external_id
    training_id = as_int(click.value)
    choice = "yes" if click.action_id == YES else "no"
    if training_id is None:
        await answer_click(
            respond, services.messenger, user_id, text_message(t(lang, "training.gone"))
        )
        return
    result = await answer(
        services.db,
        services.clock,
        services.settings.calendar,
        user_id,
        training_id,
        choice,
    )
    message = answer_message(
        lang, result.outcome, result.training, result.answer, services.settings.tz
    )
    await answer_click(respond, services.messenger, user_id, message)
    if click.on_home:
        await publish_home(client, services, user_id, lang)


async def open_attendance(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    training_id = as_int(click.value) or 0
    try:
        training, coming = await attendance_form(
            services.db, services.clock, click.external_id, training_id
        )
    except TrainingRefused:
        await private(respond, text_message(t(lang, "training.error.not_started")))
        return
    except LookupError:
        await private(respond, text_message(t(lang, "training.gone")))
        return
    form = attendance_modal(lang, training, coming, await names(services.db), services.settings.tz)
    await client.views_open(trigger_id=click.trigger, view=render_form.modal(form))


async def open_move(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """ "Flyt": the plan modal, prefilled. Only the training's ambassador or a coordinator."""
    lang = click.lang
    user_id = click.external_id
    training = await get_training(services.db, as_int(click.value) or 0)
    if training is None:
        await private(respond, text_message(t(lang, "training.gone")))
        return
    if training.state != "planned":
        await private(respond, text_message(t(lang, "training.not_planned")))
        return
    if not await may_change(services.db, user_id, training):
        raise NotAllowed(Action.MANAGE_TRAININGS)
    await open_plan(
        client,
        services,
        lang,
        click.trigger,
        user_id,
        training=training,
        channel_id=conversation_id(click.where),
    )


async def cancel(ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services) -> None:
    """ "Aflys" (after Slack's confirm dialog): cancelled, and everyone coming is told."""
    lang = click.lang
    try:
        training, changed = await cancel_training(
            services.db,
            services.clock,
            services.settings.calendar,
            click.external_id,
            as_int(click.value) or 0,
        )
    except LookupError:
        await private(respond, text_message(t(lang, "training.gone")))
        return
    await private(respond, cancelled_receipt(lang, training, services.settings.tz, changed=changed))
