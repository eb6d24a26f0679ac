"""Reflecting on feedback: the session's weakest criteria and categories as a study plan.

Offline, ``offline_plan`` reads the summary and the key points the answers missed (most
often missed first) and writes at most ``MAX_ITEMS`` concrete steps. With a language model,
``study_plan`` asks for the debrief (``llm_tasks.debrief``, which sends one line per turn and
never the answers) and falls back to the offline plan if the call fails.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interview.errors import LLMError
from interview.models import SessionRecord
from interview.summary import summarise
from interview.turns import superseded

if TYPE_CHECKING:  # the openai SDK loads only when a model is used
    from interview.llm import LLMClient

MAX_ITEMS = 6
WEAK = 3.5  # an average below this is worth studying

# What to practise for a weak criterion, by the start of its name (lower case).
_CRITERION_STEPS: dict[str, str] = {
    "relevance": "Start every answer by restating the exact question in one line, then answer it.",
    "key points": "For each topic you missed, write down its 3-5 key points and say them aloud.",
    "correctness": "Check the corrections in your feedback and note the true statement next to "
    "each wrong one.",
    "depth": "Add one method, one number and one trade-off to each technical answer.",
    "clarity": "Answer in one sentence first, then give at most three supporting points.",
    "situation": "Open each story with one sentence of context: where, who, what was at stake.",
    "task": "Say what you were responsible for before describing what you did.",
    "action": 'Tell the steps you took yourself, with "I", and why you chose them.',
    "result": "End every story with a measured result and what you learned.",
    "ownership": 'Separate "I" from "we" so your own part is clear.',
    "specificity": "Prepare numbers for your stories: data sizes, time saved, metric changes.",
    "what a strong answer shows": "Re-read the strong-answer signals in your feedback and add "
    "one to each prepared answer.",
}


@dataclass(frozen=True)
class StudyPlan:
    """A short list of study steps, with who wrote it and anything the candidate must know."""

    items: list[str]
    comment: str = ""
    source: str = "offline"
    notices: list[str] = field(default_factory=list)


def _criterion_step(name: str, average: float) -> str:
    key = name.lower()
    step = next((v for k, v in _CRITERION_STEPS.items() if key.startswith(k)), None)
    step = step or f"Work on {name.lower()} in your next answers."
    return f"{name} (average {average:g}/5): {step}"


def missed_points(record: SessionRecord) -> list[tuple[str, int]]:
    """Key points the final answers missed, with how often, most often first."""
    replaced = superseded(record)
    counts: Counter[str] = Counter()
    for turn in record.turns:
        if turn.feedback is not None and not turn.skipped and turn.index not in replaced:
            counts.update(dict.fromkeys(turn.feedback.key_points_missed, 1))
    return counts.most_common()


def offline_plan(record: SessionRecord) -> StudyPlan:
    """Steps from the weakest criteria, the weakest categories and the most missed points."""
    summary = summarise(record)
    if summary.answered == 0:
        return StudyPlan(["Answer at least one question to get a study plan from its feedback."])
    items: list[str] = []
    for cat in sorted(summary.categories, key=lambda c: c.average):
        if cat.average < WEAK:
            items.append(f"{cat.label} (average {cat.average:g}/5): practise three more "
                         f"{cat.label.lower()} questions this week.")
    for crit in sorted(summary.criteria, key=lambda c: c.average)[:3]:
        if crit.average < WEAK:
            items.append(_criterion_step(crit.name, crit.average))
    points = [p for p, _ in missed_points(record)[:3]]
    if points:
        items.append("Revise these key points you missed: " + "; ".join(points) + ".")
    over = sum(t.over_time for t in record.turns)
    if over:
        items.append(f"{over} answer(s) went over the time limit: practise a 2-minute version "
                     "of each answer.")
    if summary.skipped:
        items.append(f"Prepare answers for the {summary.skipped} question(s) you skipped.")
    if not items:
        items.append("Every area averaged 3.5 or more: try harder questions or a mock interview "
                     "with a time limit next.")
    comment = "" if summary.overall is None else f"Overall average {summary.overall:g}/5."
    return StudyPlan(items[:MAX_ITEMS], comment)


def study_plan(record: SessionRecord, llm: LLMClient | None = None) -> StudyPlan:
    """The study plan: from the language model when given, else (or on failure) offline."""
    if llm is None or summarise(record).answered == 0:
        return offline_plan(record)
    from interview import llm_tasks  # here, so offline use never loads the SDK

    try:
        out = llm_tasks.debrief(llm, record)
    except LLMError as exc:
        plan = offline_plan(record)
        notice = f"The language model could not write the study plan ({exc}); made offline."
        return StudyPlan(plan.items, plan.comment, plan.source, [notice])
    items = [" ".join(i.split()) for i in out.study_plan if i.strip()]
    return StudyPlan(items or offline_plan(record).items, out.overall_comment.strip(),
                     f"llm:{llm.model}")
