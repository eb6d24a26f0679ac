"""Tests for the interview state machine, driven with a fake grader."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from interview.answers import clean_answer
from interview.config import Settings
from interview.errors import AnswerRejectedError, InvalidStepError, StoreError
from interview.models import (
    Category,
    CriterionScore,
    Difficulty,
    Feedback,
    Flag,
    Kind,
    Mode,
    Question,
    RoleFocus,
    SessionRecord,
    SessionStatus,
)
from interview.questions import QuestionBank
from interview.session import InterviewSession, Phase, SessionEvent


class FakeGrader:
    """Scores by answer length (1 point per 10 characters, 1..5) and remembers every call."""

    name = "fake"

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.gate = gate

    def grade(self, question: Question, answer: str) -> Feedback:
        self.calls.append((question.id, answer))
        if self.gate is not None:
            self.gate.wait(5)
        score = max(1, min(5, len(answer) // 10))
        return Feedback(
            score=score,
            criteria=[
                CriterionScore(name="Accuracy", score=score),
                CriterionScore(name="Clarity", score=min(5, score + 1)),
            ],
            grader=self.name,
        )


class BrokenGrader:
    name = "broken"

    def grade(self, question: Question, answer: str) -> Feedback:
        raise StoreError("grader fell over")


def question(qid: str, category: Category, difficulty: Difficulty, text: str = "") -> Question:
    fields: dict[str, object] = {
        "id": qid,
        "category": category,
        "roles": [RoleFocus.DATA_SCIENTIST],
        "difficulty": difficulty,
        "text": text or f"Question {qid}?",
    }
    if category.kind is Kind.TECHNICAL:
        fields["key_points"] = [{"name": f"k{i}", "phrasings": [f"p{i}"]} for i in range(3)]
        fields["reference_answer"] = "A reference."
    else:
        fields["strong_signals"] = ["A signal"]
    return Question.model_validate(fields)


BANK = QuestionBank(
    [
        question("dp-1", Category.DATA_PREPROCESSING, Difficulty.EASY),
        question("dp-2", Category.DATA_PREPROCESSING, Difficulty.HARD),
        question("am-1", Category.ALGORITHMS_AND_MODELS, Difficulty.MEDIUM),
        question("am-2", Category.ALGORITHMS_AND_MODELS, Difficulty.HARD),
        question("tc-1", Category.TEAM_COLLABORATION, Difficulty.EASY),
        question("rc-1", Category.RESEARCHING_THE_COMPANY, Difficulty.EASY, "Why ${company}?"),
    ]
)
SETTINGS = Settings(max_answer_chars=100)
GOOD = "A long and thoughtful answer about the question."  # 48 chars -> score 4


def start(
    n: int = 3,
    mode: Mode = Mode.TECHNICAL,
    grader: FakeGrader | BrokenGrader | None = None,
    on_change: Callable[[SessionRecord, SessionEvent], None] | None = None,
    **kwargs: object,
) -> InterviewSession:
    return InterviewSession.start(
        bank=BANK,
        grader=grader or FakeGrader(),
        settings=SETTINGS,
        role=RoleFocus.DATA_SCIENTIST,
        mode=mode,
        num_questions=n,
        seed=1,
        on_change=on_change,
        **kwargs,  # type: ignore[arg-type]
    )


def test_full_interview_runs_start_to_summary() -> None:
    grader = FakeGrader()
    session = start(3, grader=grader)
    assert session.phase is Phase.ASKING
    asked = []
    while session.phase is not Phase.FINISHED:
        turn = session.current_turn
        assert turn is not None
        asked.append(turn.question.id)
        answered = session.answer(GOOD)
        assert answered.feedback is not None and answered.feedback.score == 4
        assert session.phase is Phase.ANSWERED
        session.next()
    assert len(asked) == len(set(asked)) == 3
    assert [c[0] for c in grader.calls] == asked
    assert session.record.status is SessionStatus.FINISHED
    assert session.record.finished_at is not None
    summary = session.summary()
    assert (summary.answered, summary.skipped, summary.overall) == (3, 0, 4.0)


def test_questions_are_asked_warm_up_first_and_never_twice() -> None:
    session = start(4)
    seen = []
    while session.phase is not Phase.FINISHED:
        assert session.current_turn is not None
        seen.append(session.current_turn.question)
        session.skip()
    assert len({q.id for q in seen}) == 4
    ranks = [list(Difficulty).index(q.difficulty) for q in seen]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t \n", "\x00\x01"])
def test_empty_answer_is_rejected_and_the_question_stays_open(blank: str) -> None:
    grader = FakeGrader()
    session = start(grader=grader)
    with pytest.raises(AnswerRejectedError, match="empty"):
        session.answer(blank)
    assert session.phase is Phase.ASKING
    assert session.current_turn is not None and session.current_turn.answer is None
    assert grader.calls == []
    assert session.answer(GOOD).feedback is not None


def test_next_before_answering_is_an_invalid_step() -> None:
    session = start()
    with pytest.raises(InvalidStepError, match="Answer or skip"):
        session.next()


def test_answering_after_the_interview_is_over_is_an_invalid_step() -> None:
    session = start(1)
    session.answer(GOOD)
    assert session.next() is None
    assert session.phase is Phase.FINISHED
    with pytest.raises(InvalidStepError, match="over"):
        session.answer("another answer")
    with pytest.raises(InvalidStepError):
        session.skip()
    with pytest.raises(InvalidStepError):
        session.next()


def test_same_answer_submitted_twice_is_graded_once() -> None:
    grader = FakeGrader()
    session = start(grader=grader)
    first = session.answer(GOOD)
    again = session.answer(GOOD + "  ")
    assert again is first
    assert len(grader.calls) == 1
    assert len(session.record.turns) == 1


def test_a_different_answer_after_feedback_is_refused_without_grading() -> None:
    grader = FakeGrader()
    session = start(grader=grader)
    session.answer(GOOD)
    with pytest.raises(InvalidStepError, match="already has an answer"):
        session.answer("a completely different answer")
    assert len(grader.calls) == 1
    assert session.current_turn is not None and session.current_turn.answer == GOOD


def test_a_submit_during_grading_is_refused_and_graded_once() -> None:
    gate = threading.Event()
    grader = FakeGrader(gate)
    session = start(grader=grader)
    worker = threading.Thread(target=session.answer, args=(GOOD,))
    worker.start()
    while not grader.calls:
        threading.Event().wait(0.01)
    with pytest.raises(InvalidStepError, match="still being graded"):
        session.answer(GOOD)
    gate.set()
    worker.join(5)
    assert len(grader.calls) == 1
    assert session.phase is Phase.ANSWERED


def test_control_characters_are_dropped_and_every_script_is_kept() -> None:
    text = "Résumé 👩🏽‍💻 数据 שלום e\u0301 \u200f\x00bell\x07\r\nline two\ttab\x1b[31m"
    session = start()
    turn = session.answer(text)
    assert turn.answer == "Résumé 👩🏽‍💻 数据 שלום e\u0301 \u200fbell\nline two\ttab[31m"


def test_clean_answer_trims_leading_blank_lines_but_keeps_indentation() -> None:
    assert (
        clean_answer("\n\n    def f():\n        return 1\n\n") == "    def f():\n        return 1"
    )


def test_overlong_answer_is_cut_with_a_visible_notice() -> None:
    grader = FakeGrader()
    session = start(grader=grader)
    turn = session.answer("x" * 100_000)
    assert turn.answer == "x" * SETTINGS.max_answer_chars
    assert grader.calls[0][1] == "x" * SETTINGS.max_answer_chars
    assert turn.feedback is not None
    assert Flag.TRUNCATED in turn.feedback.flags
    assert any("100,000" in n and "INTERVIEW_MAX_ANSWER_CHARS" in n for n in turn.feedback.notices)


def test_skip_moves_on_and_counts_in_the_summary() -> None:
    session = start(3)
    skipped = session.current_turn
    nxt = session.skip()
    assert skipped is not None and skipped.skipped and skipped.feedback is None
    assert nxt is not None and nxt.question.id != skipped.question.id
    session.answer(GOOD)
    session.next()
    session.skip()
    summary = session.summary()
    assert (summary.asked, summary.answered, summary.skipped) == (3, 1, 2)
    assert session.phase is Phase.FINISHED


def test_finish_early_marks_the_open_question_skipped() -> None:
    session = start(3)
    session.answer(GOOD)
    session.next()
    session.finish()
    assert session.phase is Phase.FINISHED
    assert [t.skipped for t in session.record.turns] == [False, True]


@pytest.mark.parametrize("n", [0, 21])
def test_number_of_questions_outside_1_to_20_is_refused(n: int) -> None:
    with pytest.raises(InvalidStepError, match="between 1 and 20"):
        start(n)


def test_asking_for_more_questions_than_exist_gives_fewer_with_a_notice() -> None:
    session = start(10, mode=Mode.TECHNICAL)
    assert session.record.num_questions == 4
    assert "4" in session.pop_notices()[0]
    assert session.pop_notices() == []


def test_observer_hears_answer_before_grading_and_every_step() -> None:
    events: list[tuple[SessionEvent, int, bool]] = []

    def observer(record: SessionRecord, event: SessionEvent) -> None:
        last = record.turns[-1] if record.turns else None
        events.append((event, len(record.turns), last is not None and last.feedback is not None))

    session = start(1, on_change=observer)
    session.answer(GOOD)
    session.next()
    assert events == [
        (SessionEvent.STARTED, 0, False),
        (SessionEvent.ASKED, 1, False),
        (SessionEvent.ANSWERED, 1, False),
        (SessionEvent.GRADED, 1, True),
        (SessionEvent.FINISHED, 1, True),
    ]


def test_a_failing_observer_does_not_stop_the_interview() -> None:
    def failing(record: SessionRecord, event: SessionEvent) -> None:
        raise StoreError("disk full")

    session = start(1, on_change=failing)
    session.answer(GOOD)
    assert session.phase is Phase.ANSWERED
    assert "disk full" in session.pop_notices()


def test_grading_failure_keeps_the_answer_and_can_be_retried() -> None:
    session = start(grader=BrokenGrader())
    with pytest.raises(StoreError):
        session.answer(GOOD)
    assert session.phase is Phase.GRADING
    assert session.current_turn is not None and session.current_turn.answer == GOOD
    session._grader = FakeGrader()  # the backend comes back
    turn = session.retry_grading()
    assert turn.feedback is not None
    assert session.phase is Phase.ANSWERED


def test_session_resumes_from_its_serialised_record() -> None:
    session = start(3)
    session.answer(GOOD)
    session.next()
    saved = session.record.model_dump_json()
    resumed = InterviewSession(
        SessionRecord.model_validate_json(saved), bank=BANK, grader=FakeGrader(), settings=SETTINGS
    )
    assert resumed.phase is Phase.ASKING
    assert resumed.current_turn == session.current_turn
    resumed.answer(GOOD)
    resumed.next()
    resumed.answer(GOOD)
    resumed.next()
    assert resumed.phase is Phase.FINISHED
    assert len({t.question.id for t in resumed.record.turns}) == 3


def asked_texts(session: InterviewSession) -> dict[str, str]:
    texts = {}
    while session.current_turn is not None and session.phase is not Phase.FINISHED:
        texts[session.current_turn.question.id] = session.current_turn.question.text
        session.skip()
    return texts


def test_company_placeholder_is_filled_in_the_asked_question() -> None:
    plain = asked_texts(start(2, mode=Mode.BEHAVIOURAL))
    named = asked_texts(start(2, mode=Mode.BEHAVIOURAL, placeholders={"company": "Acme"}))
    assert plain["rc-1"] == "Why the company?"
    assert named["rc-1"] == "Why Acme?"
    assert BANK.get("rc-1").text == "Why ${company}?"


def test_session_ids_are_long_and_distinct() -> None:
    ids = {start(1).record.id for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) >= 22 for i in ids)


def test_grader_factory_is_built_for_the_new_record() -> None:
    built: list[SessionRecord] = []

    def factory(record: SessionRecord) -> FakeGrader:
        built.append(record)
        return FakeGrader()

    session = InterviewSession.start(
        bank=BANK,
        grader=factory,
        settings=SETTINGS,
        role=RoleFocus.DATA_SCIENTIST,
        mode=Mode.MIXED,
        num_questions=2,
        seed=0,
    )
    assert built == [session.record]
    assert session.record.grader == "fake"
    assert session.answer(GOOD).feedback is not None


def test_a_late_duplicate_for_the_previous_question_does_not_answer_the_next_one() -> None:
    grader = FakeGrader()
    session = start(3, grader=grader)
    first = session.answer(GOOD, turn_index=0)
    session.next()
    assert session.answer(GOOD, turn_index=0) is first
    assert len(grader.calls) == 1
    assert session.phase is Phase.ASKING
    assert session.current_turn is not None and session.current_turn.answer is None


def test_a_new_answer_aimed_at_a_closed_question_is_refused() -> None:
    session = start(3)
    session.answer(GOOD, turn_index=0)
    session.next()
    with pytest.raises(InvalidStepError, match="Question 1 already has an answer"):
        session.answer("something else entirely", turn_index=0)
    with pytest.raises(InvalidStepError, match="no question 9"):
        session.answer(GOOD, turn_index=8)
    assert session.current_turn is not None and session.current_turn.answer is None
    assert session.answer(GOOD, turn_index=1).feedback is not None
