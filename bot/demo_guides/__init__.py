"""The demo's guides, written in Danish as ambassadors would write them.

Package data: `bot.services.demo` reads the `*.md` files here with `importlib.resources`,
so they are found from a clone, an editable install and an installed package alike.
"""
