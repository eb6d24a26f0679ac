"""Playwright steps on the interview app, shared by the browser tests and benchmarks/load.py."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

# A feedback card's score: a bold "Score: n / 5" line.
SCORE = '[data-testid="stMarkdownContainer"] strong:text-matches("^Score: [0-5] / 5$")'
CHAT = '[data-testid="stChatInputTextArea"]'


def open_app(page: Page, url: str) -> None:
    """Load the app and wait until Streamlit has drawn the page."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Mock interview coach")).to_be_visible()


def start_interview(page: Page, questions: int) -> None:
    """Set the number of questions in the sidebar and start."""
    box = page.get_by_label("Number of questions")
    box.fill(str(questions))
    box.press("Enter")
    page.get_by_role("button", name="Start interview").click()
    expect(page.locator(CHAT)).to_be_visible()
    expect(page.get_by_text(f"Question 1 of {questions}")).to_be_visible()


def scores(page: Page) -> int:
    """How many feedback cards are on the page."""
    return page.locator(SCORE).count()


def submit_answer(page: Page, text: str, timeout_ms: float = 60_000) -> float:
    """Type and send an answer; wait for its feedback card; return seconds it took."""
    before = scores(page)
    chat = page.locator(CHAT)
    expect(chat).to_be_enabled()
    chat.fill(text)
    started = time.perf_counter()
    chat.press("Enter")
    expect(page.locator(SCORE)).to_have_count(before + 1, timeout=timeout_ms)
    return time.perf_counter() - started


def finished(page: Page) -> bool:
    """Whether the summary is on the page."""
    return page.get_by_role("heading", name="Summary").count() > 0


def answer_until_summary(page: Page, text: str, limit: int = 12) -> int:
    """Answer every question (follow-ups included) until the summary; return answers sent."""
    sent = 0
    while not finished(page) and sent < limit:
        sent += 1
        submit_answer(page, f"{text} (answer {sent})")
        page.wait_for_timeout(300)  # the next question or the summary draws after feedback
        page.wait_for_load_state()
        _settle(page)
    return sent


def _settle(page: Page) -> None:
    # Streamlit shows a "running" status widget while a rerun is in progress.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
