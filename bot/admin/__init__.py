"""The administrator's command line, one module per verb group.

Each module has `register(verbs)`, which adds its sub-parser and sets `handler` to an
`async def handler(args, ctx) -> int`. Verb names are a contract: keep them.
"""
