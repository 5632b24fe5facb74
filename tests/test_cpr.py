"""CPR numbers: found by shape and a valid date (never by modulus 11), shown only masked, and
refused by every service that stores what a person wrote — before anything is written."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.domain.area_evaluations import Answers
from bot.domain.cpr import century, cpr_spans, find_cpr, is_cpr_date, mask
from bot.domain.guides import GuideContent, GuideDraft
from bot.domain.tool_tests import ResultDraft
from bot.i18n import t
from bot.services.adoption import AdoptionRefused, set_adoption
from bot.services.area_evaluations import check_answers
from bot.services.demo import seed_demo
from bot.services.guide_editor import GuideForm, save_form
from bot.services.guides import (
    find_tool,
    get_guide,
    import_guide_files,
    record_decision,
    save_guide,
    tool_decisions,
)
from bot.services.privacy import FIELD_KEY, ContainsCpr, cpr_errors, ensure_no_cpr
from bot.services.sparring import ask, check_question
from bot.services.sparring_handling import check_answer
from bot.services.tool_tests import results_for_tool, save_result
from storage.db import Database
from storage.repositories import org as org_repo
from storage.repositories.sparring import question_records
from tests.people import person_id

METTE = "U0DEMO003"  # ambassador
ANNETTE = "U0DEMO001"  # coordinator
LINE = "U0DEMO005"  # superuser

# -- the detector ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("230415-4127", ["230415-XXXX"]),
        ("2304154127", ["230415-XXXX"]),
        ("230415 4127", ["230415-XXXX"]),
        ("230415 - 4127", ["230415-XXXX"]),
        ("230415–4127", ["230415-XXXX"]),  # an en dash from a word processor
        ("Emil (010190-1235) var glad", ["010190-XXXX"]),
        ("CPR: 311299-1234.", ["311299-XXXX"]),
        ("cpr-nr.230415-4127, tak", ["230415-XXXX"]),
        ("to børn: 230415-4127 og 010116-4000", ["230415-XXXX", "010116-XXXX"]),
        ("samme dato to gange 230415-4127 230415-4128", ["230415-XXXX"]),
        # Fails modulus 11 (weights 4,3,2,7,6,5,4,3,2,1): newer numbers may, still found.
        ("010116-4001", ["010116-XXXX"]),
        ("\n2304154127\n", ["230415-XXXX"]),
        ("CPR-2304154127", ["230415-XXXX"]),  # a dash after a word is no number's tail
        ("2304154127 8", ["230415-XXXX"]),  # a separate digit after it changes nothing
        # The ways that slipped through once (issue 17.5): separators people type, …
        ("01 01 90-1234", ["010190-XXXX"]),
        ("01.01.90-1234", ["010190-XXXX"]),
        ("01 01 90 1234", ["010190-XXXX"]),
        ("010190/1234", ["010190-XXXX"]),
        ("010190--1234", ["010190-XXXX"]),
        ("010190 -- 1234", ["010190-XXXX"]),
        ("010190_1234", ["010190-XXXX"]),
        # … characters that look like digits and spaces, or do not show at all, …
        ("０１０１９０-１２３４", ["010190-XXXX"]),  # full-width digits
        ("０１０１９０－１２３４", ["010190-XXXX"]),  # and a full-width dash
        ("010190\u00a01234", ["010190-XXXX"]),  # a non-breaking space
        ("0101\u200b901234", ["010190-XXXX"]),  # a zero-width space inside
        ("010190-\u00ad1234", ["010190-XXXX"]),  # a soft hyphen
        ("\u2060010190\u20601234\ufeff", ["010190-XXXX"]),  # word joiners, a BOM
        ("٠١٠١٩٠-١٢٣٤", ["010190-XXXX"]),  # Arabic-Indic digits
        # … and a letter right after it.
        ("070790-7777s forældre", ["070790-XXXX"]),
        ("2304154127x", ["230415-XXXX"]),
    ],
)
def test_real_looking_numbers_are_found_and_masked(text: str, found: list[str]) -> None:
    assert find_cpr(text) == found


@pytest.mark.parametrize(
    ("text", "is_found"),
    [
        ("290200-4123", True),  # 7th digit 4, YY 00 ≤ 36: 2000, a leap year
        ("290200-9123", True),  # 9 like 4: 2000
        ("290200-5123", True),  # 5–8, YY ≤ 57: 2000
        ("290200-1234", False),  # 0–3: 1900, not a leap year
        ("290200-3999", False),
        ("290296-0123", True),  # 1996
        ("290296-5123", True),  # 5–8, YY > 57: 1896, a leap year
        ("290260-6123", True),  # 1860
        ("290258-6123", False),  # 5–8, YY > 57: 1858
        ("290256-7123", True),  # 2056
        ("290237-4123", False),  # 4, YY > 36: 1937
        ("290236-4123", True),  # 2036
        ("290240-4123", True),  # 1940
        ("290201-1234", False),
        ("310415-1234", False),  # 31 April
        ("300415-1234", True),
        ("310115-1234", True),
        ("320115-1234", False),
        ("000115-1234", False),
        ("011315-1234", False),
        ("010015-1234", False),
    ],
)
def test_the_date_decides_with_the_century_from_the_seventh_digit(
    text: str, is_found: bool
) -> None:
    assert bool(find_cpr(text)) is is_found


def test_the_century_rules() -> None:
    assert [century(0, d) for d in range(10)] == [1900] * 4 + [2000] * 6
    assert [century(36, d) for d in (4, 9)] == [2000, 2000]
    assert [century(37, d) for d in (4, 9)] == [1900, 1900]
    assert [century(57, d) for d in (5, 6, 7, 8)] == [2000] * 4
    assert [century(58, d) for d in (5, 6, 7, 8)] == [1800] * 4
    assert century(99, 3) == 1900
    assert is_cpr_date("290200", 4) and not is_cpr_date("290200", 0)


@pytest.mark.parametrize(
    "text",
    [
        "+45 12 34 56 78",
        "ring på 12345678",
        "+4512345678",
        "24-12-2026",
        "24.12.2026 kl. 10:30",
        "24122026",
        "1.200,50 kr",
        "1200,50 kr.",
        "4/5",
        "4/5 ★★★★☆",
        "U0123456789",
        "C0TESTS U0DEMO003",
        "<@U0DEMO003>",
        "ordre 9912345678",  # ten digits, the first six no date
        "1234567890",
        "12304154127",  # eleven digits
        "23041541278",
        "1.2304154127",  # a decimal's tail
        "3,2304154127",
        "4/2304154127",
        "230415-4127-9",  # part of a longer code
        "230415-41270",
        "2304154127.5",
        "x2304154127",
        "_2304154127",
        "2023-04-15",
        "15/04/2023",
        "kl. 230415",
        # Everyday numbers written the ways people write them still pass (issue 17.5).
        "20 30 40 50",
        "+45 20304050",
        "+45 20 30 40 50",
        "01.12.2026",
        "1/12",
        "4/5",
        "1.200,50 kr",
        "5701234567892",  # an EAN-13 code
        "EAN 5701234567892, 2 stk.",
        "０１.１２.２０２６",  # full-width, still a date
        "20\u200b30\u200b40\u200b50",
        "01.01.90",  # a date alone
        "01 01 90 12",
        "kl. 10.30-11.45",
    ],
)
def test_ordinary_numbers_are_not_cpr_numbers(text: str) -> None:
    assert find_cpr(text) == []


def test_mask_keeps_the_date_only() -> None:
    assert mask("230415-4127") == mask("2304154127") == mask("230415 4127") == "230415-XXXX"
    assert mask("23.04.15-4127") == mask("２３０４１５/４１２７") == "230415-XXXX"


def test_the_span_found_is_the_one_written_in_the_original_text() -> None:
    """Normalising changes the text's length; what is masked is where the number stands."""
    text = "Barnet \u200b０１ ０１ ９０\u200b-１２３４s mor ringede"
    ((start, end),) = cpr_spans(text)
    assert text[start:end] == "０１ ０１ ９０\u200b-１２３４"
    assert text[:start] + mask(text[start:end]) + text[end:] == (
        "Barnet \u200b010190-XXXXs mor ringede"
    )


# -- properties -----------------------------------------------------------------------------

#: Six digits of any script, perhaps with spaces, dots, dashes or invisible characters
#: between them (`NFKC` first: `①` is a 1): what a CPR number's date could be written as.
SIX_DIGITS = re.compile(r"\d(?:[\W_]*\d){5}")


def six_digits(text: str) -> bool:
    return bool(SIX_DIGITS.search(unicodedata.normalize("NFKC", text)))


#: Ordinary text: any characters, digits included, but never six digits near each other.
ordinary = st.text(alphabet=st.characters(codec="utf-8"), max_size=200).filter(
    lambda text: not six_digits(text)
)


@st.composite
def valid_cpr(draw: st.DrawFn) -> str:
    """A CPR number with a valid date for its century, written in any of the usual ways."""
    seventh = draw(st.integers(0, 9))
    yy = draw(st.integers(0, 99))
    year = century(yy, seventh) + yy
    born = draw(st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31)))
    serial = f"{seventh}{draw(st.integers(0, 999)):03d}"
    separator = draw(st.sampled_from(["-", "", " ", " - ", "–", "--", "/", "_", "\u00a0"]))
    inside = draw(st.sampled_from(["", " ", "."]))
    number = f"{born:%d}{inside}{born:%m}{inside}{yy:02d}{separator}{serial}"
    if draw(st.booleans()):  # full width, as a phone's keyboard may type it
        number = number.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if draw(st.booleans()):  # a zero-width space somewhere inside
        at = draw(st.integers(1, len(number) - 1))
        number = number[:at] + "\u200b" + number[at:]
    return number


everyday_numbers = st.one_of(
    st.from_regex(r"\+45 [0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
    st.from_regex(r"[0-3][0-9][-./][01][0-9][-./](19|20)[0-9]{2}", fullmatch=True),
    st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{3})?,[0-9]{2} kr\.?", fullmatch=True),
    st.from_regex(r"[1-5]/5", fullmatch=True),
    st.from_regex(r"[UCDW][0-9A-Z]{8,10}", fullmatch=True),
    st.from_regex(r"[0-2][0-9]:[0-5][0-9]", fullmatch=True),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(ordinary)
def test_text_without_six_digits_in_a_row_is_never_flagged(text: str) -> None:
    assert find_cpr(text) == []


@settings(max_examples=300)
@given(st.lists(st.one_of(everyday_numbers, st.text(alphabet="abcæøå .,!?", max_size=12))))
def test_phone_numbers_dates_prices_ratings_and_ids_are_never_flagged(parts: list[str]) -> None:
    assert find_cpr(" ".join(parts)) == []


@settings(max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(ordinary, valid_cpr(), ordinary)
def test_a_valid_cpr_number_anywhere_in_text_is_always_found(
    before: str, number: str, after: str
) -> None:
    found = find_cpr(f"{before} {number} {after}")
    assert mask(number) in found
    assert all(masked.endswith("-XXXX") for masked in found)


# -- the guard ------------------------------------------------------------------------------


def test_the_guard_names_each_field_and_only_masked_numbers() -> None:
    with pytest.raises(ContainsCpr) as caught:
        ensure_no_cpr(worked="fint", hard="Emil 230415-4127 og 010116 4001", note=None)
    error = caught.value
    assert (error.field, error.masked) == ("hard", ("230415-XXXX", "010116-XXXX"))
    assert error.fields == {"hard": ("230415-XXXX", "010116-XXXX")}
    assert "4127" not in str(error) and "4001" not in str(error)
    ensure_no_cpr(worked="ring 12345678, 4/5", hard="", note=None)  # passes


def test_the_texts_read_well_in_both_languages() -> None:
    assert t("da", FIELD_KEY, masked="230415-XXXX") == (
        "Teksten ser ud til at indeholde et CPR-nummer (230415-XXXX). "
        "Det må ikke gemmes her – fjern det, og prøv igen."
    )
    assert t("en", FIELD_KEY, masked="230415-XXXX") == (
        "The text seems to contain a CPR number (230415-XXXX). "
        "It must not be saved here – remove it and try again."
    )


def test_check_functions_refuse_cpr_numbers() -> None:
    with pytest.raises(ContainsCpr):
        check_question("Hvordan med 2304154127?")
    with pytest.raises(ContainsCpr):
        check_answer("Spørg 230415-4127")
    errors = check_answers("ambassador", Answers(works="ok", support="Ida 230415-4127"))
    assert errors == {"support": (FIELD_KEY, {"masked": "230415-XXXX", "count": 1})}
    assert cpr_errors(place="Lokale 2, 12345678") == {}


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


async def test_a_result_with_a_cpr_number_writes_nothing(
    demo: Database, clock: ManualClock
) -> None:
    tool = await find_tool(demo, "Ozobot")
    assert tool is not None
    draft = ResultDraft(tool_id=tool.id, tested_on=clock.now().date(), rating=3, hard="230415-4127")
    with pytest.raises(ContainsCpr) as caught:
        await save_result(demo, clock, await person_id(demo, METTE), draft, request_key="k1")
    assert caught.value.field == "hard"
    assert await results_for_tool(demo, tool.id) == []
    again = await find_tool(demo, "Ozobot")
    assert again is not None and again.status == tool.status  # not moved into test either


async def test_a_question_with_a_cpr_number_writes_nothing(
    demo: Database, clock: ManualClock
) -> None:
    with pytest.raises(ContainsCpr):
        await ask(
            demo,
            clock,
            request_key="q",
            asker_id=await person_id(demo, LINE),
            text="Ida 230415-4127?",
            tool_id=None,
        )
    assert await question_records(demo) == []


async def test_guides_with_a_cpr_number_are_not_saved_nor_imported(
    demo: Database, clock: ManualClock
) -> None:
    content = GuideContent(title="Titel", purpose="Formål", body="Barn 230415-4127")
    with pytest.raises(ContainsCpr):
        await save_guide(
            demo, clock, GuideDraft("cpr", "Ny ting", content), editor=await person_id(demo, METTE)
        )
    assert await get_guide(demo, "cpr") is None and await find_tool(demo, "Ny ting") is None
    form = GuideForm(None, "Ny ting", "Titel 2304154127", "Formål", body="ok")
    outcome = await save_form(demo, clock, await person_id(demo, METTE), form)
    assert outcome.errors == {"title": (FIELD_KEY, {"masked": "230415-XXXX"})}
    data = "---\ntool: Ny ting\ntitle: Titel\npurpose: Formål\n---\n\nEmil 230415-4127.\n"
    good = "---\ntool: Andet\ntitle: Titel\npurpose: Formål, ring 12345678\n---\n\nTekst.\n"
    outcomes = await import_guide_files(
        demo, clock, [("emil.md", data.encode()), ("andet.md", good.encode())], editor="cli"
    )
    refused, saved = outcomes
    assert refused.result is None and saved.result is not None
    (problem,) = refused.problems
    reason = t("da", problem.key, **problem.params)
    assert "230415-XXXX" in reason and "4127" not in reason
    assert await find_tool(demo, "Ny ting") is None


async def test_a_decision_note_with_a_cpr_number_is_not_recorded(
    demo: Database, clock: ManualClock
) -> None:
    tool = await find_tool(demo, "Osmo")
    assert tool is not None
    before = await tool_decisions(demo, tool.id)
    with pytest.raises(ContainsCpr):
        await record_decision(
            demo, clock, tool.id, "stopped", clock.now().date(), "230415-4127", recorded_by="cli"
        )
    assert await tool_decisions(demo, tool.id) == before


async def test_a_stopped_reason_with_a_cpr_number_is_a_field_error(
    demo: Database, clock: ManualClock
) -> None:
    tool = await find_tool(demo, "Osmo")
    daycare = (await org_repo.all_daycares(demo))[0]
    assert tool is not None
    with pytest.raises(AdoptionRefused) as caught:
        annette = await person_id(demo, ANNETTE)
        await set_adoption(
            demo, clock, annette, daycare.id, tool.id, "stopped", "Ida 2304154127 må ikke"
        )
    assert caught.value.errors["reason"][0] == FIELD_KEY
