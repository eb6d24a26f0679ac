"""A well-told story about the wrong kind of situation answers a different question."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.evaluation import read_eval_file
from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.grading.behavioural import EITHER, STORY, question_mode
from interview.grading.themes import load_themes, themes_asked
from interview.models import Flag, Kind
from interview.questions import load_bank

GRADER = OfflineGrader()
DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def story_question(text: str):  # type: ignore[no-untyped-def]
    return question_from_record("story", text, kind=Kind.BEHAVIOURAL)


PRODUCTION = story_question("Tell me about a time a model you shipped broke in production.")
DEADLINE = story_question("Describe a time you missed a deadline. What did you do?")
DISAGREE = story_question("Tell me about a time you disagreed with your manager.")
SIMPLER = story_question("Tell me about a time you picked a simpler solution over a "
                         "sophisticated one.")

MENTORING = (
    "Last year I mentored a new analyst who was struggling with SQL. I set up weekly pairing "
    "sessions, gave her small real tickets from our backlog and reviewed her queries with her. "
    "After three months she was handling reporting requests on her own."
)
WIKI = (
    "When I joined my last team nobody had documented the warehouse, so every new analyst spent "
    "weeks asking around. I started a wiki page per table with the owner and the known quirks, "
    "and asked each person to add one table a week. Within two months we had covered the 100 "
    "most-used tables and onboarding dropped from six weeks to three."
)
OUTAGE = (
    "A pricing model I deployed started returning empty scores for a third of our accounts "
    "after an upstream team renamed a plan type. I was on call, so I re-pointed the consumers "
    "at the previous day's scores, traced the null mapping in two hours, patched it and "
    "backfilled. I then added a check that fails the job when more than 1% of scores are empty."
)
SLIPPED = (
    "I promised a churn analysis for the quarterly review and realised a week before that the "
    "billing export was incomplete. I told my manager the same day that the date would slip, "
    "offered a partial version on time and delivered the full analysis four days late, with "
    "the gap explained. Since then I check data access before I commit to a date."
)
ARGUED = (
    "My manager wanted to launch the new ranking model on offline metrics alone. I disagreed, "
    "because our offline gains had not held up online twice before, and I proposed a two-week "
    "A/B test instead. I showed her the two earlier cases; she agreed, and the test showed a "
    "0.4% drop in conversion, so we kept the old model."
)
BASELINE = (
    "For ticket routing I first trained a transformer, then tried TF-IDF with a linear model as "
    "a baseline. It was within one point of F1, ran in milliseconds on a CPU and the support "
    "engineers could retrain it, so I recommended the simpler model and we shipped it."
)


@pytest.mark.parametrize(("question", "story"), [
    (PRODUCTION, MENTORING), (PRODUCTION, WIKI), (DEADLINE, WIKI), (DEADLINE, MENTORING),
    (DISAGREE, WIKI), (DISAGREE, OUTAGE), (SIMPLER, MENTORING), (SIMPLER, SLIPPED),
])
def test_a_fluent_story_about_another_situation_is_off_topic(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC in fb.flags and fb.score <= 2
    assert any("does not answer the question" in n for n in fb.notices)


@pytest.mark.parametrize(("question", "story"), [
    (PRODUCTION, OUTAGE), (DEADLINE, SLIPPED), (DISAGREE, ARGUED), (SIMPLER, BASELINE),
])
def test_a_story_on_the_theme_asked_is_relevant_and_not_capped(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 4
    relevance = next(c for c in fb.criteria if c.name == "Relevance")
    assert relevance.score == 5 and relevance.evidence


def test_every_model_story_in_the_bank_touches_the_theme_its_question_names():
    checked = 0
    for q in load_bank().questions:
        if q.kind is not Kind.BEHAVIOURAL or question_mode(q) not in (STORY, EITHER):
            continue
        if not themes_asked(q.text) or not q.reference_answer:
            continue
        fb = GRADER.grade(q, q.reference_answer)
        assert Flag.OFF_TOPIC not in fb.flags, q.id
        checked += 1
    assert checked >= 20


def test_every_theme_is_complete_and_named_by_some_question_in_the_bank_or_these_tests():
    texts = [q.text for q in load_bank().questions]
    texts += [q.text for q in (PRODUCTION, DEADLINE, DISAGREE, SIMPLER)]
    for name in ("devset", "holdout", "holdout2"):  # the team's labelled questions
        texts += [r.question for r in read_eval_file(DATA / f"{name}.jsonl")]
    for theme in load_themes():
        assert theme.label and theme.asked and theme.evidence
        assert any(p.search(t) for t in texts for p in theme.asked), theme.label


@pytest.mark.parametrize("answer", [
    "Honestly, I've never missed a deadline. I plan with buffers and I'm very organised.",
    "I don't really make mistakes like that, because I double-check everything I ship.",
    "I'm honestly never late on a deadline, because I plan with buffers and communicate early.",
])
def test_denying_the_situation_instead_of_telling_one_scores_one(answer):
    fb = GRADER.grade(DEADLINE, answer)
    assert fb.score == 1
    assert any("gives no example" in tip for tip in fb.improvements)
    assert GRADER.grade(DEADLINE, SLIPPED).score >= 3  # a real story to the same question


def test_a_denial_followed_by_a_real_story_is_graded_as_the_story():
    answer = "I have never missed one outright, but I came close once. " + SLIPPED
    fb = GRADER.grade(DEADLINE, answer)
    assert fb.score >= 3
    assert not any("gives no example" in tip for tip in fb.improvements)
