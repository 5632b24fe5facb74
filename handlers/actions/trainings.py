"""The training buttons: "Planlæg oplæring" on a guide card and in the nudge about a quiet
new superuser, "Jeg kommer" / "Jeg kan ikke" wherever they are shown, and an ambassador's
"Fremmøde" (also in the reminder the day after), "Flyt" and "Aflys"."""

from __future__ import annotations

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
from handlers.reply import Reply
from handlers.views.trainings import open_plan


@requires(Action.PLAN_TRAININGS)
async def plan_from_card(click: Click, reply: Reply, services: Services) -> None:
    """The guide card's "Planlæg oplæring": the plan modal with the card's tool chosen."""
    await open_plan(
        reply,
        services,
        click.lang,
        click.person,
        tool_id=as_int(click.value),
        channel_id=conversation_id(click.where),
    )


@requires(Action.PLAN_TRAININGS)
async def plan_for_superuser(click: Click, reply: Reply, services: Services) -> None:
    """The onboarding nudge's "Planlæg oplæring": the plan modal with the new superuser's
    area chosen (when the clicker may plan there)."""
    await open_plan(
        reply,
        services,
        click.lang,
        click.person,
        area_id=await home_area_id(services.db, as_int(click.value) or 0),
        channel_id=conversation_id(click.where),
    )


async def sign_up(click: Click, reply: Reply, services: Services) -> None:
    """ "Jeg kommer" / "Jeg kan ikke": saved; the receipt below the clicked message (by DM
    from the home page, which is then published again with the answer)."""
    lang = click.lang
    person = click.person
    training_id = as_int(click.value)
    choice = "yes" if click.action_id == YES else "no"
    if training_id is None:
        await reply.private(text_message(t(lang, "training.gone")))
        return
    result = await answer(
        services.db,
        services.clock,
        services.settings.calendar,
        person,
        training_id,
        choice,
    )
    message = answer_message(
        lang, result.outcome, result.training, result.answer, services.settings.tz
    )
    await reply.private(message)
    if click.on_home:
        await publish_home(services, click.person, lang)


async def open_attendance(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    training_id = as_int(click.value) or 0
    try:
        training, coming = await attendance_form(
            services.db, services.clock, click.person, training_id
        )
    except TrainingRefused:
        await reply.private(text_message(t(lang, "training.error.not_started")))
        return
    except LookupError:
        await reply.private(text_message(t(lang, "training.gone")))
        return
    form = attendance_modal(lang, training, coming, await names(services.db), services.settings.tz)
    await reply.open_form(form)


async def open_move(click: Click, reply: Reply, services: Services) -> None:
    """ "Flyt": the plan modal, prefilled. Only the training's ambassador or a coordinator."""
    lang = click.lang
    person = click.person
    training = await get_training(services.db, as_int(click.value) or 0)
    if training is None:
        await reply.private(text_message(t(lang, "training.gone")))
        return
    if training.state != "planned":
        await reply.private(text_message(t(lang, "training.not_planned")))
        return
    if not await may_change(services.db, person, training):
        raise NotAllowed(Action.MANAGE_TRAININGS)
    await open_plan(
        reply,
        services,
        lang,
        click.person,
        training=training,
        channel_id=conversation_id(click.where),
    )


async def cancel(click: Click, reply: Reply, services: Services) -> None:
    """ "Aflys" (after the button's confirmation): cancelled, and everyone coming is told."""
    lang = click.lang
    try:
        training, changed = await cancel_training(
            services.db,
            services.clock,
            services.settings.calendar,
            click.person,
            as_int(click.value) or 0,
        )
    except LookupError:
        await reply.private(text_message(t(lang, "training.gone")))
        return
    await reply.private(cancelled_receipt(lang, training, services.settings.tz, changed=changed))
