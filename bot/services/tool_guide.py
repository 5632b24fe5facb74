"""What `/tool-guide` answers: a browse list, the best guides for a person's own words, or
"no match" with the closest tool names — and the guide card every button starts from.

The first hit comes as a whole card (purpose first); the next ones as short lines, so the
answer stays readable on a phone. What the card offers depends on who reads it and where the
tool is in its life (`GuideCard`'s `offers_*`): a pedagogue between two groups of children
should meet only the actions that make sense now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.domain.adoption import AdoptionState, AdoptionSummary
from bot.domain.guides import (
    AGE_GROUPS,
    THEMES,
    Decision,
    GuideDetail,
    GuideSummary,
    GuideVersion,
    ToolStatus,
)
from bot.domain.tool_tests import ToolSummary
from bot.services.adoption import summary as adoption_summary
from bot.services.commands import TOOL_GUIDE
from bot.services.guides import get_guide_by_id, latest_decision
from bot.services.permissions import Action, can, person_can
from bot.services.search import FaqEntry, closest_tool_names, entry_at, search_guides
from bot.services.tool_tests import tool_summary
from storage.db import Database
from storage.repositories import guides as guides_repo
from storage.repositories import org
from storage.repositories import tools as tools_repo

#: How many guides one search answer shows: the best as a card, the others as lines.
HITS_SHOWN = 3
#: The roles whose people ask "Spørg en ambassadør" from a card.
ASKERS = frozenset({"superuser", "ambassador"})
NEW_WORDS = TOOL_GUIDE.sub("new").words
BROWSE_WORDS = TOOL_GUIDE.sub("browse").words
#: The three ways to narrow the browse list, as the select menus name them.
FILTER_KINDS = ("category", "theme", "age_group")

#: A test may start on any tool but a recommended one: that is decided and spreads now
#: (testing it again starts from `tovholder tools status`).
TESTABLE: frozenset[ToolStatus] = frozenset(
    {"proposed", "in_test", "evaluated", "not_recommended", "retired"}
)
#: Leadership decides on a tool that was evaluated, or recommended and not yet spread (as
#: the leaders' App Home asks); not on one under test, proposed, rejected or retired.
DECIDABLE: frozenset[ToolStatus] = frozenset({"evaluated", "recommended"})
#: Superusers are trained (oplæring) in what is recommended.
TRAINABLE: frozenset[ToolStatus] = frozenset({"recommended"})
#: A daycare starts using a tool being tried, evaluated or recommended …
ADOPTABLE: frozenset[ToolStatus] = frozenset({"in_test", "evaluated", "recommended"})
#: … and may say it stopped using one that was not recommended after all.
STOPPABLE: frozenset[ToolStatus] = frozenset({"not_recommended", "retired"})
IN_USE_STATES: frozenset[AdoptionState] = frozenset({"getting_started", "in_use"})
#: What a superuser may say of their own daycare, in the order the card offers it.
OWN_CHOICES: tuple[AdoptionState, ...] = ("getting_started", "in_use", "stopped")


@dataclass(frozen=True)
class GuideCard:
    detail: GuideDetail
    decision: Decision | None
    #: The reader may edit it (an ambassador or the coordinator).
    can_edit: bool
    #: How the tool did in its tests (results, ratings, recommendations).
    evaluation: ToolSummary | None = None
    #: In how many daycares the tool is in use, the neighbours who use it, the reader's own.
    adoption: AdoptionSummary | None = None
    #: The reader keeps leadership's decisions (a leader or the coordinator).
    can_decide: bool = False
    #: The reader runs tool tests (an ambassador or the coordinator).
    can_test: bool = False
    #: "Spørg en ambassadør" is for people in a daycare or an area (and anyone not yet in
    #: the organisation); a leader or the coordinator has other ways to the network.
    can_ask: bool = True

    @property
    def status(self) -> ToolStatus:
        return self.detail.tool.status

    @property
    def offers_test(self) -> bool:
        return self.can_test and self.status in TESTABLE

    @property
    def offers_decisions(self) -> bool:
        return self.can_decide and self.status in DECIDABLE

    @property
    def offers_training(self) -> bool:
        return self.sets_for_others and self.status in TRAINABLE

    @property
    def offers_set_for_others(self) -> bool:
        return self.sets_for_others and self.status in ADOPTABLE | STOPPABLE

    @property
    def sets_for_others(self) -> bool:
        return self.adoption is not None and self.adoption.sets_for_others

    @property
    def own_choices(self) -> tuple[AdoptionState, ...]:
        """What the reader may say of their own daycare's use of the tool now: not the state
        it is in, and only "stopped" once the tool is no longer recommended."""
        own = self.adoption
        if own is None or own.own_daycare_id is None:
            return ()
        if self.status in ADOPTABLE:
            return tuple(state for state in OWN_CHOICES if state != own.own_state)
        if self.status in STOPPABLE and own.own_state in IN_USE_STATES:
            return ("stopped",)
        return ()


@dataclass(frozen=True)
class SearchAnswer:
    query: str
    best: GuideCard
    others: tuple[GuideSummary, ...] = ()
    #: The saved question and answer in the best guide that the search found it by.
    faq: FaqEntry | None = None


@dataclass(frozen=True)
class NoMatch:
    query: str
    closest: tuple[str, ...] = ()


@dataclass(frozen=True)
class BrowseAnswer:
    guides: tuple[GuideSummary, ...]
    categories: tuple[str, ...]
    #: ("category" | "theme" | "age_group", value) when the list is narrowed.
    narrowed_by: tuple[str, str] | None = None
    themes: tuple[str, ...] = field(default=THEMES)
    age_groups: tuple[str, ...] = field(default=AGE_GROUPS)


@dataclass(frozen=True)
class NewGuideRequest:
    """`/tool-guide new <tool>`: the tool named (may be empty) and whether the asker may write."""

    tool: str
    allowed: bool


ToolGuideAnswer = SearchAnswer | NoMatch | BrowseAnswer | NewGuideRequest


async def answer(db: Database, asker_id: int, text: str) -> ToolGuideAnswer:
    """Read what followed `/tool-guide` and answer it."""
    text = text.strip()
    first, _, rest = text.partition(" ")
    if not text or (first.casefold() in BROWSE_WORDS and not rest.strip()):
        return await browse(db)
    if first.casefold() in NEW_WORDS:
        return NewGuideRequest(
            tool=rest.strip(), allowed=await person_can(db, asker_id, Action.WRITE_GUIDES)
        )
    return await search(db, asker_id, text)


async def search(db: Database, asker_id: int, query: str) -> SearchAnswer | NoMatch:
    hits = await search_guides(db, query, limit=HITS_SHOWN)
    if not hits:
        return NoMatch(query, tuple(await closest_tool_names(db, query, limit=3)))
    best = await card(db, hits[0].guide_id, asker_id)
    if best is None:  # deleted between the search and now
        return NoMatch(query)
    others_ids = [hit.guide_id for hit in hits[1:]]
    by_id = {s.guide_id: s for s in await guides_repo.browse(db, only=others_ids)}
    others = tuple(by_id[hit.guide_id] for hit in hits[1:] if hit.guide_id in by_id)
    faq = entry_at(best.detail.current.content.body, hits[0].faq)
    return SearchAnswer(query, best, others, faq)


async def browse(db: Database, narrowed_by: tuple[str, str] | None = None) -> BrowseAnswer:
    """Every guide, recommended tools first; narrowed by one category, theme or age group."""
    kind, value = narrowed_by or ("", "")
    guides = await guides_repo.browse(
        db,
        category=value if kind == "category" else None,
        theme=value if kind == "theme" and value in THEMES else None,
        age_group=value if kind == "age_group" and value in AGE_GROUPS else None,
    )
    return BrowseAnswer(
        guides=tuple(guides),
        categories=tuple(await tools_repo.categories(db)),
        narrowed_by=narrowed_by if kind in FILTER_KINDS else None,
    )


async def card(db: Database, guide_id: int, reader_id: int) -> GuideCard | None:
    detail = await get_guide_by_id(db, guide_id)
    if detail is None:
        return None
    reader = await org.person(db, reader_id)
    return GuideCard(
        detail=detail,
        decision=await latest_decision(db, detail.tool.id),
        can_edit=can(reader, Action.WRITE_GUIDES),
        evaluation=await tool_summary(db, detail.tool.id, quotes=0),
        adoption=await adoption_summary(db, detail.tool.id, reader_id),
        can_decide=can(reader, Action.RECORD_DECISIONS),
        can_test=can(reader, Action.RUN_TOOL_TESTS),
        can_ask=reader is None or not reader.roles or any(r.role in ASKERS for r in reader.roles),
    )


async def version_authors(db: Database, versions: list[GuideVersion]) -> dict[int, str]:
    """The names of the people who wrote the versions, by person id (people who left the
    organisation are absent: the view names them otherwise)."""
    return await people_names(db, {v.edited_by for v in versions if v.edited_by is not None})


async def people_names(db: Database, person_ids: Iterable[int]) -> dict[int, str]:
    """The names of those of `person_ids` who are in the organisation, by person id."""
    names: dict[int, str] = {}
    for who in set(person_ids):
        person = await org.person(db, who)
        if person is not None:
            names[who] = person.name
    return names
