"""Who made a change the bot keeps a record of: a person, or the command line.

A record names the person by their person id; when no person made it — `tovholder` on the
command line — the person is None and `via` says so ('cli'; 'chat' for a person in the
chat). A person id that is None with `via = 'chat'` is a former member: an erasure forgot
who it was.
"""

from __future__ import annotations

from typing import Final, Literal

Via = Literal["chat", "cli"]
#: The command line, where a service takes who acted.
CLI: Final = "cli"
#: Who acted: a person id, or the command line.
Actor = int | Literal["cli"]


def person_and_via(actor: Actor | None) -> tuple[int | None, Via]:
    """The two columns a record keeps for `actor` (None: nobody known, a former member).

    Any other text is refused: a platform's user id passed by mistake must not be stored as
    a former member."""
    if actor == CLI:
        return None, "cli"
    if actor is not None and not isinstance(actor, int):
        raise TypeError(f"an actor is a person id or {CLI!r}, not {actor!r}")
    return actor, "chat"
