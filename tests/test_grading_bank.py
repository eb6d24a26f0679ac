"""The offline grader on real question-bank entries."""

from __future__ import annotations

import pytest

from interview.grading import OfflineGrader
from interview.models import Flag, Kind
from interview.questions import load_bank

BANK = list(load_bank())
TECHNICAL = [q for q in BANK if q.kind is Kind.TECHNICAL]
GRADER = OfflineGrader()


def test_every_reference_answer_scores_at_least_four():
    low = [(q.id, GRADER.grade(q, q.reference_answer).score) for q in TECHNICAL
           if GRADER.grade(q, q.reference_answer).score < 4]
    assert not low


def test_reference_outscores_its_first_sentence_on_most_questions():
    better = sum(GRADER.grade(q, q.reference_answer).score
                 > GRADER.grade(q, q.reference_answer.split(". ")[0] + ".").score
                 for q in TECHNICAL)
    assert better >= 0.8 * len(TECHNICAL)


@pytest.mark.parametrize("question", [q for q in TECHNICAL if q.misconceptions][:12],
                         ids=lambda q: q.id)
def test_bank_misconception_stated_as_fact_is_flagged(question):
    wrong = question.misconceptions[0]
    fb = GRADER.grade(question, f"As everyone knows, {wrong.phrasings[0]}. That is the key.")
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2
    assert any(wrong.correction[:40] in tip for tip in fb.improvements)


def test_behavioural_bank_questions_give_complete_feedback():
    for question in [q for q in BANK if q.kind is Kind.BEHAVIOURAL][:20]:
        fb = GRADER.grade(question, "At my last job I was asked to fix a broken weekly report. "
                          "I rebuilt it in SQL and scheduled it, and it now takes 5 minutes "
                          "instead of 2 hours.")
        assert fb.criteria and fb.model_answer and fb.grader == "offline"
        assert 1 <= fb.score <= 5
