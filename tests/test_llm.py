"""LLMClient against a scripted endpoint: the request sent, each fault mapped, retries, usage."""

from __future__ import annotations

import logging

import httpx2
import pytest
from llm_fakes import KEY, FakeEndpoint, completion, error, llm_settings, user_text
from pydantic import BaseModel, Field

from interview.errors import (
    ConfigError,
    LLMAuthError,
    LLMBudgetError,
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
from interview.llm import LOCAL_PLACEHOLDER_KEY, LLMClient, make_openai_client
from interview.models import LLMUsage

MESSAGES = [{"role": "system", "content": "Grade."}, {"role": "user", "content": "An answer."}]


class Verdict(BaseModel):
    score: int = Field(ge=1, le=5)
    notes: list[str] = Field(max_length=3)


GOOD = {"score": 4, "notes": ["clear"]}


def run(endpoint: FakeEndpoint, **settings: object) -> tuple[LLMClient, list[float]]:
    sleeps: list[float] = []
    llm = LLMClient(endpoint.client(), llm_settings(**settings), LLMUsage(), sleep=sleeps.append)
    return llm, sleeps


def test_request_asks_for_strict_schema_at_temperature_zero():
    endpoint = FakeEndpoint(completion(GOOD))
    llm, _ = run(endpoint, model="gpt-4o-mini")
    assert llm.parse(MESSAGES, Verdict, 300) == Verdict(score=4, notes=["clear"])
    body = endpoint.requests[0]
    assert body["model"] == "gpt-4o-mini"
    assert body["temperature"] == 0
    assert body["max_completion_tokens"] == 300
    assert body["messages"] == MESSAGES
    schema = body["response_format"]["json_schema"]
    assert body["response_format"]["type"] == "json_schema" and schema["strict"] is True
    props = schema["schema"]["properties"]
    assert props["score"]["minimum"] == 1 and props["score"]["maximum"] == 5
    assert props["notes"]["maxItems"] == 3


def test_reply_in_code_fences_or_with_prose_is_accepted_without_repair():
    fenced = completion('```json\n{"score": 3, "notes": []}\n```')
    prose = completion('Here is my grade: {"score": 2, "notes": []} Hope it helps!')
    endpoint = FakeEndpoint(fenced, prose)
    llm, _ = run(endpoint)
    assert llm.parse(MESSAGES, Verdict, 100).score == 3
    assert llm.parse(MESSAGES, Verdict, 100).score == 2
    assert len(endpoint.requests) == 2


def test_invalid_json_gets_one_repair_request_naming_the_problem():
    endpoint = FakeEndpoint(completion("{score: four"), completion(GOOD))
    llm, _ = run(endpoint)
    assert llm.parse(MESSAGES, Verdict, 100).score == 4
    repair = endpoint.requests[1]["messages"]
    assert repair[: len(MESSAGES)] == MESSAGES
    assert repair[-2] == {"role": "assistant", "content": "{score: four"}
    assert "not valid" in repair[-1]["content"]


@pytest.mark.parametrize("bad_score", [11, -3, "ten"])
def test_out_of_range_score_never_gets_through(bad_score):
    endpoint = FakeEndpoint(completion({"score": bad_score, "notes": []}))
    llm, _ = run(endpoint)
    with pytest.raises(LLMInvalidOutputError, match="INTERVIEW_MODEL"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 2  # the first try and exactly one repair


def test_schema_violation_mentions_the_field_in_the_repair_request():
    endpoint = FakeEndpoint(completion({"score": 4, "notes": ["a", "b", "c", "d"]}),
                            completion(GOOD))
    llm, _ = run(endpoint)
    llm.parse(MESSAGES, Verdict, 100)
    assert "notes" in user_text(endpoint.requests[1])


def test_cut_off_reply_is_retried_once_then_a_truncation_error():
    endpoint = FakeEndpoint(completion('{"score": 4, "no', finish_reason="length"))
    llm, _ = run(endpoint)
    with pytest.raises(LLMTruncatedError, match="cut off"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 2


def test_cut_off_reply_that_is_repaired_is_used():
    endpoint = FakeEndpoint(completion('{"score": 4', finish_reason="length"), completion(GOOD))
    llm, _ = run(endpoint)
    assert llm.parse(MESSAGES, Verdict, 100).score == 4


def test_refusal_is_a_refusal_error_without_a_repair_try():
    endpoint = FakeEndpoint(completion(None, refusal="I can't help with that."))
    llm, _ = run(endpoint)
    with pytest.raises(LLMRefusalError, match="refused"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 1


def test_wrong_key_names_the_setting_and_never_shows_the_key():
    endpoint = FakeEndpoint(error(401, f"Incorrect API key provided: {KEY}.", "invalid_api_key"))
    llm, sleeps = run(endpoint)
    with pytest.raises(LLMAuthError) as caught:
        llm.parse(MESSAGES, Verdict, 100)
    assert "OPENAI_API_KEY" in str(caught.value)
    assert KEY not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert len(endpoint.requests) == 1 and sleeps == []


def test_rate_limit_is_retried_with_growing_backoff_then_fails():
    endpoint = FakeEndpoint(error(429, "Rate limit reached", "rate_limit_exceeded"))
    llm, sleeps = run(endpoint, max_retries=2)
    with pytest.raises(LLMRateLimitError, match="INTERVIEW_LLM_MAX_RETRIES") as caught:
        llm.parse(MESSAGES, Verdict, 100)
    assert not isinstance(caught.value, LLMQuotaError)
    assert len(endpoint.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_rate_limit_then_success_returns_the_result():
    endpoint = FakeEndpoint(error(429, "slow down"), completion(GOOD))
    llm, sleeps = run(endpoint)
    assert llm.parse(MESSAGES, Verdict, 100).score == 4
    assert len(sleeps) == 1


def test_retry_after_header_stretches_the_wait_up_to_the_cap():
    endpoint = FakeEndpoint(error(429, "slow", headers={"retry-after": "3"}),
                            error(429, "slow", headers={"retry-after": "120"}), completion(GOOD))
    llm, sleeps = run(endpoint)
    llm.parse(MESSAGES, Verdict, 100)
    assert sleeps == [3.0, 8.0]


def test_exhausted_quota_fails_fast_without_retrying():
    endpoint = FakeEndpoint(error(429, "You exceeded your current quota", "insufficient_quota"))
    llm, sleeps = run(endpoint)
    with pytest.raises(LLMQuotaError, match="OPENAI_API_KEY"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 1 and sleeps == []


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried_then_a_server_error(status):
    endpoint = FakeEndpoint(error(status, "upstream failed"))
    llm, sleeps = run(endpoint, max_retries=1)
    with pytest.raises(LLMServerError, match=f"HTTP {status}"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 2 and sleeps == [0.5]


def test_sdk_retries_are_switched_off_so_only_ours_count():
    endpoint = FakeEndpoint(error(500))
    llm, _ = run(endpoint, max_retries=0)  # the fake's client asks the SDK for 5 retries
    with pytest.raises(LLMServerError):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 1


def test_timeout_names_the_setting_and_is_not_retried():
    endpoint = FakeEndpoint(httpx2.ReadTimeout("timed out"))
    llm, sleeps = run(endpoint, timeout_s=7)
    with pytest.raises(LLMTimeoutError, match=r"7 s \(INTERVIEW_LLM_TIMEOUT\)"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 1 and sleeps == []


def test_refused_connection_is_retried_then_names_the_base_url_setting():
    endpoint = FakeEndpoint(httpx2.ConnectError("connection refused"))
    llm, sleeps = run(endpoint, max_retries=2)
    with pytest.raises(LLMConnectionError, match="OPENAI_BASE_URL"):
        llm.parse(MESSAGES, Verdict, 100)
    assert len(endpoint.requests) == 3 and sleeps == [0.5, 1.0]
    assert llm.usage.calls == 0  # nothing reached a server, nothing can be billed


def test_unknown_model_names_the_model_setting():
    endpoint = FakeEndpoint(error(404, "The model `gpt-9` does not exist", "model_not_found"))
    llm, _ = run(endpoint, model="gpt-9")
    with pytest.raises(LLMRequestError, match="INTERVIEW_MODEL=gpt-9"):
        llm.parse(MESSAGES, Verdict, 100)


def test_server_reply_that_is_not_json_is_invalid_output():
    endpoint = FakeEndpoint(httpx2.Response(200, text="<html>proxy error</html>"))
    llm, _ = run(endpoint)
    with pytest.raises(LLMInvalidOutputError):
        llm.parse(MESSAGES, Verdict, 100)


def test_usage_counts_the_servers_tokens_and_estimates_cost():
    endpoint = FakeEndpoint(completion(GOOD, usage={"prompt_tokens": 1000,
                                                    "completion_tokens": 200}))
    llm, _ = run(endpoint, model="gpt-4o-mini")
    llm.parse(MESSAGES, Verdict, 300)
    assert (llm.usage.calls, llm.usage.prompt_tokens, llm.usage.completion_tokens) == (1, 1000, 200)
    assert llm.usage.estimated_cost_usd == pytest.approx((1000 * 0.15 + 200 * 0.60) / 1e6)
    assert llm.usage.cost_complete


def test_usage_falls_back_to_the_tiktoken_count_when_the_server_sends_none():
    endpoint = FakeEndpoint(completion(GOOD))
    llm, _ = run(endpoint, model="local-model")
    llm.parse(MESSAGES, Verdict, 300)
    assert llm.usage.prompt_tokens > 0 and llm.usage.calls == 1
    assert not llm.usage.cost_complete  # an unpriced model: cost unknown, never guessed


def test_failed_attempts_that_reached_the_server_count_as_calls():
    endpoint = FakeEndpoint(error(500), completion(GOOD))
    llm, _ = run(endpoint)
    llm.parse(MESSAGES, Verdict, 300)
    assert llm.usage.calls == 2


def test_call_cap_stops_before_anything_is_sent():
    endpoint = FakeEndpoint(completion(GOOD))
    llm, _ = run(endpoint, session_llm_call_limit=1)
    llm.usage.calls = 1
    with pytest.raises(LLMBudgetError, match="INTERVIEW_SESSION_LLM_CALLS"):
        llm.parse(MESSAGES, Verdict, 300)
    assert endpoint.requests == []


def test_token_budget_stops_before_anything_is_sent():
    endpoint = FakeEndpoint(completion(GOOD))
    llm, _ = run(endpoint, session_token_budget=1000)
    llm.usage.prompt_tokens = 900
    with pytest.raises(LLMBudgetError, match="INTERVIEW_SESSION_TOKEN_BUDGET"):
        llm.parse(MESSAGES, Verdict, 300)
    assert endpoint.requests == []


def test_the_key_appears_in_no_log_line_or_message(caplog):
    caplog.set_level(logging.DEBUG)
    replies = [error(401, f"Incorrect API key provided: {KEY}"), error(500, f"bad {KEY}"),
               error(400, f"key {KEY} sk-abcdefghijklmnop is odd"),
               httpx2.ConnectError("refused")]
    messages = []
    for reply in replies:
        llm, _ = run(FakeEndpoint(reply), max_retries=1)
        with pytest.raises(LLMError) as caught:
            llm.parse(MESSAGES, Verdict, 100)
        messages.append(str(caught.value))
    assert caplog.records  # the retries were logged
    assert KEY not in caplog.text and KEY not in " ".join(messages)
    assert "sk-abcdefghijklmnop" not in " ".join(messages)


def test_client_from_settings_has_no_sdk_retries_and_the_configured_timeout():
    client = make_openai_client(llm_settings(timeout_s=12))
    assert client.max_retries == 0 and client.timeout == 12


def test_local_server_without_a_key_gets_a_placeholder_key():
    settings = llm_settings(openai_api_key=None, openai_base_url="http://127.0.0.1:8080/v1")
    assert make_openai_client(settings).api_key == LOCAL_PLACEHOLDER_KEY


def test_llm_backend_without_key_or_url_is_a_config_error():
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        make_openai_client(llm_settings(openai_api_key=None, openai_base_url=None))


@pytest.mark.parametrize("body", [{"choices": []}, {"choices": "none"}, {"choices": [None]},
                                  {"choices": [{"message": "text"}]}, ["not", "an", "object"]])
def test_a_reply_without_a_message_is_invalid_output_not_a_crash(body):
    llm, _ = run(FakeEndpoint(httpx2.Response(200, json=body)))
    with pytest.raises(LLMInvalidOutputError):
        llm.parse(MESSAGES, Verdict, 100)
