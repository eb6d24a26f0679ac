"""The question bank: load and validate the TOML data files, then choose questions.

Every ``interview/bank/<category>.toml`` holds ``[[questions]]`` entries (see
``notes/BANK_FORMAT.md``). ``load_bank`` reads them all once at start-up and raises
``QuestionBankError`` naming the file, the entry and the field of the first problem, so a
bad file stops the app with a message the bank writer can act on (QUALITY B8).
"""

from __future__ import annotations

import difflib
import random
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template
from typing import Any

from pydantic import BaseModel, ValidationError

from interview import selection
from interview.errors import QuestionBankError
from interview.models import (
    Category,
    Difficulty,
    KeyPoint,
    Misconception,
    Mode,
    Question,
    RoleFocus,
)
from interview.selection import History

DIFFICULTY_ORDER: dict[Difficulty, int] = {
    Difficulty.EASY: 0,
    Difficulty.MEDIUM: 1,
    Difficulty.HARD: 2,
}

# What the app says where a job description would name the company or the role. Bank texts
# write "the ${role} position" (or "role"), so a job title reads "the data engineer position"
# and, with no title, the placeholder and its space drop out: "the position".
PLACEHOLDER_DEFAULTS: dict[str, str] = {"company": "the company", "role": ""}

# Nested tables whose keys are checked for typos, by the entry field that holds them.
_NESTED_MODELS: dict[str, type[BaseModel]] = {
    "key_points": KeyPoint,
    "misconceptions": Misconception,
}


def default_bank_dir() -> Traversable:
    """The ``bank`` folder shipped inside the ``interview`` package."""
    return files("interview") / "bank"


def fill_placeholders(text: str, values: Mapping[str, str] | None = None) -> str:
    """Replace ``${company}`` and ``${role}`` in ``text``, defaulting to neutral wording.

    Unknown placeholders and stray ``$`` signs are left as they are, never blanked.
    """
    merged = dict(PLACEHOLDER_DEFAULTS)
    merged.update({k: v.strip() for k, v in (values or {}).items() if v and v.strip()})
    if not merged["role"]:
        text = text.replace("${role} ", "")
    return Template(text).safe_substitute(merged)


class QuestionBank:
    """An immutable, validated set of questions with lookups and a chooser.

    Shared by every browser session (it is cached once per process), so nothing in it
    may change after construction.
    """

    __slots__ = ("_by_category", "_by_id", "_questions")

    def __init__(self, questions: Iterable[Question]) -> None:
        """Index ``questions``; ids must be unique."""
        self._questions: tuple[Question, ...] = tuple(questions)
        self._by_id: dict[str, Question] = {}
        for question in self._questions:
            if question.id in self._by_id:
                raise ValueError(f"duplicate question id {question.id!r}")
            self._by_id[question.id] = question
        grouped: dict[Category, list[Question]] = {}
        for question in self._questions:
            grouped.setdefault(question.category, []).append(question)
        self._by_category = {cat: tuple(qs) for cat, qs in grouped.items()}

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in file order."""
        return self._questions

    def __len__(self) -> int:
        return len(self._questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self._questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def get(self, question_id: str) -> Question:
        """The question with ``question_id``; ``KeyError`` if the bank has none."""
        try:
            return self._by_id[question_id]
        except KeyError:
            raise KeyError(f"no question with id {question_id!r} in the bank") from None

    def by_category(self, category: Category) -> tuple[Question, ...]:
        """The questions of one category, in file order."""
        return self._by_category.get(category, ())

    @property
    def categories(self) -> tuple[Category, ...]:
        """The categories that have at least one question, in the guide's order."""
        return tuple(c for c in Category if c in self._by_category)

    def eligible(
        self, role: RoleFocus, mode: Mode, exclude_ids: Iterable[str] = ()
    ) -> tuple[Question, ...]:
        """Questions that suit ``role``, belong in ``mode`` and are not excluded."""
        excluded = set(exclude_ids)
        return tuple(
            q
            for q in self._questions
            if role in q.roles and mode.admits(q.kind) and q.id not in excluded
        )

    def choose(
        self,
        role: RoleFocus,
        mode: Mode,
        n: int,
        *,
        rng: random.Random | None = None,
        seed: int | None = None,
        exclude_ids: Iterable[str] = (),
        prefer: Iterable[Iterable[str]] = (),
        history: History | None = None,
    ) -> list[Question]:
        """Pick up to ``n`` distinct questions for one interview.

        Technical and behavioural questions take turns (in mixed mode), and within a kind
        the categories take turns, so counts differ by at most one while questions are
        left; each pick aims at a difficulty that rises through the interview, and the
        result is ordered easy, then medium, then hard. Fewer than ``n`` come back only
        when fewer are eligible. ``prefer`` (per skill from a job description, its name
        and aliases) ranks questions mentioning more of them first within that balance;
        ``history`` holds back recent good answers and favours weak categories (see
        ``interview.selection``).
        """
        if n < 1:
            raise ValueError("n must be at least 1")
        rng = rng if rng is not None else random.Random(seed)
        pool = self.eligible(role, mode, exclude_ids)
        return selection.choose(pool, n, rng, prefer=prefer, history=history)


def load_bank(directory: Path | Traversable | None = None) -> QuestionBank:
    """Read and validate every ``*.toml`` file in ``directory`` (default: the packaged bank).

    Raises ``QuestionBankError`` for the first problem found: a file that is not valid
    UTF-8 or TOML, a file name that is not a category, an entry that fails validation, an
    unknown field, or an id used twice.
    """
    folder = directory if directory is not None else default_bank_dir()
    if not folder.is_dir():
        raise QuestionBankError(str(folder), None, None, "the question bank folder does not exist")
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    if not paths:
        raise QuestionBankError(str(folder), None, None, "no *.toml question files found")
    questions: list[Question] = []
    seen: dict[str, str] = {}
    for path in paths:
        for question, entry in _load_file(path):
            if question.id in seen:
                raise QuestionBankError(
                    path.name,
                    entry,
                    "id",
                    f"id {question.id!r} is already used in {seen[question.id]}",
                )
            seen[question.id] = path.name
            questions.append(question)
    return QuestionBank(questions)


def _load_file(path: Traversable) -> list[tuple[Question, str]]:
    """Validate one bank file; return each question with the entry label used in errors."""
    name = path.name
    category_value = name.removesuffix(".toml")
    if category_value not in {c.value for c in Category}:
        known = ", ".join(c.value for c in Category)
        raise QuestionBankError(name, None, None, f"the file name must be a category: {known}")
    data = _parse_toml(path)
    entries = data.get("questions")
    if not isinstance(entries, list) or not entries:
        raise QuestionBankError(name, None, "questions", "needs at least one [[questions]] table")
    extra = sorted(set(data) - {"questions"})
    if extra:
        raise QuestionBankError(name, None, extra[0], "unknown top-level key; only [[questions]]")
    loaded: list[tuple[Question, str]] = []
    for index, entry in enumerate(entries):
        label = _entry_label(entry, index)
        if not isinstance(entry, dict):
            raise QuestionBankError(name, label, None, "each entry must be a [[questions]] table")
        _check_unknown_fields(name, label, entry)
        try:
            question = Question.model_validate(entry)
        except ValidationError as exc:
            field, problem = _describe_validation_error(exc)
            raise QuestionBankError(name, label, field, problem) from None
        if question.category.value != category_value:
            raise QuestionBankError(
                name, label, "category", f"is {question.category.value!r} but the file is {name}"
            )
        loaded.append((question, label))
    return loaded


def _parse_toml(path: Traversable) -> dict[str, Any]:
    """Parse one file, turning decoding and syntax errors into ``QuestionBankError``."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuestionBankError(path.name, None, None, f"not valid UTF-8 ({exc.reason})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line_match = re.search(r"at line (\d+)", str(exc))
        entry = _entry_before_line(text, int(line_match.group(1))) if line_match else None
        raise QuestionBankError(path.name, entry, None, f"TOML syntax error: {exc}") from None


def _entry_before_line(text: str, line_number: int) -> str | None:
    """Name the ``[[questions]]`` entry that a syntax error at ``line_number`` falls in."""
    lines = text.splitlines()[:line_number]
    starts = [i for i, line in enumerate(lines) if line.strip() == "[[questions]]"]
    if not starts:
        return None
    label = f"#{len(starts)}"
    for line in lines[starts[-1] :]:
        match = re.match(r'\s*id\s*=\s*"([^"]*)"', line)
        if match:
            return f"{label} ({match.group(1)})"
    return label


def _entry_label(entry: object, index: int) -> str:
    """``#3 (dp-feature-scaling)``, or ``#3`` when the entry has no usable id."""
    label = f"#{index + 1}"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
        label += f" ({entry['id']})"
    return label


def _check_unknown_fields(file: str, label: str, entry: dict[str, Any]) -> None:
    """Reject misspelt keys, which pydantic would otherwise drop silently."""
    _reject_unknown(file, label, "", entry, Question)
    for field, model in _NESTED_MODELS.items():
        items = entry.get(field)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    _reject_unknown(file, label, f"{field}[{i}].", item, model)


def _reject_unknown(
    file: str, label: str, prefix: str, table: dict[str, Any], model: type[BaseModel]
) -> None:
    known = list(model.model_fields)
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise QuestionBankError(file, label, f"{prefix}{key}", f"unknown field{hint}")


def _describe_validation_error(exc: ValidationError) -> tuple[str | None, str]:
    """The field path (``key_points[0].phrasings``) and message of the first error."""
    error = exc.errors()[0]
    parts: list[str] = []
    for part in error["loc"]:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    message = str(error["msg"]).removeprefix("Value error, ")
    field = "".join(parts) or _field_named_in(message)
    if error["type"] == "missing":
        message = "is required but missing"
    return field, message


def _field_named_in(message: str) -> str | None:
    """For whole-entry rules (e.g. 'needs 3 to 6 key_points'), the field the rule is about."""
    for field in Question.model_fields:
        if field in message:
            return field
    return None
