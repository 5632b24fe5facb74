"""The welcome a new superuser gets, the note to their area's ambassadors, and the welcome
of a new ambassador with their area's open questions."""

from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.help import help_list
from bot.services.onboarding import OPEN_SHOWN, AmbassadorWelcome, Welcome
from bot.views.blocks import actions, button, context, header, section
from bot.views.guide_browse import OPEN
from bot.views.guides import ASK_NETWORK
from bot.views.help import command_lines, footer
from bot.views.network import mentions
from bot.views.sparring_handling import open_questions_blocks


def welcome_message(lang: str, welcome: Welcome) -> dict[str, Any]:
    area, daycare = escape(welcome.area.name), escape(welcome.daycare.name)
    if welcome.ambassadors:
        key = "welcome.ambassadors" if len(welcome.ambassadors) > 1 else "welcome.ambassador"
        ambassadors = t(lang, key, area=area, names=mentions(welcome.ambassadors))
    else:
        who = mentions(welcome.coordinators) or t(lang, "network.no_coordinator")
        ambassadors = t(lang, "welcome.no_ambassador", area=area, coordinators=who)
    shown = help_list(welcome.superuser)
    commands = "\n".join(command_lines(lang, shown.commands))
    name = escape(welcome.superuser.first_name)
    text = t(lang, "welcome.intro", name=name, daycare=daycare, area=area)
    return {
        "text": text,
        "blocks": [
            header(t(lang, "welcome.header")),
            section(text),
            section(ambassadors),
            section(t(lang, "welcome.commands") + "\n" + commands),
            actions(
                button(t(lang, "welcome.first_question"), ASK_NETWORK, ""),
                button(t(lang, "welcome.browse_guides"), OPEN, "all"),
            ),
            context(footer(lang, shown)),
        ],
    }


def new_superuser_note(lang: str, welcome: Welcome) -> dict[str, Any]:
    text = t(
        lang,
        "welcome.ambassador_note",
        superuser=f"<@{welcome.superuser.slack_user_id}>",
        daycare=escape(welcome.daycare.name),
        area=escape(welcome.area.name),
    )
    return {"text": text, "blocks": [section(text)]}


def ambassador_welcome_message(lang: str, welcome: AmbassadorWelcome) -> dict[str, Any]:
    """What the role is for, then the area's questions nobody has taken — each with "Jeg
    tager den" (at most `OPEN_SHOWN`, then "… og N mere") — and the commands of their roles."""
    areas = escape(", ".join(a.name for a in welcome.areas))
    name = escape(welcome.ambassador.first_name)
    text = t(lang, "welcome.ambassador_intro", name=name, areas=areas)
    waiting = list(welcome.open_questions)
    if waiting:
        questions = [section(t(lang, "welcome.open_questions", count=len(waiting)))]
        questions += open_questions_blocks(lang, waiting, shown=OPEN_SHOWN)
    else:
        questions = [section(t(lang, "welcome.no_open_questions"))]
    shown = help_list(welcome.ambassador)
    commands = "\n".join(command_lines(lang, shown.commands))
    return {
        "text": text,
        "blocks": [
            header(t(lang, "welcome.ambassador_header")),
            section(text),
            *questions,
            section(t(lang, "welcome.commands") + "\n" + commands),
            context(footer(lang, shown)),
        ],
    }
