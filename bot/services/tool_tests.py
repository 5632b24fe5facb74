"""Tool tests: an ambassador tries a tool in practice, writes down what was found, and the
results add up to an evaluation leadership can decide on.

Only ambassadors and the coordinator run tests and post results (the network's division of
labour in the KL article: ambassadors test, superusers bring tools to life). A form is
checked field by field and nothing is written until the whole of it is right, so the modal
can show every problem at once. A platform's retries and double clicks are normal, so a
submission (`request_key`) and a message each give one test or one result, however often they
arrive. People are named by their person id. A tool's lifecycle moves only along
`NEXT_STATUSES`, every step recorded with who took it, and in the same transaction as the test
or result that caused it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import aiosqlite

from bot.clock import Clock, utc_iso
from bot.domain.guides import (
    AGE_GROUPS,
    NEXT_STATUSES,
    THEMES,
    Tool,
    ToolStatus,
    canonical_labels,
)
from bot.domain.org import Daycare, Person
from bot.domain.refs import MessageRef
from bot.domain.tool_tests import (
    CONCLUSIONS,
    ENGAGEMENTS,
    RATINGS,
    RECOMMENDATIONS,
    Quote,
    Result,
    ResultDraft,
    SavedResult,
    TestPlan,
    ToolSummary,
    ToolTest,
    ToolWithResults,
)
from bot.errors import FormRefused, NotAllowed
from bot.services import nudges, spreading
from bot.services.adoption import mark_getting_started
from bot.services.guides import latest_decision
from bot.services.permissions import Action, can
from bot.services.privacy import ensure_no_cpr
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import org as org_repo
from storage.repositories import tool_tests as repo
from storage.repositories import tools as tools_repo

#: Field name (the modal's block id) → (catalogue key, parameters).
Errors = dict[str, tuple[str, dict[str, object]]]

#: Limits match the modals (bot/views/tool_test_forms.py) and Block Kit's 3000-character text.
QUESTION_MAX = 500
TEXT_MAX = 3000
NOTE_MAX = 1000
CHILDREN_MAX = 200
MINUTES_MAX = 600
WEEKS_MIN, WEEKS_MAX = 1, 52
#: Digital tools in Danish daycares began around 2013; an earlier date is a typo in the year.
EARLIEST = date(2010, 1, 1)
SOURCES = ("modal", "shortcut", "channel")
#: A verdict is an evaluation with a decision: closing with "evaluated" never undoes one.
VERDICTS: tuple[ToolStatus, ...] = ("recommended", "not_recommended")


class Refused(FormRefused):
    """The form cannot be saved as it is; nothing of it was written."""


class PlanRefused(Refused):
    """A test plan with problems, per field."""


class ResultRefused(Refused):
    """A result with problems, per field."""


#: The name the brief used for a result's problems.
ResultProblem = ResultRefused


class CloseRefused(Refused):
    """A closing with problems, per field."""


class NeedsConfirmation(CloseRefused):
    """Recommending a tool from a test without a single result: the person is asked first
    (a recommendation starts a spreading round to every daycare). Nothing changed."""

    def __init__(self, test: ToolTest) -> None:
        super().__init__(
            {"conclusion": ("tests.error.no_results_confirm", {"tool": test.tool.name})}
        )
        self.test = test


class AlreadyClosed(CloseRefused):
    """The test was closed before (`test` says by whom and when); nothing changed."""

    def __init__(self, test: ToolTest) -> None:
        super().__init__({"conclusion": ("tests.error.already_closed", {})})
        self.test = test


# -- checking forms (no database) ----------------------------------------------------------


def parse_checkpoint_weeks(text: str) -> tuple[int, ...] | None:
    """ "2, 6" or "2 6" → (2, 6); empty → (); None when it holds anything but whole numbers."""
    parts = [part for part in re.split(r"[\s,;]+", text.strip()) if part]
    if not all(part.isdecimal() for part in parts):
        return None
    return tuple(sorted({int(part) for part in parts}))


def check_plan(plan: TestPlan) -> Errors:
    """Every problem of a test plan at once, so the ambassador fixes them in one go."""
    errors: Errors = {}
    question = plan.question.strip()
    if not question:
        errors["question"] = ("tests.error.question_empty", {})
    elif len(question) > QUESTION_MAX:
        errors["question"] = (
            "tests.error.too_long",
            {"limit": QUESTION_MAX, "length": len(question)},
        )
    if not plan.daycare_ids and plan.area_id is None:
        errors["daycares"] = ("tests.error.where_missing", {})
    if plan.starts_on is not None and plan.starts_on < EARLIEST:
        errors["starts_on"] = ("tests.error.date_too_early", {})
    if any(not WEEKS_MIN <= weeks <= WEEKS_MAX for weeks in plan.checkpoint_weeks):
        errors["checkpoints"] = ("tests.error.checkpoints", {"low": WEEKS_MIN, "high": WEEKS_MAX})
    return errors


def check_result(draft: ResultDraft, today: date) -> Errors:
    """Every problem of a result at once. Unknown choices only come from forged submissions
    (the modal offers the known keys), but a message's text is read by the bot, so it is
    checked as carefully as a form."""
    errors: Errors = {}
    if draft.tested_on > today:
        errors["tested_on"] = ("tests.error.date_future", {})
    elif draft.tested_on < EARLIEST:
        errors["tested_on"] = ("tests.error.date_too_early", {})
    if draft.rating is not None and draft.rating not in RATINGS:
        errors["rating"] = ("tests.error.rating", {"low": RATINGS[0], "high": RATINGS[-1]})
    for name, value, high in (
        ("children", draft.children, CHILDREN_MAX),
        ("minutes", draft.minutes_spent, MINUTES_MAX),
    ):
        if value is not None and not 0 <= value <= high:
            errors[name] = ("tests.error.number_range", {"low": 0, "high": high})
    for name, text in (("worked", draft.worked), ("hard", draft.hard)):
        if len(text.strip()) > TEXT_MAX:
            errors[name] = (
                "tests.error.too_long",
                {"limit": TEXT_MAX, "length": len(text.strip())},
            )
    choices: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
        ("age_group", draft.age_group, AGE_GROUPS),
        ("engagement", draft.engagement, ENGAGEMENTS),
        ("recommendation", draft.recommendation, RECOMMENDATIONS),
    )
    for name, choice, known in choices:
        if choice is not None and choice not in known:
            errors[name] = ("tests.error.unknown_choice", {})
    if any(theme not in THEMES for theme in draft.themes):
        errors["themes"] = ("tests.error.unknown_choice", {})
    said = draft.rating, draft.recommendation, draft.worked.strip(), draft.hard.strip()
    if not any(said) and "worked" not in errors:
        errors["worked"] = ("tests.error.result_empty", {})
    return errors


def _cleaned(draft: ResultDraft) -> ResultDraft:
    """As stored: the text exactly as written but for blank ends, themes once each in the
    curriculum's order. A source the code does not know is a bug, never the user's doing."""
    if draft.source not in SOURCES:
        raise ValueError(f"unknown source {draft.source!r}")
    return replace(
        draft,
        worked=draft.worked.strip(),
        hard=draft.hard.strip(),
        themes=canonical_labels(draft.themes, THEMES),
    )


def lifecycle_steps(current: ToolStatus, target: ToolStatus) -> tuple[ToolStatus, ...]:
    """The shortest way along `NEXT_STATUSES` from `current` to `target`, without `current`:
    in_test → recommended is (evaluated, recommended); () when already there."""
    paths: dict[ToolStatus, tuple[ToolStatus, ...]] = {current: ()}
    queue: list[ToolStatus] = [current]
    while queue:
        status = queue.pop(0)
        if status == target:
            return paths[status]
        for following in NEXT_STATUSES[status]:
            if following not in paths:
                paths[following] = (*paths[status], following)
                queue.append(following)
    raise ValueError(f"no way from {current} to {target}")  # every status reaches every other


# -- who may -------------------------------------------------------------------------------


async def _person(db: Database, person_id: int) -> Person | None:
    return await org_repo.person(db, person_id)


def _owner_or_coordinator(person: Person | None, person_id: int, owner: int | None) -> bool:
    """One's own test or result, or — for the coordinator who keeps the network — anyone's
    (a former member's too: `owner` None)."""
    return person_id == owner or (person is not None and person.has_role("coordinator"))


async def _into_test(conn: aiosqlite.Connection, tool_id: int, changed_by: int, now: str) -> bool:
    """A proposed tool that is being tried is in test; True when it moved now."""
    tool = await tools_repo.tool_by_id(conn, tool_id)
    if tool is None or tool.status != "proposed":
        return False
    return await spreading.set_status_in(conn, tool_id, "proposed", "in_test", changed_by, now)


# -- tests ---------------------------------------------------------------------------------


async def start_test(
    db: Database,
    clock: Clock,
    ambassador_id: int,
    plan: TestPlan,
    *,
    request_key: str,
    calendar: WorkingCalendar | None = None,
) -> ToolTest:
    """Start a test; the same `request_key` again gives the first test and writes nothing.

    Checkpoints fall `checkpoint_weeks` after the start (today, as a local date, unless the
    plan says otherwise). Testing a proposed tool puts it in test, recorded with the
    ambassador. Raises NotAllowed, ContainsCpr, PlanRefused (per field), LookupError never:
    an unknown tool, daycare or area is a field error too.

    With `calendar` (the bot's working calendar), the checkpoints' reminders are planned
    here, right after the test is saved — so they are there (`tovholder reminders list`)
    as soon as the test is, not only after the next run of the planning job. That job stays
    the safety net (a crash between the two, a caller without a calendar): planning is by
    key, so planning again creates nothing twice.
    """
    if not can(await _person(db, ambassador_id), Action.RUN_TOOL_TESTS):
        raise NotAllowed(Action.RUN_TOOL_TESTS)
    ensure_no_cpr(question=plan.question)
    errors = check_plan(plan)
    if errors:
        raise PlanRefused(errors)
    moment = clock.now()
    now = utc_iso(moment)
    starts_on = plan.starts_on or moment.date()
    checkpoints = [
        (starts_on + timedelta(weeks=weeks)).isoformat()
        for weeks in sorted(set(plan.checkpoint_weeks))
    ]
    async with db.transaction() as conn:
        existing = await repo.test_id_by_key(conn, request_key)
        if existing is None:
            errors = await _plan_targets(conn, plan)
            if errors:
                raise PlanRefused(errors)
            existing = await repo.insert_test(
                conn,
                request_key=request_key,
                tool_id=plan.tool_id,
                ambassador_id=ambassador_id,
                question=plan.question.strip(),
                area_id=plan.area_id,
                starts_on=starts_on.isoformat(),
                checkpoints=checkpoints,
                daycare_ids=sorted(set(plan.daycare_ids)),
                now=now,
            )
            await _into_test(conn, plan.tool_id, ambassador_id, now)
        test = await repo.test_by_id(conn, existing)
    assert test is not None
    if calendar is not None:
        await nudges.plan_test_checkpoints(db, clock, calendar, test)
    return test


async def _plan_targets(conn: aiosqlite.Connection, plan: TestPlan) -> Errors:
    errors: Errors = {}
    if await tools_repo.tool_by_id(conn, plan.tool_id) is None:
        errors["tool"] = ("tests.error.tool_unknown", {})
    if set(plan.daycare_ids) - await repo.known_daycares(conn, plan.daycare_ids):
        errors["daycares"] = ("tests.error.daycare_unknown", {})
    if plan.area_id is not None and not await repo.area_exists(conn, plan.area_id):
        errors["area"] = ("tests.error.area_unknown", {})
    return errors


async def running_tests(db: Database, person_id: int) -> list[ToolTest]:
    """The ambassador's own running tests, newest first."""
    async with db.transaction() as conn:
        return await repo.tests(conn, ambassador_id=person_id, state="running")


async def tests_for_tool(db: Database, tool_id: int) -> list[ToolTest]:
    """Every test of the tool: running first, then newest first."""
    async with db.transaction() as conn:
        return await repo.tests(conn, tool_id=tool_id)


async def get_test(db: Database, test_id: int) -> ToolTest | None:
    async with db.transaction() as conn:
        return await repo.test_by_id(conn, test_id)


async def close_test(
    db: Database,
    clock: Clock,
    test_id: int,
    conclusion: str,
    note: str,
    *,
    by: int,
    confirmed: bool = False,
) -> ToolTest:
    """Close a running test with its conclusion, and move the tool there along its lifecycle.

    Each step is recorded with `by` (in_test → recommended goes via evaluated, as the
    lifecycle demands) and taken by `spreading.set_status_in`, so a tool recommended here
    starts its spreading round in the same transaction, like any other recommendation. A
    tool already at the conclusion stays, and "evaluated" never undoes a verdict already
    given. Recommending a tool from a test that has no results yet needs `confirmed` (else
    NeedsConfirmation, nothing written): a round would reach every daycare on nobody's word.
    Only the test's ambassador or a coordinator may close it. Raises LookupError (no such
    test), NotAllowed, AlreadyClosed, NeedsConfirmation, CloseRefused, ContainsCpr.
    """
    person = await _person(db, by)
    ensure_no_cpr(note=note)
    errors: Errors = {}
    if conclusion not in CONCLUSIONS:
        errors["conclusion"] = ("tests.error.unknown_choice", {})
    note = note.strip()
    if len(note) > NOTE_MAX:
        errors["note"] = ("tests.error.too_long", {"limit": NOTE_MAX, "length": len(note)})
    now = utc_iso(clock.now())
    weeks = await spreading.follow_up_weeks(db)
    async with db.transaction() as conn:
        test = await repo.test_by_id(conn, test_id)
        if test is None:
            raise LookupError(test_id)
        if not _owner_or_coordinator(person, by, test.ambassador_id):
            raise NotAllowed(Action.RUN_TOOL_TESTS)
        if test.state == "closed":
            raise AlreadyClosed(test)
        if errors:
            raise CloseRefused(errors)
        target: ToolStatus = next(c for c in CONCLUSIONS if c == conclusion)
        tool = await tools_repo.tool_by_id(conn, test.tool.id)
        assert tool is not None
        status = tool.status
        if (
            target == "recommended"
            and status != "recommended"
            and not confirmed
            and not await repo.results_of_test(conn, test_id)
        ):
            raise NeedsConfirmation(test)
        if not await repo.close_test(conn, test_id, target, note, by, now):
            raise AlreadyClosed(test)
        if not (target == "evaluated" and status in VERDICTS):
            for step in lifecycle_steps(status, target):
                await spreading.set_status_in(conn, tool.id, status, step, by, now, weeks=weeks)
                status = step
        closed = await repo.test_by_id(conn, test_id)
    assert closed is not None
    return closed


async def recommending_unheard(db: Database, tool: Tool, status: str) -> bool:
    """True when this step would recommend a tool no result speaks for yet: the caller asks
    first (`--yes`), as closing a test without results does, since recommending starts a
    spreading round to every daycare. A step the lifecycle refuses is not asked about."""
    if status != "recommended" or status not in NEXT_STATUSES[tool.status]:
        return False
    async with db.transaction() as conn:
        return not await repo.results(conn, tool_id=tool.id)


# -- results -------------------------------------------------------------------------------


async def _result_targets(conn: aiosqlite.Connection, draft: ResultDraft) -> Errors:
    errors: Errors = {}
    if await tools_repo.tool_by_id(conn, draft.tool_id) is None:
        errors["tool"] = ("tests.error.tool_unknown", {})
    if draft.test_id is not None:
        test = await repo.test_by_id(conn, draft.test_id)
        if test is None:
            errors["test"] = ("tests.error.test_unknown", {})
        elif test.tool.id != draft.tool_id:
            errors["test"] = ("tests.error.test_other_tool", {"tool": test.tool.name})
    if draft.daycare_id is not None and not await repo.known_daycares(conn, [draft.daycare_id]):
        errors["daycare"] = ("tests.error.daycare_unknown", {})
    return errors


async def save_result(
    db: Database, clock: Clock, author_id: int, draft: ResultDraft, *, request_key: str
) -> SavedResult:
    """Save a result once: the same `request_key`, or the same message, again gives the
    saved result with `created=False` and writes nothing. The first result for a proposed
    tool puts it in test, recorded with the author (`tool_now_in_test`). A result from a
    daycare that has not started with the tool marks it "getting started", in the same
    transaction. Raises NotAllowed, ContainsCpr (before anything is written), ResultRefused.
    """
    if not can(await _person(db, author_id), Action.RUN_TOOL_TESTS):
        raise NotAllowed(Action.RUN_TOOL_TESTS)
    ensure_no_cpr(worked=draft.worked, hard=draft.hard)
    moment = clock.now()
    errors = check_result(draft, moment.date())
    if errors:
        raise ResultRefused(errors)
    clean = _cleaned(draft)
    now = utc_iso(moment)
    async with db.transaction() as conn:
        existing = await repo.result_id_by_key(conn, request_key)
        if existing is None and clean.message is not None:
            existing = await repo.result_id_by_message(conn, clean.message)
        if existing is not None:
            result = await repo.result_by_id(conn, existing)
            assert result is not None
            return SavedResult(result, created=False)
        errors = await _result_targets(conn, clean)
        if errors:
            raise ResultRefused(errors)
        result_id = await repo.insert_result(conn, request_key, author_id, clean, now)
        moved = await _into_test(conn, clean.tool_id, author_id, now)
        if clean.daycare_id is not None:
            await mark_getting_started(conn, clean.daycare_id, clean.tool_id, author_id, now)
        result = await repo.result_by_id(conn, result_id)
    assert result is not None
    return SavedResult(result, created=True, tool_now_in_test=moved)


def _same_content(a: ResultDraft, b: ResultDraft) -> bool:
    """Equal in what a correction may change (where a result came from never changes)."""
    return replace(a, source=b.source, message=b.message, link=b.link) == b


async def update_result(
    db: Database, clock: Clock, result_id: int, draft: ResultDraft, *, editor_id: int
) -> Result:
    """Correct a result (from the modal, or because its message was edited).

    Its id, author, created_at and where it came from stay; updated_at and updated_by say
    who corrected it when. The same correction twice writes nothing the second time. Moving
    it to a proposed tool puts that tool in test, like a first result. The author and the
    coordinator may correct it. Raises LookupError, NotAllowed, ContainsCpr, ResultRefused.
    """
    person = await _person(db, editor_id)
    ensure_no_cpr(worked=draft.worked, hard=draft.hard)
    moment = clock.now()
    errors = check_result(draft, moment.date())
    clean = _cleaned(draft)
    now = utc_iso(moment)
    async with db.transaction() as conn:
        current = await repo.result_by_id(conn, result_id)
        if current is None:
            raise LookupError(result_id)
        if not _owner_or_coordinator(person, editor_id, current.author_id):
            raise NotAllowed(Action.RUN_TOOL_TESTS)
        errors = errors or await _result_targets(conn, clean)
        if errors:
            raise ResultRefused(errors)
        if _same_content(clean, current.draft):
            return current
        await repo.update_result(conn, result_id, clean, editor_id, now)
        if clean.tool_id != current.draft.tool_id:
            await _into_test(conn, clean.tool_id, editor_id, now)
        updated = await repo.result_by_id(conn, result_id)
    assert updated is not None
    return updated


async def get_result(db: Database, result_id: int) -> Result | None:
    async with db.transaction() as conn:
        return await repo.result_by_id(conn, result_id)


async def result_for_message(db: Database, message: MessageRef) -> Result | None:
    """The result saved from this message, if any (to correct or delete it with it)."""
    async with db.transaction() as conn:
        result_id = await repo.result_id_by_message(conn, message)
        return await repo.result_by_id(conn, result_id) if result_id is not None else None


async def results_for_tool(db: Database, tool_id: int) -> list[Result]:
    """Newest first: by the day tested, then by when saved."""
    async with db.transaction() as conn:
        return await repo.results(conn, tool_id=tool_id)


async def delete_result(db: Database, result_id: int, *, by: int | None = None) -> bool:
    """Delete a result (its author deleted the message, or took it back); False: not there.

    With `by`, only the author or a coordinator may (else NotAllowed); without, the caller
    has decided. The tool's status stays: a lifecycle step is history, not a count.
    """
    person = await _person(db, by) if by is not None else None
    async with db.transaction() as conn:
        current = await repo.result_by_id(conn, result_id)
        if current is None:
            return False
        if by is not None and not _owner_or_coordinator(person, by, current.author_id):
            raise NotAllowed(Action.RUN_TOOL_TESTS)
        return await repo.delete_result(conn, result_id)


# -- the evaluation ------------------------------------------------------------------------


_DANISH_LETTERS = str.maketrans("æøå", "{|}")  # the three characters after "z"


def danish_order(text: str) -> tuple[str, str]:
    """Sort key for names: Æ, Ø, Å after Z, as a Danish reader expects."""
    folded = text.casefold()
    return folded.translate(_DANISH_LETTERS), text


async def tool_summary(
    db: Database, tool_id: int, *, quotes: int = 3, clock: Clock | None = None
) -> ToolSummary:
    """What leadership needs to decide whether to spread a tool. Raises LookupError.

    Places are where the tool was tried: the daycares of its results and those its tests
    name, and their areas with the areas tests name. The average is over the results that
    gave a rating; the counts include zeros so a chart has every bar. Quotes are the newest
    results' "what worked" (else "what was hard"), whole: shortening is for views. With
    `clock`, also how far the tool has spread since its latest round began (the "not for
    us" reasons included) — the evaluation's other half once a tool is recommended. The
    latest decision of leadership, with its note, says where the tool stands and why.
    """
    async with db.transaction() as conn:
        tool = await tools_repo.tool_by_id(conn, tool_id)
        if tool is None:
            raise LookupError(tool_id)
        tests = await repo.tests(conn, tool_id=tool_id)
        results = await repo.results(conn, tool_id=tool_id)
    daycares = {d.id: d for d in await org_repo.all_daycares(db)}
    areas = {a.id: a.name for a in await org_repo.all_areas(db)}
    daycare_ids = {r.draft.daycare_id for r in results if r.draft.daycare_id is not None}
    daycare_ids |= {d for test in tests for d in test.daycare_ids}
    daycare_ids &= set(daycares)
    area_ids = {daycares[d].area_id for d in daycare_ids}
    area_ids |= {test.area_id for test in tests if test.area_id is not None}
    ratings = [r.draft.rating for r in results if r.draft.rating is not None]
    recommendations = Counter(r.draft.recommendation for r in results)
    touched = Counter(theme for r in results for theme in r.draft.themes)
    top = sorted(
        ((theme, touched[theme]) for theme in THEMES if touched[theme]),
        key=lambda pair: -pair[1],  # stable: ties keep the curriculum's order
    )[:3]
    return ToolSummary(
        tool=tool,
        tests=len(tests),
        running_tests=sum(test.state == "running" for test in tests),
        results=len(results),
        daycares=tuple(sorted((daycares[d].name for d in daycare_ids), key=danish_order)),
        areas=tuple(sorted((areas[a] for a in area_ids if a in areas), key=danish_order)),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        rating_counts={rating: ratings.count(rating) for rating in RATINGS},
        recommendations={key: recommendations[key] for key in RECOMMENDATIONS},
        top_themes=tuple(top),
        quotes=tuple(_quotes(results, daycares, quotes)),
        spreading=await spreading.round_progress(db, clock, tool_id) if clock else None,
        decision=await latest_decision(db, tool_id),
    )


#: How many tools `/tool-test summary` without a tool lists (each line is a block).
TOOLS_LISTED = 20


async def tools_with_results(db: Database) -> list[ToolWithResults]:
    """What `/tool-test summary` offers when no tool is named: the tools that have results,
    the most results first."""
    return await repo.tools_with_results(db, TOOLS_LISTED)


def _quotes(results: Sequence[Result], daycares: dict[int, Daycare], limit: int) -> list[Quote]:
    found: list[Quote] = []
    for result in results:  # newest first already
        text = result.draft.worked or result.draft.hard
        if not text:
            continue
        if len(found) >= limit:
            break
        daycare = daycares.get(result.draft.daycare_id or 0)
        found.append(
            Quote(
                text=text,
                author_id=result.author_id,
                daycare=daycare.name if daycare else None,
                tested_on=result.draft.tested_on.isoformat(),
            )
        )
    return found
