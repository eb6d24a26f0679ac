"""Well-known misconceptions are caught on ad hoc questions that bring none of their own."""

from __future__ import annotations

import pytest

from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.grading.common_misconceptions import load_common
from interview.models import Flag

GRADER = OfflineGrader()
L1_L2 = question_from_record(
    "reg", "What is the difference between L1 and L2 regularisation?",
    key_points=["L1 gives sparse weights", "L2 shrinks weights smoothly", "lasso and ridge",
                "penalty added to the loss", "choose by cross-validation"],
)
P_VALUE = question_from_record(
    "p", "What is a p-value, and what does it not tell you?",
    reference_answer="The p-value is the probability of data at least as extreme as observed "
    "if the null hypothesis were true. It is not the probability that the null is true, and "
    "it says nothing about effect size.",
)
SCALING = question_from_record(
    "scale", "When does feature scaling matter, and which methods would you use?",
    reference_answer="Scaling matters for distance-based models such as kNN and SVMs and for "
    "gradient descent. Trees do not need it. Use standardisation or min-max scaling, fitted "
    "on the training data only.",
)


@pytest.mark.parametrize("question, wrong", [
    (L1_L2, "L2 is the one that gives sparse models: it pushes small weights to exactly zero, "
            "while L1 only shrinks them, so for feature selection you use ridge."),
    (P_VALUE, "The p-value is the probability that the null hypothesis is true, so p = 0.03 "
              "means a 97% chance our hypothesis is correct."),
    (SCALING, "Scaling is needed for every model, especially decision trees and random "
              "forests, so I always min-max scale before training XGBoost."),
])
def test_confident_misconception_on_an_ad_hoc_question_scores_at_most_two(question, wrong):
    fb = GRADER.grade(question, wrong)
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2
    assert any(tip.startswith("Correct the claim") for tip in fb.improvements)


@pytest.mark.parametrize("question, right", [
    (L1_L2, "L1 (lasso) gives sparse weights, setting some exactly to zero, whereas L2 "
            "(ridge) does not give sparse weights; it shrinks them smoothly."),
    (P_VALUE, "It is not the probability that the null hypothesis is true: it is the chance "
              "of data this extreme if the null were true."),
    (SCALING, "Scaling matters for kNN, SVMs and gradient descent; scaling is not needed for "
              "decision trees or random forests, which split on one feature at a time."),
])
def test_rejecting_a_common_misconception_is_not_penalised(question, right):
    assert Flag.MISCONCEPTION not in GRADER.grade(question, right).flags


def test_a_misconception_is_only_checked_on_its_own_subject():
    q = question_from_record("ab", "How would you design an A/B test for a checkout page?")
    answer = ("I would randomise users, pick conversion as the metric, and note that L2 "
              "gives sparse weights is a claim for another day.")
    assert Flag.MISCONCEPTION not in GRADER.grade(q, answer).flags


def test_every_listed_misconception_has_a_statement_correction_and_topic():
    entries = load_common()
    assert len(entries) >= 10
    for entry in entries:
        assert entry.topic and entry.patterns and entry.misconception.correction
