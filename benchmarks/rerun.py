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
on a widget whose value stays) and of sending one message, for each app, and the ratios.
Sending an answer in our app also grades it and saves it twice; that is reported
separately from the rerun ratio, whose target is at most 1.5x.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import streamlit.testing.v1.app_test as app_test_module  # noqa: TID251  # drives the UI
import streamlit.testing.v1.local_script_runner as runner_module  # noqa: TID251
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: TID251
from streamlit.testing.v1 import AppTest  # noqa: TID251

APP = Path(__file__).resolve().parents[1] / "app.py"
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


def paired_median_ms(
    bare: Callable[[], object], ours: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median times of ``bare`` and ``ours``, run alternately so that both see the same
    load on a shared machine (another process busy for a second slows both, not one)."""
    bare()  # warm-up
    ours()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for action, kept in ((bare, times[0]), (ours, times[1])):
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


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


def share_script_cache() -> None:
    """Make every AppTest run reuse one compiled-script cache, as a running server does."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    runner_module.ScriptCache = lambda: shared  # type: ignore[assignment,misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--no-shared-cache", action="store_true")
    args = parser.parse_args()
    if not args.no_shared_cache:
        share_script_cache()
    tmp = Path(tempfile.mkdtemp(prefix="interview-rerun-"))
    for name in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEW_GRADER"]:
        os.environ.pop(name, None)
    os.environ["INTERVIEW_DB_PATH"] = str(tmp / "sessions.sqlite3")
    os.chdir(tmp)

    bare = bare_app(tmp / "bare_chat.py")
    ours = our_app()
    bare_rerun, ours_rerun = paired_median_ms(bare.run, ours.run, args.repeats)
    counter = iter(range(10_000))

    def bare_send() -> None:
        bare.chat_input[0].set_value(f"{ANSWER} {next(counter)}").run()

    def ours_send() -> None:
        box = ours.chat_input(key="answer_box")
        box.set_value(f"{ANSWER} {next(counter)}").run()

    repeats = min(args.repeats, 12)  # an interview holds at most 20 questions plus follow-ups
    bare_msg, ours_msg = paired_median_ms(bare_send, ours_send, repeats)
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; driver: streamlit AppTest, "
        f"{'fresh' if args.no_shared_cache else 'shared'} bytecode cache"
    )
    print(
        f"rerun (no change):   bare {bare_rerun:7.1f} ms   ours {ours_rerun:7.1f} ms   "
        f"ratio {ours_rerun / bare_rerun:.2f}x (target <= 1.5x)"
    )
    print(
        f"send a message:      bare {bare_msg:7.1f} ms   ours {ours_msg:7.1f} ms   "
        f"ratio {ours_msg / bare_msg:.2f}x (ours grades and saves the answer)"
    )


if __name__ == "__main__":
    main()
