"""A small Danish ↔ English concept table for the words daycare staff search with.

People search for what they want to do ("lave musik med frugt") or use the other
language's word ("magnifier" for "forstørrelsesglas"). Each group lists words that mean
the same thing *for finding a guide*; a query word that matches one member (by stem)
also searches for all the others. Multi-word members ("grøn skærm") match two query
words in a row. Keep groups narrow: a broad group drowns the precise hit.

Members are searched as spelt here (the word and what follows it, "tablet" → "tablets"),
not by their stem: a stem is too short a prefix for a word someone else chose ("tablet"
→ "tabl" finds "light table"), so list the forms that matter. A member written with a
leading `~` only *calls up* its group: it is too ambiguous to be searched for on another
member's behalf ("kode" also means the code in "QR-kode", so "kodning" must not find
every QR code guide, while someone typing "kode" still gets the coding guides).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.services.search.normalise import stem, tokens

_GROUPS: tuple[tuple[str, ...], ...] = (
    ("robot", "robotter", "robots", "robotics", "robotbil"),
    (
        "kodning",
        "~kode",
        "~kodes",
        "programmering",
        "programmere",
        "coding",
        "~code",
        "programming",
        "algoritme",
        "algorithm",
    ),
    ("natur", "nature", "naturen", "udeliv", "outdoor", "outdoors", "udendørs", "outside", "ude"),
    (
        "forstørrelsesglas",
        "lup",
        "magnifier",
        "magnifying glass",
        "mikroskop",
        "microscope",
        "forstørre",
        "magnify",
    ),
    ("musik", "music", "lyd", "sound", "sang", "song", "rytme", "rhythm", "instrument"),
    ("tegne", "tegning", "draw", "drawing", "sketch", "male", "paint", "whiteboard"),
    (
        "fortælle",
        "fortælling",
        "historie",
        "historier",
        "story",
        "stories",
        "storytelling",
        "eventyr",
        "fairy tale",
    ),
    (
        "billede",
        "billeder",
        "foto",
        "fotos",
        "photo",
        "picture",
        "pictures",
        "kamera",
        "camera",
        "fotografere",
    ),
    ("film", "video", "stop motion", "stopmotion", "animation", "animere", "movie"),
    # "letter" is also Danish ("det letter", "lettere").
    ("bogstaver", "bogstav", "letters", "~letter", "alphabet", "alfabet", "abc"),
    ("tal", "numbers", "number", "tælle", "count", "counting", "matematik", "math"),
    ("grøn skærm", "green screen", "greenscreen", "chroma key"),
    ("bi", "bien", "bierne", "bee", "bier", "bees"),
    ("bog", "bøger", "book", "books", "ebog", "ebook"),
    ("dyr", "animal", "animals"),
    ("plante", "planter", "plant", "plants", "blomst", "blomster", "flower", "flowers"),
    ("optage", "optagelse", "record", "recording", "lydoptager", "podcast", "diktafon"),
    ("dukke", "dukker", "dukketeater", "puppet", "puppets"),
    ("skærm", "screen", "storskærm", "smartboard", "tavle"),
    ("tablet", "ipad", "tavlecomputer"),
    ("spil", "spille", "game", "games", "play", "lege", "leg"),
    ("farve", "farver", "colour", "colours", "color", "colors"),
    ("frugt", "fruit", "banan", "bananer", "banana", "bananas"),
    ("sammen", "together", "samarbejde", "collaborate", "fælles"),
    ("lys", "lyset", "light", "lyse", "glowing", "glow", "lights"),
    (
        "bevægelse",
        "movement",
        "motorik",
        "bevæge",
        "move",
        "danse",
        "dance",
        "dancing",
    ),
    ("sprog", "language", "ord", "words", "sprogudvikling"),
    # What children do and use, in the words of Danish guides and of English questions
    # ("how can the kids see tiny bugs up close"): the guides are Danish, so an English
    # word finds nothing without its Danish one.
    (
        "insekt",
        "insekter",
        "insekterne",
        "insect",
        "insects",
        "bugs",
        "bille",
        "biller",
        "beetle",
        "beetles",
        "smådyr",
        "små dyr",
        "kryb",
        "myrer",
        "ants",
        "edderkop",
        "spider",
    ),
    ("helt tæt på", "tæt på", "up close", "close up", "closeup", "tiny", "forstørrelse"),
    ("måne", "månen", "moon", "rummet", "space", "stjerner", "stars", "planet"),
    ("form", "former", "formerne", "shape", "shapes", "trekant", "trekanter", "triangle"),
    ("brik", "brikker", "brikkerne", "piece", "pieces", "tiles"),
    # Not "table": it stems as "tablet" does.
    ("bord", "bordet", "borde"),
    ("retning", "retninger", "direction", "directions", "venstre", "left", "højre"),
    ("frem", "fremad", "forward", "forwards", "tilbage", "backward", "backwards"),
    ("figur", "figurer", "figurerne", "character", "characters", "figure", "figures"),
    (
        "teater",
        "teatret",
        "theatre",
        "theater",
        "drama",
        "rolleleg",
        "rollelege",
        "role play",
        "act out",
        "forestilling",
        "show",
    ),
    ("stemme", "stemmer", "stemmerne", "voice", "voices"),
    ("tur", "turen", "ture", "trip", "trips", "outing", "walk", "gåtur", "udflugt", "excursion"),
    ("navn", "navne", "navnet", "name", "names", "hedder", "called"),
    (
        "hjemmesprog",
        "modersmål",
        "tosprogede",
        "tosproget",
        "bilingual",
        "home language",
        "mother tongue",
    ),
    ("forældre", "forældrene", "parents", "families", "familie", "family"),
    ("skattejagt", "treasure hunt", "scavenger hunt", "opdagelse", "explore"),
    ("qr", "scan", "scanne", "scanner", "scanning"),
    ("træ", "træer", "træerne", "tree", "trees", "hegn", "fence"),
    ("strøm", "strømmen", "electricity", "electric", "circuit", "lede", "leder", "conduct"),
    ("skygge", "skygger", "skyggerne", "shadow", "shadows"),
    ("streg", "streger", "stregen", "stregerne", "line", "lines", "bane", "track"),
    ("følge", "følger", "follow", "follows", "following"),
    ("styre", "styres", "styrer", "control", "controls", "steer"),
    ("legetøj", "toys", "toy", "klods", "klodser", "blocks", "lego"),
    ("ler", "clay", "modellervoks", "plasticine"),
    ("interview", "interviewe", "interviewer", "interviews", "radio"),
    ("gulv", "gulvet", "floor"),
    ("tæppe", "tæpper", "tæppet", "carpet", "carpets", "rug"),
    ("køre", "kører", "drive", "drives", "driving", "move", "moves", "flytte", "flytter"),
    ("hverdag", "hverdagen", "everyday", "daily"),
    # Age groups are indexed as labels ("vuggestue", "boernehave"); the words people use
    # for the youngest and the oldest children reach them and the guides' own wording.
    (
        "vuggestue",
        "vuggestuen",
        "vuggestuebørn",
        "vuggestuebarn",
        "små børn",
        "småbørn",
        "mindste",
        "yngste",
        "baby",
        "babyer",
        "babies",
        "toddler",
        "toddlers",
        "tumling",
        "tumlinger",
    ),
    ("børnehave", "børnehaven", "børnehavebørn", "børnehavebørnene", "kindergarten"),
    (
        "ældste",
        "~største",
        "store børn",
        "storebørn",
        "førskole",
        "førskolebørn",
        "skolestarter",
        "skolestartere",
        "preschool",
        "preschoolers",
    ),
)


#: Groups that ask for an age group, by their first member → the guides' age-group label.
#: A query asking for one prefers the guides labelled so (`ranking.AGE_FACTOR`).
_AGE_GROUPS = {"vuggestue": "vuggestue", "børnehave": "boernehave", "ældste": "boernehave"}


@dataclass(frozen=True)
class Concept:
    #: The members searched for, as folded index tokens ("grøn skærm" → ("groen", "skaerm")).
    members: tuple[tuple[str, ...], ...]
    #: The age-group label this concept asks for ("vuggestue"), if it is one.
    age_group: str | None = None


def _build() -> tuple[dict[tuple[str, ...], list[Concept]], frozenset[str]]:
    by_stems: dict[tuple[str, ...], list[Concept]] = {}
    words: set[str] = set()
    for group in _GROUPS:
        every = [(tuple(tokens(member)), not member.startswith("~")) for member in group]
        concept = Concept(
            tuple(member for member, searched in every if searched), _AGE_GROUPS.get(group[0])
        )
        for member, _ in every:
            by_stems.setdefault(tuple(stem(tok) for tok in member), []).append(concept)
            words.update(member)
    return by_stems, frozenset(words)


_BY_STEMS, WORDS = _build()
#: Longest member, in words; how far ahead a query needs looking.
MAX_MEMBER_WORDS = max(len(key) for key in _BY_STEMS)


def concepts_for(stems: Iterable[str]) -> list[Concept]:
    """Concepts with a member whose stems are exactly `stems` (one or more query words)."""
    return _BY_STEMS.get(tuple(stems), [])


def age_groups_for(stems: Iterable[str]) -> set[str]:
    """The age-group labels asked for by a member whose stems are exactly `stems`."""
    return {c.age_group for c in concepts_for(stems) if c.age_group is not None}
