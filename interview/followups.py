"""Follow-up questions in practice mode, and the before/after view of a retried answer.

A follow-up aims at the most important gap in the last answer: the first key point it
missed, else its weakest criterion. Offline it comes from the grader's ``follow_up`` (built
from the bank's follow-ups), else the question's own follow-ups; with a language model
(``LLMFollowUps``) the model writes it, and any ``LLMError`` falls back to the offline one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from interview.errors import LLMError
from interview.models import Feedback, Question, SessionRecord, Style, Turn
from interview.turns import follow_ups_asked, root_index

if TYPE_CHECKING:  # the openai SDK loads only when a model is used
    from interview.llm import LLMClient

PERFECT = 5


class FollowUpWriter(Protocol):
    """Writes one follow-up question after a graded answer, or ``None`` for none."""

    def __call__(self, question: Question, answer: str, feedback: Feedback) -> str | None:
        """The follow-up to ask after ``answer`` to ``question`` earned ``feedback``."""
        ...


def target_gap(feedback: Feedback) -> str:
    """The gap a follow-up should probe: the first missed key point, else the weakest criterion."""
    if feedback.key_points_missed:
        return feedback.key_points_missed[0]
    weakest = min(feedback.criteria, key=lambda c: c.score)
    detail = f": {weakest.comment}" if weakest.comment else ""
    return f"{weakest.name} ({weakest.score}/5){detail}"


def nothing_to_probe(feedback: Feedback) -> bool:
    """Whether the answer was perfect on every criterion and missed no key point."""
    return not feedback.key_points_missed and all(c.score == PERFECT for c in feedback.criteria)


def offline_follow_up(question: Question, answer: str, feedback: Feedback) -> str | None:
    """The grader's follow-up if it has one, else the question's first bank follow-up."""
    if nothing_to_probe(feedback):
        return None
    if feedback.follow_up and feedback.follow_up.strip():
        return feedback.follow_up.strip()
    return question.follow_ups[0] if question.follow_ups else None


class LLMFollowUps:
    """Follow-ups written by the language model, aimed at ``target_gap``; offline on failure."""

    def __init__(self, llm: LLMClient, role: str) -> None:
        """Ask through ``llm`` (which counts the session's usage) for a ``role`` interview."""
        self._llm = llm
        self._role = role

    def __call__(self, question: Question, answer: str, feedback: Feedback) -> str | None:
        """One follow-up from the model, or the offline one if the call fails."""
        if nothing_to_probe(feedback):
            return None
        from interview import llm_tasks  # here, so offline use never loads the SDK

        try:
            text = llm_tasks.ask_follow_up(
                self._llm, self._role, question.text, answer, target_gap(feedback)
            )
        except LLMError:
            return offline_follow_up(question, answer, feedback)
        return text or offline_follow_up(question, answer, feedback)


def next_follow_up(
    record: SessionRecord, turn: Turn, limit: int, writer: FollowUpWriter
) -> Turn | None:
    """The follow-up turn due after the graded ``turn`` (not yet added to the record).

    Only in practice style, at most ``limit`` per planned question, never a question
    already asked for it (a repeat falls back to a bank follow-up not asked yet).
    """
    if record.style is not Style.PRACTICE or limit < 1:
        return None
    if turn.skipped or turn.answer is None or turn.feedback is None:
        return None
    root = root_index(record, turn)
    asked = follow_ups_asked(record, root)
    if len(asked) >= limit:
        return None
    text = (writer(turn.question, turn.answer, turn.feedback) or "").strip()
    if not text:
        return None  # nothing worth probing
    seen = {t.question.text.casefold() for t in asked}
    if text.casefold() in seen:
        text = next((f for f in turn.question.follow_ups if f.casefold() not in seen), "")
    if not text:
        return None
    base = record.turns[root].question
    return Turn(index=len(record.turns), question=base.model_copy(update={"text": text}),
                follow_up_of=root)


class CriterionChange(BaseModel):
    """One criterion before and after a retry; a side is ``None`` if it was not scored."""

    name: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        """After minus before, when both were scored."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def compare(before: Feedback, after: Feedback) -> list[CriterionChange]:
    """Criterion by criterion, then the overall score, in the order the criteria appear."""
    old = {c.name: c.score for c in before.criteria}
    new = {c.name: c.score for c in after.criteria}
    names: Sequence[str] = list(dict.fromkeys([*old, *new]))
    rows = [CriterionChange(name=n, before=old.get(n), after=new.get(n)) for n in names]
    rows.append(CriterionChange(name="Overall", before=before.score, after=after.score))
    return rows
