"""The console as a person uses it: typed lines in, the bot's answers out."""

from __future__ import annotations

import re
from pathlib import Path

from bot.clock import ManualClock
from bot.console.session import run_console
from bot.settings import parse_settings


class ScriptedIO:
    """Feeds the console lines like a piped stdin and keeps what it printed."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.out: list[str] = []

    async def read(self, prompt: str) -> str | None:
        if not self.lines:
            return None
        line = self.lines.pop(0)
        self.out.append(prompt + line)
        return line

    def write(self, text: str) -> None:
        self.out.append(text)

    @property
    def transcript(self) -> str:
        return "\n".join(self.out)


async def console(tmp_path: Path, clock: ManualClock, *lines: str, lang: str = "da") -> str:
    settings = parse_settings(
        {"TOVHOLDER_DB": str(tmp_path / "console.db"), "TOVHOLDER_LANG": lang}, "console"
    )
    io = ScriptedIO(*lines)
    assert await run_console(settings, clock, io) == 0
    return io.transcript


async def test_a_fresh_console_seeds_the_demo_and_answers_help(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(tmp_path, clock, "/tovholder help")
    assert "lagt en demo-kommune ind: 3 områder, 7 dagtilbud og 8 personer" in out
    assert "Du er Annette Bæk i #general." in out
    assert "Tovholder (kun synlig for dig):\n== Tovholder – hjælp ==" in out
    assert out.rstrip().endswith("Farvel.")


async def test_switching_person_and_channel(tmp_path: Path, clock: ManualClock) -> None:
    out = await console(
        tmp_path,
        clock,
        ":as oliver",
        ":in @tovholder",
        "help",
        ":as nielsen",
        ":as e",
        ":in #ukendt",
        ":hvad",
        "7",
    )
    assert "Du er Oliver Grant i #general." in out
    assert "Du er Oliver Grant i @tovholder." in out
    assert "Tovholder [m1]:\n== Tovholder – help ==" in out  # Oliver's DM, in English, numbered
    assert "Du er Line Nielsen i @tovholder." in out
    assert "»e« passer på flere" in out
    assert "Kanalen »#ukendt« findes ikke. Kanaler: #general." in out
    assert "Ukendt konsolkommando »:hvad«" in out
    assert "Der er ingen knap med nummer 7." in out


async def test_the_clock_only_moves_forward(tmp_path: Path, clock: ManualClock) -> None:
    out = await console(tmp_path, clock, ":clock +3d", ":clock 2020-01-01", ":clock soon")
    assert "Klokken er nu 2026-12-03 09:00." in out
    assert "Tiden kan kun flyttes frem." in out
    assert "Skriv fx :clock +3d" in out


async def test_the_console_speaks_english_when_configured(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(tmp_path, clock, ":help", lang="en")
    assert "Tovholder – local console (no Slack)" in out
    assert ":clock +3d | +4h | 2026-12-24" in out


async def test_a_modal_is_filled_field_by_field_with_its_choices(
    tmp_path: Path, clock: ManualClock
) -> None:
    """The coordinator's settings modal, answered line by line: a wrong choice is asked
    again, a missing field comes back as the modal's own error, the rest is kept."""
    out = await console(
        tmp_path,
        clock,
        "/tovholder settings",
        "1",  # sparring channel: #general
        "",  # test channel: skip
        "",  # leadership channel: skip
        "Mette",  # not a number…
        "6",  # …Mette Lund
        "",  # keep "Giv rollen"
        "1",  # ambassador
        "",  # no area: the modal will say it is needed
        "",  # no daycare
        "3",  # area Øst, asked again after the error
        "/tovholder network øst",
    )
    assert "Formular: Indstillinger  (:cancel for at lukke)" in out
    assert "• Sparringskanal (valgfri)\n    1. #general" in out
    assert "  Vælg et nummer" in out
    assert "Formularen blev ikke sendt:\n  • En ambassadør skal have et område." in out
    assert "• Sparringskanal: #general" in out
    assert "• @Mette Lund er nu ambassadør." in out
    assert "*Ambassadører:* @Mette Lund" in out.split("/tovholder network øst")[-1]


async def test_a_superuser_finds_a_guide_and_narrows_the_list_with_a_menu(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(tmp_path, clock, ":as Line", "/tool-guide", "2", "5", "/tool-guide bi-bot")
    browse, found = out.split("› /tool-guide bi-bot")
    assert "[2] Læreplanstema" in browse
    assert "== Bee-Bot på gulvet – de første skridt i programmering ==\n*Formål*" in found
    # Four buttons, then "Mere …" with Line's adoption choices (numbers go on from the list).
    row = r"\[\d+\] Vis hele vejledningen\n(  \[\d+\] .+\n){3}  \[\d+\] …\n"
    assert re.search(row, found), found
    narrowed = browse.rsplit("  › 5", 1)[1]
    assert "(Viser *Natur, udeliv og science*: 7 vejledninger.)" in narrowed
    assert "Book Creator" not in narrowed


async def test_moving_the_clock_shows_a_checkpoint_nudge_arriving(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(tmp_path, clock, ":as Søren", ":clock +3d", ":clock +1d", ":clock +30m")
    before, after = out.split(":clock +30m")  # Friday 09:30, the day's nudge time
    assert "Ozobot" not in before
    assert "Hvordan går det med *Ozobot* i Skovbørnehaven Egernet?" in after
    assert "Mind mig i morgen" in after


# -- the console shows what Slack would (issue 18.11) ----------------------------------------

SPARRING_IN_GENERAL = ("/tovholder settings", "1", "", "", "", "", "", "", "")
ASK = (":as line", "/sparring Hvordan lader jeg Bee-Bot op?", "2")


def after(out: str, line: str) -> str:
    """What the console printed after the person typed `line` (the last time)."""
    return out.rsplit(f"› {line}\n", 1)[1]


async def test_home_shows_what_the_bot_publishes_for_each_role(
    tmp_path: Path, clock: ManualClock
) -> None:
    """`:home` opens the Home as Slack does (app_home_opened), so the bot publishes it."""
    out = await console(
        tmp_path, clock, ":home", ":as line", ":home", ":as mette", ":home", ":as jens", ":home"
    )
    assert "Din startside er tom." not in out
    assert out.count("== Hej ") == 4  # first names, as in Slack
    annette, line, mette, jens = out.split(":home\n")[1:]
    assert "== Hej Annette ==" in annette and "*Beslutninger, der venter på jer*" in annette
    assert "== Hej Line ==" in line and "== Superbruger i Børnehuset Mælkebøtten ==" in line
    assert "*Beslutninger, der venter på jer*" not in line
    assert "*Superbrugere, der ikke har været til oplæring endnu*" in mette
    assert "== Hej Jens ==" in jens and "[1] Godkend" not in jens  # numbers go on: 1… taken
    assert "Godkend" in jens


async def test_a_stale_button_gets_the_bots_answer_and_the_session_goes_on(
    tmp_path: Path, clock: ManualClock
) -> None:
    """Søren clicks "Jeg tager den" on the question as he saw it, after Mette took it."""
    out = await console(
        tmp_path,
        clock,
        *SPARRING_IN_GENERAL,
        *ASK,
        ":as mette",
        "3",  # Jeg tager den
        ":as søren",
        "3",  # the same button, gone from the updated message
        "/tovholder help",
    )
    assert "Tovholder [m1]:\n*Sparringsspørgsmål fra @Line Nielsen*" in out
    assert "  [3] Jeg tager den" in out
    assert "Tovholder (opdateret) [m1]:" in out  # Mette's click updated the question
    stale = after(out, "3")
    assert stale.startswith("Tovholder (kun synlig for dig):\n@Mette Lund tog den først.")
    assert "Traceback" not in out and "Det gik galt" not in out
    assert "== Tovholder – hjælp ==" in after(out, "/tovholder help")
    assert out.rstrip().endswith("Farvel.")


async def test_an_error_in_one_line_is_told_in_one_line_and_the_session_goes_on(
    tmp_path: Path, clock: ManualClock
) -> None:
    # Line clicks a button on Annette's Home: no such thing in Slack; here one line says so.
    out = await console(tmp_path, clock, ":home", ":as line", "1", "/tovholder help")
    told = after(out, "1").splitlines()
    assert told[0].startswith("Det gik galt her i konsollen, men du kan fortsætte: DriverError: ")
    assert told[1] == "Line Nielsen #general › /tovholder help"
    assert "== Tovholder – hjælp ==" in after(out, "/tovholder help")
    assert out.rstrip().endswith("Farvel.")


async def test_a_confirmation_without_fields_is_submitted_and_cancel_closes_a_form(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(
        tmp_path,
        clock,
        "/tovholder gdpr erase ahmed.yilmaz@vesteraa-kommune.example",
        "",  # Enter: the modal's own "Slet"
        "/tovholder gdpr erase camilla.friis@vesteraa-kommune.example",
        ":cancel",
        "/tovholder settings",
        "",  # no sparring channel
        "",  # no test channel
        "",  # no leadership channel
        ":cancel",  # at "Person": the people to pick from
        ":cancel",
    )
    assert "Tryk Enter for »Slet«, eller skriv :cancel for at lukke." in out
    assert out.count("Data om @") == 1
    assert "Data om @Ahmed Yilmaz er slettet eller anonymiseret" in out
    assert out.count("Formularen er lukket.") == 2  # the confirmation, and the settings form
    assert "Der er ingen åben formular." in after(out, ":cancel")
    people = after(out, "/tovholder settings")
    assert "Line Nielsen" in people and "Ahmed" not in people  # erased: gone from the choices


async def test_a_reply_goes_in_the_thread_of_a_numbered_message(
    tmp_path: Path, clock: ManualClock
) -> None:
    """Mette answers in the question's thread; "Besvaret" then offers her reply."""
    out = await console(
        tmp_path,
        clock,
        *SPARRING_IN_GENERAL,
        *ASK,
        ":as mette",
        ":reply m7 hej",
        ":reply m1 Lad den stå i laderen i to timer.",
        "4",  # Besvaret
        ":cancel",
    )
    assert "Skriv :reply, nummeret på beskeden" in after(out, ":reply m7 hej")
    assert "(dit svar i tråden til m1)" in out
    assert "Formular: Marker svaret" in out
    assert "  [Lad den stå i laderen i to timer.]" in out
