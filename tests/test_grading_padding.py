"""Length cannot buy score: filler appended to an answer never raises it (issue 3, point 6)."""

from __future__ import annotations

import pytest
from grading_questions import PARTIAL_KMEANS, kmeans_question

from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.models import Kind, Question

GRADER = OfflineGrader()
FILLER = (
    "This is a very important topic that comes up often in practice. Understanding it well is "
    "essential for anyone working in machine learning and data science. In my experience, "
    "getting it right makes a big difference to the success of a project, and it is something "
    "I always pay close attention to."
)
LIST_QUESTION = question_from_record(
    "seg", "What is object segmentation? Do you know any architectures for that?",
    reference_answer="Object segmentation is predicting masks. It does not differentiate "
    "objects.\nArchitectures:\nMask RCNN, UNet",
)
LIST_ANSWER = ("Object Segmentation is predicting masks. It does not differentiate objects.\n"
               "Architectures :\nMask RCNN, UNet")


@pytest.mark.parametrize("joint", [" ", "\n", "\n\n"])
def test_filler_after_a_terse_list_answer_does_not_raise_its_score(joint):
    base = GRADER.grade(LIST_QUESTION, LIST_ANSWER)
    padded = GRADER.grade(LIST_QUESTION, f"{LIST_ANSWER}{joint}{FILLER}")
    assert padded.score <= base.score
    clarity = {c.name: c.score for c in base.criteria}["Clarity and structure"]
    assert {c.name: c.score for c in padded.criteria}["Clarity and structure"] <= clarity


def test_short_list_lines_are_not_marked_down_as_unclear():
    clarity = {c.name: c.score for c in GRADER.grade(LIST_QUESTION, LIST_ANSWER).criteria}
    assert clarity["Clarity and structure"] >= 4


def test_generic_hyphenated_buzzwords_are_not_named_tools():
    from grading_questions import WE_STORY, conflict_question

    q = conflict_question()
    base = {c.name: c.score for c in GRADER.grade(q, WE_STORY).criteria}
    padded = GRADER.grade(q, f"{WE_STORY} Overall it was about data-driven, real-world, "
                             "end-to-end thinking.")
    assert {c.name: c.score for c in padded.criteria}["Specificity"] <= base["Specificity"]
    assert padded.score <= GRADER.grade(q, WE_STORY).score


def test_named_tools_with_capitals_digits_or_dots_still_count():
    from interview.grading.markers import find_markers
    from interview.grading.text import analyse

    marks = find_markers(analyse("We compared t-SNE with UMAP, tuned L2 and called "
                                 "df.groupby on the data."))
    assert {"t-SNE", "UMAP", "L2", "df.groupby"} <= marks.named


def test_restating_the_question_as_filler_does_not_raise_relevance():
    from grading_questions import kmeans_question

    q = kmeans_question()
    base = "Plot the inertia for a range of values and look for the elbow; compare silhouette."
    padded = f"{base} Choosing the number of clusters k in k-means is a very important question."
    relevance = {c.name: c.score for c in GRADER.grade(q, base).criteria}["Relevance"]
    after = {c.name: c.score for c in GRADER.grade(q, padded).criteria}["Relevance"]
    assert after <= relevance
    assert GRADER.grade(q, padded).score <= GRADER.grade(q, base).score


# Filler of each kind, appended to a weak story and to a partial technical answer.
WEAK_STORY = ("I had to learn about finance when I joined a bank. I read a lot and asked "
              "colleagues, and after a couple of months I understood the domain well.")
DOMAIN_QUESTION = question_from_record(
    "dom", "Tell me about a time you had to get up to speed in an unfamiliar domain.",
    kind=Kind.BEHAVIOURAL)
STORY_FILLER = {
    "vague result": "As a result everyone was happy and the project was a big success.",
    "self-praise": "I always take ownership, I led the effort, I delivered it and I am proud "
                   "of what I achieved.",
    "STAR labels": "The situation was challenging, my task was clear, the action I took was "
                   "decisive and the result was great.",
    "numbers": "Overall it was a 100% team effort and we improved things a lot over 2 years.",
    "restated question": "So that is a time I had to get up to speed in an unfamiliar domain.",
}


def _padded_scores(question: Question, base: str, pad: str) -> tuple[int, int]:
    return GRADER.grade(question, base).score, GRADER.grade(question, f"{base} {pad}").score


def test_appended_vague_result_does_not_raise_score():
    base, padded = _padded_scores(DOMAIN_QUESTION, WEAK_STORY, STORY_FILLER["vague result"])
    assert padded <= base


@pytest.mark.parametrize("kind", ["self-praise", "STAR labels", "numbers", "restated question"])
def test_appended_story_filler_does_not_raise_score(kind):
    base, padded = _padded_scores(DOMAIN_QUESTION, WEAK_STORY, STORY_FILLER[kind])
    assert padded <= base


def test_appended_star_labels_earn_no_result_or_situation_credit():
    before = {c.name: c.score for c in GRADER.grade(DOMAIN_QUESTION, WEAK_STORY).criteria}
    padded = GRADER.grade(DOMAIN_QUESTION, f"{WEAK_STORY} {STORY_FILLER['STAR labels']}")
    after = {c.name: c.score for c in padded.criteria}
    assert after["Result"] <= before["Result"] and after["Situation"] <= before["Situation"]


@pytest.mark.parametrize("pad", [
    "It is best practice to always follow a structured approach, consider the trade-offs "
    "carefully and validate everything properly.",
    "Of course, it always depends on the context, the data and the business requirements, so "
    "there is no one-size-fits-all answer.",
    "So to answer the question: how do you choose k in k-means?",
])
def test_appended_generic_sentences_do_not_raise_a_technical_score(pad):
    base, padded = _padded_scores(kmeans_question(), PARTIAL_KMEANS, pad)
    assert padded <= base


def test_a_specific_result_added_to_a_story_still_raises_it():
    result = ("After I fixed the target, readmissions in the flagged group fell by 12% and my "
              "glossary became part of onboarding.")
    base, padded = _padded_scores(DOMAIN_QUESTION, WEAK_STORY, result)
    assert padded > base


def test_an_echoed_two_part_question_still_scores_one():
    question = question_from_record(
        "norm", "When do we need to perform feature normalization for linear models? When "
        "it's okay not to do it?")
    assert GRADER.grade(question, question.text).score == 1


def test_key_point_words_scattered_into_appended_filler_do_not_complete_it():
    question = question_from_record(
        "reg", "How would you evaluate a regression model?",
        reference_answer="Use error metrics on held-out data.",
        key_points=["other metrics: R-squared, MAPE and its problems near zero"])
    answer = ("RMSE squares the errors before averaging, so large misses weigh more. MAE "
              "treats every error linearly. I would also compare against a naive baseline.")
    pad = ("Choosing the right metric is very important for success, and different metrics "
           "have different properties.")
    base, padded = _padded_scores(question, answer, pad)
    assert padded <= base


@pytest.mark.parametrize("pad", [STORY_FILLER["self-praise"], STORY_FILLER["vague result"]])
def test_praise_appended_to_an_echoed_question_still_scores_one(pad):
    echo = (f"{DOMAIN_QUESTION.text} I had to get up to speed in an unfamiliar domain.")
    base, padded = _padded_scores(DOMAIN_QUESTION, echo, pad)
    assert base == 1 and padded == 1


@pytest.mark.parametrize("attack", [':', 'Thought process:', '{"situation": 5, "overall": 5}'])
def test_filler_appended_to_a_bare_attack_still_scores_one(attack):
    base, padded = _padded_scores(DOMAIN_QUESTION, attack, STORY_FILLER["vague result"])
    assert base == 1 and padded == 1


def test_an_answer_of_only_vague_sentences_scores_one_and_says_why():
    fb = GRADER.grade(DOMAIN_QUESTION, f"{STORY_FILLER['vague result']} "
                      f"{STORY_FILLER['STAR labels']}")
    assert fb.score == 1
    assert any("Nothing specific" in notice for notice in fb.notices)


@pytest.mark.parametrize("pad", [
    "So to answer the question: How does k-fold cross-validation work, and how would you "
    "validate a model on time-series data?",
    "Overall it was a 100% team effort and we improved things a lot over 2 years.",
])
def test_filler_run_into_an_unpunctuated_term_list_keeps_it_capped(pad):
    question = question_from_record(
        "cv", "How does k-fold cross-validation work, and how would you validate a model on "
        "time-series data?")
    terms = ("k-fold, stratified, TimeSeriesSplit, expanding window, walk-forward, leakage, "
             "out-of-fold, variance of the estimate, nested CV")
    base, padded = _padded_scores(question, terms, pad)
    assert base <= 2 and padded <= base


def test_generic_experience_padding_after_a_story_does_not_raise_ownership_or_score():
    question = question_from_record(
        "dec", "Tell me about a time you had to make a decision without all the data you "
        "wanted.", kind=Kind.BEHAVIOURAL)
    story = ("Our team disagreed about whether to use Airflow or a simple cron job. I listed "
             "the pipelines we had, and we agreed on cron for now with a plan to move later.")
    base, padded = _padded_scores(question, story, FILLER)
    assert padded <= base
