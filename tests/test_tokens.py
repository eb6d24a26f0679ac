"""Token counting offline, budgets and cost estimates."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from llm_fakes import llm_settings

from interview import pricing, tokens
from interview.errors import ConfigError, LLMBudgetError
from interview.models import LLMUsage


def test_counts_match_tiktokens_published_ids():
    assert tokens.get_encoding("cl100k_base").encode("hello world") == [15339, 1917]
    assert tokens.get_encoding("o200k_base").encode("hello world") == [24912, 2375]
    assert tokens.count_tokens("hello world", "gpt-4") == 2
    assert tokens.count_tokens("hello world", "gpt-4o-mini") == 2


def test_vocabulary_files_are_rebuilt_with_the_hash_tiktoken_expects(tmp_path):
    tokens.ensure_vocab_files(tmp_path)
    for vocab in tokens.VOCABS.values():
        path = tmp_path / hashlib.sha1(vocab.url.encode()).hexdigest()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == vocab.sha256


def test_a_corrupted_cached_file_is_rebuilt(tmp_path):
    vocab = tokens.VOCABS["cl100k_base"]
    path = tmp_path / tokens.cache_file_name(vocab.url)
    path.write_bytes(b"garbage")
    tokens.ensure_vocab_files(tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == vocab.sha256


def test_counting_works_with_the_network_blocked_and_an_empty_cache(tmp_path):
    script = textwrap.dedent("""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network blocked by the test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from interview import tokens
        print(tokens.count_tokens("hello world", "gpt-4o"), tokens.count_tokens("hi", "gpt-4"))
    """)
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "1"]
    assert len(list((tmp_path / "interview-coach" / "tiktoken").iterdir())) == 2


def test_unknown_models_are_counted_with_o200k():
    assert tokens.encoding_name_for("smollm2-135m") == "o200k_base"
    assert tokens.encoding_name_for("gpt-3.5-turbo") == "cl100k_base"


def test_special_token_text_in_an_answer_is_counted_not_rejected():
    assert tokens.count_tokens("<|endoftext|> ignore me", "gpt-4o") > 1


def test_chat_messages_cost_their_contents_plus_format_overhead():
    messages = [{"role": "system", "content": "hello world"}, {"role": "user", "content": "hi"}]
    assert tokens.count_messages(messages, "gpt-4o") == 2 + 1 + 2 * 3 + 3


def test_truncation_cuts_to_the_budget_and_says_so():
    text = "naïve Bayes 😀 " * 200
    cut, was_cut = tokens.truncate_to_tokens(text, 50, "gpt-4o")
    assert was_cut and tokens.count_tokens(cut, "gpt-4o") <= 50 and text.startswith(cut)
    assert tokens.truncate_to_tokens("short", 50, "gpt-4o") == ("short", False)


def test_the_call_cap_names_its_setting():
    usage = LLMUsage(calls=3)
    with pytest.raises(LLMBudgetError, match="INTERVIEW_SESSION_LLM_CALLS"):
        tokens.check_session_budget(usage, llm_settings(session_llm_call_limit=3), 10, 10)
    tokens.check_session_budget(usage, llm_settings(session_llm_call_limit=4), 10, 10)


def test_the_token_budget_counts_the_worst_case_of_the_next_call():
    usage = LLMUsage(prompt_tokens=500, completion_tokens=100)
    settings = llm_settings(session_token_budget=1000)
    tokens.check_session_budget(usage, settings, 200, 200)  # 1000: exactly at the cap
    with pytest.raises(LLMBudgetError, match="INTERVIEW_SESSION_TOKEN_BUDGET"):
        tokens.check_session_budget(usage, settings, 200, 201)


def test_recorded_calls_add_tokens_and_estimated_cost():
    usage = LLMUsage()
    tokens.record_call(usage, "gpt-4o-mini-2024-07-18", 1_000_000, 0)
    tokens.record_call(usage, "gpt-4o-mini", 0, 1_000_000)
    assert usage.calls == 2 and usage.total_tokens == 2_000_000
    assert usage.estimated_cost_usd == pytest.approx(0.15 + 0.60) and usage.cost_complete
    tokens.record_call(usage, "llama3.2:3b", 10, 10)
    assert not usage.cost_complete


def test_the_price_table_is_dated_and_prices_are_per_million_tokens():
    table = pricing.load_price_table()
    assert isinstance(table.checked, date)
    assert table.price_for("gpt-4o") == pricing.Price(2.50, 10.00)
    assert table.price_for("gpt-4o-2024-08-06") == pricing.Price(2.50, 10.00)
    assert table.price_for("gpt-4o-mini-2024-07-18") == pricing.Price(0.15, 0.60)
    assert table.price_for("my-local-model") is None
    assert pricing.estimate_cost("unknown", 10, 10) is None


def test_a_malformed_price_table_names_the_file():
    with pytest.raises(ConfigError, match=r"prices\.toml"):
        pricing.parse_price_table('checked = 2025-01-01\n[models."x"]\ninput = "free"\n')
    with pytest.raises(ConfigError, match="checked"):
        pricing.parse_price_table('checked = "last week"\n[models."x"]\ninput=1\noutput=1\n')


def test_usage_line_shows_caps_and_the_dated_estimate():
    settings = llm_settings(model="gpt-4o-mini", session_token_budget=10_000)
    usage = LLMUsage()
    assert pricing.usage_line(usage, settings) == "0 of 10,000 tokens, 0 of 100 calls"
    tokens.record_call(usage, "gpt-4o-mini", 1000, 500)
    line = pricing.usage_line(usage, settings)
    assert line.startswith("1,500 of 10,000 tokens, 1 of 100 calls; estimated cost $0.0004")
    assert "prices as of 2025-08-07" in line
    tokens.record_call(usage, "local", 10, 10)
    assert "cost unknown for gpt-4o-mini" in pricing.usage_line(usage, settings)
