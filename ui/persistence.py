"""Saving and resuming interviews in the browser: the store, the URL and the owner token.

The URL carries two unguessable tokens (QUALITY S2): ``?session=`` names the interview on
screen, so a refresh or a reopened link brings it back (F6), and ``owner=`` names this
browser, so the history page lists only the sessions started here. The owner token is
stored only as a hash; a session link alone opens that one session but shows no history.

The store is shared by every browser (``st.cache_resource``): it holds a path, settings
and one connection for reading revisions, never per-user state. Each browser's
``AutoSave`` lives in its session state.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from interview import assist
from interview.autosave import AutoSave
from interview.config import Settings
from interview.errors import InterviewError, StoreError
from interview.grading import make_grader
from interview.models import SessionRecord
from interview.questions import QuestionBank
from interview.session import InterviewSession
from interview.store import SessionStore

SESSION = "interview"  # the same key the interview page keeps the InterviewSession under
AUTOSAVE = "autosave"
OWNER = "owner"
STORE_WARNED = "store_warned"
CHANGES = "record_changes"  # (session, ChangeCounter) for revision()
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> SessionStore:
    return SessionStore(Path(path))


def store(settings: Settings) -> SessionStore | None:
    """The session database, or ``None`` (with one warning per browser) if it cannot open."""
    try:
        return _open_store(str(settings.db_path))
    except StoreError as exc:
        if not st.session_state.get(STORE_WARNED):
            st.session_state[STORE_WARNED] = True
            st.warning(str(exc))
        return None


def owner_token(url: Mapping[str, str] | None = None) -> str:
    """This browser's owner token: from the URL, else session state, else a new one.

    ``url`` is the query string already read (``st.query_params.to_dict()``); every read of
    ``st.query_params`` costs time on every rerun, so the caller that needs more than the
    token reads it once. Writes only what changed.
    """
    in_url = (st.query_params.to_dict() if url is None else url).get(OWNER)
    kept = st.session_state.get(OWNER)
    token = in_url if isinstance(in_url, str) and _TOKEN.match(in_url) else None
    token = token or kept or secrets.token_urlsafe(24)
    if kept != token:
        st.session_state[OWNER] = token
    if in_url != token:
        st.query_params[OWNER] = token
    return token


def new_autosave(settings: Settings) -> AutoSave | None:
    """An observer for a new interview that saves it for this browser; remembered here."""
    db = store(settings)
    if db is None:
        return None
    saver = AutoSave(db, owner_token())
    st.session_state[AUTOSAVE] = saver
    return saver


def remember(record: SessionRecord) -> None:
    """Put the interview's id in the URL so a refresh comes back to it."""
    if st.query_params.get("session") != record.id:
        st.query_params["session"] = record.id


class ChangeCounter:
    """An observer that counts the changes an ``InterviewSession`` reports."""

    def __init__(self) -> None:
        """Start at zero."""
        self.count = 0

    def __call__(self, record: SessionRecord, event: object = None) -> None:
        """One more change."""
        self.count += 1


def revision(session: InterviewSession) -> tuple[str, int, str]:
    """A key that changes whenever the interview's record does, for caching what is built
    from it (the exports) in this browser's session state.

    Every change of the record is reported to the session's observers; the language-model
    usage is part of the key as well because a failed call counts without a change event.
    """
    held: tuple[InterviewSession, ChangeCounter] | None = st.session_state.get(CHANGES)
    if held is None or held[0] is not session:
        held = (session, ChangeCounter())
        session.subscribe(held[1])
        st.session_state[CHANGES] = held
    record = session.record
    return record.id, held[1].count, record.llm_usage.model_dump_json()


def resume(record: SessionRecord, bank: QuestionBank, settings: Settings) -> InterviewSession:
    """An ``InterviewSession`` over a stored record that keeps saving to the store."""
    db = store(settings)
    saver = None
    if db is not None:
        saver = AutoSave(db, owner_token(), revision=db.revision(record.id))
        st.session_state[AUTOSAVE] = saver
    return InterviewSession(
        record,
        bank=bank,
        grader=make_grader(settings, record.llm_usage, record.role),
        settings=settings,
        on_change=saver,
        follow_ups=assist.follow_up_writer(settings, record),
    )


def load(session_id: str, settings: Settings) -> SessionRecord | None:
    """The stored record for ``session_id``; ``None`` if unknown, garbled or unreadable."""
    db = store(settings)
    if db is None or not _TOKEN.match(session_id):
        return None
    try:
        return db.load(session_id)
    except StoreError as exc:
        st.warning(str(exc))
        return None


def restore(bank: QuestionBank, settings: Settings) -> list[str]:
    """Bring back the interview named in the URL, or reload one another tab changed.

    Returns messages for the candidate (e.g. an unknown link). Runs on every page load,
    cheaply: one indexed read of the session's revision.
    """
    url = st.query_params.to_dict()
    owner_token(url)
    wanted = url.get("session")
    current: InterviewSession | None = st.session_state.get(SESSION)
    if current is not None and (not wanted or wanted == current.record.id):
        saver: AutoSave | None = st.session_state.get(AUTOSAVE)
        if saver is not None and saver.is_stale(current.record.id):
            fresh = load(current.record.id, settings)
            if fresh is not None:
                st.session_state[SESSION] = resume(fresh, bank, settings)
        if wanted != current.record.id:
            remember(current.record)
        return []
    if not wanted:
        return []
    record = load(wanted, settings)
    if record is None:
        del st.query_params["session"]
        return [
            "No saved interview matches the link you opened (it may have been deleted or "
            "mistyped). You can start a new one from the sidebar."
        ]
    try:
        st.session_state[SESSION] = resume(record, bank, settings)
    except InterviewError as exc:
        return [str(exc)]
    return []
