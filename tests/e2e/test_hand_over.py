"""Handing a guide over from its check nudge: the new owner keeps it true from now on, and
both are told by DM, each naming the other as Slack shows a person (a mention). Someone who
cannot own guides is refused at the form's field, and the guide stays where it was."""

from __future__ import annotations

from bot.local import LocalSlack
from bot.services.guides import get_guide
from bot.views.nudges import guide_check_message
from tests.e2e.conftest import METTE, texts
from tests.people import person_id

SOEREN = "U0DEMO004"  # ambassador in Syd
LINE = "U0DEMO005"  # superuser: she reads guides, she does not keep them


async def test_mette_hands_a_guide_over_to_soeren_and_both_are_told(slack: LocalSlack) -> None:
    db, services = slack.bot.db, slack.bot.app.services
    bee_bot = await get_guide(db, "bee-bot")
    mette = await person_id(db, METTE)
    assert bee_bot is not None and bee_bot.guide.owner_id == mette
    # The check nudge, as the guide-check reminder sends it to the guide's owner.
    nudge = guide_check_message("da", bee_bot, "2026-06-01T09:00:00+00:00", 1, services.settings.tz)
    await services.messenger.send_privately(mette, nudge)
    im = slack.standin.im_channel_id(METTE)
    await slack.driver.click(
        METTE, action_id="guide_hand_over", value=str(bee_bot.guide.id), channel_id=im
    )
    await slack.settle()

    refused = await slack.driver.submit_view(METTE, {"owner": {"value": LINE}})
    assert refused.json is not None and refused.json["response_action"] == "errors"
    assert "ambassadør" in refused.json["errors"]["owner"]
    still = await get_guide(db, "bee-bot")
    assert still is not None and still.guide.owner_id == mette

    mark = slack.standin.mark()
    handed = await slack.driver.submit_view(METTE, {"owner": {"value": SOEREN}})
    await slack.settle()
    assert handed.status == 200 and not handed.json  # the form closes
    now = await get_guide(db, "bee-bot")
    assert now is not None and now.guide.owner_id == await person_id(db, SOEREN)
    dms = {
        str(call.args["channel"]): texts(call)
        for call in slack.standin.calls_since(mark)
        if call.method == "chat.postMessage"
    }
    assert set(dms) == {METTE, SOEREN}
    assert "er givet videre til" in dms[METTE] and f"<@{SOEREN}>" in dms[METTE]
    assert f"<@{METTE}> har givet dig ansvaret" in dms[SOEREN]
