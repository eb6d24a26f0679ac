"""Length cannot buy score: filler appended to an answer never raises it (issue 3, point 6)."""

from __future__ import annotations

import pytest

from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record

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
