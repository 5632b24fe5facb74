"""Trainings as people read them: the plan form, the invitation with its sign-up buttons, the
day-before reminder, the change notice, the receipts, `/tool-test trainings`, and the
attendance form. Place, note and names are people's text: in through `literal`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.guides import Tool
from bot.domain.org import Area
from bot.domain.trainings import (
    NOTE_MAX,
    PLACE_MAX,
    SEATS_DEFAULT,
    SEATS_MAX,
    SEATS_MIN,
    Answer,
    Signup,
    Training,
)
from bot.i18n import t
from bot.views.blocks import shorten
from bot.views.dates import day_text
from bot.views.help import text_message
from bot.views.model import (
    Actions,
    Button,
    ChoiceField,
    Confirm,
    Context,
    DateField,
    Form,
    FormField,
    Message,
    MultiChoiceField,
    NumberField,
    Option,
    Part,
    PeopleField,
    Text,
    TextField,
    TimeField,
)
from bot.views.text import literal, mention

#: The guide card's "Planlæg oplæring" (value: the tool id).
PLAN = "training_plan"
#: "Planlæg oplæring" for a new superuser (value: their person id): the plan modal in their
#: area.
PLAN_FOR = "training_plan_for"
YES = "training_yes"
NO = "training_no"
ATTENDANCE = "training_attendance"
MOVE = "training_move"
CANCEL = "training_cancel"
PLAN_CALLBACK = "training_plan"
ATTENDANCE_CALLBACK = "training_attendance"
OPTIONS_MAX = 100
#: What the messages showed for an erased ambassador before people had ids (the erasure's
#: marker, as a mention): still shown for a training whose ambassador is a former member.
FORMER_MEMBER = "former-member"
#: Trainings listed by `/tool-test trainings` (each takes three blocks; a message holds 50).
LISTED_MAX = 12


def _local(starts_at: str, tz: ZoneInfo) -> datetime:
    return datetime.fromisoformat(starts_at).astimezone(tz)


def when_text(lang: str, starts_at: str, tz: ZoneInfo) -> str:
    """ "tirsdag 8. dec. 2026 kl. 13.00" in the bot's zone."""
    local = _local(starts_at, tz)
    return t(
        lang,
        "training.when",
        weekday=t(lang, f"training.weekday.{local.weekday()}"),
        day=day_text(lang, local.date()),
        time=t(lang, "training.clock", hh=f"{local.hour:02d}", mm=f"{local.minute:02d}"),
    )


def training_text(lang: str, training: Training, tz: ZoneInfo) -> str:
    """One neutral Markdown line: "Oplæring i **Bee-Bot**: tirsdag 8. dec. 2026 kl. 13.00,
    Salen"."""
    return t(
        lang,
        "training.line",
        tool=literal(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
        place=literal(shorten(training.place, 200)),
    )


def signup(lang: str, training: Training) -> Actions:
    """ "Jeg kommer" / "Jeg kan ikke" under a training in a neutral message."""
    value = str(training.id)
    return Actions(
        (
            Button(YES, t(lang, "training.button.yes"), value, style="primary"),
            Button(NO, t(lang, "training.button.no"), value),
        )
    )


# -- the plan modal -----------------------------------------------------------------------


def plan_modal(
    lang: str,
    tools: list[Tool],
    areas: list[Area],
    tz: ZoneInfo,
    *,
    tool_id: int | None = None,
    area_id: int | None = None,
    training: Training | None = None,
    channel_id: str | None = None,
) -> Form:
    """A new training (tool or area maybe preselected), or — with `training` — its move,
    prefilled."""
    chosen_tool = training.tool_id if training else tool_id
    ordered = sorted(tools, key=lambda tool: (tool.id != chosen_tool, tool.name.casefold()))
    area_initial = str(training.area_id) if training else None
    if area_initial is None and any(a.id == area_id for a in areas):
        area_initial = str(area_id)
    if area_initial is None and len(areas) == 1:
        area_initial = str(areas[0].id)
    local = _local(training.starts_at, tz) if training is not None else None
    metadata: dict[str, object] = {"channel": channel_id}
    if training is not None:
        metadata["training_id"] = training.id
    return Form(
        id=PLAN_CALLBACK,
        title=t(lang, "training.move_title" if training else "training.plan_title"),
        submit=t(lang, "training.save"),
        close=t(lang, "training.close"),
        parts=(
            ChoiceField(
                "tool",
                t(lang, "training.field.tool"),
                options=tuple(Option(tool.name, str(tool.id)) for tool in ordered),
                initial=str(chosen_tool) if chosen_tool else None,
                optional=False,
            ),
            DateField(
                "day", t(lang, "training.field.day"), initial=local.date() if local else None
            ),
            TimeField(
                "time", t(lang, "training.field.time"), initial=local.time() if local else None
            ),
            TextField(
                "place",
                t(lang, "training.field.place"),
                max_length=PLACE_MAX,
                initial=training.place if training else "",
                hint=t(lang, "training.field.place_hint"),
            ),
            ChoiceField(
                "area",
                t(lang, "training.field.area"),
                options=tuple(Option(area.name, str(area.id)) for area in areas),
                initial=area_initial,
                optional=False,
            ),
            NumberField(
                "seats",
                t(lang, "training.field.seats"),
                minimum=SEATS_MIN,
                maximum=SEATS_MAX,
                initial=training.seats if training else SEATS_DEFAULT,
                optional=False,
            ),
            TextField(
                "note",
                t(lang, "training.field.note"),
                max_length=NOTE_MAX,
                initial=training.note if training else "",
                long=True,
                optional=True,
                hint=t(lang, "training.field.note_hint"),
            ),
        ),
        metadata=metadata,
    )


def planned_message(
    lang: str, training: Training, invited: int, tz: ZoneInfo, *, moved: bool | None = None
) -> Message:
    """The ambassador's receipt: planned (with how many are invited), moved or just saved."""
    line = training_text(lang, training, tz)
    if moved is None:
        text = t(lang, "training.planned", line=line, invited=invited, seats=training.seats)
    elif moved:
        text = t(lang, "training.moved_receipt", line=line, coming=training.signed_up)
    else:
        text = t(lang, "training.saved_receipt", line=line)
    return text_message(text)


# -- what the superusers get --------------------------------------------------------------


def _facts(lang: str, training: Training, tz: ZoneInfo) -> str:
    return "\n".join(
        [
            t(lang, "training.fact.when", when=when_text(lang, training.starts_at, tz)),
            t(lang, "training.fact.place", place=literal(shorten(training.place, 500))),
            t(
                lang,
                "training.fact.seats",
                left=training.seats_left,
                seats=training.seats,
            ),
        ]
    )


def _note(lang: str, training: Training) -> list[Part]:
    if not training.note:
        return []
    return [Context(t(lang, "training.fact.note", note=literal(shorten(training.note, 1500))))]


def _ambassador(training: Training) -> str:
    """A mention of the training's ambassador; a former member (erased) as the erasure's
    marker read before person ids, which is what the messages showed for them."""
    if training.ambassador_id is None:
        return literal(f"<@{FORMER_MEMBER}>")
    return mention(training.ambassador_id)


def _not_after_all(lang: str, training: Training) -> Actions:
    return Actions((Button(NO, t(lang, "training.button.not_after_all"), str(training.id)),))


def invitation_message(lang: str, training: Training, tz: ZoneInfo) -> Message:
    intro = t(
        lang,
        "training.invite",
        ambassador=_ambassador(training),
        tool=literal(training.tool_name),
    )
    parts: list[Part] = [Text(intro), Text(_facts(lang, training, tz))]
    parts += _note(lang, training)
    parts.append(signup(lang, training))
    fallback = t(lang, "training.invite_fallback", tool=literal(training.tool_name))
    return Message(fallback, tuple(parts))


def reminder_message(lang: str, training: Training, tz: ZoneInfo) -> Message:
    text = t(lang, "training.reminder", line=training_text(lang, training, tz))
    return Message(text, (Text(text), *_note(lang, training), _not_after_all(lang, training)))


def change_message(lang: str, training: Training, tz: ZoneInfo) -> Message:
    if training.state == "cancelled":
        text = t(lang, "training.cancelled_notice", line=training_text(lang, training, tz))
        return text_message(text)
    text = t(
        lang,
        "training.moved_notice",
        tool=literal(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
        place=literal(shorten(training.place, 500)),
    )
    return Message(text, (Text(text), _not_after_all(lang, training)))


def answer_message(
    lang: str, outcome: str, training: Training | None, answer: Answer | None, tz: ZoneInfo
) -> Message:
    """The private receipt below the clicked button."""
    if training is None or outcome == "gone":
        return text_message(t(lang, "training.gone"))
    line = training_text(lang, training, tz)
    if outcome == "saved":
        key = "training.answer.yes" if answer == "yes" else "training.answer.no"
        return text_message(t(lang, key, line=line))
    if outcome == "full":
        ambassador = _ambassador(training)
        return text_message(t(lang, "training.answer.full", line=line, ambassador=ambassador))
    if outcome == "not_in_area":
        return text_message(
            t(lang, "training.answer.not_in_area", area=literal(training.area_name))
        )
    key = "training.answer.cancelled" if training.state == "cancelled" else "training.answer.past"
    return text_message(t(lang, key, line=line))


# -- /tool-test trainings ------------------------------------------------------------------


def _state_text(lang: str, training: Training, now_iso: str) -> str:
    if training.state == "planned" and training.starts_at <= now_iso:
        return t(lang, "training.state.started")
    return t(lang, f"training.state.{training.state}")


def list_message(
    lang: str,
    trainings: tuple[Training, ...],
    kind: str,
    answers: Mapping[int, Answer],
    tz: ZoneInfo,
    now_iso: str,
) -> Message:
    """An ambassador's own trainings with "Fremmøde", "Flyt", "Aflys"; a superuser's area's
    planned trainings with the sign-up buttons; a friendly line when there are none."""
    if kind == "none":
        return text_message(t(lang, "training.list.none"))
    if not trainings:
        key = "training.list.empty_held" if kind == "held" else "training.list.empty_offered"
        return text_message(t(lang, key))
    header = t(lang, "training.list.held" if kind == "held" else "training.list.offered")
    parts: list[Part] = [Text(header)]
    for training in trainings[:LISTED_MAX]:
        parts.append(Text(training_text(lang, training, tz)))
        facts = [
            t(lang, "training.list.signed_up", coming=training.signed_up, seats=training.seats)
        ]
        if kind == "held":
            facts.append(_state_text(lang, training, now_iso))
            parts.append(Context(" · ".join(facts)))
            value = str(training.id)
            buttons: list[Button] = []
            if training.starts_at <= now_iso:
                buttons.append(Button(ATTENDANCE, t(lang, "training.button.attendance"), value))
            if training.state == "planned" and training.starts_at > now_iso:
                buttons += [
                    Button(MOVE, t(lang, "training.button.move"), value),
                    cancel_button(lang, training),
                ]
            if buttons:
                parts.append(Actions(tuple(buttons)))
        else:
            mine = answers.get(training.id)
            if mine is not None:
                facts.append(t(lang, f"training.list.your_answer.{mine}"))
            parts.append(Context(" · ".join(facts)))
            parts.append(signup(lang, training))
    if len(trainings) > LISTED_MAX:
        parts.append(Context(t(lang, "training.list.more", count=len(trainings) - LISTED_MAX)))
    return Message(header, tuple(parts))


def cancel_button(lang: str, training: Training) -> Button:
    """ "Aflys", asking first (the tool's name as written: a confirm dialog is plain text)."""
    ask = Confirm(
        title=t(lang, "training.confirm.title"),
        text=t(lang, "training.confirm.text", tool=training.tool_name, coming=training.signed_up),
        yes=t(lang, "training.confirm.yes"),
        no=t(lang, "training.confirm.no"),
        danger=True,
    )
    return Button(CANCEL, t(lang, "training.button.cancel"), str(training.id), confirm=ask)


def cancelled_receipt(lang: str, training: Training, tz: ZoneInfo, *, changed: bool) -> Message:
    key = "training.cancelled_receipt" if changed else "training.already_cancelled"
    return text_message(
        t(lang, key, line=training_text(lang, training, tz), coming=training.signed_up)
    )


# -- attendance ---------------------------------------------------------------------------


def attendance_modal(
    lang: str, training: Training, coming: list[Signup], names: Mapping[int, str], tz: ZoneInfo
) -> Form:
    """Those who said yes (all preselected) and anybody else who came."""
    parts: list[Part | FormField] = [Text(training_text(lang, training, tz))]
    if coming:
        choices = tuple(
            Option(names.get(s.person_id, str(s.person_id)), str(s.person_id))
            for s in coming[:OPTIONS_MAX]
        )
        parts.append(
            MultiChoiceField(
                "came",
                t(lang, "training.field.came"),
                options=choices,
                initial=tuple(choice.value for choice in choices),
            )
        )
    else:
        parts.append(Context(t(lang, "training.nobody_signed_up")))
    parts.append(
        PeopleField(
            "others",
            t(lang, "training.field.others"),
            many=True,
            hint=t(lang, "training.field.others_hint"),
        )
    )
    return Form(
        id=ATTENDANCE_CALLBACK,
        title=t(lang, "training.attendance_title"),
        submit=t(lang, "training.save"),
        close=t(lang, "training.close"),
        parts=tuple(parts),
        metadata={"training_id": training.id},
    )


def signup_notice_message(
    lang: str,
    training: Training,
    name: str | None,
    daycare: str | None,
    tz: ZoneInfo,
) -> Message:
    """To the training's ambassador: "<navn> har tilmeldt sig oplæringen i <redskab> <dato>",
    with how many seats are taken."""
    who = literal(name) if name else t(lang, "training.signup_someone")
    if daycare:
        who += f" ({literal(daycare)})"
    text = t(
        lang,
        "training.signup_notice",
        name=who,
        tool=literal(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
    )
    seats = t(lang, "training.list.signed_up", coming=training.signed_up, seats=training.seats)
    return Message(text, (Text(text), Context(seats)))


def attendance_reminder_message(
    lang: str, training: Training, coming: int, tz: ZoneInfo
) -> Message:
    """The working day after: record who came, with the button that opens the form."""
    text = t(lang, "training.attendance_reminder", line=training_text(lang, training, tz))
    record = Button(
        ATTENDANCE, t(lang, "training.button.record_attendance"), str(training.id), "primary"
    )
    return Message(
        text,
        (
            Text(text),
            Context(t(lang, "training.attendance_reminder_why", coming=coming)),
            Actions((record,)),
        ),
    )


def attendance_receipt(
    lang: str, training: Training, attended: int, started: tuple[str, ...], tz: ZoneInfo
) -> Message:
    text = t(
        lang, "training.attendance_saved", line=training_text(lang, training, tz), count=attended
    )
    if started:
        text += "\n" + t(lang, "training.now_started", daycares=literal(", ".join(started)))
    return text_message(text)
