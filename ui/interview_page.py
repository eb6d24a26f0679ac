"""The interview page (the app's default page, see ``ui.navigation``).

A thin renderer: widgets hand text to ``interview.session.InterviewSession`` and the
pictures come from ``ui.render``. No interview rule lives here. Settings are read once
per browser session; the question bank is loaded once per process and shared (it is
immutable); everything per user lives in ``st.session_state``.
"""

from __future__ import annotations

import streamlit as st

from interview.config import Settings, load_settings
from interview.errors import InterviewError
from interview.grading import make_grader
from interview.models import Mode, RoleFocus
from interview.questions import QuestionBank
from interview.session import MAX_QUESTIONS, InterviewSession, Phase
from ui import after_interview, coach, engine_panel, job_panel, persistence, render, shared
from ui import sidebar as setup_sidebar

SESSION = "interview"  # the InterviewSession of this browser session
SETTINGS = "settings"
FLASH = "flash"  # messages to show once, set by callbacks
UNSENT = "unsent_answer"  # an answer that could not be submitted, kept for the candidate
ANSWER_BOX = "answer_box"


def current_settings() -> Settings:
    """Settings from the environment and ``.env``, read once per browser session."""
    settings: Settings | None = st.session_state.get(SETTINGS)
    if settings is None:
        settings = st.session_state[SETTINGS] = load_settings()
    return settings


def current_session() -> InterviewSession | None:
    """The interview in progress in this browser session, if any."""
    session: InterviewSession | None = st.session_state.get(SESSION)
    return session


def flash(message: str, kind: str = "error") -> None:
    """Queue a message for the next render."""
    st.session_state.setdefault(FLASH, []).append((kind, message))


# --- callbacks: run before the script, so the page renders the new state ---------------


def start_interview(bank: QuestionBank, settings: Settings) -> None:
    """Start a new interview with the sidebar's choices, replacing any current one."""
    role: RoleFocus = st.session_state["setup_role"]
    mode: Mode = st.session_state["setup_mode"]

    try:
        session = InterviewSession.start(
            bank=bank,
            grader=lambda record: make_grader(settings, record.llm_usage, record.role),
            settings=settings,
            role=role,
            mode=mode,
            num_questions=int(st.session_state["setup_n"]),
            on_change=persistence.new_autosave(settings),
            **coach.start_options(settings),
        )
    except InterviewError as exc:
        flash(str(exc))
        return
    st.session_state[SESSION] = session
    setup_sidebar.fold()  # the set-up folds away while the candidate answers
    persistence.remember(session.record)
    st.session_state.pop(UNSENT, None)
    for notice in session.pop_notices():
        flash(notice, "info")


def submit_answer(turn_index: int) -> None:
    """Grade the chat box's answer to question ``turn_index``, then ask the next one.

    ``turn_index`` is bound when the input is drawn, so a late second submit of the same
    text is recognised as a duplicate instead of answering the next question (B11).
    """
    session = current_session()
    text = st.session_state.get(ANSWER_BOX)
    if session is None or not isinstance(text, str):
        return
    try:
        session.answer(text, turn_index=turn_index)
        if session.phase is Phase.ANSWERED:
            session.next()
    except InterviewError as exc:
        flash(str(exc))
        if text.strip():
            st.session_state[UNSENT] = text
    else:
        st.session_state.pop(UNSENT, None)


def run_step(step_name: str) -> None:
    """Run a session step without text (skip, finish, retry_grading) and report errors."""
    session = current_session()
    if session is None:
        return
    try:
        getattr(session, step_name)()
        if step_name == "retry_grading" and session.phase is Phase.ANSWERED:
            session.next()
    except InterviewError as exc:
        flash(str(exc))


# --- the page ------------------------------------------------------------------------


def sidebar(bank: QuestionBank, settings: Settings, session: InterviewSession | None) -> None:
    """Interview set-up (role focus, mode, number of questions, start), or during an
    interview a short status with the set-up folded away until the candidate asks for it."""
    in_progress = session is not None and session.phase is not Phase.FINISHED
    with st.sidebar:
        if session is not None and in_progress and not setup_sidebar.is_open():
            setup_sidebar.status(session)
            engine_panel.usage(session, settings)
            st.button("End interview now", on_click=run_step, args=("finish",), key="finish")
            st.button("Change set-up or restart", on_click=setup_sidebar.unfold,
                      key="setup_show")
            setup_sidebar.drawn(False)
            return
        setup(bank, settings, in_progress)
        setup_sidebar.drawn(True)
        if in_progress:
            st.button("Hide the set-up", on_click=setup_sidebar.fold, key="setup_hide")
            st.button("End interview now", on_click=run_step, args=("finish",), key="finish")
        engine_panel.usage(session, settings)


def setup(bank: QuestionBank, settings: Settings, in_progress: bool) -> None:
    """The set-up widgets with the values the candidate chose, even if they were hidden."""
    setup_sidebar.restore()
    st.session_state.setdefault("setup_n", 5)
    st.header("Set up")
    st.selectbox("Role focus", list(RoleFocus), format_func=lambda r: r.label, key="setup_role")
    st.radio("Mode", list(Mode), format_func=lambda m: render.MODE_LABELS[m], key="setup_mode")
    st.number_input("Number of questions", 1, MAX_QUESTIONS, key="setup_n")
    coach.setup_controls(settings)
    job_panel.panel(settings)
    engine_panel.panel(settings)
    st.button(
        "Restart with these settings" if in_progress else "Start interview",
        type="primary",
        on_click=start_interview,
        args=(bank, settings),
        key="start",
    )
    setup_sidebar.keep()


def show_flash(session: InterviewSession | None) -> None:
    """Messages from the last action, then any unsent answer so it is not lost."""
    messages = st.session_state.pop(FLASH, [])
    if session is not None:
        messages += [("warning", n) for n in session.pop_notices()]
    for kind, message in messages:
        {"error": st.error, "info": st.info, "warning": st.warning}[kind](message)
    unsent = st.session_state.get(UNSENT)
    if unsent:
        st.caption("Your answer was not sent; here it is so you can copy it:")
        st.code(unsent, language=None)


def interview(session: InterviewSession) -> None:
    """The chat so far, then what the candidate can do next."""
    record = session.record
    coach.conversation(session)
    phase = session.phase
    if phase is Phase.GRADING:
        st.warning("Your answer is saved but has not been graded yet.")
        st.button("Try grading again", on_click=run_step, args=("retry_grading",))
    if phase is Phase.ASKING:
        coach.open_question(session)
        st.button("Skip this question", on_click=run_step, args=("skip",), key="skip")
    if phase is Phase.FINISHED:
        render.summary(session.summary())
        render.downloads(record, revision=persistence.revision(session))
        after_interview.section(session, current_settings())
    show_flash(session)
    coach.show_messages()
    if phase is not Phase.FINISHED and record.turns:
        st.chat_input(
            "Type your answer...",
            key=ANSWER_BOX,
            on_submit=submit_answer,
            args=(record.turns[-1].index,),
            submit_mode="disable",
        )


def page() -> None:
    """Render the page for the current state. Its tab title and icon come from its
    ``st.Page`` (``ui.navigation``)."""
    st.title("Mock interview coach")
    try:
        settings = current_settings()
        bank = shared.question_bank()
    except InterviewError as exc:
        st.error(str(exc))
        st.stop()
    for message in persistence.restore(bank, settings):
        flash(message, "info")
    session = current_session()
    sidebar(bank, settings, session)
    if session is None:
        render.welcome()
        show_flash(None)
        return
    interview(session)

