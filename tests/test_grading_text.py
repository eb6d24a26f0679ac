"""Word matching that survives paraphrase and spelling (what a candidate notices as fairness)."""

from __future__ import annotations

import pytest

from interview.grading import rubric
from interview.grading.text import analyse, clean, find_phrase, stem
from interview.models import CriterionScore


@pytest.mark.parametrize("words", [
    ("normalise", "normalize", "normalisation", "normalization", "normalised", "normalizing"),
    ("regularisation", "regularization", "regularize", "regularised"),
    ("behaviour", "behavior"),
    ("analyse", "analyze", "analysed"),
    ("modelling", "modeling", "modelled"),
    ("labelled", "labeled", "labelling"),
    ("overfitting", "overfit", "overfits", "overfitted"),
    ("cluster", "clusters", "clustering"),
    ("imbalanced", "imbalance", "unbalanced"),
])
def test_british_american_and_inflected_forms_compare_equal(words):
    assert len({stem(w) for w in words}) == 1, {w: stem(w) for w in words}


def test_words_that_differ_stay_different():
    assert stem("bias") != stem("variance")
    assert stem("precision") != stem("recall")
    assert stem("precise") != stem("prize")


def test_multi_word_phrase_matches_across_a_few_words_in_any_order():
    answer = analyse("We standardised every input feature before fitting the model.")
    assert find_phrase(answer, "feature standardisation") is not None
    assert find_phrase(answer, "standardize the features") is not None


def test_phrase_words_far_apart_do_not_match():
    answer = analyse("Feature importance matters. Much later, in another context entirely, "
                     "after a long digression about deployment and monitoring, we scaled.")
    assert find_phrase(answer, "feature scaling") is None


def test_clean_drops_nul_and_control_characters_but_keeps_text():
    assert clean("a\x00b\x07c\u200bd é 漢字 🙂\nline") == "abcd é 漢字 🙂\nline"


def test_overall_is_weighted_mean_rounded_half_up_then_capped():
    crit = [CriterionScore(name=rubric.RELEVANCE, score=5),
            CriterionScore(name=rubric.KEY_POINTS, score=4),
            CriterionScore(name=rubric.CORRECTNESS, score=4),
            CriterionScore(name=rubric.DEPTH, score=3),
            CriterionScore(name=rubric.CLARITY, score=4)]
    # 0.15*5 + 0.35*4 + 0.2*4 + 0.2*3 + 0.1*4 = 3.95
    assert rubric.overall(crit, rubric.TECHNICAL_WEIGHTS) == 4
    assert rubric.overall(crit, rubric.TECHNICAL_WEIGHTS, cap=2) == 2


def test_no_key_point_covered_caps_a_technical_answer_at_two():
    crit = [CriterionScore(name=rubric.RELEVANCE, score=5),
            CriterionScore(name=rubric.KEY_POINTS, score=1),
            CriterionScore(name=rubric.CORRECTNESS, score=5),
            CriterionScore(name=rubric.DEPTH, score=5),
            CriterionScore(name=rubric.CLARITY, score=5)]
    assert rubric.overall(crit, rubric.TECHNICAL_WEIGHTS) == 2
