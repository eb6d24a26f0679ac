"""Drive the real ``app.py`` with Streamlit's AppTest: whole interviews, downloads, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_support import APP, card_scores, isolate, launch, open_setup, send, small_lines
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from interview.export import download_name, from_json, markdown_text, to_json, to_markdown
from interview.models import Mode, SessionStatus
from interview.session import InterviewSession, Phase

ANSWER = (
    "In my last project I standardised the features and fitted the scaler on the training "
    "set only to avoid leakage, then compared a logistic regression baseline with gradient "
    "boosting using cross-validation; recall on the minority class rose from 0.61 to 0.78."
)
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline grader, a temporary database path, no .env and no home directory writes."""
    # These tests walk the planned questions; follow-ups have their own tests (test_app_coach).
    isolate(tmp_path, monkeypatch, INTERVIEW_FOLLOW_UPS="0")


def start(at: AppTest, n: int, mode: Mode = Mode.TECHNICAL) -> InterviewSession:
    open_setup(at)
    at.radio(key="setup_mode").set_value(mode)
    at.number_input(key="setup_n").set_value(n)
    at.button(key="start").click().run()
    assert not at.exception and not at.error
    session: InterviewSession = at.session_state["interview"]
    return session


def answer(at: AppTest, text: str) -> None:
    send(at, text)


def download_data_matches(button: object, data: str, mime: str, file_name: str) -> bool:
    """The button serves exactly ``data``: its media URL is the hash of data, type and name."""
    file_id = _calculate_file_id(data.encode("utf-8"), mime, file_name)
    return file_id in button.proto.url  # type: ignore[attr-defined]


def test_a_three_question_interview_runs_to_a_summary_with_both_downloads() -> None:
    at = launch()
    session = start(at, 3)
    assert session.record.num_questions == 3
    for number in range(1, 4):
        assert f"Question {number} of 3" in small_lines(at)
        answer(at, f"{ANSWER} (answer {number})")
        assert len(card_scores(at)) == number
        assert not at.error
    assert session.phase is Phase.FINISHED
    assert any(s.value == "Summary" for s in at.subheader)
    assert [m.label for m in at.metric][-3:] == ["Overall", "Answered", "Skipped"]
    assert "Criteria" in " ".join(m.value for m in at.markdown)

    record = session.record
    buttons = {b.proto.id: b for b in at.get("download_button")}
    assert len(buttons) == 3
    md_button, json_button, pdf_button = at.get("download_button")
    assert pdf_button.proto.label == "Download transcript (PDF)"
    assert md_button.proto.label == "Download transcript (Markdown)"
    assert json_button.proto.label == "Download transcript (JSON)"
    markdown = to_markdown(record)
    assert download_data_matches(md_button, markdown, "text/markdown", download_name(record, "md"))
    assert download_data_matches(
        json_button, to_json(record), "application/json", download_name(record, "json")
    )
    for number in range(1, 4):
        assert f"(answer {number})" in markdown
    assert from_json(to_json(record)) == record
    assert record.status is SessionStatus.FINISHED


def test_a_five_question_mixed_interview_completes() -> None:
    at = launch()
    session = start(at, 5, Mode.MIXED)
    for _ in range(5):
        answer(at, ANSWER)
    assert session.phase is Phase.FINISHED
    kinds = {t.question.kind for t in session.record.turns}
    assert len(kinds) == 2  # technical and behavioural questions both asked
    assert len(card_scores(at)) == 5
    assert len(at.get("download_button")) == 3
    assert to_markdown(session.record).count("## Question ") == 5


def test_an_empty_answer_gets_a_message_and_the_question_stays_open() -> None:
    at = launch()
    session = start(at, 2)
    answer(at, "   \n  ")
    assert any("empty" in e.value for e in at.error)
    assert session.phase is Phase.ASKING
    assert card_scores(at) == []
    assert at.chat_input(key="answer_box") is not None
    answer(at, ANSWER)
    assert len(card_scores(at)) == 1 and not at.error


def test_a_script_answer_is_shown_as_text_never_as_html() -> None:
    at = launch()
    start(at, 2)
    answer(at, HOSTILE)
    assert all(not m.proto.allow_html for m in at.markdown)
    shown = [m.value for m in at.markdown if "alert(1)" in m.value]
    assert shown, "the answer is shown"
    for value in shown:
        assert "<script" not in value and "<img" not in value
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in value
        assert "\\[x\\](javascript:alert(3))" in value


def test_an_answered_question_is_one_message_with_its_feedback_and_stays_text() -> None:
    at = launch()
    session = start(at, 3)
    answer(at, HOSTILE)
    answer(at, ANSWER)
    first = session.record.turns[0]
    assert first.feedback is not None
    # Each answered question is one chat message (question, answer, feedback), then question 3.
    assert len(at.chat_message) == 3
    shown = [m.value for m in at.markdown if "alert(1)" in m.value]
    assert len(shown) == 1 and all(not m.proto.allow_html for m in at.markdown)
    text = shown[0]
    assert "Question 1 of 3" in text and f"**Score: {first.feedback.score} / 5**" in text
    assert "**Your answer**" in text and "**Criteria**" in text
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\[x\\](javascript:alert(3))" in text
    if first.feedback.model_answer:
        assert "**A model answer**" in text


def test_the_newest_answer_shows_its_notices_as_warnings_earlier_ones_as_lines() -> None:
    at = launch()
    session = start(at, 3)
    answer(at, "Pineapples are yellow and grow in warm places near the sea.")  # off the topic
    first = session.record.turns[0].feedback
    assert first is not None and first.notices
    assert [w.value for w in at.warning] == [markdown_text(n) for n in first.notices]
    answer(at, session.record.turns[1].question.reference_answer)  # on topic: no notice
    assert not at.warning
    assert not any(first.notices[0][:40] in w.value for w in at.warning)
    assert any(f":material/warning: {markdown_text(first.notices[0])}" in m.value
               for m in at.markdown)


def test_unicode_answer_is_shown_and_exported_intact_without_control_characters() -> None:
    at = launch()
    session = start(at, 1)
    answer(at, "Résumé 👩🏽‍💻 数据 שלום e\u0301 \x00done\x07")
    intact = "Résumé 👩🏽‍💻 数据 שלום e\u0301 done"
    assert any(intact in m.value for m in at.markdown)
    assert intact in to_markdown(session.record)
    assert intact in to_json(session.record)


def test_skip_moves_to_the_next_question_and_counts_in_the_summary() -> None:
    at = launch()
    session = start(at, 2)
    first = session.record.turns[0].question.text
    at.button(key="skip").click().run()
    assert "You skipped this question." in small_lines(at)
    assert session.record.turns[1].question.text != first
    answer(at, ANSWER)
    assert session.summary().skipped == 1
    assert [m.value for m in at.metric if m.label == "Skipped"] == ["1"]


def test_an_overlong_answer_is_graded_with_a_visible_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEW_MAX_ANSWER_CHARS", "500")
    at = launch()
    start(at, 1)
    answer(at, ANSWER * 20)
    assert any("only the first 500 were kept" in w.value for w in at.warning)


def test_ending_early_shows_the_summary_and_downloads() -> None:
    at = launch()
    session = start(at, 3)
    answer(at, ANSWER)
    at.button(key="finish").click().run()
    assert session.phase is Phase.FINISHED
    assert len(at.get("download_button")) == 3
    assert session.summary().skipped == 1


def test_restart_replaces_the_interview() -> None:
    at = launch()
    first = start(at, 2)
    answer(at, ANSWER)
    second = start(at, 2)
    assert second is not first and second.record.id != first.record.id
    assert len(card_scores(at)) == 0


def test_a_bad_setting_stops_the_app_with_a_message_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEW_MAX_ANSWER_CHARS", "-5")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert any("INTERVIEW_MAX_ANSWER_CHARS" in e.value for e in at.error)
    assert not at.button
