"""The eval file: JSON Lines in the ``grade`` input format plus the fair human grade.

Each line is ``{"id", "question", "answer", "kind"?, "reference_answer"?, "key_points"?,
"grade": 1-5, "tags"?: [str], "base_id"?}``. ``base_id`` marks a variant (an attack or padding
appended to an answer) and names the record holding the same answer without it. Every bad line
is reported at once, each with its line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interview.errors import InterviewError
from interview.models import Kind

HumanGrade = Annotated[int, Field(strict=True, ge=1, le=5)]


class EvalRecord(BaseModel):
    """One line of an eval file: a ``grade`` input record plus the fair human grade."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answer: str
    kind: Kind | None = None
    reference_answer: str | None = None
    key_points: list[str] = Field(default_factory=list)
    grade: HumanGrade
    tags: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    base_id: str | None = Field(default=None, min_length=1)


class EvalFileError(InterviewError):
    """An eval file that cannot be used; ``problems`` holds ``(line_number, message)`` pairs."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        self.path = path
        self.problems = problems
        lines = [f"{path}, line {number}: {message}" for number, message in problems]
        super().__init__("\n".join(lines) if lines else f"{path}: the file holds no records")


def parse_eval_lines(lines: Iterable[str], source: str = "<input>") -> list[EvalRecord]:
    """Parse eval JSON Lines; blank lines are skipped, every bad line is reported at once."""
    records: list[EvalRecord] = []
    line_of: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = EvalRecord.model_validate(json.loads(raw))
        except json.JSONDecodeError as exc:
            problems.append((number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except ValidationError as exc:
            problems.append((number, _describe(exc)))
            continue
        if record.id in line_of:
            problems.append((number, f"id {record.id!r} already used on line {line_of[record.id]}"))
            continue
        line_of[record.id] = number
        records.append(record)
    for record in records:
        if record.base_id is not None and record.base_id not in line_of:
            message = f"base_id {record.base_id!r} names no record in the file"
            problems.append((line_of[record.id], message))
        elif record.base_id == record.id:
            problems.append((line_of[record.id], "base_id names the record itself"))
    if problems or not records:
        raise EvalFileError(source, sorted(problems))
    return records


def read_eval_file(path: Path) -> list[EvalRecord]:
    """Read and validate an eval file; ``EvalFileError`` names each bad line.

    An unreadable file (missing, a folder, not UTF-8) raises ``InterviewError`` naming it.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InterviewError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InterviewError(f"{path}: cannot be read (not UTF-8 text)") from None
    return parse_eval_lines(text.splitlines(), source=str(path))


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]) or "record"
        if error["type"] == "missing":
            parts.append(f"missing field {field!r}")
        elif error["type"] == "extra_forbidden":
            parts.append(f"unknown field {field!r}")
        elif error["type"] == "model_type":
            parts.append("a line must be a JSON object")
        else:
            parts.append(f"field {field!r}: {error['msg']}")
    return "; ".join(parts)
