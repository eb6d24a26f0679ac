"""Hypothetical behavioural questions ("How would you...?") are graded as plans, not stories."""

from __future__ import annotations

import pytest

from interview.grading import OfflineGrader, rubric
from interview.grading.behavioural import EITHER, PLAN, STORY, question_mode
from interview.grading.guards import check_answer
from interview.grading.offline import grade_plan, grade_story
from interview.models import Category, Kind, Question, RoleFocus
from interview.questions import load_bank

GRADER = OfflineGrader()
BANK = {q.id: q for q in load_bank()}
BEHAVIOURAL = [q for q in BANK.values() if q.kind is Kind.BEHAVIOURAL and q.reference_answer]
PLAN_ANSWER = (
    "First I would ask the recruiter for one or two specific points, because vague feedback "
    "is hard to act on. Then I would record myself answering five common questions and time "
    "each answer; if most run over two minutes, I would adopt a two-minute time limit and "
    "practise it daily. Success would mean my recorded answers fall under two minutes and "
    "interviewers stop raising it, though one interview is a small sample."
)


def _question(text: str, category: Category = Category.REFLECTING_ON_FEEDBACK) -> Question:
    return Question(id="q", category=category, roles=[RoleFocus.DATA_SCIENTIST], text=text,
                    strong_signals=["Adopts a specific technique (answer first, STAR, a time "
                                    "limit)", "Defines a success criterion and checks it"])


@pytest.mark.parametrize("text, mode", [
    ("How would you ask for feedback after being turned down for a job?", PLAN),
    ("You keep hearing that your answers are too long. What would you do about it?", PLAN),
    ("Halfway through an interview you are told your approach will not scale. How do you "
     "respond in the moment?", PLAN),
    ("A daily job now takes four hours. How do you find the cause? Tell me about a slowdown "
     "you have tracked down, if you can.", EITHER),
    ("Tell me about a time you received critical feedback. Would you react the same way "
     "today?", STORY),
    ("Describe a situation where feedback changed your work.", STORY),
    ("Give an example of feedback you acted on.", STORY),
])
def test_how_would_you_asks_for_a_plan_unless_an_example_is_asked_for(text, mode):
    assert question_mode(_question(text)) == mode


def test_a_plan_is_not_marked_down_for_missing_situation_and_task():
    q = _question("Over several interviews you hear your answers lack structure. What would "
                  "you do about it, and how would you know it had worked?")
    fb = GRADER.grade(q, PLAN_ANSWER)
    names = {c.name for c in fb.criteria}
    assert "Approach" in names and not names & {"Situation", "Task", "Result"}
    assert fb.score >= 4


def test_a_vague_plan_still_scores_low():
    q = _question("How would you ask for feedback after being turned down for a job?")
    assert GRADER.grade(q, "I would just try to do better next time and learn.").score <= 2


def test_a_question_open_to_a_plan_or_a_story_takes_the_better_reading():
    q = BANK["ps-job-suddenly-slow"]
    report = check_answer(q, q.reference_answer)
    fb = GRADER.grade(q, q.reference_answer)
    both = [rubric.overall(g.criteria, g.weights, report.cap)
            for g in (grade_story(q, report), grade_plan(q, report))]
    assert fb.score == max(both)


@pytest.mark.parametrize("question", BEHAVIOURAL, ids=lambda q: q.id)
def test_every_behavioural_reference_answer_in_the_bank_scores_at_least_four(question):
    assert GRADER.grade(question, question.reference_answer).score >= 4


def test_signals_count_when_the_answer_shows_them_in_its_own_words():
    q = BANK["pf-explain-code-choice"]
    fb = GRADER.grade(q, q.reference_answer)
    signals = next(c for c in fb.criteria if c.name == "What a strong answer shows")
    assert signals.score >= 3


def test_model_answer_for_a_plan_question_asks_for_a_plan():
    q = _question("How would you ask for feedback after being turned down for a job?")
    fb = GRADER.grade(q, PLAN_ANSWER)
    assert fb.model_answer is not None and "plan" in fb.model_answer
    assert "real story" not in fb.model_answer
