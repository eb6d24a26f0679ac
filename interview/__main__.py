"""``python -m interview``: the interview engine from a terminal.

One sub-command per task, each a ``cmd_*`` function registered in ``build_parser``:

    grade FILE [--backend offline|llm]   grade a JSON Lines file (``-`` for stdin)
    practise [--role R] [--mode M] [-n N] [--out PATH]   a mock interview at the prompt
    export SESSION_JSON [--format md|json] [--out PATH]  re-export a saved transcript
    eval FILE [--backend offline|llm] [--json]   grading quality against human grades

Exit status: 0 on success, 2 for bad input (a bad line, a missing file, a bad setting),
1 for any other error the engine reports.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from interview.batch import grade_stream
from interview.config import Settings, load_settings
from interview.errors import ConfigError, InterviewError
from interview.evaluation.cli import add_eval_command
from interview.grading import make_grader
from interview.terminal import add_commands

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


def settings_for(args: argparse.Namespace) -> Settings:
    """Settings from the environment, with ``--backend`` winning when given."""
    settings = load_settings()
    backend = getattr(args, "backend", None)
    if backend is not None:
        settings = settings.model_copy(update={"backend": backend})
    return settings


def _open_lines(name: str) -> Iterable[bytes]:
    """Byte lines of a file, or of stdin for ``-``."""
    if name == "-":
        return sys.stdin.buffer
    return Path(name).read_bytes().splitlines()


def cmd_grade(args: argparse.Namespace) -> int:
    """Grade every line of a JSON Lines file and print one JSON object per line."""
    try:
        lines = _open_lines(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    grader = make_grader(settings_for(args))
    source = "<stdin>" if args.file == "-" else args.file
    bad = grade_stream(lines, grader, sys.stdout, sys.stderr, source)
    if bad:
        print(f"error: {bad} line(s) could not be graded", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per command."""
    parser = argparse.ArgumentParser(
        prog="python -m interview",
        description="Mock-interview coach for ML and data roles, from the terminal.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    grade = commands.add_parser(
        "grade", help="grade answers in a JSON Lines file",
        description='Each line: {"id", "question", "answer", "kind"?, "reference_answer"?, '
        '"key_points"?}. Prints one JSON object per line: {"id", ...feedback, "score"}.',
    )
    grade.add_argument("file", metavar="FILE", help="JSON Lines file, or - for stdin")
    grade.add_argument("--backend", choices=["offline", "llm"], default=None,
                       help="grading engine (default: INTERVIEW_GRADER, else offline)")
    grade.set_defaults(handler=cmd_grade)
    add_commands(commands)  # practise, export
    add_eval_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InterviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return status


if __name__ == "__main__":
    sys.exit(main())
