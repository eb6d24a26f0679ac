"""The ``Grader`` protocol that every grading engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from interview.models import Feedback, Question


@runtime_checkable
class Grader(Protocol):
    """Grades one answer to one question.

    Implementations are deterministic where they can be, never raise for a bad answer
    (an unusable answer is a low score with a flag, not an exception), and return a
    ``Feedback`` whose overall ``score`` is computed from its criteria in our code.
    """

    name: str

    def grade(self, question: Question, answer: str) -> Feedback:
        """Return feedback on ``answer`` to ``question``."""
        ...
