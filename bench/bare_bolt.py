"""The floor Tovholder is measured against: a bare Bolt app in HTTP mode whose `/tool-guide`
acks with a fixed text. Same framework, same signature check, nothing else.

    PORT=… SLACK_SIGNING_SECRET=… SLACK_BOT_TOKEN=… SLACK_API_URL=… python -m bench.bare_bolt
"""

from __future__ import annotations

import os

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


def main() -> None:
    client = AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]
    )
    app = AsyncApp(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"])

    @app.command("/tool-guide")
    async def answer(ack: AsyncAck) -> None:
        await ack("Her er vejledningen.")

    app.start(port=int(os.environ["PORT"]), path="/slack/events")


if __name__ == "__main__":
    main()
