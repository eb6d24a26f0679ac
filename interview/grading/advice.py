"""Turning scores into advice: specific improvements, a follow-up question, a model answer.

Advice is derived from what the answer missed (key points, misconceptions, the weakest
part of a story), never generic "add more detail".
"""

from __future__ import annotations

from collections.abc import Sequence

from interview.grading import rubric
from interview.grading.behavioural import EITHER, PLAN, question_mode
from interview.grading.text import content_stems, prose_sentences, quote
from interview.models import CriterionScore, Flag, KeyPoint, Misconception, Question

_STORY_ADVICE: dict[str, str] = {
    rubric.SITUATION: "Open with the situation in a sentence or two: where you were, who was "
    "involved and what was at stake.",
    rubric.TASK: "Say what you were responsible for: the goal, the deadline and your part in it.",
    rubric.ACTION: 'Walk through the steps you took yourself, with "I": what you decided, built '
    "or changed, and why.",
    rubric.RESULT: "End with the outcome in numbers, e.g. \"cut the report from 3 days to 4 "
    'hours", and what you learned.',
    rubric.OWNERSHIP: 'Say "I" for your own part and keep "we" for the team\'s, so the '
    "interviewer can see what you did.",
    rubric.SPECIFICITY: "Name the tools, data and figures: which tool, how many rows or users, "
    "how long it took.",
    rubric.RELEVANCE: "Pick a story that answers exactly what was asked, and say how it does.",
    rubric.DEPTH: "Add a concrete method, a figure, or a trade-off (when would you not do this?)",
    rubric.CLARITY: "Lead with a one-sentence answer, then give the detail in short sentences.",
    rubric.APPROACH: "Lay out your plan as steps: what you would do first and why, what you "
    "would check, and what you would trade off.",
}
_STORY_FOLLOW_UPS: dict[str, str] = {
    rubric.SITUATION: "Can you set the scene: where was this, and what was at stake?",
    rubric.TASK: "What exactly were you responsible for in that situation?",
    rubric.ACTION: "What did you do yourself, step by step?",
    rubric.RESULT: "What was the measurable result, and how did you know?",
    rubric.OWNERSHIP: "Which parts of that did you do yourself, and which did the team do?",
    rubric.SPECIFICITY: "Which tools and numbers were involved?",
    rubric.RELEVANCE: "How does that example answer the question you were asked?",
}
_FLAG_ADVICE: dict[Flag, str] = {
    Flag.EMPTY: "Write an answer in your own words; even two sentences can be graded.",
    Flag.GIBBERISH: "Answer in full sentences about the question.",
    Flag.REPEATED: "Say each point once and use the space for new points.",
    Flag.ECHO: "Answer the question rather than restating it.",
    Flag.OFF_TOPIC: "Answer the question that was asked; start from its key term.",
    Flag.INJECTION: "Write only your answer: notes to the grader and claimed scores are removed "
    "and earn nothing.",
    Flag.TOO_SHORT: "Explain in two or three sentences: what it is, how it works, when it matters.",
}


def key_point_advice(point: KeyPoint) -> str:
    """An improvement naming a missed key point and the words that would show it."""
    examples = [p for p in point.phrasings if p.lower() != point.name.lower()][:2]
    if not examples:
        return f'Also cover "{point.name}".'
    said = " or ".join(f'"{p}"' for p in examples)
    return f'Also cover "{point.name}", e.g. by mentioning {said}.'


def signal_advice(signal: str) -> str:
    """An improvement from a strong signal the answer does not show yet."""
    return f"A strong answer {signal[0].lower()}{signal[1:].rstrip('.')}."


def misconception_advice(wrong: Misconception) -> str:
    """An improvement that names the wrong claim and gives the correction."""
    return quote(f"Correct the claim that {wrong.statement.rstrip('.')}: {wrong.correction}", 300)


def flag_advice(flags: Sequence[Flag]) -> list[str]:
    """One piece of advice per flag that has one."""
    return [_FLAG_ADVICE[f] for f in flags if f in _FLAG_ADVICE]


def criterion_advice(criteria: Sequence[CriterionScore], limit: int = 2) -> list[str]:
    """Advice for the weakest criteria scoring 3 or less, weakest first."""
    weak = sorted((c for c in criteria if c.score <= 3 and c.name in _STORY_ADVICE),
                  key=lambda c: c.score)
    return [_STORY_ADVICE[c.name] for c in weak[:limit]]


def weakest(criteria: Sequence[CriterionScore], names: Sequence[str]) -> str | None:
    """The name of the lowest-scoring criterion among ``names`` (first on ties)."""
    scored = [c for c in criteria if c.name in names]
    return min(scored, key=lambda c: c.score).name if scored else None


def strengths(criteria: Sequence[CriterionScore]) -> list[str]:
    """One line per criterion scoring 4 or 5."""
    return [f"{c.name}: {c.comment}" for c in criteria if c.score >= 4][:6]


def follow_up_for_gap(question: Question, gap: KeyPoint | None) -> str | None:
    """The bank's follow-up closest to ``gap``, else one built from it, else the first one."""
    if gap is not None:
        wanted = set(content_stems(" ".join([gap.name, *gap.phrasings])))
        scored = [(len(wanted & set(content_stems(f))), -i, f)
                  for i, f in enumerate(question.follow_ups)]
        best = max(scored, default=None)
        if best is not None and best[0] > 0:
            return best[2]
        return f"You did not mention {gap.name}: how does it fit into your answer?"
    return question.follow_ups[0] if question.follow_ups else None


def story_follow_up(question: Question, part: str | None) -> str | None:
    """A follow-up aimed at the weakest part of a story."""
    if part is not None and part in _STORY_FOLLOW_UPS:
        return _STORY_FOLLOW_UPS[part]
    return question.follow_ups[0] if question.follow_ups else None


def model_answer(question: Question) -> str | None:
    """A short model answer from the question's reference answer and key points."""
    parts: list[str] = []
    if question.reference_answer.strip():
        parts.append(_lead_sentences(question.reference_answer))
    if question.key_points:
        parts.append("It covers: " + "; ".join(p.name for p in question.key_points) + ".")
    if question.strong_signals and not question.reference_answer.strip():
        mode = question_mode(question)
        shape = ("lays out a clear plan (the first steps, why, what you would check and "
                 "trade off, how you would know it worked)" if mode == PLAN else
                 "gives a clear plan or one real example of it" if mode == EITHER else
                 "tells one real story (situation, task, what you did, a measurable result)")
        parts.append(f"A strong answer {shape} and shows: "
                     + "; ".join(question.strong_signals) + ".")
    text = ("\n" if any("\n" in p for p in parts) else " ").join(parts)
    return (text if len(text) <= 900 else quote(text, 900)) if parts else None


MODEL_ANSWER_CHARS = 500


def _lead_sentences(reference: str) -> str:
    """The reference's first whole sentences (up to three, about ``MODEL_ANSWER_CHARS``).

    Sentences are never cut: a model answer that stops mid-formula teaches nothing. Header
    lines of a written reply ("Subject: ...", "Dear Priya,") are kept on lines of their own
    and do not count; a line of code after the prose ends the excerpt.
    """
    picked: list[str] = []
    prose = 0
    for sentence in prose_sentences(reference):
        header = sentence[-1] in ",:" or (sentence.startswith("Subject:") and prose == 0)
        code = not header and sentence[-1] not in ".!?)\"'”’"
        too_long = len(" ".join([*picked, sentence])) > MODEL_ANSWER_CHARS
        if picked and (code or too_long or prose >= 3):
            break
        picked.append(f"{sentence}\n" if header else f"{sentence} ")
        prose += not header
    return "".join(picked).strip()
