"""Migration 0029_network_people: trainings, area evaluations, adoption and spreading name
people by person id.

`trainings.ambassador_slack_id` becomes `ambassador_id`; `training_signups.slack_user_id`
and `area_evaluations.slack_user_id` become `person_id`; `adoption.changed_by`,
`adoption_changes.changed_by`, `spreading_rounds.started_by` and
`spreading_targets.answered_by` keep their names and hold a person id. Every Slack id there
has an identity since 0025. What was not a person becomes NULL: the erasure's
'former-member' (a former member, as the views show it), and a round started by the command
line or by nobody in particular (the demo, history replayed) — nothing shows who started a
round, and the status change or decision that started it keeps its own actor.

A sign-up and an evaluation answer are the person's own (`NOT NULL … ON DELETE CASCADE`; the
erasure deletes them anyway); a row whose Slack id leads to nobody cannot stay. The others
keep their rows when the person goes (`ON DELETE SET NULL`, like the erasure's anonymising).

`training_signups` (the person is in its key) and `area_evaluations` (in a unique key) are
rebuilt; nothing points at either, and no trigger names them. The other columns are changed
in place: a new column, filled, the old one dropped and the new one renamed to the old name.
"""

from __future__ import annotations

from storage.migrations.migration import Migration
from storage.migrations.person_columns import PersonColumn, person_of


def _in_place(table: str, old: str, new: str) -> tuple[str, ...]:
    """`old` (a Slack id or a marker) becomes the nullable person column `new`."""
    temporary = f"{new}_0029"
    return (
        f"ALTER TABLE {table} ADD COLUMN {temporary} INTEGER"
        " REFERENCES people(id) ON DELETE SET NULL",
        f"UPDATE {table} SET {temporary} = {person_of(old)}",  # noqa: S608 - constants
        f"ALTER TABLE {table} DROP COLUMN {old}",
        f"ALTER TABLE {table} RENAME COLUMN {temporary} TO {new}",
    )


STATEMENTS: tuple[str, ...] = (
    *_in_place("trainings", "ambassador_slack_id", "ambassador_id"),
    "CREATE INDEX trainings_ambassador ON trainings(ambassador_id, starts_at)",
    """CREATE TABLE training_signups_0029 (
        training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        answered_at TEXT NOT NULL,
        attended INTEGER CHECK (attended IN (0, 1)),
        PRIMARY KEY (training_id, person_id)
    ) WITHOUT ROWID""",
    "INSERT INTO training_signups_0029 (training_id, person_id, daycare_id, answer,"
    " answered_at, attended)"
    " SELECT s.training_id, i.person_id, s.daycare_id, s.answer, s.answered_at, s.attended"
    " FROM training_signups s"
    " JOIN identities i ON i.platform = 'slack' AND i.external_id = s.slack_user_id",
    "DROP TABLE training_signups",
    "ALTER TABLE training_signups_0029 RENAME TO training_signups",
    "CREATE INDEX training_signups_person ON training_signups(person_id)",
    """CREATE TABLE area_evaluations_0029 (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL
            CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('ambassador', 'superuser')),
        works TEXT NOT NULL DEFAULT '',
        hard TEXT NOT NULL DEFAULT '',
        drop_or_spread TEXT NOT NULL DEFAULT '',
        support TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (role = 'ambassador' OR drop_or_spread = ''),
        UNIQUE (period, area_id, person_id)
    )""",
    "INSERT INTO area_evaluations_0029 (id, period, area_id, person_id, role, works, hard,"
    " drop_or_spread, support, created_at, updated_at)"
    " SELECT e.id, e.period, e.area_id, i.person_id, e.role, e.works, e.hard,"
    " e.drop_or_spread, e.support, e.created_at, e.updated_at FROM area_evaluations e"
    " JOIN identities i ON i.platform = 'slack' AND i.external_id = e.slack_user_id",
    "DROP TABLE area_evaluations",
    "ALTER TABLE area_evaluations_0029 RENAME TO area_evaluations",
    "CREATE INDEX area_evaluations_area ON area_evaluations(area_id, period)",
    *_in_place("adoption", "changed_by", "changed_by"),
    *_in_place("adoption_changes", "changed_by", "changed_by"),
    *_in_place("spreading_rounds", "started_by", "started_by"),
    *_in_place("spreading_targets", "answered_by", "answered_by"),
)

MIGRATION = Migration(
    "0029_network_people",
    STATEMENTS,
    person_columns=(
        PersonColumn("trainings", "ambassador_slack_id", "ambassador_id"),
        PersonColumn("training_signups", "slack_user_id", "person_id"),
        PersonColumn("area_evaluations", "slack_user_id", "person_id"),
        PersonColumn("adoption", "changed_by", "changed_by"),
        PersonColumn("adoption_changes", "changed_by", "changed_by"),
        # The release left it NULL for a round nobody in particular started; the command
        # line's 'cli' and the erasure's marker are NULL now too: NULL is nobody here.
        PersonColumn("spreading_rounds", "started_by", "started_by", nobody="1"),
        PersonColumn(
            "spreading_targets", "answered_by", "answered_by", nobody="t.answered_at IS NULL"
        ),
    ),
)
