"""The coaching parts of the interview page: style (practice/mock), follow-up and retry
turns, the before/after table, the rubric and the timer. The job description lives in
``ui.job_panel``, the thank-you email and study plan in ``ui.after_interview``.

Widgets in, pictures out: every rule lives in ``interview/`` (session, jobdesc, thankyou,
reflection, selection). Text from the candidate, a job description or a model is shown
through ``escape_markdown``/``markdown_text``, never as HTML (QUALITY B4, S5).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import streamlit as st

from interview import assist, turns
from interview.config import Settings
from interview.errors import InterviewError
from interview.export import escape_markdown
from interview.followups import CriterionChange, compare
from interview.grading import rubric
from interview.models import Feedback, Kind, Style, Turn, utcnow
from interview.selection import History, history_from_records
from interview.session import InterviewSession, Phase
from ui import job_panel, persistence, render

SESSION = "interview"  # the key ui.interview_page keeps the InterviewSession under
STYLE, LIMIT, FOLLOW = "setup_style", "setup_time_limit", "setup_follow_ups"
COACH_FLASH = "coach_flash"
TEXTS = "turn_texts"  # (session, revision, texts): the conversation's markdown, built once
HISTORY_SESSIONS = 10  # how many past interviews steer the choice of questions

STYLE_LABELS: dict[Style, str] = {
    Style.PRACTICE: "Practice: feedback after each answer",
    Style.MOCK: "Mock: feedback at the end",
}


def current() -> InterviewSession | None:
    """The interview of this browser session, if any."""
    session: InterviewSession | None = st.session_state.get(SESSION)
    return session


def say(message: str, kind: str = "error") -> None:
    """Queue a message for ``show_messages``."""
    st.session_state.setdefault(COACH_FLASH, []).append((kind, message))


def show_messages() -> None:
    """Messages from the coaching callbacks, shown once."""
    for kind, message in st.session_state.pop(COACH_FLASH, []):
        {"error": st.error, "info": st.info, "warning": st.warning}[kind](message)


# --- set-up: style, follow-ups, time limit, history ----------------------------------


def setup_controls(settings: Settings) -> None:
    """Style, and the time limit (mock) or the number of follow-ups (practice)."""
    # Defaults go in session state, not ``value=``: ui.sidebar puts back kept values there.
    st.radio("Style", list(Style), format_func=STYLE_LABELS.__getitem__, key=STYLE)
    if st.session_state.get(STYLE, Style.PRACTICE) is Style.MOCK:
        st.session_state.setdefault(LIMIT, 0)
        st.number_input("Time limit per question (minutes, 0 = none)", 0, 30, key=LIMIT)
    else:
        st.session_state.setdefault(FOLLOW, settings.follow_ups_per_question)
        st.number_input("Follow-up questions per answer", 0, 3, key=FOLLOW)


def past_history(settings: Settings) -> History | None:
    """Recent scores of this browser's saved interviews, or ``None`` if none can be read."""
    db = persistence.store(settings)
    if db is None:
        return None
    try:
        owner = persistence.owner_token()
        listed = db.list_sessions(owner, limit=HISTORY_SESSIONS)
        records = [r for s in reversed(listed) if (r := db.load(s.id)) is not None]
    except InterviewError:
        return None
    return history_from_records(records)


def start_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``InterviewSession.start`` from the coaching controls."""
    style: Style = st.session_state.get(STYLE, Style.PRACTICE)
    analysis = job_panel.current_job(settings)  # read now if pasted but not read yet, or changed
    minutes = int(st.session_state.get(LIMIT) or 0)
    options: dict[str, Any] = {
        "style": style,
        "time_limit_s": minutes * 60 or None,
        "follow_ups_per_question": int(st.session_state.get(FOLLOW,
                                                            settings.follow_ups_per_question)),
        "history": past_history(settings),
        "follow_up_factory": lambda record: assist.follow_up_writer(settings, record),
    }
    if analysis is not None:
        options |= {"prefer": analysis.prefer, "job": analysis.profile,
                    "placeholders": analysis.placeholders()}
    return options


# --- the interview --------------------------------------------------------------------


def conversation(session: InterviewSession) -> None:
    """Every turn so far. An answered (or skipped) question is one chat message: the
    question, the answer and the feedback as one markdown text (``ui.render.answered``);
    the newest also shows its notices as warnings and the button to answer it again. The
    open question is the interviewer asking it.

    Streamlit runs the script again on every interaction and every element costs time
    on each run, so a turn drawn as separate question, answer and card messages (ten
    elements or more) made every rerun slower. The texts are built from the record, so
    they are kept in this browser's session state until the record changes
    (``ui.persistence.revision``) instead of being escaped and joined on every rerun.
    """
    key = persistence.revision(session)
    held = st.session_state.get(TEXTS)
    if held is None or held[0] is not session or held[1] != key:
        held = (session, key, {})
        st.session_state[TEXTS] = held
    texts: dict[int, str] = held[2]
    done = [t for t in session.record.turns if t.skipped or t.feedback is not None]
    for t in session.record.turns:
        if t.skipped or t.feedback is not None:
            answered(session, t, texts, newest=t is done[-1])
        else:
            asked(session, t)


def answered(session: InterviewSession, t: Turn, texts: dict[int, str], newest: bool) -> None:
    """An answered or skipped question as one message, then a retry's before-and-after."""
    if t.index not in texts:
        skipped = ["You skipped this question."] if t.skipped else []
        texts[t.index] = render.turn_text(t, turns.label(session.record, t),
                                          shown_feedback(session, t),
                                          skipped + notes(session, t), inline_notices=not newest)
    fb = None if hides_feedback(session) else t.feedback
    render.answered(texts[t.index], fb.notices if fb is not None and newest else [])
    before = turns.previous_attempt(session.record, t)
    if fb is not None and before is not None and before.feedback is not None:
        before_after(before.feedback, fb)
    if newest and session.can_retry(t.index):
        number = turns.question_number(session.record, t)
        st.button(f"Answer question {number} again", on_click=retry, args=(t.index,),
                  key="retry")


def asked(session: InterviewSession, t: Turn) -> None:
    """A question not graded yet: the interviewer asking it, and the answer if one was
    sent (its grading failed and can be tried again)."""
    record = session.record
    render.question(t, record.num_questions, label=turns.label(record, t))
    if t.answer is not None:
        render.answer(t.answer)
    for note in notes(session, t):
        st.caption(note)


def notes(session: InterviewSession, t: Turn) -> list[str]:
    """What to say under an answer: over time, or that a mock's feedback comes later."""
    found = []
    if t.over_time:
        found.append("Answered after the time limit; the answer is kept, marked as over time.")
    if t.feedback is not None and hides_feedback(session):
        found.append("Answer recorded. Feedback comes at the end of the mock interview.")
    return found


def hides_feedback(session: InterviewSession) -> bool:
    """A mock interview shows its feedback only when it is over."""
    return session.record.style is Style.MOCK and session.phase is not Phase.FINISHED


def shown_feedback(session: InterviewSession, t: Turn) -> Feedback | None:
    """The feedback to show for ``t``: none in a mock still going on, and without the
    follow-up to prepare when that follow-up is the question asked next."""
    fb = t.feedback
    if fb is None or hides_feedback(session):
        return None
    following = session.record.turns[t.index + 1 : t.index + 2]
    if any(u.follow_up_of is not None and u.retry_of is None for u in following):
        return fb.model_copy(update={"follow_up": None})
    return fb


def before_after(before: Feedback, after: Feedback) -> None:
    """A small table: each criterion before and after the retry, with the change."""
    rows = compare(before, after)
    with st.chat_message("assistant", avatar=render.COACH_AVATAR):
        st.markdown("**Before and after**")
        _delta_table(rows)


def _delta_table(rows: list[CriterionChange]) -> None:
    st.table({
        "Criterion": [r.name for r in rows],
        "Before": ["-" if r.before is None else str(r.before) for r in rows],
        "After": ["-" if r.after is None else str(r.after) for r in rows],
        "Change": ["" if r.delta is None else f"{r.delta:+d}" for r in rows],
    })


def retry(turn_index: int) -> None:
    """Ask the question at ``turn_index`` again."""
    session = current()
    if session is None:
        return
    try:
        session.retry(turn_index)
    except InterviewError as exc:
        say(str(exc))


def open_question(session: InterviewSession) -> None:
    """Under the open question: the rubric (practice) or the timer (mock)."""
    t = session.current_turn
    if t is None or session.phase is not Phase.ASKING:
        return
    if session.record.style is Style.PRACTICE:
        rubric_hint(t)
    elif session.record.time_limit_s:
        timer(t, session.record.time_limit_s)


def rubric_hint(t: Turn) -> None:
    """An expander with what the answer is graded on, for a candidate who wants a hint."""
    q = t.question
    if q.kind is Kind.TECHNICAL:
        parts = ["**Graded on:** " + ", ".join(rubric.TECHNICAL_WEIGHTS).lower()]
    else:
        parts = ["**Graded on:** relevance, specificity and what a strong answer shows; "
                 "for a story, its situation, task, your actions and the result."]
    items = [p.name for p in q.key_points] or q.strong_signals
    if items:
        title = "Key points" if q.key_points else "A strong answer"
        parts += [f"**{title}**", "\n".join(f"- {escape_markdown(i)}" for i in items)]
    with st.expander("Show the rubric for this question"):
        st.markdown("\n\n".join(parts))


def _clock(seconds: float) -> str:
    whole = int(abs(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


@st.fragment(run_every=1.0)
def timer(t: Turn, limit_s: int) -> None:
    """The time left on the open question, refreshed every second."""
    left = limit_s - (utcnow() - t.asked_at) / timedelta(seconds=1)
    if left >= 0:
        st.caption(f"⏱ Time left: {_clock(left)} of {_clock(limit_s)}")
    else:
        st.caption(f"⏱ Over the time limit by {_clock(left)}: you can still answer, and the "
                   "answer will be marked as over time.")
