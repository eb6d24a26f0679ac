"""Sessions saved in SQLite as they happen, so a refresh or a killed server loses nothing.

One file (``Settings.db_path``, env ``INTERVIEW_DB_PATH``) in WAL mode with
``synchronous=FULL``: a committed transaction survives a crash of the app and a power cut.
Each save is one transaction that writes the session row and its turns; the session calls
``save`` when an answer is submitted (before grading) and again when the feedback arrives.

The schema is versioned with ``PRAGMA user_version`` and migrated on open. Turns are kept
as pydantic JSON plus the columns the history page filters and groups by.

Two writers of the same session (two tabs) merge instead of overwriting: a stored answer
is never replaced or erased. A different answer to an already answered question is
appended after the last turn with ``follow_up_of`` pointing at the question it answers, so
both answers are kept (QUALITY F9).

Every sqlite failure becomes a ``StoreError`` whose message says what is wrong (locked,
read-only, disk full, damaged file) and that the live interview goes on in memory.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ValidationError

from interview.errors import StoreError
from interview.models import Category, Mode, RoleFocus, SessionRecord, SessionStatus, Turn

# Each entry takes the schema from version i to i + 1; never edit one, append a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        role TEXT NOT NULL,
        mode TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        record_json TEXT NOT NULL
    );
    CREATE INDEX sessions_owner_started ON sessions (owner, started_at);
    CREATE TABLE turns (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        category TEXT NOT NULL,
        score INTEGER,
        answered_at TEXT,
        turn_json TEXT NOT NULL,
        PRIMARY KEY (session_id, idx)
    );
    CREATE INDEX turns_category ON turns (category);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_GOES_ON = "Your interview goes on in this tab, but it is not being saved"


class SaveResult(NamedTuple):
    """What a save did: the session's new revision and how many answers were kept twice."""

    revision: int
    conflicts: int


class SessionSummary(BaseModel):
    """One past session as the history page lists it."""

    id: str
    role: RoleFocus
    mode: Mode
    started_at: datetime
    status: SessionStatus
    answered: int
    average: float | None


class CategoryPoint(BaseModel):
    """The average score in one category in one session, for the progress chart."""

    session_id: str
    started_at: datetime
    category: Category
    average: float
    answered: int


def owner_key(token: str) -> str:
    """What the database keeps of a browser's owner token: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def describe_error(exc: sqlite3.Error, path: Path) -> str:
    """A message naming the cause of an sqlite failure and what happens next."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        cause = "is locked by another program"
    elif name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        cause = "is read-only"
    elif name.startswith("SQLITE_FULL") or "full" in text:
        cause = "cannot grow: the disk (or the database's size limit) is full"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text:
        cause = "is damaged or is not a session database"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        cause = "cannot be opened (check that the folder exists and is writable)"
    else:
        cause = f"failed ({exc})"
    return f"The session database {path} {cause}. {_GOES_ON}."


class SessionStore:
    """Saves and loads ``SessionRecord`` objects in one SQLite file."""

    def __init__(
        self, path: Path, *, timeout_s: float = 2.0, max_page_count: int | None = None
    ) -> None:
        """Open (creating the folder and file if needed) and migrate the database at ``path``.

        ``timeout_s`` is how long to wait for another writer's lock; ``max_page_count``
        caps the file's size in pages (a quota; past it a save fails as a full disk would).
        """
        self.path = Path(path)
        self._timeout_s = timeout_s
        self._max_page_count = max_page_count
        self._reader: sqlite3.Connection | None = None  # for revision(); see there
        self._reader_lock = threading.Lock()
        self._writes = 0  # saves and deletes committed through this object; see writes
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the folder for the session database {self.path}: "
                f"{exc.strerror}. Set INTERVIEW_DB_PATH to a writable place."
            ) from None
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")  # persistent: recorded in the file
            self._migrate(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: Streamlit runs each browser session in its own thread.
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(self.path, timeout=self._timeout_s, isolation_level=None)
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if self._max_page_count is not None:
                db.execute(f"PRAGMA max_page_count={int(self._max_page_count)}")
            yield db
        except sqlite3.Error as exc:
            raise StoreError(describe_error(exc, self.path)) from None
        finally:
            if db is not None:
                db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # take the write lock now, not half-way through
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # sqlite already rolled back after e.g. SQLITE_FULL
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The session database {self.path} has schema version {version}, newer than "
                f"this app's {SCHEMA_VERSION}. Update the app or point INTERVIEW_DB_PATH elsewhere."
            )
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version={number + 1}")
            db.execute("COMMIT")

    # --- writing ---------------------------------------------------------------------

    def save(self, record: SessionRecord, owner: str = "") -> SaveResult:
        """Write ``record`` and its turns in one transaction.

        Returns the new revision and the number of conflicting answers appended (non-zero
        means another writer got there first: reload before going on).

        ``owner`` is the browser's token (only its hash is stored); it is set when the
        session is first saved and never changed by a later save.
        """
        with self._transaction() as db:
            row = db.execute(
                "SELECT revision, status FROM sessions WHERE id = ?", (record.id,)
            ).fetchone()
            status = record.status
            if row is not None and row[1] == SessionStatus.FINISHED.value:
                status = SessionStatus.FINISHED  # finishing is final, whoever saves later
            head = record.model_dump_json(exclude={"turns"})
            if row is None:
                db.execute(
                    "INSERT INTO sessions (id, owner, role, mode, started_at, finished_at,"
                    " status, revision, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                    (
                        record.id,
                        owner_key(owner),
                        record.role.value,
                        record.mode.value,
                        record.started_at.isoformat(),
                        _iso(record.finished_at),
                        status.value,
                        head,
                    ),
                )
                revision = 1
            else:
                revision = int(row[0]) + 1
                db.execute(
                    "UPDATE sessions SET finished_at = COALESCE(finished_at, ?), status = ?,"
                    " revision = ?, record_json = ? WHERE id = ?",
                    (_iso(record.finished_at), status.value, revision, head, record.id),
                )
            result = SaveResult(revision, self._merge_turns(db, record))
        self._count_write()
        return result

    def _merge_turns(self, db: sqlite3.Connection, record: SessionRecord) -> int:
        stored = {
            int(idx): Turn.model_validate_json(js)
            for idx, js in db.execute(
                "SELECT idx, turn_json FROM turns WHERE session_id = ?", (record.id,)
            )
        }
        conflicts: list[Turn] = []
        for turn in record.turns:
            old = stored.get(turn.index)
            if old is None or old.answer is None:
                if old is None or not _older_view(turn, old):
                    self._write_turn(db, record.id, turn)
                continue
            if turn.answer == old.answer:
                if old.feedback is None and turn.feedback is not None:
                    self._write_turn(db, record.id, turn)
            elif turn.answer is not None:
                kept = _kept_copy(turn, stored.values())
                if kept is None:
                    conflicts.append(turn)  # a second tab answered the same question
                elif kept.feedback is None and turn.feedback is not None:
                    update = {"index": kept.index, "follow_up_of": turn.index}
                    self._write_turn(db, record.id, turn.model_copy(update=update))
            # else: this writer had not seen the stored answer; the answer stays.
        next_index = max([*stored, *(t.index for t in record.turns)], default=-1) + 1
        for turn in conflicts:
            copy = turn.model_copy(update={"index": next_index, "follow_up_of": turn.index})
            self._write_turn(db, record.id, copy)
            next_index += 1
        return len(conflicts)

    @staticmethod
    def _write_turn(db: sqlite3.Connection, session_id: str, turn: Turn) -> None:
        score = turn.feedback.score if turn.feedback is not None and not turn.skipped else None
        db.execute(
            "INSERT INTO turns (session_id, idx, category, score, answered_at, turn_json)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, idx) DO UPDATE SET"
            " category = excluded.category, score = excluded.score,"
            " answered_at = excluded.answered_at, turn_json = excluded.turn_json",
            (
                session_id,
                turn.index,
                turn.question.category.value,
                score,
                _iso(turn.answered_at),
                turn.model_dump_json(),
            ),
        )

    def delete(self, session_id: str) -> bool:
        """Delete a session and its turns; ``False`` if there was no such session."""
        with self._transaction() as db:
            db.execute("DELETE FROM turns WHERE session_id = ?", (session_id,))
            deleted = db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0
        self._count_write()
        return deleted

    @property
    def writes(self) -> int:
        """How many saves and deletes this object has committed (each counted after its
        commit). A reader that saw the same count before has nothing new to read that was
        written through this object; writes by another process are not counted."""
        return self._writes

    def _count_write(self) -> None:
        with self._reader_lock:
            self._writes += 1

    # --- reading ---------------------------------------------------------------------

    def revision(self, session_id: str) -> int | None:
        """How many times the session was saved; ``None`` if it is not stored.

        The app asks this on every interaction (has another tab saved since?), so it reads
        through one connection kept open for the store's life instead of opening one, which
        cost more than the read. Each read is its own transaction and sees every commit
        made before it; a lock keeps the threads that share the store off it at once.
        """
        with self._reader_lock:
            try:
                if self._reader is None:
                    self._reader = sqlite3.connect(self.path, timeout=self._timeout_s,
                                                   isolation_level=None, check_same_thread=False)
                rows = self._reader.execute(  # fetchall ends the read transaction
                    "SELECT revision FROM sessions WHERE id = ?", (session_id,)
                ).fetchall()
            except sqlite3.Error as exc:
                self._close_reader()
                raise StoreError(describe_error(exc, self.path)) from None
        return int(rows[0][0]) if rows else None

    def close(self) -> None:
        """Close the connection ``revision`` keeps open (the others close after each use)."""
        with self._reader_lock:
            self._close_reader()

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def load(self, session_id: str) -> SessionRecord | None:
        """The stored session with every turn, or ``None`` if the id is unknown."""
        with self._connect() as db:
            row = db.execute(
                "SELECT record_json, status, finished_at FROM sessions WHERE id = ?",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            turns = [
                js
                for (js,) in db.execute(
                    "SELECT turn_json FROM turns WHERE session_id = ? ORDER BY idx", (session_id,)
                )
            ]
        try:
            record = SessionRecord.model_validate_json(row[0])
            record.turns = [Turn.model_validate_json(js) for js in turns]
        except ValidationError as exc:
            raise StoreError(
                f"Session {session_id[:6]}... in {self.path} cannot be read: "
                f"{exc.errors()[0]['msg']}."
            ) from None
        record.status = SessionStatus(row[1])
        if row[2] is not None and record.finished_at is None:
            record.finished_at = datetime.fromisoformat(row[2])
        return record

    def list_sessions(self, owner: str, limit: int = 200) -> list[SessionSummary]:
        """The sessions this owner token started, newest first; never anyone else's."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT s.id, s.role, s.mode, s.started_at, s.status, COUNT(t.score),"
                " AVG(t.score) FROM sessions s LEFT JOIN turns t ON t.session_id = s.id"
                " WHERE s.owner = ? GROUP BY s.id ORDER BY s.started_at DESC LIMIT ?",
                (owner_key(owner), limit),
            ).fetchall()
        return [
            SessionSummary(
                id=r[0],
                role=RoleFocus(r[1]),
                mode=Mode(r[2]),
                started_at=datetime.fromisoformat(r[3]),
                status=SessionStatus(r[4]),
                answered=int(r[5]),
                average=None if r[6] is None else round(float(r[6]), 2),
            )
            for r in rows
        ]

    def category_history(self, owner: str) -> list[CategoryPoint]:
        """Average score per category per session for this owner, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT s.id, s.started_at, t.category, AVG(t.score), COUNT(t.score)"
                " FROM sessions s JOIN turns t ON t.session_id = s.id"
                " WHERE s.owner = ? AND t.score IS NOT NULL"
                " GROUP BY s.id, t.category ORDER BY s.started_at, t.category",
                (owner_key(owner),),
            ).fetchall()
        return [
            CategoryPoint(
                session_id=r[0],
                started_at=datetime.fromisoformat(r[1]),
                category=Category(r[2]),
                average=round(float(r[3]), 2),
                answered=int(r[4]),
            )
            for r in rows
        ]

    def integrity_ok(self) -> bool:
        """Whether ``PRAGMA integrity_check`` finds the file sound."""
        with self._connect() as db:
            return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def weakest_categories(points: list[CategoryPoint], n: int = 3) -> list[tuple[Category, float]]:
    """The ``n`` categories with the lowest average over every graded answer in ``points``."""
    totals: dict[Category, list[float]] = {}
    for p in points:
        pair = totals.setdefault(p.category, [0.0, 0.0])
        pair[0] += p.average * p.answered
        pair[1] += p.answered
    averages = [(c, round(s / k, 2)) for c, (s, k) in totals.items() if k]
    return sorted(averages, key=lambda item: (item[1], item[0].value))[:n]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _older_view(incoming: Turn, stored: Turn) -> bool:
    # A writer that has not seen a skip (or feedback) must not undo it.
    return (stored.skipped and not incoming.skipped) or (
        stored.feedback is not None and incoming.feedback is None
    )


def _kept_copy(turn: Turn, stored: Iterable[Turn]) -> Turn | None:
    # The copy of a conflicting answer appended by an earlier save, if any.
    return next(
        (t for t in stored if t.follow_up_of == turn.index and t.answer == turn.answer), None
    )
