"""F7 end to end: SIGKILL the server mid-interview, start it again, reopen the URL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_driver import SCORE, open_app, start_interview, submit_answer
from playwright.sync_api import Page, expect
from streamlit_server import StreamlitServer

from interview.store import SessionStore

pytestmark = pytest.mark.browser

ANSWER = "I would fit the scaler on the training folds only so nothing leaks into validation"


def test_a_server_killed_mid_interview_comes_back_with_every_answer(
    page: Page, tmp_path: Path
) -> None:
    server = StreamlitServer(tmp_path).start()
    try:
        open_app(page, server.url)
        start_interview(page, 3)
        submit_answer(page, ANSWER + " (before the crash 1)")
        submit_answer(page, ANSWER + " (before the crash 2)")
        page.wait_for_function("() => new URL(location.href).searchParams.get('session')")
        url = page.url
        server.kill()  # SIGKILL: no shutdown hooks run
        assert SessionStore(server.db).integrity_ok()
        server.start()  # same database, new port
        page.goto(re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{server.port}", url))
        expect(page.get_by_text("(before the crash 1)").first).to_be_visible()
        expect(page.get_by_text("(before the crash 2)").first).to_be_visible()
        expect(page.locator(SCORE)).to_have_count(2)
        submit_answer(page, ANSWER + " (after the restart)")
        expect(page.locator(SCORE)).to_have_count(3)
    finally:
        server.stop()
