"""History and progress: the interviews started in this browser, scores over time, actions.

Lists only the sessions whose owner token is this browser's (``?owner=`` in the URL, see
``ui.persistence``); nothing here can show another user's sessions. Open, download or
delete one past session at a time.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from interview.config import load_settings
from interview.errors import InterviewError
from interview.store import CategoryPoint, SessionStore, SessionSummary, weakest_categories
from ui import navigation, persistence, render

CONFIRM = "history_confirm_delete"
SETTINGS = "settings"  # the key ui.interview_page keeps this browser's Settings under
CHOSEN = "history_chosen"  # ((id, revision), record) of the session chosen below


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _label(s: SessionSummary) -> str:
    score = "-" if s.average is None else f"{s.average:g}/5"
    return f"{_when(s.started_at)} · {s.role.label} · {s.mode.value} · {score}"


def sessions_table(sessions: list[SessionSummary]) -> None:
    """Past sessions with date, role, mode, status and score."""
    st.dataframe(
        {
            "Date (UTC)": [_when(s.started_at) for s in sessions],
            "Role": [s.role.label for s in sessions],
            "Mode": [s.mode.value.capitalize() for s in sessions],
            "Status": [s.status.value.replace("_", " ") for s in sessions],
            "Answered": [s.answered for s in sessions],
            "Score (1-5)": [s.average for s in sessions],
        },
        hide_index=True,
    )


def progress(points: list[CategoryPoint]) -> None:
    """Score per category over time, and the three weakest categories."""
    if not points:
        st.info("Scores per category appear here once answers are graded.")
        return
    # One row per session (oldest first), one column per category; gaps where not asked.
    sessions = list(dict.fromkeys((p.session_id, _when(p.started_at)) for p in points))
    row = {sid: i for i, (sid, _) in enumerate(sessions)}
    columns: dict[str, list[float | None]] = {}
    for p in points:
        column = columns.setdefault(p.category.label, [None] * len(sessions))
        column[row[p.session_id]] = p.average
    # Two sessions started in the same minute still get distinct x values.
    labels = [f"{when} #{i + 1}" for i, (_, when) in enumerate(sessions)]
    st.subheader("Score per category over time")
    st.line_chart({"Session": labels, **columns}, x="Session", y_label="Average score (1-5)")
    st.subheader("Your three weakest categories")
    for category, average in weakest_categories(points):
        st.markdown(f"- **{category.label}**: {average:g} / 5")


def actions(db: SessionStore, sessions: list[SessionSummary], owner: str) -> None:
    """Open, download or delete one chosen session."""
    st.subheader("One session")
    chosen = st.selectbox(
        "Choose a session", sessions, format_func=_label, key="history_choice"
    )
    if chosen is None:
        return
    revision = db.revision(chosen.id)  # one indexed read; the whole record only if it changed
    cached = st.session_state.get(CHOSEN)
    if cached is not None and cached[0] == (chosen.id, revision):
        record = cached[1]
    else:
        record = db.load(chosen.id) if revision is not None else None
        st.session_state[CHOSEN] = ((chosen.id, revision), record)
    if record is None:
        st.warning("That session is no longer saved.")
        return
    if st.button("Open this session", type="primary", key="history_open"):
        st.switch_page(navigation.interview(), query_params={"session": record.id, "owner": owner})
    render.downloads(record, key="history_download", revision=(record.id, revision))
    sure = st.checkbox("I want to delete this session for good", key=CONFIRM)
    if st.button("Delete this session", disabled=not sure, key="history_delete"):
        db.delete(record.id)
        current = st.session_state.get(persistence.SESSION)
        if current is not None and current.record.id == record.id:
            del st.session_state[persistence.SESSION]
        st.session_state.pop(CONFIRM, None)
        st.rerun()


def main() -> None:
    """Render the history page."""
    st.title("History and progress")
    try:
        # Read once per browser session and shared with ui.interview_page (which keeps them
        # under the same key, and whose engine panel may replace them), not parsed again.
        settings = st.session_state.get(SETTINGS) or load_settings()
        st.session_state[SETTINGS] = settings
    except InterviewError as exc:
        st.error(str(exc))
        st.stop()
    owner = persistence.owner_token()
    db = persistence.store(settings)
    if db is None:
        st.stop()
    try:
        sessions = db.list_sessions(owner)
        points = db.category_history(owner)
    except InterviewError as exc:
        st.error(str(exc))
        st.stop()
    if not sessions:
        st.info(
            "No saved interviews from this browser yet. Interviews you start here are listed "
            "on this page; keep the page's address (it holds your private history key)."
        )
        return
    st.caption(
        "Only interviews started in this browser are listed. The address of this page holds "
        "your private history key: bookmark it to see your history again later."
    )
    sessions_table(sessions)
    progress(points)
    actions(db, sessions, owner)


main()
