"""What a person typed, from the text Slack sends: Slack's three entities decoded, once.

Slack sends `&`, `<` and `>` typed by a person as `&amp;`, `&lt;` and `&gt;` in a message's
`text` (events, the message of a shortcut, `conversations.replies`) and in a slash command's
`text`, so that a literal `<` cannot be read as its markup (`<@U…>`, `<!channel>`, links).
The bot stores and reads plain text and escapes it once on the way out (the Slack renderer,
`handlers.slack.markdown`); left encoded, "Leg & Læring" would be escaped again and show
as `Leg &amp; Læring`.

So every handler that takes a person's text from such a field passes it through
`slack_text` exactly once, where it reads the field. Modal inputs (`plain_text_input`
values) are sent as typed, not encoded, and are read as they are (`handlers/values.py`).
Only these three entities are decoded, `&amp;` last, so that `&amp;lt;` (a typed `&lt;`)
becomes `&lt;` and not `<`; Slack's markup itself (`<@U…>`) is left as it is.
"""

from __future__ import annotations


def slack_text(raw: object) -> str:
    """The text as typed: `Leg &amp; L&lt;3` → `Leg & L<3`; anything not a string → ""."""
    if not isinstance(raw, str):
        return ""
    return raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
