"""Scheduled work that talks to Slack: each job asks a service what is due, renders it with
a view, and sends it with the bot's client."""
