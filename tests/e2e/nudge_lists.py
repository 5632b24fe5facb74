"""Reading the day's nudge message as a person does: each item of a morning list opened with
its **Vis** button (issue 18.3).

A person's nudges of one morning come as one list (`bot.views.nudges.morning_list_message`);
tests about one kind of nudge (an evaluation, a spreading invitation…) want the item's own
message with its buttons. `opened` clicks every **Vis** of every list among the calls and
puts the items' own messages, as posted in the list's thread, in the list's place.
"""

from __future__ import annotations

from bot.local import LocalSlack
from bot.standin import RecordedCall
from bot.views.nudges import SHOW


def shows(call: RecordedCall) -> list[str]:
    """The reminder ids behind the **Vis** buttons of a morning list ([] for any other post)."""
    if call.method != "chat.postMessage":
        return []
    return [
        str(block["accessory"]["value"])
        for block in call.args.get("blocks") or []
        if isinstance(block, dict) and (block.get("accessory") or {}).get("action_id") == SHOW
    ]


async def opened(slack: LocalSlack, calls: list[RecordedCall]) -> list[RecordedCall]:
    """`calls` with every morning list replaced by its items' own messages, in its order."""
    out: list[RecordedCall] = []
    for call in calls:
        ids = shows(call)
        if not ids or not call.ok:
            out.append(call)
            continue
        user, ts = str(call.args["channel"]), str(call.response["ts"])
        im = slack.standin.im_channel_id(user)
        for value in ids:
            mark = slack.standin.mark()
            await slack.driver.click(
                user, action_id=SHOW, value=value, channel_id=im, message_ts=ts
            )
            await slack.settle()
            out += [
                c
                for c in slack.standin.calls_since(mark)
                if c.method == "chat.postMessage" and c.args.get("thread_ts") == ts
            ]
    return out
