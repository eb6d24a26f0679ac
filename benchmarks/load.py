"""QUALITY L1: 20 browser sessions at once on one server, each answering 3 questions.

    python benchmarks/load.py [--sessions 20] [--answers 3]

Starts ``streamlit run app.py`` on 127.0.0.1 with a temporary database, drives N Chromium
contexts at once with async Playwright (Debian's chromium, see .ci/install-browser.sh),
and prints errors, cross-talk (each session's answers carry a unique marker; no page and
no saved session may show another's) and the median and 95th percentile time from
pressing Enter on an answer to its feedback card appearing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from app_driver import CHAT, SCORE
from streamlit_server import CHROMIUM_ARGS, StreamlitServer, chromium_path

from interview.store import SessionStore

ANSWER = (
    "I would fit the scaler on the training folds only, compare a baseline with gradient "
    "boosting under cross-validation and check the errors by segment"
)


async def one_session(page: Page, url: str, marker: str, answers: int) -> tuple[list[float], str]:
    """Start an interview, answer ``answers`` times; return the latencies and the session id."""
    await page.goto(url)
    await expect(page.get_by_role("heading", name="Mock interview coach")).to_be_visible()
    await page.get_by_role("button", name="Start interview").click()
    await expect(page.locator(CHAT)).to_be_visible()
    latencies = []
    for n in range(answers):
        chat = page.locator(CHAT)
        await expect(chat).to_be_enabled()
        await chat.fill(f"{ANSWER} {marker} answer {n + 1}")
        started = time.perf_counter()
        await chat.press("Enter")
        await expect(page.locator(SCORE)).to_have_count(n + 1, timeout=120_000)
        latencies.append(time.perf_counter() - started)
    await page.wait_for_function("() => new URL(location.href).searchParams.get('session')")
    session_id = await page.evaluate("() => new URL(location.href).searchParams.get('session')")
    return latencies, str(session_id)


async def run(sessions: int, answers: int) -> int:
    # 20 pages drawing at once on 2 cores take longer than expect()'s 5 s default.
    expect.set_options(timeout=120_000)
    chromium = chromium_path()
    if chromium is None:
        print("chromium is not installed: run .ci/install-browser.sh", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="interview-load-"))
    server = StreamlitServer(workdir).start()
    markers = [f"MARK{i:02d}x{secrets.token_hex(4)}" for i in range(sessions)]
    errors: list[str] = []
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            contexts = [await browser.new_context() for _ in range(sessions)]
            pages = [await c.new_page() for c in contexts]
            for page in pages:
                page.set_default_timeout(120_000)
            wall = time.perf_counter()
            results = await asyncio.gather(
                *(
                    one_session(pg, server.url, m, answers)
                    for pg, m in zip(pages, markers, strict=True)
                ),
                return_exceptions=True,
            )
            wall = time.perf_counter() - wall
            texts = [await pg.locator("body").inner_text() for pg in pages]
            await browser.close()
    finally:
        server.stop()
    latencies: list[float] = []
    ids: dict[int, str] = {}
    for i, result in enumerate(results):
        if isinstance(result, BaseException):
            errors.append(f"session {i}: {type(result).__name__}: {str(result)[:200]}")
        else:
            latencies += result[0]
            ids[i] = result[1]
    crosstalk = [
        f"page {i} shows {other}"
        for i, text in enumerate(texts)
        for other in markers
        if other != markers[i] and other in text
    ]
    store = SessionStore(server.db)
    lost = 0
    for i, session_id in ids.items():
        record = store.load(session_id)
        saved = [] if record is None else [t.answer or "" for t in record.turns if t.answer]
        lost += answers - sum(markers[i] in a for a in saved)
        crosstalk += [
            f"saved session {i} holds {m}"
            for m in markers
            if m != markers[i] and any(m in a for a in saved)
        ]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    print(f"sessions: {sessions} at once, {answers} answers each, wall time {wall:.1f} s")
    print(f"errors: {len(errors)}")
    for e in errors:
        print("  ", e)
    print(f"cross-talk found: {len(crosstalk)}")
    for c in crosstalk[:10]:
        print("  ", c)
    print(f"answers lost from the database: {lost}")
    if latencies:
        ordered = sorted(latencies)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(
            f"answer -> feedback: n={len(ordered)} median {statistics.median(ordered):.2f} s, "
            f"p95 {p95:.2f} s, max {ordered[-1]:.2f} s"
        )
    return 1 if errors or crosstalk or lost else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--answers", type=int, default=3)
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args.sessions, args.answers)))


if __name__ == "__main__":
    main()
