"""The sidebar around the set-up: shown in full before and after an interview, folded into a
short status while one is in progress, and unfolded again on request.

Folding the set-up away while the candidate answers leaves fewer distractions, and fewer
elements for Streamlit to run and draw on every interaction (the set-up, job description
and engine panels were a quarter of the page's cost).

Streamlit forgets the value of a widget that is not drawn in a run. So every time the
set-up is drawn, and when it folds, its values are copied under keys of their own
(``keep``), and put back when it is drawn again (``restore``). The API-key field is never
copied (QUALITY S1), and an uploaded file cannot be put back into its widget:
``ui.job_panel`` keeps what was read from it instead.
"""

from __future__ import annotations

import streamlit as st

from interview import turns
from interview.models import Style
from interview.session import InterviewSession
from ui import render

OPEN = "setup_open"  # whether the set-up is unfolded during an interview
DRAWN = "setup_drawn"  # whether the last run drew the set-up
# The set-up widgets whose values must outlive runs in which they are not drawn.
KEPT = ("setup_role", "setup_mode", "setup_n", "setup_style", "setup_time_limit",
        "setup_follow_ups", "jd_text", "engine_choice", "engine_model", "engine_base_url")
KEPT_VALUES = "setup_kept"  # {widget key: value}, copied while the set-up is drawn


def keep() -> None:
    """Copy the set-up's current values, to put back after runs that did not draw them."""
    st.session_state[KEPT_VALUES] = {k: st.session_state[k] for k in KEPT if k in st.session_state}


def restore() -> None:
    """Before the set-up is drawn: if the last run did not draw it, put back the values it
    had. (A widget's key can outlive the widget holding a stale value set through
    session state, such as a default, so the copies win whenever they exist.)"""
    if st.session_state.get(DRAWN) is not False:
        return
    for key, value in st.session_state.get(KEPT_VALUES, {}).items():
        st.session_state[key] = value


def drawn(value: bool) -> None:
    """Record whether this run drew the set-up (call once per run, at its end)."""
    if st.session_state.get(DRAWN) is not value:
        st.session_state[DRAWN] = value


def is_open() -> bool:
    """Whether the candidate asked to see the set-up during the interview."""
    return bool(st.session_state.get(OPEN))


def unfold() -> None:
    """Show the set-up during the interview (a button's callback)."""
    st.session_state[OPEN] = True


def fold() -> None:
    """Hide the set-up during the interview, keeping its values (a callback, so it sees
    the values sent with the click)."""
    keep()
    st.session_state[OPEN] = False


def status(session: InterviewSession) -> None:
    """The interview in progress in a few lines: how far, what kind, who grades it."""
    record = session.record
    current = session.current_turn
    where = f"Questions: {len(record.plan) or record.num_questions} planned"
    if current is not None:
        where = f"Questions: {turns.question_number(record, current)} of {record.num_questions}"
        if current.follow_up_of is not None:
            where += " (a follow-up)"
    grader = "the offline grader" if record.grader == "offline" else "a language model"
    style = "practice" if record.style is Style.PRACTICE else "mock"
    st.markdown(
        f"**Interview in progress**  \n{where}  \n"
        f"{record.role.label} · {render.MODE_LABELS[record.mode]} · {style}  \n"
        f":small[:gray[Graded by {grader}]]"
    )
