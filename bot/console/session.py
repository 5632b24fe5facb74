"""The local console: a chat in the terminal with the real bot over the local Slack stand-in.

Lines starting with `/` are slash commands, other lines are messages in the current channel,
`:`-lines steer the console. Every request goes through the driver as a signed HTTP request
to the real app, and what the bot sends back is read from the stand-in's call log — the
same path as production, not a shortcut.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import re
import sys
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from bot.clock import ManualClock
from bot.console import form
from bot.console.render import Clickable, render_blocks
from bot.domain.dates import parse_moment
from bot.domain.org import Person
from bot.i18n import t
from bot.local import GENERAL, LocalSlack
from bot.services.demo import seed_demo
from bot.settings import Settings
from bot.standin.records import RecordedCall
from bot.standin.viewstate import DriverError
from storage.repositories import identities, org

logger = logging.getLogger(__name__)

BOT_NAME = "Tovholder"
SHOWN_METHODS = {
    "ack",
    "response_url",
    "chat.postMessage",
    "chat.postEphemeral",
    "chat.update",
    "chat.delete",
}
CLOCK_STEP = re.compile(r"^\+(\d+)([dhm])$")
REFUSALS = {"invalid_blocks", "invalid_arguments", "msg_too_long", "no_text"}
MESSAGE_NUMBER = re.compile(r"^m?(\d+)$")


class ConsoleIO(Protocol):
    async def read(self, prompt: str) -> str | None:
        """The next line, or None at the end of input."""
        ...

    def write(self, text: str) -> None: ...


class TerminalIO:
    """stdin/stdout; with a terminal it prompts, otherwise it echoes each line it reads.

    Each read runs in a daemon thread, so Ctrl-C or the end of the session never waits for
    a line that will not come.
    """

    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty()

    async def read(self, prompt: str) -> str | None:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[str | None] = loop.create_future()

        def read_line() -> None:
            try:
                line: str | None = input(prompt) if self.interactive else sys.stdin.readline()
            except EOFError:
                line = None
            if line == "" and not self.interactive:
                line = None
            loop.call_soon_threadsafe(future.set_result, line)

        threading.Thread(target=read_line, daemon=True).start()
        line = await future
        if line is not None and not self.interactive:
            self.write(f"{prompt}{line.rstrip()}")
        return None if line is None else line.rstrip("\n")

    def write(self, text: str) -> None:
        print(text, flush=True)


@dataclass
class Target:
    """Where a numbered button lives, so clicking it sends the right `block_actions`.

    `shown` is the channel message as it was printed: when it has been updated since (someone
    else clicked "Jeg tager den" first), the click is sent as Slack would send it from a
    screen that had not caught up, and the bot's answer is shown.
    """

    clickable: Clickable
    channel_id: str | None
    message_ts: str | None
    view_id: str | None
    shown: dict[str, Any] | None = None


@dataclass(frozen=True)
class Posted:
    """A numbered message in a channel or DM (m1, m2 …): where its thread is, for :reply."""

    channel_id: str
    thread_ts: str


async def run_console(settings: Settings, clock: ManualClock, io: ConsoleIO | None = None) -> int:
    local = await LocalSlack.start(settings, clock, schedule=False)
    try:
        console = Console(local, io or TerminalIO(), settings.lang, clock)
        await console.start()
        await console.loop()
    finally:
        await local.stop()
    return 0


class Console:
    def __init__(self, local: LocalSlack, io: ConsoleIO, lang: str, clock: ManualClock) -> None:
        self.local = local
        self.io = io
        self.lang = lang
        self.clock = clock
        self.people: list[Person] = []
        #: Each person's user id in the stand-in's Slack (the console types as them there).
        self.slack_ids: dict[int, str] = {}
        self.me: Person | None = None
        self.channel_id = GENERAL[0]
        self.targets: list[Target] = []
        self.posted: list[Posted] = []
        self.numbers: dict[tuple[str, str], int] = {}

    # -- set-up -------------------------------------------------------------

    async def start(self) -> None:
        self.io.write(t(self.lang, "console.title"))
        seeded = await seed_demo(self.local.bot.db, self.clock)
        if seeded:
            await self.local.sync_people()
            self.io.write(
                t(
                    self.lang,
                    "console.seeded",
                    areas=seeded.areas,
                    daycares=seeded.daycares,
                    people=seeded.people,
                )
            )
        await self._load_people()
        coordinators = [p for p in self.people if p.has_role("coordinator")]
        candidates = coordinators or self.people
        self.me = candidates[0] if candidates else await self._guest()
        self.io.write(t(self.lang, "console.whoami", name=self.me.name, channel=self.channel_name))

    async def _guest(self) -> Person:
        """A database with no people (never seeded here) still gets someone to type as."""
        guest = Person(0, t(self.lang, "console.guest"), None, None)
        self.slack_ids[guest.id] = "U0GUEST01"
        self.local.standin.add_user(self.slack_ids[guest.id], "gaest", real_name=guest.name)
        return guest

    async def _load_people(self) -> None:
        """The organisation's people, and who each is in the stand-in's Slack."""
        db = self.local.bot.db
        self.people = await org.all_people(db)
        found = await identities.external_ids(db, "slack", [p.id for p in self.people])
        self.slack_ids.update(found)

    # -- the loop -----------------------------------------------------------

    @property
    def person(self) -> Person:
        assert self.me is not None
        return self.me

    @property
    def user_id(self) -> str:
        """The acting person's user id in the stand-in's Slack."""
        return self.slack_ids[self.person.id]

    @property
    def channel_name(self) -> str:
        """`#general`, or `@tovholder` for the direct message with the bot."""
        channel = self.local.standin.workspace.resolve_channel(self.channel_id)
        if channel is None or channel.is_im:
            return "@" + BOT_NAME.lower()
        return "#" + str(channel.name)

    async def loop(self) -> None:
        while True:
            line = await self.io.read(f"{self.person.name} {self.channel_name} › ")
            if line is None or line.strip() in (":quit", ":q", ":exit"):
                self.io.write(t(self.lang, "console.bye"))
                return
            line = line.strip()
            if line:
                await self.handle_safely(line)

    async def handle_safely(self, line: str) -> None:
        """One line; whatever goes wrong is told in one line and the session goes on."""
        try:
            await self.handle(line)
        except Exception as error:  # a console session outlives any one line
            logger.debug("console line failed", exc_info=True)
            detail = str(error).splitlines()[0] if str(error) else ""
            what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
            self.io.write(t(self.lang, "console.failed", error=what))

    async def handle(self, line: str) -> None:
        if line.startswith(":"):
            await self._meta(line)
        elif line.isdigit():
            await self._click(int(line))
        elif line.startswith("/"):
            command, _, text = line.partition(" ")
            await self._exchange(
                lambda: self.local.driver.slash_command(
                    self.user_id, command, text, channel_id=self.channel_id
                )
            )
        else:
            await self._exchange(
                lambda: self.local.driver.user_message(self.user_id, self.channel_id, line)
            )

    async def _exchange(self, send: Callable[[], Awaitable[Any]]) -> None:
        """Send one request, let the bot finish, then show what it did and open its modals."""
        mark = self.local.standin.mark()
        before = self._top_view()
        await send()
        await self.local.settle()
        # Someone added, renamed or erased shows as Slack would show them from now on.
        await self._load_people()
        self._show(self.local.standin.calls_since(mark))
        await self._fill_if_new(before)

    def _top_view(self) -> tuple[str, str] | None:
        """Which modal is on top, and which version of it (its hash changes on update)."""
        views = self.local.standin.open_views(self.user_id)
        return (str(views[-1].get("id")), str(views[-1].get("hash"))) if views else None

    async def _fill_if_new(self, before: tuple[str, str] | None) -> None:
        views = self.local.standin.open_views(self.user_id)
        if views and self._top_view() != before:
            await self._fill(views[-1])

    # -- showing what the bot did --------------------------------------------

    def _show(self, calls: list[RecordedCall]) -> None:
        me = self.user_id
        for call in calls:
            if call.method not in SHOWN_METHODS:
                continue
            if not call.ok:
                if call.error in REFUSALS:
                    self.io.write(
                        t(self.lang, "console.refused", error="; ".join(call.errors) or call.error)
                    )
                continue
            args, response = call.args, call.response
            if call.method == "chat.delete":
                self.io.write(t(self.lang, "console.deleted"))
                continue
            if call.method in ("ack", "response_url"):
                if not (args.get("text") or args.get("blocks")):
                    continue
                marker = t(self.lang, "console.ephemeral")
                channel, ts = self.channel_id, None
            elif call.method == "chat.postEphemeral":
                if args.get("user") != me:
                    continue
                marker = t(self.lang, "console.ephemeral")
                channel, ts = str(args.get("channel")), response.get("message_ts")
            else:
                channel = str(response.get("channel") or args.get("channel"))
                ts = response.get("ts")
                marker = self._where(channel)
                thread = args.get("thread_ts")
                if thread and call.method == "chat.postMessage":
                    root = self.numbers.get((channel, str(thread)))
                    in_thread = (
                        t(self.lang, "console.in_thread", number=root)
                        if root
                        else t(self.lang, "console.in_a_thread")
                    )
                    marker = f"{marker}, {in_thread}" if marker else in_thread
                if call.method == "chat.update":
                    marker = (
                        f"{marker}, {t(self.lang, 'console.updated')}"
                        if marker
                        else t(self.lang, "console.updated")
                    )
            self._print_message(args, marker, channel, ts)

    def _where(self, channel_id: str) -> str:
        """Empty for the current channel; otherwise where the message went."""
        if channel_id == self.channel_id:
            return ""
        channel = self.local.standin.workspace.resolve_channel(channel_id)
        if channel is not None and channel.is_im:
            user_id = channel.im_user
            if user_id == self.user_id:
                return t(self.lang, "console.dm_to", name=self.person.name)
            return t(self.lang, "console.dm_to", name=self._name(str(user_id)))
        name = channel.name if channel is not None else channel_id
        return t(self.lang, "console.in_channel", channel=name)

    def _print_message(
        self, message: dict[str, Any], marker: str, channel_id: str | None, ts: str | None
    ) -> None:
        number = self._number(message, marker, channel_id, ts)
        label = f" [m{number}]" if number else ""
        self.io.write(f"{BOT_NAME}" + (f" ({marker})" if marker else "") + f"{label}:")
        shown = self._stored(channel_id, ts) if number else None
        blocks = message.get("blocks") or []
        if blocks:
            rendered = render_blocks(blocks, self._name, first_number=len(self.targets) + 1)
            for clickable in rendered.clickables:
                self.targets.append(Target(clickable, channel_id, ts, None, shown))
            self.io.write("\n".join(rendered.lines))
        else:
            self.io.write(str(message.get("text", "")))

    def _number(
        self, message: dict[str, Any], marker: str, channel_id: str | None, ts: str | None
    ) -> int | None:
        """The message's number for :reply (a new one, or the one it had before an update);
        None for what only this person sees (it has no thread)."""
        if channel_id is None or ts is None or marker == t(self.lang, "console.ephemeral"):
            return None
        key = (channel_id, str(ts))
        if key not in self.numbers:
            thread = str(message.get("thread_ts") or ts)
            self.posted.append(Posted(channel_id, thread))
            self.numbers[key] = len(self.posted)
        return self.numbers[key]

    def _stored(self, channel_id: str | None, ts: str | None) -> dict[str, Any] | None:
        """A copy of the message as the stand-in holds it now, i.e. as it is printed."""
        channel = self.local.standin.workspace.resolve_channel(str(channel_id))
        stored = channel.messages.get(str(ts)) if channel is not None else None
        return copy.deepcopy(stored) if stored is not None else None

    def _name(self, slack_id: str) -> str:
        """A person's name for a user id, a channel's name for a channel id."""
        for person in self.people:
            if self.slack_ids.get(person.id) == slack_id:
                return person.name
        channel = self.local.standin.workspace.channels.get(slack_id)
        if channel is not None and not channel.is_im:
            return str(channel.name)
        return BOT_NAME if slack_id == self.local.standin.workspace.bot_user_id else slack_id

    # -- buttons and modals ---------------------------------------------------

    async def _click(self, number: int) -> None:
        if not 1 <= number <= len(self.targets):
            self.io.write(t(self.lang, "console.no_button", number=number))
            return
        target = self.targets[number - 1]
        clickable = target.clickable
        if not clickable.options:
            await self._exchange(lambda: self._send_click(target))
            return
        chosen = await self._choose(clickable)
        if chosen is None:
            return
        await self._exchange(
            lambda: self.local.driver.select(
                self.user_id,
                action_id=clickable.action_id,
                value=chosen,
                channel_id=target.channel_id,
                message_ts=target.message_ts,
                view_id=target.view_id,
            )
        )

    async def _send_click(self, target: Target) -> Any:
        """The click as Slack sends it; on a message updated since it was shown (the button
        is gone now), the click on the message as this person saw it."""
        clickable = target.clickable
        user = self.user_id
        try:
            return await self.local.driver.click(
                user,
                action_id=clickable.action_id,
                value=clickable.value,
                channel_id=target.channel_id,
                message_ts=target.message_ts,
                view_id=target.view_id,
            )
        except DriverError:
            if target.shown is None or target.channel_id is None:
                raise
            return await self.local.driver.click_as_shown(
                user,
                action_id=clickable.action_id,
                value=clickable.value,
                channel_id=target.channel_id,
                shown=target.shown,
            )

    async def _choose(self, clickable: Clickable) -> str | None:
        for i, (text, _) in enumerate(clickable.options, start=1):
            self.io.write(f"    {i}. {text}")
        answer = await self.io.read("  › ")
        field = form.Field(
            "", clickable.action_id, "static_select", "", "", False, clickable.options, None
        )
        picked = form.parse_answer(field, answer or "")
        return picked if isinstance(picked, str) else None

    async def _fill(self, view: dict[str, Any]) -> None:
        title = (view.get("title") or {}).get("text", "")
        self.io.write(t(self.lang, "console.modal_open", title=title))
        rendered = render_blocks(
            [b for b in view.get("blocks", []) if b.get("type") != "input"],
            self._name,
            first_number=len(self.targets) + 1,
        )
        if rendered.lines:
            self.io.write("\n".join(rendered.lines))
        for clickable in rendered.clickables:
            self.targets.append(Target(clickable, None, None, str(view.get("id"))))
        if not form.fields_of(view):
            await self._confirm(view)
            return
        only: set[str] | None = None
        values: dict[str, dict[str, Any]] = {}
        while True:
            answers = await form.fill(
                view, self.io.read, self.io.write, self.lang, only, self._choices()
            )
            if answers is None:
                await self.local.driver.close_view(self.user_id)
                await self.local.settle()
                return
            for block_id in only or ():
                values.pop(block_id, None)
            values.update(answers)
            mark = self.local.standin.mark()
            before = self._top_view()
            result = await self.local.driver.submit_view(self.user_id, values)
            await self.local.settle()
            errors = (result.json or {}).get("errors")
            if not errors:
                self._show(self.local.standin.calls_since(mark))
                await self._fill_if_new(before)
                return
            self.io.write(t(self.lang, "console.modal_errors"))
            for message in errors.values():
                self.io.write(f"  • {message}")
            only = set(errors)

    async def _confirm(self, view: dict[str, Any]) -> None:
        """A modal with nothing to fill in (a confirmation): Enter submits it, :cancel closes
        it. One with no submit button stays open until :cancel, as in Slack."""
        submit = (view.get("submit") or {}).get("text")
        if not submit:
            return
        self.io.write(t(self.lang, "console.modal_confirm", submit=submit))
        answer = await self.io.read("  › ")
        if answer is None or answer.strip() == form.CANCEL:
            await self._close_modal()
            return
        mark = self.local.standin.mark()
        before = self._top_view()
        result = await self.local.driver.submit_view(self.user_id, {})
        await self.local.settle()
        errors = (result.json or {}).get("errors")
        if errors:
            self.io.write(t(self.lang, "console.modal_errors"))
            for message in errors.values():
                self.io.write(f"  • {message}")
        self._show(self.local.standin.calls_since(mark))
        await self._fill_if_new(before)

    async def _close_modal(self) -> None:
        """Close the top modal, as the person's ✕ in Slack (the bot hears view_closed)."""
        if not self.local.standin.open_views(self.user_id):
            self.io.write(t(self.lang, "console.no_modal"))
            return
        await self.local.driver.close_view(self.user_id)
        await self.local.settle()
        self.io.write(t(self.lang, "console.modal_cancelled"))

    def _choices(self) -> form.Choices:
        """People and channels to pick from where a modal asks for a user or a channel."""
        channels = tuple(
            (f"#{c.name}", c.id)
            for c in self.local.standin.workspace.channels.values()
            if not c.is_im
        )
        people = tuple(
            (p.name, self.slack_ids[p.id]) for p in self.people if p.id in self.slack_ids
        )
        return {
            "users_select": people,
            "channels_select": channels,
            "conversations_select": channels,
        }

    # -- console commands -----------------------------------------------------

    async def _meta(self, line: str) -> None:
        command, _, argument = line.partition(" ")
        argument = argument.strip()
        if command == ":help":
            self.io.write(t(self.lang, "console.help"))
        elif command == ":as":
            self._switch_person(argument)
        elif command == ":in":
            self._switch_channel(argument)
        elif command == ":people":
            for person in self.people:
                roles = ", ".join(sorted({t(self.lang, f"role.{r.role}") for r in person.roles}))
                self.io.write(
                    t(
                        self.lang,
                        "console.people_line",
                        name=person.name,
                        email=person.email or "-",
                        roles=roles,
                    )
                )
        elif command == ":clock":
            await self._move_clock(argument)
        elif command == ":home":
            await self._home()
        elif command == form.CANCEL:
            await self._close_modal()
        elif command == ":reply":
            await self._reply(argument)
        else:
            self.io.write(t(self.lang, "console.unknown_meta", command=command))

    async def _home(self) -> None:
        """Open the Home tab as Slack does (an `app_home_opened` event; the bot publishes the
        view with views.publish) and show what was published."""
        user = self.user_id
        im = self.local.standin.workspace.open_im(user)[0].id
        mark = self.local.standin.mark()
        await self.local.driver.event(
            {
                "type": "app_home_opened",
                "user": user,
                "channel": im,
                "tab": "home",
                "event_ts": self.local.standin.workspace.next_ts(),
            }
        )
        await self.local.settle()
        self._show(self.local.standin.calls_since(mark))
        home = self.local.standin.home_view(user)
        if not home:
            self.io.write(t(self.lang, "console.home_empty"))
            return
        rendered = render_blocks(
            home.get("blocks", []), self._name, first_number=len(self.targets) + 1
        )
        for clickable in rendered.clickables:
            self.targets.append(Target(clickable, None, None, str(home.get("id"))))
        self.io.write("\n".join(rendered.lines))

    async def _reply(self, argument: str) -> None:
        """`:reply 3 tekst` (or `m3`): a reply in the thread of message m3, as a person
        replies in Slack; the bot hears it as a message with `thread_ts`."""
        number, _, text = argument.partition(" ")
        found = MESSAGE_NUMBER.match(number.strip().lower())
        index = int(found.group(1)) if found else 0
        if not 1 <= index <= len(self.posted) or not text.strip():
            self.io.write(t(self.lang, "console.reply_usage"))
            return
        posted = self.posted[index - 1]
        self.io.write(t(self.lang, "console.replied", number=index))
        await self._exchange(
            lambda: self.local.driver.user_message(
                self.user_id, posted.channel_id, text.strip(), posted.thread_ts
            )
        )

    def _switch_person(self, who: str) -> None:
        wanted = who.lower().lstrip("@")
        matches = [
            p
            for p in self.people
            if wanted and (wanted in p.name.lower() or wanted == (p.email or "").lower())
        ]
        exact = [
            p for p in matches if p.name.lower() == wanted or (p.email or "").lower() == wanted
        ]
        if len(exact) == 1:
            matches = exact
        if not matches:
            self.io.write(t(self.lang, "console.unknown_person", who=who))
        elif len(matches) > 1:
            names = ", ".join(p.name for p in matches)
            self.io.write(t(self.lang, "console.ambiguous_person", who=who, names=names))
        else:
            self.me = matches[0]
            if (
                self.local.standin.workspace.resolve_channel(self.channel_id) is None
                or self._is_dm()
            ):
                self.channel_id = self.local.standin.workspace.open_im(self.user_id)[0].id
            self.io.write(
                t(self.lang, "console.whoami", name=self.me.name, channel=self.channel_name)
            )

    def _is_dm(self) -> bool:
        channel = self.local.standin.workspace.resolve_channel(self.channel_id)
        return channel is not None and channel.is_im

    def _switch_channel(self, name: str) -> None:
        wanted = name.strip().lstrip("#").lower()
        if wanted.startswith("@") or wanted in (BOT_NAME.lower(), "dm"):
            self.channel_id = self.local.standin.workspace.open_im(self.user_id)[0].id
        else:
            channels = [c for c in self.local.standin.workspace.channels.values() if not c.is_im]
            found = [c for c in channels if str(c.name).lower() == wanted]
            if not found:
                listing = ", ".join(f"#{c.name}" for c in channels)
                self.io.write(
                    t(self.lang, "console.unknown_channel", channel=name, channels=listing)
                )
                return
            self.channel_id = found[0].id
        self.io.write(
            t(self.lang, "console.whoami", name=self.person.name, channel=self.channel_name)
        )

    async def _move_clock(self, argument: str) -> None:
        step = CLOCK_STEP.match(argument)
        try:
            if step:
                amount, unit = int(step.group(1)), step.group(2)
                delta = {
                    "d": timedelta(days=amount),
                    "h": timedelta(hours=amount),
                    "m": timedelta(minutes=amount),
                }[unit]
                self.clock.advance(delta)
            else:
                target = parse_moment(argument, self.clock.now().date())
                if target.tzinfo is None:
                    target = target.replace(tzinfo=self.clock.tz)
                self.clock.move_to(target)
        except ValueError as error:
            key = "console.clock_past" if "forward" in str(error) else "console.clock_bad"
            self.io.write(t(self.lang, key))
            return
        self.io.write(
            t(self.lang, "console.clock_moved", now=self.clock.now().strftime("%Y-%m-%d %H:%M"))
        )
        mark = self.local.standin.mark()
        await self.local.bot.scheduler.run_all_now()
        await self.local.settle()
        self._show(self.local.standin.calls_since(mark))
