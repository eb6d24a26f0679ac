"""Transcripts of an interview: Markdown for a mentor, versioned JSON that loads back.

All text that came from the candidate or a grader is escaped before it goes into Markdown,
so an answer containing ``<script>`` or ``[x](javascript:...)`` shows as those characters
and never becomes HTML, a link or an image (QUALITY B4, S5).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from pydantic import ValidationError

from interview.errors import InterviewError
from interview.models import Feedback, Flag, SessionRecord, Turn
from interview.summary import Summary, summarise
from interview.turns import label

SCHEMA_VERSION = 1

FLAG_EXPLANATIONS: dict[Flag, str] = {
    Flag.EMPTY: "There was nothing left to grade in the answer.",
    Flag.GIBBERISH: "The answer does not read as words and sentences.",
    Flag.REPEATED: "The answer repeats the same words or sentences.",
    Flag.ECHO: "The answer repeats the question instead of answering it.",
    Flag.OFF_TOPIC: "The answer does not address this question.",
    Flag.INJECTION: "The answer contains instructions aimed at the grader; they were ignored.",
    Flag.MISCONCEPTION: "The answer states a common misconception (see the improvements).",
    Flag.TRUNCATED: "The answer was longer than the limit; only the first part was graded.",
    Flag.TOO_SHORT: "The answer is too short to show what you know.",
    Flag.LLM_FALLBACK: "The AI grader was unavailable, so the offline grader marked this answer.",
}

# Characters with a Markdown (or Streamlit: $ for LaTeX) meaning anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]|~$])")
# Line starts that would begin a heading, list, quote, rule or setext underline.
_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))")


class TranscriptFormatError(InterviewError):
    """A JSON transcript that cannot be loaded; the message says why."""


def explain_flag(flag: Flag) -> str:
    """A sentence a candidate understands for ``flag``."""
    return FLAG_EXPLANATIONS.get(flag, flag.value)


def flag_label(flag: Flag) -> str:
    """A short title for ``flag``, e.g. ``Off topic``."""
    return flag.value.replace("_", " ").capitalize()


def escape_markdown(text: str) -> str:
    """Make one line of untrusted text inert in Markdown: no HTML, links, images or math."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker, digits, delimiter = match.groups()
    if marker is not None:
        return f"{indent}\\{marker}"
    # A backslash before a digit would show; escaping the delimiter stops the list instead.
    return f"{indent}{digits}\\{delimiter}"


def markdown_text(text: str) -> str:
    """Untrusted multi-line text as inert Markdown that keeps its line breaks."""
    return "  \n".join(escape_markdown(line) for line in text.split("\n"))


def markdown_quote(text: str) -> str:
    """Untrusted text as a Markdown block quote, line breaks kept."""
    lines = [escape_markdown(line) for line in text.split("\n")]
    return "\n".join(f"> {line}  " if line.strip() else ">" for line in lines)


def _cell(text: str) -> str:
    """Untrusted text for one table cell (a cell cannot hold a line break)."""
    return escape_markdown(" ".join(text.split()))


def _format_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _score(value: float | None) -> str:
    return "not scored" if value is None else f"{value:g} / 5"


def to_markdown(record: SessionRecord) -> str:
    """The interview as a Markdown transcript a candidate could send to a mentor."""
    summary = summarise(record)
    parts = [_header(record, summary)]
    total = len(record.plan) or record.num_questions
    parts += [_turn_section(turn, total, label(record, turn)) for turn in record.turns]
    parts.append(_summary_section(summary))
    after = _after_section(record)
    if after:
        parts.append(after)
    return "\n\n".join(parts) + "\n"


def _header(record: SessionRecord, summary: Summary) -> str:
    status = "finished" if record.finished_at else "in progress"
    return "\n".join(
        [
            "# Mock interview transcript",
            "",
            f"- **Role focus:** {record.role.label}",
            f"- **Mode:** {record.mode.value.capitalize()}",
            f"- **Date:** {_format_date(record.started_at)} ({status})",
            f"- **Questions:** {summary.asked} asked, {summary.answered} answered, "
            f"{summary.skipped} skipped",
            f"- **Overall score:** {_score(summary.overall)}",
            f"- **Graded by:** {escape_markdown(record.grader)}",
        ]
    )


def _turn_section(turn: Turn, total: int, number: str | None = None) -> str:
    q = turn.question
    number = number or f"Question {turn.index + 1} of {max(total, turn.index + 1)}"
    lines = [
        f"## {number}: {q.category.label} ({q.difficulty.value})",
        "",
        f"**{escape_markdown(q.text)}**",
        "",
    ]
    if turn.skipped:
        lines.append("_Skipped._")
    if turn.answer is not None:
        lines += ["Your answer:", "", markdown_quote(turn.answer), ""]
    if turn.feedback is not None:
        lines.append(_feedback_section(turn.feedback))
    elif turn.answer is not None and not turn.skipped:
        lines.append("_Not graded yet._")
    return "\n".join(lines).rstrip()


def _feedback_section(fb: Feedback) -> str:
    lines = [
        f"**Score: {fb.score} / 5** (graded by {escape_markdown(fb.grader)})",
        "",
        "| Criterion | Score | Evidence from the answer | Comment |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {_cell(c.name)} | {c.score} / 5 | {_cell(c.evidence) or '-'} | {_cell(c.comment)} |"
        for c in fb.criteria
    ]
    lists = [
        ("Strengths", fb.strengths),
        ("To improve", fb.improvements),
        ("Key points covered", fb.key_points_covered),
        ("Key points missed", fb.key_points_missed),
        ("Flags", [f"{flag_label(f)}: {explain_flag(f)}" for f in fb.flags]),
        ("Notices", fb.notices),
    ]
    for title, items in lists:
        if items:
            lines += ["", f"**{title}**", ""]
            lines += [f"- {escape_markdown(' '.join(item.split()))}" for item in items]
    if fb.follow_up:
        lines += ["", f"**A follow-up to prepare:** {escape_markdown(fb.follow_up)}"]
    if fb.model_answer:
        lines += ["", "**A model answer**", "", markdown_quote(fb.model_answer)]
    return "\n".join(lines)


def _after_section(record: SessionRecord) -> str:
    """The thank-you email exercise and the study plan, when the candidate did them."""
    lines: list[str] = []
    if record.thank_you_email:
        lines += ["### Thank-you email", "", markdown_quote(record.thank_you_email), ""]
        if record.thank_you_feedback is not None:
            lines += [_feedback_section(record.thank_you_feedback), ""]
    if record.study_plan:
        lines += ["### Study plan", ""]
        lines += [f"- {escape_markdown(item)}" for item in record.study_plan]
    return "\n".join(["## After the interview", "", *lines]).rstrip() if lines else ""


def _summary_section(summary: Summary) -> str:
    lines = [
        "## Summary",
        "",
        f"Overall: **{_score(summary.overall)}** over {summary.answered} graded answers "
        f"({summary.skipped} skipped).",
    ]
    if summary.categories:
        lines += ["", "| Category | Average | Answered |", "|---|---|---|"]
        lines += [f"| {c.label} | {c.average:g} | {c.answered} |" for c in summary.categories]
    if summary.criteria:
        lines += ["", "| Criterion | Average | Answers |", "|---|---|---|"]
        lines += [f"| {_cell(c.name)} | {c.average:g} | {c.count} |" for c in summary.criteria]
    if summary.strongest:
        lines += ["", "Strongest: " + ", ".join(c.label for c in summary.strongest) + "."]
    if summary.weakest:
        lines += ["", "Weakest: " + ", ".join(c.label for c in summary.weakest) + "."]
    return "\n".join(lines)


def to_json(record: SessionRecord) -> str:
    """The interview as versioned JSON; ``summary`` is derived and ignored on loading."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "session": record.model_dump(mode="json"),
        "summary": summarise(record).model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> SessionRecord:
    """Load a transcript written by ``to_json``; ``TranscriptFormatError`` says what is wrong."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptFormatError(
            f"The transcript is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(document, dict) or "session" not in document:
        raise TranscriptFormatError("The transcript has no 'session' object.")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise TranscriptFormatError(
            f"The transcript has schema_version {version!r}; this version reads {SCHEMA_VERSION}."
        )
    try:
        return SessionRecord.model_validate(document["session"])
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "session"
        raise TranscriptFormatError(
            f"The transcript's session field {where!r} is invalid: {error['msg']}."
        ) from None


def safe_filename(stem: str, extension: str, max_length: int = 80) -> str:
    """A file name made only of letters, digits, ``.``, ``_`` and ``-`` (QUALITY S3)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)[:max_length].strip("-.") or "interview"
    ext = re.sub(r"[^A-Za-z0-9]+", "", extension)[:8] or "txt"
    return f"{cleaned}.{ext}"


def download_name(record: SessionRecord, extension: str) -> str:
    """``interview-data_scientist-2025-01-31.md``: role focus and date, sanitised."""
    date = record.started_at.astimezone(UTC).strftime("%Y-%m-%d")
    return safe_filename(f"interview-{record.role.value}-{date}", extension)
