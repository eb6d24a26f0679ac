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


def card_scores(at: AppTest) -> list[str]:
    """The score on every feedback card on the page: a bold 'Score: n / 5' line."""
    return [m.group(1) for md in at.markdown for m in re.finditer(r"\*\*Score: ([0-5] / 5)\*\*",
                                                               md.value)]


def small_lines(at: AppTest) -> str:
    """The small grey text on the page: captions, and the lines drawn as small text in a
    markdown (question numbers, notes under an answer), one per line."""
    found = [c.value for c in at.caption]
    found += [m.group(1) for md in at.markdown for m in re.finditer(r":small\[:gray\[(.*?)\]\]",
                                                                   md.value)]
    return "\n".join(found)


def open_setup(at: AppTest) -> None:
    """During an interview the set-up is folded away: unfold it, as a candidate would."""
    if any(b.key == "setup_show" for b in at.button):
        at.button(key="setup_show").click().run()
        assert not at.exception


def send(at: AppTest, text: str) -> None:
    """Type ``text`` in the chat box and send it."""
    at.chat_input(key="answer_box").set_value(text).run()
    assert not at.exception
