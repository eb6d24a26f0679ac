"""Saving an interview turn by turn: the observer that connects a session to the store.

``InterviewSession`` tells its ``on_change`` observers about every step; ``AutoSave`` is
such an observer. It saves the record on each event (the answer before grading, the
feedback when it arrives) and keeps the revision it wrote, so a caller can tell when
another tab has saved the same session since (``is_stale``) and reload it. That question
is asked on every interaction, so it reads the database only when something was saved
through the (shared) store since it last looked.

A failed save raises ``StoreError`` once (the session turns it into a notice, and the
interview goes on in memory, QUALITY F8); further failures stay quiet until a save works
again, so the candidate sees one warning, not one per answer.
"""

from __future__ import annotations

from interview.errors import StoreError
from interview.models import SessionRecord
from interview.store import SessionStore


class AutoSave:
    """An ``on_change`` observer that saves every change of one session to a store."""

    def __init__(self, store: SessionStore, owner: str, revision: int | None = None) -> None:
        """Save to ``store`` on behalf of the browser whose token is ``owner``."""
        self.store = store
        self.owner = owner
        self.revision = revision
        self.failing = False
        self.conflicted = False
        self._seen_writes: int | None = None  # the store's write count at the last check

    def __call__(self, record: SessionRecord, event: object = None) -> None:
        """Save ``record``; raise ``StoreError`` only for the first of a run of failures."""
        try:
            result = self.store.save(record, self.owner)
        except StoreError:
            if self.failing:
                return
            self.failing = True
            raise
        if self.failing:
            self.failing = False
        self.revision = result.revision
        self.conflicted = self.conflicted or result.conflicts > 0

    def is_stale(self, session_id: str) -> bool:
        """Whether the stored session changed since this observer last saved or loaded it.

        Nothing can have changed if nothing was saved through the store since the last
        check (the count is read before the revision, and each save counts after its
        commit, so no save falls between the two). Another server process writing the same
        file is not counted: its answers show here after this tab's next save, which merges
        them and marks this copy as conflicted (nothing is lost either way, QUALITY F9).
        """
        if self.conflicted:
            return True
        writes = self.store.writes
        if writes == self._seen_writes:
            return False
        try:
            stored = self.store.revision(session_id)
        except StoreError:
            return False  # cannot tell; keep the copy in memory
        self._seen_writes = writes
        return stored is not None and stored != self.revision
