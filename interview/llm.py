"""The one place that talks to the openai SDK.

``LLMClient`` wraps an injected ``openai.OpenAI`` client and turns one chat request into a
validated pydantic object, or a typed ``LLMError`` (see ``interview.errors``) whose message
names the setting to fix and never contains the API key. It:

- counts the prompt with tiktoken and checks the session's call and token caps first;
- sends ``chat.completions.parse`` with the output model as a strict JSON schema, temperature 0
  and the configured timeout (the SDK's own retries are switched off: ours are bounded here);
- retries refused connections, 429 and 5xx with exponential backoff, fails fast on a 429 that
  says the quota is used up, and does not retry a timeout (the user already waited);
- accepts JSON wrapped in code fences or prose, and otherwise makes at most one repair request
  for invalid, schema-violating or cut-off output;
- records every request sent in the session's ``LLMUsage``.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

import openai
from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from interview import tokens
from interview.config import ENV_NAMES, Settings
from interview.errors import (
    ConfigError,
    LLMAuthError,
    LLMConnectionError,
    LLMError,
    LLMInvalidOutputError,
    LLMQuotaError,
    LLMRateLimitError,
    LLMRefusalError,
    LLMRequestError,
    LLMServerError,
    LLMTimeoutError,
    LLMTruncatedError,
)
from interview.models import LLMUsage

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
Message = dict[str, str]

LOCAL_PLACEHOLDER_KEY = "not-needed"  # local servers ignore the key, the SDK requires one
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 8.0
_KEY_LIKE = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-*.]{6,}")
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class _Retryable(Exception):
    """A failure worth another try: refused connection, 429 (not quota) or 5xx."""

    def __init__(self, cause: openai.APIError) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause


class _BadOutput(Exception):
    """Output that a repair request may fix: invalid JSON, wrong schema or cut off."""

    def __init__(self, problem: str, content: str, cut_off: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.content = content
        self.cut_off = cut_off


def make_openai_client(settings: Settings) -> openai.OpenAI:
    """An ``openai.OpenAI`` client built from ``settings`` (no SDK retries: ours are bounded).

    Raises ``ConfigError`` when neither a key nor a base URL is set.
    """
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key and not settings.openai_base_url:
        raise ConfigError(
            ENV_NAMES["openai_api_key"],
            f"is needed for {ENV_NAMES['backend']}=llm unless {ENV_NAMES['openai_base_url']} "
            "points to a local OpenAI-compatible server",
        )
    return openai.OpenAI(
        api_key=key or LOCAL_PLACEHOLDER_KEY,
        base_url=settings.openai_base_url,
        timeout=settings.timeout_s,
        max_retries=0,
    )


class LLMClient:
    """Structured chat calls with bounded retries, typed errors and usage accounting."""

    def __init__(
        self,
        client: openai.OpenAI,
        settings: Settings,
        usage: LLMUsage | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Wrap ``client``; ``usage`` is the session's ledger (updated in place)."""
        self._client = client.with_options(max_retries=0, timeout=settings.timeout_s)
        self.settings = settings
        self.usage = usage if usage is not None else LLMUsage()
        self._sleep = sleep
        self._secret = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""

    @property
    def model(self) -> str:
        """The model every request names."""
        return self.settings.model

    def parse(self, messages: list[Message], output: type[T], max_completion_tokens: int) -> T:
        """Send ``messages`` and return the reply validated as ``output``.

        Raises a subclass of ``LLMError`` for every failure; never returns half a result.
        """
        try:
            return self._send_checked(messages, output, max_completion_tokens)
        except _BadOutput as first:
            log.info("LLM output unusable (%s); one repair try", first.problem)
            repair = [*messages, *_repair_messages(first)]
            try:
                return self._send_checked(repair, output, max_completion_tokens)
            except _BadOutput as second:
                raise self._bad_output_error(second) from None

    def _send_checked(self, messages: list[Message], output: type[T], cap: int) -> T:
        prompt_tokens = tokens.count_messages(messages, self.model)
        attempts = self.settings.max_retries + 1
        for attempt in range(1, attempts + 1):
            tokens.check_session_budget(self.usage, self.settings, prompt_tokens, cap)
            try:
                return self._send_once(messages, output, cap, prompt_tokens)
            except _Retryable as retryable:
                exc = retryable.cause
                if _is_quota(exc) or attempt == attempts:
                    raise self._api_error(exc, attempt) from None
                delay = _backoff(attempt, exc)
                log.warning("LLM call failed (%s); retry %d of %d in %.1f s",
                            type(exc).__name__, attempt, attempts - 1, delay)
                self._sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _send_once(self, messages: list[Message], output: type[T], cap: int, est: int) -> T:
        try:
            raw = self._client.chat.completions.with_raw_response.parse(
                model=self.model,
                messages=cast(list[ChatCompletionMessageParam], messages),
                response_format=output,
                temperature=0,
                max_completion_tokens=cap,
            )
        except openai.APIError as exc:
            if _reached_server(exc):
                tokens.record_call(self.usage, self.model, est, 0)  # it may have been billed
            if _is_retryable(exc):
                raise _Retryable(exc) from None
            raise self._api_error(exc, 1) from None
        body = _json_body(raw.http_response.text)
        self._record_usage(body, est)
        return self._validated(body, output)

    def _record_usage(self, body: dict[str, Any], estimate: int) -> None:
        """Record the server's token counts, or our prompt estimate when it sends none."""
        usage = body.get("usage")
        usage = usage if isinstance(usage, dict) else {}
        prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
        tokens.record_call(
            self.usage,
            self.model,
            prompt if isinstance(prompt, int) else estimate,
            completion if isinstance(completion, int) else 0,
        )

    def _validated(self, body: dict[str, Any], output: type[T]) -> T:
        choices = body.get("choices")
        choice = choices[0] if isinstance(choices, list) and choices else None
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(choice, dict) or not isinstance(message, dict):
            raise _BadOutput("the reply has no choices[0].message", "")
        if message.get("refusal"):
            raise LLMRefusalError(
                f"The model ({ENV_NAMES['model']}={self.model}) refused: "
                f"{self._scrub(str(message['refusal']))[:200]}"
            )
        if choice.get("finish_reason") == "content_filter":
            raise LLMRefusalError(
                f"The model ({ENV_NAMES['model']}={self.model}) stopped at a content filter."
            )
        content = message.get("content") or ""
        if choice.get("finish_reason") == "length":
            raise _BadOutput("the reply was cut off at the token limit", content, cut_off=True)
        return _parse_content(content, output)

    def _bad_output_error(self, bad: _BadOutput) -> LLMError:
        model = f"{ENV_NAMES['model']}={self.model}"
        if bad.cut_off:
            return LLMTruncatedError(
                f"The model's reply was cut off at its token limit, even after one repair try "
                f"({model}); use a model with a larger context or output limit."
            )
        return LLMInvalidOutputError(
            f"The model's reply did not match the feedback format even after one repair try "
            f"({self._scrub(bad.problem)[:200]}). Use a model that supports structured output "
            f"({model})."
        )

    def _api_error(self, exc: openai.APIError, tries: int) -> LLMError:
        where = self.settings.openai_base_url or "the OpenAI API"
        base, key = ENV_NAMES["openai_base_url"], ENV_NAMES["openai_api_key"]
        model = f"{ENV_NAMES['model']}={self.model}"
        after = f" after {tries} tr{'y' if tries == 1 else 'ies'}"
        if isinstance(exc, openai.APITimeoutError):
            return LLMTimeoutError(
                f"The language model at {where} did not answer within "
                f"{self.settings.timeout_s:g} s ({ENV_NAMES['timeout_s']}). Check that the "
                f"server is up, or raise the timeout."
            )
        if isinstance(exc, openai.APIConnectionError):
            return LLMConnectionError(
                f"Could not connect to the language model at {where}{after}. Check {base} "
                "and that the server is running."
            )
        status = getattr(exc, "status_code", 0)
        detail = self._scrub(_error_message(exc))[:200]
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return LLMAuthError(
                f"The language model at {where} rejected the API key (HTTP {status}). "
                f"Check {key}."
            )
        if isinstance(exc, openai.RateLimitError):
            if _is_quota(exc):
                return LLMQuotaError(
                    f"The account behind {key} has used up its quota (HTTP 429). Add credit "
                    f"or set {ENV_NAMES['backend']}=offline."
                )
            return LLMRateLimitError(
                f"The language model at {where} is rate limiting (HTTP 429){after}. Wait a "
                f"minute, or raise {ENV_NAMES['max_retries']}."
            )
        if status >= 500:
            return LLMServerError(
                f"The language model server at {where} failed (HTTP {status}){after}. Try again "
                f"later or check {base}."
            )
        return LLMRequestError(
            f"The language model at {where} rejected the request (HTTP {status}: {detail}). "
            f"Check {model} and {base}."
        )

    def _scrub(self, text: str) -> str:
        """``text`` with the API key and anything shaped like a key removed."""
        if self._secret:
            text = text.replace(self._secret, "[redacted]")
        return _KEY_LIKE.sub("[redacted]", text)


def _parse_content(content: str, output: type[T]) -> T:
    candidates = [content]
    fenced = _FENCE.match(content)
    if fenced:
        candidates.append(fenced.group(1))
    start, end = content.find("{"), content.rfind("}")
    if 0 <= start < end:
        candidates.append(content[start : end + 1])  # JSON with prose around it
    problem = "the reply is empty"
    for text in candidates:
        try:
            return output.model_validate_json(text)
        except ValidationError as exc:
            problem = _summarise(exc)
    raise _BadOutput(problem, content)


def _summarise(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "reply"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def _repair_messages(bad: _BadOutput) -> list[Message]:
    if bad.cut_off:
        ask = "Your reply was cut off. Reply again, shorter, with only the JSON object."
    else:
        ask = (
            f"Your reply was not valid for the required JSON schema ({bad.problem}). "
            "Reply again with only the corrected JSON object, nothing else."
        )
    return [{"role": "assistant", "content": bad.content[:4000]}, {"role": "user", "content": ask}]


def _json_body(text: str) -> dict[str, Any]:
    try:
        body = json.loads(text)
    except json.JSONDecodeError:
        raise _BadOutput("the server's response is not JSON", text[:2000]) from None
    if not isinstance(body, dict):
        raise _BadOutput("the server's response is not a JSON object", text[:2000])
    return body


def _error_message(exc: openai.APIError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return str(exc.message)


def _reached_server(exc: openai.APIError) -> bool:
    """Whether the request got to the server (a refused connection never did)."""
    if isinstance(exc, openai.APITimeoutError):
        return True
    return not isinstance(exc, openai.APIConnectionError)


def _is_retryable(exc: openai.APIError) -> bool:
    if isinstance(exc, openai.APITimeoutError):
        return False  # the user already waited the whole timeout once
    if isinstance(exc, openai.APIConnectionError | openai.RateLimitError):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def _is_quota(exc: Exception) -> bool:
    if not isinstance(exc, openai.RateLimitError):
        return False
    code = str(getattr(exc, "code", "") or "")
    return "quota" in code.lower() or "quota" in _error_message(exc).lower()


def _backoff(attempt: int, exc: Exception) -> float:
    """Exponential delay, stretched to the server's Retry-After seconds; both capped."""
    delay: float = min(BACKOFF_BASE_S * 2 ** (attempt - 1), BACKOFF_CAP_S)
    response = getattr(exc, "response", None)
    header = str(response.headers.get("retry-after", "")) if response is not None else ""
    if re.fullmatch(r"\d+(?:\.\d+)?", header.strip()):  # not the HTTP-date form
        delay = min(max(float(header), delay), BACKOFF_CAP_S)
    return delay
