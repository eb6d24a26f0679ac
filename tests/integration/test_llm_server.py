"""End to end against real servers on 127.0.0.1: llama-server with SmolLM2, and real faults.

SmolLM2-135M cannot grade (its scores are noise), so these tests assert structure only: a
valid ``Feedback`` from the LLM path, scores 1-5, the grader's name. The faults are real: a
server process killed mid-call, a socket that accepts and never answers, and an HTTP server
that returns junk.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from llama_server import Server, free_port

from interview import connection
from interview.config import Settings
from interview.grading import OfflineGrader, make_grader, rubric
from interview.models import (
    Category,
    Feedback,
    Flag,
    KeyPoint,
    LLMUsage,
    Mode,
    Question,
    RoleFocus,
)
from interview.questions import load_bank
from interview.session import InterviewSession

pytestmark = pytest.mark.llm_server

QUESTION = Question(
    id="overfitting",
    category=Category.ALGORITHMS_AND_MODELS,
    roles=[RoleFocus.ML_ENGINEER],
    text="What is overfitting and how do you prevent it?",
    key_points=[
        KeyPoint(name="definition", phrasings=["memorises noise", "fits the noise"]),
        KeyPoint(name="validation", phrasings=["validation set", "cross-validation"]),
        KeyPoint(name="regularisation", phrasings=["regularization", "regularisation"]),
    ],
    reference_answer="Overfitting is when a model fits noise in the training data and fails "
    "to generalise; detect it with a validation set and prevent it with regularisation.",
)
ANSWER = ("Overfitting is when a model memorises noise in the training data and does badly on "
          "new data. I detect it with a validation set or cross-validation, and prevent it with "
          "regularisation such as L2, early stopping, or more training data.")


def settings_for(base_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"backend": "llm", "openai_base_url": base_url,
                              "model": "smollm2-135m", "timeout_s": 240, "max_retries": 1}
    values.update(overrides)
    return Settings.model_validate(values)


def assert_llm_feedback(feedback: Feedback) -> None:
    assert Flag.LLM_FALLBACK not in feedback.flags, feedback.notices
    assert feedback.grader == "llm:smollm2-135m"
    assert all(1 <= c.score <= 5 for c in feedback.criteria)
    assert 1 <= feedback.score <= 5


def test_feedback_is_parsed_end_to_end_through_the_llm_grader(llama_server: Server):
    usage = LLMUsage()
    grader = make_grader(settings_for(llama_server.base_url), usage=usage)
    feedback = grader.grade(QUESTION, ANSWER)
    assert_llm_feedback(feedback)
    assert [c.name for c in feedback.criteria] == list(rubric.TECHNICAL_WEIGHTS)
    assert usage.calls >= 1 and usage.prompt_tokens > 0 and usage.completion_tokens > 0


def test_a_session_grades_through_the_server_and_counts_usage_in_the_record(
        llama_server: Server):
    settings = settings_for(llama_server.base_url, follow_ups_per_question=0)
    session = InterviewSession.start(
        bank=load_bank(), settings=settings, role=RoleFocus.ML_ENGINEER, mode=Mode.TECHNICAL,
        num_questions=1, seed=1,
        grader=lambda record: make_grader(settings, usage=record.llm_usage, role=record.role),
    )
    turn = session.answer(ANSWER)
    assert turn.feedback is not None
    assert_llm_feedback(turn.feedback)
    assert session.record.llm_usage.calls >= 1


def test_connection_test_says_ok_with_the_model_name(llama_server: Server):
    result = connection.test_connection(settings_for(llama_server.base_url))
    assert result.ok, result.message
    assert "smollm2-135m" in result.message


def test_server_killed_mid_call_falls_back_to_the_offline_grade(own_llama_server: Server):
    grader = make_grader(settings_for(own_llama_server.base_url))
    killer = threading.Timer(0.8, own_llama_server.process.kill)
    killer.start()
    try:
        feedback = grader.grade(QUESTION, ANSWER)
    finally:
        killer.cancel()
    assert own_llama_server.process.wait(timeout=10) != 0  # it really died mid-call
    assert Flag.LLM_FALLBACK in feedback.flags and feedback.grader == "offline"
    assert feedback.score == OfflineGrader().grade(QUESTION, ANSWER).score
    assert any("OPENAI_BASE_URL" in n for n in feedback.notices)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    listener.close()


def test_server_that_never_answers_times_out_then_falls_back(silent_server: int):
    settings = settings_for(f"http://127.0.0.1:{silent_server}/v1", timeout_s=2)
    started = time.monotonic()
    feedback = make_grader(settings).grade(QUESTION, ANSWER)
    elapsed = time.monotonic() - started
    assert Flag.LLM_FALLBACK in feedback.flags
    assert any("INTERVIEW_LLM_TIMEOUT" in n for n in feedback.notices)
    assert 1.5 <= elapsed < 15  # the configured 2 s, not the SDK's 600 s, and no retry


class JunkServer(ThreadingHTTPServer):
    """An OpenAI-shaped HTTP server whose replies come from a list; it counts requests."""

    def __init__(self, contents: list[str]) -> None:
        super().__init__(("127.0.0.1", free_port()), _JunkHandler)
        self.contents = contents
        self.requests = 0


class _JunkHandler(BaseHTTPRequestHandler):
    server: JunkServer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        index = min(self.server.requests, len(self.server.contents) - 1)
        self.server.requests += 1
        body = json.dumps({
            "id": "junk", "object": "chat.completion", "created": 0, "model": "junk",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant",
                                     "content": self.server.contents[index]}}],
        }).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def junk_server(request: pytest.FixtureRequest) -> Iterator[JunkServer]:
    server = JunkServer(request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("junk_server", [['{"relevance": {"score": "ten"', "Sure! Score: 5"]],
                         indirect=True)
def test_malformed_output_gets_one_repair_try_then_falls_back(junk_server: JunkServer):
    base = f"http://127.0.0.1:{junk_server.server_address[1]}/v1"
    feedback = make_grader(settings_for(base)).grade(QUESTION, ANSWER)
    assert junk_server.requests == 2
    assert Flag.LLM_FALLBACK in feedback.flags and feedback.grader == "offline"
    assert any("repair" in n for n in feedback.notices)


def _valid_reply() -> str:
    criterion = {"score": 3, "evidence": "", "comment": "ok"}
    reply: dict[str, Any] = {
        "relevance": criterion, "key_points": criterion, "correctness": criterion,
        "depth_and_specificity": criterion, "clarity_and_structure": criterion,
        "key_points_covered": [], "strengths": [], "improvements": [], "follow_up": "Why?",
    }
    return json.dumps(reply)


@pytest.mark.parametrize("junk_server", [["not json", _valid_reply()]], indirect=True)
def test_malformed_output_repaired_on_the_second_try_is_used(junk_server: JunkServer):
    base = f"http://127.0.0.1:{junk_server.server_address[1]}/v1"
    feedback = make_grader(settings_for(base)).grade(QUESTION, ANSWER)
    assert junk_server.requests == 2
    assert Flag.LLM_FALLBACK not in feedback.flags and feedback.score == 3
