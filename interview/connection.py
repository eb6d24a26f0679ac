"""A one-call check that the configured language model answers, for a "test connection" button.

It sends one tiny structured request through ``LLMClient`` (the same path grading uses, so
it also proves the server supports JSON-schema output) and returns a one-line result. It is
not counted against any session's budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import openai
from pydantic import BaseModel, Field

from interview.config import Settings
from interview.errors import ConfigError, LLMError
from interview.llm import LLMClient, make_openai_client
from interview.models import LLMUsage

PING = 'Reply with the JSON object {"ok": true} and nothing else.'


class _Ping(BaseModel):
    ok: bool = Field(description="Always true")


@dataclass(frozen=True)
class ConnectionResult:
    """Whether the model answered, and one line saying so (never containing the key)."""

    ok: bool
    message: str
    model: str
    seconds: float


def test_connection(settings: Settings, client: openai.OpenAI | None = None) -> ConnectionResult:
    """Send one tiny request to the configured model and report the outcome in one line.

    ``client`` is injectable for tests; by default it is built from ``settings``.
    """
    where = settings.openai_base_url or "the OpenAI API"
    started = time.monotonic()
    try:
        llm = LLMClient(client or make_openai_client(settings), settings, LLMUsage())
        llm.parse([{"role": "user", "content": PING}], _Ping, max_completion_tokens=20)
    except (LLMError, ConfigError) as exc:
        return ConnectionResult(False, str(exc), settings.model, time.monotonic() - started)
    seconds = time.monotonic() - started
    return ConnectionResult(
        True, f"Connected: {settings.model} at {where} answered in {seconds:.1f} s.",
        settings.model, seconds,
    )


# A function named test_* is not a pytest test; tell pytest so when a test module imports it.
test_connection.__test__ = False  # type: ignore[attr-defined]
