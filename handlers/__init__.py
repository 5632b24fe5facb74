"""What a person does with the bot, one handler per command, click, form and message.

The handlers are grouped by surface (`commands/`, `actions/`, `views/`, `shortcuts/`,
`events/`) and take typed values (`handlers.interactions`); each platform's front end has its
own package beside them (`handlers/slack/`: listeners, edge, renderer, Messenger), which is
the only code that knows that platform.
"""
