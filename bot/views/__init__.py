"""Block Kit for every message and view. Handlers never write Block Kit themselves."""
