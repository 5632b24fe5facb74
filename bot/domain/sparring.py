"""A sparring question: a colleague asks the network, and the right ambassadors hear it.

A question lives through `draft` (shown "maybe one of these guides helps?" and not sent
yet), `open` (posted, waiting for an answer), `answered` (an ambassador marked the answer)
and `resolved` (the asker said it is solved). Times are stored as UTC ISO-8601 text.

People are person ids; None where a person was named is a former member (erased, or made
anonymous by the retention rule). Messages are the platform's references (`MessageRef`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.domain.guide_markdown import literal
from bot.domain.guides import Tool
from bot.domain.org import Area, Daycare, Person
from bot.domain.refs import MessageRef

QuestionState = Literal["draft", "open", "answered", "resolved"]
Urgency = Literal["normal", "urgent"]
URGENCIES: tuple[Urgency, ...] = ("normal", "urgent")


@dataclass(frozen=True)
class Question:
    id: int
    #: None: a former member (erased, or the question is older than the retention period).
    asker_id: int | None
    text: str
    #: When the question was asked: stored, and moved to the moment a draft is sent.
    created_at: str
    area: Area | None = None
    daycare: Daycare | None = None
    tool: Tool | None = None
    state: QuestionState = "open"
    urgency: Urgency = "normal"
    #: Sent to the ambassadors by DM, never to the channel.
    private: bool = False
    #: The post in the sparring channel (its thread holds the replies); None for a private
    #: or DM-delivered question.
    post: MessageRef | None = None
    #: "I'll take it": who (None once claimed: a former member), and when.
    claimed_by: int | None = None
    claimed_at: str | None = None
    #: The first reply by someone other than the asker (a thread reply or the answer).
    first_reply_at: str | None = None
    answered_at: str | None = None
    answered_by: int | None = None
    answer_text: str | None = None
    #: The message in the post's thread holding the answer (a marked reply, or the bot's post
    #: of a typed one).
    answer_message_id: str | None = None
    resolved_at: str | None = None
    #: The guide the question and answer were saved to as FAQ.
    faq_guide_id: int | None = None
    #: Asked in an area without an ambassador, so it went to everyone: a gap for the pulse.
    area_gap: bool = False

    @property
    def channel_id(self) -> str | None:
        """The conversation the question was posted in, if it was."""
        return self.post.conversation_id if self.post else None

    @property
    def is_waiting(self) -> bool:
        """Posted and not answered yet: what escalation and "my open questions" care about."""
        return self.state == "open"


@dataclass(frozen=True)
class Suggestion:
    """A guide that may already answer the question."""

    guide_id: int
    title: str
    tool: str


@dataclass(frozen=True)
class Routing:
    """Where a question goes: the sparring channel (or, with none set, the recipients' DMs)."""

    question: Question
    channel_id: str | None
    #: The area's ambassadors (or every ambassador and the coordinator when the area has
    #: none), and the ambassadors who have tested the question's tool.
    recipients: tuple[Person, ...]
    #: The asker's area has no ambassador: counted as a gap in the network.
    area_without_ambassador: bool
    #: False when the same submission arrived before (or the draft was sent already):
    #: nothing new to post.
    created: bool = True
    #: Those of `recipients` added because they have tested the tool.
    testers: tuple[Person, ...] = ()
    #: Guides that may answer it, shown to the asker while the question is a draft.
    suggestions: tuple[Suggestion, ...] = ()
    #: The coordinators, told by DM when the channel post fails.
    coordinators: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Reply:
    """A reply in a question's thread (the thread of its post)."""

    question_id: int
    message: MessageRef
    #: None: a former member.
    author_id: int | None
    text: str
    created_at: str


# -- Save as FAQ ---------------------------------------------------------------------------

#: The section headings the FAQ writes (the workspace language) and recognises (both).
FAQ_HEADINGS = ("Spørgsmål og svar", "Questions and answers")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")


def faq_entry(question: str, answer: str) -> str:
    """One question and answer as Markdown: the question bold on one line, the answer below.
    Both are people's words, not Markdown: kept literal, so a `[label](address)` in them
    cannot become a disguised link in the guide (`literal`)."""
    asked = " ".join(question.split())
    return f"**{literal(asked)}**\n\n{literal(answer.strip())}"


def add_faq_entry(body: str, heading: str, question: str, answer: str) -> str:
    """`body` with the question and answer added to its "## Spørgsmål og svar" section,
    which is created at the end when missing. An entry already there is not added twice."""
    entry = faq_entry(question, answer)
    text = body.replace("\r\n", "\n").rstrip()
    if entry in text:
        return text
    lines = text.split("\n") if text else []
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if (m := _HEADING.match(line)) and len(m[1]) == 2 and m[2].strip() in FAQ_HEADINGS
        ),
        None,
    )
    if start is None:
        prefix = text + "\n\n" if text else ""
        return f"{prefix}## {heading}\n\n{entry}"
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if (m := _HEADING.match(lines[i])) and len(m[1]) <= 2
        ),
        len(lines),
    )
    section = "\n".join(lines[start:end]).rstrip()
    rest = "\n".join(lines[end:])
    before = "\n".join(lines[:start])
    parts = [part for part in (before.rstrip(), f"{section}\n\n{entry}", rest.strip()) if part]
    return "\n\n".join(parts)


# -- Measures for the pulse ----------------------------------------------------------------


@dataclass(frozen=True)
class SparringFigures:
    """Counts and median wall-clock minutes over a set of questions."""

    asked: int = 0
    #: Questions with an answer marked (state answered, or resolved after an answer).
    answered: int = 0
    #: Still waiting for an answer (state open).
    open: int = 0
    resolved: int = 0
    median_minutes_to_first_reply: float | None = None
    median_minutes_to_answer: float | None = None
    median_minutes_to_resolve: float | None = None


@dataclass(frozen=True)
class AreaSparring:
    #: None: asked by someone with no area (not registered, or a coordinator).
    area: Area | None
    figures: SparringFigures
    #: Of those, asked while the area had no ambassador.
    gaps: int = 0


@dataclass(frozen=True)
class AmbassadorSparring:
    person_id: int
    #: From the organisation; None for someone no longer (or never) in it.
    name: str | None
    answered: int
    median_minutes_to_answer: float | None
    #: Questions they took with "I'll take it".
    claimed: int = 0


@dataclass(frozen=True)
class SparringMeasures:
    """Questions asked since `since` (drafts never sent are left out)."""

    since: str
    overall: SparringFigures
    per_area: tuple[AreaSparring, ...]
    per_ambassador: tuple[AmbassadorSparring, ...]
    #: Asked in an area without an ambassador.
    area_gaps: int = 0
