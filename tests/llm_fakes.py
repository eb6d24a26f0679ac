"""A scripted OpenAI-compatible endpoint behind the SDK's own HTTP seam (httpx2.MockTransport).

The real ``openai.OpenAI`` client runs unchanged; only the transport is fake, so request
building, error mapping and parsing are the SDK's real code. Nothing touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx2
import openai

from interview.config import Settings

KEY = "test-key-not-real"
BASE_URL = "http://127.0.0.1:9/v1"

Reply = httpx2.Response | Callable[[httpx2.Request], httpx2.Response] | Exception


def completion(
    content: str | dict[str, Any] | None,
    finish_reason: str = "stop",
    refusal: str | None = None,
    usage: dict[str, int] | None = None,
) -> httpx2.Response:
    """A 200 chat completion whose message content is ``content`` (dicts become JSON)."""
    text = json.dumps(content) if isinstance(content, dict) else content
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{
            "index": 0,
            "finish_reason": finish_reason,
            "message": {"role": "assistant", "content": text, "refusal": refusal},
        }],
    }
    if usage is not None:
        body["usage"] = {**usage, "total_tokens": sum(usage.values())}
    return httpx2.Response(200, json=body)


def error(status: int, message: str = "error", code: str | None = None,
          headers: dict[str, str] | None = None) -> httpx2.Response:
    """An OpenAI-style error response."""
    body = {"error": {"message": message, "type": "error", "code": code}}
    return httpx2.Response(status, json=body, headers=headers)


class FakeEndpoint:
    """Answers requests from a queue of replies and remembers every request body."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.content))
        self.headers.append(dict(request.headers))
        if not self.replies:
            raise AssertionError("the fake endpoint got more requests than scripted")
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx2.Response):
            return reply(request)
        return reply

    def client(self) -> openai.OpenAI:
        """A real SDK client whose HTTP goes to this fake."""
        return openai.OpenAI(
            http_client=httpx2.Client(transport=httpx2.MockTransport(self)),
            base_url=BASE_URL,
            api_key=KEY,
            max_retries=5,  # LLMClient must switch the SDK's own retries off
        )


def llm_settings(**overrides: Any) -> Settings:
    """Settings for the llm backend pointing at the fake endpoint."""
    values: dict[str, Any] = {
        "backend": "llm", "openai_api_key": KEY, "openai_base_url": BASE_URL,
        "model": "gpt-4o-mini", "max_retries": 2,
    }
    values.update(overrides)
    return Settings.model_validate(values)


def user_text(request: dict[str, Any]) -> str:
    """The content of the last user message of a recorded request."""
    return str([m for m in request["messages"] if m["role"] == "user"][-1]["content"])
