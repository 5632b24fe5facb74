"""One pulse, every surface (issue 17.9): for the same week and scope, `/tovholder pulse` in
Slack and as an exported file, the leader's App Home, `tovholder pulse` (md, csv, json) and the
weekly digest show the numbers of the one `build_pulse` — read back from what each surface
shows, not from the objects behind it. An area whose only news is a new superuser is quiet
nowhere, and an area's pulse counts the area's own daycares, never the network's.

The week is the demo's week 49: Oliver (Øst) was welcomed as a superuser on Monday and nothing
else happened in Øst; on Wednesday Mælkebøtten (Nord) takes Bee-Bot into use and Egernet (Syd)
says Bee-Bot is not for them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from string import Formatter
from typing import Any

from bot.admin.context import AdminContext
from bot.cli import parser as cli_parser
from bot.clock import ManualClock
from bot.domain.pulse import COUNTS, Pulse, Scope, parse_period
from bot.i18n import t
from bot.local import LocalSlack
from bot.services import spreading
from bot.services.adoption import set_adoption
from bot.services.guides import find_tool, record_decision
from bot.services.network import snapshot
from bot.services.pulse import build_pulse, narrow
from bot.standin import RecordedCall
from storage.repositories import org
from tests.e2e.conftest import ANNETTE, GENERAL, texts
from tests.e2e.test_home import home_text, open_home
from tests.e2e.test_pulse import leadership_channel, run_jobs, uploaded
from tests.people import person_id

JENS, LINE, CAMILLA = "U0DEMO002", "U0DEMO005", "U0DEMO007"
WEEK = "2026-W49"
REASON = "Vi har ingen gulvplads til robotter."
Numbers = dict[str, dict[str, int] | str]
QUIET = "quiet"


# -- the week --------------------------------------------------------------------------------


async def the_week(slack: LocalSlack, clock: ManualClock) -> None:
    db = slack.bot.db
    clock.move_to(datetime(2026, 12, 2, 10, 0, tzinfo=clock.tz))  # Wednesday of week 49
    beebot = await find_tool(db, "Bee-Bot")
    assert beebot is not None
    daycares = {d.name: d.id for d in await org.all_daycares(db)}
    maelk = daycares["Børnehuset Mælkebøtten"]
    await set_adoption(db, clock, await person_id(db, LINE), maelk, beebot.id, "in_use")
    await record_decision(
        db,
        clock,
        beebot.id,
        "to_be_spread",
        date(2026, 12, 2),
        recorded_by=await person_id(db, ANNETTE),
    )
    (bee_round,) = [r for r in await spreading.all_rounds(db) if r.is_open]
    egernet = daycares["Skovbørnehaven Egernet"]
    camilla = await person_id(db, CAMILLA)
    await spreading.answer(db, clock, camilla, bee_round.id, egernet, "not_for_us", REASON)


async def expected(slack: LocalSlack, clock: ManualClock, area: str = "") -> Pulse:
    """What the one function says for the week, in the network or in one area."""
    db = slack.bot.db
    scope = Scope("network")
    if area:
        narrowed = narrow(scope, await snapshot(db), area)
        assert narrowed is not None
        scope = narrowed
    calendar = slack.bot.app.services.settings.calendar
    return await build_pulse(db, clock, calendar, parse_period(WEEK), scope)


def numbers_of(pulse: Pulse) -> Numbers:
    """Per area its counts — or "quiet", as the Slack pulse says it."""
    return {
        a.area: QUIET if a.quiet else {name: int(getattr(a, name)) for name in COUNTS}
        for a in pulse.areas
    }


# -- reading what each surface shows -----------------------------------------------------------


def as_regex(lang: str, key: str) -> re.Pattern[str]:
    """The catalogue's text for `key` as Slack shows it (neutral `**bold**` is mrkdwn's `*`),
    as a pattern: each placeholder a captured number, but `area`, a name."""
    parts = []
    for literal, name, _, _ in Formatter().parse(t(lang, key).replace("**", "*")):
        parts.append(re.escape(literal))
        if name == "area":
            parts.append(r"\*?(?P<area>[^*\n]+)\*?")
        elif name:
            parts.append(rf"(?P<{name}>\d+)")
    return re.compile("".join(parts))


#: The Slack pulse's lines, their placeholders → the counts they show.
SLACK_LINES = {
    "pulse.area.work": {
        "results": "results",
        "published": "guides_published",
        "updated": "guides_updated",
    },
    "pulse.area.sparring": {
        "asked": "questions_asked",
        "answered": "questions_answered",
        "open": "questions_open",
    },
    "pulse.area.people": {
        "overdue": "overdue_evaluations",
        "onboarded": "superusers_onboarded",
        "held": "trainings_held",
        "attendees": "training_attendees",
    },
}


def slack_numbers(call: RecordedCall, lang: str = "da") -> Numbers:
    """Each area's section of a Slack pulse (`*Nord*` and its lines), read back."""
    found: Numbers = {}
    for block in call.args["blocks"]:
        text = block.get("text", {}).get("text", "") if block.get("type") == "section" else ""
        head, _, rest = text.partition("\n")
        if not (head.startswith("*") and head.endswith("*")) or not rest:
            continue
        if t(lang, "pulse.area.quiet") in rest:
            found[head.strip("*")] = QUIET
            continue
        counts: dict[str, int] = {}
        for key, names in SLACK_LINES.items():
            match = as_regex(lang, key).search(rest)
            if match is None:
                continue
            counts |= {measure: int(match[shown]) for shown, measure in names.items()}
        if counts:
            assert set(counts) == set(COUNTS), text
            found[head.strip("*")] = counts
    return found


def markdown_numbers(markdown: str, lang: str = "da") -> Numbers:
    """The Markdown file's table "per area": a row per measure, a column per area."""
    lines = markdown.splitlines()
    start = lines.index("## " + t(lang, "pulse_file.areas_heading")) + 2
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    areas = header[1:-1]
    found: dict[str, dict[str, int]] = {area: {} for area in areas}
    labels = {t(lang, f"pulse_file.measure.{m}"): m for m in COUNTS}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] in labels:
            for area, value in zip(areas, cells[1:-1], strict=True):
                found[area][labels[cells[0]]] = int(value)
    return {area: QUIET if not any(c.values()) else c for area, c in found.items()}


def json_numbers(document: dict[str, Any]) -> Numbers:
    found: Numbers = {}
    for area in document["areas"]:
        counts = {name: int(area[name]) for name in COUNTS}
        assert area["quiet"] == (not any(counts.values()))
        found[area["area"]] = QUIET if area["quiet"] else counts
    return found


def csv_numbers(text: str) -> Numbers:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    found: dict[str, dict[str, int]] = {}
    for section, area, _, measure, value in rows[1:]:
        if section == "area" and measure in COUNTS:
            found.setdefault(area, {})[measure] = int(value)
    return {area: QUIET if not any(c.values()) else c for area, c in found.items()}


def home_numbers(text: str, lang: str = "da") -> dict[str, dict[str, int]]:
    """The leader's Home: one line per area with some of the counts."""
    return {
        match["area"]: {k: int(v) for k, v in match.groupdict().items() if k != "area"}
        for match in as_regex(lang, "home.leadership.area").finditer(text)
    }


def home_shows(pulse: Pulse) -> dict[str, dict[str, int]]:
    return {
        a.area: {
            "results": a.results,
            "guides": a.guides_published + a.guides_updated,
            "asked": a.questions_asked,
            "open": a.questions_open,
            "held": a.trainings_held,
            "tests": len(a.tools_in_test),
        }
        for a in pulse.areas
    }


# -- the surfaces ------------------------------------------------------------------------------


async def command(slack: LocalSlack, user: str, text: str) -> list[RecordedCall]:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tovholder", text, channel_id=GENERAL)
    await slack.settle()
    calls = slack.standin.calls_since(mark)
    assert all(c.ok for c in calls), [c.errors for c in calls]
    return calls


async def slack_pulse(slack: LocalSlack, text: str) -> RecordedCall:
    calls = await command(slack, JENS, f"pulse {text}")
    (answer,) = [c for c in calls if c.method == "response_url"]
    return answer


async def exported(slack: LocalSlack, text: str) -> str:
    calls = await command(slack, JENS, f"pulse export {text}")
    (upload,) = [c for c in calls if c.method == "files.completeUploadExternal"]
    return uploaded(slack, upload).decode("utf-8")


async def cli(slack: LocalSlack, clock: ManualClock, *argv: str) -> str:
    """`tovholder pulse …` on the bot's own database, parsed by the real parser."""
    args = cli_parser().parse_args(["pulse", *argv])
    out, err = io.StringIO(), io.StringIO()
    settings = slack.bot.app.services.settings
    code = await args.handler(
        args, AdminContext(settings, slack.bot.db, clock, None, out=out, err=err)
    )
    assert code == 0, err.getvalue()
    return out.getvalue()


# -- the tests -------------------------------------------------------------------------------


async def test_every_surface_shows_the_one_pulse_of_a_week(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await the_week(slack, clock)
    network = await expected(slack, clock)
    want = numbers_of(network)
    # Øst's only news is Oliver, the new superuser: that is not quiet.
    assert want["Øst"] == dict.fromkeys(COUNTS, 0) | {"superusers_onboarded": 1}
    assert set(want) == {"Nord", "Syd", "Øst"}

    shown = await slack_pulse(slack, WEEK)
    assert slack_numbers(shown) == want
    assert "Spredning af *Bee-Bot*: i brug i 1 af 7 dagtilbud" in texts(shown)
    assert f"Skovbørnehaven Egernet: {REASON}" in texts(shown)
    assert json_numbers(json.loads(await exported(slack, f"{WEEK} json"))) == want
    assert csv_numbers(await exported(slack, f"{WEEK} csv")) == want
    assert markdown_numbers(await exported(slack, f"{WEEK} md")) == want
    assert markdown_numbers(await cli(slack, clock, "--period", WEEK)) == want
    assert json_numbers(json.loads(await cli(slack, clock, "--format", "json"))) == want
    assert csv_numbers(await cli(slack, clock, "--period", WEEK, "--format", "csv")) == want
    await open_home(slack, JENS)  # the Home shows the current week: week 49
    assert home_numbers(home_text(slack, JENS)) == home_shows(network)


async def test_an_areas_pulse_is_the_areas_own_everywhere(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await the_week(slack, clock)
    for area, adoption in (("Øst", "i brug i 0 af 2 dagtilbud (Øst 0/2)"),
                           ("Nord", "i brug i 1 af 3 dagtilbud (Nord 1/3)")):  # fmt: skip
        want = numbers_of(await expected(slack, clock, area))
        assert list(want) == [area]
        shown = await slack_pulse(slack, f"{area} {WEEK}")
        assert slack_numbers(shown) == want
        assert f"Spredning af *Bee-Bot*: {adoption}" in texts(shown)
        assert "Egernet" not in texts(shown)  # Syd's reason is not the area's
        document = json.loads(await exported(slack, f"{area} {WEEK} json"))
        assert json_numbers(document) == want
        bee = next(s for s in document["spreading"] if s["tool"] == "Bee-Bot")
        assert bee["daycares"] == sum(a["daycares"] for a in bee["areas"])
        assert bee["not_for_us"] == []
        markdown = await cli(slack, clock, "--period", WEEK, "--area", area)
        assert markdown_numbers(markdown) == want
        assert "Alle områder" not in markdown
    assert slack_numbers(await slack_pulse(slack, f"Øst {WEEK}"))["Øst"] != QUIET


async def test_the_digest_shows_the_weeks_pulse_as_the_files_do(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await the_week(slack, clock)
    await leadership_channel(slack, clock)
    calls = await run_jobs(slack, clock, datetime(2026, 12, 7, 8, 30))  # Monday of week 50
    (digest,) = [c for c in calls if c.method == "chat.postMessage"]
    want = numbers_of(await expected(slack, clock))
    assert want["Øst"] != QUIET
    assert slack_numbers(digest) == want
    assert "Ugens puls – uge 49" in texts(digest)
    document = json.loads(await cli(slack, clock, "--period", WEEK, "--format", "json"))
    assert json_numbers(document) == want
