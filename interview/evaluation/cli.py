"""The ``eval`` sub-command: measure a grader against an eval file's human grades.

    eval FILE [--backend offline|llm] [--json]

``add_eval_command`` registers it on the ``python -m interview`` parser. Exit status 0 on
success, 2 for a bad or unreadable file (every bad line is named on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interview.config import load_settings
from interview.errors import InterviewError
from interview.evaluation.records import EvalRecord, parse_eval_lines, read_eval_file
from interview.evaluation.report import evaluate, render_json, render_text
from interview.grading import make_grader

EXIT_OK, EXIT_BAD_FILE = 0, 2


def add_eval_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``eval`` on the CLI's sub-parsers."""
    parser = commands.add_parser(
        "eval",
        help="measure grading quality against human grades",
        description='FILE is JSON Lines in the grade input format plus "grade": 1-5, and '
        'optionally "tags": [...] and "base_id". Prints Spearman rho, quadratic weighted '
        "kappa, MAE, pairwise ordering accuracy, a confusion table, the worst disagreements "
        "and, when tags are present, the gaming / off-topic / variant checks.",
    )
    parser.add_argument("file", metavar="FILE", help="eval JSON Lines file, or - for stdin")
    parser.add_argument(
        "--backend",
        choices=["offline", "llm"],
        default=None,
        help="grading engine (default: INTERVIEW_GRADER, else offline)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    """Grade every record of the file and print the agreement report."""
    try:
        records = _read(args.file)
    except InterviewError as exc:
        for line in str(exc).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return EXIT_BAD_FILE
    settings = load_settings()
    if args.backend is not None:
        settings = settings.model_copy(update={"backend": args.backend})
    report = evaluate(records, make_grader(settings))
    print(render_json(report) if args.json else render_text(report, args.file), end="")
    if args.json:
        print()
    return EXIT_OK


def _read(name: str) -> list[EvalRecord]:
    if name == "-":
        return parse_eval_lines(sys.stdin, source="<stdin>")
    return read_eval_file(Path(name))
