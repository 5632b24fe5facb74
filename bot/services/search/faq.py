"""The saved questions and answers in a guide, and which one a search hit came from.

"Gem som spørgsmål og svar" adds a question and its answer to the guide's "## Spørgsmål og
svar" section (`bot.domain.sparring.add_faq_entry`): the question bold on its own line, the
answer below. When a search finds a guide because of one of them, the card should show
that question and answer — the person asked something the network already answered, and the
guide's purpose alone would not say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.sparring import FAQ_HEADINGS
from bot.services.search.normalise import fold
from bot.services.search.query import Alternative
from bot.services.search.ranking import Parsed, idf

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FOLDED_HEADINGS = frozenset(fold(heading) for heading in FAQ_HEADINGS)
#: A question line as `faq_entry` writes it: `**…**`, the text inside escaped.
_QUESTION = re.compile(r"^\*\*(?P<text>.+)\*\*[ \t]*$")


@dataclass(frozen=True)
class FaqEntry:
    """One saved question and its answer, as Markdown (both kept literal when saved)."""

    question: str
    answer: str


def faq_entries(body: str) -> list[FaqEntry]:
    """The entries of the body's "Spørgsmål og svar" sections, in order.

    Works alike on a guide's Markdown and on its indexed text (æ/ø/å written ae/oe/aa), so
    an entry's number found in the index names the same entry in the guide.
    """
    entries: list[FaqEntry] = []
    inside = False
    question: str | None = None
    answer: list[str] = []

    def close() -> None:
        if question is not None:
            entries.append(FaqEntry(question, "\n".join(answer).strip()))

    for line in body.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading and len(heading[1]) <= 2:
            close()
            question, answer = None, []
            inside = len(heading[1]) == 2 and fold(heading[2].strip()) in _FOLDED_HEADINGS
            continue
        if not inside:
            continue
        asked = _QUESTION.match(line.strip())
        if asked:
            close()
            question, answer = asked["text"], []
        elif question is not None:
            answer.append(line)
    close()
    return entries


def entry_at(body: str, number: int | None) -> FaqEntry | None:
    """The `number`-th entry of `body`, None when there is none (the guide changed since)."""
    if number is None:
        return None
    entries = faq_entries(body)
    return entries[number] if 0 <= number < len(entries) else None


#: An entry explains a hit when it holds at least this share of what the query asks (its
#: words weighted by rarity) — and more of it than the guide's name, title, purpose and tags.
EXPLAINS_SHARE = 0.5


def _matched(text: str, groups: Sequence[Sequence[Alternative]], weights: list[float]) -> float:
    parsed = Parsed.of([text])
    return sum(
        weight
        for group, weight in zip(groups, weights, strict=True)
        if any(parsed.frequencies(alt) for alt in group)
    )


def explaining_entry(
    body: str, headline: str, groups: Sequence[Sequence[Alternative]], *, guides: int
) -> int | None:
    """The number of the entry in `body` (indexed text) that a hit came from, if one did.

    `groups` are the query's words, each with its alternatives; `headline` is the indexed
    name, title, purpose and tags: what the card says without the entry.
    """
    entries = faq_entries(body)
    if not entries or not groups:
        return None
    weights = [max(alt.weight * idf(alt.df, guides) for alt in group) for group in groups]
    shown = _matched(headline, groups, weights)
    best, best_weight = None, 0.0
    for number, entry in enumerate(entries):
        weight = _matched(entry.question + "\n" + entry.answer, groups, weights)
        if weight > best_weight:
            best, best_weight = number, weight
    if best is None or best_weight < EXPLAINS_SHARE * sum(weights) or best_weight <= shown:
        return None
    return best
