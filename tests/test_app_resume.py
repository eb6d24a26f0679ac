"""AppTest: interviews saved as they happen and brought back from the URL (F6, F8, S2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from apptest_support import card_scores, isolate, launch, open_setup, send, small_lines
from streamlit.testing.v1 import AppTest

from interview.session import InterviewSession
from interview.store import SessionStore

ANSWER = (
    "I standardised the features and fitted the scaler on the training set only to avoid "
    "leakage, then compared a logistic regression baseline with gradient boosting."
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # These tests count planned questions, so no follow-ups.
    return isolate(
        tmp_path, monkeypatch, db=tmp_path / "data" / "sessions.sqlite3", INTERVIEW_FOLLOW_UPS="0"
    )


def start(at: AppTest, n: int) -> InterviewSession:
    open_setup(at)
    at.number_input(key="setup_n").set_value(n)
    at.button(key="start").click().run()
    assert not at.exception and not at.error
    session: InterviewSession = at.session_state["interview"]
    return session


def answer(at: AppTest, text: str) -> None:
    send(at, text)


def shown_answers(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "(answer " in m.value]


def test_the_url_names_the_interview_and_an_unguessable_owner() -> None:
    at = launch()
    session = start(at, 2)
    assert at.query_params["session"] == session.record.id
    assert len(session.record.id) >= 22 and len(at.query_params["owner"]) >= 32


def test_a_refresh_brings_back_every_answer_and_feedback_and_goes_on(isolated_env: Path) -> None:
    at = launch()
    session = start(at, 3)
    answer(at, ANSWER + " (answer 1)")
    answer(at, ANSWER + " (answer 2)")
    params = dict(at.query_params)

    again = launch(**params)  # a new browser session with the same URL: a refresh
    resumed: InterviewSession = again.session_state["interview"]
    assert resumed.record == session.record
    assert len(shown_answers(again)) == 2
    assert len(card_scores(again)) == 2
    assert "Question 3 of 3" in small_lines(again)
    answer(again, ANSWER + " (answer 3)")
    assert len(shown_answers(again)) == 3
    stored = SessionStore(isolated_env).load(session.record.id)
    assert stored is not None and stored == resumed.record
    answered = [t for t in stored.turns if t.answer is not None]
    assert [t.answer for t in answered] == [ANSWER + f" (answer {i})" for i in (1, 2, 3)]
    assert all(t.feedback is not None for t in answered)


def test_a_second_tab_shows_what_the_first_answered_at_its_next_rerun() -> None:
    first = launch()
    start(first, 3)
    second = launch(**dict(first.query_params))  # the same link open in another tab
    assert shown_answers(second) == []
    answer(first, ANSWER + " (answer 1)")
    second.run()
    assert len(shown_answers(second)) == 1 and len(card_scores(second)) == 1
    answer(second, ANSWER + " (answer 2)")
    first.run()
    assert len(shown_answers(first)) == 2


def test_an_unknown_or_garbled_link_says_so_and_starts_fresh() -> None:
    for bad in ["A" * 22, "not a session id!", "../../etc/passwd"]:
        at = launch(session=bad)
        assert any("No saved interview matches" in i.value for i in at.info)
        assert "interview" not in at.session_state
        assert "session" not in at.query_params
        start(at, 1)


def test_an_unwritable_database_warns_once_and_the_interview_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("INTERVIEW_DB_PATH", str(blocker / "sessions.sqlite3"))
    at = launch()
    session = start(at, 2)
    first = [w.value for w in at.warning if "INTERVIEW_DB_PATH" in w.value]
    answer(at, ANSWER + " (answer 1)")
    answer(at, ANSWER + " (answer 2)")
    assert len(first) == 1
    assert not [w.value for w in at.warning if "INTERVIEW_DB_PATH" in w.value]
    assert len(shown_answers(at)) == 2 and session.record.turns[1].feedback is not None
    assert not at.error


def test_a_locked_database_warns_once_and_keeps_the_answers_in_memory(
    isolated_env: Path,
) -> None:
    at = launch()
    session = start(at, 3)
    SessionStore(isolated_env)  # exists already; lock it like another program would
    blocker = sqlite3.connect(isolated_env, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        answer(at, ANSWER + " (answer 1)")
        warnings = [w.value for w in at.warning if "locked" in w.value]
        answer(at, ANSWER + " (answer 2)")
        later = [w.value for w in at.warning if "locked" in w.value]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert len(warnings) == 1 and later == []
    assert len(shown_answers(at)) == 2 and session.record.turns[1].feedback is not None


# --- the history page --------------------------------------------------------------------


def history(at: AppTest) -> AppTest:
    at.switch_page("app_pages/history.py").run()
    assert not at.exception
    return at


def test_history_lists_this_browsers_sessions_with_progress_and_weakest() -> None:
    at = launch()
    first = start(at, 2)
    answer(at, ANSWER + " (answer 1)")
    second = start(at, 2)
    answer(at, ANSWER + " (answer 2)")
    history(at)
    table = at.dataframe[0].value
    assert len(table) == 2 and set(table["Role"]) == {first.record.role.label}
    assert any(s.value == "Score per category over time" for s in at.subheader)
    assert any(s.value == "Your three weakest categories" for s in at.subheader)
    assert len(at.get("vega_lite_chart")) == 1
    options = at.selectbox(key="history_choice").options
    assert len(options) == 2 and all("ML engineer" in o for o in options)
    assert len(at.get("download_button")) == 3
    assert second.record.id != first.record.id


def test_history_never_shows_another_browsers_sessions() -> None:
    theirs = launch()
    start(theirs, 1)
    answer(theirs, ANSWER + " (answer 1)")
    mine = history(launch())
    assert not mine.dataframe
    assert any("No saved interviews from this browser yet" in i.value for i in mine.info)


def test_deleting_a_session_removes_it_from_history_and_the_store(isolated_env: Path) -> None:
    at = launch()
    session = start(at, 1)
    answer(at, ANSWER + " (answer 1)")
    history(at)
    at.checkbox(key="history_confirm_delete").check().run()
    at.button(key="history_delete").click().run()
    assert not at.exception
    assert SessionStore(isolated_env).load(session.record.id) is None
    assert any("No saved interviews from this browser yet" in i.value for i in at.info)
