"""Choosing the questions of one interview: balance, rising difficulty, skills and history.

``choose`` is the algorithm behind ``QuestionBank.choose``. Within the balance of kinds and
categories it prefers questions that mention a skill from the job description, holds back
questions the candidate answered well recently, and brings weak categories back more often.
The candidate's past is passed in as ``History``, a small value built from saved records by
``history_from_records``, so the chooser never needs the store.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

from interview.models import Category, Difficulty, Kind, Question, SessionRecord
from interview.turns import superseded

DIFFICULTY_RANK: dict[Difficulty, int] = {
    Difficulty.EASY: 0,
    Difficulty.MEDIUM: 1,
    Difficulty.HARD: 2,
}
WELL_ANSWERED = 4  # a latest score at or above this holds a question back
WEAK_CATEGORY = 3.0  # a category averaging below this comes back more often
WEAK_WEIGHT = 2.0  # a weak category gets this many picks for one of any other


@dataclass(frozen=True)
class History:
    """Recent scores, oldest first: per question id and per category."""

    question_scores: Mapping[str, Sequence[int]] = field(default_factory=dict)
    category_scores: Mapping[Category, Sequence[int]] = field(default_factory=dict)

    def held_back(self) -> set[str]:
        """Ids of questions whose latest score was ``WELL_ANSWERED`` or better."""
        return {qid for qid, s in self.question_scores.items() if s and s[-1] >= WELL_ANSWERED}

    def weak_categories(self) -> set[Category]:
        """Categories whose recent average is below ``WEAK_CATEGORY``."""
        return {c for c, s in self.category_scores.items() if s and fmean(s) < WEAK_CATEGORY}


def history_from_records(records: Iterable[SessionRecord], per_key: int = 5) -> History:
    """The last ``per_key`` scores per question and category from saved interviews.

    Records are read in the order given (oldest first); follow-ups and retries count under
    their question, the latest attempt being the one that counts.
    """
    by_question: dict[str, list[int]] = {}
    by_category: dict[Category, list[int]] = {}
    for record in records:
        replaced = superseded(record)
        for turn in record.turns:
            if turn.feedback is None or turn.skipped or turn.follow_up_of is not None:
                continue
            if turn.index in replaced:
                continue
            by_question.setdefault(turn.question.id, []).append(turn.feedback.score)
            by_category.setdefault(turn.question.category, []).append(turn.feedback.score)
    return History(
        {k: tuple(v[-per_key:]) for k, v in by_question.items()},
        {k: tuple(v[-per_key:]) for k, v in by_category.items()},
    )


def skill_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive, whole-word pattern for any of ``terms``; ``None`` if empty."""
    cleaned = sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(t) for t in cleaned)
    return re.compile(rf"(?<![\w+#]){'(?:' + alternatives + ')'}(?![\w+#])", re.IGNORECASE)


def question_text(question: Question) -> str:
    """Everything a question says about its topic: text, key points, signals, follow-ups."""
    parts = [question.text, *question.follow_ups, *question.strong_signals]
    for point in question.key_points:
        parts += [point.name, *point.phrasings]
    return "\n".join(parts)


def mentions(question: Question, pattern: re.Pattern[str] | None) -> bool:
    """Whether the question's text, key points or follow-ups mention a preferred skill."""
    return pattern is not None and pattern.search(question_text(question)) is not None


def skill_matches(question: Question, skills: Sequence[re.Pattern[str]]) -> float:
    """How well the question fits the preferred skills (one pattern each, most important
    first): the k-th skill it mentions adds 1/k, so the top skills count most and a
    question naming several minor ones does not outrank one on the main skill."""
    text = question_text(question)
    return sum(1 / rank for rank, pattern in enumerate(skills, 1) if pattern.search(text))


def choose(
    pool: Sequence[Question],
    n: int,
    rng: random.Random,
    *,
    prefer: Iterable[Iterable[str]] = (),
    history: History | None = None,
) -> list[Question]:
    """Pick up to ``n`` distinct questions from ``pool`` (already filtered for role and mode).

    Technical and behavioural questions take turns, then categories take turns (a weak
    category counts its picks at half weight, so it comes up about twice as often); each
    pick aims at a rising difficulty, preferring the question that best fits the skills in
    ``prefer`` (one collection of terms per skill, name and aliases, most important first;
    see ``skill_matches``). Questions
    answered well recently are left out while enough others remain.
    The result is ordered easy, then medium, then hard.
    """
    history = history or History()
    held = history.held_back()
    fresh = [q for q in pool if q.id not in held]
    candidates_pool = fresh if len(fresh) >= n else list(pool)
    weights = {c: WEAK_WEIGHT for c in history.weak_categories()}
    patterns = [p for terms in prefer if (p := skill_pattern(terms)) is not None]
    shuffled = list(candidates_pool)
    rng.shuffle(shuffled)
    remaining: dict[Category, list[Question]] = {}
    for question in shuffled:
        remaining.setdefault(question.category, []).append(question)
    matched = {q.id: n_skills for q in shuffled if (n_skills := skill_matches(q, patterns))}
    # A random order breaks ties, so different interviews start in different places.
    groups: list[Category | Kind] = [*remaining, *Kind]
    tie_break = {key: i for i, key in enumerate(rng.sample(groups, len(groups)))}
    picks: dict[Category | Kind, int] = dict.fromkeys(groups, 0)

    def category_key(c: Category) -> tuple[float, bool, int]:
        has_skill = any(q.id in matched for q in remaining[c])
        return (picks[c] / weights.get(c, 1.0), not has_skill, tie_break[c])

    chosen: list[Question] = []
    for target in _difficulty_targets(min(n, len(shuffled))):
        open_categories = [c for c, qs in remaining.items() if qs]
        kind = min({c.kind for c in open_categories}, key=lambda k: (picks[k], tie_break[k]))
        category = min((c for c in open_categories if c.kind is kind), key=category_key)
        candidates = remaining[category]
        pick = min(
            candidates,
            key=lambda q: (
                q.id in held,
                -matched.get(q.id, 0),
                abs(DIFFICULTY_RANK[q.difficulty] - target),
            ),
        )
        candidates.remove(pick)
        picks[category] += 1
        picks[kind] += 1
        chosen.append(pick)
    # sorted() is stable, so kinds and categories stay interleaved within a difficulty.
    return sorted(chosen, key=lambda q: DIFFICULTY_RANK[q.difficulty])


def _difficulty_targets(count: int) -> list[int]:
    """A rising difficulty rank for each of ``count`` slots: thirds of easy, medium, hard."""
    return [i * len(DIFFICULTY_RANK) // count for i in range(count)]
