"""English — complete, for those who prefer it."""

from bot.i18n.parts import merged, parts

#: One file per key prefix, each named after the prefix it holds (`en_<prefix>.py`).
PARTS = parts("en")
MESSAGES: dict[str, str] = merged(PARTS)
