"""The app's two pages, declared in one place: ``app.py`` runs the one the URL asks for.

The interview is the default page (at ``/``), a function of an imported module, so it is
defined once per process rather than compiled and executed again on every rerun; the
history page is a file, ``app_pages/history.py``, at ``/history``. Declaring them here with
``st.navigation`` replaces Streamlit's ``pages/`` folder, which globbed the folder and
resolved each script's path on every rerun of every page.

Each page's title and icon are its browser tab's, so neither page calls
``st.set_page_config``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import interview_page

HISTORY = Path(__file__).resolve().parents[1] / "app_pages" / "history.py"


def interview() -> st.Page:
    """The interview page; also what the history page switches to when opening a session."""
    return st.Page(interview_page.page, title="Mock interview coach", icon="🎤",
                   url_path="interview", default=True)


def history() -> st.Page:
    """Past sessions, progress and their exports."""
    return st.Page(HISTORY, title="History", icon="📈", url_path="history")


def run() -> None:
    """Run the page the URL names (the interview when it names none)."""
    st.navigation([interview(), history()]).run()
