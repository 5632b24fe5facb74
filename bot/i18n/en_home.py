"""English: App Home — what is each person's to do, per role (`home.*`)."""

MESSAGES: dict[str, str] = {
    "home.header.person": "Hi {name}",
    "home.header.outsider": "Welcome to Tovholder",
    "home.intro": "Here is what is yours to do in the network right now. The page is refreshed every time you open it.",
    "home.outsider": (
        "You are not part of the network of superusers and ambassadors yet. "
        "Ask {coordinators} to set you up. Meanwhile you can always find guides "
        "with `/tool-guide` and ask the network a question."
    ),
    "home.more": "_… and {count} more_",
    "home.truncated": "_There is more than this page can show. See the whole overview with `/tovholder pulse`._",
    "home.button.ask": "Ask a question",
    "home.button.guide": "Open the guide",
    # Superuser
    "home.superuser.header": "Superuser in {daycare}",
    "home.superuser.tools": "**Recommended tools you do not use yet**",
    "home.superuser.tool": "**{tool}** – at your daycare: {state}",
    "home.superuser.tool_no_guide": "**{tool}** – at your daycare: {state} (no guide yet)",
    "home.superuser.all_in_use": "_You use every recommended tool. Well done!_",
    "home.superuser.trainings": "**Trainings you can join**",
    "home.superuser.no_trainings": "_No trainings are planned in {area} right now._",
    "home.training.seats": "{left} seats left",
    "home.training.full": "fully booked",
    "home.training.said_yes": "you said yes",
    "home.training.said_no": "you said no",
    "home.superuser.questions": "**Your questions not solved yet**",
    "home.superuser.no_questions": "_You have no open questions._",
    "home.question.open": "waiting for an answer",
    "home.question.answered": "answered – say so in the thread when it is solved",
    "home.question.line": "• {text} – _{state}_ ({day})",
    "home.superuser.ambassadors": "**Your ambassador:** {names}",
    "home.superuser.ambassadors_several": "**Your ambassadors:** {names}",
    "home.superuser.no_ambassador": "**{area} has no ambassador right now** – ask {coordinators}.",
    "home.superuser.ask_hint": "Unsure about a tool? Ask the network – an ambassador will answer you.",
    # Ambassador
    "home.ambassador.header": "Ambassador for {areas}",
    "home.ambassador.tests": "**Your tool tests**",
    "home.ambassador.test_next": "• **{tool}** – next checkpoint {day}",
    "home.ambassador.test_done": "• **{tool}** – no checkpoints left; close the test when you are done",
    "home.ambassador.test_overdue": " · _a checkpoint is missing its result_",
    "home.ambassador.no_tests": "_You have no tool tests running._",
    "home.ambassador.questions": "**Questions waiting for you**",
    "home.ambassador.question": "• {text} – {asker}, {place}, {day}",
    "home.ambassador.claimed": " _(you took it)_",
    "home.ambassador.no_questions": "_No questions are waiting for an answer._",
    "home.ambassador.guides": "**Your guides due for a check**",
    "home.ambassador.guide": "• **{title}** ({tool}) – last checked {day}",
    "home.ambassador.no_guides": "_All your guides have been checked._",
    "home.ambassador.to_train": "**Superusers who have not attended a training yet**",
    "home.ambassador.superuser": "• {who} – {daycare}",
    "home.ambassador.no_to_train": "_Every superuser in your areas has attended a training._",
    # Coordinator and leadership
    "home.leadership.header": "This week's pulse – {week}",
    "home.leadership.area": (
        "**{area}** – test results: {results} · guides: {guides} · "
        "questions: {asked} ({open} waiting) · trainings: {held} · in test: {tests}"
    ),
    "home.leadership.no_areas": "_There are no areas yet._",
    "home.leadership.more": "The whole weekly overview: `/tovholder pulse`",
    "home.gaps": "**Gaps in the network**",
    "home.gap.ambassadors": "• Areas without an ambassador: {names}",
    "home.gap.superusers": "• Daycares without a superuser ({count}): {names}",
    "home.gap.guides": "• Guides overdue for a check: {count}",
    "home.gap.none": "_No gaps: every area has an ambassador and every daycare a superuser._",
    "home.decisions": "**Decisions waiting for you**",
    "home.decisions.none": "_No tools are waiting for a decision._",
    "home.decision.verdict": "**{tool}** has been evaluated and is waiting for your decision.",
    "home.decision.spreading": "**{tool}** is recommended, but spreading it has not been decided.",
    "home.decision.latest": "Latest decision: {decision} ({day})",
    "home.decision.button.approved": "Approve",
    "home.decision.button.stopped": "Stop",
    "home.decision.button.to_be_spread": "Spread",
    "home.confirm.title.approved": "Approve {tool}?",
    "home.confirm.title.stopped": "Stop {tool}?",
    "home.confirm.title.to_be_spread": "Spread {tool}?",
    "home.confirm.text.approved": (
        "The decision is kept on {tool} with today's date and your name, and goes into the next weekly overview."
    ),
    "home.confirm.text.stopped": (
        "The decision is kept on {tool} with today's date and your name, and a spreading round "
        "under way stops."
    ),
    "home.confirm.text.to_be_spread": (
        "The decision is kept on {tool} with today's date and your name, and the daycares not "
        "using it yet are told."
    ),
    "home.confirm.yes": "Yes, keep the decision",
    "home.confirm.no": "Cancel",
    "home.decisions.footer": "Decisions are kept on the tool and go into the next weekly overview.",
    # Answers after a click
    "home.decided": "Kept: **{tool}** – {decision} ({day}). It now shows on the tool and goes into the next weekly overview.",
    "home.decided.spreading": "Spreading has begun: the daycares not using **{tool}** will be told.",
    "home.decided.repeat": "You had already kept **{tool}** – {decision} today, so no further decision was stored.",
    "home.tool_gone": "The tool no longer exists.",
}
