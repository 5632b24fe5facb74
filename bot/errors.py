"""The three ways the core refuses a person, each defined once.

A service raises one of these and writes nothing; the front end's one guard
(`handlers.slack.guard.guard`) turns each class into what the person sees, so no handler words
a refusal of its own:

- `NotAllowed(action)`: the person lacks the permission for `action` — the refusal names
  who may and the coordinators who can grant it (or, for the rules that depend on a
  daycare, an area or a training, the short text `bot.services.permissions.OWN_REFUSAL`
  declares for the action).
- `FormRefused(errors)`: a form cannot be saved as it is — each field's catalogue key and
  parameters, shown at the field.
- `ContainsCpr`: a text holds what looks like a CPR number — a form refusal at each field
  that holds one, or, for a command, a click or a chat message, one private message. The
  numbers travel masked only (`230415-XXXX`): the unmasked number never leaves the check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.permissions import Action

#: Field name → (catalogue key, parameters): the shape every form refuses with.
FieldErrors = dict[str, tuple[str, dict[str, object]]]

#: Catalogue keys of the CPR refusal: a field error in a form, the private reply to a
#: command, shortcut or click. `{masked}` and `{count}` are filled by `ContainsCpr.params`.
CPR_FIELD_KEY = "privacy.cpr_field"
CPR_NOT_SAVED_KEY = "privacy.cpr_not_saved"


class NotAllowed(Exception):
    """The acting person may not do `action`; nothing was changed."""

    def __init__(self, action: Action) -> None:
        super().__init__(action)
        self.action = action


class FormRefused(Exception):
    """The form cannot be saved as it is (per field: catalogue key, parameters); nothing of
    it was written."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(", ".join(f"{name}: {key}" for name, (key, _) in errors.items()))
        self.errors = errors


class ContainsCpr(FormRefused):
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
        super().__init__(
            {
                name: (CPR_FIELD_KEY, {"masked": ", ".join(found), "count": len(found)})
                for name, found in self.fields.items()
            }
        )

    def __str__(self) -> str:
        return f"CPR number in {', '.join(self.fields)}: {', '.join(self.masked)}"

    @property
    def params(self) -> dict[str, object]:
        """For the catalogue: `{masked}` is the masked numbers, comma separated."""
        return {"masked": ", ".join(self.masked), "count": len(self.masked)}

    def field_errors(self) -> FieldErrors:
        """Field name → (catalogue key, parameters), for the modal to show at each field
        that holds a number."""
        return dict(self.errors)
