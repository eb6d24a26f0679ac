"""Criteria for technical answers: relevance, key points, correctness, depth, clarity.

Each function returns a ``CriterionScore`` whose evidence is quoted from the answer (or is
empty) and whose comment says what was there or what was missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview.grading import rubric
from interview.grading.markers import Markers, find_markers, points_to_score
from interview.grading.text import Analysed, find_phrase, quote, sentence_at, tokens
from interview.grading.vocab import TopicProfile
from interview.models import CriterionScore, KeyPoint, Misconception, Question

# Words that, in the same sentence, show a misconception is being rejected, not asserted.
_DENIAL_TEXT = (
    "not n't never no myth misconception wrong false incorrect mistake mistaken contrary "
    "unlike instead rather although despite misleading untrue isn't doesn't don't aren't "
    "can't cannot won't wasn't shouldn't"
)
_DENIAL = frozenset(_DENIAL_TEXT.split())


@dataclass(frozen=True)
class Coverage:
    """Which key points an answer covers, each with the sentence that shows it."""

    covered: tuple[tuple[KeyPoint, str], ...]
    missed: tuple[KeyPoint, ...]

    @property
    def share(self) -> float:
        """Covered key points over all key points (1.0 when there are none)."""
        total = len(self.covered) + len(self.missed)
        return len(self.covered) / total if total else 1.0


def key_point_evidence(answer: Analysed, point: KeyPoint) -> str | None:
    """The sentence of ``answer`` that mentions ``point``, or ``None``."""
    for phrasing in (*point.phrasings, point.name):
        where = find_phrase(answer, phrasing)
        if where is not None:
            return sentence_at(answer, where)
    return None


def coverage(question: Question, answer: Analysed) -> Coverage:
    """Match every key point of ``question`` against ``answer``."""
    covered: list[tuple[KeyPoint, str]] = []
    missed: list[KeyPoint] = []
    for point in question.key_points:
        evidence = key_point_evidence(answer, point)
        if evidence is None:
            missed.append(point)
        else:
            covered.append((point, evidence))
    return Coverage(tuple(covered), tuple(missed))


def key_points_score(cov: Coverage) -> CriterionScore:
    """1-5 from the share of key points covered."""
    score = 1 + round(4 * cov.share**0.8) if cov.covered else 1
    names = ", ".join(p.name for p, _ in cov.covered) or "none"
    comment = f"Covered {len(cov.covered)} of {len(cov.covered) + len(cov.missed)}: {names}."
    if cov.missed:
        comment += " Missing: " + ", ".join(p.name for p in cov.missed) + "."
    evidence = quote(cov.covered[0][1]) if cov.covered else ""
    return CriterionScore(name=rubric.KEY_POINTS, score=score, evidence=evidence,
                          comment=quote(comment, 600))


def asserted_misconceptions(question: Question, answer: Analysed) -> list[tuple[Misconception,
                                                                                 str]]:
    """Misconceptions the answer states as true, each with the sentence stating it."""
    found: list[tuple[Misconception, str]] = []
    for wrong in question.misconceptions:
        for phrasing in wrong.phrasings:
            where = find_phrase(answer, phrasing)
            if where is None:
                continue
            sentence = sentence_at(answer, where)
            own = set(tokens(phrasing))
            if not any(t in _DENIAL and t not in own for t in tokens(sentence)):
                found.append((wrong, sentence))
                break
    return found


def correctness_score(wrong: list[tuple[Misconception, str]], cov: Coverage) -> CriterionScore:
    """1-2 when a misconception is asserted; otherwise by how much verifiable content there is."""
    if wrong:
        first, sentence = wrong[0]
        comment = f"States that {first.statement.rstrip('.')}. In fact: {first.correction}"
        return CriterionScore(name=rubric.CORRECTNESS, score=1 if len(wrong) > 1 else 2,
                              evidence=quote(sentence), comment=quote(comment, 600))
    if cov.share >= 0.5:
        return CriterionScore(name=rubric.CORRECTNESS, score=5, evidence=quote(cov.covered[0][1]),
                              comment="What is said is accurate; no known misconception stated.")
    if cov.covered:
        return CriterionScore(name=rubric.CORRECTNESS, score=4, evidence=quote(cov.covered[0][1]),
                              comment="No error found, but much of the expected content is "
                              "missing, so little can be checked.")
    return CriterionScore(name=rubric.CORRECTNESS, score=2, comment="Nothing in the answer can "
                          "be checked against the expected content.")


def relevance_score(profile: TopicProfile, answer: Analysed) -> CriterionScore:
    """1-5 from how much of the answer is about the question's subject."""
    value = profile.relevance(answer)
    score = max(1, min(5, 1 + round(4 * min(1.0, value / 0.8))))
    hits = [s for s in answer.stems if s in profile.asked]
    evidence = ""
    if hits:
        evidence = quote(sentence_at(answer, answer.stems.index(hits[0])))
    if score >= 4:
        comment = "Stays on the question throughout."
    elif score >= 3:
        comment = "Partly on the question; some sentences drift from what was asked."
    else:
        comment = "Says little about what was asked; address the question's subject directly."
    return CriterionScore(name=rubric.RELEVANCE, score=score, evidence=evidence, comment=comment)


def on_topic_sentences(profile: TopicProfile, answer: Analysed) -> set[int]:
    """Indexes of the sentences that use at least one of the question's subject words."""
    return {answer.sentence_of[i] for i, s in enumerate(answer.stems) if s in profile.topic}


def depth_score(profile: TopicProfile, answer: Analysed, cov: Coverage) -> CriterionScore:
    """1-5 from distinct concrete markers in on-topic sentences plus breadth of subject words."""
    marks: Markers = find_markers(answer, on_topic_sentences(profile, answer))
    breadth = len((answer.stem_set & profile.topic) - profile.asked)
    points = marks.points() + min(3, breadth // 3) + min(3, len(cov.covered) // 2)
    score = points_to_score(points, (2, 4, 6, 8))
    shown = marks.evidence()
    evidence = quote(", ".join(shown)) if shown else ""
    if score >= 4:
        comment = "Concrete: names methods, figures or trade-offs."
    elif shown:
        comment = "Some specifics; add a concrete method, a number or a trade-off."
    else:
        comment = "No concrete methods, figures or trade-offs: say how, with what, at what cost."
    return CriterionScore(name=rubric.DEPTH, score=score, evidence=evidence, comment=comment)


def clarity_score(answer: Analysed, content_score: int) -> CriterionScore:
    """1-5 from sentence length and visible structure, never above content allows."""
    count = max(1, len(answer.sentences))
    words = len(answer.words) / count
    marks = find_markers(answer)
    score = 3
    score += 1 if 6 <= words <= 30 else (-1 if words > 45 else 0)
    score += 1 if count >= 2 and (marks.structure or marks.reasons) else 0
    score -= 1 if count == 1 and len(answer.words) < 10 else 0
    score = max(1, min(score, content_score + 1, 5))
    lead = answer.sentences[0] if answer.sentences else ""
    comment = ("Easy to follow." if score >= 4 else
               "Hard to follow; use short sentences and say the main point first.")
    if score >= 4 and not re.search(r"\w", lead):
        comment = "Readable."
    return CriterionScore(name=rubric.CLARITY, score=score, evidence=quote(lead, 120),
                          comment=comment)
