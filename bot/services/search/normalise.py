"""Text normalisation that mirrors how the index stores text, plus a modest Danish stemmer.

The index (see `storage/repositories/search.py`) holds text with æ/ø/å written ae/oe/aa,
tokenised by FTS5 `unicode61 remove_diacritics 2` (lower case, no diacritics, letters and
digits only). `tokens()` produces exactly those tokens from a query, so a query token
equals an index token whenever the words are the same — the symmetry the search relies on.
"""

from __future__ import annotations

import re
import unicodedata

#: Work cap: a pasted page of text is searched by its first words only.
MAX_QUERY_CHARS = 500
MAX_TOKENS = 12
MAX_TOKEN_CHARS = 40

_FOLDS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"))
_TOKEN = re.compile(r"[^\W_]+")

#: Words that carry no search meaning in either language (folded: "på" is "paa").
_STOPWORDS = """
    og i paa med at en et den det de der til for af er som jeg vi man kan om hvordan hvad
    hvor vil skal gerne noget nogle sig sin sit sine har have ikke eller saa fra ved men
    mens fordi hvis
    mig du dig os jer min mit mine vores jeres efter over under hos mere meget bare lidt bruge
    the a an of with to how in on and or not for is are can do i we what use using my our
    near
    deres egen egne selv hinanden naar kunne faa
    hvilken hvilke ide ideer komme kommer prove proeve lave laver godt ogsaa gang gange
    children child kids kid make makes making want wants let lets get something some
    their them they this that these those there where which who when why into out about
    should could would will be it its at by as so if all each own me you your us does did
    have has from take takes taking put puts go goes thing things way ways really just
"""
STOPWORDS = frozenset(_STOPWORDS.split())

#: Longest first: the first that leaves a stem of at least `_MIN_STEM` letters is removed.
#: "-else" makes nouns of verbs ("optagelse", "bevægelse"), "-ere" infinitives of loan
#: words ("programmere"): both stem as the verb does, as the Snowball stemmer has it.
_SUFFIXES = (
    "elserne",
    "elsen",
    "elser",
    "erne",
    "else",
    "ere",
    "ene",
    "ens",
    "ers",
    "ets",
    "en",
    "er",
    "et",
    "es",
    "e",
    "s",
)
#: A neuter adjective's -t after these ("mørkt" → "mørk"), Snowball's consonant pairs.
_PAIRS = ("kt", "gt", "dt")
_MIN_STEM = 3
_VOWELS = frozenset("aeiouy")


def fold(text: str) -> str:
    """Lower case, æ/ø/å as ae/oe/aa, other diacritics removed (as the tokenizer does)."""
    text = text.lower()
    if text.isascii():  # most text, and all of the index's but for é, ü …: nothing to do
        return text
    for letter, plain in _FOLDS:
        text = text.replace(letter, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The index tokens of `text`, in order, capped in number and length."""
    found = _TOKEN.findall(fold(text[:MAX_QUERY_CHARS]))
    return [token[:MAX_TOKEN_CHARS] for token in found[: MAX_TOKENS * 3]]


def query_words(text: str) -> list[str]:
    """The query's meaningful tokens: no stopwords, no single characters."""
    words = [tok for tok in tokens(text) if len(tok) > 1 and tok not in STOPWORDS]
    return words[:MAX_TOKENS]


def stem(word: str) -> str:
    """Strip one common Danish inflection and undouble a final consonant.

    "robotterne" → "robot", "appen" → "app", "tegne" → "tegn", "billeder" → "billed",
    "optagelse" → "optag", "mørkt" → "mørk".
    The stem is used as an FTS5 prefix, so over-stemming only widens recall a little;
    numbers and very short words are left alone.
    """
    if word.isdigit() or len(word) <= _MIN_STEM:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    if word.endswith(_PAIRS) and len(word) > _MIN_STEM + 1:
        word = word[:-1]
    if (
        len(word) > _MIN_STEM
        and word[-1] == word[-2]
        and word[-1] not in _VOWELS
        and word[-1].isalpha()
    ):
        word = word[:-1]
    return word


def compact(text: str) -> str:
    """Folded text without spaces or punctuation: "Bee-Bot" and "bee bot" → "beebot"."""
    return "".join(tokens(text))
