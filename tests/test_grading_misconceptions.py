"""Well-known misconceptions are caught on ad hoc questions that bring none of their own.

Every entry of ``interview/grading/data/misconceptions.toml`` has one row in ``CASES``: an ad
hoc question on its subject, a confident wrong answer (flagged, scored at most 2), an honest
answer and an answer that rejects the myth (neither flagged). The precision tests run every
entry, on its own subject, over answers known to be correct: the question bank's reference
answers, the shared ds-theory references, the well-graded answers of the labelled sets and the
honest answers of ``CASES``; a hit there would tell a correct candidate they are wrong.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.grading.common_misconceptions import (
    CommonMisconception,
    asserted_common,
    load_common,
    topic_stems,
)
from interview.grading.text import Analysed, analyse, clean
from interview.grading.vocab import TopicProfile, topic_profile
from interview.models import Flag
from interview.questions import load_bank

ROOT = Path(__file__).resolve().parents[1]
DS_THEORY = ROOT.parent / "shared" / "benchmarks" / "ds-theory-qa.jsonl"
LABELLED = (ROOT / "benchmarks" / "data" / "devset.jsonl",
            ROOT / "benchmarks" / "data" / "holdout.jsonl")
# A labelled answer graded this high is correct; no misconception may be found in it.
WELL_GRADED = 4

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


class Case(NamedTuple):
    """One entry of the list exercised: an ad hoc question and three answers to it."""

    key: str
    question: str
    wrong: str
    right: str
    rejects: str


CASES: list[Case] = [
    # ---- the first entries of the list ----
    Case("l2-sparse", "What is the difference between L1 and L2 regularisation?",
         "L2 is the one that gives sparse models: it pushes small weights to exactly zero, "
         "while L1 only shrinks them. So for feature selection you use ridge.",
         "L1 (lasso) can set weights exactly to zero and so selects features, whereas L2 "
         "(ridge) shrinks all weights smoothly towards zero. Both add a penalty to the loss.",
         "It is a myth that L2 gives sparse weights: ridge shrinks them, and only L1 sets some "
         "exactly to zero."),
    Case("pvalue-null-true", "What does a p-value tell you in hypothesis testing?",
         "The p-value is the probability that the null hypothesis is true. So p = 0.03 means "
         "a 97% chance that our hypothesis is correct.",
         "The p-value is the probability of seeing data at least as extreme as ours if the "
         "null hypothesis were true. A small one is evidence against the null.",
         "It is wrong to say the p-value is the probability that the null hypothesis is true."),
    Case("accuracy-imbalanced",
         "How would you evaluate a classifier on a heavily imbalanced fraud dataset?",
         "After SMOTE the classes are 50/50, so accuracy is now a meaningful metric for the "
         "balanced data. I would report accuracy and stop there.",
         "With rare positives, accuracy rewards predicting the majority class, so I would use "
         "precision, recall and PR-AUC on the original class balance.",
         "The idea that accuracy is a good metric for imbalanced data is a myth."),
    Case("resample-before-split",
         "How would you handle a heavily imbalanced classification problem with SMOTE?",
         "I'd apply SMOTE to the whole dataset first so it is 50/50, then split into train and "
         "test. That gives the model plenty of minority examples everywhere.",
         "I split first and apply SMOTE only inside the training folds, so the test set keeps "
         "the real class balance.",
         "Applying SMOTE to the whole dataset and then splitting is a mistake: synthetic "
         "copies leak into the test set."),
    Case("trees-need-scaling",
         "When does feature scaling matter, and which methods would you use?",
         "Scaling is needed for every model, especially decision trees and random forests, so "
         "I always min-max scale before training XGBoost.",
         "Scaling matters for kNN, SVMs and gradient descent; trees split on one feature at a "
         "time, so monotonic rescaling leaves them unchanged.",
         "Saying that scaling is required for decision trees and random forests is wrong."),
    Case("correlation-causation", "What is the difference between correlation and causation?",
         "If two metrics are strongly correlated, that proves one causes the other. So ice "
         "cream sales drive sunburn.",
         "Correlation measures association; a confounder such as hot weather can drive both "
         "ice cream sales and sunburn, so causal claims need an experiment or a causal design.",
         "The claim that correlation implies causation is false: confounders can create it."),
    Case("overfitting-too-simple", "What is overfitting and how do you detect it?",
         "Overfitting happens when the model is too simple to capture the data. More data "
         "will always fix it, so I just collect more.",
         "Overfitting is when a flexible model fits noise in the training data: training "
         "error is low and validation error much higher. Regularisation and early stopping "
         "help.",
         "It is a myth that overfitting comes from a model that is too simple; that is "
         "underfitting."),
    Case("precision-recall-swapped",
         "What are precision and recall, and when would you favour one over the other?",
         "Precision measures how many of the actual positives the model managed to find, and "
         "recall is the share of the model's positive predictions that were correct. For "
         "cancer screening you want high precision.",
         "Precision is the share of predicted positives that are truly positive; recall is the "
         "share of actual positives the model finds. Screening favours recall.",
         "It is wrong to say precision is the share of actual positives the model finds; that "
         "is recall."),
    Case("forest-boosting-swapped", "How do random forests and gradient boosting differ?",
         "A random forest builds its trees one after another, each tree correcting the last. "
         "Gradient boosting trains its trees in parallel and takes a majority vote.",
         "A random forest grows independent deep trees on bootstrap samples and averages them; "
         "gradient boosting adds shallow trees sequentially, each fitting the current "
         "residuals.",
         "It is a mistake to think a random forest builds its trees one after another."),
    Case("drop-missing-rows", "How do you deal with missing values in a dataset?",
         "Just drop all rows with missing values, that's the cleanest way. Imputing is "
         "basically making up data.",
         "First check why values are missing; then impute with statistics fitted on the "
         "training data, add missing indicators, or use a model that handles them natively.",
         "To just drop all rows with missing values is a mistake when the data are not "
         "missing at random."),
    Case("timeseries-shuffle", "How would you validate a forecasting model on time-series data?",
         "I shuffle the rows first, then run ordinary 5-fold cross-validation so every fold "
         "sees all seasons. That gives the most stable estimate.",
         "I use forward-chaining splits: train on the past, validate on the period that "
         "follows, and roll the origin forward several times.",
         "You should never shuffle the rows first and then run k-fold, because the model would "
         "train on the future."),
    Case("leakage-privacy", "What is data leakage, and how can it happen?",
         "Leakage is when customers' personal data gets out of the company, for example "
         "through a public bucket. You prevent it with encryption.",
         "Leakage is information in training that would be unavailable at prediction time, "
         "such as a target-derived feature or a scaler fitted on all the data; it inflates "
         "offline scores.",
         "Leakage in ML is not about personal data or a security breach."),
    Case("auc-accuracy", "What does the ROC AUC of a classifier tell you?",
         "AUC is the accuracy of the model at the 0.5 threshold, so 0.8 means 80% correct. An "
         "AUC of 0 is the worst possible model.",
         "ROC AUC is the probability that a random positive is ranked above a random negative; "
         "0.5 is random ranking and values near 1 separate the classes well.",
         "It is wrong that AUC is the accuracy of the model; it measures ranking."),
    Case("kmeans-supervised", "How does k-means clustering work, and how do you choose k?",
         "k-means is a supervised algorithm where the k nearest neighbours vote on the label. "
         "You choose k by cross-validation.",
         "k-means is unsupervised: it alternates assigning points to the nearest centroid and "
         "moving centroids to the mean of their points. Choose k with the elbow method.",
         "k-means is not a supervised method; it clusters unlabelled points."),
    Case("dropout-permanent", "What does dropout do in a neural network?",
         "Dropout permanently removes the least important neurons after training. It is "
         "mainly a compression technique for phones.",
         "During training dropout zeroes a random subset of units at each step, which acts as "
         "a regulariser; at inference all units are used.",
         "It is a misconception that dropout permanently removes neurons."),
    Case("pca-selects-features", "What is PCA and when would you use it?",
         "PCA selects the most important original features by ranking them by correlation "
         "with the target. It keeps the columns interpretable.",
         "PCA builds new features as linear combinations of all the original ones, along "
         "orthogonal directions of maximum variance, without using the target.",
         "The idea that PCA selects and ranks the original features is wrong."),
    Case("logistic-rounding",
         "Why use logistic regression instead of linear regression for a binary outcome?",
         "Logistic regression is basically linear regression where you round the output to "
         "0 or 1. It is fitted by least squares the same way.",
         "Logistic regression models the log-odds as a linear function and maps them through "
         "the sigmoid to a probability; it is fitted by maximum likelihood.",
         "It is wrong to call logistic regression linear regression with rounding."),
    Case("vanishing-learning-rate",
         "What is the vanishing gradient problem and how is it addressed?",
         "It happens when the learning rate is too small, so the gradient vanishes. The fix "
         "is to increase the learning rate tenfold.",
         "Gradients shrink as they are multiplied back through many layers with small "
         "derivatives, such as saturated sigmoids; residual connections, ReLU and careful "
         "initialisation help.",
         "A learning rate that is too small does not make gradients vanish."),
]

ENTRIES = {entry.key: entry for entry in load_common()}


def _case_question(case: Case):
    return question_from_record(f"case-{case.key}", case.question)


def _found_by(entry: CommonMisconception, profile: TopicProfile, text: str) -> list[str]:
    """Sentences of ``text`` in which ``entry`` is found, through the grader's own check."""
    answer = analyse(clean(text))
    return [sentence for wrong, sentence in asserted_common(profile, answer)
            if wrong is entry.misconception]


def _own_subject(entry: CommonMisconception) -> TopicProfile:
    """A question about every topic word of ``entry``: the entry always applies."""
    return TopicProfile(asked=frozenset(), topic=entry.subject)


def test_every_entry_has_exactly_one_case():
    keys = [case.key for case in CASES]
    assert len(keys) == len(set(keys)), "a key has two rows in CASES"
    assert len(ENTRIES) == len(load_common()), "two entries share an id"
    assert set(keys) == set(ENTRIES), (
        f"entries without a row: {sorted(set(ENTRIES) - set(keys))}; "
        f"rows without an entry: {sorted(set(keys) - set(ENTRIES))}")
    assert len(CASES) == len(load_common())


def test_every_listed_misconception_has_a_statement_correction_and_topic():
    entries = load_common()
    assert len(entries) >= 10
    for entry in entries:
        assert entry.key and entry.topic and entry.patterns and entry.misconception.correction


def test_every_topic_word_can_open_its_entry():
    """A topic made only of words every answer uses ("value", "time") never matches."""
    import tomllib
    from importlib import resources

    text = resources.files("interview.grading").joinpath("data", "misconceptions.toml")
    for entry in tomllib.loads(text.read_text("utf-8"))["misconception"]:
        dead = [word for word in entry["topic"] if not topic_stems(word)]
        assert not dead, f"{entry['id']}: topic words that are never subject words: {dead}"


def test_every_correction_fits_in_the_advice_uncut():
    for entry in load_common():
        wrong = entry.misconception
        advice = f"Correct the claim that {wrong.statement}: {wrong.correction}"
        assert len(advice) <= 300, f"{entry.key}: advice of {len(advice)} characters is cut"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_a_confident_wrong_answer_is_flagged_and_scores_at_most_two(case):
    question = _case_question(case)
    entry = ENTRIES[case.key]
    assert entry.applies_to(topic_profile(question).topic | topic_profile(question).asked), (
        "the question is not on the entry's topic")
    assert _found_by(entry, topic_profile(question), case.wrong), "the entry misses the claim"
    fb = GRADER.grade(question, case.wrong)
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2
    assert any(tip.startswith("Correct the claim") for tip in fb.improvements)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_an_honest_answer_is_not_flagged(case):
    fb = GRADER.grade(_case_question(case), case.right)
    assert Flag.MISCONCEPTION not in fb.flags, fb.improvements


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_an_answer_rejecting_the_myth_is_not_flagged(case):
    entry = ENTRIES[case.key]
    # The sentence states the claim in the entry's own words: only the rejection saves it.
    assert any(p.search(s) for p in entry.patterns for s in analyse(case.rejects).sentences)
    fb = GRADER.grade(_case_question(case), case.rejects)
    assert Flag.MISCONCEPTION not in fb.flags, fb.improvements


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


def test_a_topic_phrase_needs_all_its_words():
    entry = ENTRIES["forest-boosting-swapped"]
    assert not entry.applies_to(frozenset(topic_stems("random")))
    assert entry.applies_to(frozenset(topic_stems("random forest")))


# ---- precision: no entry may fire on an answer known to be correct ----

@cache
def _bank_references() -> tuple[tuple[str, Analysed], ...]:
    return tuple((f"bank {q.id}", analyse(clean(q.reference_answer)))
                 for q in load_bank().questions if q.reference_answer)


@cache
def _ds_theory_references() -> tuple[tuple[str, Analysed], ...]:
    with DS_THEORY.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return tuple((r["id"], analyse(clean(r["reference_answer"]))) for r in records)


@cache
def _well_graded_answers() -> tuple[tuple[str, Analysed], ...]:
    found = []
    for path in LABELLED:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip() and (record := json.loads(line))["grade"] >= WELL_GRADED:
                    found.append((record["id"], analyse(clean(record["answer"]))))
    return tuple(found)


@cache
def _honest_case_answers() -> tuple[tuple[str, Analysed], ...]:
    return tuple((f"honest answer of {case.key}", analyse(clean(case.right))) for case in CASES)


def _correct_answers(corpus: str) -> tuple[tuple[str, Analysed], ...]:
    if corpus == "ds-theory" and not DS_THEORY.is_file():
        message = f"{DS_THEORY} is absent: the shared ds-theory references were not checked"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {"bank": _bank_references, "ds-theory": _ds_theory_references,
            "labelled": _well_graded_answers, "honest": _honest_case_answers}[corpus]()


@pytest.mark.parametrize("corpus", ["bank", "ds-theory", "labelled", "honest"])
@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_no_entry_fires_on_a_correct_answer(key, corpus):
    entry = ENTRIES[key]
    answers = _correct_answers(corpus)
    assert answers, f"no {corpus} answers were read"
    profile = _own_subject(entry)
    hits = [(source, sentence) for source, answer in answers
            for wrong, sentence in asserted_common(profile, answer)
            if wrong is entry.misconception]
    assert not hits, f"{key} fires on correct answers: {hits[:5]}"
