"""A language's catalogue is every `<lang>_<prefix>.py` file of this package, found by name,
so adding a file of keys needs no list to keep in step."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def parts(lang: str) -> tuple[ModuleType, ...]:
    """The language's catalogue files, in name order."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(importlib.import_module("bot.i18n").__path__)
        if info.name.startswith(f"{lang}_")
    )
    return tuple(importlib.import_module(f"bot.i18n.{name}") for name in names)


def merged(files: tuple[ModuleType, ...]) -> dict[str, str]:
    messages: dict[str, str] = {}
    for part in files:
        messages.update(part.MESSAGES)
    return messages
