"""Streamlit pictures of the engine's objects: questions, answers, feedback, summary.

Every string that came from the candidate, a job description or a grader goes through
``interview.export.markdown_text`` / ``escape_markdown`` first, so markdown, HTML, links
and images in it show as plain characters (QUALITY B4, S5). Nothing here uses
``unsafe_allow_html``.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial

import streamlit as st

from interview.export import (
    download_name,
    escape_markdown,
    explain_flag,
    flag_label,
    markdown_quote,
    markdown_text,
    to_json,
    to_markdown,
)
from interview.export_pdf import to_pdf
from interview.models import Feedback, Mode, SessionRecord, Turn
from interview.summary import Summary

# The icon font ships with Streamlit; emoji need a system font.
INTERVIEWER_AVATAR = ":material/record_voice_over:"
COACH_AVATAR = ":material/grading:"

MODE_LABELS: dict[Mode, str] = {
    Mode.TECHNICAL: "Technical",
    Mode.BEHAVIOURAL: "Behavioural",
    Mode.MIXED: "Mixed",
}


def welcome() -> None:
    """What a first-time visitor sees before starting."""
    st.markdown(
        "Practise a mock interview for a machine-learning or data role. Pick a role focus, "
        "a mode and how many questions you want in the sidebar, then press **Start "
        "interview**. Answer each question in the chat box; you get feedback on every "
        "answer and a summary at the end, which you can download. Choose **Mock** to keep the "
        "feedback for the end (with a timer if you like), or paste a job description to get "
        "questions on the skills it asks for."
    )


def question(turn: Turn, total: int, label: str | None = None) -> None:
    """The interviewer asking a question not answered yet, under a small line with its
    number, category and difficulty (one markdown text: every element costs time on every
    rerun).

    ``label`` (from ``interview.turns.label``) numbers follow-ups and retries under their
    question, e.g. "Question 2 of 5 — follow-up".
    """
    q = turn.question
    number = label or f"Question {turn.index + 1} of {max(total, turn.index + 1)}"
    text = f"{small(f'{number} · {q.category.label} · {q.difficulty.value}')}  \n"
    with st.chat_message("assistant", avatar=INTERVIEWER_AVATAR):
        st.markdown(text + markdown_text(q.text))


def small(text: str) -> str:
    """Markdown for a small grey line, as a caption shows it; ``text`` must be inert."""
    return f":small[:gray[{text}]]"


def answer(text: str) -> None:
    """The candidate's answer, shown exactly as typed and never as markup."""
    with st.chat_message("user"):
        st.markdown(markdown_text(text))


def feedback(fb: Feedback) -> None:
    """A feedback card on its own (the thank-you email's): its notices, the score line and
    the body as one markdown text, the follow-up to prepare and the model answer.

    An interview's answers are drawn with their question instead (``answered``).
    """
    with st.chat_message("assistant", avatar=COACH_AVATAR):
        for notice in fb.notices:
            st.warning(markdown_text(notice))
        st.markdown(f"{score_line(fb)}\n\n{feedback_body(fb)}")
        if fb.follow_up:
            st.info(f"A follow-up to prepare: {escape_markdown(fb.follow_up)}")
        if fb.model_answer:
            with st.expander("A model answer"):
                st.markdown(markdown_text(fb.model_answer))


def score_line(fb: Feedback) -> str:
    """'Score: 3 / 5' in bold, and which grader gave it in small grey text."""
    grader = f"Graded by the **{escape_markdown(fb.grader)}** grader."
    return f"**Score: {fb.score} / 5** · {small(grader)}"


def answered(text: str, notices: list[str]) -> None:
    """An answered question as one chat message: ``notices`` as warnings (the newest
    answer's), then ``text`` (``turn_text``). The same words as a question, an answer and
    a feedback card drawn apart, in two elements instead of ten or more."""
    with st.chat_message("assistant", avatar=COACH_AVATAR):
        for notice in notices:
            st.warning(markdown_text(notice))
        st.markdown(text)


def turn_text(turn: Turn, label: str, fb: Feedback | None, notes: list[str],
              inline_notices: bool = True) -> str:
    """The question (under its number, category and difficulty), the answer as a quote,
    ``notes``, and the feedback with its model answer, as one inert markdown text; the
    feedback's notices are lines in it unless ``inline_notices`` is false (they are shown
    as warnings then)."""
    q = turn.question
    parts = [f"{small(f'{label} · {q.category.label} · {q.difficulty.value}')}  \n"
             + markdown_text(q.text)]
    if turn.answer is not None:
        parts += ["**Your answer**", markdown_quote(turn.answer)]
    parts += [small(escape_markdown(note)) for note in notes]
    if fb is not None:
        parts.append(score_line(fb))
        if inline_notices:
            parts += [f":material/warning: {markdown_text(n)}" for n in fb.notices]
        parts.append(feedback_body(fb))
        if fb.follow_up:
            parts.append(f"**A follow-up to prepare:** {escape_markdown(fb.follow_up)}")
        if fb.model_answer:
            parts += ["**A model answer**", markdown_quote(fb.model_answer)]
    return "\n\n".join(p for p in parts if p)


def feedback_body(fb: Feedback) -> str:
    """The card's criteria (with the evidence quoted, small and grey as a caption would be)
    and its lists, as one inert markdown text."""
    lines = []
    for c in fb.criteria:
        line = f"- **{escape_markdown(c.name)}**: {c.score} / 5"
        if c.comment:
            line += f" - {escape_markdown(c.comment)}"
        if c.evidence:
            quote = escape_markdown(" ".join(c.evidence.split()))
            line += f"  \n  {small(f'Evidence from your answer: “{quote}”')}"
        lines.append(line)
    parts = ["**Criteria**", "\n".join(lines)] if lines else []
    flags = [f"{flag_label(f)}: {explain_flag(f)}" for f in fb.flags]
    for title, items in [("Strengths", fb.strengths), ("To improve", fb.improvements),
                         ("Key points you covered", fb.key_points_covered),
                         ("Key points you missed", fb.key_points_missed), ("Flags", flags)]:
        if items:
            parts.append(f"**{title}**")
            parts.append("\n".join(f"- {escape_markdown(' '.join(i.split()))}" for i in items))
    return "\n\n".join(parts)


def summary(s: Summary) -> None:
    """The end-of-interview summary: overall, per category and per criterion."""
    st.subheader("Summary")
    overall, answered, skipped = st.columns(3)
    overall.metric("Overall", "-" if s.overall is None else f"{s.overall:g} / 5")
    answered.metric("Answered", s.answered)
    skipped.metric("Skipped", s.skipped)
    if s.categories:
        st.markdown("**By category**")
        st.bar_chart(
            {
                "Category": [c.label for c in s.categories],
                "Average": [c.average for c in s.categories],
            },
            x="Category",
            y="Average",
            horizontal=True,
        )
        st.table(
            {
                "Category": [c.label for c in s.categories],
                "Average (1-5)": [f"{c.average:g}" for c in s.categories],
                "Answered": [c.answered for c in s.categories],
            }
        )
    if s.criteria:
        st.markdown("**By criterion**")
        st.table(
            {
                "Criterion": [c.name for c in s.criteria],
                "Average (1-5)": [f"{c.average:g}" for c in s.criteria],
                "Answers": [c.count for c in s.criteria],
            }
        )
    if s.strongest:
        st.markdown("**Strongest:** " + ", ".join(c.label for c in s.strongest))
    if s.weakest:
        st.markdown("**Work on:** " + ", ".join(c.label for c in s.weakest))


def downloads(record: SessionRecord, key: str = "download", revision: Hashable = None) -> None:
    """Buttons that download the transcript as Markdown, JSON and PDF.

    The PDF is built only when its button is pressed (a callable), so showing the buttons
    costs no PDF rendering on every rerun. With a ``revision`` (anything that changes
    whenever the record does), the Markdown and JSON texts and the PDF's snapshot of the
    record are kept in this browser's session state and built again only when it changes;
    without one they are built on every run.
    """
    cache_key = f"{key}_exports"
    cached = st.session_state.get(cache_key)
    if revision is not None and cached is not None and cached[0] == revision:
        markdown, json_text, snapshot = cached[1:]
    else:
        markdown, json_text = to_markdown(record), to_json(record)
        snapshot = record.model_copy(deep=True)
        st.session_state[cache_key] = (revision, markdown, json_text, snapshot)
    formats = [
        ("Markdown", markdown, "md", "text/markdown"),
        ("JSON", json_text, "json", "application/json"),
        ("PDF", partial(to_pdf, snapshot), "pdf", "application/pdf"),  # built only on click
    ]
    for column, (label, data, ext, mime) in zip(st.columns(3), formats, strict=True):
        column.download_button(
            f"Download transcript ({label})",
            data=data,
            file_name=download_name(record, ext),
            mime=mime,
            on_click="ignore",
            key=f"{key}_{ext}",
        )
