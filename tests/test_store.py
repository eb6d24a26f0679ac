"""The SQLite session store: saving turn by turn, crashes, locks, full disks, two tabs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview.autosave import AutoSave
from interview.config import Settings
from interview.errors import StoreError
from interview.grading import OfflineGrader
from interview.models import Category, Mode, RoleFocus, SessionRecord, SessionStatus
from interview.questions import QuestionBank, load_bank
from interview.session import InterviewSession, Phase, SessionEvent, new_session_id
from interview.store import SCHEMA_VERSION, SessionStore, weakest_categories

ROOT = Path(__file__).resolve().parents[1]
ANSWER = "I would standardise the features, fit the scaler on training data only, and validate."


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "db" / "sessions.sqlite3")


def start(
    bank: QuestionBank, saver: AutoSave | None, n: int = 3, seed: int = 1
) -> InterviewSession:
    return InterviewSession.start(
        bank=bank,
        grader=OfflineGrader(),
        settings=Settings(follow_ups_per_question=0),  # counts planned questions
        role=RoleFocus.ML_ENGINEER,
        mode=Mode.TECHNICAL,
        num_questions=n,
        seed=seed,
        on_change=saver,
    )


def resume(bank: QuestionBank, record: SessionRecord, saver: AutoSave) -> InterviewSession:
    return InterviewSession(
        record, bank=bank, grader=OfflineGrader(), settings=Settings(), on_change=saver
    )


def test_a_new_store_creates_its_folder_and_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "s.sqlite3"
    SessionStore(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sessions", "turns"} <= tables


def test_a_database_from_a_newer_app_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    SessionStore(path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this app"):
        SessionStore(path)


def test_every_question_answer_and_feedback_comes_back(
    bank: QuestionBank, store: SessionStore
) -> None:
    session = start(bank, AutoSave(store, "me"))
    session.answer(ANSWER)
    session.next()
    session.skip()
    loaded = store.load(session.record.id)
    assert loaded == session.record
    assert loaded is not None and loaded.turns[0].feedback is not None
    assert loaded.turns[1].skipped


def test_the_answer_is_saved_before_grading_starts(bank: QuestionBank, store: SessionStore) -> None:
    seen: list[SessionRecord | None] = []
    saver = AutoSave(store, "me")

    def spy(record: SessionRecord, event: SessionEvent) -> None:
        if event is SessionEvent.ANSWERED:
            seen.append(store.load(record.id))

    session = start(bank, saver)
    session.subscribe(spy)
    session.answer(ANSWER)
    assert seen[0] is not None
    assert seen[0].turns[0].answer == ANSWER and seen[0].turns[0].feedback is None


def test_a_resumed_session_continues_where_it_was(bank: QuestionBank, store: SessionStore) -> None:
    first = start(bank, AutoSave(store, "me"))
    first.answer(ANSWER)
    record = store.load(first.record.id)
    assert record is not None
    again = resume(bank, record, AutoSave(store, "me"))
    assert again.phase is Phase.ANSWERED
    again.next()
    again.answer(ANSWER + " Second.")
    loaded = store.load(first.record.id)
    assert loaded is not None and [t.answer for t in loaded.turns] == [ANSWER, ANSWER + " Second."]


def test_unknown_ids_load_nothing(store: SessionStore) -> None:
    assert store.load(new_session_id()) is None
    assert store.load("../../etc/passwd'; DROP TABLE sessions; --") is None


def test_session_ids_carry_at_least_128_random_bits() -> None:
    ids = {new_session_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) >= 22 for i in ids)  # 22 url-safe characters = 132 bits >= 128


def test_history_lists_only_the_owners_sessions(bank: QuestionBank, store: SessionStore) -> None:
    mine = start(bank, AutoSave(store, "my-token"))
    mine.answer(ANSWER)
    theirs = start(bank, AutoSave(store, "their-token"), seed=2)
    theirs.answer(ANSWER)
    listed = store.list_sessions("my-token")
    assert [s.id for s in listed] == [mine.record.id]
    assert listed[0].answered == 1 and listed[0].average is not None
    assert store.list_sessions("") == []
    raw = (store.path).read_bytes()
    assert b"my-token" not in raw  # only a hash of the token is stored


def test_category_history_and_the_weakest_three(bank: QuestionBank, store: SessionStore) -> None:
    session = start(bank, AutoSave(store, "me"), n=4)
    for _ in range(4):
        session.answer(ANSWER)
        session.next()
    points = store.category_history("me")
    assert points and all(p.session_id == session.record.id for p in points)
    graded = {t.question.category for t in session.record.turns}
    assert {p.category for p in points} == graded
    weakest = weakest_categories(points)
    assert 1 <= len(weakest) <= 3
    assert [w[1] for w in weakest] == sorted(w[1] for w in weakest)
    assert all(isinstance(c, Category) for c, _ in weakest)


def test_delete_removes_the_session_and_its_turns(bank: QuestionBank, store: SessionStore) -> None:
    session = start(bank, AutoSave(store, "me"))
    session.answer(ANSWER)
    assert store.delete(session.record.id)
    assert store.load(session.record.id) is None
    assert store.category_history("me") == []
    assert not store.delete(session.record.id)


def test_finished_stays_finished_when_a_stale_copy_saves(
    bank: QuestionBank, store: SessionStore
) -> None:
    session = start(bank, AutoSave(store, "me"), n=1)
    stale = store.load(session.record.id)
    session.answer(ANSWER)
    session.next()
    assert session.phase is Phase.FINISHED
    assert stale is not None
    store.save(stale, "me")
    loaded = store.load(session.record.id)
    assert loaded is not None and loaded.status is SessionStatus.FINISHED
    assert loaded.turns[0].answer == ANSWER and loaded.turns[0].feedback is not None


# --- F9: the same session in two tabs ---------------------------------------------------


def test_two_tabs_answering_the_same_question_keep_both_answers(
    bank: QuestionBank, store: SessionStore
) -> None:
    tab_a = start(bank, AutoSave(store, "me"))
    record = store.load(tab_a.record.id)
    assert record is not None
    saver_b = AutoSave(store, "me", revision=store.revision(tab_a.record.id))
    tab_b = resume(bank, record, saver_b)
    tab_a.answer("Answer from tab A about leakage and validation.")
    assert saver_b.is_stale(tab_a.record.id)  # tab B can see it should reload
    tab_b.answer("Answer from tab B about scaling and pipelines.")
    loaded = store.load(tab_a.record.id)
    assert loaded is not None
    answers = [t.answer for t in loaded.turns]
    assert answers[0] == "Answer from tab A about leakage and validation."
    assert "Answer from tab B about scaling and pipelines." in answers
    kept = next(t for t in loaded.turns if t.answer and "tab B" in t.answer)
    assert kept.follow_up_of == 0 and kept.feedback is not None
    # Tab B reloads and goes on with the next planned question; nothing is lost.
    tab_b = resume(bank, loaded, AutoSave(store, "me", store.revision(loaded.id)))
    tab_b.next()
    assert tab_b.current_turn is not None
    assert tab_b.current_turn.question.id == loaded.plan[1]


def test_the_revision_read_on_every_rerun_sees_every_later_save(
    bank: QuestionBank, tmp_path: Path
) -> None:
    # revision() keeps one connection open; each read must still see the latest commit,
    # whoever made it (another store on the file, as in another server process).
    path = tmp_path / "s.sqlite3"
    reader, writer = SessionStore(path), SessionStore(path)
    session = start(bank, AutoSave(writer, "me"))
    seen = [reader.revision(session.record.id)]
    for text in (ANSWER, ANSWER + " again"):
        session.answer(text)
        seen.append(reader.revision(session.record.id))
        session.next()
        seen.append(reader.revision(session.record.id))
    assert seen == sorted(set(seen)) and seen[-1] == writer.revision(session.record.id)
    assert reader.revision("x" * 22) is None
    reader.close()
    assert reader.revision(session.record.id) == seen[-1]  # reopens after close
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # a writer holding the lock does not stop reads
    try:
        assert reader.revision(session.record.id) == seen[-1]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_a_tab_reads_the_revision_again_only_after_a_save_through_the_store(
    bank: QuestionBank, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab_a = start(bank, AutoSave(store, "me"))
    record = store.load(tab_a.record.id)
    assert record is not None
    saver_b = AutoSave(store, "me", revision=store.revision(tab_a.record.id))
    reads: list[str] = []
    real_revision = store.revision

    def counted(session_id: str) -> int | None:
        reads.append(session_id)
        return real_revision(session_id)

    monkeypatch.setattr(store, "revision", counted)
    assert not saver_b.is_stale(record.id) and len(reads) == 1
    assert not saver_b.is_stale(record.id) and len(reads) == 1  # nothing saved since
    tab_a.answer(ANSWER)  # another tab saves through the same store
    assert saver_b.is_stale(record.id) and len(reads) == 2


def test_a_tab_that_has_not_seen_an_answer_cannot_erase_it(
    bank: QuestionBank, store: SessionStore
) -> None:
    tab_a = start(bank, AutoSave(store, "me"))
    stale = store.load(tab_a.record.id)
    tab_a.answer(ANSWER)
    assert stale is not None
    stale.turns[0].skipped = True  # tab B skips the question it still sees open
    store.save(stale, "me")
    loaded = store.load(tab_a.record.id)
    assert loaded is not None and loaded.turns[0].answer == ANSWER
    assert loaded.turns[0].feedback is not None


# --- F8: locked, read-only, full ----------------------------------------------------------


def test_a_locked_database_gives_a_clear_error_and_the_interview_goes_on(
    bank: QuestionBank, tmp_path: Path
) -> None:
    path = tmp_path / "s.sqlite3"
    store = SessionStore(path, timeout_s=0.2)
    session = start(bank, AutoSave(store, "me"))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        session.answer(ANSWER)
        notices = session.pop_notices()
        assert len(notices) == 1 and "is locked by another program" in notices[0]
        assert "goes on in this tab" in notices[0]
        session.next()
        session.answer(ANSWER + " again")
        assert session.pop_notices() == []  # warned once, not on every answer
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert session.phase is Phase.ANSWERED and session.record.turns[1].feedback is not None
    session.next()  # the next save works and carries everything kept in memory
    loaded = store.load(session.record.id)
    assert loaded is not None and [t.answer for t in loaded.turns[:2]] == [
        ANSWER,
        ANSWER + " again",
    ]
    assert store.integrity_ok()


def test_a_read_only_database_gives_a_clear_error_and_the_file_stays_sound(
    bank: QuestionBank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sqlite3"
    store = SessionStore(path)
    first = start(bank, AutoSave(store, "me"))
    first.answer(ANSWER)
    # Tests may run as root, which ignores chmod: open the file read-only the way sqlite
    # does for a file it may not write.
    original = sqlite3.connect

    def connect_read_only(database: object, *args: object, **kwargs: object) -> object:
        return original(f"file:{database}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(sqlite3, "connect", connect_read_only)
    session = start(bank, AutoSave(store, "me"), seed=3)
    notices = session.pop_notices()
    monkeypatch.undo()
    assert len(notices) == 1 and "is read-only" in notices[0]
    assert session.current_turn is not None  # the interview goes on in memory
    assert store.integrity_ok()
    assert store.load(first.record.id) == first.record


def test_a_full_disk_gives_a_clear_error_and_the_file_stays_sound(
    bank: QuestionBank, tmp_path: Path
) -> None:
    path = tmp_path / "s.sqlite3"
    SessionStore(path)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    store = SessionStore(path, max_page_count=pages + 2)
    session = start(bank, AutoSave(store, "me"), n=10)
    notices: list[str] = session.pop_notices()
    for _ in range(10):
        session.answer(ANSWER * 30)
        notices += session.pop_notices()
        session.next()
        notices += session.pop_notices()
    assert any("is full" in n for n in notices)
    assert session.phase is Phase.FINISHED  # every answer graded in memory
    assert SessionStore(path).integrity_ok()


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="damaged or is not a session database"):
        SessionStore(path)


def test_a_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="INTERVIEW_DB_PATH"):
        SessionStore(blocker / "sub" / "s.sqlite3")


# --- F7: SIGKILL mid-session --------------------------------------------------------------


def test_a_process_killed_mid_session_loses_no_submitted_answer(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "store_child.py"), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    saved: list[tuple[str, int]] = []
    deadline = time.monotonic() + 60
    while len(saved) < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        _, session_id, index = line.split()
        saved.append((session_id, int(index)))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(saved) == 40, "the child saved answers"
    store = SessionStore(path)
    assert store.integrity_ok()
    for session_id, index in saved:
        record = store.load(session_id)
        assert record is not None
        assert record.turns[index].answer is not None
        assert record.turns[index].answer.startswith("Answer number")  # type: ignore[union-attr]
