"""The rubric: every criterion, its weight, and the caps on the overall score, in one place.

The overall score is never taken from anyone's say-so. It is the weighted mean of the
criterion scores (1-5) shown to the candidate, rounded half up, then lowered by:

* the content ceilings below (you cannot score well on a question without covering its
  key points, or on a story without saying what you did), and
* the guards' cap (``interview.grading.guards``: empty, gibberish, echo, repetition,
  off-topic, gaming attempts).

Change a weight here and every grader follows. Weights of a kind need not sum to 1: only the
criteria actually scored take part, and they are renormalised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from interview.models import CriterionScore

# Technical answers.
RELEVANCE = "Relevance"
KEY_POINTS = "Key points"
CORRECTNESS = "Correctness"
DEPTH = "Depth and specificity"
CLARITY = "Clarity and structure"

# Behavioural answers told as a story (STAR), and those that are not stories.
SITUATION = "Situation"
TASK = "Task"
ACTION = "Action"
RESULT = "Result"
OWNERSHIP = "Ownership"
SPECIFICITY = "Specificity"
SIGNALS = "What a strong answer shows"
# Behavioural answers that lay out a plan ("How would you...?").
APPROACH = "Approach"

TECHNICAL_WEIGHTS: dict[str, float] = {
    RELEVANCE: 0.15,
    KEY_POINTS: 0.35,
    CORRECTNESS: 0.20,
    DEPTH: 0.20,
    CLARITY: 0.10,
}
# The task is often implicit in a good story, so it weighs least; action and result most.
STORY_WEIGHTS: dict[str, float] = {
    SITUATION: 0.10,
    TASK: 0.05,
    ACTION: 0.25,
    RESULT: 0.25,
    OWNERSHIP: 0.10,
    SPECIFICITY: 0.15,
    RELEVANCE: 0.10,
    KEY_POINTS: 0.15,
}
PREPARED_WEIGHTS: dict[str, float] = {
    RELEVANCE: 0.25,
    SIGNALS: 0.25,
    KEY_POINTS: 0.20,
    SPECIFICITY: 0.20,
    OWNERSHIP: 0.10,
    CLARITY: 0.10,
}

# A plan is judged on what a strong answer shows and on the approach itself: its steps,
# reasons, conditions and trade-offs. No STAR parts: nothing has happened yet.
PLAN_WEIGHTS: dict[str, float] = {
    RELEVANCE: 0.20,
    SIGNALS: 0.25,
    KEY_POINTS: 0.20,
    APPROACH: 0.20,
    SPECIFICITY: 0.10,
    CLARITY: 0.05,
}

# Content ceilings: (criterion, margin). The overall may be at most that criterion's score
# plus the margin. Covering no key point caps a technical answer at 2; a story with no
# action of the candidate's own caps at 2; an answer far from the question caps at 3.
CEILINGS: tuple[tuple[str, int], ...] = (
    (KEY_POINTS, 1),
    (ACTION, 1),
    (RELEVANCE, 2),
    (SIGNALS, 2),
    (APPROACH, 2),
)
# A confidently stated misconception caps the overall, whatever else is right: interviewers
# treat a wrong claim stated as fact as worse than a gap.
MISCONCEPTION_CAP = 2
# A story question answered by denying it ever happened ("I've never missed a deadline"),
# with no example: a fair interviewer gives it the lowest mark.
NO_EXAMPLE_CAP = 1


def weighted_mean(scores: Mapping[str, int], weights: Mapping[str, float]) -> float:
    """The weighted mean of the criteria in ``scores`` that have a weight."""
    used = {name: weights[name] for name in scores if name in weights}
    total = sum(used.values())
    if total <= 0:
        return float(min(scores.values(), default=1))
    return sum(scores[name] * w for name, w in used.items()) / total


def overall(criteria: Iterable[CriterionScore], weights: Mapping[str, float], cap: int = 5) -> int:
    """The overall score 1-5: weighted mean rounded half up, then ceilings and ``cap``."""
    scores = {c.name: c.score for c in criteria}
    value = int(weighted_mean(scores, weights) + 0.5)
    for name, margin in CEILINGS:
        if name in scores:
            value = min(value, scores[name] + margin)
    return max(1, min(5, value, cap))
