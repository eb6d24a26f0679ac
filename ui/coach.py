"""The coaching parts of the page: style (practice/mock), the job description, follow-up
and retry turns, the rubric and the timer, and the after-interview steps.

Widgets in, pictures out: every rule lives in ``interview/`` (session, jobdesc, thankyou,
reflection, selection). Text from the candidate, a job description or a model is shown
through ``escape_markdown``/``markdown_text``, never as HTML (QUALITY B4, S5).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import streamlit as st

from interview import assist, jobdesc, reflection, thankyou, turns
from interview.config import Settings
from interview.errors import InterviewError
from interview.export import escape_markdown, markdown_text
from interview.followups import CriterionChange, compare
from interview.grading import rubric
from interview.models import Feedback, Kind, LLMUsage, SessionRecord, Style, Turn, utcnow
from interview.selection import History, history_from_records
from interview.session import InterviewSession, Phase
from ui import persistence, render

SESSION = "interview"  # the key app.py keeps the InterviewSession under
STYLE, LIMIT, FOLLOW = "setup_style", "setup_time_limit", "setup_follow_ups"
JD_TEXT, JD_FILE, JOB, JOB_MESSAGES = "jd_text", "jd_file", "job_analysis", "job_messages"
JOB_SOURCE = "job_source"  # what the kept analysis was read from
EMAIL, SEND, REVISED, COACH_FLASH = "thank_you_email", "thank_you_send", "revised", "coach_flash"
JD_USAGE = "jd_llm_usage"
HISTORY_SESSIONS = 10  # how many past interviews steer the choice of questions

STYLE_LABELS: dict[Style, str] = {
    Style.PRACTICE: "Practice: feedback after each answer",
    Style.MOCK: "Mock: feedback at the end",
}


def _session() -> InterviewSession | None:
    session: InterviewSession | None = st.session_state.get(SESSION)
    return session


def _say(message: str, kind: str = "error") -> None:
    st.session_state.setdefault(COACH_FLASH, []).append((kind, message))


def show_messages() -> None:
    """Messages from the coaching callbacks, shown once."""
    for kind, message in st.session_state.pop(COACH_FLASH, []):
        {"error": st.error, "info": st.info, "warning": st.warning}[kind](message)


# --- set-up: style, job description ---------------------------------------------------


def setup_controls(settings: Settings) -> None:
    """Style, and the time limit (mock) or the number of follow-ups (practice)."""
    st.radio("Style", list(Style), format_func=STYLE_LABELS.__getitem__, key=STYLE)
    if st.session_state.get(STYLE, Style.PRACTICE) is Style.MOCK:
        st.number_input("Time limit per question (minutes, 0 = none)", 0, 30, value=0, key=LIMIT)
    else:
        st.number_input("Follow-up questions per answer", 0, 3,
                        value=settings.follow_ups_per_question, key=FOLLOW)


def job_panel(settings: Settings) -> None:
    """Paste or upload a job description, read it, and show what was found."""
    analysis: jobdesc.JobAnalysis | None = st.session_state.get(JOB)
    with st.expander("Job description (optional)", expanded=analysis is not None):
        st.text_area("Paste the job description", key=JD_TEXT, height=150)
        st.file_uploader("...or upload it as a .txt or .md file", type=list(jobdesc.UPLOAD_TYPES),
                         key=JD_FILE)
        st.button("Read job description", on_click=read_job_clicked, args=(settings,),
                  key="jd_read")
        for message in st.session_state.get(JOB_MESSAGES, []):
            st.warning(markdown_text(message))
        if analysis is not None:
            job_summary(analysis)


def job_summary(analysis: jobdesc.JobAnalysis) -> None:
    """Company, role title, suggested role focus and skills found in the job description."""
    p = analysis.profile
    lines = [f"**Company:** {escape_markdown(p.company or 'not found')}",
             f"**Role:** {escape_markdown(p.title or 'not found')}"]
    if p.suggested_role is not None:
        lines.append(f"**Closest role focus:** {p.suggested_role.label}")
    skills = ", ".join(escape_markdown(s) for s in p.skills) or "none recognised"
    lines.append(f"**Skills it asks for:** {skills}")
    st.markdown("  \n".join(lines))
    st.caption("Questions that test these skills are asked first; preparation questions name "
               "the company and the role.")


def read_job_clicked(settings: Settings) -> None:
    """The read button's callback."""
    read_job(settings)


def read_job(settings: Settings) -> jobdesc.JobAnalysis | None:
    """Read the uploaded file (else the pasted text); keep the analysis and its messages."""
    upload = st.session_state.get(JD_FILE)
    if upload is not None:
        text = jobdesc.read_upload(upload.name, upload.getvalue())
    else:
        text = jobdesc.clean_text(str(st.session_state.get(JD_TEXT) or ""))
    analysis = None
    messages = list(text.messages)
    if text.text:
        try:
            # One usage per browser, so the call caps also bound repeated reads.
            usage = st.session_state.setdefault(JD_USAGE, LLMUsage())
            analysis = jobdesc.analyse(text.text, llm=assist.llm_for(settings, usage))
        except InterviewError as exc:
            messages.append(str(exc))
        else:
            messages += analysis.messages
    st.session_state[JOB] = analysis
    st.session_state[JOB_MESSAGES] = messages
    st.session_state[JOB_SOURCE] = _job_source()
    return analysis


def _job_source() -> str | None:
    """The upload's id or the pasted text: changes whenever the job description does."""
    upload = st.session_state.get(JD_FILE)
    if upload is not None:
        return f"file:{upload.file_id}"
    text = str(st.session_state.get(JD_TEXT) or "").strip()
    return f"text:{text}" if text else None


def current_job(settings: Settings) -> jobdesc.JobAnalysis | None:
    """The analysis of the job description in the sidebar now: re-read if it changed,
    ``None`` once it was cleared."""
    source = _job_source()
    if source is None:
        st.session_state.pop(JOB, None)
        st.session_state.pop(JOB_MESSAGES, None)
        return None
    if source != st.session_state.get(JOB_SOURCE):
        return read_job(settings)
    analysis: jobdesc.JobAnalysis | None = st.session_state.get(JOB)
    return analysis


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
    analysis = current_job(settings)  # read now if pasted but not read yet, or changed
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


def turn(session: InterviewSession, t: Turn) -> None:
    """One turn, numbered right for follow-ups and retries; feedback hidden in a mock."""
    record = session.record
    render.question(t, record.num_questions, label=turns.label(record, t))
    if t.answer is not None:
        render.answer(t.answer)
        if t.over_time:
            st.caption("Answered after the time limit; the answer is kept, marked as over time.")
    if t.feedback is None:
        return
    if record.style is Style.MOCK and session.phase is not Phase.FINISHED:
        st.caption("Answer recorded. Feedback comes at the end of the mock interview.")
        return
    before = turns.previous_attempt(record, t)
    if before is not None and before.feedback is not None:
        before_after(before.feedback, t.feedback)
    render.feedback(t.feedback)
    if session.can_retry(t.index):
        number = turns.question_number(record, t)
        st.button(f"Answer question {number} again", on_click=retry, args=(t.index,),
                  key="retry")


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
    session = _session()
    if session is None:
        return
    try:
        session.retry(turn_index)
    except InterviewError as exc:
        _say(str(exc))


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
    with st.expander("Show the rubric for this question"):
        if q.kind is Kind.TECHNICAL:
            st.markdown("**Graded on:** " + ", ".join(rubric.TECHNICAL_WEIGHTS).lower())
        else:
            st.markdown("**Graded on:** relevance, specificity and what a strong answer shows; "
                        "for a story, its situation, task, your actions and the result.")
        items = [p.name for p in q.key_points] or q.strong_signals
        title = "Key points" if q.key_points else "A strong answer"
        lines = "\n".join(f"- {escape_markdown(i)}" for i in items)
        if lines:
            st.markdown(f"**{title}**\n\n{lines}")


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


# --- after the interview --------------------------------------------------------------


def after_interview(session: InterviewSession, settings: Settings) -> None:
    """The thank-you email exercise and the study plan, after the summary."""
    record = session.record
    st.subheader("After the interview")
    show_messages()
    st.markdown("**1. Write your thank-you email**")
    st.caption("The guide's advice: send it within 24 hours; thank them; say you are still "
               "interested; show how your skills fit the role; keep it brief and professional.")
    st.radio("When would you send it?", list(thankyou.SendTime),
             format_func=lambda s: s.value.capitalize(), key=SEND, horizontal=True)
    st.text_area("Your email", key=EMAIL, height=200, value=record.thank_you_email or "")
    st.button("Grade my email", on_click=grade_email, args=(settings,), key="grade_email")
    if record.thank_you_feedback is not None:
        render.feedback(record.thank_you_feedback)
        revised = st.session_state.get(REVISED)
        if revised:
            with st.expander("A revised draft"):
                st.markdown(markdown_text(revised))
    st.markdown("**2. Reflect on your feedback**")
    st.button("Make my study plan", on_click=make_plan, args=(settings,), key="make_plan")
    if record.study_plan:
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in record.study_plan))


def grade_email(settings: Settings) -> None:
    """Grade the thank-you email and keep the result in the record."""
    session = _session()
    if session is None:
        return
    record = session.record
    text = str(st.session_state.get(EMAIL) or "")
    send = st.session_state.get(SEND) or thankyou.SendTime.SAME_DAY
    try:
        review = thankyou.review_email(text, send, _skills(record),
                                       llm=assist.llm_for(settings, record.llm_usage),
                                       role=record.role.label)
        session.save_review(thank_you_email=text, thank_you_feedback=review.feedback)
    except InterviewError as exc:
        _say(str(exc))
        return
    st.session_state[REVISED] = review.revised


def make_plan(settings: Settings) -> None:
    """Turn the session's weakest points into a study plan kept in the record."""
    session = _session()
    if session is None:
        return
    plan = reflection.study_plan(session.record, assist.llm_for(settings,
                                                                session.record.llm_usage))
    items = [*plan.items, *([plan.comment] if plan.comment else [])]
    try:
        session.save_review(study_plan=items)
    except InterviewError as exc:
        _say(str(exc))
    for notice in plan.notices:
        _say(notice, "warning")


def _skills(record: SessionRecord) -> list[str]:
    return list(record.job.skills) if record.job is not None else []
