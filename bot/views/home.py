"""The App Home as Slack shows it: one part per role, each list short (at most `LINES_MAX`
lines, then "og N mere"), lines packed into few sections so the page stays under Slack's 100
blocks. Names, questions, titles and places are people's text: escaped in mrkdwn."""

from __future__ import annotations

from datetime import date
from typing import Any
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
from bot.mrkdwn import escape
from bot.views.blocks import (
    Block,
    actions,
    button,
    context,
    divider,
    header,
    plain,
    section,
    sections,
    shorten,
)
from bot.views.dates import day_text, local_day, period_name
from bot.views.decisions import decision_buttons
from bot.views.guides import SHOW
from bot.views.model import Button
from bot.views.network import mentions
from bot.views.trainings import signup_buttons, training_line

#: "Stil et spørgsmål": the sparring modal.
ASK = "home_ask"
#: The decision buttons (value: the tool id), one action id per decision.
#: Lines per list before "og N mere".
LINES_MAX = 10
#: Trainings and tools shown with their own buttons (each takes one or two blocks).
TRAININGS_MAX = 5
TOOLS_MAX = 8
DECISIONS_MAX = 10
BLOCKS_MAX = 100
QUESTION_SHOWN = 120


def _capped(lang: str, lines: list[str], limit: int = LINES_MAX) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], t(lang, "home.more", count=len(lines) - limit)]


def _more(lang: str, shown: int, total: int) -> list[Block]:
    return [context(t(lang, "home.more", count=total - shown))] if total > shown else []


def _list(lang: str, title_key: str, lines: list[str], empty: str) -> list[Block]:
    return sections([t(lang, title_key), *(_capped(lang, lines) or [empty])])


def _question_text(question: Question) -> str:
    return escape(shorten(" ".join(question.text.split()), QUESTION_SHOWN))


# -- superuser --------------------------------------------------------------------------------


def _superuser(lang: str, part: SuperuserHome, home: Home, tz: ZoneInfo) -> list[Block]:
    blocks: list[Block] = [header(t(lang, "home.superuser.header", daycare=part.daycare))]
    blocks.append(section(t(lang, "home.superuser.tools")))
    if not part.tools:
        blocks.append(context(t(lang, "home.superuser.all_in_use")))
    for tool in part.tools[:TOOLS_MAX]:
        state = t(lang, f"adoption.state.{tool.state}")
        if tool.guide_id is None:
            blocks.append(
                section(
                    t(lang, "home.superuser.tool_no_guide", tool=escape(tool.tool), state=state)
                )
            )
            continue
        block = section(t(lang, "home.superuser.tool", tool=escape(tool.tool), state=state))
        block["accessory"] = button(t(lang, "home.button.guide"), SHOW, str(tool.guide_id))
        blocks.append(block)
    blocks += _more(lang, TOOLS_MAX, len(part.tools))

    blocks.append(section(t(lang, "home.superuser.trainings")))
    if not part.trainings:
        blocks.append(context(t(lang, "home.superuser.no_trainings", area=escape(part.area))))
    for training in part.trainings[:TRAININGS_MAX]:
        notes = [
            t(lang, "home.training.seats", left=training.seats_left)
            if training.seats_left
            else t(lang, "home.training.full")
        ]
        answer = part.answer_to(training.id)
        if answer is not None:
            notes.append(t(lang, f"home.training.said_{answer}"))
        blocks.append(section(f"{training_line(lang, training, tz)} · {' · '.join(notes)}"))
        blocks.append(actions(*signup_buttons(lang, training)))
    blocks += _more(lang, TRAININGS_MAX, len(part.trainings))

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
    blocks += _list(
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
            area=escape(part.area),
            coordinators=mentions(home.coordinators) or t(lang, "network.no_coordinator"),
        )
    blocks.append(section(f"{who}\n{t(lang, 'home.superuser.ask_hint')}"))
    blocks.append(actions(button(t(lang, "home.button.ask"), ASK, "home", primary=True)))
    return blocks


# -- ambassador -------------------------------------------------------------------------------


def _ambassador(lang: str, part: AmbassadorHome, me: str, tz: ZoneInfo) -> list[Block]:
    blocks: list[Block] = [header(t(lang, "home.ambassador.header", areas=", ".join(part.areas)))]
    tests = []
    for line in part.tests:
        tool = escape(line.test.tool.name)
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
    blocks += _list(lang, "home.ambassador.tests", tests, t(lang, "home.ambassador.no_tests"))

    questions = []
    for q in part.questions:
        place = q.daycare.name if q.daycare else q.area.name if q.area else ""
        text = t(
            lang,
            "home.ambassador.question",
            text=_question_text(q),
            asker=f"<@{q.asker_slack_id}>",
            place=escape(place),
            day=local_day(lang, q.created_at, tz),
        )
        questions.append(text + (t(lang, "home.ambassador.claimed") if q.claimed_by == me else ""))
    blocks += _list(
        lang, "home.ambassador.questions", questions, t(lang, "home.ambassador.no_questions")
    )

    guides = [
        t(
            lang,
            "home.ambassador.guide",
            title=escape(g.title),
            tool=escape(g.tool),
            day=local_day(lang, g.checked_on, tz),
        )
        for g in part.guides_due
    ]
    blocks += _list(lang, "home.ambassador.guides", guides, t(lang, "home.ambassador.no_guides"))

    people = [
        t(
            lang,
            "home.ambassador.superuser",
            who=f"<@{s.person.slack_user_id}>",
            daycare=escape(s.daycare),
        )
        for s in part.to_train
    ]
    blocks += _list(
        lang, "home.ambassador.to_train", people, t(lang, "home.ambassador.no_to_train")
    )
    return blocks


# -- coordinator and leader -------------------------------------------------------------------


def _decision(lang: str, waiting: DecisionToMake, tz: ZoneInfo) -> list[Block]:
    text = t(lang, f"home.decision.{waiting.reason}", tool=escape(waiting.tool))
    if waiting.latest is not None:
        latest = t(
            lang,
            "home.decision.latest",
            decision=t(lang, f"decision.{waiting.latest.decision}"),
            day=local_day(lang, waiting.latest.decided_on, tz),
        )
        text = f"{text}\n{latest}"
    return [section(text), _decision_row(lang, waiting.tool_id, waiting.tool)]


def _decision_row(lang: str, tool_id: int, tool: str) -> Block:
    """`decision_buttons` as Block Kit, for as long as this page is built as Block Kit (the
    pulse and the guide card show them as neutral `Actions`)."""
    elements = []
    for choice in decision_buttons(lang, tool_id, tool).elements:
        assert isinstance(choice, Button) and choice.confirm is not None
        element = button(choice.label, choice.id, choice.value)
        if choice.style is not None:
            element["style"] = choice.style
        element["confirm"] = {
            "title": plain(shorten(choice.confirm.title, 100)),
            "text": plain(shorten(choice.confirm.text, 300)),
            "confirm": plain(shorten(choice.confirm.yes, 30)),
            "deny": plain(shorten(choice.confirm.no, 30)),
        }
        elements.append(element)
    return actions(*elements)


def _leadership(lang: str, part: LeadershipHome, tz: ZoneInfo) -> list[Block]:
    pulse = part.pulse
    week = period_name(lang, pulse.period)
    blocks: list[Block] = [header(t(lang, "home.leadership.header", week=week))]
    lines = [
        t(
            lang,
            "home.leadership.area",
            area=escape(area.area),
            results=area.results,
            guides=area.guides_published + area.guides_updated,
            asked=area.questions_asked,
            open=area.questions_open,
            held=area.trainings_held,
            tests=len(area.tools_in_test),
        )
        for area in pulse.areas
    ]
    blocks += sections(lines or [t(lang, "home.leadership.no_areas")])
    blocks.append(context(t(lang, "home.leadership.more")))

    gaps = pulse.gaps
    gap_lines = [t(lang, "home.gaps")]
    if gaps.areas_without_ambassador:
        names = ", ".join(escape(n) for n in gaps.areas_without_ambassador)
        gap_lines.append(t(lang, "home.gap.ambassadors", names=names))
    if gaps.daycares_without_superuser:
        shown = gaps.daycares_without_superuser[:LINES_MAX]
        names = ", ".join(escape(n) for n in shown)
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
    blocks += sections(gap_lines)

    blocks.append(section(t(lang, "home.decisions")))
    if not part.decisions:
        blocks.append(context(t(lang, "home.decisions.none")))
    for waiting in part.decisions[:DECISIONS_MAX]:
        blocks += _decision(lang, waiting, tz)
    blocks += _more(lang, DECISIONS_MAX, len(part.decisions))
    if part.decisions:
        blocks.append(context(t(lang, "home.decisions.footer")))
    return blocks


# -- the whole Home ---------------------------------------------------------------------------


def home_view(lang: str, home: Home, tz: ZoneInfo) -> dict[str, Any]:
    """The `views.publish` view for the person's Home tab."""
    if home.person is None:
        coordinators = mentions(home.coordinators) or t(lang, "network.no_coordinator")
        blocks: list[Block] = [
            header(t(lang, "home.header.outsider")),
            section(t(lang, "home.outsider", coordinators=coordinators)),
            actions(button(t(lang, "home.button.ask"), ASK, "home", primary=True)),
        ]
        return {"type": "home", "blocks": blocks}
    blocks = [
        header(t(lang, "home.header.person", name=home.person.first_name)),
        context(t(lang, "home.intro")),
    ]
    parts: list[list[Block]] = []
    if home.leadership is not None:
        parts.append(_leadership(lang, home.leadership, tz))
    if home.ambassador is not None:
        parts.append(_ambassador(lang, home.ambassador, home.person.slack_user_id, tz))
    if home.superuser is not None:
        parts.append(_superuser(lang, home.superuser, home, tz))
    if not parts:  # in the organisation without a role that has a Home part
        parts.append([actions(button(t(lang, "home.button.ask"), ASK, "home", primary=True))])
    for part in parts:
        blocks += [divider(), *part]
    if len(blocks) > BLOCKS_MAX:
        blocks = [*blocks[: BLOCKS_MAX - 1], context(t(lang, "home.truncated"))]
    return {"type": "home", "blocks": blocks}


# -- answers after a click --------------------------------------------------------------------


def decided_message(lang: str, outcome: DecisionOutcome) -> dict[str, Any]:
    """The private receipt for a decision clicked on the Home."""
    decision = t(lang, f"decision.{outcome.decision}")
    tool = escape(outcome.tool)
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
    return {"text": text, "blocks": [section(text)]}
