"""The one escaping function for user text placed into Slack `mrkdwn`.

Slack reads `<!channel>`, `<@U123>`, `<#C123>` and `<https://x|label>` as control sequences;
escaping `&`, `<` and `>` makes any of them show literally, so nobody can make the bot ping a
channel, mention someone or forge a link by writing it into a guide, a question or a result.
"""

from __future__ import annotations


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
