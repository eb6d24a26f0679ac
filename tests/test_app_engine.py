"""AppTest: the sidebar's grading engine (offline, OpenAI, a compatible URL), its connection
test, the key never shown back, and the model's token use shown for the interview.

The "server" here is a tiny HTTP server on 127.0.0.1 that answers every chat completion with
JSON filled from the request's own schema, so grading runs through the real SDK end to end.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest
from apptest_support import isolate, launch, open_setup, send
from streamlit.testing.v1 import AppTest

from interview.export import to_json, to_markdown
from interview.export_pdf import to_pdf
from interview.models import Flag
from interview.session import InterviewSession, Phase

ANSWER = (
    "In my last project I standardised the features and fitted the scaler on the training "
    "set only to avoid leakage, then compared a logistic regression baseline with gradient "
    "boosting using cross-validation; recall on the minority class rose from 0.61 to 0.78."
)
SECRET = "sk-test-DO-NOT-SHOW-4f9a2c"
HOSTILE = "bad request ![pixel](http://127.0.0.1:1/leak.png) [click](javascript:alert(1))"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline grader from the environment, a temporary database, no .env, no follow-ups."""
    isolate(tmp_path, monkeypatch, INTERVIEW_FOLLOW_UPS="0", INTERVIEW_LLM_MAX_RETRIES="0")


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def filled(schema: dict[str, Any], defs: dict[str, Any]) -> Any:
    """A value that satisfies ``schema``: mid scores, short strings, empty lists."""
    if "$ref" in schema:
        return filled(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in schema:
        return filled(next(s for s in schema["anyOf"] if s.get("type") != "null"), defs)
    kind = schema.get("type")
    if kind == "object":
        return {name: filled(sub, defs) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return []
    if kind == "integer":
        return max(schema.get("minimum", 0), min(4, schema.get("maximum", 4)))
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    return "Clear and specific."


class FakeCompatible(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions with JSON matching the request's response schema."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        schema = body["response_format"]["json_schema"]["schema"]
        content = json.dumps(filled(schema, schema.get("$defs", {})))
        reply = json.dumps({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0,
            "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
        }).encode()
        send_json(self, 200, reply)

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def fake_server() -> Iterator[str]:
    """The base URL of a fake OpenAI-compatible server on 127.0.0.1."""
    yield from serve(FakeCompatible)


class MarkdownInError(BaseHTTPRequestHandler):
    """Answers every request with a 400 whose message carries a markdown image and link."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        reply = json.dumps({"error": {"message": HOSTILE, "type": "invalid_request_error",
                                      "code": None}}).encode()
        send_json(self, 400, reply)

    def log_message(self, format: str, *args: Any) -> None:
        return


def send_json(handler: BaseHTTPRequestHandler, status: int, reply: bytes) -> None:
    """Send ``reply`` as a JSON response with ``status``."""
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(reply)))
    handler.end_headers()
    handler.wfile.write(reply)


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Run ``handler`` on a free 127.0.0.1 port; yield its /v1 base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def shown(markdown: str) -> str:
    """What a reader sees of escaped markdown: the text without its backslash escapes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def choose(at: AppTest, choice: str, url: str | None = None, model: str | None = None,
           key: str | None = None) -> None:
    """Fill the engine fields and press "Use this engine"."""
    at.radio(key="engine_choice").set_value(choice).run()
    if url is not None:
        at.text_input(key="engine_base_url").set_value(url)
    if model is not None:
        at.text_input(key="engine_model").set_value(model)
    if key is not None:
        at.text_input(key="engine_api_key").set_value(key)
    at.button(key="engine_apply").click().run()
    assert not at.exception


def start(at: AppTest, n: int) -> InterviewSession:
    at.number_input(key="setup_n").set_value(n)
    at.button(key="start").click().run()
    assert not at.exception
    session: InterviewSession = at.session_state["interview"]
    return session


def answer(at: AppTest, text: str = ANSWER) -> None:
    send(at, text)


def page_text(at: AppTest) -> str:
    """Every value, label, body and placeholder drawn on the page, as one string."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for attr in ("value", "body", "label", "placeholder", "help"):
            try:
                parts.append(repr(getattr(node, attr)))
            except Exception:
                continue
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def test_a_malformed_url_names_the_setting_and_keeps_offline_grading() -> None:
    at = launch()
    choose(at, "compatible", url="localhost:8080 no scheme", model="my-model")
    errors = shown(" ".join(e.value for e in at.error))
    assert "OPENAI_BASE_URL" in errors and "http://" in errors
    assert "The engine was not changed." in errors
    assert at.session_state["settings"].backend == "offline"
    session = start(at, 1)
    answer(at)
    feedback = session.record.turns[0].feedback
    assert feedback is not None and feedback.grader == "offline"


@pytest.mark.parametrize("model", ["", "   "])
def test_an_empty_model_name_is_refused_with_the_setting_named(model: str) -> None:
    at = launch()
    choose(at, "compatible", url="http://127.0.0.1:8080/v1", model=model)
    assert any("INTERVIEW_MODEL" in shown(e.value) for e in at.error)
    assert at.session_state["settings"].backend == "offline"


def test_openai_without_a_key_is_refused_and_asks_for_one() -> None:
    at = launch()
    choose(at, "openai", model="gpt-4o-mini")
    assert any("OPENAI_API_KEY" in shown(e.value) for e in at.error)
    assert at.session_state["settings"].backend == "offline"


def test_the_engine_set_in_the_environment_is_preselected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("INTERVIEW_MODEL", "local-model")
    at = launch()
    assert at.radio(key="engine_choice").value == "compatible"
    assert at.text_input(key="engine_base_url").value == "http://127.0.0.1:9/v1"
    assert at.text_input(key="engine_model").value == "local-model"


def test_a_closed_port_fails_the_test_clearly_and_answers_are_still_graded_offline() -> None:
    at = launch()
    url = f"http://127.0.0.1:{closed_port()}/v1"
    choose(at, "compatible", url=url, model="local-model", key=SECRET)
    assert not at.error
    assert at.session_state["settings"].openai_base_url == url
    at.button(key="engine_test").click().run()
    failure = shown(" ".join(e.value for e in at.error))
    assert "Could not connect" in failure and url in failure and SECRET not in failure
    assert not at.success
    session = start(at, 2)
    for _ in range(2):
        answer(at)
    assert session.phase is Phase.FINISHED
    for turn in session.record.turns:
        assert turn.feedback is not None and Flag.LLM_FALLBACK in turn.feedback.flags
    # The fallback notice is on each card: a warning on the latest, a marked line on earlier.
    notices = [w.value for w in at.warning if "Graded offline" in w.value]
    notices += [m.value for m in at.markdown if ":material/warning: Graded offline" in m.value]
    assert len(notices) == 2


def test_the_typed_key_never_appears_on_the_page_or_in_the_downloads() -> None:
    at = launch()
    url = f"http://127.0.0.1:{closed_port()}/v1"
    choose(at, "compatible", url=url, model="local-model", key=SECRET)
    assert at.text_input(key="engine_api_key").value == ""
    assert "Set for this browser session" in page_text(at)
    at.button(key="engine_test").click().run()
    session = start(at, 1)
    answer(at)
    assert session.phase is Phase.FINISHED
    assert len(at.get("download_button")) == 3
    assert SECRET not in page_text(at)
    assert SECRET not in at.query_params.__repr__()
    record = session.record
    assert SECRET not in to_markdown(record) and SECRET not in to_json(record)
    assert SECRET.encode() not in to_pdf(record)
    assert at.session_state["settings"].openai_api_key.get_secret_value() == SECRET


def test_an_environment_key_is_never_sent_to_a_url_typed_in_the_sidebar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    at = launch()
    assert at.radio(key="engine_choice").value == "openai"
    assert "Set from the environment" in page_text(at)
    assert SECRET not in page_text(at)
    choose(at, "compatible", url="http://127.0.0.1:9/v1", model="local-model")
    assert at.session_state["settings"].openai_api_key is None


def test_a_compatible_server_grades_through_the_model_and_usage_is_shown(
    fake_server: str,
) -> None:
    at = launch()
    choose(at, "compatible", url=fake_server, model="fake-model")
    at.button(key="engine_test").click().run()
    assert any("Connected: fake-model" in s.value for s in at.success)
    session = start(at, 2)
    answer(at)
    feedback = session.record.turns[0].feedback
    assert feedback is not None and feedback.grader == "llm:fake-model"
    assert Flag.LLM_FALLBACK not in feedback.flags
    usage = [c.value for c in at.caption if "model use" in c.value]
    assert len(usage) == 1 and "366 of" in usage[0] and "1 of" in usage[0]
    answer(at)
    usage = [c.value for c in at.caption if "model use" in c.value]
    assert "732 of" in usage[0] and "2 of" in usage[0]


def test_an_interview_in_progress_keeps_its_engine_when_the_sidebar_changes(
    fake_server: str,
) -> None:
    at = launch()
    session = start(at, 2)
    open_setup(at)  # folded away during the interview
    choose(at, "compatible", url=fake_server, model="fake-model")
    answer(at)
    feedback = session.record.turns[0].feedback
    assert feedback is not None and feedback.grader == "offline"
    assert any("started afterwards" in c.value for c in at.caption)


def test_markup_in_a_server_error_is_shown_as_text_and_fetches_nothing() -> None:
    at = launch()
    for url in serve(MarkdownInError):
        choose(at, "compatible", url=url, model="local-model")
        at.button(key="engine_test").click().run()
    message = " ".join(e.value for e in at.error)
    assert "pixel" in message  # the server's words are shown...
    assert "![pixel](" not in message and "[click](" not in message  # ...but never as markup
