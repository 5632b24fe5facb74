"""The organisation spreadsheet: reading and checking it, and writing it back.

Pure (bytes in, rows or problems out) so every rule about the file is tested without a
database or chat platform. The coordinator fixes the file, not the bot, so every problem
names its line and carries a catalogue key and the values its text needs: the command line
shows them in the coordinator's language. Every problem in the file is found in one pass, so a
file is fixed in one round instead of one error at a time.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.domain.org import ROLES, Role
from bot.domain.refs import Platform
from bot.services.matching import fold

#: The file's column of a person's user id on the chat platform, and that platform. The
#: column names are a contract (README and DESIGN.md name them, coordinators' sheets use
#: them), so the column keeps Slack's name; the import makes each id an identity on
#: `IDENTITY_PLATFORM` (`bot.services.org_import`). The one place the file meets Slack.
IDENTITY_COLUMN = "slack_user_id"
IDENTITY_PLATFORM: Platform = "slack"
COLUMNS: tuple[str, ...] = ("email", "name", "role", "area", "daycare", IDENTITY_COLUMN, "language")
LANGUAGES: tuple[str, ...] = ("da", "en")
#: The words a coordinator may write in the language column (any case) → the stored code.
LANGUAGE_WORDS: dict[str, str] = {
    "da": "da",
    "dansk": "da",
    "danish": "da",
    "en": "en",
    "engelsk": "en",
    "english": "en",
}
#: The words a coordinator may write in the role column, Danish or English, in any case and
#: with or without æ, ø and å (`ambassadør`, `ambassador`, `ambassadoer`), folded by
#: `_folded` → the role. Export writes the English words, so the file reads back the same.
ROLE_WORDS: dict[str, Role] = {
    "superuser": "superuser",
    "superbruger": "superuser",
    "ambassador": "ambassador",
    "coordinator": "coordinator",
    "koordinator": "coordinator",
    "leader": "leader",
    "leder": "leader",
    "ledelse": "leader",
}
#: Joins several roles or several areas in one field.
SEPARATOR = "|"
EXPORT_DELIMITER = ";"
EMAIL = re.compile(r"^[^@\s;,|<>\"]+@[^@\s;,|<>\"]+\.[^@\s;,|<>\"]+$")
#: A user id as the identity column holds it (Slack's `U…`/`W…`).
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")
#: Spreadsheets run a cell starting with these as a formula; export guards such cells with
#: a leading apostrophe (and import removes it again), so a name taken from a chat profile
#: cannot become a formula on the coordinator's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Problem:
    """One reason the file is refused; `key` is a catalogue key, `params` fill its text."""

    line: int
    key: str
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class OrgRow:
    """One person as the file describes them (`line` is 0 for rows built for export)."""

    email: str | None
    name: str
    roles: tuple[Role, ...]
    areas: tuple[str, ...]
    daycare: str | None
    #: The person's id on `IDENTITY_PLATFORM` (the file's identity column), if it names one.
    external_id: str | None
    language: str | None
    line: int = 0

    @property
    def is_superuser(self) -> bool:
        return "superuser" in self.roles

    @property
    def is_ambassador(self) -> bool:
        return "ambassador" in self.roles


@dataclass(frozen=True)
class Place:
    """A row with no person, only an area (and maybe a daycare): the network's places that
    nobody holds a role in yet — an area without ambassadors, a daycare without superusers."""

    area: str
    daycare: str | None
    line: int = 0


#: The columns that describe a person; a row with all of them empty describes a place.
PERSON_COLUMNS = ("email", "name", "role", IDENTITY_COLUMN, "language")


@dataclass(frozen=True)
class CsvRead:
    """Every row that could be read, and every problem; `bad_lines` are the rows to skip."""

    rows: tuple[OrgRow, ...] = ()
    problems: tuple[Problem, ...] = ()
    places: tuple[Place, ...] = ()

    @property
    def bad_lines(self) -> frozenset[int]:
        return frozenset(problem.line for problem in self.problems)

    @property
    def good_rows(self) -> tuple[OrgRow, ...]:
        bad = self.bad_lines
        return tuple(row for row in self.rows if row.line not in bad)


def key_of(name: str) -> str:
    """Areas, daycares and e-mails are matched without regard to case."""
    return name.casefold()


def is_email(text: str | None) -> bool:
    return bool(text) and EMAIL.match(text or "") is not None


# -- reading ---------------------------------------------------------------------------


def read_org_csv(data: bytes) -> CsvRead:
    """Decode, split and check the whole file; a broken file gives only its first problem."""
    text, broken = _decode(data)
    if broken is not None:
        return CsvRead(problems=(broken,))
    records, broken = _records(text)
    if broken is not None:
        return CsvRead(problems=(broken,))
    if not records:
        return CsvRead(problems=(Problem(1, "org_csv.empty"),))
    header_line, header = records[0]
    columns = [name.strip().lower() for name in header]
    header_problems = _check_header(header_line, columns)
    if header_problems:
        return CsvRead(problems=tuple(header_problems))
    if len(records) == 1:
        return CsvRead(problems=(Problem(header_line, "org_csv.no_rows"),))
    rows: list[OrgRow] = []
    places: list[Place] = []
    problems: list[Problem] = []
    for line, fields in records[1:]:
        if len(fields) != len(columns):
            problems.append(
                Problem(
                    line, "org_csv.field_count", {"count": len(fields), "expected": len(columns)}
                )
            )
            continue
        values = dict(zip(columns, fields, strict=True))
        if not any(_cell(values[column]) for column in PERSON_COLUMNS):
            place, place_problems = _place(line, values)
            places.extend([place] if place else [])
            problems.extend(place_problems)
            continue
        row, row_problems = _row(line, values)
        rows.append(row)
        problems.extend(row_problems)
    problems.extend(_across_rows(rows))
    problems.extend(_place_conflicts(places, rows))
    return CsvRead(tuple(rows), tuple(sorted(problems, key=lambda p: p.line)), tuple(places))


def _place(line: int, values: Mapping[str, str]) -> tuple[Place | None, list[Problem]]:
    areas = _parts(_cell(values["area"]))
    if len(areas) != 1:
        return None, [Problem(line, "org_csv.place_one_area")]
    return Place(areas[0], _cell(values["daycare"]) or None, line), []


def _place_conflicts(places: Sequence[Place], rows: Sequence[OrgRow]) -> list[Problem]:
    """A daycare lies in one area, whichever rows name it."""
    first: dict[str, tuple[str, int]] = {}
    for row in _superuser_rows(rows):
        if row.daycare and len(row.areas) == 1:
            first.setdefault(key_of(row.daycare), (row.areas[0], row.line))
    problems = []
    for place in places:
        if place.daycare is None:
            continue
        area, line = first.setdefault(key_of(place.daycare), (place.area, place.line))
        if key_of(area) != key_of(place.area):
            params: dict[str, str | int] = {
                "daycare": place.daycare,
                "area": place.area,
                "other_area": area,
                "other": line,
            }
            problems.append(Problem(place.line, "org_csv.daycare_two_areas", params))
    return problems


def _decode(data: bytes) -> tuple[str, Problem | None]:
    nul = data.find(b"\x00")
    if nul >= 0:
        return "", Problem(_line_at(data, nul), "org_csv.binary")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return "", Problem(_line_at(data, error.start), "org_csv.not_utf8")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _delimiter(text: str) -> str:
    """Danish Excel writes semicolons, everything else commas; the header tells which."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _records(text: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """(first line of the record, its fields) for every record that is not blank."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            if any(value.strip() for value in fields):
                records.append((start, fields))
            start = reader.line_num + 1
    except csv.Error:
        return [], Problem(start, "org_csv.bad_quotes")
    return records, None


def _check_header(line: int, columns: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    expected = ", ".join(COLUMNS)
    seen: set[str] = set()
    for name in columns:
        if name not in COLUMNS:
            problems.append(
                Problem(line, "org_csv.unknown_column", {"column": name, "columns": expected})
            )
        elif name in seen:
            problems.append(Problem(line, "org_csv.duplicate_column", {"column": name}))
        seen.add(name)
    problems.extend(
        Problem(line, "org_csv.missing_column", {"column": name})
        for name in COLUMNS
        if name not in seen
    )
    return problems


def _cell(value: str) -> str:
    """Trimmed, without the apostrophe export puts before formula-like text."""
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _parts(value: str) -> tuple[str, ...]:
    """`Nord|Syd` as separate names; the same name twice counts once."""
    names: list[str] = []
    for part in value.split(SEPARATOR):
        name = part.strip()
        if name and key_of(name) not in {key_of(n) for n in names}:
            names.append(name)
    return tuple(names)


def _row(line: int, values: Mapping[str, str]) -> tuple[OrgRow, list[Problem]]:
    cells = {column: _cell(value) for column, value in values.items()}
    problems: list[Problem] = []

    def problem(key: str, **params: str | int) -> None:
        problems.append(Problem(line, key, dict(params)))

    email = cells["email"] or None
    user_id = cells[IDENTITY_COLUMN] or None
    if email is not None and not is_email(email):
        problem("org_csv.email_bad", email=email)
    if user_id is not None and not USER_ID.match(user_id):
        problem("org_csv.user_id_bad", user_id=user_id)
    if email is None and user_id is None:
        problem("org_csv.email_or_id")
    if not cells["name"]:
        problem("org_csv.name_missing")
    language = LANGUAGE_WORDS.get(cells["language"].casefold()) if cells["language"] else None
    if cells["language"] and language is None:
        problem("org_csv.language_bad", language=cells["language"])

    # An empty role is allowed: the settings modal can take someone's last role away, and
    # export -> import must keep that person as they are.
    roles: list[Role] = []
    unknown = False
    for word in _parts(cells["role"]):
        known = ROLE_WORDS.get(_folded(word))
        if known is None:
            problem("org_csv.role_unknown", role=word)
            unknown = True
        else:
            roles.append(known)
    ordered = tuple(role for role in ROLES if role in roles)
    areas = _parts(cells["area"])
    daycare = cells["daycare"] or None
    row = OrgRow(email, cells["name"], ordered, areas, daycare, user_id, language, line)
    # Which places a row needs follows from its roles: with a role unread, the area and the
    # daycare it names cannot be judged, and "unused" would only repeat the one mistake.
    if not unknown:
        problems.extend(_role_places(row))
    return row, problems


def _folded(word: str) -> str:
    """A role word as it is looked up: any case, æ/ø/å or their spellings without them."""
    return fold(word).replace("oe", "o").replace("aa", "a")  # ambassadør = ambassador


def _role_places(row: OrgRow) -> list[Problem]:
    """Which roles need an area or a daycare, and which places a row may not name."""
    problems: list[Problem] = []
    areas = ", ".join(row.areas)
    if row.is_ambassador and not row.areas:
        problems.append(Problem(row.line, "org_csv.ambassador_no_area"))
    if row.is_superuser:
        if not row.areas:
            problems.append(Problem(row.line, "org_csv.superuser_no_area"))
        if row.daycare is None:
            problems.append(Problem(row.line, "org_csv.superuser_no_daycare"))
        elif len(row.areas) > 1 and not row.is_ambassador:
            problems.append(
                Problem(
                    row.line, "org_csv.superuser_one_area", {"daycare": row.daycare, "areas": areas}
                )
            )
    if row.areas and not (row.is_ambassador or row.is_superuser):
        problems.append(Problem(row.line, "org_csv.area_unused", {"areas": areas}))
    if row.daycare is not None and not row.is_superuser:
        problems.append(Problem(row.line, "org_csv.daycare_unused", {"daycare": row.daycare}))
    return problems


def _across_rows(rows: Sequence[OrgRow]) -> list[Problem]:
    """Duplicates and a daycare placed in two areas; the later line gets the problem."""
    problems: list[Problem] = []
    emails: dict[str, int] = {}
    user_ids: dict[str, int] = {}
    for row in rows:
        if row.email is not None and is_email(row.email):
            first = emails.setdefault(key_of(row.email), row.line)
            if first != row.line:
                problems.append(
                    Problem(
                        row.line, "org_csv.email_duplicate", {"email": row.email, "other": first}
                    )
                )
        if row.external_id is not None:
            first = user_ids.setdefault(row.external_id, row.line)
            if first != row.line:
                problems.append(
                    Problem(
                        row.line,
                        "org_csv.user_id_duplicate",
                        {"user_id": row.external_id, "other": first},
                    )
                )
    problems.extend(_placement_conflicts(rows))
    return problems


def _superuser_rows(rows: Iterable[OrgRow]) -> list[OrgRow]:
    return [row for row in rows if row.is_superuser and row.daycare and row.areas]


def _placement_conflicts(rows: Sequence[OrgRow]) -> list[Problem]:
    """A superuser row with one area places its daycare there. A row for an ambassador of
    several areas who is also a superuser only says the daycare lies in one of them, so it
    must agree with the rows that place the daycare, and with the others of its kind."""
    problems: list[Problem] = []
    placed: dict[str, OrgRow] = {}
    for row in _superuser_rows(rows):
        if len(row.areas) != 1:
            continue
        assert row.daycare is not None
        first = placed.setdefault(key_of(row.daycare), row)
        if key_of(first.areas[0]) != key_of(row.areas[0]):
            problems.append(
                Problem(
                    row.line,
                    "org_csv.daycare_two_areas",
                    {
                        "daycare": row.daycare,
                        "area": row.areas[0],
                        "other_area": first.areas[0],
                        "other": first.line,
                    },
                )
            )
    choices: dict[str, OrgRow] = {}
    for row in _superuser_rows(rows):
        if len(row.areas) < 2 or not row.is_ambassador:
            continue
        assert row.daycare is not None
        own = {key_of(area) for area in row.areas}
        fixed = placed.get(key_of(row.daycare))
        if fixed is not None:
            if key_of(fixed.areas[0]) not in own:
                problems.append(
                    Problem(
                        row.line,
                        "org_csv.daycare_not_in_areas",
                        {
                            "daycare": row.daycare,
                            "area": fixed.areas[0],
                            "other": fixed.line,
                            "areas": ", ".join(row.areas),
                        },
                    )
                )
            continue
        first = choices.setdefault(key_of(row.daycare), row)
        if not own & {key_of(area) for area in first.areas}:
            problems.append(
                Problem(
                    row.line,
                    "org_csv.daycare_no_common_area",
                    {
                        "daycare": row.daycare,
                        "areas": ", ".join(row.areas),
                        "other": first.line,
                        "other_areas": ", ".join(first.areas),
                    },
                )
            )
    return problems


def place_daycares(rows: Sequence[OrgRow], known: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """daycare key -> (daycare name, area name) for the daycares the rows name.

    A one-area superuser row decides. Otherwise (only rows of ambassadors of several areas
    name it) the daycare stays where it is (`known`: daycare key -> area name) when that is
    one of the rows' areas, else it lies in the first of the first row's areas that every
    such row names — which is how export writes it, so export and import agree.
    """
    placed: dict[str, tuple[str, str]] = {}
    open_rows: dict[str, list[OrgRow]] = {}
    for row in _superuser_rows(rows):
        assert row.daycare is not None
        key = key_of(row.daycare)
        if len(row.areas) == 1:
            placed.setdefault(key, (row.daycare, row.areas[0]))
        else:
            open_rows.setdefault(key, []).append(row)
    for key, candidates in open_rows.items():
        if key in placed:
            continue
        common = [
            area
            for area in candidates[0].areas
            if all(key_of(area) in {key_of(a) for a in other.areas} for other in candidates)
        ]
        current = known.get(key)
        stay = next((area for area in common if current and key_of(area) == key_of(current)), None)
        area = stay or (common[0] if common else candidates[0].areas[0])
        placed[key] = (candidates[0].daycare or key, area)
    return placed


# -- writing ---------------------------------------------------------------------------


def write_org_csv(rows: Iterable[OrgRow]) -> bytes:
    """Semicolons and a byte-order mark, so Danish Excel opens it with æ, ø and å intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=EXPORT_DELIMITER, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = {
            "email": row.email or "",
            "name": row.name,
            "role": SEPARATOR.join(row.roles),
            "area": SEPARATOR.join(row.areas),
            "daycare": row.daycare or "",
            IDENTITY_COLUMN: row.external_id or "",
            "language": row.language or "",
        }
        writer.writerow([_guarded(values[column]) for column in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _guarded(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value
