"""The PDF transcript: opens, holds the answers as text, survives any Unicode."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from interview.config import Settings
from interview.export import download_name
from interview.export_pdf import MISSING, find_dejavu, to_pdf
from interview.grading import OfflineGrader
from interview.models import Mode, RoleFocus, SessionRecord
from interview.questions import load_bank
from interview.session import InterviewSession

ANSWER = "I would fit the scaler on the training folds only, so no test statistics leak."
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
UNICODE = "Résumé שלום e\u0301 数据 👩🏽‍💻 done"


def interview(*answers: str) -> SessionRecord:
    session = InterviewSession.start(
        bank=load_bank(),
        grader=OfflineGrader(),
        settings=Settings(),
        role=RoleFocus.DATA_SCIENTIST,
        mode=Mode.TECHNICAL,
        num_questions=len(answers),
        seed=3,
    )
    for text in answers:
        session.answer(text)
        session.next()
    return session.record


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_questions_answers_scores_and_summary() -> None:
    record = interview(ANSWER, ANSWER + " Second answer.")
    text = " ".join(text_of(to_pdf(record)).split())
    assert "Mock interview transcript" in text
    assert "Data scientist" in text
    assert record.turns[0].question.text.split()[0] in text
    assert "no test statistics leak" in text and "Second answer." in text
    assert "Score:" in text and "Summary" in text


def test_html_in_an_answer_is_printed_as_characters() -> None:
    text = text_of(to_pdf(interview(HOSTILE)))
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text


@pytest.mark.skipif(find_dejavu() is None, reason="needs fonts-dejavu-core")
def test_with_dejavu_latin_hebrew_and_accents_print_and_cjk_emoji_are_marked() -> None:
    text = text_of(to_pdf(interview(UNICODE)))
    assert "Résumé" in text and ("שלום" in text or "םולש" in text)
    assert MISSING in text and "cannot draw" in text
    assert "done" in text


def test_without_any_unicode_font_nothing_crashes_and_the_pdf_says_so(tmp_path: Path) -> None:
    text = text_of(to_pdf(interview(UNICODE), font_dirs=[tmp_path]))
    assert "Résumé" in text  # Latin-1 still prints in Helvetica
    assert MISSING in text
    assert "cannot draw" in text and "Markdown and JSON exports keep them" in text
    assert "数据" not in text


def test_a_plain_answer_needs_no_replacement_note() -> None:
    text = text_of(to_pdf(interview(ANSWER), font_dirs=[]))
    assert "cannot draw" not in text and MISSING not in text


def test_a_long_unbroken_answer_wraps_without_error() -> None:
    pdf = to_pdf(interview("x" * 5000 + " " + "word " * 2000))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_the_pdf_file_name_says_role_and_date() -> None:
    record = interview(ANSWER)
    name = download_name(record, "pdf")
    assert name.startswith("interview-data_scientist-20") and name.endswith(".pdf")
    assert "/" not in name and ".." not in name
