"""The CPR guard: person-written text with a CPR number in it is never stored.

Every service that stores what a person wrote calls `ensure_no_cpr` with each text field
*before* it writes anything, so a refused submission leaves nothing half-written. The error
names the fields and the numbers found, masked (`230415-XXXX`): the unmasked number never
leaves this check — not in the exception, not in a log line, not in a reply.
"""

from __future__ import annotations

from bot.domain.cpr import find_cpr
from bot.errors import CPR_FIELD_KEY as FIELD_KEY
from bot.errors import CPR_NOT_SAVED_KEY as NOT_SAVED_KEY
from bot.errors import ContainsCpr

#: Catalogue keys: the request to edit a message written in a channel, the reply in a
#: sparring thread, an import's refusal (the field error and the private reply to a command
#: are the CPR refusal's own, `bot.errors`). `{masked}` is filled by `params`.
EDIT_MESSAGE_KEY = "privacy.cpr_edit_message"
REPLY_KEY = "privacy.cpr_reply"
IMPORT_KEY = "privacy.cpr_import"


def cpr_in(**fields: str | None) -> dict[str, tuple[str, ...]]:
    """Each field that holds a CPR number → the numbers found there, masked."""
    found: dict[str, tuple[str, ...]] = {}
    for name, text in fields.items():
        if text:
            numbers = find_cpr(text)
            if numbers:
                found[name] = tuple(numbers)
    return found


def cpr_errors(**fields: str | None) -> dict[str, tuple[str, dict[str, object]]]:
    """For forms that refuse with every field's problem at once: each field that holds a
    CPR number → (FIELD_KEY, its masked numbers); empty when none does."""
    return {
        name: (FIELD_KEY, {"masked": ", ".join(found), "count": len(found)})
        for name, found in cpr_in(**fields).items()
    }


def ensure_no_cpr(**fields: str | None) -> None:
    """Raise ContainsCpr when any of the named texts holds a CPR number; None passes."""
    found = cpr_in(**fields)
    if not found:
        return
    masked = tuple(dict.fromkeys(number for numbers in found.values() for number in numbers))
    raise ContainsCpr(next(iter(found)), masked, fields=found)


__all__ = [
    "EDIT_MESSAGE_KEY",
    "FIELD_KEY",
    "IMPORT_KEY",
    "NOT_SAVED_KEY",
    "REPLY_KEY",
    "ContainsCpr",
    "cpr_errors",
    "cpr_in",
    "ensure_no_cpr",
]
