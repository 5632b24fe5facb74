"""English: the console – Tovholder in the terminal without Slack (`console.*`)."""

MESSAGES: dict[str, str] = {
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
}
