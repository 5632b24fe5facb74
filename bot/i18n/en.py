"""English — complete, for those who prefer it."""

from bot.i18n import en_org_import

MESSAGES: dict[str, str] = {
    "help.header": "Tovholder – help",
    "help.intro": (
        "I am the network's coordinator bot: I help ambassadors, superusers, "
        "the coordinator and leadership keep the wheels turning."
    ),
    "help.commands": "*What you can ask me:*",
    "help.unknown": "I don't know that one: “{text}”. Here is what I can do:",
    "help.dm": "You can also write *help* to me in a direct message.",
    "help.fallback": "Tovholder – help: {commands}",
    "command.tovholder_help": "Show this help.",
    # /tovholder network
    "network.area_header": "Area {area}",
    "network.ambassadors": "*Ambassadors:* {names}",
    "network.none_yet": "none yet",
    "network.daycares": "*Daycares and superusers:*",
    "network.daycare_line": "• {daycare} – {superusers}",
    "network.no_superuser": "_no superuser_",
    "network.focus": "*{daycare}* belongs to area {area}.",
    "network.overview_header": "The network",
    "network.area_line": "• *{area}* – ambassadors: {ambassadors} · daycares: {daycares}",
    "network.coverage_header": "*Coverage* (ambassadors and daycares per area)",
    "network.coverage_line": "• {area} – ambassadors: {ambassadors}, daycares: {daycares}",
    "network.gap_no_ambassador": "Area {area} has no ambassador.",
    "network.gap_no_superuser": "{daycare} ({area}) has no superuser.",
    "network.no_gaps": "No gaps: every area has an ambassador and every daycare a superuser.",
    "network.unknown": "I can't find “{query}”. Known areas: {areas}. You can also write the name of a daycare.",
    "network.not_registered": "You are not registered in the network yet. Write to {coordinators} to be added.",
    "network.no_coordinator": "your coordinator",
    "network.empty": "The network is empty so far. The coordinator loads the organisation with `tovholder org import`.",
    "network.fallback": "The network: {areas}",
    "command.tovholder_network": "See your area: ambassadors, daycares and superusers. Add an area or a daycare to see another.",
    "dm.not_understood": "I didn't quite get that. Write *help* and I'll show what I can do.",
    "error.apology": (
        "Sorry, something went wrong on my side. Please try again in a moment – "
        "and tell your coordinator if it keeps happening."
    ),
    "console.title": "Tovholder – local console (no Slack). Type :help for help, :quit to leave.",
    "console.seeded": (
        "The database was empty, so I added a demo municipality: "
        "{areas} areas, {daycares} daycares and {people} people."
    ),
    "console.whoami": "You are {name} in {channel}.",
    "console.help": (
        "Lines starting with / are commands (e.g. /tovholder help).\n"
        "Other lines are messages in the channel you are in.\n"
        ":as <name or email>      switch to another person\n"
        ":in #channel             go to a channel (:in @name for a direct message to me)\n"
        ":people                  list the people of the demo municipality\n"
        ":clock +3d | +4h | 2026-12-24   move time forward so scheduled reminders are sent\n"
        ":home                    show your App Home\n"
        "<number>                 click the button with that number\n"
        ":help   this help         :quit   leave"
    ),
    "console.unknown_person": "I know nobody called “{who}”. Try :people.",
    "console.ambiguous_person": "“{who}” matches several people: {names}. Type more of the name.",
    "console.unknown_channel": "There is no channel “{channel}”. Channels: {channels}.",
    "console.unknown_meta": "Unknown console command “{command}”. Type :help.",
    "console.no_button": "There is no button number {number}.",
    "console.clock_bad": "Write e.g. :clock +3d, :clock +4h or :clock 2026-12-24.",
    "console.clock_past": "Time can only move forward.",
    "console.clock_moved": "The time is now {now}.",
    "console.ephemeral": "only visible to you",
    "console.dm_to": "direct message to {name}",
    "console.in_channel": "in #{channel}",
    "console.updated": "updated",
    "console.deleted": "(message deleted)",
    "console.modal_open": "Form: {title}  (:cancel to close)",
    "console.modal_choose": "Choose a number",
    "console.modal_optional": "optional",
    "console.modal_errors": "The form was not sent:",
    "console.modal_cancelled": "The form is closed.",
    "console.home_empty": "Your App Home is empty.",
    "console.refused": "Slack would have refused this answer: {error}",
    "console.guest": "Guest",
    "console.bye": "Goodbye.",
    "console.people_line": "{name} <{email}> – {roles}",
    "role.ambassador": "ambassador",
    "role.superuser": "superuser",
    "role.coordinator": "coordinator",
    "role.leader": "leadership",
    "cli.migrated": "Database updated: {names}.",
    "cli.up_to_date": "The database is already up to date.",
    "cli.backup_done": "Backup saved to {path}.",
    "cli.seeded": "Demo municipality added: {areas} areas, {daycares} daycares, {people} people.",
    "cli.not_empty": "The database already has people, so no demo data was added.",
    "cli.starting": "Tovholder is starting in {mode} mode.",
}
MESSAGES.update(en_org_import.MESSAGES)
