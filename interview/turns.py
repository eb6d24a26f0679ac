"""How the turns of a record relate: planned questions, follow-ups, retries, numbering.

A record's turns are append-only. A planned question has neither ``follow_up_of`` nor
``retry_of``; a follow-up points at the planned turn it follows up; a retry points at the
turn whose question it answers again (and keeps that turn's ``follow_up_of``). These pure
functions answer the questions the session, the summary and the UI ask about them.
"""

from __future__ import annotations

from interview.models import SessionRecord, Style, Turn


def is_planned(turn: Turn) -> bool:
    """Whether the turn asks one of the interview's planned questions for the first time."""
    return turn.follow_up_of is None and turn.retry_of is None


def root_index(record: SessionRecord, turn: Turn) -> int:
    """The index of the planned turn that ``turn`` belongs to."""
    seen: set[int] = set()
    while turn.follow_up_of is None and turn.retry_of is not None and turn.index not in seen:
        seen.add(turn.index)  # guards a hand-edited record with a retry cycle
        turn = record.turns[turn.retry_of]
    return turn.follow_up_of if turn.follow_up_of is not None else turn.index


def question_number(record: SessionRecord, turn: Turn) -> int:
    """The 1-based number of the planned question ``turn`` belongs to."""
    root = root_index(record, turn)
    return sum(1 for t in record.turns[: root + 1] if is_planned(t)) or 1


def follow_ups_asked(record: SessionRecord, root: int) -> list[Turn]:
    """The follow-up turns asked for the planned turn at ``root`` (retries not counted)."""
    return [t for t in record.turns if t.follow_up_of == root and t.retry_of is None]


def attempt_number(record: SessionRecord, turn: Turn) -> int:
    """1 for a first answer, 2 for the first retry of it, and so on."""
    number = 1
    while turn.retry_of is not None and number <= len(record.turns):
        turn = record.turns[turn.retry_of]
        number += 1
    return number


def label(record: SessionRecord, turn: Turn) -> str:
    """'Question 2 of 5', with ' — follow-up' and ' — attempt 2' where they apply."""
    text = f"Question {question_number(record, turn)} of {record.num_questions}"
    if turn.follow_up_of is not None:
        text += " — follow-up"
    if turn.retry_of is not None:
        text += f" — attempt {attempt_number(record, turn)}"
    return text


def superseded(record: SessionRecord) -> set[int]:
    """Indices of answered turns that a later graded retry replaced."""
    return {
        t.retry_of for t in record.turns if t.retry_of is not None and t.feedback is not None
    }


def previous_attempt(record: SessionRecord, turn: Turn) -> Turn | None:
    """The turn a retry answered again, if ``turn`` is a retry."""
    return record.turns[turn.retry_of] if turn.retry_of is not None else None


def retry_problem(record: SessionRecord, target: Turn) -> str | None:
    """Why ``target`` cannot be answered again now, or ``None`` if it can.

    Only in practice style, only a graded answer, and only the last one answered: the
    one question asked after it may still be open (the retry takes it back).
    """
    if record.style is not Style.PRACTICE:
        return "Answering a question again is part of practice interviews."
    if target.feedback is None or target.skipped:
        return f"Question {question_number(record, target)} has no graded answer to improve."
    after = record.turns[target.index + 1 :]
    if len(after) > 1 or any(t.answer is not None or t.skipped for t in after):
        return ("Only the question you answered last can be answered again, before you "
                "answer or skip the next one.")
    return None
