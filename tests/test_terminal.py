"""Tests for the terminal interview (``practise``) and the ``export`` sub-command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from interview.config import Settings
from interview.export import from_json, to_json
from interview.grading import OfflineGrader
from interview.models import Mode, RoleFocus, SessionStatus
from interview.questions import load_bank
from interview.session import InterviewSession, Phase
from interview.terminal import add_commands, run_interview

ANSWER = (
    "I standardised the features and fitted the scaler on the training set only to avoid "
    "leakage; recall on the minority class rose from 0.61 to 0.78 after I tuned the threshold."
)


def run(session: InterviewSession, lines: list[str]) -> str:
    feed = iter(lines)
    out: list[str] = []

    def read(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    run_interview(session, read, out.append)
    return "\n".join(out)


def new_session(n: int) -> InterviewSession:
    return InterviewSession.start(
        bank=load_bank(),
        grader=OfflineGrader(),
        settings=Settings(follow_ups_per_question=0),  # counts planned questions
        role=RoleFocus.DATA_SCIENTIST,
        mode=Mode.MIXED,
        num_questions=n,
        seed=4,
    )


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_terminal_interview_shows_feedback_and_summary() -> None:
    session = new_session(2)
    output = run(session, [ANSWER, "second line of the answer", "", ANSWER, ""])
    assert output.count("Score: ") == 2
    assert "Question 1 of 2" in output and "Question 2 of 2" in output
    assert "Summary: overall" in output
    assert session.record.status is SessionStatus.FINISHED
    assert session.record.turns[0].answer == f"{ANSWER}\nsecond line of the answer"


def test_empty_answer_is_refused_and_the_question_asked_again() -> None:
    session = new_session(1)
    output = run(session, ["", ANSWER, ""])
    assert "empty" in output
    assert session.record.turns[0].feedback is not None


def test_skip_and_quit_commands() -> None:
    session = new_session(3)
    output = run(session, [":skip", ":quit"])
    assert "Skipped." in output
    assert session.phase is Phase.FINISHED
    assert [t.skipped for t in session.record.turns] == [True, True]


def test_end_of_input_finishes_the_interview() -> None:
    session = new_session(3)
    run(session, [ANSWER, ""])
    assert session.phase is Phase.FINISHED
    assert session.summary().answered == 1


def test_practise_saves_the_transcript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INTERVIEW_GRADER", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("INTERVIEW_FOLLOW_UPS", "0")  # one scripted answer, no follow-up
    feed = iter([ANSWER, ""])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(feed))
    out = tmp_path / "t.json"
    args = parse(
        ["practise", "--role", "data_analyst", "--mode", "technical", "-n", "1", "--out", str(out)]
    )
    assert args.handler(args) == 0
    record = from_json(out.read_text(encoding="utf-8"))
    assert record.role is RoleFocus.DATA_ANALYST and record.turns[0].answer == ANSWER
    assert "Transcript saved" in capsys.readouterr().out


def test_export_turns_json_into_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = new_session(1)
    run(session, [ANSWER, ""])
    saved = tmp_path / "s.json"
    saved.write_text(to_json(session.record), encoding="utf-8")
    args = parse(["export", str(saved), "--format", "md"])
    assert args.handler(args) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Mock interview transcript") and ANSWER[:40] in markdown

    target = tmp_path / "again.json"
    args = parse(["export", str(saved), "--format", "json", "--out", str(target)])
    assert args.handler(args) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert from_json(target.read_text(encoding="utf-8")) == session.record


def test_export_of_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse(["export", str(tmp_path / "nope.json")])
    assert args.handler(args) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_main_runs_export_and_rejects_a_non_transcript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from interview.__main__ import main

    session = new_session(1)
    run(session, [ANSWER, ""])
    saved = tmp_path / "s.json"
    saved.write_text(to_json(session.record), encoding="utf-8")
    assert main(["export", str(saved)]) == 0
    assert "# Mock interview transcript" in capsys.readouterr().out
    saved.write_text("# not json", encoding="utf-8")
    assert main(["export", str(saved)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_a_terminal_follow_up_is_numbered_under_its_question() -> None:
    session = InterviewSession.start(
        bank=load_bank(), grader=OfflineGrader(), settings=Settings(follow_ups_per_question=1),
        role=RoleFocus.DATA_SCIENTIST, mode=Mode.TECHNICAL, num_questions=1, seed=4,
    )
    output = run(session, ["It depends.", "", ANSWER, ""])
    assert "Question 1 of 1 — follow-up · " in output
    assert "Question 2 of 1" not in output
