"""The spreading invitation shows a guide's first steps, read on a phone: whole lines of the
guide's own Markdown, a code block cut off closed, and a note when the guide goes on."""

from __future__ import annotations

from bot.views.spreading import STEPS_CHARS, first_steps
from handlers.slack.markdown import to_mrkdwn


def test_the_first_steps_are_whole_lines_within_the_room() -> None:
    body = "\n".join(
        f"{n}. Tryk på [knap {n}](https://example.org/{n}) og vent lidt" for n in range(40)
    )
    steps, more = first_steps(body)
    assert more and len(steps) <= STEPS_CHARS
    assert steps.split("\n") == body.split("\n")[: len(steps.split("\n"))]
    assert first_steps("Kort vejledning.\n") == ("Kort vejledning.", False)


def test_a_code_block_cut_off_is_closed_and_a_long_first_line_is_kept_whole() -> None:
    body = "Skriv:\n```\n" + "\n".join(f"linje {n} " + "x" * 40 for n in range(30)) + "\n```"
    steps, more = first_steps(body)
    assert more and steps.endswith("\n```") and steps.count("```") == 2
    assert to_mrkdwn(steps).count("```") == 2
    long = "ord " * 300
    assert first_steps(long + "\nnæste") == (long.strip(), True)
