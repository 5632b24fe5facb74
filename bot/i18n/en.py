"""English — complete, for those who prefer it."""

from bot.i18n import (
    en_adoption,
    en_area_evaluations,
    en_gdpr,
    en_guides,
    en_help,
    en_home,
    en_nudges,
    en_org_import,
    en_privacy,
    en_pulse,
    en_pulse_files,
    en_reminders,
    en_search,
    en_sparring,
    en_sparring_handling,
    en_spreading,
    en_test_ui,
    en_tool_guide,
    en_tool_tests,
    en_tools,
    en_trainings,
)

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
    "error.other_workspace": "Tovholder only answers in the municipality's own Slack workspace.",
    "error.apology": (
        "Sorry, something went wrong on my side. Please try again in a moment – "
        "and tell your coordinator if it keeps happening."
    ),
    "error.unreadable_request": (
        "I couldn't read what Slack sent me, so nothing happened. Please try again – "
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
        ":reply m<number> text    reply in the thread of the message with that number (e.g. :reply m2 Thanks)\n"
        ":cancel                  close the open form\n"
        ":help   this help         :quit   leave"
    ),
    "console.unknown_person": "I know nobody called “{who}”. Try :people.",
    "console.ambiguous_person": "“{who}” matches several people: {names}. Type more of the name.",
    "console.unknown_channel": "There is no channel “{channel}”. Channels: {channels}.",
    "console.unknown_meta": "Unknown console command “{command}”. Type :help.",
    "console.no_button": "There is no button number {number}.",
    "console.clock_bad": "Write e.g. :clock +3d, :clock +4h, :clock 24.12 or :clock 24.12.2026 09:30.",
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
    "console.failed": "Something went wrong here in the console, but you can go on: {error}",
    "console.in_thread": "in the thread of m{number}",
    "console.in_a_thread": "in a thread",
    "console.replied": "(your reply in the thread of m{number})",
    "console.modal_confirm": "Press Enter for “{submit}”, or type :cancel to close.",
    "console.no_modal": "There is no open form.",
    "console.reply_usage": "Type :reply, the message's number (shown beside it, e.g. [m1]) and your reply: :reply m1 Thanks.",
    "console.refused": "Slack would have refused this answer: {error}",
    "console.guest": "Guest",
    "console.bye": "Goodbye.",
    "console.people_line": "{name} <{email}> – {roles}",
    # Alternatives: "A, B or C" (bot.i18n.either)
    "list.or": "or",
    "role.ambassador": "ambassador",
    "role.superuser": "superuser",
    "role.coordinator": "coordinator",
    "role.leader": "leadership",
    "settings.unknown_key": "Unknown setting “{key}”. Possible: {keys}.",
    "settings.bad_number": "“{value}” is not a valid number for {key}. Write a whole number, e.g. 8.",
    "settings.bad_channel": "“{value}” is not a channel id for {key}. Use the channel's id, e.g. C0123ABCD (right-click the channel → Copy link).",
    "welcome.header": "Welcome as a superuser",
    "welcome.intro": "Hi {name}! You are now a superuser in *{daycare}* (area {area}). You help bring the digital tools to life where you work.",
    "welcome.ambassador": "*Your ambassador in area {area}:* {names}, whom you can always ask.",
    "welcome.ambassadors": "*Your ambassadors in area {area}:* {names}, whom you can always ask.",
    "welcome.no_ambassador": "Area {area} has no ambassador right now. Until then, ask {coordinators}.",
    "welcome.first_question": "Ask your first question",
    "welcome.browse_guides": "See the guides",
    "welcome.commands": "*What you can use me for:*",
    "welcome.ambassador_note": "New superuser in area {area}: {superuser} in *{daycare}*. Please get in touch and plan a training.",
    "welcome.ambassador_header": "Welcome as an ambassador",
    "welcome.ambassador_intro": "Hi {name}! You are now an ambassador for area {areas}. You try out tools, write guides, answer your colleagues' sparring questions and hold trainings for the superusers.",
    "welcome.open_questions": "*Questions from your area nobody has taken yet ({count}):*",
    "welcome.no_open_questions": "There are no unanswered questions from your area right now.",
    "command.tovholder_settings": "Pause your reminders (holiday, leave).",
    "settings.title": "Settings",
    "settings.save": "Save",
    "settings.close": "Close",
    "settings.channels_intro": "*Channels* – where I work. Changes take effect at once.",
    "settings.sparring_channel": "Sparring channel",
    "settings.test_channel": "Tool-test channel",
    "settings.leadership_channel": "Leadership channel",
    "settings.roles_intro": "*Roles* – give a person a role, or take it away.",
    "settings.role_person": "Person",
    "settings.role_change": "What should happen?",
    "settings.role_add": "Give the role",
    "settings.role_remove": "Remove the role",
    "settings.role": "Role",
    "settings.role_area": "Area",
    "settings.role_area_hint": "Only for ambassadors.",
    "settings.role_daycare": "Daycare",
    "settings.role_daycare_hint": "Only for superusers.",
    "settings.saved": "The settings are saved.",
    "settings.nothing_changed": "There were no changes to save.",
    "settings.changed_channel": "{key}: {channel}",
    "settings.cleared_channel": "{key}: no channel",
    "settings.role_added": "{person} is now {role}.",
    "settings.role_removed": "{person} is no longer {role}.",
    "settings.error_channel": "Choose a channel from the list.",
    "settings.error_person_needed": "Choose the person the role is for.",
    "settings.error_role_needed": "Choose a role.",
    "settings.error_area_needed": "An ambassador needs an area.",
    "settings.error_daycare_needed": "A superuser needs a daycare.",
    "settings.error_not_registered": "This person is not in the network, so there is no role to remove.",
    "settings.error_unknown_user": "I can't find this person in Slack.",
    "settings.error_slack_unavailable": "Slack is not answering right now, so I can't look the person up. Please try again in a moment.",
    "settings.error_role_missing": "This person does not have that role (in that area or daycare).",
    "settings.error_person_conflict": "Another person in the network already has that e-mail address.",
    "permission.refused": "Only {roles} can {action}. Ask {coordinators}.",
    "permission.manage_organisation": "change the organisation",
    "permission.manage_settings": "change the settings",
    "permission.see_coverage": "see the network's coverage",
    "permission.write_guides": "write guides",
    "permission.run_tool_tests": "start tool tests",
    "permission.plan_trainings": "plan trainings",
    "permission.answer_sparring": "answer sparring questions",
    "permission.read_guides": "read guides",
    "permission.ask_questions": "ask questions",
    "cli.migrated": "Database updated: {names}.",
    "cli.up_to_date": "The database is already up to date.",
    "cli.backup_done": "Backup saved to {path}.",
    "cli.seeded": "Demo municipality added: {areas} areas, {daycares} daycares, {people} people.",
    "cli.not_empty": "The database already has people, so no demo data was added.",
}
MESSAGES.update(en_org_import.MESSAGES)
MESSAGES.update(en_guides.MESSAGES)
MESSAGES.update(en_search.MESSAGES)
MESSAGES.update(en_tool_guide.MESSAGES)
MESSAGES.update(en_sparring.MESSAGES)
MESSAGES.update(en_sparring_handling.MESSAGES)
MESSAGES.update(en_tools.MESSAGES)
MESSAGES.update(en_test_ui.MESSAGES)
MESSAGES.update(en_tool_tests.MESSAGES)
MESSAGES.update(en_nudges.MESSAGES)
MESSAGES.update(en_reminders.MESSAGES)
MESSAGES.update(en_area_evaluations.MESSAGES)
MESSAGES.update(en_adoption.MESSAGES)
MESSAGES.update(en_trainings.MESSAGES)
MESSAGES.update(en_spreading.MESSAGES)
MESSAGES.update(en_pulse.MESSAGES)
MESSAGES.update(en_pulse_files.MESSAGES)
MESSAGES.update(en_home.MESSAGES)
MESSAGES.update(en_gdpr.MESSAGES)
MESSAGES.update(en_privacy.MESSAGES)
MESSAGES.update(en_help.MESSAGES)
