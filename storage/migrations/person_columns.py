"""Which columns a migration turned from a Slack user id into the bot's person id.

Before identities (0025) a column that named a person held their Slack user id, or a marker
for an actor that is not a person: 'former-member' (or 'former-ambassador' for a guide's
editor) after an erasure, 'cli' for the command line. A converted column holds the person's
id; NULL where the release held a marker — a former member, or, when the table has a `via`
column, the actor it names ('cli'). Each migration that converts columns lists them, so the
test of an old database's migration checks every one of them against the release's rows.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What an erasure wrote in a released person column.
FORMER_MEMBER = "former-member"
FORMER_AMBASSADOR = "former-ambassador"


@dataclass(frozen=True)
class PersonColumn:
    table: str
    #: The column as released: a Slack user id or a marker.
    then: str
    #: The column now: the person's id, or NULL.
    now: str
    #: The marker the release wrote where the person was erased (NULL now).
    former: str = FORMER_MEMBER
    #: A column that now names the actor that is not a person ('cli'), where the table has one.
    via: str | None = None
    #: Where NULL also meant nobody in the release (a test not closed, a result never
    #: corrected): SQL on the row, aliased `t`, true where NULL is nobody, not a former member.
    nobody: str | None = None


def person_of(column: str) -> str:
    """SQL for the person id the Slack id in `column` leads to (through `identities`); NULL
    for a marker ('former-member', 'cli') or NULL, which no identity has. Only our own
    column names are ever put in."""
    return (
        "(SELECT i.person_id FROM identities i"  # noqa: S608 - our own column names only
        f" WHERE i.platform = 'slack' AND i.external_id = {column})"
    )
