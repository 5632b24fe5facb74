"""English: texts for `tovholder org import/export` and `tovholder export`."""

MESSAGES: dict[str, str] = {}
