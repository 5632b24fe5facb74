"""English: `/tovholder network` – areas, daycares, superusers and coverage (`network.*`)."""

MESSAGES: dict[str, str] = {
    # /tovholder network
    "network.area_header": "Area {area}",
    "network.ambassadors": "**Ambassadors:** {names}",
    "network.none_yet": "none yet",
    "network.daycares": "**Daycares and superusers:**",
    "network.daycare_line": "• {daycare} – {superusers}",
    "network.no_superuser": "_no superuser_",
    "network.focus": "**{daycare}** belongs to area {area}.",
    "network.overview_header": "The network",
    "network.area_line": "• **{area}** – ambassadors: {ambassadors} · daycares: {daycares}",
    "network.coverage_header": "**Coverage** (ambassadors and daycares per area)",
    "network.coverage_line": "• {area} – ambassadors: {ambassadors}, daycares: {daycares}",
    "network.gap_no_ambassador": "Area {area} has no ambassador.",
    "network.gap_no_superuser": "{daycare} ({area}) has no superuser.",
    "network.no_gaps": "No gaps: every area has an ambassador and every daycare a superuser.",
    "network.unknown": "I can't find “{query}”. Known areas: {areas}. You can also write the name of a daycare.",
    "network.not_registered": "You are not registered in the network yet. Write to {coordinators} to be added.",
    "network.no_coordinator": "your coordinator",
    "network.empty": "The network is empty so far. The coordinator loads the organisation with `tovholder org import`.",
    "network.fallback": "The network: {areas}",
}
