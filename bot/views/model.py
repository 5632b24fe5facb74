"""What a view returns: a message, a form or a home page, with no platform in it.

Each front end has one renderer that turns these into what its platform shows (Block Kit for
Slack: `handlers.slack.render`; the console's text), and only that renderer knows the
platform's limits (characters, blocks, options) and its escaping. So a view says *what* is
shown — a heading, some text, buttons that ask first — and never how Slack spells it.

Text fields named `text` hold neutral Markdown (`bot.views.text`); labels, headings, option
names and confirm dialogs are plain text, shown as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal

Style = Literal["primary", "danger"]


# -- interactive elements -------------------------------------------------------------------


@dataclass(frozen=True)
class Confirm:
    """The "are you sure?" dialog a button opens before it acts (plain text throughout)."""

    title: str
    text: str
    yes: str
    no: str
    #: The "yes" is destructive (cancelling, deleting): shown in red.
    danger: bool = False


@dataclass(frozen=True)
class Button:
    """A button: `id` tells the handler what was clicked, `value` which thing it was about."""

    id: str
    label: str
    value: str
    style: Style | None = None
    confirm: Confirm | None = None


@dataclass(frozen=True)
class Option:
    label: str
    value: str


@dataclass(frozen=True)
class OptionGroup:
    """Options under a label (a daycare under its area)."""

    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Select:
    """Pick one of a list in a message; `initial` is the value picked already."""

    id: str
    placeholder: str
    options: tuple[Option, ...]
    initial: str | None = None


@dataclass(frozen=True)
class Overflow:
    """A "⋯" menu of a few actions on one thing."""

    id: str
    options: tuple[Option, ...]


Element = Button | Select | Overflow


# -- the parts of a message -----------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph of neutral Markdown, with an element beside it if `accessory` is given.
    Long text is split into as many pieces as the platform needs, never cut."""

    text: str
    accessory: Element | None = None
    id: str | None = None


@dataclass(frozen=True)
class Context:
    """Small print under a part: who, when, how many."""

    text: str


@dataclass(frozen=True)
class Divider:
    pass


@dataclass(frozen=True)
class Actions:
    """A row of buttons, menus and pickers; `id` names the row when a handler needs it."""

    elements: tuple[Element, ...]
    id: str | None = None


Part = Heading | Text | Context | Divider | Actions


@dataclass(frozen=True)
class Message:
    """A message: `text` is what a notification shows (neutral Markdown), `parts` the body.
    Without parts the platform shows `text` alone."""

    text: str
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class HomePage:
    """The bot's own page for a person (Slack's App Home tab)."""

    parts: tuple[Part, ...]


# -- forms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    id: str
    label: str
    max_length: int
    initial: str = ""
    long: bool = False
    optional: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class NumberField:
    id: str
    label: str
    minimum: int
    maximum: int
    initial: int | None = None
    optional: bool = True
    hint: str | None = None


@dataclass(frozen=True)
class DateField:
    id: str
    label: str
    initial: date | None = None
    optional: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class TimeField:
    id: str
    label: str
    initial: time | None = None
    optional: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class ChoiceField:
    """One of a list: a drop-down (`radio=False`) or radio buttons. The options are either
    `options` or, grouped under labels, `groups`."""

    id: str
    label: str
    options: tuple[Option, ...] = ()
    groups: tuple[OptionGroup, ...] = ()
    initial: str | None = None
    radio: bool = False
    optional: bool = True
    hint: str | None = None
    placeholder: str | None = None


@dataclass(frozen=True)
class MultiChoiceField:
    """Any of a list: a multi-select (`checkboxes=False`) or check boxes."""

    id: str
    label: str
    options: tuple[Option, ...] = ()
    groups: tuple[OptionGroup, ...] = ()
    initial: tuple[str, ...] = ()
    checkboxes: bool = False
    optional: bool = True
    hint: str | None = None


@dataclass(frozen=True)
class PeopleField:
    """One person (`many=False`) or several, from the organisation's people; `initial` and
    the value sent are person ids."""

    id: str
    label: str
    initial: tuple[int, ...] = ()
    many: bool = False
    optional: bool = True
    hint: str | None = None


@dataclass(frozen=True)
class ConversationField:
    """A channel or conversation to post in."""

    id: str
    label: str
    initial: str | None = None
    optional: bool = True
    hint: str | None = None


FormField = (
    TextField
    | NumberField
    | DateField
    | TimeField
    | ChoiceField
    | MultiChoiceField
    | PeopleField
    | ConversationField
)


@dataclass(frozen=True)
class Form:
    """A form a person fills in: `id` tells the handler which one was submitted, `metadata`
    travels with it (small: ids, not texts), `parts` are its fields with any explanation
    between them, in the order shown."""

    id: str
    title: str
    submit: str
    close: str
    parts: tuple[Part | FormField, ...]
    metadata: Mapping[str, object] = field(default_factory=dict)


#: What a submitted form got wrong: field id → what to fix, shown under the field.
FormErrors = Mapping[str, str]
