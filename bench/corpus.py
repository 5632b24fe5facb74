"""A reproducible catalogue of Danish-ish tools and guides for the search benchmark.

Words come from the vocabulary daycare guides really use (with inflections and
compounds), so the index has a realistic size and term distribution; a fixed seed makes
every run index the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import aiosqlite

NOW = "2026-01-05T08:00:00Z"


def _words(text: str) -> list[str]:
    return text.split()


_NOUNS = _words(
    "barn børnene robot robotten robotterne app appen ipad ipaden kamera kameraet billede "
    "billeder film filmen lyd musik sang natur naturen skov skoven plante planter dyr dyrene "
    "insekter blade sand vand leg legen spil spillet bog bogen bøger fortælling historie "
    "eventyr figur figurer tegning tegninger skærm skærmen storskærm tavle bane banen pile "
    "bogstaver tal farver former klodser kort brikker mikrofon podcast stemme stemmer rytme "
    "dans bevægelse krop sanser sprog ord rim remser samling garderobe legeplads værksted "
    "forældre pædagog personale vuggestue børnehave tur udeliv årstider vejret lys skygge "
    "magnet strøm ledning frugt banan æble gulerod kode kodning programmering rute mønster "
    "fællesskab venskab følelser identitet kultur æstetik matematik teknologi"
)
_VERBS = _words(
    "lave laver tegne tegner optage optager fortælle fortæller bygge bygger styre styrer "
    "undersøge undersøger opdage opdager filme filmer lytte lytter synge synger tælle tæller "
    "sortere sorterer samarbejde dokumentere dokumenterer vise viser prøve prøver finde "
    "finder dele deler øve øver bevæge"
)
_GLUE = _words("og med på i til for af om sammen hvor når så at det den de en et")
_ADJ = _words("små store digitale fælles egne nye sjove rolige grønne røde lange korte")
_PREFIX = _words(
    "Bee Blue Ozo Makey Scratch Puppet Book Story Green Stop Osmo Lego Kidi Tiny Magic "
    "Natur Tale Lyd Tegne Kode Robo Spire Mini Sol Regn Fjer Bølge Stjerne Måne Skov"
)
_SUFFIX = _words("Bot Makey Jr Pals Creator Studio Screen Motion Lab Kit Cam Board Maker Pad Book")
_CATEGORIES = ("App", "Robotter", "Udstyr", "Elektronik", "Spil", "Administration")
_STATUSES = ("proposed", "in_test", "evaluated", "recommended", "recommended", "retired")
_THEMES = (
    "Alsidig personlig udvikling",
    "Social udvikling",
    "Kommunikation og sprog",
    "Krop, sanser og bevægelse",
    "Natur, udeliv og science",
    "Kultur, æstetik og fællesskab",
)


@dataclass(frozen=True)
class Tool:
    name: str
    aliases: tuple[str, ...]


def _sentence(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    for i in range(words):
        pool = (_NOUNS, _VERBS, _GLUE, _ADJ)[i % 4] if rng.random() < 0.6 else _NOUNS
        parts.append(rng.choice(pool))
    return " ".join(parts).capitalize() + "."


def tools(rng: random.Random, count: int) -> list[Tool]:
    names: list[Tool] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(_PREFIX)}-{rng.choice(_SUFFIX)}"
        if rng.random() < 0.3:
            name += f" {rng.randint(2, 9)}"
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        alias = name.replace("-", "").lower()
        names.append(Tool(name, (alias,) if rng.random() < 0.5 else ()))
    return names


async def fill(conn: aiosqlite.Connection, *, guides: int, seed: int) -> list[Tool]:
    """Write tools, aliases, guides, versions and labels with plain SQL (triggers index)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    catalogue = tools(rng, max(10, guides // 20))
    for tool_id, tool in enumerate(catalogue, start=1):
        await conn.execute(
            "INSERT INTO tools (id, name, category, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (tool_id, tool.name, rng.choice(_CATEGORIES), rng.choice(_STATUSES), NOW, NOW),
        )
        for alias in tool.aliases:
            await conn.execute(
                "INSERT INTO tool_aliases (tool_id, alias) VALUES (?, ?)", (tool_id, alias)
            )
    for guide_id in range(1, guides + 1):
        tool_id = rng.randint(1, len(catalogue))
        await conn.execute(
            "INSERT INTO guides (id, tool_id, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (guide_id, tool_id, f"guide-{guide_id}", NOW, NOW),
        )
        title = f"{catalogue[tool_id - 1].name}: {_sentence(rng, 4)[:-1].lower()}"
        body = " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(4, 12)))
        await conn.execute(
            "INSERT INTO guide_versions (guide_id, version, title, purpose, body, edited_at)"
            " VALUES (?, 1, ?, ?, ?, ?)",
            (guide_id, title, _sentence(rng, rng.randint(8, 16)), body, NOW),
        )
        labels = {("theme", rng.choice(_THEMES)), ("tag", rng.choice(_NOUNS))}
        labels.add(("age_group", rng.choice(("0-2", "3-5"))))
        for kind, value in labels:
            await conn.execute(
                "INSERT INTO guide_version_labels (guide_id, version, kind, value)"
                " VALUES (?, 1, ?, ?)",
                (guide_id, kind, value),
            )
    return catalogue


_TYPOS = ("ipaad", "kodnig", "robbot", "kammera", "musk", "fortaelle", "tegnning", "natr")
_ENGLISH = ("robot", "nature", "music", "drawing", "story", "camera", "letters", "numbers")
_INTENTS = (
    "lave musik med frugt",
    "tegne sammen på skærmen",
    "fortælle historier med figurer",
    "tage billeder på tur",
    "lave film med børnene",
    "grøn skærm",
    "groen skaerm",
    "robotterne på gulvet",
    "naturappen",
    "bogstaver og tal",
)


def queries(catalogue: list[Tool], *, count: int, seed: int) -> list[str]:
    """What superusers type: tool names (some misspelt), words, intentions, English."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible test data, not secrets
    made: list[str] = []
    while len(made) < count:
        kind = len(made) % 6
        if kind == 0:
            made.append(rng.choice(catalogue).name)
        elif kind == 1:
            name = rng.choice(catalogue).name.replace("-", " ").lower()
            cut = rng.randrange(1, len(name))
            made.append(name[:cut] + name[cut:][1:])  # one letter dropped
        elif kind == 2:
            made.append(rng.choice(_INTENTS))
        elif kind == 3:
            made.append(" ".join(rng.sample(_NOUNS, 2)))
        elif kind == 4:
            made.append(rng.choice(_TYPOS))
        else:
            made.append(rng.choice(_ENGLISH))
    return made
