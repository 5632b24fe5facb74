"""The text views write: a small Markdown subset every front end can render.

`**bold**`, `_italic_`, `~~strike~~`, `[label](https://…)` links, `` `code` ``, line breaks,
`-` bullets, and a mention of a person made by `mention`. Each front end's renderer turns
this into what its platform shows (Slack mrkdwn, a Teams card, console text) and is the
only place that escapes for that platform.

Text a person wrote or that came from a file goes in through `literal`, which escapes every
character the Markdown could read as formatting, `<` included: so nobody's text can become a
link, a heading or a mention token, and the renderer shows it character for character.
"""

from __future__ import annotations

import re

from bot.domain.guide_markdown import literal

__all__ = ["MENTION", "literal", "mention"]

#: A mention token in neutral text: `<@42>`. `literal` escapes `<`, so text a person wrote
#: can never contain one; the renderer replaces each with the platform's own mention.
MENTION = re.compile(r"<@(?P<person>[A-Za-z0-9]+)>")


def mention(person_id: int | str) -> str:
    """The token that renders as a mention of the person on every platform.

    `str` is accepted while people are still keyed by their Slack id (`U…`): the token is then
    exactly Slack's own mention. Once every caller passes the bot's int person id, narrow the
    parameter to `int`.
    """
    return f"<@{person_id}>"
