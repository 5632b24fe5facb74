"""Dansk — standardsproget. Kort, venligt og i et sprog, en pædagog bruger til dagligt."""

from bot.i18n.parts import merged, parts

#: One file per key prefix, each named after the prefix it holds (`da_<prefix>.py`).
PARTS = parts("da")
MESSAGES: dict[str, str] = merged(PARTS)
