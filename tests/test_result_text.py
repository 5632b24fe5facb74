"""Reading results written as chat messages: as ambassadors actually write them.

Each case is a message someone could plausibly post in the test channel, with what the bot
should read from it. The non-results matter as much as the results: a busy channel must not
get "save as result?" offers for a staff meeting reminder or a date.
"""

from __future__ import annotations

import random
from dataclasses import FrozenInstanceError, dataclass

import pytest

from bot.domain.guides import Tool
from bot.domain.org import Daycare
from bot.domain.tool_tests import Recommendation
from bot.services.result_text import MAX_SCAN_CHARS, ReadMessage, read_message

TOOLS = (
    Tool(1, "Bee-Bot", "Robotter", "recommended", ("Bi-Bot",)),
    Tool(2, "Blue-Bot", "Robotter", "recommended"),
    Tool(3, "Ozobot", "Robotter", "in_test"),
    Tool(4, "Osmo", "App", "in_test"),
    Tool(5, "Digitalt mikroskop", "Udstyr", "recommended", ("mikroskop",)),
    Tool(6, "Green Screen by Do Ink", "App", "in_test", ("grøn skærm",)),
    Tool(7, "Stop Motion Studio", "App", "proposed"),
    Tool(8, "Makey Makey", "Elektronik", "in_test"),
    Tool(9, "iPad-kamera", "Udstyr", "recommended"),
    Tool(10, "ScratchJr", "App", "in_test"),
    Tool(11, "Book Creator", "App", "evaluated"),
)
BEE, BLUE, OZO, OSMO, MIKRO = "Bee-Bot", "Blue-Bot", "Ozobot", "Osmo", "Digitalt mikroskop"
GREEN, STOP, MAKEY, KAMERA = (
    "Green Screen by Do Ink",
    "Stop Motion Studio",
    "Makey Makey",
    "iPad-kamera",
)
SCRATCH, BOOK = "ScratchJr", "Book Creator"

YES: Recommendation = "recommend"
COND: Recommendation = "recommend_with_conditions"
NO: Recommendation = "not_recommended"
MORE: Recommendation = "needs_more_testing"


@dataclass(frozen=True)
class Case:
    text: str
    tagged: bool = False
    tool: str | None = None
    rating: int | None = None
    recommendation: Recommendation | None = None
    looks: bool = False
    #: Only when the text names more than one tool; otherwise (tool,) or ().
    candidates: tuple[str, ...] | None = None


CASES: dict[str, Case] = {
    # --- Tagged results ---------------------------------------------------------------
    "the example": Case(
        "#test Bee-Bot i Mælkebøtten i dag: 4/5 – børnene var meget optagede, men de små "
        "havde svært ved knapperne. Anbefales med forbehold.",
        tagged=True,
        tool=BEE,
        rating=4,
        recommendation=COND,
    ),
    "afprøvning with colon": Case(
        "#afprøvning: Ozobot på stuen. 5/5, anbefales!",
        tagged=True,
        tool=OZO,
        rating=5,
        recommendation=YES,
    ),
    "afproevning, out of, more testing": Case(
        "#Afproevning Osmo 3 ud af 5. Skal afprøves mere med de store.",
        tagged=True,
        tool=OSMO,
        rating=3,
        recommendation=MORE,
    ),
    "afprovning, alias inflected, outline stars": Case(
        "#afprovning mikroskopet var et hit ★★★★★", tagged=True, tool=MIKRO, rating=5
    ),
    "leading whitespace, upper case, not recommended": Case(
        "  #TEST: Blue-Bot 2/5 - anbefales ikke til vuggestuen",
        tagged=True,
        tool=BLUE,
        rating=2,
        recommendation=NO,
    ),
    "karakter, vi anbefaler": Case(
        "#test Stop Motion Studio med de store: karakter 4. Vi anbefaler den.",
        tagged=True,
        tool=STOP,
        rating=4,
        recommendation=YES,
    ),
    "kan ikke anbefales, 1 stjerne": Case(
        "#test Makey Makey kan ikke anbefales, for svært for de små. 1 stjerne",
        tagged=True,
        tool=MAKEY,
        rating=1,
        recommendation=NO,
    ),
    "part of a long name, emoji stars": Case(
        "#test Green screen i dag ⭐⭐⭐⭐ børnene elskede det", tagged=True, tool=GREEN, rating=4
    ),
    "danish alias, stjerner, visse forbehold": Case(
        "#test grøn skærm: 3 stjerner, med visse forbehold",
        tagged=True,
        tool=GREEN,
        rating=3,
        recommendation=COND,
    ),
    "spaced slash": Case("#test ScratchJr 4 / 5", tagged=True, tool=SCRATCH, rating=4),
    "english more testing": Case(
        "#test Book Creator – needs more testing", tagged=True, tool=BOOK, recommendation=MORE
    ),
    "slack channel link as tag": Case(
        "<#C0123ABC|test> Bee-Bot 4/5", tagged=True, tool=BEE, rating=4
    ),
    "slack channel link afprøvning": Case(
        "<#C0123ABC|afprøvning> Osmo, anbefales", tagged=True, tool=OSMO, recommendation=YES
    ),
    "tag only": Case("#test", tagged=True),
    "tagged without a tool": Case(
        "#test: vi prøvede noget nyt i dag, børnene var glade", tagged=True
    ),
    "compound hashtag is no tag": Case("#testkanal er oprettet, velkommen til"),
    "hyphenated name inflected, af 5": Case(
        "#test iPad-kameraet 4 af 5, anbefales",
        tagged=True,
        tool=KAMERA,
        rating=4,
        recommendation=YES,
    ),
    "tagged with year date": Case(
        "#test Osmo 4/5 2026: børnene var optagede", tagged=True, tool=OSMO
    ),
    "date first, then rating": Case(
        "#test Blue-Bot den 3/5: 4/5, anbefales",
        tagged=True,
        tool=BLUE,
        rating=4,
        recommendation=YES,
    ),
    "count then karakter": Case(
        "#test Osmo: 4/5 af børnene var med hele vejen, karakter 3",
        tagged=True,
        tool=OSMO,
        rating=3,
    ),
    "count, time, price": Case(
        "#test Makey Makey med 5 børn kl. 9.30, kostede 45 kr", tagged=True, tool=MAKEY
    ),
    "tagged question still tagged": Case(
        "#test Kan Bee-Bot anbefales til vuggestuen?", tagged=True, tool=BEE
    ),
    # --- Untagged results: offered -----------------------------------------------------
    "inflected, cues only": Case(
        "Bee-Botten virkede rigtig godt i dag, børnene var meget engagerede",
        tool=BEE,
        looks=True,
    ),
    "plural inflection, rating": Case(
        "Ozobotterne var et hit – 4/5", tool=OZO, rating=4, looks=True
    ),
    "compact name, cues": Case(
        "Vi prøvede beebot med vuggestuen, det var svært for dem", tool=BEE, looks=True
    ),
    "alias, recommend": Case("Bi-Bot anbefales varmt!", tool=BEE, recommendation=YES, looks=True),
    "short name inflected": Case(
        "Osmoen fungerede godt, men børnene kedede sig efter 10 min", tool=OSMO, looks=True
    ),
    "alias inflected, stjerner": Case(
        "Mikroskopet var super, 5 stjerner fra Solsikken", tool=MIKRO, rating=5, looks=True
    ),
    "english result": Case(
        "We tried the Blue-Bot with the older children, 4 out of 5, recommended",
        tool=BLUE,
        rating=4,
        recommendation=YES,
        looks=True,
    ),
    "english negation": Case(
        "Ozobot: would not recommend for under 5s, too fiddly",
        tool=OZO,
        recommendation=NO,
        looks=True,
    ),
    "outline stars, more testing": Case(
        "Stop motion med de store: ★★★☆☆ – skal afprøves mere",
        tool=STOP,
        rating=3,
        recommendation=MORE,
        looks=True,
    ),
    "stjerner after slash, english conditions": Case(
        "Makey Makey 4/5 stjerner, with some reservations",
        tool=MAKEY,
        rating=4,
        recommendation=COND,
        looks=True,
    ),
    "praise that looks like a negation": Case(
        "Blue Bot kan ikke anbefales nok! 5/5", tool=BLUE, rating=5, recommendation=YES, looks=True
    ),
    "full long name, rating keyword": Case(
        "Green Screen by Do Ink: rating 4, testede i Regnbuen", tool=GREEN, rating=4, looks=True
    ),
    "slack star shortcodes": Case(
        ":star::star::star: Osmo virkede fint i dag", tool=OSMO, rating=3, looks=True
    ),
    "name plus definite ending": Case(
        "Stop Motion Studioet var svært, men børnene var engagerede", tool=STOP, looks=True
    ),
    "english rate it": Case(
        "I'd rate it 4, the kids loved Makey Makey", tool=MAKEY, rating=4, looks=True
    ),
    "english don't recommend": Case(
        "Makey Makey: don't recommend it for vuggestue", tool=MAKEY, recommendation=NO, looks=True
    ),
    "english too early": Case(
        "Book Creator - too early to say, but the children liked it",
        tool=BOOK,
        recommendation=MORE,
        looks=True,
    ),
    "anbefales: nej": Case("Osmo anbefales: nej", tool=OSMO, recommendation=NO, looks=True),
    "ikke kun is no negation": Case(
        "Bee-Bot anbefales ikke kun til de store, men også de små",
        tool=BEE,
        recommendation=YES,
        looks=True,
    ),
    "ikke mindst is no negation": Case(
        "Digitalt mikroskop – anbefales ikke mindst til naturfag, 5/5",
        tool=MIKRO,
        rating=5,
        recommendation=YES,
        looks=True,
    ),
    "frarådes": Case(
        "Bee-Bot frarådes til vuggestuen, 2 ud af 5.",
        tool=BEE,
        rating=2,
        recommendation=NO,
        looks=True,
    ),
    "count is no rating but cues": Case(
        "Bee-Bot: 4 ud af 5 børn syntes det var sjovt", tool=BEE, looks=True
    ),
    # --- Typos and spellings -----------------------------------------------------------
    "typo doubled letter": Case(
        "Ozobott virkede godt hos de store, børnene var optagede", tool=OZO, looks=True
    ),
    "typo alias with ending": Case(
        "Mikroskobet var populært, 4 ud af 5", tool=MIKRO, rating=4, looks=True
    ),
    "typo compact long name": Case(
        "Bookcreater er nem at bruge, 5/5", tool=BOOK, rating=5, looks=True
    ),
    "split name": Case("Scratch jr var for svært, 2/5", tool=SCRATCH, rating=2, looks=True),
    "transposed letters in a three-word name": Case(
        "stop motoin studio: vi anbefaler den", tool=STOP, recommendation=YES, looks=True
    ),
    "oe/ae spelling": Case(
        "#test groen skaerm: boernene elskede det, anbefales",
        tagged=True,
        tool=GREEN,
        recommendation=YES,
    ),
    "oe spelling cues": Case(
        "Vi har afproevet Osmo i boernehaven - det virkede", tool=OSMO, looks=True
    ),
    "aa spelling": Case(
        "Blue-Bot paa stuen: 3/5, skal afproeves igen",
        tool=BLUE,
        rating=3,
        recommendation=MORE,
        looks=True,
    ),
    "adjective form of the alias is a question": Case(
        "Hvem har lånt den grønne skærm?", tool=GREEN
    ),
    # --- Dates, counts, prices: not ratings --------------------------------------------
    "d. date": Case("Vi starter med Bee-Bot d. 4/5 på Solsikken", tool=BEE),
    "dates with years": Case("Ozobot-forløb 4/5-2026 til 1/6-2026", tool=OZO),
    "weekday date and time": Case("Bee-Bot kursus mandag 4/5 kl. 9.30", tool=BEE),
    "phone number": Case("Ring til Bente om Osmo på 45 12 34 56", tool=OSMO),
    "half rating is not read": Case("Blue-Bot 4,5/5 – fantastisk", tool=BLUE, looks=False),
    "other scale": Case("Bee-Bot 8/10", tool=BEE),
    "empty stars only": Case("Bee-Bot ☆☆☆☆☆", tool=BEE),
    "date without tool": Case("Møde d. 4/5 kl. 9.30 i huset"),
    # --- Two tools: ask --------------------------------------------------------------------
    "two tools compared": Case(
        "Bee-Bot virkede bedre end Blue-Bot hos os, 4/5",
        rating=4,
        looks=True,
        candidates=(BEE, BLUE),
    ),
    "mentioned twice is first": Case(
        "#test Ozobot og Osmo i dag, Osmo var bedst: 4/5",
        tagged=True,
        rating=4,
        candidates=(OSMO, OZO),
    ),
    "exact beats typo": Case(
        "#test Makey Makey og mikroskob", tagged=True, candidates=(MAKEY, MIKRO)
    ),
    # --- Chat that is no result ------------------------------------------------------------
    "staff meeting": Case("Husk personalemøde i morgen"),
    "charger": Case("Har nogen set ladekablet?"),
    "weekend": Case("God weekend allesammen ☀️"),
    "motion is exercise": Case("Børnene fik masser af motion i dag, de var glade"),
    "digital is an ordinary word": Case("Vi skal tale om digitale værktøjer på næste møde"),
    "ipad camera broken": Case("Kameraet på iPad'en er gået i stykker"),
    "question about a tool": Case("Har nogen prøvet Bee-Bot?", tool=BEE),
    "question with emoji": Case("Kan Ozobot anbefales til vuggestue? 🙂", tool=OZO),
    "english question": Case("Anyone tried Osmo with the little ones?", tool=OSMO),
    "single decorative star": Case("Tak for i dag ⭐"),
    "reminder to write results": Case("Husk at skrive jeres afprøvninger her i kanalen 👍"),
    "robots book": Case("Der kommer en ny bog om robotter"),
    "stop is a word": Case("Stop! Der er kage i personalestuen 🎂"),
    "screen by is no part of a name": Case("Put the screen by the window please"),
    "counts": Case("Vi har 5 iPads og 2 robotter på stuen"),
    "green and screen apart": Case("Den grønne bil står foran skærmen"),
    "emoji only": Case("🎉🎉🎉"),
    "empty": Case(""),
    "markup is not the author's words": Case(
        "<@U123> kan du tage <https://beebot.example/4/5|Bee-Bot guiden> med i morgen"
    ),
    "code block is not the author's words": Case("```Ozobot 5/5 anbefales```"),
}


def _names(tools: tuple[Tool, ...]) -> tuple[str, ...]:
    return tuple(tool.name for tool in tools)


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_reads_message(case: Case) -> None:
    found = read_message(case.text, TOOLS)
    expected_candidates = case.candidates or ((case.tool,) if case.tool else ())
    assert (
        found.tagged,
        found.tool.name if found.tool else None,
        _names(found.candidates),
        found.rating,
        found.recommendation,
        found.looks_like_result,
    ) == (
        case.tagged,
        case.tool,
        expected_candidates,
        case.rating,
        case.recommendation,
        case.looks,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#test:   Bee-Bot  4/5\n\nlinje 2  ", "Bee-Bot  4/5\n\nlinje 2"),
        ("  Bee-Bot 4/5 ", "Bee-Bot 4/5"),
        ("#afprøvning Osmo", "Osmo"),
        ("#test : Osmo", "Osmo"),
        ("<#C1|test>: Osmo", "Osmo"),
        ("#test - Osmo", "- Osmo"),
        ("Osmo #test", "Osmo #test"),
    ],
)
def test_text_is_the_message_without_the_tag(text: str, expected: str) -> None:
    assert read_message(text, TOOLS).text == expected


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("4/5", 4),
        ("4 / 5", 4),
        ("4 ud af 5", 4),
        ("4 af 5", 4),
        ("fire ud af fem", 4),
        ("4/5 stjerner", 4),
        ("★★★★", 4),
        ("★★★★☆", 4),
        ("⭐⭐⭐⭐", 4),
        ("⭐️⭐️⭐️", 3),
        ("karakter 4", 4),
        ("Karakter: 4/5", 4),
        ("rating 4", 4),
        ("4 stjerner", 4),
        ("4⭐", 4),
        ("2/5 og senere 4/5", 2),
        ("★★ men 5/5 næste gang", 2),
        ("4/5-2026", None),
        ("4/5/26", None),
        ("d. 4/5", None),
        ("den 4/5", None),
        ("fra 4/5", None),
        ("mødet er udsat til 4/5", None),
        ("tirs. 4/5", None),
        ("45 kr", None),
        ("kl. 9.30", None),
        ("5 børn", None),
        ("tlf. 45 12 34 56", None),
        ("4/5 børn", None),
        ("4 ud af 5 var glade", None),
        ("6/5", None),
        ("0/5", None),
        ("karakter 7", None),
        ("karakter 4 ud af 10", None),
        ("rating 4/10", None),
        ("★★★★★★", None),
        ("12/5", None),
        ("4/50", None),
    ],
)
def test_ratings(text: str, rating: int | None) -> None:
    assert read_message(f"Osmo {text}", TOOLS).rating == rating


@pytest.mark.parametrize(
    ("text", "recommendation"),
    [
        ("anbefales", YES),
        ("kan anbefales", YES),
        ("anbefaler", YES),
        ("vi anbefaler", YES),
        ("kan varmt anbefales", YES),
        ("anbefales uden forbehold", YES),
        ("recommend", YES),
        ("highly recommended", YES),
        ("anbefales ikke", NO),
        ("kan ikke anbefales", NO),
        ("vi anbefaler den ikke", NO),
        ("jeg vil ikke anbefale den", NO),
        ("not recommended", NO),
        ("do not recommend", NO),
        ("don't recommend", NO),
        ("don’t recommend", NO),
        ("ANBEFALES IKKE", NO),
        ("med forbehold", COND),
        ("anbefales med forbehold", COND),
        ("with conditions", COND),
        ("recommended with reservations", COND),
        ("skal afprøves mere", MORE),
        ("mere afprøvning", MORE),
        ("needs more testing", MORE),
        ("more testing", MORE),
        ("Kan den anbefales?", None),
        ("Hvad anbefaler I?", None),
        ("", None),
    ],
)
def test_recommendations(text: str, recommendation: Recommendation | None) -> None:
    assert read_message(f"#test Osmo. {text}", TOOLS).recommendation == recommendation


def test_long_message_is_read_from_its_beginning_only() -> None:
    filler = "bla bla " * 1250
    text = f"Bee-Bot 4/5 {filler} Ozobot 2/5"
    found = read_message(text, TOOLS)
    assert len(text) > 10_000 > MAX_SCAN_CHARS
    assert (found.tool, found.rating) == (TOOLS[0], 4)
    assert found.text == text.strip()


HOSTILE_PIECES = (
    "<",
    ">",
    "<@U123>",
    "<#C123|test>",
    "<https://x|y>",
    "<!here>",
    "```",
    "`",
    ":",
    "::",
    ":star:",
    ":+:",
    "★",
    "☆",
    "⭐",
    "\ufe0f",
    "4/5",
    "/",
    "5",
    "d.",
    "ø",
    "Æ",
    "å",
    "\n",
    "\t",
    "?",
    "!",
    "#test",
    "Bee",
    "Bot",
    "-",
    "'",
    "’",
    "\u200b",
    "\x00",
    "ﬁ",
    "½",
    "🎉",
    "&lt;",
    "&amp;",
    "anbefales",
    "ikke",
    "med forbehold",
    "\ud800",
    "x" * 60,
    "1" * 40,
)


def test_hostile_input_never_raises() -> None:
    rng = random.Random(2026)
    for _ in range(400):
        text = "".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(0, 40)))
        found = read_message(text, TOOLS)
        assert isinstance(found, ReadMessage)
        assert found.rating is None or 1 <= found.rating <= 5
        assert len(found.candidates) <= 3


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "#",
        "#test:",
        "<",
        "<<<<>>>>",
        "```",
        "``` unclosed Bee-Bot 4/5",
        "😀" * 5000,
        ":" * 3000,
        ":+" * 3000,
        "<" * 3000,
        "4/" * 3000,
        "ikke " * 2000,
        "\ud800\udfff",
    ],
)
def test_odd_input(text: str) -> None:
    found = read_message(text, TOOLS)
    assert found.rating is None or 1 <= found.rating <= 5


def test_unclosed_code_fence_is_read() -> None:
    found = read_message("``` unclosed Bee-Bot 4/5", TOOLS)
    assert (found.tool, found.rating) == (TOOLS[0], 4)


def test_no_tools_in_catalogue() -> None:
    found = read_message("#test Bee-Bot 4/5, anbefales", [])
    assert (found.tagged, found.tool, found.candidates, found.rating) == (True, None, (), 4)
    assert found.recommendation == "recommend"


def test_at_most_three_candidates_best_first() -> None:
    found = read_message("Osmo Osmo Ozobot Bee-Bot Blue-Bot Makey Makey, 4/5", TOOLS)
    assert found.tool is None
    assert _names(found.candidates)[0] == OSMO
    assert len(found.candidates) == 3


def test_shared_alias_is_ambiguous() -> None:
    tools = (*TOOLS, Tool(12, "Bee-Bot 2", None, "proposed", ("Bi-Bot",)))
    found = read_message("#test Bi-Bot 4/5", tools)
    assert found.tool is None
    assert set(_names(found.candidates)) == {BEE, "Bee-Bot 2"}


def test_longer_name_wins_over_its_prefix() -> None:
    tools = (Tool(1, "Bee-Bot", None, "recommended"), Tool(2, "Bee-Bot Pro", None, "proposed"))
    assert _names(read_message("#test Bee-Bot Pro 4/5", tools).candidates) == ("Bee-Bot Pro",)
    assert _names(read_message("#test Bee-Bot 4/5", tools).candidates) == ("Bee-Bot",)


def test_read_message_is_frozen() -> None:
    found = read_message("#test Osmo", TOOLS)
    with pytest.raises(FrozenInstanceError):
        found.tagged = False  # type: ignore[misc]


# --- Children, minutes and the daycare ------------------------------------------------------

DAYCARES = (
    Daycare(1, "Børnehuset Mælkebøtten", 1),
    Daycare(2, "Vuggestuen Solsikken", 1),
    Daycare(3, "Børnehaven Regnbuen", 1),
    Daycare(4, "Skovbørnehaven Egernet", 2),
    Daycare(5, "Dagtilbud Havblik", 2),
    Daycare(6, "Børnehuset Lærkereden", 3),
)


@pytest.mark.parametrize(
    ("text", "children", "minutes"),
    [
        ("#test Ozobot i Egernet: 4/5, 6 børn, 25 min. Anbefales med forbehold", 6, 25),
        ("#test Ozobot: seks børn i 25 minutter", 6, 25),
        ("Bee-Bot med 8 store børn, 45 minutter, 4/5", 8, 45),
        ("#test Osmo 1 barn, ½ time", 1, 30),
        ("#test Osmo, 12 BØRN og en halv time", 12, 30),
        ("#test Osmo – 3 voksne og 14 børn, 1½ time", 14, 90),
        ("#test Osmo 10 boern, 2 timer", 10, 120),
        ("#test Osmo et kvarter med 4 børn", 4, 15),
        ("#test Osmo 20 børn 45 min.", 20, 45),
        # Counts of something else, and ranges, are left for the modal.
        ("#test Osmo 4 ud af 5 børn kunne selv", None, None),
        ("#test Osmo 2 af børnene græd, 4/5", None, None),
        ("#test Osmo 4/5 børn var med, 20-30 min", None, None),
        ("#test Osmo 4/5", None, None),
    ],
)
def test_children_and_minutes_as_people_write_them(
    text: str, children: int | None, minutes: int | None
) -> None:
    found = read_message(text, TOOLS, DAYCARES)
    assert (found.children, found.minutes) == (children, minutes)


@pytest.mark.parametrize(
    ("text", "daycare"),
    [
        ("#test Ozobot i Egernet: 4/5, 6 børn, 25 min.", "Skovbørnehaven Egernet"),
        ("#test ozobot i egernet 4/5", "Skovbørnehaven Egernet"),
        ("#test Ozobot i Egrnet 4/5", "Skovbørnehaven Egernet"),  # a typo
        ("#test Ozobot i Egernets have 4/5", "Skovbørnehaven Egernet"),  # an ending
        ("#test Bee-Bot i Maelkeboetten 4/5", "Børnehuset Mælkebøtten"),  # æ/ø written out
        ("#test Bee-Bot i Malkebotten 4/5", "Børnehuset Mælkebøtten"),  # … or left out
        ("#test Bee-Bot i MÆLKEBØTTEN 4/5", "Børnehuset Mælkebøtten"),
        ("#test Bee-Bot i Skovbørnehaven Egernet 4/5", "Skovbørnehaven Egernet"),
        ("#test Bee-Bot i Larkereden 4/5", "Børnehuset Lærkereden"),
        # A word every daycare name uses names none; two daycares name none either.
        ("#test Bee-Bot i børnehaven 4/5", None),
        ("#test Bee-Bot i vuggestuen 4/5", None),
        ("#test Bee-Bot i Egernet og i Havblik 4/5", None),
        ("#test Bee-Bot 4/5", None),
    ],
)
def test_the_daycare_named_is_found_forgivingly(text: str, daycare: str | None) -> None:
    found = read_message(text, TOOLS, DAYCARES)
    assert (found.daycare.name if found.daycare else None) == daycare
    assert found.tool is not None  # a daycare is never mistaken for a tool, nor the reverse


def test_without_daycares_none_is_named() -> None:
    assert read_message("#test Ozobot i Egernet 4/5", TOOLS).daycare is None
