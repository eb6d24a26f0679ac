"""Child process for the SIGKILL test: answers questions forever, saving each turn.

After every answer is saved (before grading) it prints ``saved <session id> <index>``;
the parent kills it with SIGKILL at some point and checks that every printed turn is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from interview.autosave import AutoSave
from interview.config import Settings
from interview.grading import OfflineGrader
from interview.models import Mode, RoleFocus, SessionRecord
from interview.questions import load_bank
from interview.session import InterviewSession, SessionEvent
from interview.store import SessionStore


def main() -> None:
    store = SessionStore(Path(sys.argv[1]))
    bank = load_bank()
    settings = Settings(db_path=Path(sys.argv[1]))
    number = 0
    while True:
        saver = AutoSave(store, owner="child")

        def observer(record: SessionRecord, event: SessionEvent, saver: AutoSave = saver) -> None:
            saver(record, event)
            if event is SessionEvent.ANSWERED:
                print("saved", record.id, record.turns[-1].index, flush=True)

        session = InterviewSession.start(
            bank=bank,
            grader=OfflineGrader(),
            settings=settings,
            role=RoleFocus.DATA_SCIENTIST,
            mode=Mode.MIXED,
            num_questions=5,
            seed=number,
            on_change=observer,
        )
        while session.current_turn is not None and session.record.finished_at is None:
            number += 1
            session.answer(f"Answer number {number}: I would check the data for leakage first.")
            session.next()


if __name__ == "__main__":
    main()
