"""After the interview, below the summary: the thank-you email exercise and the study plan.

Grading the email is ``interview.thankyou``'s work and the plan ``interview.reflection``'s;
both results are kept in the record (``InterviewSession.save_review``) so they are saved
and exported.
"""

from __future__ import annotations

import streamlit as st

from interview import assist, reflection, thankyou
from interview.config import Settings
from interview.errors import InterviewError
from interview.export import escape_markdown, markdown_text
from interview.models import SessionRecord
from interview.session import InterviewSession
from ui import render
from ui.coach import current, say, show_messages

EMAIL, SEND, REVISED = "thank_you_email", "thank_you_send", "revised"


def section(session: InterviewSession, settings: Settings) -> None:
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
    session = current()
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
        say(str(exc))
        return
    st.session_state[REVISED] = review.revised


def make_plan(settings: Settings) -> None:
    """Turn the session's weakest points into a study plan kept in the record."""
    session = current()
    if session is None:
        return
    plan = reflection.study_plan(session.record, assist.llm_for(settings,
                                                                session.record.llm_usage))
    items = [*plan.items, *([plan.comment] if plan.comment else [])]
    try:
        session.save_review(study_plan=items)
    except InterviewError as exc:
        say(str(exc))
    for notice in plan.notices:
        say(notice, "warning")


def _skills(record: SessionRecord) -> list[str]:
    return list(record.job.skills) if record.job is not None else []
