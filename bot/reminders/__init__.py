"""Every kind of durable reminder as one object: payload, key, planning, "still due?" and
message (`bot.reminders.kind`), one module per kind. `bot.reminders.registry` lists them.

**Imports.** The services that plan a kind import its module (for its payload, key and
`plan_for`), and a kind reads its subject through those same services and builds its
message through the views when it is due. So a kind module imports at load time only what
planning needs (the domain, `bot.services.reminders`, `bot.services.working_time`,
storage), and the services and views it needs when due inside `still_due` and `message`
(type-only names under `TYPE_CHECKING`): loading a planner never loads the views or the
other services through its kinds. Nothing is imported here, so a planner loads only its
own kinds.
"""
