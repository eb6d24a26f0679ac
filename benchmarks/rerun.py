"""The cost of one Streamlit interaction in our app against the bare chat example.

    python benchmarks/rerun.py [--repeats 30]

Streamlit runs the whole script again on every interaction. Both apps are driven in the
same process with ``streamlit.testing.v1.AppTest`` (the real script runner, no browser or
websocket), each holding a conversation of three exchanges on screen:

- ``bare``: the dozen-line chat example (``st.chat_input`` + ``st.chat_message``), written
  to a temporary file;
- ``ours``: ``app.py`` with an interview of three graded answers (offline grader, a
  temporary database).

AppTest makes a new bytecode cache on every run, so each run would parse and compile the
script again; a real server compiles a script once and keeps it. The benchmark shares one
cache across runs (``--no-shared-cache`` turns that off) so the figures match a server.

The driver is AppTest, not a real server: no protobuf serialisation, websocket or browser
is timed, for either app. The two apps are timed alternately, one run each in turn, so
that both see the same load on a shared machine.

It prints the median time of a rerun (an interaction that changes nothing, e.g. a click
on a widget whose value stays) and of sending one message, for each app, and the ratios;
for the rerun also the time of the script alone (its own run inside AppTest's, without the
driver's thread start-up and its polling for the end of the run every millisecond).
Sending an answer in our app also grades it and saves it twice; that is reported
separately from the rerun ratio, whose target is at most 1.5x.

AppTest always runs the whole script, even for a widget inside an ``st.fragment``, and
times only the Python side. What a candidate waits for is measured a second way, in the
same run (``--no-browser`` skips it): both apps served by ``streamlit run`` on 127.0.0.1
and driven by Debian's Chromium through Playwright, each with three exchanges on screen;
the time from the Enter key in the chat box (a keydown listener in the page) until a chat
message holding the sent text is in the page (a MutationObserver), read with
``performance.now()`` in the browser, so Playwright's polling is not timed. That includes
the websocket, protobuf and drawing, for both apps; the server, Chromium and this script
share the machine's cores. The two pages are timed alternately. ``--app PATH`` times
another version of ``app.py`` in the browser, e.g. an older one saved with ``git show``,
to compare a change (its imports come from this checkout).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import streamlit.runtime.scriptrunner.script_runner as script_runner_module  # noqa: TID251
import streamlit.testing.v1.app_test as app_test_module  # noqa: TID251  # drives the UI
import streamlit.testing.v1.local_script_runner as runner_module  # noqa: TID251
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: TID251
from streamlit.testing.v1 import AppTest  # noqa: TID251

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BARE = """
import streamlit as st

st.title("Echo chat")
if "messages" not in st.session_state:
    st.session_state.messages = []
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    st.session_state.messages.append({"role": "assistant", "content": f"Echo: {prompt}"})
    st.rerun()
"""
ANSWER = (
    "I would fit the scaler on the training folds only, compare a baseline with gradient "
    "boosting under cross-validation and check the errors by segment"
)


P = ParamSpec("P")
R = TypeVar("R")
SCRIPT_SECONDS: list[float] = []  # how long each run of a script itself took


def _timed(original: Callable[P, R]) -> Callable[P, R]:
    def timed(*args: P.args, **kwargs: P.kwargs) -> R:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SCRIPT_SECONDS.append(time.perf_counter() - started)

    return timed


def time_script_runs() -> None:
    """Record how long the script itself runs inside each AppTest run (from the first line
    of the script to its last, without the test driver's thread start-up and polling)."""
    module = script_runner_module  # the name it calls, imported there from exec_code
    module.exec_func_with_error_handling = _timed(  # type: ignore[attr-defined]
        module.exec_func_with_error_handling)  # type: ignore[attr-defined]


def paired_median_ms(
    bare: Callable[[], object], ours: Callable[[], object], repeats: int
) -> tuple[float, float, float, float]:
    """Median times of ``bare`` and ``ours``, run alternately so that both see the same
    load on a shared machine (another process busy for a second slows both, not one):
    the whole AppTest run of each, then its script alone."""
    bare()  # warm-up
    ours()
    times: tuple[list[float], list[float]] = ([], [])
    scripts: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for action, kept, script in ((bare, times[0], scripts[0]), (ours, times[1], scripts[1])):
            SCRIPT_SECONDS.clear()
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
            script.append(sum(SCRIPT_SECONDS))
    return (statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000,
            statistics.median(scripts[0]) * 1000, statistics.median(scripts[1]) * 1000)


def bare_app(path: Path) -> AppTest:
    path.write_text(BARE)
    at = AppTest.from_file(str(path), default_timeout=60).run()
    for n in range(3):
        at.chat_input[0].set_value(f"{ANSWER} {n}").run()
    return at


def our_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.number_input(key="setup_n").set_value(20)
    at.button(key="start").click().run()
    for n in range(3):
        at.chat_input(key="answer_box").set_value(f"{ANSWER} {n}").run()
    assert not at.exception
    return at


# Installed before Enter is pressed: the time from that keydown until a chat message holds
# the token, measured in the page.
WATCH = """(token) => {
  window.__took = undefined;
  let start = 0;
  const area = document.querySelector('[data-testid="stChatInputTextArea"]');
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !start) start = performance.now();
  }, {capture: true});
  const seen = () => [...document.querySelectorAll('[data-testid="stChatMessage"]')]
    .some((m) => m.textContent.includes(token));
  const observer = new MutationObserver(() => {
    if (start && window.__took === undefined && seen()) {
      window.__took = performance.now() - start;
      observer.disconnect();
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def browser_send_ms(
    tmp: Path, bare_script: Path, repeats: int, app: Path = APP
) -> tuple[float, float]:
    """Median ms from Enter to the sent message on screen, bare chat and ours, in Chromium."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from app_driver import CHAT, open_app, start_interview
    from playwright.sync_api import Page, expect, sync_playwright
    from streamlit_server import CHROMIUM_ARGS, StreamlitServer, chromium_path

    executable = chromium_path()
    if executable is None:
        raise SystemExit("chromium is not installed: run .ci/install-browser.sh, or --no-browser")
    counter = iter(range(10_000))

    def send(page: Page) -> float:
        token = f"tok{next(counter)}x{os.getpid()}"
        chat = page.locator(CHAT)
        expect(chat).to_be_enabled(timeout=60_000)
        chat.fill(f"{ANSWER} {token}")
        page.evaluate(WATCH, token)
        chat.press("Enter")
        page.wait_for_function("() => window.__took !== undefined", polling="raf",
                               timeout=60_000)
        took: float = page.evaluate("window.__took")
        page.wait_for_function(  # the run is over before the next message is typed
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
            timeout=60_000)
        return took

    servers = []
    for name, script in (("bare", bare_script), ("ours", app)):
        (tmp / name).mkdir()
        servers.append(StreamlitServer(tmp / name, script=script).start())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            bare, ours = browser.new_page(), browser.new_page()
            bare.goto(servers[0].url)
            expect(bare.get_by_role("heading", name="Echo chat")).to_be_visible()
            open_app(ours, servers[1].url)
            start_interview(ours, 20)
            for _ in range(4):  # three exchanges on screen, and a warm-up
                send(bare)
                send(ours)
            times: tuple[list[float], list[float]] = ([], [])
            for _ in range(repeats):
                times[0].append(send(bare))
                times[1].append(send(ours))
            browser.close()
    finally:
        for server in servers:
            server.stop()
    return statistics.median(times[0]), statistics.median(times[1])


def share_script_cache() -> None:
    """Make every AppTest run reuse one compiled-script cache, as a running server does."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    runner_module.ScriptCache = lambda: shared  # type: ignore[assignment,misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--no-shared-cache", action="store_true")
    parser.add_argument("--no-browser", action="store_true",
                        help="skip the real-server measurement in Chromium")
    parser.add_argument("--app", type=lambda name: Path(name).resolve(), default=APP,
                        help="the app to time in the browser (e.g. an older app.py)")
    args = parser.parse_args()
    if not args.no_shared_cache:
        share_script_cache()
    time_script_runs()
    tmp = Path(tempfile.mkdtemp(prefix="interview-rerun-"))
    for name in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEW_GRADER"]:
        os.environ.pop(name, None)
    os.environ["INTERVIEW_DB_PATH"] = str(tmp / "sessions.sqlite3")
    os.chdir(tmp)

    bare = bare_app(tmp / "bare_chat.py")
    ours = our_app()
    bare_rerun, ours_rerun, bare_script, ours_script = paired_median_ms(
        bare.run, ours.run, args.repeats)
    counter = iter(range(10_000))

    def bare_send() -> None:
        bare.chat_input[0].set_value(f"{ANSWER} {next(counter)}").run()

    def ours_send() -> None:
        box = ours.chat_input(key="answer_box")
        box.set_value(f"{ANSWER} {next(counter)}").run()

    repeats = min(args.repeats, 12)  # an interview holds at most 20 questions plus follow-ups
    bare_msg, ours_msg, _, _ = paired_median_ms(bare_send, ours_send, repeats)
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; driver: streamlit AppTest, "
        f"{'fresh' if args.no_shared_cache else 'shared'} bytecode cache"
    )
    print(
        f"AppTest, full-page rerun (no change): bare {bare_rerun:6.1f} ms  "
        f"ours {ours_rerun:6.1f} ms  "
        f"ratio {ours_rerun / bare_rerun:.2f}x (target <= 1.5x)"
    )
    print(
        f"AppTest, the script alone (no change): bare {bare_script:6.1f} ms  "
        f"ours {ours_script:6.1f} ms  ratio {ours_script / bare_script:.2f}x "
        "(app.py's own run, without AppTest's start-up and polling)"
    )
    print(
        f"AppTest, send a message (full page):  bare {bare_msg:6.1f} ms  ours {ours_msg:6.1f} ms  "
        f"ratio {ours_msg / bare_msg:.2f}x (ours grades and saves the answer)"
    )
    if args.no_browser:
        return
    web_bare, web_ours = browser_send_ms(tmp, tmp / "bare_chat.py", repeats, args.app)
    print(
        f"browser, Enter to message on screen:  bare {web_bare:6.1f} ms  ours {web_ours:6.1f} ms  "
        f"ratio {web_ours / web_bare:.2f}x (real server and Chromium; ours grades and saves)"
    )


if __name__ == "__main__":
    main()
