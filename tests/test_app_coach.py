"""AppTest: practice and mock styles, follow-ups, retries, the job description and the
after-interview steps, driven through the real app.py."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from apptest_support import APP, card_scores, isolate, launch, open_setup, send, small_lines
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from interview.export import download_name, escape_markdown, to_json
from interview.models import Category, Mode, RoleFocus, Style
from interview.session import InterviewSession, Phase

ANSWER = (
    "In my last project I standardised the features and fitted the scaler on the training "
    "set only to avoid leakage, then compared a logistic regression baseline with gradient "
    "boosting using cross-validation; recall on the minority class rose from 0.61 to 0.78."
)
JOB = """Senior Data Engineer at Northwind Logistics

About Northwind Logistics
You will build batch pipelines in PySpark and orchestrate them with Apache Airflow on AWS.
"""
EMAIL = """Dear Priya,

Thank you for your time today. I enjoyed learning about your move to Airflow, and I built
Airflow DAGs with idempotent Spark tasks in my current role, so I could help your team with
backfills. Our conversation made me even more excited about the role.

Kind regards,
Sam
"""


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(tmp_path, monkeypatch, unset=("INTERVIEW_FOLLOW_UPS",))


def start(at: AppTest, n: int, mode: Mode = Mode.TECHNICAL, **setup: object) -> InterviewSession:
    open_setup(at)
    at.radio(key="setup_mode").set_value(mode)
    at.number_input(key="setup_n").set_value(n)
    for key, value in setup.items():
        widget = at.radio(key=key) if key == "setup_style" else at.number_input(key=key)
        widget.set_value(value).run()
    at.button(key="start").click().run()
    assert not at.exception and not at.error
    session: InterviewSession = at.session_state["interview"]
    return session


def answer(at: AppTest, text: str = ANSWER) -> None:
    send(at, text)


def captions(at: AppTest) -> str:
    return small_lines(at)


def score_cards(at: AppTest) -> int:
    """Feedback cards shown, each with a bold score line."""
    return len(card_scores(at))


def test_practice_asks_a_follow_up_numbered_under_its_question_then_moves_on() -> None:
    at = launch()
    session = start(at, 2, setup_follow_ups=1)
    answer(at)
    follow = session.record.turns[-1]
    assert follow.follow_up_of == 0
    assert "Question 1 of 2 — follow-up" in captions(at)
    assert score_cards(at) == 1
    assert not any("A follow-up to prepare" in m.value for m in at.markdown)  # it is asked
    answer(at)
    assert score_cards(at) == 2  # the follow-up answer is graded too
    assert "Question 2 of 2 ·" in captions(at)
    assert session.record.turns[-1].follow_up_of is None


def test_no_follow_ups_when_the_sidebar_says_zero() -> None:
    at = launch()
    session = start(at, 2, setup_follow_ups=0)
    answer(at)
    assert "follow-up" not in captions(at)
    assert turns_asked(session) == 2
    fb = session.record.turns[0].feedback
    assert fb is not None
    if fb.follow_up:  # not asked, so the card suggests it
        assert any("**A follow-up to prepare:**" in m.value for m in at.markdown)


def turns_asked(session: InterviewSession) -> int:
    return len(session.record.turns)


def test_the_rubric_can_be_shown_before_answering_in_practice() -> None:
    at = launch()
    session = start(at, 1, setup_follow_ups=0)
    expander = [e for e in at.expander if e.label == "Show the rubric for this question"]
    assert len(expander) == 1
    shown = " ".join(m.value for m in expander[0].markdown)
    for point in session.record.turns[0].question.key_points:
        assert point.name in shown.replace("\\", "")
    assert "graded on" in shown.lower()


def test_retry_shows_before_and_after_per_criterion_and_keeps_both_answers() -> None:
    at = launch()
    session = start(at, 2, setup_follow_ups=0)
    answer(at, "Scaling matters.")
    at.button(key="retry").click().run()
    assert "Question 1 of 2 — attempt 2" in captions(at)
    assert session.phase is Phase.ASKING and len(session.record.turns) == 2
    better = session.record.turns[0].question.reference_answer  # on topic, whatever was asked
    answer(at, better)
    tables = [t for t in at.table if "Change" in t.value.columns]
    assert len(tables) == 1
    table = tables[0].value
    assert list(table["Criterion"])[-1] == "Overall"
    before, after = session.record.turns[0].feedback, session.record.turns[1].feedback
    assert before is not None and after is not None
    assert list(table["Before"])[-1] == str(before.score)
    assert list(table["After"])[-1] == str(after.score)
    assert after.score > before.score and list(table["Change"])[-1].startswith("+")
    assert "Question 2 of 2 ·" in captions(at)  # then the interview goes on
    exported = json.loads(to_json(session.record))["session"]["turns"]
    assert [t["answer"] for t in exported[:2]] == ["Scaling matters.", better.strip()]
    assert exported[1]["retry_of"] == 0


def test_mock_hides_feedback_until_the_end_and_shows_a_timer() -> None:
    at = launch()
    session = start(at, 2, setup_style=Style.MOCK, setup_time_limit=2)
    assert session.record.style is Style.MOCK and session.record.time_limit_s == 120
    assert "Time left: 2:00 of 2:00" in captions(at) or "Time left: 1:59" in captions(at)
    assert not [e for e in at.expander if e.label == "Show the rubric for this question"]
    answer(at)
    assert score_cards(at) == 0
    assert "Feedback comes at the end of the mock interview" in captions(at)
    assert "follow-up" not in captions(at)
    session.record.turns[-1].asked_at -= timedelta(minutes=3)
    at.run()
    assert "Over the time limit by 1:0" in captions(at)
    answer(at)
    assert session.phase is Phase.FINISHED
    assert score_cards(at) == 2
    assert session.record.turns[-1].over_time and not session.record.turns[0].over_time
    assert "marked as over time" in captions(at)


def test_a_job_description_is_read_shown_and_names_the_company_in_questions() -> None:
    at = launch()
    at.selectbox(key="setup_role").set_value(RoleFocus.DATA_ENGINEER)
    at.text_area(key="jd_text").set_value(JOB)
    at.button(key="jd_read").click().run()
    shown = " ".join(m.value for m in at.markdown)
    assert "Northwind Logistics" in shown and "Senior Data Engineer" in shown
    assert "spark" in shown and "airflow" in shown
    session = start(at, 8, Mode.BEHAVIOURAL, setup_follow_ups=0)
    assert session.record.job is not None and session.record.job.company == "Northwind Logistics"
    while session.phase is not Phase.FINISHED:
        current = session.record.turns[-1]
        if current.question.category is Category.RESEARCHING_THE_COMPANY:
            assert "Northwind Logistics" in current.question.text
            assert any("Northwind Logistics" in m.value for m in at.markdown)
            return
        at.button(key="skip").click().run()
    pytest.fail("no company-research question was asked")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (("jd.txt", b"\x89PNG\r\n\x1a\n\x00\x00IHDR", "text/plain"), "binary"),
        (("jd.md", "Über uns".encode("latin-1"), "text/markdown"), "not UTF-8"),
        (("jd.txt", b"   \n  ", "text/plain"), "empty"),
        (("jd.txt", b"Spark and Airflow. " * 3000, "text/plain"), "only the first 50,000"),
    ],
)
def test_a_bad_job_description_file_gets_a_message_and_the_interview_still_starts(
    upload: tuple[str, bytes, str], message: str
) -> None:
    at = launch()
    at.file_uploader(key="jd_file").set_value(upload).run()
    at.button(key="jd_read").click().run()
    assert not at.exception
    assert any(message in w.value for w in at.warning)
    session = start(at, 1, setup_follow_ups=0)
    assert session.phase is Phase.ASKING


def test_an_unread_pasted_job_description_is_read_when_the_interview_starts() -> None:
    at = launch()
    at.text_area(key="jd_text").set_value(JOB)
    session = start(at, 2, setup_follow_ups=0)
    assert session.record.job is not None and "spark" in session.record.job.skills


def test_after_the_interview_the_email_is_graded_and_a_study_plan_is_made() -> None:
    at = launch()
    session = start(at, 1, setup_follow_ups=0)
    answer(at, "Scaling matters.")
    assert session.phase is Phase.FINISHED
    assert any(s.value == "After the interview" for s in at.subheader)
    at.button(key="grade_email").click().run()
    assert any("empty" in e.value for e in at.error)
    at.text_area(key="thank_you_email").set_value(EMAIL)
    at.radio(key="thank_you_send").set_value(at.radio(key="thank_you_send").options[0])
    at.button(key="grade_email").click().run()
    assert not at.exception
    fb = session.record.thank_you_feedback
    assert fb is not None and fb.score >= 4
    assert score_cards(at) == 2  # the answer's card and the email's
    at.button(key="make_plan").click().run()
    assert session.record.study_plan
    shown = " ".join(m.value for m in at.markdown)
    for item in session.record.study_plan:
        assert f"- {escape_markdown(item)}" in shown
    weak = session.record.turns[0].question.category.label
    assert session.record.study_plan[0].startswith(weak)  # a one-line answer is the weak spot


def test_the_downloads_follow_the_email_and_study_plan_added_after_the_interview() -> None:
    # The exports are kept between reruns; they must still be rebuilt when the record changes.
    at = launch()
    session = start(at, 1, setup_follow_ups=0)
    answer(at, "Scaling matters.")

    def served_json() -> str:
        button = at.get("download_button")[1]
        return str(button.proto.url)

    def url_of(record_json: str) -> str:
        name = download_name(session.record, "json")
        return _calculate_file_id(record_json.encode("utf-8"), "application/json", name)

    at.run()
    assert url_of(to_json(session.record)) in served_json()
    at.text_area(key="thank_you_email").set_value(EMAIL)
    at.button(key="grade_email").click().run()
    at.button(key="make_plan").click().run()
    assert session.record.thank_you_email == EMAIL and session.record.study_plan
    assert url_of(to_json(session.record)) in served_json()


def test_questions_answered_well_in_saved_interviews_are_held_back(tmp_path: Path) -> None:
    from interview.models import CriterionScore, Feedback, SessionRecord, SessionStatus, Turn
    from interview.questions import load_bank
    from interview.store import SessionStore

    owner = "o" * 32
    pool = load_bank().eligible(RoleFocus.DATA_ENGINEER, Mode.TECHNICAL)
    fresh, answered_well = pool[:3], pool[3:]
    five = Feedback(score=5, criteria=[CriterionScore(name="Depth", score=5)], grader="offline")
    past = SessionRecord(
        id="p" * 22, role=RoleFocus.DATA_ENGINEER, mode=Mode.TECHNICAL, num_questions=50,
        status=SessionStatus.FINISHED,
        turns=[Turn(index=i, question=q, answer="a", feedback=five)
               for i, q in enumerate(answered_well)],
    )
    SessionStore(tmp_path / "sessions.sqlite3").save(past, owner)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["owner"] = owner
    at.run()
    at.selectbox(key="setup_role").set_value(RoleFocus.DATA_ENGINEER)
    session = start(at, 3, setup_follow_ups=0)
    assert set(session.record.plan) == {q.id for q in fresh}


def test_a_cleared_job_description_no_longer_steers_the_interview() -> None:
    at = launch()
    at.text_area(key="jd_text").set_value(JOB)
    at.button(key="jd_read").click().run()
    at.text_area(key="jd_text").set_value("").run()
    session = start(at, 2, setup_follow_ups=0)
    assert session.record.job is None


def test_a_job_description_edited_after_reading_is_read_again_at_the_start() -> None:
    at = launch()
    at.text_area(key="jd_text").set_value(JOB)
    at.button(key="jd_read").click().run()
    at.text_area(key="jd_text").set_value("Data Analyst at Fabrikam. Tableau and SQL.").run()
    session = start(at, 2, setup_follow_ups=0)
    assert session.record.job is not None and session.record.job.company == "Fabrikam"
    assert "tableau" in session.record.job.skills


def test_with_an_unreachable_model_every_coaching_step_falls_back_offline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEW_GRADER", "llm")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    monkeypatch.setenv("INTERVIEW_LLM_MAX_RETRIES", "0")
    at = launch()
    at.text_area(key="jd_text").set_value(JOB)
    at.button(key="jd_read").click().run()
    assert any("could not read the job description" in w.value for w in at.warning)
    assert "spark" in " ".join(m.value for m in at.markdown)
    session = start(at, 1, setup_follow_ups=1)
    answer(at)
    follow = session.record.turns[-1]
    assert follow.follow_up_of == 0  # the bank's follow-up stands in for the model's
    at.button(key="finish").click().run()
    at.text_area(key="thank_you_email").set_value(EMAIL).run()
    at.button(key="grade_email").click().run()
    fb = session.record.thank_you_feedback
    assert fb is not None and fb.grader == "offline" and "could not review" in fb.notices[0]
    at.button(key="make_plan").click().run()
    assert session.record.study_plan
    assert any("could not write the study plan" in w.value for w in at.warning)
    assert not at.exception


def test_html_in_a_job_description_is_shown_as_text() -> None:
    at = launch()
    at.text_area(key="jd_text").set_value(
        "<script>alert(1)</script> Data Engineer\nSpark [x](javascript:alert(3))"
    )
    at.button(key="jd_read").click().run()
    assert all(not m.proto.allow_html for m in at.markdown)
    role = [m.value for m in at.markdown if "**Role:**" in m.value]
    assert role and "**Role:** &lt;script&gt;alert" in role[0]  # cut at "(" like "(m/f/d)"
    assert "<script" not in role[0]
