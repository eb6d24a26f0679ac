"""A real Chromium against ``streamlit run app.py``: interview, refresh, downloads, XSS (B4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_driver import (
    CHAT,
    SCORE,
    answer_until_summary,
    open_app,
    scores,
    start_interview,
    submit_answer,
)
from playwright.sync_api import Dialog, Page, expect
from pypdf import PdfReader
from streamlit_server import StreamlitServer

from interview.export import from_json

pytestmark = pytest.mark.browser

ANSWER = (
    "I would standardise the features, fit the scaler on the training folds only to avoid "
    "leakage, and compare a baseline with gradient boosting using cross-validation"
)


def test_a_whole_interview_ends_with_a_summary(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url)
    start_interview(page, 2)
    sent = answer_until_summary(page, ANSWER)
    assert sent >= 2 and scores(page) == sent
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.locator(CHAT)).to_have_count(0)


def test_a_refresh_mid_interview_brings_everything_back(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url)
    start_interview(page, 3)
    submit_answer(page, ANSWER + " (first answer)")
    page.wait_for_function("() => new URL(location.href).searchParams.get('session')")
    assert "session=" in page.url and "owner=" in page.url
    page.reload()
    expect(page.get_by_text("(first answer)").first).to_be_visible()
    expect(page.locator(SCORE)).to_have_count(1)
    submit_answer(page, ANSWER + " (second answer)")
    assert scores(page) == 2
    expect(page.get_by_text("(first answer)").first).to_be_visible()


def test_the_three_downloads_hold_the_interview(
    page: Page, server: StreamlitServer, tmp_path: Path
) -> None:
    open_app(page, server.url)
    start_interview(page, 1)
    answer_until_summary(page, ANSWER)
    files = {}
    for kind in ["Markdown", "JSON", "PDF"]:
        with page.expect_download() as info:
            page.get_by_role("button", name=f"Download transcript ({kind})").click()
        download = info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        files[kind] = target
    for target in files.values():
        assert target.name.startswith("interview-") and "/" not in target.name
    assert "(answer 1)" in files["Markdown"].read_text(encoding="utf-8")
    record = from_json(files["JSON"].read_text(encoding="utf-8"))
    assert record.turns[0].answer == ANSWER + " (answer 1)"
    assert json.loads(files["JSON"].read_text())["schema_version"] == 1
    pdf = files["PDF"].read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(files["PDF"]).pages)
    assert "(answer 1)" in " ".join(text.split())


def test_the_history_page_lists_the_interview(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url)
    start_interview(page, 1)
    answer_until_summary(page, ANSWER)
    page.get_by_role("link", name="history").click()
    expect(page.get_by_role("heading", name="History and progress")).to_be_visible()
    expect(page.get_by_role("heading", name="Score per category over time")).to_be_visible()
    expect(page.get_by_role("heading", name="Your three weakest categories")).to_be_visible()
    expect(page.get_by_role("button", name="Download transcript (PDF)")).to_be_visible()
    page.get_by_role("button", name="Open this session").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.get_by_text("(answer 1)").first).to_be_visible()


def test_another_browser_sees_no_history(
    browser_pages: tuple[Page, Page], server: StreamlitServer
) -> None:
    mine, theirs = browser_pages
    open_app(theirs, server.url)
    start_interview(theirs, 1)
    submit_answer(theirs, ANSWER + " (theirs)")
    mine.goto(server.url + "history")
    expect(mine.get_by_role("heading", name="History and progress")).to_be_visible()
    expect(mine.get_by_text("No saved interviews from this browser yet")).to_be_visible()


def test_script_and_img_onerror_in_an_answer_never_run(page: Page, server: StreamlitServer) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    open_app(page, server.url)
    start_interview(page, 2)
    hostile = "<script>alert(1)</script> and <img src=x onerror=alert(1)> as my answer"
    submit_answer(page, hostile)
    expect(page.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    expect(page.get_by_text("<img src=x onerror=alert(1)>", exact=False)).to_be_visible()
    page.reload()  # the stored answer is drawn again from the database
    expect(page.get_by_text("<img src=x onerror=alert(1)>", exact=False)).to_be_visible()
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
