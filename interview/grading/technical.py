"""Criteria for technical answers: relevance, key points, correctness, depth, clarity.

Each function returns a ``CriterionScore`` whose evidence is quoted from the answer (or is
empty) and whose comment says what was there or what was missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview.grading import rubric
from interview.grading.markers import Markers, find_markers, points_to_score
from interview.grading.text import (
    Analysed,
    content_stems,
    find_phrase,
    quote,
    sentence_at,
    tokens,
)
from interview.grading.vocab import TopicProfile, distinctive
from interview.models import CriterionScore, KeyPoint, Misconception, Question

# Words that, in the same sentence, show a misconception is being rejected, not asserted.
_DENIAL_TEXT = (
    "not n't never no myth misconception wrong false incorrect mistake mistaken contrary "
    "unlike instead rather although despite misleading untrue isn't doesn't don't aren't "
    "can't cannot won't wasn't shouldn't"
)
_DENIAL = frozenset(_DENIAL_TEXT.split())


# Share of a key point's own words that makes it covered (or half-covered) by paraphrase.
SOFT_FULL, SOFT_PARTIAL = 0.6, 0.34


@dataclass(frozen=True)
class Coverage:
    """Which key points an answer covers, each with the sentence that shows it."""

    covered: tuple[tuple[KeyPoint, str], ...]
    missed: tuple[KeyPoint, ...]
    partial: tuple[KeyPoint, ...] = ()

    @property
    def share(self) -> float:
        """Covered key points over all (1.0 when there are none); half-covered count half."""
        total = len(self.covered) + len(self.missed)
        credit = len(self.covered) + 0.5 * len(self.partial)
        return credit / total if total else 1.0


def key_point_evidence(answer: Analysed, point: KeyPoint) -> str | None:
    """The sentence of ``answer`` that mentions ``point``, or ``None``."""
    for phrasing in (*point.phrasings, point.name):
        where = find_phrase(answer, phrasing)
        if where is not None:
            return sentence_at(answer, where)
    return None


def soft_match(answer: Analysed, point: KeyPoint, asked: frozenset[str]) -> tuple[float, str]:
    """Share of the point's own subject words the answer uses, and the best sentence for it.

    Catches a paraphrase of a key point written as a sentence: most of its distinctive
    words appear, though not as one phrase. Words of the question itself do not count.
    """
    wanted = distinctive(content_stems(f"{point.name} {point.phrasings[0]}")) - asked
    if len(wanted) < 2:
        return 0.0, ""
    if not wanted & answer.stem_set:
        return 0.0, ""
    # Words must meet in one passage (a sentence and the next): scattered over the answer
    # they say nothing together, and appended filler could complete a point word by word.
    per_sentence: dict[int, set[str]] = {}
    for j, st in enumerate(answer.stems):
        if st in wanted:
            per_sentence.setdefault(answer.sentence_of[j], set()).add(st)
    windows = {i: per_sentence.get(i, set()) | per_sentence.get(i + 1, set())
               for i in per_sentence}
    best = min(windows, key=lambda i: (-len(windows[i]), i))
    return len(windows[best]) / len(wanted), answer.sentences[best]


def coverage(question: Question, answer: Analysed, asked: frozenset[str] = frozenset()
             ) -> Coverage:
    """Match every key point of ``question`` against ``answer``, exactly or by paraphrase."""
    covered: list[tuple[KeyPoint, str]] = []
    missed: list[KeyPoint] = []
    partial: list[KeyPoint] = []
    for point in question.key_points:
        evidence = key_point_evidence(answer, point)
        if evidence is None:
            share, evidence = soft_match(answer, point, asked)
            if share < SOFT_FULL:
                missed.append(point)
                if share >= SOFT_PARTIAL:
                    partial.append(point)
                continue
        covered.append((point, evidence))
    return Coverage(tuple(covered), tuple(missed), tuple(partial))


def key_points_score(cov: Coverage) -> CriterionScore:
    """1-5 from the share of key points covered."""
    score = 1 + round(4 * cov.share**0.8) if cov.share > 0 else 1
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
    if cov.share >= 0.5 and cov.covered:  # half-covered points alone quote nothing
        return CriterionScore(name=rubric.CORRECTNESS, score=5, evidence=quote(cov.covered[0][1]),
                              comment="What is said is accurate; no known misconception stated.")
    if cov.covered:
        return CriterionScore(name=rubric.CORRECTNESS, score=4, evidence=quote(cov.covered[0][1]),
                              comment="Nothing wrong in what is said (less can be checked "
                              "while key points are missing).")
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
    """Indexes of the sentences that are about the question: two or more of its subject
    words, or one of the words of the question itself (one stray word is not enough)."""
    counts: dict[int, set[str]] = {}
    for i, s in enumerate(answer.stems):
        if s in profile.topic:
            counts.setdefault(answer.sentence_of[i], set()).add(s)
    return {i for i, found in counts.items() if len(found) >= 2 or found & profile.asked}


def depth_score(profile: TopicProfile, answer: Analysed, cov: Coverage) -> CriterionScore:
    """1-5 from distinct concrete markers in on-topic sentences plus breadth of subject words."""
    on_topic = on_topic_sentences(profile, answer)
    marks: Markers = find_markers(answer, on_topic)
    used = {s for i, s in enumerate(answer.stems) if answer.sentence_of[i] in on_topic}
    breadth = len((used & profile.topic) - profile.asked)
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


def clarity_score(answer: Analysed, content_score: int, only: set[int] | None = None
                  ) -> CriterionScore:
    """1-5 from sentence length and visible structure, never above content allows.

    With ``only`` (the sentences about the question), the rest is left out: filler
    sentences of an ordinary length must not make a terse answer read as clearer.
    """
    picked = set(only) if only else set(range(len(answer.sentences)))
    count = max(1, len(picked))
    words = sum(1 for i in answer.sentence_of if i in picked) / count
    marks = find_markers(answer, picked)
    score = 3
    # Short sentences and list lines read well; only run-on sentences lose the point, so
    # filler of an ordinary length cannot buy it.
    score += 1 if words <= 30 else (-1 if words > 45 else 0)
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
