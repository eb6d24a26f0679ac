"""What every AppTest file shares: the app's path, an isolated environment, launch, answer."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"
ENGINE_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEW_GRADER", "INTERVIEW_MODEL")


def isolate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    db: Path | None = None,
    unset: tuple[str, ...] = (),
    **env: str,
) -> Path:
    """Offline grading from the environment, a temporary database, HOME and working directory
    (so no .env and no writes to the real home); ``env`` sets more variables. Returns the db."""
    for name in (*ENGINE_VARIABLES, *unset):
        monkeypatch.delenv(name, raising=False)
    db = db or tmp_path / "sessions.sqlite3"
    monkeypatch.setenv("INTERVIEW_DB_PATH", str(db))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return db


def launch(**params: str) -> AppTest:
    """Run app.py once, with ``params`` in the URL's query string."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params)
    at.run()
    assert not at.exception
    return at


def earlier_scores(at: AppTest) -> list[str]:
    """The scores on earlier turns, each drawn as one markdown text with a bold score line."""
    return [m.group(1) for md in at.markdown for m in re.finditer(r"\*\*Score: ([0-5] / 5)\*\*",
                                                               md.value)]


def open_setup(at: AppTest) -> None:
    """During an interview the set-up is folded away: unfold it, as a candidate would."""
    if any(b.key == "setup_show" for b in at.button):
        at.button(key="setup_show").click().run()
        assert not at.exception


def send(at: AppTest, text: str) -> None:
    """Type ``text`` in the chat box and send it."""
    at.chat_input(key="answer_box").set_value(text).run()
    assert not at.exception
