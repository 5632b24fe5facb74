"""Migration 0004_tools_and_guides."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0004_tools_and_guides",
    (
        # The shared catalogue: pedagogical and administrative tools alike.
        """CREATE TABLE tools (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                category TEXT,
                status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN (
                    'proposed', 'in_test', 'evaluated', 'recommended', 'not_recommended',
                    'retired')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        """CREATE TABLE tool_aliases (
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                alias TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (tool_id, alias)
            ) WITHOUT ROWID""",
        # Every lifecycle change, with who (a Slack user id, or 'cli') and when.
        """CREATE TABLE tool_status_changes (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                from_status TEXT,
                to_status TEXT NOT NULL,
                changed_by TEXT,
                changed_at TEXT NOT NULL
            )""",
        "CREATE INDEX tool_status_changes_tool ON tool_status_changes(tool_id, changed_at)",
        """CREATE TABLE tool_decisions (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                decision TEXT NOT NULL CHECK (decision IN ('approved', 'stopped', 'to_be_spread')),
                decided_on TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                recorded_by TEXT,
                recorded_at TEXT NOT NULL
            )""",
        "CREATE INDEX tool_decisions_tool ON tool_decisions(tool_id, decided_on)",
        # A guide's content lives in its versions; `current_version` points at the newest.
        """CREATE TABLE guides (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                slug TEXT NOT NULL UNIQUE,
                current_version INTEGER NOT NULL DEFAULT 1,
                owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
                verified_at TEXT,
                verify_days INTEGER NOT NULL DEFAULT 180 CHECK (verify_days > 0),
                helpful_count INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        "CREATE INDEX guides_tool ON guides(tool_id)",
        """CREATE TABLE guide_versions (
                guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                title TEXT NOT NULL,
                purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
                body TEXT NOT NULL DEFAULT '',
                edited_by TEXT,
                edited_at TEXT NOT NULL,
                PRIMARY KEY (guide_id, version)
            ) WITHOUT ROWID""",
        # Age groups, curriculum themes and tags of one version, one row each.
        """CREATE TABLE guide_version_labels (
                guide_id INTEGER NOT NULL,
                version INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('age_group', 'theme', 'tag')),
                value TEXT NOT NULL,
                PRIMARY KEY (guide_id, version, kind, value),
                FOREIGN KEY (guide_id, version)
                    REFERENCES guide_versions(guide_id, version) ON DELETE CASCADE
            ) WITHOUT ROWID""",
    ),
)
