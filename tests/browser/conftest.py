"""Fixtures for browser tests: a streamlit server on 127.0.0.1 and Debian's Chromium.

Under CI (``CI=true``) a missing Chromium fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from streamlit_server import CHROMIUM_ARGS, StreamlitServer, chromium_path


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "chromium is not installed: run .ci/install-browser.sh (as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    running = StreamlitServer(tmp_path_factory.mktemp("streamlit")).start()
    yield running
    running.stop()


@pytest.fixture
def context(browser: Browser, tmp_path: Path) -> Iterator[BrowserContext]:
    """A fresh browser profile: its own cookies, so its own Streamlit session and owner."""
    ctx = browser.new_context(accept_downloads=True)
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def browser_pages(browser: Browser) -> Iterator[tuple[Page, Page]]:
    """Two pages in two separate browser profiles (two people)."""
    first, second = browser.new_context(), browser.new_context()
    yield first.new_page(), second.new_page()
    first.close()
    second.close()
