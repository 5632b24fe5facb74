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
    ("natur", "nature", "naturen", "udeliv", "outdoor", "udendørs"),
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
    ("billede", "billeder", "foto", "photo", "picture", "kamera", "camera", "fotografere"),
    ("film", "video", "stop motion", "stopmotion", "animation", "animere", "movie"),
    # "letter" is also Danish ("det letter", "lettere").
    ("bogstaver", "bogstav", "letters", "~letter", "alphabet", "alfabet", "abc"),
    ("tal", "numbers", "number", "tælle", "count", "counting", "matematik", "math"),
    ("grøn skærm", "green screen", "greenscreen", "chroma key"),
    ("bi", "bee", "bier", "bees"),
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
    ("lys", "light", "lyse"),
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


@dataclass(frozen=True)
class Concept:
    #: The members searched for, as folded index tokens ("grøn skærm" → ("groen", "skaerm")).
    members: tuple[tuple[str, ...], ...]


def _build() -> tuple[dict[tuple[str, ...], list[Concept]], frozenset[str]]:
    by_stems: dict[tuple[str, ...], list[Concept]] = {}
    words: set[str] = set()
    for group in _GROUPS:
        every = [(tuple(tokens(member)), not member.startswith("~")) for member in group]
        concept = Concept(tuple(member for member, searched in every if searched))
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
