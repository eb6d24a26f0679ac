"""The end-of-interview summary, computed from a ``SessionRecord`` alone.

Pure functions over the record, so the UI, the exports and a later history page all
show the same figures. Skipped questions count as skipped, not as a score.
"""

from __future__ import annotations

from statistics import fmean

from pydantic import BaseModel, Field

from interview.models import Category, SessionRecord
from interview.turns import superseded


class CategoryScore(BaseModel):
    """The average overall score of the graded answers in one category."""

    category: Category
    label: str
    average: float = Field(ge=1, le=5)
    answered: int = Field(ge=1)


class CriterionAverage(BaseModel):
    """The average score on one rubric criterion across the interview."""

    name: str
    average: float = Field(ge=1, le=5)
    count: int = Field(ge=1)


class Summary(BaseModel):
    """What the candidate sees at the end: overall, per category, per criterion."""

    asked: int
    answered: int
    skipped: int
    overall: float | None = Field(description="Mean overall score of graded answers")
    categories: list[CategoryScore]
    criteria: list[CriterionAverage]
    strongest: list[Category] = Field(description="Highest average; empty if all tie")
    weakest: list[Category] = Field(description="Lowest average; empty if all tie")


def summarise(record: SessionRecord) -> Summary:
    """Summarise every graded answer in ``record``; a retried answer counts once, as retried."""
    replaced = superseded(record)
    graded = [
        (turn.question.category, feedback)
        for turn in record.turns
        if (feedback := turn.feedback) is not None
        and not turn.skipped
        and turn.index not in replaced
    ]
    by_category: dict[Category, list[int]] = {}
    by_criterion: dict[str, list[int]] = {}
    for category, feedback in graded:
        by_category.setdefault(category, []).append(feedback.score)
        for criterion in feedback.criteria:
            by_criterion.setdefault(criterion.name, []).append(criterion.score)
    categories = [
        CategoryScore(
            category=cat,
            label=cat.label,
            average=round(fmean(by_category[cat]), 2),
            answered=len(by_category[cat]),
        )
        for cat in Category
        if cat in by_category
    ]
    criteria = [
        CriterionAverage(name=name, average=round(fmean(scores), 2), count=len(scores))
        for name, scores in by_criterion.items()
    ]
    strongest, weakest = _extremes(categories)
    scores = [s for values in by_category.values() for s in values]
    return Summary(
        asked=len(record.turns) - len(replaced),
        answered=len(graded),
        skipped=sum(t.skipped for t in record.turns),
        overall=round(fmean(scores), 2) if scores else None,
        categories=categories,
        criteria=criteria,
        strongest=strongest,
        weakest=weakest,
    )


def _extremes(categories: list[CategoryScore]) -> tuple[list[Category], list[Category]]:
    """The categories at the top and at the bottom, unless every category ties."""
    if not categories:
        return [], []
    top = max(c.average for c in categories)
    bottom = min(c.average for c in categories)
    if top == bottom:
        return [], []
    return (
        [c.category for c in categories if c.average == top],
        [c.category for c in categories if c.average == bottom],
    )
