"""Reading a test result written as an ordinary chat message in the test channel.

Ambassadors write results the way they talk: "#test Bee-Bot i Mælkebøtten i dag: 4/5 –
børnene var meget optagede … Anbefales med forbehold." The bot must tell from the text
alone whether it is tagged, which tool it is about, the rating and the recommendation — and,
for an untagged message, whether it reads like a result at all, so it can *offer* to save it
("save as result for <tool>?") rather than save a guess.

Everything here is a pure function of the text and the tool catalogue: no database, no
chat platform. The text is the message as the front end hands it in, the platform's own
markup left in it (Slack's, below: what it makes of a tag, a mention, a star). Wrong answers
are cheap in one direction only: a missed result costs the ambassador a click, but a false
one (an ordinary chat message read as a result, a date read as a rating) makes the bot look
silly in a busy channel. So every rule below leans towards "not found" when the text is
ambiguous.

Rules worth knowing (the tests pin them down):

* **Tag.** The message starts (after whitespace) with ``#test`` or ``#afprøvning``
  (also ``#afproevning``/``#afprovning``, any case), optionally followed by ``:``. Slack turns
  ``#test`` into a channel link when a channel of that name exists, so ``<#C123|test>`` at
  the start counts as the tag too. A tag later in the message does not count.
* **Tool.** Names and aliases are compared in compact form (``Bee-Bot`` = ``bee bot`` =
  ``beebot``), with Danish endings (``Bee-Botten``, ``Ozobotterne``, ``mikroskopet``) and
  typos (rapidfuzz ratio ≥ 85 on runs of at least five letters, first letter right). One
  word of a multi-word name is enough only when it is distinctive: at least five letters,
  no other tool uses it, and it is not an everyday word (``motion``, ``digitalt``,
  ``kamera`` …). Two different tools named → ``tool`` is None and both are candidates,
  because saving under the wrong tool is worse than asking.
* **Rating.** ``4/5``, ``4 ud af 5``, ``4 stjerner``, ``karakter 4``, ``★★★★☆``, ``⭐⭐⭐⭐``
  (and Slack's ``:star:`` spelling). The first one in the text wins. ``4/5`` is a date,
  not a rating, when a year follows (``4/5-2026``, ``4/5 2026``) or a date word precedes
  it (``d. 4/5``, ``den 4/5``, ``fra``/``til 4/5``, ``mandag 4/5``); otherwise a bare
  ``4/5`` is a rating, since that is how ratings are written. A count is not a rating:
  ``4 ud af 5 børn`` / ``4/5 børn``; and ``4 ud af 5`` must stand alone (``4 ud af 5 var
  glade`` is a count). A single decorative ⭐ is not a rating.
* **Recommendation.** Negations and the longer phrases win over the plain word:
  not recommended > with conditions > needs more testing > recommend. Questions
  ("Kan den anbefales?") recommend nothing, and ``kan ikke anbefales nok`` is praise.
* **Children and time.** ``6 børn``, ``seks børn``, ``6 store børn``, ``1 barn`` are the
  children; a count of something else (``4 ud af 5 børn``, ``2 af børnene``) is not.
  ``25 min``, ``25 minutter``, ``½ time``, ``en halv time``, ``et kvarter``, ``1½ time``,
  ``2 timer`` are the minutes spent. A range (``20-30 min``) is left for the modal.
* **Daycare.** A daycare's name, or a word of it no other daycare has and that is not a
  word every daycare name uses (``Egernet`` for Skovbørnehaven Egernet, not
  ``børnehaven``), forgiving case, æ/ø/å written out or left out and small typos (as for
  tools). Two daycares named → None.
* **Looks like a result** (untagged only): names a tool (one, or several: the bot then
  asks which), is not a question (does not end in "?"), and has a
  rating, a recommendation, or at least two words that results use ("børnene", "prøvede",
  "virkede", "svært" …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.domain.guides import Tool
from bot.domain.org import Daycare
from bot.domain.tool_tests import Recommendation
from bot.services.search.normalise import compact, fold, tokens

#: Work cap: a pasted page is read by its beginning only; results are written first.
MAX_SCAN_CHARS = 2000
#: How many tools "another tool?" offers.
MAX_CANDIDATES = 3
#: How alike (0–100) a run of words must be to a name to count as a typo of it.
FUZZY_CUTOFF = 85
#: Shorter runs are compared exactly only: "osmo" vs "osmose" is not a typo.
MIN_FUZZY_CHARS = 5
#: One word of a multi-word name must be at least this long to name the tool alone.
MIN_PART_CHARS = 5
#: A name (or alias) shorter than this never matches: "bi" and "tv" are everywhere.
MIN_NAME_CHARS = 3

# Scores: an exact name beats an inflected one beats a distinctive part beats a typo, so
# overlapping readings of the same words resolve towards the most certain.
_SCORE_NAME = 100.0
_SCORE_PART = 92.0
_INFLECTED_PENALTY = 1.0
_FUZZY_PENALTY = 3.0


@dataclass(frozen=True)
class ReadMessage:
    """What a chat message says as a test result, as far as the text alone tells."""

    #: Starts with #test or #afprøvning (or Slack's channel link for them).
    tagged: bool
    #: The one tool the text names; None when it names none or more than one.
    tool: Tool | None
    #: Tools the text may name, best first (at most three), for "another tool?".
    candidates: tuple[Tool, ...]
    #: 1..5, the first rating in the text.
    rating: int | None
    recommendation: Recommendation | None
    #: An untagged message that names a tool and reads like a result (False when tagged:
    #: a tagged message is a result by the author's word).
    looks_like_result: bool
    #: The message without the tag, ends stripped, otherwise exactly as written.
    text: str
    #: How many children took part ("6 børn"), as written.
    children: int | None = None
    #: Minutes spent ("25 min", "½ time").
    minutes: int | None = None
    #: The one daycare the text names, among those given to `read_message`.
    daycare: Daycare | None = None


def read_message(text: str, tools: Sequence[Tool], daycares: Sequence[Daycare] = ()) -> ReadMessage:
    """Read `text` against the catalogue `tools` (and the organisation's `daycares`);
    never raises on odd input."""
    tagged, body = split_tag(text)
    scan = _scannable(body[:MAX_SCAN_CHARS])
    candidates = named_tools(scan, tools)
    rating = find_rating(scan)
    recommendation = find_recommendation(scan)
    looks = (
        not tagged
        and bool(candidates)
        and not _is_question(scan)
        and (rating is not None or recommendation is not None or _cue_count(scan) >= 2)
    )
    return ReadMessage(
        tagged=tagged,
        tool=candidates[0] if len(candidates) == 1 else None,
        candidates=candidates[:MAX_CANDIDATES],
        rating=rating,
        recommendation=recommendation,
        looks_like_result=looks,
        text=body,
        children=find_children(scan),
        minutes=find_minutes(scan),
        daycare=named_daycare(scan, daycares),
    )


# --- Tag ---------------------------------------------------------------------------------

_TAG_WORD = r"(?:test|afpr(?:ø|oe|o|ö)vning)"
_TAG = re.compile(
    rf"\A\s*(?:#{_TAG_WORD}(?![\w-])|<#[A-Za-z0-9]+\|{_TAG_WORD}>)(?:\s*:)?",
    re.IGNORECASE,
)


def split_tag(text: str) -> tuple[bool, str]:
    """(tagged, the text without the tag), ends stripped either way."""
    match = _TAG.match(text)
    if match is None:
        return False, text.strip()
    return True, text[match.end() :].strip()


# --- What is scanned ----------------------------------------------------------------------

#: Slack markup: mentions, channel links, links with labels, <!here>. Raw "<" and ">" are
#: escaped by Slack, so anything in angle brackets is markup, never the author's words.
_MARKUP = re.compile(r"<[^<>\n]{0,1000}>")
#: Fenced code blocks: pasted logs or snippets, not the author's own words.
_CODE_BLOCK = re.compile(r"```.*?```", re.DOTALL)
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": " "})


def _scannable(text: str) -> str:
    """The author's own words: markup and code blocks blanked (kept as a barrier)."""
    text = _CODE_BLOCK.sub(" \n ", text)
    text = _MARKUP.sub(" \n ", text)
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text.translate(_APOSTROPHES)


# --- Tools --------------------------------------------------------------------------------

#: Everyday words that are part of some tool names but never name a tool on their own
#: ("Børnene fik motion", "vi arbejder digitalt", "kameraet er gået i stykker").
_GENERIC_WORDS = frozenset(
    [
        "digital",
        "digitale",
        "digitalt",
        "app",
        "appen",
        "apps",
        "ipad",
        "ipads",
        "tablet",
        "tablets",
        "robot",
        "robotter",
        "robotten",
        "kamera",
        "kameraet",
        "camera",
        "video",
        "videoer",
        "foto",
        "fotos",
        "photo",
        "studio",
        "studie",
        "stop",
        "motion",
        "screen",
        "skaerm",
        "skaermen",
        "groen",
        "groenne",
        "green",
        "blue",
        "blaa",
        "roed",
        "red",
        "book",
        "bog",
        "bogen",
        "books",
        "creator",
        "maker",
        "makers",
        "junior",
        "kids",
        "play",
        "spil",
        "spillet",
        "lys",
        "lyd",
        "musik",
        "music",
        "story",
        "magic",
        "smart",
        "mini",
        "pro",
        "max",
        "kit",
        "box",
        "boks",
        "lab",
        "lego",
        "tegne",
        "draw",
        "paint",
        "mikro",
        "micro",
        "interaktiv",
        "interaktive",
        "interactive",
        "board",
        "tavle",
        "tavlen",
        "projektor",
        "lamp",
        "lampe",
        "bord",
        "table",
        "light",
        "sound",
        "mobil",
        "telefon",
        "computer",
        "world",
        "verden",
        "code",
        "kode",
        "coding",
        "kodning",
    ]
)
#: Small words that join a name's parts ("Green Screen *by* Do Ink"): a part never spans
#: one, or "screen by the window" would name a tool.
_CONNECTORS = frozenset(
    {"by", "of", "the", "and", "with", "a", "an", "og", "med", "for", "til", "i", "af", "en"}
    | {"et", "de", "der"}
)
#: Danish endings on a name: "Bee-Botten", "Ozobotterne", "mikroskopet", "Osmos".
_SUFFIXES = ("ernes", "erne", "enes", "ene", "ens", "ets", "nes", "en", "et", "ne", "er", "s")
_WORD = re.compile(r"[^\W_]+")
#: Runs of words are read within one phrase only: not across markup, lines or punctuation.
_BARRIER = re.compile(r"[\n.!?;:,()\[\]{}\"|]+")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class _Catalogue:
    tools: tuple[Tool, ...]
    #: Compact name, alias or distinctive part → (tool positions, score when exact).
    keys: dict[str, tuple[tuple[int, ...], float]]
    #: Keys long enough to be compared for typos.
    fuzzy_keys: tuple[str, ...]
    #: The longest run of words worth trying.
    max_run: int
    max_key_chars: int


@lru_cache(maxsize=16)
def _catalogue(tools: tuple[Tool, ...]) -> _Catalogue:
    """Every way the catalogue's tools can be named, built once per catalogue."""
    names: dict[str, set[int]] = {}
    parts: dict[str, set[int]] = {}
    max_words = 1
    for position, tool in enumerate(tools):
        for name in (tool.name, *tool.aliases):
            words, key = tokens(name), compact(name)
            if len(key) < MIN_NAME_CHARS:
                continue
            names.setdefault(key, set()).add(position)
            max_words = max(max_words, len(words))
            for start in range(len(words)):
                for end in range(start + 1, len(words) + 1):
                    run = words[start:end]
                    part = "".join(run)
                    if end - start == len(words) or len(part) < MIN_PART_CHARS:
                        continue
                    if len(run) == 1 and part in _GENERIC_WORDS:
                        continue
                    if _CONNECTORS.intersection(run):
                        continue
                    parts.setdefault(part, set()).add(position)
    keys: dict[str, tuple[tuple[int, ...], float]] = {
        key: (tuple(sorted(owners)), _SCORE_NAME) for key, owners in names.items()
    }
    for part, owners in parts.items():
        # A part names a tool only if no other tool shares it and it is nobody's full name.
        if len(owners) == 1 and part not in keys:
            keys[part] = (tuple(owners), _SCORE_PART)
    return _Catalogue(
        tools=tools,
        keys=keys,
        fuzzy_keys=tuple(key for key in keys if len(key) >= MIN_FUZZY_CHARS),
        max_run=min(max_words + 1, 6),
        max_key_chars=max((len(key) for key in keys), default=0),
    )


def _phrases(scan: str) -> list[list[str]]:
    """Folded words, grouped into phrases that a name never spans."""
    text = _SHORTCODE.sub(" | ", fold(scan))
    phrases = []
    for piece in _BARRIER.split(text):
        words = _WORD.findall(piece)
        if words:
            phrases.append(words)
    return phrases


def _stems(key: str) -> list[str]:
    """`key` without one Danish ending, with a doubled final consonant also undoubled."""
    found: list[str] = []
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_NAME_CHARS + 1:
            stem = key[: -len(suffix)]
            found.append(stem)
            if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                found.append(stem[:-1])
    return found


def _match(key: str, cat: _Catalogue) -> dict[int, float]:
    """Tool position → score for the tools that the run `key` may name."""
    found: dict[int, float] = {}

    def note(owners: tuple[int, ...], score: float) -> None:
        for owner in owners:
            found[owner] = max(found.get(owner, 0.0), score)

    if key in cat.keys:
        owners, score = cat.keys[key]
        note(owners, score)
        return found
    stems = _stems(key)
    for stem in stems:
        if stem in cat.keys:
            owners, score = cat.keys[stem]
            note(owners, score - _INFLECTED_PENALTY)
    if found or len(key) < MIN_FUZZY_CHARS or key.isdigit():
        return found
    for variant in (key, *stems):
        if len(variant) < MIN_FUZZY_CHARS:
            continue
        for choice, ratio, _ in process.extract(
            variant, cat.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
        ):
            if choice[0] != variant[0]:
                continue  # typos rarely hit the first letter; ordinary words often do
            owners, score = cat.keys[choice]
            note(owners, score * ratio / 100 - _FUZZY_PENALTY)
    return found


def named_tools(scan: str, tools: Sequence[Tool]) -> tuple[Tool, ...]:
    """The tools `scan` names, best first: by how certain, then how often, then how early.

    Every run of words is tried; overlapping readings of the same words keep only the most
    certain one ("Blue-Bot" is not also a typo of something else).
    """
    try:
        cat = _catalogue(tuple(tools))
    except TypeError:  # an unhashable tool (a list of aliases): read it, just uncached
        cat = _catalogue.__wrapped__(tuple(tools))
    if not cat.keys:
        return ()
    hits: list[tuple[float, int, int, int]] = []  # (score, start, end, tool position)
    offset = 0
    for words in _phrases(scan):
        for start in range(len(words)):
            key = ""
            for end in range(start + 1, min(start + cat.max_run, len(words)) + 1):
                key += words[end - 1]
                if len(key) > cat.max_key_chars + 6:
                    break
                for position, score in _match(key, cat).items():
                    hits.append((score, offset + start, offset + end, position))
        offset += len(words) + 1
    taken: set[int] = set()
    accepted: dict[tuple[int, int], float] = {}
    best: dict[int, tuple[float, int, int]] = {}  # position → (score, count, first word)
    for score, start, end, position in sorted(hits, key=lambda h: (-h[0], h[1] - h[2], h[1])):
        span = set(range(start, end))
        # The same words read equally well as two tools (a shared alias) name both.
        if span & taken and accepted.get((start, end)) != score:
            continue
        taken |= span
        accepted[(start, end)] = score
        old = best.get(position)
        if old is None:
            best[position] = (score, 1, start)
        else:
            best[position] = (max(old[0], score), old[1] + 1, min(old[2], start))
    order = sorted(best, key=lambda p: (-best[p][0], -best[p][1], best[p][2]))
    return tuple(cat.tools[position] for position in order)


# --- Rating -------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "en": 1,
    "én": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}
_BEFORE = r"(?<![\w/.,-])"
_SLASH = re.compile(_BEFORE + r"(?P<n>[1-5])\s*/\s*5(?!\d)")
_OUT_OF = re.compile(
    _BEFORE
    + r"(?P<n>[1-5]|[eé]n|to|tre|fire|fem|one|two|three|four|five)"
    + r"\s+(?:(?:ud\s+)?af|out\s+of)\s+(?:5|fem|five)(?![\w])",
    re.IGNORECASE,
)
_STARS_AFTER = re.compile(
    _BEFORE + r"(?P<n>[1-5])\s*-?\s*(?:stjerner|stjerne|stars?(?![\w])|⭐|★|:star:)",
    re.IGNORECASE,
)
_KEYWORD = re.compile(
    r"(?<!\w)(?:karakter(?:en)?|rating|bedømmelse|bedoemmelse|score|rated|rate)"
    r"(?:\s*[:=]\s*|\s+(?:er|på|paa|of|it|til|:)?\s*)(?P<n>[1-5])(?![\d]|[.,]\d)",
    re.IGNORECASE,
)
_STAR_RUN = re.compile(r"(?:(?:★|⭐\ufe0f?|🌟|:star2?:|☆|✩)[ \t]?)+")
_FILLED = re.compile(r"★|⭐|🌟|:star2?:")
_EMPTY = re.compile(r"☆|✩")

#: A year after "4/5" makes it a date: "4/5-2026", "4/5/26", "4/5 2026".
_YEAR_AFTER = re.compile(r"(?:[-/.]\d{2}(?:\d{2})?(?!\d)|\s*[-/.]?\s*(?:19|20)\d{2}(?!\d))")
#: A date word before "4/5" makes it a date: "d. 4/5", "den 4/5", "til 4/5", "mandag 4/5".
_DATE_BEFORE = re.compile(
    r"(?<!\w)(?:(?:d|den|fra|til|siden|indtil|on|since|from|mandag|tirsdag|onsdag|torsdag|"
    r"fredag|lørdag|loerdag|lordag|søndag|soendag|sondag)\.?"
    r"|(?:man|tirs|tir|ons|tors|tor|fre|lør|lor|søn|son)\.)\s*\Z",
    re.IGNORECASE,
)
#: What a count counts: "4/5 børn", "4 ud af 5 pædagoger".
_COUNTED = re.compile(
    r"\s*(?:af\s+|of\s+)?(?:de\s+|the\s+)?(?:børn|boern|born|drenge|piger|voksne|pædagog|"
    r"paedagog|pedagog|kolleg|stuer|institution|dagtilbud|gange|dage|uger|måned|maaned|"
    r"timer|minutter|kids|children|times|days|weeks|people|personer|deltagere)",
    re.IGNORECASE,
)
#: After "4 ud af 5" only these may follow for it to be a rating (else it counts something).
_OUT_OF_NEXT = re.compile(
    r"\s*(?:\Z|[^\w\s]|\n|(?:stjerner|stjerne|stars?|point|points|mulige|possible|fra|men|"
    r"but|fordi|because|i\s+karakter)(?!\w))",
    re.IGNORECASE,
)
#: After "karakter 4": a scale other than five makes it no rating of ours.
_OTHER_SCALE = re.compile(r"\s*(?:/|(?:ud\s+)?af|out\s+of)\s*(\d+)", re.IGNORECASE)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 0)


def _ratings(scan: str) -> list[tuple[int, int]]:
    """(position, rating) for every rating-like phrase that survives the date/count checks."""
    found: list[tuple[int, int]] = []
    for match in _SLASH.finditer(scan):
        before, after = scan[max(0, match.start() - 20) : match.start()], scan[match.end() :]
        if _YEAR_AFTER.match(after) or _DATE_BEFORE.search(before) or _COUNTED.match(after):
            continue
        found.append((match.start(), int(match["n"])))
    for match in _OUT_OF.finditer(scan):
        if _OUT_OF_NEXT.match(scan, match.end()):
            found.append((match.start(), _number(match["n"])))
    for match in _STARS_AFTER.finditer(scan):
        found.append((match.start(), int(match["n"])))
    for match in _KEYWORD.finditer(scan):
        scale = _OTHER_SCALE.match(scan, match.end())
        if scale is None or scale[1] == "5":
            found.append((match.start(), int(match["n"])))
    for match in _STAR_RUN.finditer(scan):
        filled = len(_FILLED.findall(match[0]))
        empty = len(_EMPTY.findall(match[0]))
        # One star alone is decoration ("Tak ⭐"); more than five is enthusiasm, not a scale.
        if filled >= 1 and filled + empty <= 5 and filled + empty >= 2:
            found.append((match.start(), filled))
    return found


def find_rating(scan: str) -> int | None:
    """The first rating 1..5 in `scan`, or None."""
    valid = [(position, rating) for position, rating in _ratings(scan) if 1 <= rating <= 5]
    return min(valid)[1] if valid else None


# --- Recommendation -----------------------------------------------------------------------

#: Praise that looks like a negation: "kan ikke anbefales nok", "can't recommend it enough".
_PRAISE = re.compile(
    r"\bkan\s+ikke\s+anbefales\s+(?:\w+\s+)?nok\b"
    r"|\b(?:can'?t|cannot|can\s+not)\s+recommend\s+(?:\w+\s+){0,2}(?:enough|more)\b"
)
_IKKE_BETWEEN = (
    r"(?:(?:at|rigtig|rigtigt|umiddelbart|helt|klart|just|direkte|den|det|dem|jeg|vi|man|"
    r"kunne|have|til\s+at)\s+){0,3}"
)
_RULES: tuple[tuple[Recommendation, re.Pattern[str]], ...] = (
    (
        "not_recommended",
        re.compile(
            r"\banbefal\w*\s+(?:(?:den|det|dem|vi|jeg|man|de|derfor|altsaa)\s+){0,2}ikke\b"
            r"(?!\s+(?:mindst|kun|bare|blot|alene|kun)\b)"
            rf"|\bikke\s+{_IKKE_BETWEEN}anbefal"
            r"|\bfrara{1,2}d"
            r"|\bsvae?r?t\s+ved\s+at\s+anbefale"
            r"|\banbefal\w*\s*[:=\-–]\s*nej\b"
            r"|(?:\bnot|n't|\bdont|\bwont|\bwouldnt|\bcant|\bcannot|\bnever)\s+"
            r"(?:\w+\s+)?recommend"
        ),
    ),
    (
        "recommend_with_conditions",
        re.compile(
            r"\bmed\s+(?:(?:visse|nogle|enkelte|et\s+par|store|smaa|mindre|et|lidt|klare)\s+)?"
            r"forbehold"
            r"|\banbefal\w*\s+delvist\b|\bdelvist\s+anbefal"
            r"|\bunder\s+forudsae?tning"
            r"|\bwith\s+(?:some\s+|a\s+few\s+)?(?:conditions|reservations|caveats)\b"
            r"|\bconditionally\s+recommend"
        ),
    ),
    (
        "needs_more_testing",
        re.compile(
            r"\b(?:skal|boer|bor|maa|ma)\s+(?:\w+\s+)?(?:afproe?ves|testes|proe?ves)\s+"
            r"(?:\w+\s+)?(?:mere|igen|yderligere|videre)\b"
            r"|\b(?:mere|flere|yderligere|videre)\s+(?:afproe?vning|test)"
            r"|\bfor\s+tidligt\s+at\s+(?:sige|konkludere|anbefale|vurdere)"
            r"|\bikke\s+klar\s+til\s+at\s+anbefale"
            r"|\banbefal\w*\s*[:=\-–]\s*(?:maaske|ved\s+ikke)\b"
            r"|\b(?:more|further)\s+(?:testing|tests|trials)\b"
            r"|\btoo\s+early\s+to\s+(?:say|tell|recommend)"
        ),
    ),
    ("recommend", re.compile(r"\banbefal(?:e|es|er|et|ede|elsesvae?rdig\w*)\b|\brecommend")),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def find_recommendation(scan: str) -> Recommendation | None:
    """The advice the text gives, the most specific reading first; questions advise nothing."""
    sentences = [s.strip() for s in _SENTENCE_END.split(fold(scan))]
    statements = " | ".join(s for s in sentences if s and not s.endswith("?"))
    statements = _PRAISE.sub(" anbefales ", re.sub(r"\s+", " ", statements))
    for recommendation, pattern in _RULES:
        if pattern.search(statements):
            return recommendation
    return None


# --- Children and minutes ---------------------------------------------------------------

#: Number words as folded text has them ("én" is "en", "fjorten" stays).
_COUNT_WORDS = {
    "en": 1,
    "et": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "tretten": 13,
    "fjorten": 14,
    "femten": 15,
    "seksten": 16,
    "sytten": 17,
    "atten": 18,
    "nitten": 19,
    "tyve": 20,
}
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + ")"
#: "6 børn", "seks store børn", "1 barn" — not "4 ud af 5 børn" nor "2 af børnene".
_CHILDREN = re.compile(
    r"(?<![\w/.,-])(?<!\baf )(?<!\bof )"
    + _COUNT
    + r"\s+(?:(?!af\b|ud\b|of\b)[a-z]+\s+)?(?:boern|born|barn|unger|children|kids)(?![a-z])"
)
_HALF = r"(?:1/2|en\s+halv|et\s+halvt|halv)"
_HALF_AFTER = re.compile(r"(\d)\s*½")
#: "25 min", "25 min.", "25 minutter", "45 minutes".
_MINUTES = re.compile(
    r"(?<![\w/.,-])(?P<n>\d{1,3})\s*(?:minutter|minutters|minutes|min|mins)(?![a-z])"
)
#: "½ time", "en halv time", "1½ time", "1,5 time", "2 timer", "halvanden time", "an hour".
_HOURS = re.compile(
    r"(?<![\w/.,-])(?:(?P<half>" + _HALF + r")|(?P<and_half>halvanden)|"
    r"(?P<n>\d{1,2}|en|et|to|tre|an|one|two)(?P<plus>[.,]5)?)"
    r"\s*(?:time|timer|timers|hours?)(?![a-z])"
)
#: "et kvarter" (15), "tre kvarter" (45).
_QUARTERS = re.compile(r"(?<![\w/.,-])(?P<n>et|en|1|tre|3)\s+kvarter(?![a-z])")


def find_children(scan: str) -> int | None:
    """How many children the text says took part: the first such count, or None."""
    match = _CHILDREN.search(fold(scan))
    if match is None:
        return None
    word = match["n"]
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def find_minutes(scan: str) -> int | None:
    """The time spent, in minutes: the first "25 min", "½ time", "et kvarter" …, or None."""
    # Folding would make "½" into "1⁄2", so the half is read first: "1½" is "1,5".
    text = fold(_HALF_AFTER.sub(r"\1,5", scan).replace("½", " halv "))
    found: list[tuple[int, int]] = []  # (position, minutes)
    for match in _MINUTES.finditer(text):
        found.append((match.start(), int(match["n"])))
    for match in _HOURS.finditer(text):
        if match["half"]:
            minutes = 30
        elif match["and_half"]:
            minutes = 90
        else:
            word = match["n"]
            hours = int(word) if word.isdigit() else _HOUR_WORDS[word]
            minutes = hours * 60 + (30 if match["plus"] else 0)
        found.append((match.start(), minutes))
    for match in _QUARTERS.finditer(text):
        found.append((match.start(), 45 if match["n"] in ("tre", "3") else 15))
    return min(found)[1] if found else None


_HOUR_WORDS = {"en": 1, "et": 1, "an": 1, "one": 1, "to": 2, "two": 2, "tre": 3}


# --- Daycare ------------------------------------------------------------------------------

#: Words every kind of daycare name uses: never enough to name one ("i børnehaven").
_DAYCARE_WORDS = frozenset(
    [
        "boernehave",
        "boernehaven",
        "boernehus",
        "boernehuset",
        "boernehusene",
        "vuggestue",
        "vuggestuen",
        "skovboernehave",
        "skovboernehaven",
        "naturboernehave",
        "naturboernehaven",
        "dagtilbud",
        "dagtilbuddet",
        "daginstitution",
        "daginstitutionen",
        "institution",
        "institutionen",
        "integreret",
        "integrerede",
        "boernegaard",
        "boernegaarden",
        "boerneby",
        "boernebyen",
        "huset",
        "hus",
    ]
)
#: The shortest word of a name that may name a daycare alone.
MIN_DAYCARE_WORD = 4


@lru_cache(maxsize=16)
def _daycare_keys(daycares: tuple[Daycare, ...]) -> dict[str, tuple[int, ...]]:
    """Compact full name, and each distinctive word of a name → the daycares (positions)."""
    keys: dict[str, set[int]] = {}
    words: dict[str, set[int]] = {}
    for position, daycare in enumerate(daycares):
        keys.setdefault(compact(daycare.name), set()).add(position)
        for word in tokens(daycare.name):
            if len(word) >= MIN_DAYCARE_WORD and word not in _DAYCARE_WORDS:
                words.setdefault(word, set()).add(position)
    for word, owners in words.items():
        if len(owners) == 1:
            keys.setdefault(word, owners)
    return {key: tuple(sorted(owners)) for key, owners in keys.items() if len(key) >= 3}


def named_daycare(scan: str, daycares: Sequence[Daycare]) -> Daycare | None:
    """The one daycare the text names (by its name or a distinctive word of it, inflected or
    misspelt a little), or None — also when it names two."""
    if not daycares:
        return None
    keys = _daycare_keys(tuple(daycares))
    fuzzy = tuple(key for key in keys if len(key) >= MIN_FUZZY_CHARS)
    longest = max((len(key) for key in keys), default=0) + 6
    named: set[int] = set()
    for words in _phrases(scan):
        for start in range(len(words)):
            key = ""
            for end in range(start + 1, min(start + 4, len(words)) + 1):
                key += words[end - 1]
                if len(key) > longest:
                    break
                named.update(_daycare_match(key, keys, fuzzy))
    if len(named) != 1:
        return None
    return daycares[named.pop()]


def _daycare_match(
    key: str, keys: dict[str, tuple[int, ...]], fuzzy: tuple[str, ...]
) -> tuple[int, ...]:
    if key in keys:
        return keys[key]
    for stem in _stems(key):
        if stem in keys:
            return keys[stem]
    if len(key) < MIN_FUZZY_CHARS or key in _DAYCARE_WORDS:
        return ()
    best = process.extractOne(key, fuzzy, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None or best[0][0] != key[0]:
        return ()
    return keys[best[0]]


# --- Does it read like a result? ----------------------------------------------------------

#: Words that results use and chit-chat rarely does, folded ("børnene" → "boernene").
_CUE_WORDS = frozenset(
    [
        "afproevede",
        "afproevet",
        "afprovede",
        "afprovet",
        "proevede",
        "provede",
        "proevet",
        "provet",
        "testede",
        "testet",
        "boernene",
        "bornene",
        "boern",
        "born",
        "virkede",
        "virker",
        "fungerede",
        "fungerer",
        "svaert",
        "svart",
        "godt",
        "god",
        "fint",
        "svaer",
        "svar",
        "nem",
        "boernenes",
        "bornenes",
        "sjovt",
        "sjov",
        "nemt",
        "glade",
        "elskede",
        "optagede",
        "optaget",
        "engagerede",
        "engageret",
        "begejstrede",
        "begejstret",
        "kedede",
        "forstod",
        "tried",
        "tested",
        "children",
        "kids",
        "worked",
        "works",
        "loved",
        "fun",
        "easy",
        "hard",
        "engaged",
        "vuggestuen",
        "boernehaven",
        "bornehaven",
        "stuen",
        "gruppen",
    ]
)
_CUE_PREFIXES = ("afproev", "afprov", "engager", "begejstr", "koncentr", "fordybe")


def _cue_count(scan: str) -> int:
    """How many different result words the text uses."""
    cues = set()
    for word in _WORD.findall(fold(scan)):
        if word in _CUE_WORDS:
            cues.add(word)
        elif word.startswith(_CUE_PREFIXES):
            cues.add(word[:7])
    return len(cues)


def _is_question(scan: str) -> bool:
    """Ends with "?", ignoring trailing emoji: "Har nogen prøvet Bee-Bot? 🙂"."""
    text = _SHORTCODE.sub(" ", scan.lower())
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] in "?.!"):
        end -= 1
    return text[:end].endswith("?")
