"""The welcome a new superuser gets, the note to their area's ambassadors, and the welcome
of a new ambassador with their area's open questions."""

from __future__ import annotations

from bot.i18n import t
from bot.services.help import help_list
from bot.services.onboarding import OPEN_SHOWN, AmbassadorWelcome, Welcome
from bot.views.guide_browse import OPEN
from bot.views.guides import ASK_NETWORK
from bot.views.help import command_lines, footer
from bot.views.model import Actions, Button, Context, Heading, Message, Part, Text
from bot.views.network import mentions
from bot.views.sparring_handling import open_questions
from bot.views.text import literal, mention


def welcome_message(lang: str, welcome: Welcome) -> Message:
    area, daycare = literal(welcome.area.name), literal(welcome.daycare.name)
    if welcome.ambassadors:
        key = "welcome.ambassadors" if len(welcome.ambassadors) > 1 else "welcome.ambassador"
        ambassadors = t(lang, key, area=area, names=mentions(welcome.ambassadors))
    else:
        who = mentions(welcome.coordinators) or t(lang, "network.no_coordinator")
        ambassadors = t(lang, "welcome.no_ambassador", area=area, coordinators=who)
    shown = help_list(welcome.superuser)
    commands = "\n".join(command_lines(lang, shown.commands))
    name = literal(welcome.superuser.first_name)
    text = t(lang, "welcome.intro", name=name, daycare=daycare, area=area)
    return Message(
        text,
        (
            Heading(t(lang, "welcome.header")),
            Text(text),
            Text(ambassadors),
            Text(t(lang, "welcome.commands") + "\n" + commands),
            Actions(
                (
                    Button(ASK_NETWORK, t(lang, "welcome.first_question"), ""),
                    Button(OPEN, t(lang, "welcome.browse_guides"), "all"),
                )
            ),
            Context(footer(lang, shown)),
        ),
    )


def new_superuser_note(lang: str, welcome: Welcome) -> Message:
    text = t(
        lang,
        "welcome.ambassador_note",
        superuser=mention(welcome.superuser.id),
        daycare=literal(welcome.daycare.name),
        area=literal(welcome.area.name),
    )
    return Message(text, (Text(text),))


def ambassador_welcome_message(lang: str, welcome: AmbassadorWelcome) -> Message:
    """What the role is for, then the area's questions nobody has taken — each with "Jeg
    tager den" (at most `OPEN_SHOWN`, then "… og N mere") — and the commands of their roles."""
    areas = literal(", ".join(a.name for a in welcome.areas))
    name = literal(welcome.ambassador.first_name)
    text = t(lang, "welcome.ambassador_intro", name=name, areas=areas)
    waiting = list(welcome.open_questions)
    questions: list[Part]
    if waiting:
        questions = [Text(t(lang, "welcome.open_questions", count=len(waiting)))]
        questions += open_questions(lang, waiting, shown=OPEN_SHOWN)
    else:
        questions = [Text(t(lang, "welcome.no_open_questions"))]
    shown = help_list(welcome.ambassador)
    commands = "\n".join(command_lines(lang, shown.commands))
    return Message(
        text,
        (
            Heading(t(lang, "welcome.ambassador_header")),
            Text(text),
            *questions,
            Text(t(lang, "welcome.commands") + "\n" + commands),
            Context(footer(lang, shown)),
        ),
    )
