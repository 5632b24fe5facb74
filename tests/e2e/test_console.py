"""The console as a person uses it: typed lines in, the bot's answers out."""

from __future__ import annotations

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
    assert "Tovholder:\n== Tovholder – help ==" in out  # Oliver's DM, in English
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
    out = await console(tmp_path, clock, ":as Line", "/tool-guide bi-bot", "/tool-guide", "9", "5")
    assert "== Bee-Bot på gulvet – de første skridt i programmering ==\n*Formål*" in out
    assert "[1] Vis hele vejledningen" in out
    assert "[4] 👍 Den hjalp\n  [5] …\n" in out  # Line's adoption choices are in "Mere …"
    assert "[9] Læreplanstema" in out
    narrowed = out.rsplit("  › 5", 1)[1]
    assert "(Viser *Natur, udeliv og science*: 7 vejledninger.)" in narrowed
    assert "Book Creator" not in narrowed


async def test_moving_the_clock_shows_a_checkpoint_nudge_arriving(
    tmp_path: Path, clock: ManualClock
) -> None:
    out = await console(tmp_path, clock, ":as Søren", ":clock +3d", ":clock +1d")
    before, after = out.split(":clock +1d")
    assert "Ozobot" not in before
    assert "Hvordan går det med *Ozobot* i Skovbørnehaven Egernet?" in after
    assert "Mind mig i morgen" in after
