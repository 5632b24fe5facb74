"""A local stand-in for Slack: a Web API server and a driver that plays the users.

The bot's console and all end-to-end tests run against it, so what it accepts and
refuses follows Slack's rules (SLACK-FACTS.md) and what it sends follows Slack's real
payloads (tests/fixtures/slack-payloads).
"""

from bot.standin.blockkit import Refusal, check_message, validate_message_blocks, validate_view
from bot.standin.driver import SlackDriver
from bot.standin.ratelimit import RateLimitPolicy
from bot.standin.records import RecordedCall
from bot.standin.server import (
    STANDIN_APP_TOKEN,
    STANDIN_BOT_TOKEN,
    SlackStandIn,
)
from bot.standin.socket import SocketModeError
from bot.standin.transport import AckTimeoutError, DriverResult
from bot.standin.viewstate import DriverError

__all__ = [
    "STANDIN_APP_TOKEN",
    "STANDIN_BOT_TOKEN",
    "AckTimeoutError",
    "DriverError",
    "DriverResult",
    "RateLimitPolicy",
    "RecordedCall",
    "Refusal",
    "SlackDriver",
    "SlackStandIn",
    "SocketModeError",
    "check_message",
    "validate_message_blocks",
    "validate_view",
]
