"""The offline grader: rubric scoring in plain Python, no network, no model, deterministic.

Flow: guards (``guards.check_answer``) clean the answer and set a cap; the criteria for the
question's kind are scored on the cleaned text; the overall score is the rubric's weighted
mean of those criteria, bounded by the content ceilings and the guards' cap
(``rubric.overall``); advice is derived from what was missed (``advice``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from interview.grading import advice, behavioural, rubric, technical
from interview.grading.common_misconceptions import asserted_common
from interview.grading.guards import GuardReport, check_answer
from interview.grading.text import Analysed, analyse, quote
from interview.grading.themes import themes_asked
from interview.grading.vocab import topic_profile
from interview.models import CriterionScore, Feedback, Flag, Kind, Question

STORY_PARTS = (rubric.SITUATION, rubric.TASK, rubric.ACTION, rubric.RESULT)


@dataclass
class Graded:
    """The criteria of one answer and what the feedback says beyond them."""

    criteria: list[CriterionScore]
    weights: dict[str, float]
    improvements: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    follow_up: str | None = None
    misconception: bool = False
    cap: int = 5  # what the content allows at most, beyond the guards (e.g. no example)


class OfflineGrader:
    """Grades answers against the question's key points, misconceptions and signals."""

    name = "offline"

    def grade(self, question: Question, answer: str) -> Feedback:
        """Return complete feedback on ``answer``; never raises for a bad answer."""
        report = check_answer(question, answer)
        mode = behavioural.question_mode(question)
        if question.kind is Kind.TECHNICAL:
            graded = _without_unsupported(question, report, grade_technical(question, report))
        elif mode == behavioural.STORY:
            graded = grade_story(question, report)
        elif mode == behavioural.PLAN:
            graded = grade_plan(question, report)
        elif mode == behavioural.EITHER:
            graded = _better(report, grade_story(question, report), grade_plan(question, report))
        else:
            graded = grade_prepared(question, report)
        return _finish(question, report, graded)


def grade_technical(question: Question, report: GuardReport) -> Graded:
    """Relevance, key points, correctness, depth and clarity of a technical answer."""
    answer = analyse(report.text)
    profile = topic_profile(question)
    cov = technical.coverage(question, answer, profile.asked)
    wrong = technical.asserted_misconceptions(question, answer)
    if not question.misconceptions:
        wrong = asserted_common(profile, answer)
    criteria = [technical.relevance_score(profile, answer)]
    if question.key_points:
        criteria.append(technical.key_points_score(cov))
        criteria.append(technical.correctness_score(wrong, cov))
    depth = technical.depth_score(profile, answer, cov)
    criteria += [depth, technical.clarity_score(answer, max(c.score for c in criteria),
                                                technical.on_topic_sentences(profile, answer))]
    improvements = [advice.misconception_advice(w) for w, _ in wrong]
    improvements += [advice.key_point_advice(p) for p in cov.missed[:3]]
    improvements += advice.criterion_advice([c for c in criteria if c.name != rubric.RELEVANCE])
    gap = cov.missed[0] if cov.missed else None
    follow = advice.follow_up_for_gap(question, gap)
    if gap is None and wrong:
        follow = f"Are you sure that {wrong[0][0].statement.rstrip('.')}? Why?"
    return Graded(criteria, rubric.TECHNICAL_WEIGHTS, improvements,
                  [p.name for p, _ in cov.covered], [p.name for p in cov.missed], follow,
                  bool(wrong))


def _supporting(question: Question, answer: Analysed) -> list[str]:
    """The sentences that carry checkable content: key-point evidence (exact or a partial
    paraphrase) or a number."""
    asked = topic_profile(question).asked
    keep: set[str] = set()
    for point in question.key_points:
        evidence = technical.key_point_evidence(answer, point)
        share, sentence = technical.soft_match(answer, point, asked)
        if evidence:
            keep.add(evidence)
        if sentence and share >= technical.SOFT_PARTIAL:
            keep.add(sentence)
    keep.update(s for s in answer.sentences if re.search(r"\d", s))
    return [s for s in answer.sentences if s in keep]


def _without_unsupported(question: Question, report: GuardReport, graded: Graded) -> Graded:
    """The lower of two readings: the whole answer, and only its sentences with checkable
    content. Sentences with nothing checkable (general remarks on the subject, however
    fluent) then never raise a score: length cannot buy it."""
    answer = analyse(report.text)
    if not question.key_points or len(answer.sentences) < 2:
        return graded
    kept = _supporting(question, answer)
    if not kept or len(kept) == len(answer.sentences):
        return graded
    lean = grade_technical(question, replace(report, text=" ".join(kept)))
    if lean.misconception != graded.misconception:
        # Sentences brought together by the cut can look like a claim; and a claim stated in
        # a sentence the cut leaves out is still stated, so the whole reading keeps it.
        return graded
    cap = min(report.cap, graded.cap)
    worse = rubric.overall(lean.criteria, lean.weights, cap) < rubric.overall(
        graded.criteria, graded.weights, cap)
    return lean if worse else graded


def grade_story(question: Question, report: GuardReport) -> Graded:
    """Each STAR part, ownership, specificity, relevance (and key points if any) of a story."""
    answer = analyse(report.text)
    action = behavioural.action_score(answer)
    criteria = [behavioural.star_part(answer, rubric.SITUATION),
                behavioural.star_part(answer, rubric.TASK),
                action,
                behavioural.star_part(answer, rubric.RESULT),
                behavioural.ownership_score(answer, action.score),
                behavioural.specificity_score(answer),
                behavioural.story_relevance(topic_profile(question), answer,
                                                themes_asked(question.text))]
    graded = Graded(criteria, rubric.STORY_WEIGHTS)
    denial = behavioural.denies_the_premise(answer)
    if denial is not None:
        graded.cap = rubric.NO_EXAMPLE_CAP
        graded.improvements.append(
            f'"{quote(denial, 80)}" gives no example. Interviewers ask for a real time it '
            "happened; pick the closest one you have and tell it: the situation, what you did, "
            "what changed.")
    _add_key_points(question, answer, graded)
    part = advice.weakest(criteria, (*STORY_PARTS, rubric.OWNERSHIP, rubric.SPECIFICITY))
    graded.improvements += advice.criterion_advice(criteria, limit=3)
    graded.follow_up = advice.story_follow_up(question, part)
    return graded


def grade_prepared(question: Question, report: GuardReport) -> Graded:
    """A behavioural answer that is not a story: relevance, signals, specificity, voice."""
    return _grade_non_story(
        question,
        report,
        lambda answer: [behavioural.specificity_score(answer), behavioural.ownership_score(answer)],
        rubric.PREPARED_WEIGHTS,
    )


def grade_plan(question: Question, report: GuardReport) -> Graded:
    """A behavioural answer that lays out a plan ("How would you...?"): relevance, signals,
    the approach (steps, reasons, trade-offs), specificity and clarity."""
    return _grade_non_story(
        question,
        report,
        lambda answer: [behavioural.approach_score(answer), behavioural.specificity_score(answer)],
        rubric.PLAN_WEIGHTS,
    )


def _grade_non_story(
    question: Question,
    report: GuardReport,
    own_criteria: Callable[[Analysed], list[CriterionScore]],
    weights: dict[str, float],
) -> Graded:
    """Shared shape of prepared and plan answers: relevance, signals, the kind's own
    criteria, clarity; advice from missing signals, key points and weak criteria."""
    answer = analyse(report.text)
    match = behavioural.signal_match(question, answer)
    criteria = [technical.relevance_score(topic_profile(question), answer)]
    if question.strong_signals:
        criteria.append(behavioural.signals_score(match))
    criteria += own_criteria(answer)
    criteria.append(_clarity(question, answer, criteria))
    graded = Graded(criteria, weights)
    graded.improvements += [advice.signal_advice(s) for s in match.missing[:2]]
    _add_key_points(question, answer, graded)
    graded.improvements += advice.criterion_advice(criteria)
    graded.follow_up = question.follow_ups[0] if question.follow_ups else None
    return graded


def _better(report: GuardReport, story: Graded, plan: Graded) -> Graded:
    """The higher-scoring reading of an answer to a question that accepts a plan or a
    real example (the story on a tie)."""
    def score(graded: Graded) -> int:
        return rubric.overall(graded.criteria, graded.weights, min(report.cap, graded.cap))
    return plan if score(plan) > score(story) else story


def _clarity(question: Question, answer: Analysed, criteria: list[CriterionScore]
             ) -> CriterionScore:
    """Clarity of the sentences about the question, no higher than the content allows."""
    on_topic = technical.on_topic_sentences(topic_profile(question), answer)
    return technical.clarity_score(answer, max(c.score for c in criteria), on_topic)


def _add_key_points(question: Question, answer: Analysed, graded: Graded) -> None:
    """Score a behavioural question's optional key points into ``graded``."""
    if not question.key_points:
        return
    cov = technical.coverage(question, answer, topic_profile(question).asked)
    graded.criteria.append(technical.key_points_score(cov))
    graded.covered = [p.name for p, _ in cov.covered]
    graded.missed = [p.name for p in cov.missed]
    graded.improvements += [advice.key_point_advice(p) for p in cov.missed[:2]]


def _finish(question: Question, report: GuardReport, graded: Graded) -> Feedback:
    """Assemble the feedback: overall score, flags, guard reasons and advice."""
    cap, flags = min(report.cap, graded.cap), report.flags
    if graded.misconception:
        cap = min(cap, rubric.MISCONCEPTION_CAP)
        flags = [*flags, Flag.MISCONCEPTION]
    criteria = _bounded(graded.criteria, report)
    improvements = [*advice.flag_advice(flags), *graded.improvements]
    return Feedback(
        score=rubric.overall(criteria, graded.weights, cap),
        criteria=criteria,
        strengths=[] if report.unusable else advice.strengths(criteria),
        improvements=list(dict.fromkeys(improvements))[:6],
        key_points_covered=graded.covered,
        key_points_missed=graded.missed,
        flags=flags,
        follow_up=graded.follow_up,
        model_answer=advice.model_answer(question),
        notices=report.reasons,
        grader=OfflineGrader.name,
    )


def _bounded(criteria: list[CriterionScore], report: GuardReport) -> list[CriterionScore]:
    """Criterion scores no higher than the guards allow, with the guard's reason attached."""
    if report.cap >= 5:
        return criteria
    reason = report.reasons[0] if report.reasons else ""
    bounded = []
    for c in criteria:
        if c.score > report.cap:
            comment = f"{c.comment} Capped at {report.cap}: {reason}".strip()
            c = c.model_copy(update={"score": report.cap, "comment": comment[:600]})
        bounded.append(c)
    return bounded
