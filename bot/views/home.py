"""The App Home: one part per role, each list short (at most `LINES_MAX` lines, then "og N
mere"), lines packed into few paragraphs so the page stays under what a home page shows at
once. A neutral `HomePage`: names, questions, titles and places are people's text, put in
through `literal`; the front end's renderer spells it for its platform."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from bot.domain.home import (
    AmbassadorHome,
    DecisionOutcome,
    DecisionToMake,
    Home,
    LeadershipHome,
    SuperuserHome,
)
from bot.domain.sparring import Question
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.dates import day_text, local_day, period_name
from bot.views.decisions import decision_buttons
from bot.views.guides import SHOW
from bot.views.model import (
    Actions,
    Button,
    Context,
    Divider,
    Heading,
    HomePage,
    Message,
    Part,
    Text,
)
from bot.views.network import mentions
from bot.views.sparring import who
from bot.views.text import literal, mention
from bot.views.trainings import signup, training_text

#: "Stil et spørgsmål": the sparring modal.
ASK = "home_ask"
#: Lines per list before "og N mere".
LINES_MAX = 10
#: Trainings and tools shown with their own buttons (each takes one or two parts).
TRAININGS_MAX = 5
TOOLS_MAX = 8
DECISIONS_MAX = 10
#: Parts on the page: Slack shows at most 100 blocks on a Home.
BLOCKS_MAX = 100
QUESTION_SHOWN = 120


def _capped(lang: str, lines: list[str], limit: int = LINES_MAX) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], t(lang, "home.more", count=len(lines) - limit)]


def _more(lang: str, shown: int, total: int) -> list[Part]:
    return [Context(t(lang, "home.more", count=total - shown))] if total > shown else []


def _list(lang: str, title_key: str, lines: list[str], empty: str) -> list[Part]:
    return [Text("\n".join([t(lang, title_key), *(_capped(lang, lines) or [empty])]))]


def _question_text(question: Question) -> str:
    return literal(shorten(" ".join(question.text.split()), QUESTION_SHOWN))


def _ask(lang: str) -> Actions:
    return Actions((Button(ASK, t(lang, "home.button.ask"), "home", style="primary"),))


# -- superuser --------------------------------------------------------------------------------


def _superuser(lang: str, part: SuperuserHome, home: Home, tz: ZoneInfo) -> list[Part]:
    parts: list[Part] = [Heading(t(lang, "home.superuser.header", daycare=part.daycare))]
    parts.append(Text(t(lang, "home.superuser.tools")))
    if not part.tools:
        parts.append(Context(t(lang, "home.superuser.all_in_use")))
    for tool in part.tools[:TOOLS_MAX]:
        state = t(lang, f"adoption.state.{tool.state}")
        if tool.guide_id is None:
            parts.append(
                Text(t(lang, "home.superuser.tool_no_guide", tool=literal(tool.tool), state=state))
            )
            continue
        guide = Button(SHOW, t(lang, "home.button.guide"), str(tool.guide_id))
        parts.append(
            Text(t(lang, "home.superuser.tool", tool=literal(tool.tool), state=state), guide)
        )
    parts += _more(lang, TOOLS_MAX, len(part.tools))

    parts.append(Text(t(lang, "home.superuser.trainings")))
    if not part.trainings:
        parts.append(Context(t(lang, "home.superuser.no_trainings", area=literal(part.area))))
    for training in part.trainings[:TRAININGS_MAX]:
        notes = [
            t(lang, "home.training.seats", left=training.seats_left)
            if training.seats_left
            else t(lang, "home.training.full")
        ]
        answer = part.answer_to(training.id)
        if answer is not None:
            notes.append(t(lang, f"home.training.said_{answer}"))
        parts.append(Text(f"{training_text(lang, training, tz)} · {' · '.join(notes)}"))
        parts.append(signup(lang, training))
    parts += _more(lang, TRAININGS_MAX, len(part.trainings))

    questions = [
        t(
            lang,
            "home.question.line",
            text=_question_text(q),
            state=t(lang, f"home.question.{'open' if q.state == 'open' else 'answered'}"),
            day=local_day(lang, q.created_at, tz),
        )
        for q in part.questions
    ]
    parts += _list(
        lang, "home.superuser.questions", questions, t(lang, "home.superuser.no_questions")
    )
    if part.ambassadors:
        several = len(part.ambassadors) > 1
        key = "home.superuser.ambassadors_several" if several else "home.superuser.ambassadors"
        who = t(lang, key, names=mentions(part.ambassadors))
    else:
        who = t(
            lang,
            "home.superuser.no_ambassador",
            area=literal(part.area),
            coordinators=mentions(home.coordinators) or t(lang, "network.no_coordinator"),
        )
    parts.append(Text(f"{who}\n{t(lang, 'home.superuser.ask_hint')}"))
    parts.append(_ask(lang))
    return parts


# -- ambassador -------------------------------------------------------------------------------


def _ambassador(lang: str, part: AmbassadorHome, me: int, tz: ZoneInfo) -> list[Part]:
    parts: list[Part] = [Heading(t(lang, "home.ambassador.header", areas=", ".join(part.areas)))]
    tests = []
    for line in part.tests:
        tool = literal(line.test.tool.name)
        text = (
            t(
                lang,
                "home.ambassador.test_next",
                tool=tool,
                day=local_day(lang, line.next_checkpoint, tz),
            )
            if line.next_checkpoint
            else t(lang, "home.ambassador.test_done", tool=tool)
        )
        tests.append(text + (t(lang, "home.ambassador.test_overdue") if line.overdue else ""))
    parts += _list(lang, "home.ambassador.tests", tests, t(lang, "home.ambassador.no_tests"))

    questions = []
    for q in part.questions:
        place = q.daycare.name if q.daycare else q.area.name if q.area else ""
        text = t(
            lang,
            "home.ambassador.question",
            text=_question_text(q),
            asker=who(q.asker_id),
            place=literal(place),
            day=local_day(lang, q.created_at, tz),
        )
        questions.append(text + (t(lang, "home.ambassador.claimed") if q.claimed_by == me else ""))
    parts += _list(
        lang, "home.ambassador.questions", questions, t(lang, "home.ambassador.no_questions")
    )

    guides = [
        t(
            lang,
            "home.ambassador.guide",
            title=literal(g.title),
            tool=literal(g.tool),
            day=local_day(lang, g.checked_on, tz),
        )
        for g in part.guides_due
    ]
    parts += _list(lang, "home.ambassador.guides", guides, t(lang, "home.ambassador.no_guides"))

    people = [
        t(
            lang,
            "home.ambassador.superuser",
            who=mention(s.person.id),
            daycare=literal(s.daycare),
        )
        for s in part.to_train
    ]
    parts += _list(lang, "home.ambassador.to_train", people, t(lang, "home.ambassador.no_to_train"))
    return parts


# -- coordinator and leader -------------------------------------------------------------------


def _decision(lang: str, waiting: DecisionToMake, tz: ZoneInfo) -> list[Part]:
    text = t(lang, f"home.decision.{waiting.reason}", tool=literal(waiting.tool))
    if waiting.latest is not None:
        latest = t(
            lang,
            "home.decision.latest",
            decision=t(lang, f"decision.{waiting.latest.decision}"),
            day=local_day(lang, waiting.latest.decided_on, tz),
        )
        text = f"{text}\n{latest}"
    return [Text(text), decision_buttons(lang, waiting.tool_id, waiting.tool)]


def _leadership(lang: str, part: LeadershipHome, tz: ZoneInfo) -> list[Part]:
    pulse = part.pulse
    week = period_name(lang, pulse.period)
    parts: list[Part] = [Heading(t(lang, "home.leadership.header", week=week))]
    lines = [
        t(
            lang,
            "home.leadership.area",
            area=literal(area.area),
            results=area.results,
            guides=area.guides_published + area.guides_updated,
            asked=area.questions_asked,
            open=area.questions_open,
            held=area.trainings_held,
            tests=len(area.tools_in_test),
        )
        for area in pulse.areas
    ]
    parts.append(Text("\n".join(lines or [t(lang, "home.leadership.no_areas")])))
    parts.append(Context(t(lang, "home.leadership.more")))

    gaps = pulse.gaps
    gap_lines = [t(lang, "home.gaps")]
    if gaps.areas_without_ambassador:
        names = ", ".join(literal(n) for n in gaps.areas_without_ambassador)
        gap_lines.append(t(lang, "home.gap.ambassadors", names=names))
    if gaps.daycares_without_superuser:
        shown = gaps.daycares_without_superuser[:LINES_MAX]
        names = ", ".join(literal(n) for n in shown)
        if len(gaps.daycares_without_superuser) > len(shown):
            more = len(gaps.daycares_without_superuser) - len(shown)
            names = f"{names} {t(lang, 'home.more', count=more)}"
        gap_lines.append(
            t(lang, "home.gap.superusers", count=len(gaps.daycares_without_superuser), names=names)
        )
    if gaps.guides_overdue:
        gap_lines.append(t(lang, "home.gap.guides", count=len(gaps.guides_overdue)))
    if not gaps.any:
        gap_lines.append(t(lang, "home.gap.none"))
    parts.append(Text("\n".join(gap_lines)))

    parts.append(Text(t(lang, "home.decisions")))
    if not part.decisions:
        parts.append(Context(t(lang, "home.decisions.none")))
    for waiting in part.decisions[:DECISIONS_MAX]:
        parts += _decision(lang, waiting, tz)
    parts += _more(lang, DECISIONS_MAX, len(part.decisions))
    if part.decisions:
        parts.append(Context(t(lang, "home.decisions.footer")))
    return parts


# -- the whole Home ---------------------------------------------------------------------------


def home_view(lang: str, home: Home, tz: ZoneInfo) -> HomePage:
    """The person's Home page."""
    if home.person is None:
        coordinators = mentions(home.coordinators) or t(lang, "network.no_coordinator")
        return HomePage(
            (
                Heading(t(lang, "home.header.outsider")),
                Text(t(lang, "home.outsider", coordinators=coordinators)),
                _ask(lang),
            )
        )
    parts: list[Part] = [
        Heading(t(lang, "home.header.person", name=home.person.first_name)),
        Context(t(lang, "home.intro")),
    ]
    roles: list[list[Part]] = []
    if home.leadership is not None:
        roles.append(_leadership(lang, home.leadership, tz))
    if home.ambassador is not None:
        roles.append(_ambassador(lang, home.ambassador, home.person.id, tz))
    if home.superuser is not None:
        roles.append(_superuser(lang, home.superuser, home, tz))
    if not roles:  # in the organisation without a role that has a Home part
        roles.append([_ask(lang)])
    for role in roles:
        parts += [Divider(), *role]
    if len(parts) > BLOCKS_MAX:
        parts = [*parts[: BLOCKS_MAX - 1], Context(t(lang, "home.truncated"))]
    return HomePage(tuple(parts))


# -- answers after a click --------------------------------------------------------------------


def decided_message(lang: str, outcome: DecisionOutcome) -> Message:
    """The private receipt for a decision clicked on the Home."""
    decision = t(lang, f"decision.{outcome.decision}")
    tool = literal(outcome.tool)
    if not outcome.recorded:
        text = t(lang, "home.decided.repeat", tool=tool, decision=decision)
    else:
        text = t(
            lang,
            "home.decided",
            tool=tool,
            decision=decision,
            day=day_text(lang, date.fromisoformat(outcome.decided_on)),
        )
        if outcome.spreading_started:
            text = f"{text}\n{t(lang, 'home.decided.spreading', tool=tool)}"
    return Message(text, (Text(text),))
