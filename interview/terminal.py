"""The ``practise`` and ``export`` sub-commands: an interview without a browser.

``add_commands`` registers both on the ``python -m interview`` parser. The interview loop
takes its input and output as functions, so tests drive it without a terminal.

    practise [--role R] [--mode M] [-n N] [--out PATH]   answer questions at the prompt
    export SESSION_JSON [--format md|json] [--out PATH]  re-export a saved JSON transcript
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from interview.config import load_settings
from interview.errors import AnswerRejectedError, InterviewError
from interview.export import (
    TranscriptFormatError,
    download_name,
    explain_flag,
    flag_label,
    from_json,
    to_json,
    to_markdown,
)
from interview.grading import make_grader
from interview.models import Feedback, Mode, RoleFocus, SessionRecord, Turn
from interview.questions import load_bank
from interview.session import MAX_QUESTIONS, InterviewSession, Phase
from interview.summary import Summary
from interview.turns import label

Read = Callable[[str], str]  # like input(): prompt in, one line out, EOFError at the end
Write = Callable[[str], None]

SKIP, QUIT = ":skip", ":quit"
HELP = (
    "Type your answer; finish it with an empty line. "
    f"Type {SKIP} to skip a question, {QUIT} (or Ctrl-D) to end the interview."
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``practise`` and ``export`` on the CLI's sub-parsers."""
    practise = commands.add_parser(
        "practise", help="a mock interview at the terminal", description=HELP
    )
    practise.add_argument(
        "--role", choices=[r.value for r in RoleFocus], default=RoleFocus.DATA_SCIENTIST.value
    )
    practise.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.MIXED.value)
    practise.add_argument(
        "-n", "--questions", type=int, default=5, help=f"number of questions, 1-{MAX_QUESTIONS}"
    )
    practise.add_argument("--seed", type=int, default=None, help="repeatable question choice")
    practise.add_argument("--backend", choices=["offline", "llm"], default=None)
    practise.add_argument(
        "--out", type=Path, default=None, help="save the transcript (.json for JSON, else Markdown)"
    )
    practise.set_defaults(handler=cmd_practise)

    export = commands.add_parser(
        "export", help="turn a saved JSON transcript into Markdown or JSON"
    )
    export.add_argument("session_json", type=Path, metavar="SESSION_JSON")
    export.add_argument("--format", choices=["md", "json"], default="md")
    export.add_argument("--out", type=Path, default=None, help="write here instead of stdout")
    export.set_defaults(handler=cmd_export)


def cmd_practise(args: argparse.Namespace) -> int:
    """Run an interview with ``input()`` and ``print``; save it if ``--out`` is given."""
    settings = load_settings()
    if args.backend is not None:
        settings = settings.model_copy(update={"backend": args.backend})
    session = InterviewSession.start(
        bank=load_bank(),
        grader=lambda record: make_grader(settings, record.llm_usage, record.role),
        settings=settings,
        role=RoleFocus(args.role),
        mode=Mode(args.mode),
        num_questions=args.questions,
        seed=args.seed,
    )
    run_interview(session, input, print)
    if args.out is not None:
        path = save_transcript(session.record, args.out)
        print(f"Transcript saved to {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print (or write) a saved transcript as Markdown or JSON."""
    try:
        text = args.session_json.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.session_json}: {exc}", file=sys.stderr)
        return 2
    try:
        record = from_json(text)
    except TranscriptFormatError as exc:
        print(f"error: {args.session_json}: {exc}", file=sys.stderr)
        return 2
    output = to_markdown(record) if args.format == "md" else to_json(record)
    if args.out is None:
        sys.stdout.write(output)
    else:
        args.out.write_text(output, encoding="utf-8")
    return 0


def save_transcript(record: SessionRecord, out: Path) -> Path:
    """Write ``record`` to ``out`` (a file, or a folder that gets a dated file name)."""
    if out.is_dir():
        out = out / download_name(record, "md")
    text = to_json(record) if out.suffix.lower() == ".json" else to_markdown(record)
    out.write_text(text, encoding="utf-8")
    return out


def run_interview(session: InterviewSession, read: Read, write: Write) -> None:
    """Ask every question, read answers, show feedback, then the summary."""
    write(HELP)
    for notice in session.pop_notices():
        write(f"Note: {notice}")
    while session.phase is not Phase.FINISHED:
        turn = session.current_turn
        if turn is None:
            break
        write("")
        write(question_text(turn, session.record.num_questions, label(session.record, turn)))
        if not _answer_one(session, read, write):
            session.finish()
    write("")
    write(summary_text(session.summary()))


def _answer_one(session: InterviewSession, read: Read, write: Write) -> bool:
    """Read answers until one is graded or skipped; ``False`` if the candidate quits."""
    while True:
        text = _read_answer(read)
        if text is None or text.strip() == QUIT:
            return False
        if text.strip() == SKIP:
            session.skip()
            write("Skipped.")
            return True
        try:
            turn = session.answer(text)
        except AnswerRejectedError as exc:
            write(str(exc))
            continue
        except InterviewError as exc:
            write(f"Could not grade the answer: {exc}")
            return False
        if turn.feedback is not None:
            write(feedback_text(turn.feedback))
        session.next()
        return True


def _read_answer(read: Read) -> str | None:
    """Lines up to an empty line; ``None`` at end of input with nothing typed."""
    lines: list[str] = []
    try:
        while True:
            line = read("> " if not lines else "  ")
            if not line.strip():
                if lines:
                    break
                return ""  # an empty answer: let the session say so
            lines.append(line)
            if line.strip() in {SKIP, QUIT} and len(lines) == 1:
                break
    except EOFError:
        if not lines:
            return None
    return "\n".join(lines)


def question_text(turn: Turn, total: int, number: str | None = None) -> str:
    """The question with its number (``number``, e.g. from ``turns.label``), category and
    difficulty."""
    q = turn.question
    number = number or f"Question {turn.index + 1} of {total}"
    header = f"{number} · {q.category.label} · {q.difficulty.value}"
    return f"{header}\n{q.text}"


def feedback_text(fb: Feedback) -> str:
    """Feedback as plain text for a terminal."""
    lines = [f"Score: {fb.score}/5 (graded by {fb.grader})"]
    lines += [f"  Notice: {n}" for n in fb.notices]
    for c in fb.criteria:
        lines.append(f"  {c.name}: {c.score}/5" + (f" - {c.comment}" if c.comment else ""))
        if c.evidence:
            lines.append(f'      evidence: "{c.evidence}"')
    sections = [
        ("Strengths", fb.strengths),
        ("To improve", fb.improvements),
        ("Key points missed", fb.key_points_missed),
        ("Flags", [f"{flag_label(f)}: {explain_flag(f)}" for f in fb.flags]),
    ]
    for title, items in sections:
        if items:
            lines.append(f"{title}:")
            lines += [f"  - {item}" for item in items]
    if fb.follow_up:
        lines.append(f"A follow-up to prepare: {fb.follow_up}")
    return "\n".join(lines)


def summary_text(summary: Summary) -> str:
    """The end-of-interview summary as plain text."""
    overall = "not scored" if summary.overall is None else f"{summary.overall:g}/5"
    lines = [
        f"Summary: overall {overall} over {summary.answered} answers ({summary.skipped} skipped)."
    ]
    lines += [f"  {c.label}: {c.average:g}/5 ({c.answered})" for c in summary.categories]
    if summary.strongest:
        lines.append("Strongest: " + ", ".join(c.label for c in summary.strongest))
    if summary.weakest:
        lines.append("Work on: " + ", ".join(c.label for c in summary.weakest))
    return "\n".join(lines)
