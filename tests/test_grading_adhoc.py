"""Questions built for the grade command from records that are not in the bank."""

from __future__ import annotations

from interview.grading import OfflineGrader
from interview.grading.adhoc import derive_key_points, point_from_text, question_from_record
from interview.models import Kind

REFERENCE = (
    "Overfitting is when a model fits the noise in its training data instead of the signal, "
    "so it does well on training data and badly on unseen data. It shows as a large gap "
    "between training and validation error. Regularisation such as L1 or L2 penalties, early "
    "stopping, dropout and more training data reduce it, and cross-validation checks the fix."
)
QUESTION = "What is overfitting and how do you prevent it?"


def test_plain_key_points_become_key_points_with_paraphrase_phrasings():
    point = point_from_text("gap between training and validation error", QUESTION)
    assert point.name == "gap between training and validation error"
    assert "validation error" in point.phrasings


def test_key_points_are_derived_from_a_reference_answer():
    points = derive_key_points(REFERENCE, QUESTION)
    assert 3 <= len(points) <= 6
    text = " ".join(p.name for p in points)
    assert "noise" in text and "overfitting" not in text.lower()


def test_record_defaults_to_a_technical_question_with_a_valid_id():
    q = question_from_record("My Record #1", QUESTION, reference_answer=REFERENCE)
    assert q.kind is Kind.TECHNICAL
    assert q.id == "my-record-1"
    assert q.key_points and q.reference_answer == REFERENCE


def test_behavioural_record_is_graded_as_a_story():
    q = question_from_record("b", "How do you handle a missed deadline?", kind=Kind.BEHAVIOURAL)
    names = {c.name for c in OfflineGrader().grade(q, "I told my manager early.").criteria}
    assert {"Situation", "Task", "Action", "Result"} <= names


def test_question_with_neither_key_points_nor_reference_grades_relevance_depth_clarity():
    q = question_from_record("n", QUESTION)
    fb = OfflineGrader().grade(q, "Overfitting is fitting noise; I use early stopping and L2.")
    assert {c.name for c in fb.criteria} == {"Relevance", "Depth and specificity",
                                             "Clarity and structure"}


def test_reference_copy_scores_high_and_its_first_sentence_lower():
    q = question_from_record("r", QUESTION, reference_answer=REFERENCE)
    grader = OfflineGrader()
    full = grader.grade(q, REFERENCE).score
    first = grader.grade(q, REFERENCE.split(". ")[0] + ".").score
    assert full >= 4 and first < full


def test_behavioural_how_would_you_record_is_graded_as_a_plan():
    q = question_from_record("w", "How would you handle a missed deadline?",
                             kind=Kind.BEHAVIOURAL)
    fb = OfflineGrader().grade(q, "First I would tell my manager as soon as I knew, because "
                               "an early warning leaves room to re-plan; then I would propose "
                               "a smaller scope or a new date, depending on what matters most.")
    names = {c.name for c in fb.criteria}
    assert "Approach" in names and "Situation" not in names
