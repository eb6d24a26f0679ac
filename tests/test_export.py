"""Tests for the Markdown and JSON transcripts and their file names."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from interview.export import (
    SCHEMA_VERSION,
    TranscriptFormatError,
    download_name,
    escape_markdown,
    from_json,
    safe_filename,
    to_json,
    to_markdown,
)
from interview.models import (
    Category,
    CriterionScore,
    Difficulty,
    Feedback,
    Flag,
    Mode,
    Question,
    RoleFocus,
    SessionRecord,
    SessionStatus,
    Turn,
)

HOSTILE = (
    "<script>alert(1)</script> and <img src=x onerror=alert(2)> then "
    "[x](javascript:alert(3)) ![pic](http://evil.example/p.png) $x$"
)
UNICODE = "Résumé 👩🏽‍💻 数据 שלום e\u0301"


def tech_question() -> Question:
    return Question(
        id="dp-scaling",
        category=Category.DATA_PREPROCESSING,
        roles=[RoleFocus.DATA_SCIENTIST],
        difficulty=Difficulty.EASY,
        text="When would you scale features?",
        key_points=[{"name": f"Point {i}", "phrasings": [f"p{i}"]} for i in range(3)],
        reference_answer="Scale for distance-based models.",
        follow_ups=["And for trees?"],
    )


def behav_question() -> Question:
    return Question(
        id="tc-conflict",
        category=Category.TEAM_COLLABORATION,
        roles=[RoleFocus.DATA_SCIENTIST],
        difficulty=Difficulty.MEDIUM,
        text="Tell me about a disagreement.",
        strong_signals=["A specific situation"],
    )


def feedback(score: int, evidence: str = "") -> Feedback:
    return Feedback(
        score=score,
        criteria=[
            CriterionScore(name="Coverage", score=score, evidence=evidence, comment="Good | ok"),
            CriterionScore(name="Clarity", score=2, comment="Short."),
        ],
        strengths=["Names kNN"],
        improvements=["Mention leakage"],
        key_points_covered=["Point 0"],
        key_points_missed=["Point 1", "Point 2"],
        flags=[Flag.TRUNCATED],
        follow_up="Would you scale for a random forest?",
        model_answer="Scale for distance-based models.\nFit on train only.",
        notices=["Only the first 100 characters were graded."],
        grader="offline",
    )


@pytest.fixture
def record() -> SessionRecord:
    started = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
    return SessionRecord(
        id="abcdefghijklmnopqrstuv",
        role=RoleFocus.DATA_SCIENTIST,
        mode=Mode.MIXED,
        num_questions=3,
        started_at=started,
        finished_at=started.replace(hour=10),
        status=SessionStatus.FINISHED,
        plan=["dp-scaling", "tc-conflict", "dp-other"],
        turns=[
            Turn(
                index=0,
                question=tech_question(),
                answer=f"{HOSTILE}\n{UNICODE}\n1. first\n# heading",
                feedback=feedback(4, evidence="<b>kNN</b>"),
                asked_at=started,
                answered_at=started.replace(minute=35),
            ),
            Turn(index=1, question=behav_question(), skipped=True, asked_at=started),
            Turn(
                index=2,
                question=tech_question().model_copy(update={"id": "dp-other"}),
                answer="Short answer",
                feedback=feedback(2),
                asked_at=started,
            ),
        ],
    )


def test_markdown_transcript_reads_like_a_report(record: SessionRecord) -> None:
    md = to_markdown(record)
    assert md.startswith("# Mock interview transcript")
    for expected in [
        "**Role focus:** Data scientist",
        "**Mode:** Mixed",
        "2025-03-04 09:30 UTC",
        "**Overall score:** 3 / 5",
        "## Question 1 of 3: Data preprocessing (easy)",
        "**When would you scale features?**",
        "**Score: 4 / 5** (graded by offline)",
        "| Coverage | 4 / 5 |",
        "Good \\| ok",
        "- Names kNN",
        "- Mention leakage",
        "**Key points missed**",
        "- Point 1",
        "Truncated: The answer was longer than the limit",
        "**A follow-up to prepare:** Would you scale for a random forest?",
        "_Skipped._",
        "## Summary",
        "| Data preprocessing | 3 | 2 |",
        "1 skipped",
    ]:
        assert expected in md, expected


def test_answers_are_quoted_blocks_with_unicode_intact(record: SessionRecord) -> None:
    md = to_markdown(record)
    assert f"> {UNICODE}  " in md
    assert "> 1\\. first  " in md
    assert "> \\# heading  " in md


def test_hostile_answer_is_inert_in_markdown(record: SessionRecord) -> None:
    md = to_markdown(record)
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "&lt;b&gt;kNN&lt;/b&gt;" in md
    # No unescaped "](" or "![" survives, so no link or image can form.
    assert not re.search(r"(?<!\\)\]\(", md)
    assert not re.search(r"!\[", md)
    assert "\\[x\\](javascript:alert(3))" in md
    assert "\\$x\\$" in md


def test_escape_markdown_neutralises_block_syntax_at_line_start() -> None:
    assert escape_markdown("- item") == "\\- item"
    assert escape_markdown("2) two") == "2\\) two"
    assert escape_markdown("=====") == "\\====="
    assert escape_markdown("plain words, e.g. this") == "plain words, e.g. this"


def test_json_round_trips_exactly(record: SessionRecord) -> None:
    text = to_json(record)
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION == 1
    assert from_json(text) == record
    assert UNICODE in text  # kept as characters, not \u escapes


def test_json_carries_a_summary_for_readers(record: SessionRecord) -> None:
    summary = json.loads(to_json(record))["summary"]
    assert summary["overall"] == 3.0 and summary["skipped"] == 1


def test_json_of_an_unfinished_session_round_trips() -> None:
    unfinished = SessionRecord(
        id="z" * 22,
        role=RoleFocus.ML_ENGINEER,
        mode=Mode.TECHNICAL,
        num_questions=2,
        turns=[Turn(index=0, question=tech_question())],
    )
    assert from_json(to_json(unfinished)) == unfinished
    assert "_Skipped._" not in to_markdown(unfinished)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ("[1, 2]", "no 'session'"),
        ('{"schema_version": 99, "session": {}}', "schema_version 99"),
        ('{"schema_version": 1, "session": {"id": "short"}}', "invalid"),
    ],
)
def test_bad_json_transcript_gets_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(TranscriptFormatError, match=re.escape(message)):
        from_json(text)


def test_download_names_say_role_and_date(record: SessionRecord) -> None:
    assert download_name(record, "md") == "interview-data_scientist-2025-03-04.md"
    assert download_name(record, "json") == "interview-data_scientist-2025-03-04.json"


@pytest.mark.parametrize(
    "stem",
    ["../../etc/passwd", "a/b\\c", "..", "", "Data Engineer @ Acme: Spark/Airflow", "é" * 300],
)
def test_safe_filename_never_contains_a_path(stem: str) -> None:
    name = safe_filename(stem, "m/d")
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z0-9]+", name)
    assert ".." not in name and "/" not in name and "\\" not in name
    assert len(name) <= 90
