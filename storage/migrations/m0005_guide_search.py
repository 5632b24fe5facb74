"""Migration 0005_guide_search: the full-text guide index, kept current by triggers.

Design — why pure SQL triggers. The shared connection is opened in `storage/db.py`, so
no Python function can be registered for triggers to call. Instead the index stores text
that SQLite alone can normalise, and the query side (`bot.services.search.normalise`)
applies the *same* normalisation to what people type:

* triggers replace æ/ø/å (either case) with ae/oe/aa, so "grøn" and "groen" index alike;
* the FTS5 tokenizer `unicode61 remove_diacritics 2` lower-cases, strips other
  diacritics (é → e, ö → o) and splits on anything that is not a letter or digit;
* tool names are indexed a second time with `-`, space and `.` removed, so "beebot"
  finds "Bee-Bot" without any Python.

Stemming, compounds, synonyms and typos are handled at query time, against the index's
own vocabulary (the `guide_search_vocab` fts5vocab table): a stem becomes a prefix query
("robotterne" → `"robot"*`), which matches every inflected form the index holds.

One index row per guide (rowid = guide id), built from the guide's *current* version.
Every trigger refreshes the affected guides by deleting and re-inserting their rows, and
bumps `guide_search_state.generation`, so the query side knows when its cached vocabulary
is stale. This migration is released: never change it, add a new one.
"""

from __future__ import annotations

from storage.migrations.migration import Migration


def _fold(expr: str) -> str:
    """SQL that writes æ/ø/å (and Æ/Ø/Å) as ae/oe/aa; `lower()` only knows ASCII."""
    for letter, plain in (
        ("æ", "ae"),
        ("Æ", "ae"),
        ("ø", "oe"),
        ("Ø", "oe"),
        ("å", "aa"),
        ("Å", "aa"),
    ):
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _compact(expr: str) -> str:
    return f"replace(replace(replace({expr}, '-', ''), ' ', ''), '.', '')"


# Only our own constant SQL fragments are concatenated here; no value ever is.
_NAMES = (
    "t.name || ' ' || " + _compact("t.name") + " || ' ' || coalesce(("  # noqa: S608
    "SELECT group_concat(a.alias || ' ' || " + _compact("a.alias") + ", ' ')"
    " FROM tool_aliases a WHERE a.tool_id = t.id), '')"
)
_TAGS = (
    "coalesce((SELECT group_concat(l.value, ' ') FROM guide_version_labels l"
    " WHERE l.guide_id = g.id AND l.version = g.current_version), '')"
)


def _refresh(where: str) -> str:
    """Statements (for a trigger body) that rebuild the index rows of guides `g` matching
    `where`; a guide whose version is not written yet is indexed by its tool alone."""
    columns = ", ".join(
        _fold(expr)
        for expr in (
            _NAMES,
            "coalesce(v.title, '')",
            "coalesce(v.purpose, '')",
            _TAGS,
            "coalesce(t.category, '')",
            "coalesce(v.body, '')",
        )
    )
    # `where` is always one of our constant conditions, never a value.
    return (
        "DELETE FROM guide_search WHERE rowid IN"  # noqa: S608
        f" (SELECT g.id FROM guides g WHERE {where});\n"
        "INSERT INTO guide_search"
        " (rowid, names, title, purpose, tags, category, body)"
        f" SELECT g.id, {columns}"
        " FROM guides g JOIN tools t ON t.id = g.tool_id"
        " LEFT JOIN guide_versions v ON v.guide_id = g.id AND v.version = g.current_version"
        f" WHERE {where};\n"
    )


_BUMP = "UPDATE guide_search_state SET generation = generation + 1;\n"


def _trigger(name: str, event: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} BEGIN\n{body}{_BUMP}END"


STATEMENTS: tuple[str, ...] = (
    """CREATE VIRTUAL TABLE guide_search USING fts5(
        names, title, purpose, tags, category, body,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '3 4 5 6'
    )""",
    "CREATE VIRTUAL TABLE guide_search_vocab USING fts5vocab(guide_search, 'row')",
    # One row; every trigger bumps it so cached vocabularies know they are stale.
    """CREATE TABLE guide_search_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL
    )""",
    "INSERT INTO guide_search_state (id, generation) VALUES (1, 1)",
    _trigger("guide_search_guide_ins", "INSERT ON guides", _refresh("g.id = NEW.id")),
    _trigger(
        "guide_search_guide_upd",
        "UPDATE OF current_version, tool_id ON guides",
        _refresh("g.id = NEW.id"),
    ),
    _trigger(
        "guide_search_guide_del",
        "DELETE ON guides",
        "DELETE FROM guide_search WHERE rowid = OLD.id;\n",
    ),
    _trigger(
        "guide_search_version_ins", "INSERT ON guide_versions", _refresh("g.id = NEW.guide_id")
    ),
    _trigger(
        "guide_search_version_upd",
        "UPDATE ON guide_versions",
        _refresh("g.id IN (OLD.guide_id, NEW.guide_id)"),
    ),
    _trigger(
        "guide_search_version_del", "DELETE ON guide_versions", _refresh("g.id = OLD.guide_id")
    ),
    _trigger(
        "guide_search_label_ins",
        "INSERT ON guide_version_labels",
        _refresh("g.id = NEW.guide_id"),
    ),
    _trigger(
        "guide_search_label_upd",
        "UPDATE ON guide_version_labels",
        _refresh("g.id IN (OLD.guide_id, NEW.guide_id)"),
    ),
    _trigger(
        "guide_search_label_del",
        "DELETE ON guide_version_labels",
        _refresh("g.id = OLD.guide_id"),
    ),
    # A new or removed tool has no guides of its own yet, but "did you mean" must see it.
    _trigger("guide_search_tool_ins", "INSERT ON tools", ""),
    _trigger(
        "guide_search_tool_upd",
        "UPDATE OF name, category ON tools",
        _refresh("g.tool_id = NEW.id"),
    ),
    _trigger("guide_search_tool_del", "DELETE ON tools", ""),
    _trigger(
        "guide_search_alias_ins", "INSERT ON tool_aliases", _refresh("g.tool_id = NEW.tool_id")
    ),
    _trigger(
        "guide_search_alias_upd",
        "UPDATE ON tool_aliases",
        _refresh("g.tool_id IN (OLD.tool_id, NEW.tool_id)"),
    ),
    _trigger(
        "guide_search_alias_del", "DELETE ON tool_aliases", _refresh("g.tool_id = OLD.tool_id")
    ),
    # Guides written before this migration.
    _refresh("1").split(";\n", 1)[1].rstrip().rstrip(";"),
)

MIGRATION = Migration("0005_guide_search", STATEMENTS)
