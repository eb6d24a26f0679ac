"""Grade a JSON Lines stream: one record in, one feedback object out, per line.

Input lines: ``{"id", "question", "answer", "kind"?, "reference_answer"?, "key_points"?}``;
other fields (such as an eval file's ``grade``) are ignored. Output lines:
``{"id", ...the Feedback fields, "score"}``. A bad line is reported with its line number and
the problem, and the lines after it are still graded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interview.grading.adhoc import question_from_record
from interview.grading.base import Grader
from interview.models import Kind


class GradeRecord(BaseModel):
    """One input line of ``python -m interview grade``."""

    model_config = ConfigDict(extra="ignore", strict=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answer: str
    kind: Kind | None = Field(default=None, strict=False)
    reference_answer: str | None = None
    key_points: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class LineError:
    """A line that could not be graded, and why."""

    line: int
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


def parse_line(raw: str) -> GradeRecord:
    """Parse one JSON line; raises ``ValueError`` with a readable problem."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    try:
        return GradeRecord.model_validate(data)
    except ValidationError as exc:
        raise ValueError(describe(exc)) from None


def describe(exc: ValidationError) -> str:
    """The problems of a validation error, one clause per field."""
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]) or "record"
        if error["type"] == "missing":
            parts.append(f"missing field {field!r}")
        else:
            parts.append(f"field {field!r}: {error['msg']}")
    return "; ".join(parts)


def grade_record(record: GradeRecord, grader: Grader) -> dict[str, Any]:
    """Grade one record: the output object with ``id`` first."""
    question = question_from_record(
        record.id, record.question, kind=record.kind,
        reference_answer=record.reference_answer, key_points=record.key_points,
    )
    feedback = grader.grade(question, record.answer)
    return {"id": record.id, **feedback.model_dump(mode="json")}


def grade_lines(
    lines: Iterable[str | bytes], grader: Grader
) -> Iterator[dict[str, Any] | LineError]:
    """Grade each non-blank line, yielding the output object or the line's error.

    Byte lines are decoded as UTF-8 here, so one undecodable line is reported on its own.
    """
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield LineError(number, f"not UTF-8 text (byte {exc.start + 1})")
                continue
        if not raw.strip():
            continue
        try:
            record = parse_line(raw)
        except ValueError as exc:
            yield LineError(number, str(exc))
            continue
        yield grade_record(record, grader)


def grade_stream(lines: Iterable[str | bytes], grader: Grader, out: TextIO, err: TextIO,
                 source: str = "<stdin>") -> int:
    """Write one JSON line per graded record to ``out``; return how many lines were bad."""
    bad = 0
    for result in grade_lines(lines, grader):
        if isinstance(result, LineError):
            bad += 1
            err.write(f"{source}, {result}\n")
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return bad
