"""The job description in the sidebar: paste or upload it, read it, show what was found.

Reading is ``interview.jobdesc``'s work; bad input (empty, huge, binary, not UTF-8) comes
back as messages shown here, and the interview can start regardless (QUALITY B10).

An uploaded file stays in use until the candidate removes it, even after the set-up was
folded away during an interview (``ui.sidebar``): Streamlit forgets a file uploader's file
when the widget is not drawn, so the file read last is remembered here by name and source.
"""

from __future__ import annotations

import streamlit as st

from interview import assist, jobdesc
from interview.config import Settings
from interview.errors import InterviewError
from interview.export import escape_markdown, markdown_text
from interview.models import LLMUsage

JD_TEXT, JD_FILE, JOB, JOB_MESSAGES = "jd_text", "jd_file", "job_analysis", "job_messages"
JOB_SOURCE = "job_source"  # what the kept analysis was read from
JD_USAGE = "jd_llm_usage"
UPLOADED = "job_uploaded"  # (file name, source) of the file read last, until it is removed


def panel(settings: Settings) -> None:
    """Paste or upload a job description, read it, and show what was found."""
    analysis: jobdesc.JobAnalysis | None = st.session_state.get(JOB)
    with st.expander("Job description (optional)", expanded=analysis is not None):
        st.text_area("Paste the job description", key=JD_TEXT, height=150)
        st.file_uploader("...or upload it as a .txt or .md file", type=list(jobdesc.UPLOAD_TYPES),
                         key=JD_FILE, on_change=upload_changed)
        kept = st.session_state.get(UPLOADED)
        if kept is not None and st.session_state.get(JD_FILE) is None:
            st.caption(f"In use: {escape_markdown(kept[0])}, uploaded earlier. Upload another "
                       "file to replace it.")
            st.button("Stop using it", on_click=forget_upload, key="jd_forget")
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


def upload_changed() -> None:
    """The file uploader's callback: a removed file is no longer used."""
    if st.session_state.get(JD_FILE) is None:
        forget_upload()


def forget_upload() -> None:
    """Stop using the file uploaded earlier, and what was read from it."""
    kept = st.session_state.pop(UPLOADED, None)
    if kept is not None and st.session_state.get(JOB_SOURCE) == kept[1]:
        for key in (JOB, JOB_MESSAGES, JOB_SOURCE):
            st.session_state.pop(key, None)


def read_job(settings: Settings) -> jobdesc.JobAnalysis | None:
    """Read the uploaded file (else the pasted text); keep the analysis and its messages."""
    upload = st.session_state.get(JD_FILE)
    if upload is None and st.session_state.get(UPLOADED) is not None:
        analysis: jobdesc.JobAnalysis | None = st.session_state.get(JOB)
        return analysis  # the file uploaded earlier was read then
    if upload is not None:
        st.session_state[UPLOADED] = (upload.name, f"file:{upload.file_id}")
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
    kept = st.session_state.get(UPLOADED)
    if kept is not None:
        return str(kept[1])
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
