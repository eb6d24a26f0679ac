"""AppTest: the sidebar folds the set-up into a short status during an interview, and the
candidate's set-up choices (job description and engine fields included) survive folding."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_support import isolate, launch, open_setup, send
from streamlit.testing.v1 import AppTest

from interview.models import Mode, RoleFocus, Style
from interview.session import InterviewSession, Phase

ANSWER = (
    "I standardised the features and fitted the scaler on the training set only to avoid "
    "leakage, then compared a logistic regression baseline with gradient boosting."
)
JOB = "Senior Data Engineer at Northwind Logistics\nPySpark pipelines orchestrated with Airflow."
SET_UP = ("setup_role", "setup_mode", "setup_n", "jd_text", "engine_choice")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch, INTERVIEW_FOLLOW_UPS="0")


def drawn_keys(at: AppTest) -> set[str]:
    """The keys of every widget on the page, sidebar included."""
    found: set[str] = set()
    stack = [at._tree]
    while stack:
        node = stack.pop()
        key = getattr(node, "key", None)
        if key:
            found.add(str(key))
        stack.extend(getattr(node, "children", {}).values())
    return found


def status(at: AppTest) -> str:
    return " ".join(m.value for m in at.sidebar.markdown)


def start(at: AppTest, n: int = 3) -> InterviewSession:
    at.number_input(key="setup_n").set_value(n)
    at.button(key="start").click().run()
    assert not at.exception and not at.error
    session: InterviewSession = at.session_state["interview"]
    return session


def test_during_an_interview_the_sidebar_shows_a_status_instead_of_the_set_up() -> None:
    at = launch()
    assert set(SET_UP) <= drawn_keys(at)  # before: the whole set-up
    start(at, 3)
    assert not set(SET_UP) & drawn_keys(at)
    shown = status(at)
    assert "Interview in progress" in shown and "Questions: 1 of 3" in shown
    assert RoleFocus.ML_ENGINEER.label in shown and "Technical" in shown
    assert "offline grader" in shown
    assert [b.label for b in at.sidebar.button] == ["End interview now",
                                                    "Change set-up or restart"]
    send(at, ANSWER)
    assert "Questions: 2 of 3" in status(at)


def test_the_set_up_unfolds_on_request_and_folds_again() -> None:
    at = launch()
    start(at, 3)
    open_setup(at)
    assert set(SET_UP) <= drawn_keys(at)
    assert at.button(key="start").label == "Restart with these settings"
    at.button(key="setup_hide").click().run()
    assert not set(SET_UP) & drawn_keys(at)
    assert "Interview in progress" in status(at)


def test_set_up_choices_survive_being_folded_away_during_an_interview() -> None:
    at = launch()
    at.selectbox(key="setup_role").set_value(RoleFocus.DATA_ENGINEER)
    at.radio(key="setup_mode").set_value(Mode.BEHAVIOURAL)
    at.number_input(key="setup_follow_ups").set_value(2)
    at.text_area(key="jd_text").set_value(JOB)
    at.radio(key="engine_choice").set_value("compatible").run()
    at.text_input(key="engine_base_url").set_value("http://127.0.0.1:9/v1")
    at.text_input(key="engine_model").set_value("local-model").run()
    start(at, 4)
    send(at, ANSWER)  # a few runs with the set-up folded away
    send(at, ANSWER)
    open_setup(at)
    assert at.selectbox(key="setup_role").value is RoleFocus.DATA_ENGINEER
    assert at.radio(key="setup_mode").value is Mode.BEHAVIOURAL
    assert at.number_input(key="setup_n").value == 4
    assert at.number_input(key="setup_follow_ups").value == 2
    assert at.text_area(key="jd_text").value == JOB
    assert at.radio(key="engine_choice").value == "compatible"
    assert at.text_input(key="engine_base_url").value == "http://127.0.0.1:9/v1"
    assert at.text_input(key="engine_model").value == "local-model"
    assert at.text_input(key="engine_api_key").value == ""  # a typed key is never kept


def test_restart_from_the_unfolded_set_up_uses_the_changed_choices() -> None:
    at = launch()
    first = start(at, 3)
    send(at, ANSWER)
    open_setup(at)
    at.selectbox(key="setup_role").set_value(RoleFocus.DATA_ANALYST)
    at.radio(key="setup_style").set_value(Style.MOCK).run()
    at.button(key="start").click().run()
    second: InterviewSession = at.session_state["interview"]
    assert second is not first and second.record.role is RoleFocus.DATA_ANALYST
    assert second.record.style is Style.MOCK and second.record.num_questions == 3
    assert "Interview in progress" in status(at)  # folded again for the new interview
    assert RoleFocus.DATA_ANALYST.label in status(at)


def test_an_uploaded_job_description_stays_in_use_until_it_is_removed() -> None:
    at = launch()
    at.file_uploader(key="jd_file").set_value(("jd.txt", JOB.encode(), "text/plain")).run()
    at.button(key="jd_read").click().run()
    first = start(at, 2)
    assert first.record.job is not None and first.record.job.company == "Northwind Logistics"
    open_setup(at)  # Streamlit has forgotten the file in the uploader by now
    assert any("In use: jd.txt, uploaded earlier" in c.value for c in at.sidebar.caption)
    at.button(key="start").click().run()
    second: InterviewSession = at.session_state["interview"]
    assert second.record.job is not None and second.record.job.company == "Northwind Logistics"
    open_setup(at)
    at.button(key="jd_forget").click().run()
    at.button(key="start").click().run()
    third: InterviewSession = at.session_state["interview"]
    assert third.record.job is None


def test_a_removed_upload_no_longer_steers_the_interview() -> None:
    at = launch()
    at.file_uploader(key="jd_file").set_value(("jd.txt", JOB.encode(), "text/plain")).run()
    at.button(key="jd_read").click().run()
    at.file_uploader(key="jd_file").set_value(None).run()
    assert not any("uploaded earlier" in c.value for c in at.sidebar.caption)
    assert start(at, 2).record.job is None


def test_after_the_interview_the_whole_set_up_is_shown_again_as_it_was() -> None:
    at = launch()
    at.selectbox(key="setup_role").set_value(RoleFocus.DATA_ANALYST)
    at.radio(key="engine_choice").set_value("compatible").run()
    at.text_input(key="engine_base_url").set_value("http://127.0.0.1:9/v1")
    session = start(at, 1)
    send(at, ANSWER)
    assert session.phase is Phase.FINISHED
    assert set(SET_UP) <= drawn_keys(at)
    assert at.button(key="start").label == "Start interview"
    assert at.selectbox(key="setup_role").value is RoleFocus.DATA_ANALYST
    assert at.text_input(key="engine_base_url").value == "http://127.0.0.1:9/v1"
    assert "Interview in progress" not in status(at)
