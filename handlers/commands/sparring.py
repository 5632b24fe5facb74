"""`/sparring <question>` asks (after "maybe one of these helps?"), `/sparring` alone opens
the modal, and `/sparring mine` lists the asker's questions that are not solved yet."""

from __future__ import annotations

from bot.i18n import t
from bot.services.sparring import QuestionProblem, ask, open_questions
from bot.views.help import text_message
from bot.views.sparring_handling import my_questions
from handlers.commands.dispatch import CommandCall
from handlers.sparring_delivery import present
from handlers.views.sparring import open_sparring


async def sparring_command(call: CommandCall) -> None:
    """A question (a CPR number in it: nothing stored, nothing posted, the guard says so);
    nothing typed: the modal."""
    services, lang = call.services, call.lang
    if not call.text.strip():
        await open_sparring(call.reply, services, lang, channel_id=call.channel_id)
        return
    try:
        routing = await ask(
            services.db,
            services.clock,
            request_key=f"command:{call.trigger_id}",
            asker_id=call.person,
            text=call.text,
            tool_id=None,
        )
    except QuestionProblem as problem:
        await call.say(text_message(t(lang, problem.key, **problem.params)))
        return
    await call.say(await present(services, routing, lang))


async def my_questions_command(call: CommandCall) -> None:
    found = await open_questions(call.services.db, asker=call.person, with_answered=True)
    await call.say(my_questions(call.lang, found, call.services.settings.tz))
