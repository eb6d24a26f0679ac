"""Tests for the end-of-interview summary."""

from __future__ import annotations

from interview.models import (
    Category,
    CriterionScore,
    Feedback,
    Question,
    RoleFocus,
    SessionRecord,
    Turn,
)
from interview.summary import summarise


def behavioural(qid: str, category: Category) -> Question:
    return Question(
        id=qid,
        category=category,
        roles=[RoleFocus.DATA_ANALYST],
        text="Tell me about it.",
        strong_signals=["A signal"],
    )


def graded(index: int, q: Question, score: int, clarity: int) -> Turn:
    feedback = Feedback(
        score=score,
        criteria=[
            CriterionScore(name="Structure", score=score),
            CriterionScore(name="Clarity", score=clarity),
        ],
        grader="fake",
    )
    return Turn(index=index, question=q, answer="an answer", feedback=feedback)


def record(*turns: Turn) -> SessionRecord:
    return SessionRecord(
        id="x" * 22, role=RoleFocus.DATA_ANALYST, mode="behavioural", num_questions=4, turns=turns
    )


def test_summary_averages_overall_per_category_and_per_criterion() -> None:
    team = behavioural("tc-1", Category.TEAM_COLLABORATION)
    team2 = behavioural("tc-2", Category.TEAM_COLLABORATION)
    portfolio = behavioural("pf-1", Category.PORTFOLIO)
    skipped = Turn(index=3, question=behavioural("pf-2", Category.PORTFOLIO), skipped=True)
    summary = summarise(
        record(graded(0, team, 4, 2), graded(1, team2, 5, 3), graded(2, portfolio, 1, 1), skipped)
    )
    assert (summary.asked, summary.answered, summary.skipped) == (4, 3, 1)
    assert summary.overall == 3.33
    assert {c.category: c.average for c in summary.categories} == {
        Category.TEAM_COLLABORATION: 4.5,
        Category.PORTFOLIO: 1.0,
    }
    assert {c.name: (c.average, c.count) for c in summary.criteria} == {
        "Structure": (3.33, 3),
        "Clarity": (2.0, 3),
    }
    assert summary.strongest == [Category.TEAM_COLLABORATION]
    assert summary.weakest == [Category.PORTFOLIO]


def test_summary_of_an_interview_with_nothing_graded_has_no_overall() -> None:
    skipped = Turn(index=0, question=behavioural("tc-1", Category.TEAM_COLLABORATION), skipped=True)
    summary = summarise(record(skipped))
    assert summary.overall is None
    assert summary.categories == [] and summary.strongest == [] and summary.weakest == []


def test_a_tie_between_all_categories_names_no_strongest_or_weakest() -> None:
    a = graded(0, behavioural("tc-1", Category.TEAM_COLLABORATION), 3, 3)
    b = graded(1, behavioural("pf-1", Category.PORTFOLIO), 3, 3)
    summary = summarise(record(a, b))
    assert summary.strongest == [] and summary.weakest == []
