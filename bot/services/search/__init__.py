"""Guide search that understands how superusers type.

Danish with typos, inflections and compounds, English names for Danish things, and what
people want to do rather than a tool's name. The index is SQLite FTS5 kept current by
triggers (`storage/repositories/search.py`); this package normalises queries the same
way the index stores text and expands them (stems, compounds, typos, concepts).
"""

from bot.services.search.faq import FaqEntry, entry_at
from bot.services.search.service import SearchHit, closest_tool_names, named_tool, search_guides

__all__ = ["FaqEntry", "SearchHit", "closest_tool_names", "entry_at", "named_tool", "search_guides"]
