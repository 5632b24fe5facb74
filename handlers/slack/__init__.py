"""The Slack front end: what only Slack knows.

Its renderer (`render`, `render_form`) turns the neutral messages, forms and home pages of
`bot.views.model` into Block Kit, and its Markdown converter (`markdown`) turns neutral
Markdown into Slack's mrkdwn: the only places that know Block Kit's limits and Slack's
escaping. Its Messenger and Directory implement the core's ports with slack-sdk.
"""
