"""Text copied into a guide stays the text people wrote (issue 17.3): a question and an
answer saved with "Gem som FAQ" show in the guide character for character, and a Markdown
link in them shows its real address — it never becomes a link labelled as something else."""

from __future__ import annotations

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.guides import get_guide_by_id
from bot.services.workspace_settings import set_setting
from bot.views.guides import SHOW as GUIDE_SHOW
from bot.views.guides import SPARRING as GUIDE_SPARRING
from bot.views.sparring import ANSWER, SAVE_FAQ
from bot.views.sparring_handling import ASK_ANYWAY
from storage.repositories.sparring import question_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.people import person_id

LINE = "U0DEMO005"  # superuser
SPARRING = "C0SPARRING"
QUESTION = "Hvor finder vi opladeren? Log ind her: [AULA – log ind](https://evil.example/aula)"
ANSWER_TEXT = "I skabet.\n# Ikke en overskrift\n- og **ikke fed**, se [her](https://evil.example/b)"


async def test_a_question_saved_as_faq_shows_its_link_as_text_in_the_guide(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, ANNETTE, LINE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )
    await slack.driver.slash_command(LINE, "/tool-guide", "bee-bot", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.click(LINE, action_id=GUIDE_SPARRING, channel_id=GENERAL)
    await slack.settle()
    await slack.driver.submit_view(LINE, {"question": {"value": QUESTION}})
    await slack.settle()
    await slack.driver.click(LINE, action_id=ASK_ANYWAY, channel_id=GENERAL)  # guides offered
    await slack.settle()
    (post,) = [m for m in slack.standin.messages(SPARRING) if "thread_ts" not in m]
    await slack.driver.click(METTE, action_id=ANSWER, channel_id=SPARRING, message_ts=post["ts"])
    await slack.settle()
    await slack.driver.submit_view(METTE, {"answer": {"value": ANSWER_TEXT}})
    await slack.settle()
    await slack.driver.click(METTE, action_id=SAVE_FAQ, channel_id=SPARRING, message_ts=post["ts"])
    await slack.settle()
    (record,) = await question_records(slack.bot.db)
    guide = await get_guide_by_id(slack.bot.db, record["faq_guide_id"])
    assert guide is not None

    # Everyone who opens the guide reads the question and the answer as they were written.
    await slack.driver.click(
        LINE, action_id=GUIDE_SHOW, value=str(guide.guide.id), channel_id=GENERAL
    )
    await slack.settle()
    shown = texts(slack.standin.calls_to("response_url")[-1])
    assert f"*{QUESTION}*" in shown
    assert ANSWER_TEXT in shown
    assert "evil.example/aula|" not in shown and "evil.example/b|" not in shown
