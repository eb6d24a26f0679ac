"""Practice and mock styles: follow-ups, retries, time limits, post-interview results."""

from __future__ import annotations

from datetime import timedelta

import pytest
from llm_fakes import FakeEndpoint, completion, error, llm_settings, user_text

from interview import turns
from interview.config import Settings
from interview.errors import InvalidStepError
from interview.followups import LLMFollowUps, compare, target_gap
from interview.llm import LLMClient
from interview.models import (
    Category,
    CriterionScore,
    Feedback,
    JobProfile,
    LLMUsage,
    Mode,
    Question,
    RoleFocus,
    Style,
)
from interview.questions import QuestionBank
from interview.session import InterviewSession, Phase

FOLLOW_UPS = ["What does the silhouette score tell you?", "When would you use DBSCAN instead?"]


class PointGrader:
    """Scores by how many of the words 'elbow', 'silhouette', 'init' the answer uses."""

    name = "points"

    def __init__(self) -> None:
        self.graded: list[tuple[str, str]] = []

    def grade(self, question: Question, answer: str) -> Feedback:
        self.graded.append((question.text, answer))
        words = ["elbow", "silhouette", "init"]
        hit = [w for w in words if w in answer]
        score = 1 + len(hit) + (1 if len(hit) == 3 else 0)
        return Feedback(
            score=score,
            criteria=[
                CriterionScore(name="Key points", score=score),
                CriterionScore(name="Clarity", score=min(5, score + 1)),
            ],
            key_points_missed=[w for w in words if w not in hit],
            follow_up=None,
            grader=self.name,
        )


def question(qid: str) -> Question:
    return Question.model_validate({
        "id": qid,
        "category": Category.ALGORITHMS_AND_MODELS,
        "roles": [RoleFocus.DATA_SCIENTIST],
        "text": f"How do you choose k in k-means ({qid})?",
        "key_points": [{"name": w, "phrasings": [w]} for w in ["elbow", "silhouette", "init"]],
        "reference_answer": "Elbow, silhouette, several inits.",
        "follow_ups": FOLLOW_UPS,
    })


BANK = QuestionBank([question("am-1"), question("am-2")])


def start(style: Style = Style.PRACTICE, follow_ups: int = 1, **kw: object) -> InterviewSession:
    return InterviewSession.start(
        bank=BANK, grader=PointGrader(), settings=Settings(follow_ups_per_question=follow_ups),
        role=RoleFocus.DATA_SCIENTIST, mode=Mode.TECHNICAL, num_questions=2, seed=0,
        style=style, **kw,  # type: ignore[arg-type]
    )


def test_practice_asks_one_follow_up_on_the_answer_then_the_next_question() -> None:
    session = start()
    first = session.record.turns[0]
    session.answer("I look at the elbow")
    follow = session.next()
    assert follow is not None and follow.follow_up_of == 0
    assert follow.question.text == FOLLOW_UPS[0]
    assert follow.question.id == first.question.id  # graded against the same rubric
    assert turns.label(session.record, follow) == "Question 1 of 2 — follow-up"
    graded = session.answer("The silhouette compares cohesion and separation")
    assert graded.feedback is not None and graded.feedback.score == 2
    nxt = session.next()
    assert nxt is not None and nxt.follow_up_of is None
    assert turns.label(session.record, nxt) == "Question 2 of 2"


def test_follow_ups_aim_at_the_first_missed_key_point() -> None:
    fb = PointGrader().grade(question("am-1"), "elbow and init")
    assert target_gap(fb) == "silhouette"
    perfect = Feedback(score=3, criteria=[CriterionScore(name="Depth", score=2, comment="thin")],
                       grader="x")
    assert target_gap(perfect) == "Depth (2/5): thin"


def test_zero_follow_ups_per_question_disables_them() -> None:
    session = start(follow_ups=0)
    session.answer("elbow")
    nxt = session.next()
    assert nxt is not None and nxt.follow_up_of is None and nxt.index == 1


def test_two_follow_ups_are_different_questions() -> None:
    session = start(follow_ups=2)
    session.answer("elbow")
    one = session.next()
    session.answer("elbow again")
    two = session.next()
    assert one is not None and two is not None
    assert two.follow_up_of == 0 and two.question.text != one.question.text
    session.answer("elbow")
    nxt = session.next()
    assert nxt is not None and turns.label(session.record, nxt) == "Question 2 of 2"


def test_a_perfect_answer_gets_no_follow_up() -> None:
    session = start()
    session.answer("elbow silhouette init")
    nxt = session.next()
    assert nxt is not None and nxt.follow_up_of is None


def test_mock_style_asks_no_follow_ups_and_allows_no_retry() -> None:
    session = start(Style.MOCK)
    session.answer("elbow")
    nxt = session.next()
    assert nxt is not None and nxt.follow_up_of is None
    with pytest.raises(InvalidStepError, match="practice"):
        session.retry(0)


def test_a_mock_answer_after_the_time_limit_is_kept_and_marked_over_time() -> None:
    session = start(Style.MOCK, time_limit_s=60)
    turn = session.record.turns[0]
    turn.asked_at -= timedelta(seconds=90)
    session.answer("elbow, late")
    assert turn.answer == "elbow, late" and turn.feedback is not None and turn.over_time
    nxt = session.next()
    assert nxt is not None
    session.answer("elbow in time")
    assert not nxt.over_time


def test_a_time_limit_is_ignored_in_practice_style() -> None:
    assert start(time_limit_s=60).record.time_limit_s is None


def test_retry_takes_back_the_unanswered_next_question_and_keeps_both_answers() -> None:
    session = start(follow_ups=0)
    session.answer("elbow")
    session.next()  # question 2 is open, not answered
    again = session.retry(0)
    assert again.retry_of == 0 and again.question.id == session.record.turns[0].question.id
    assert turns.label(session.record, again) == "Question 1 of 2 — attempt 2"
    assert len(session.record.turns) == 2 and session.phase is Phase.ASKING
    session.answer("elbow and silhouette")
    before, after = session.record.turns[0].feedback, again.feedback
    assert before is not None and after is not None
    rows = {r.name: (r.before, r.after, r.delta) for r in compare(before, after)}
    assert rows == {"Key points": (2, 3, 1), "Clarity": (3, 4, 1), "Overall": (2, 3, 1)}
    nxt = session.next()
    assert nxt is not None and turns.label(session.record, nxt) == "Question 2 of 2"
    assert session.record.turns[0].answer == "elbow"  # the first attempt is kept
    assert session.summary().answered == 1  # the retry replaces it in the summary


def test_a_retry_of_a_follow_up_stays_a_follow_up_of_the_same_question() -> None:
    session = start()
    session.answer("elbow")
    session.next()
    session.answer("silhouette")
    again = session.retry(1)
    assert again.follow_up_of == 0 and again.retry_of == 1
    assert turns.label(session.record, again) == "Question 1 of 2 — follow-up — attempt 2"


def test_retry_is_refused_once_the_next_question_is_answered() -> None:
    session = start(follow_ups=0)
    session.answer("elbow")
    session.next()
    session.answer("init")
    with pytest.raises(InvalidStepError, match="answered last"):
        session.retry(0)
    assert session.can_retry(1) and not session.can_retry(0)


def test_a_duplicate_retry_answer_is_graded_once() -> None:
    grader = PointGrader()
    session = InterviewSession.start(
        bank=BANK, grader=grader, settings=Settings(follow_ups_per_question=0),
        role=RoleFocus.DATA_SCIENTIST, mode=Mode.TECHNICAL, num_questions=2, seed=0)
    session.answer("elbow")
    again = session.retry(0)
    session.answer("elbow init", turn_index=again.index)
    session.answer("elbow init", turn_index=again.index)
    assert len(grader.graded) == 2


def test_post_interview_results_are_kept_only_after_the_end() -> None:
    session = start()
    fb = Feedback(score=3, criteria=[CriterionScore(name="Tone", score=3)], grader="x")
    with pytest.raises(InvalidStepError):
        session.save_review(study_plan=["Read about k-means"])
    saved: list[str] = []
    session.subscribe(lambda record, event: saved.append(event.value))
    session.finish()
    session.save_review(thank_you_email="Thank you", thank_you_feedback=fb,
                        study_plan=["Read about k-means"])
    assert session.record.thank_you_feedback == fb
    assert session.record.study_plan == ["Read about k-means"]
    assert saved[-1] == "reviewed"


def llm_writer(endpoint: FakeEndpoint) -> LLMFollowUps:
    client = LLMClient(endpoint.client(), llm_settings(), LLMUsage(), sleep=lambda _: None)
    return LLMFollowUps(client, "Data scientist")


def test_an_llm_follow_up_is_asked_about_the_missed_point() -> None:
    endpoint = FakeEndpoint(completion({"question": "How does silhouette help choose k?"}))
    session = start(follow_up_factory=lambda record: llm_writer(endpoint))
    session.answer("elbow")
    follow = session.next()
    assert follow is not None and follow.question.text == "How does silhouette help choose k?"
    assert "silhouette" in user_text(endpoint.requests[0])


def test_a_failing_llm_follow_up_falls_back_to_the_bank() -> None:
    endpoint = FakeEndpoint(error(500, "down"))
    session = start(follow_up_factory=lambda record: llm_writer(endpoint))
    session.answer("elbow")
    follow = session.next()
    assert follow is not None and follow.question.text == FOLLOW_UPS[0]


def test_a_resumed_session_still_names_the_company_from_its_job_description() -> None:
    rc = Question.model_validate({
        "id": "rc-1", "category": Category.RESEARCHING_THE_COMPANY,
        "roles": [RoleFocus.DATA_SCIENTIST], "text": "Why ${company}?", "difficulty": "hard",
        "strong_signals": ["Knows the product"],
    })
    bank = QuestionBank([question("am-1"), rc])
    job = JobProfile(company="Initech", title="Data scientist")
    first = InterviewSession.start(
        bank=bank, grader=PointGrader(), settings=Settings(follow_ups_per_question=0),
        role=RoleFocus.DATA_SCIENTIST, mode=Mode.MIXED, num_questions=2, seed=0, job=job)
    resumed = InterviewSession(first.record.model_copy(deep=True), bank=bank,
                               grader=PointGrader(), settings=Settings(follow_ups_per_question=0))
    resumed.answer("elbow")
    resumed.next()
    assert resumed.record.turns[-1].question.text == "Why Initech?"  # asked after resuming


def test_the_interview_keeps_its_own_follow_up_count_over_the_setting() -> None:
    session = start(follow_ups=1, follow_ups_per_question=0)
    assert session.record.follow_ups_per_question == 0
    session.answer("elbow")
    nxt = session.next()
    assert nxt is not None and nxt.follow_up_of is None


def test_the_markdown_export_numbers_follow_ups_and_retries_and_shows_the_after_steps() -> None:
    from interview.export import to_markdown

    session = start()
    session.answer("elbow")
    session.next()
    session.answer("silhouette")
    session.retry(1)
    session.answer("silhouette and init")
    session.finish()
    fb = Feedback(score=4, criteria=[CriterionScore(name="Thanks", score=4)], grader="offline")
    session.save_review(thank_you_email="Dear Ana, thank you.", thank_you_feedback=fb,
                        study_plan=["Revise the silhouette score"])
    md = to_markdown(session.record)
    assert "## Question 1 of 2: " in md
    assert "## Question 1 of 2 — follow-up: " in md
    assert "## Question 1 of 2 — follow-up — attempt 2: " in md
    assert "> silhouette  \n" in md and "> silhouette and init" in md  # both attempts
    after = md[md.index("## After the interview"):]
    assert "Dear Ana, thank you." in after and "- Revise the silhouette score" in after


def test_follow_ups_and_retries_are_saved_and_load_back_unchanged(tmp_path: object) -> None:
    from pathlib import Path

    from interview.autosave import AutoSave
    from interview.store import SessionStore

    store = SessionStore(Path(str(tmp_path)) / "s.sqlite3")
    saver = AutoSave(store, "o" * 32)
    session = start(on_change=saver)
    session.answer("elbow")
    session.next()  # a follow-up, saved when asked
    session.answer("silhouette")
    session.next()  # question 2, saved when asked...
    session.retry(1)  # ...then taken back for the retry of the follow-up
    session.answer("silhouette and init")
    session.next()
    loaded = store.load(session.record.id)
    assert loaded == session.record
    assert [(t.follow_up_of, t.retry_of) for t in loaded.turns] == [
        (None, None), (0, None), (0, 1), (None, None)]
    assert not saver.conflicted


def test_the_pdf_export_numbers_a_follow_up_under_its_question() -> None:
    import io

    from pypdf import PdfReader

    from interview.export_pdf import to_pdf

    session = start()
    session.answer("elbow")
    session.next()
    session.answer("silhouette")
    pdf = PdfReader(io.BytesIO(to_pdf(session.record, font_dirs=[])))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Question 1 of 2 - follow-up: Algorithms and models" in text
    assert "[?]" not in text
