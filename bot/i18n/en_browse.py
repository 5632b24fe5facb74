"""English: the overview of guides in `/tool-guide` without search words (`browse.*`)."""

MESSAGES: dict[str, str] = {
    # Browsing (/tool-guide with no words)
    "browse.header": "Guides to digital tools",
    "browse.intro": "Type `/tool-guide` and what you are looking for – e.g. _robot for the youngest_ or _make music with fruit_. Or choose below. Recommended tools come first.",
    "browse.by_category": "Category",
    "browse.by_theme": "Curriculum theme",
    "browse.by_age_group": "Age group",
    "browse.show_all": "Show all",
    "browse.narrowed": "Showing **{label}**: {count} guides.",
    "browse.empty": "There are no guides here yet. Ambassadors write them with `/tool-guide new <tool>`.",
    "browse.more": "… and {count} more. Choose a category, theme or age group to see them.",
    "browse.fallback": "Guides: {count}",
}
