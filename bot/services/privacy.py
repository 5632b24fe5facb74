"""The CPR guard: person-written text with a CPR number in it is never stored.

Every service that stores what a person wrote calls `ensure_no_cpr` with each text field
*before* it writes anything, so a refused submission leaves nothing half-written. The error
names the fields and the numbers found, masked (`230415-XXXX`): the unmasked number never
leaves this check — not in the exception, not in a log line, not in a reply.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.domain.cpr import find_cpr

#: Catalogue keys: a field error in a modal, a private reply to a command or shortcut, and
#: the request to edit a message written in a channel. `{masked}` is filled by `params`.
FIELD_KEY = "privacy.cpr_field"
NOT_SAVED_KEY = "privacy.cpr_not_saved"
EDIT_MESSAGE_KEY = "privacy.cpr_edit_message"
REPLY_KEY = "privacy.cpr_reply"
IMPORT_KEY = "privacy.cpr_import"


class ContainsCpr(ValueError):
    """One or more fields hold what looks like a CPR number; nothing was written.

    `field` and `masked` are the first field found and every number found (masked, each
    once); `fields` maps each field with a number to its own numbers.
    """

    def __init__(
        self,
        field: str,
        masked: tuple[str, ...],
        *,
        fields: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.field = field
        self.masked = masked
        self.fields: dict[str, tuple[str, ...]] = dict(fields or {field: masked})
        super().__init__(f"CPR number in {', '.join(self.fields)}: {', '.join(masked)}")

    @property
    def params(self) -> dict[str, object]:
        """For the catalogue: `{masked}` is the masked numbers, comma separated."""
        return {"masked": ", ".join(self.masked), "count": len(self.masked)}

    def field_errors(self) -> dict[str, tuple[str, dict[str, object]]]:
        """Field name → (catalogue key, parameters), the shape forms refuse with, for the
        modal to show at each field that holds a number."""
        return {
            name: (FIELD_KEY, {"masked": ", ".join(found), "count": len(found)})
            for name, found in self.fields.items()
        }


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
