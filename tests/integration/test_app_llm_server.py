"""The real app (AppTest) against a real llama-server on 127.0.0.1, chosen in the sidebar.

SmolLM2-135M cannot grade well, so this asserts structure: the connection test succeeds,
the answer is graded by ``llm:<model>`` without falling back, and the sidebar shows the
interview's tokens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from llama_server import Server
from streamlit.testing.v1 import AppTest  # noqa: TID251 - AppTest drives app.py

from interview.models import Flag
from interview.session import InterviewSession

pytestmark = pytest.mark.llm_server

APP = Path(__file__).resolve().parents[2] / "app.py"
MODEL = "smollm2-135m"
ANSWER = ("Overfitting is when a model memorises noise in the training data and does badly on "
          "new data. I detect it with a validation set or cross-validation, and prevent it with "
          "regularisation such as L2, early stopping, or more training data.")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline by default from the environment; the sidebar chooses the server."""
    for name in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEW_GRADER", "INTERVIEW_MODEL"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INTERVIEW_DB_PATH", str(tmp_path / "sessions.sqlite3"))
    monkeypatch.setenv("INTERVIEW_FOLLOW_UPS", "0")
    monkeypatch.setenv("INTERVIEW_LLM_TIMEOUT", "240")
    monkeypatch.setenv("INTERVIEW_LLM_MAX_RETRIES", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)


def test_a_server_chosen_in_the_sidebar_grades_the_answer_and_shows_tokens(
    llama_server: Server,
) -> None:
    at = AppTest.from_file(str(APP), default_timeout=600).run()
    at.radio(key="engine_choice").set_value("compatible").run()
    at.text_input(key="engine_base_url").set_value(llama_server.base_url)
    at.text_input(key="engine_model").set_value(MODEL)
    at.button(key="engine_apply").click().run()
    assert not at.error and not at.exception
    at.button(key="engine_test").click().run()
    assert any(f"Connected: {MODEL}" in s.value for s in at.success), [e.value for e in at.error]

    at.number_input(key="setup_n").set_value(1)
    at.button(key="start").click().run()
    session: InterviewSession = at.session_state["interview"]
    at.chat_input(key="answer_box").set_value(ANSWER).run()
    assert not at.exception
    feedback = session.record.turns[0].feedback
    assert feedback is not None, [e.value for e in at.error]
    assert Flag.LLM_FALLBACK not in feedback.flags, feedback.notices
    assert feedback.grader == f"llm:{MODEL}" and 1 <= feedback.score <= 5
    usage = [c.value for c in at.caption if "model use" in c.value]
    assert len(usage) == 1 and not usage[0].startswith("This interview's model use: 0 of")
    assert session.record.llm_usage.total_tokens > 0
