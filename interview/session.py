"""One mock interview as a pure-Python state machine (no streamlit).

    start ──▶ ASKING ──answer──▶ GRADING ──(grader)──▶ ANSWERED ──next──▶ ASKING … ──▶ FINISHED
                 └──────skip──────────────────────────────────────────────▶ (next question)

In practice style, ``next`` may first ask follow-ups on the answer (up to
``Settings.follow_ups_per_question``), and ``retry`` asks the last answered question again
as a new turn (taking back a next question not yet answered). In mock style there are
neither; an answer after the record's ``time_limit_s`` is kept and marked ``over_time``.

All state lives in a ``SessionRecord``, so a session can be saved after every step and
rebuilt from the record alone (``InterviewSession(record, ...)``). An observer passed as
``on_change`` hears about every change, which is how a store can save turn by turn
without this module importing it. A step the current phase does not allow raises
``InvalidStepError``; an unusable answer raises ``AnswerRejectedError`` and changes nothing.
"""

from __future__ import annotations

import random
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum

from interview import turns
from interview.answers import prepare_answer
from interview.config import Settings
from interview.errors import InterviewError, InvalidStepError
from interview.followups import FollowUpWriter, next_follow_up, offline_follow_up
from interview.grading.base import Grader
from interview.models import (
    Feedback,
    Flag,
    JobProfile,
    Mode,
    Question,
    RoleFocus,
    SessionRecord,
    SessionStatus,
    Style,
    Turn,
    utcnow,
)
from interview.questions import QuestionBank, fill_placeholders
from interview.selection import History
from interview.summary import Summary, summarise

MAX_QUESTIONS = 20


class Phase(StrEnum):
    """Where the interview is: what the next allowed step is."""

    ASKING = "asking"  # a question is open: answer or skip it
    GRADING = "grading"  # an answer is recorded but has no feedback yet
    ANSWERED = "answered"  # feedback is in: move on with next()
    FINISHED = "finished"


class SessionEvent(StrEnum):
    """What just changed in the record, as told to the ``on_change`` observer."""

    STARTED = "started"
    ASKED = "asked"
    ANSWERED = "answered"  # before grading, so a store keeps the answer if grading fails
    GRADED = "graded"
    SKIPPED = "skipped"
    FINISHED = "finished"
    REVIEWED = "reviewed"  # a post-interview exercise (thank-you email, study plan) was saved


OnChange = Callable[[SessionRecord, SessionEvent], None]
# Builds the grader for a new record, e.g. one whose LLM budget lives in ``record.llm_usage``.
GraderFactory = Callable[[SessionRecord], Grader]
# Builds the follow-up writer for a new record (an LLM one counts usage in the record).
FollowUpFactory = Callable[[SessionRecord], FollowUpWriter]


def new_session_id() -> str:
    """An unguessable session id: 128 random bits, URL-safe (QUALITY S2)."""
    return secrets.token_urlsafe(16)


class InterviewSession:
    """Drives one interview over a ``SessionRecord`` with an injected bank and grader."""

    def __init__(
        self,
        record: SessionRecord,
        *,
        bank: QuestionBank,
        grader: Grader,
        settings: Settings,
        on_change: OnChange | None = None,
        placeholders: Mapping[str, str] | None = None,
        follow_ups: FollowUpWriter | None = None,
    ) -> None:
        """Wrap ``record`` (new or loaded from a store) so the interview can go on.

        ``follow_ups`` writes practice-mode follow-up questions (default: offline).
        """
        self._record = record
        self._bank = bank
        self._grader = grader
        self._settings = settings
        self._follow_ups: FollowUpWriter = follow_ups or offline_follow_up
        self._observers: list[OnChange] = [on_change] if on_change else []
        # A resumed session names the company and role from the job description it kept.
        self._placeholders = dict(placeholders if placeholders is not None else _named(record.job))
        self._notices: list[str] = []
        self._lock = threading.Lock()

    @classmethod
    def start(
        cls,
        *,
        bank: QuestionBank,
        grader: Grader | GraderFactory,
        settings: Settings,
        role: RoleFocus,
        mode: Mode,
        num_questions: int,
        rng: random.Random | None = None,
        seed: int | None = None,
        exclude_ids: Iterable[str] = (),
        on_change: OnChange | None = None,
        placeholders: Mapping[str, str] | None = None,
        style: Style = Style.PRACTICE,
        time_limit_s: int | None = None,
        prefer: Iterable[Iterable[str]] = (),
        history: History | None = None,
        job: JobProfile | None = None,
        follow_up_factory: FollowUpFactory | None = None,
        follow_ups_per_question: int | None = None,
    ) -> InterviewSession:
        """Choose the questions, record the plan and ask the first question.

        ``grader`` is a grader, or a factory called with the new record (so an LLM grader
        can count its calls in ``record.llm_usage``); ``follow_up_factory`` likewise builds
        the follow-up writer. ``prefer`` (job skills) and ``history`` (past scores) steer
        the choice of questions; ``time_limit_s`` applies in mock style only, and
        ``follow_ups_per_question`` (default: the setting) in practice style.
        """
        if not 1 <= num_questions <= MAX_QUESTIONS:
            raise InvalidStepError(
                f"Choose between 1 and {MAX_QUESTIONS} questions (you asked for {num_questions})."
            )
        chosen = bank.choose(
            role, mode, num_questions, rng=rng, seed=seed, exclude_ids=exclude_ids,
            prefer=prefer, history=history,
        )
        if not chosen:
            raise InvalidStepError(
                f"The question bank has no {mode.value} questions for a {role.label}; "
                "choose another mode or role."
            )
        record = SessionRecord(
            id=new_session_id(),
            role=role,
            mode=mode,
            num_questions=len(chosen),
            plan=[q.id for q in chosen],
            style=style,
            time_limit_s=time_limit_s if style is Style.MOCK else None,
            job=job,
            follow_ups_per_question=follow_ups_per_question,
        )
        engine = grader if isinstance(grader, Grader) else grader(record)
        record.grader = engine.name
        session = cls(
            record,
            bank=bank,
            grader=engine,
            settings=settings,
            on_change=on_change,
            placeholders=placeholders,
            follow_ups=follow_up_factory(record) if follow_up_factory else None,
        )
        if len(chosen) < num_questions:
            session._notices.append(
                f"Only {len(chosen)} {mode.value} questions suit a {role.label}, "
                f"so this interview has {len(chosen)} instead of {num_questions}."
            )
        session._emit(SessionEvent.STARTED)
        session._ask_next()
        return session

    # --- reading the state -----------------------------------------------------------

    @property
    def record(self) -> SessionRecord:
        """The whole interview so far; serialisable, and enough to resume from."""
        return self._record

    @property
    def phase(self) -> Phase:
        """The current phase, derived from the record alone."""
        if self._record.status is SessionStatus.FINISHED:
            return Phase.FINISHED
        turn = self.current_turn
        if turn is None or turn.skipped or turn.feedback is not None:
            return Phase.ANSWERED
        return Phase.GRADING if turn.answer is not None else Phase.ASKING

    @property
    def current_turn(self) -> Turn | None:
        """The latest turn, or ``None`` before the first question."""
        return self._record.turns[-1] if self._record.turns else None

    @property
    def remaining(self) -> int:
        """How many planned questions have not been asked yet."""
        return len(self._record.plan) - self._asked_from_plan()

    @property
    def is_last_question(self) -> bool:
        """Whether the current question is the last one planned."""
        return self.remaining == 0

    def pop_notices(self) -> list[str]:
        """Messages for the candidate that belong to no turn (e.g. a save that failed)."""
        notices, self._notices = self._notices, []
        return notices

    def summary(self) -> Summary:
        """Scores so far: overall, per category and per criterion."""
        return summarise(self._record)

    def subscribe(self, observer: OnChange) -> None:
        """Also tell ``observer`` about every later change."""
        self._observers.append(observer)

    # --- steps -----------------------------------------------------------------------

    def answer(self, text: str, *, turn_index: int | None = None) -> Turn:
        """Record and grade an answer to the open question; return its turn.

        ``turn_index`` is the question the candidate was looking at when they sent the
        answer (a UI binds it when it renders the input). Submitting an answer that a
        turn already holds returns that graded turn without grading again (QUALITY B11);
        a different answer for a question that is no longer open is an invalid step.
        While a grading is in progress any submission is refused.
        """
        with self._exclusive():
            answer, notices = prepare_answer(text, self._settings.max_answer_chars)
            turn = self._target_turn(turn_index)
            if turn.answer == answer and turn.feedback is not None:
                return turn  # a duplicate submission
            if self.phase is Phase.FINISHED:
                raise InvalidStepError("The interview is over; start a new one to answer more.")
            if turn is not self.current_turn or self.phase is Phase.ANSWERED or turn.skipped:
                raise InvalidStepError(
                    f"Question {turn.index + 1} already has an answer or was skipped; "
                    "your new text was not used."
                )
            turn.answer = answer
            turn.answered_at = utcnow()
            turn.over_time = self._over_time(turn)
            self._emit(SessionEvent.ANSWERED)
            return self._grade(turn, notices)

    def _target_turn(self, turn_index: int | None) -> Turn:
        if turn_index is None:
            return self._require_turn()
        if not 0 <= turn_index < len(self._record.turns):
            raise InvalidStepError(f"There is no question {turn_index + 1} in this interview.")
        return self._record.turns[turn_index]

    def retry_grading(self) -> Turn:
        """Grade the recorded answer again after a grading failure."""
        with self._exclusive():
            turn = self._require_turn()
            if self.phase is not Phase.GRADING or turn.answer is None:
                raise InvalidStepError("There is no answer waiting to be graded.")
            return self._grade(turn, [])

    def skip(self) -> Turn | None:
        """Skip the open question and ask the next one; ``None`` if that ended the interview."""
        with self._exclusive():
            if self.phase not in {Phase.ASKING, Phase.GRADING}:
                raise InvalidStepError("There is no open question to skip.")
            self._require_turn().skipped = True
            self._emit(SessionEvent.SKIPPED)
            return self._ask_next()

    def next(self) -> Turn | None:
        """Ask the next question after feedback; ``None`` when the interview has ended."""
        with self._exclusive():
            phase = self.phase
            if phase is Phase.FINISHED:
                raise InvalidStepError("The interview is over.")
            if phase is not Phase.ANSWERED:
                raise InvalidStepError("Answer or skip the current question first.")
            return self._ask_follow_up() or self._ask_next()

    def retry(self, turn_index: int) -> Turn:
        """Ask the last answered question again as a new turn (practice style only).

        A question asked after it and not yet answered is taken back and asked again
        later. The earlier answer and its feedback stay in the record.
        """
        with self._exclusive():
            target = self._target_turn(turn_index)
            self._check_retry(target)
            if target is not self.current_turn:
                self._record.turns.pop()  # the unanswered next question, asked again later
            turn = Turn(
                index=len(self._record.turns),
                question=target.question,
                follow_up_of=target.follow_up_of,
                retry_of=target.index,
            )
            self._record.turns.append(turn)
            self._emit(SessionEvent.ASKED)
            return turn

    def can_retry(self, turn_index: int) -> bool:
        """Whether ``retry(turn_index)`` would be allowed now."""
        try:
            self._check_retry(self._target_turn(turn_index))
        except InvalidStepError:
            return False
        return True

    def save_review(
        self,
        *,
        thank_you_email: str | None = None,
        thank_you_feedback: Feedback | None = None,
        study_plan: list[str] | None = None,
    ) -> None:
        """Keep the results of the post-interview exercises in the record and save them."""
        with self._exclusive():
            if self.phase is not Phase.FINISHED:
                raise InvalidStepError("Finish the interview before the after-interview steps.")
            if thank_you_email is not None:
                self._record.thank_you_email = thank_you_email
                self._record.thank_you_feedback = thank_you_feedback
            if study_plan is not None:
                self._record.study_plan = list(study_plan)
            self._emit(SessionEvent.REVIEWED)

    def finish(self) -> None:
        """End the interview now; an open question counts as skipped."""
        with self._exclusive():
            if self.phase is Phase.FINISHED:
                raise InvalidStepError("The interview is already over.")
            if self.phase in {Phase.ASKING, Phase.GRADING}:
                self._require_turn().skipped = True
                self._emit(SessionEvent.SKIPPED)
            self._finish()

    # --- internals -------------------------------------------------------------------

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        # Refuse rather than queue: a second submit during grading is a duplicate (B11).
        if not self._lock.acquire(blocking=False):
            raise InvalidStepError("Your previous answer is still being graded; please wait.")
        try:
            yield
        finally:
            self._lock.release()

    def _require_turn(self) -> Turn:
        turn = self.current_turn
        if turn is None:
            raise InvalidStepError("No question has been asked yet.")
        return turn

    def _grade(self, turn: Turn, notices: list[str]) -> Turn:
        assert turn.answer is not None  # callers record the answer first
        feedback = self._grader.grade(turn.question, turn.answer)
        turn.feedback = _with_notices(feedback, notices)
        self._emit(SessionEvent.GRADED)
        return turn

    def _asked_from_plan(self) -> int:
        return sum(1 for t in self._record.turns if turns.is_planned(t))

    def _over_time(self, turn: Turn) -> bool:
        limit = self._record.time_limit_s
        if limit is None or turn.answered_at is None:
            return False
        return (turn.answered_at - turn.asked_at).total_seconds() > limit

    def _check_retry(self, target: Turn) -> None:
        if self.phase is Phase.FINISHED:
            raise InvalidStepError("The interview is over; start a new one to answer again.")
        problem = turns.retry_problem(self._record, target)
        if problem is not None:
            raise InvalidStepError(problem)

    def _ask_follow_up(self) -> Turn | None:
        """In practice style, a follow-up on the answer just graded, if one is due."""
        limit = self._record.follow_ups_per_question
        if limit is None:
            limit = self._settings.follow_ups_per_question
        follow = next_follow_up(self._record, self._require_turn(), limit, self._follow_ups)
        if follow is not None:
            self._record.turns.append(follow)
            self._emit(SessionEvent.ASKED)
        return follow

    def _ask_next(self) -> Turn | None:
        position = self._asked_from_plan()
        if position >= len(self._record.plan):
            self._finish()
            return None
        question_id = self._record.plan[position]
        if question_id not in self._bank:
            raise InvalidStepError(
                f"Question {question_id!r} of this interview is no longer in the question bank."
            )
        question = self._personalise(self._bank.get(question_id))
        turn = Turn(index=len(self._record.turns), question=question)
        self._record.turns.append(turn)
        self._emit(SessionEvent.ASKED)
        return turn

    def _personalise(self, question: Question) -> Question:
        return question.model_copy(
            update={
                "text": fill_placeholders(question.text, self._placeholders),
                "follow_ups": [
                    fill_placeholders(f, self._placeholders) for f in question.follow_ups
                ],
            }
        )

    def _finish(self) -> None:
        self._record.status = SessionStatus.FINISHED
        self._record.finished_at = utcnow()
        self._emit(SessionEvent.FINISHED)

    def _emit(self, event: SessionEvent) -> None:
        for observer in self._observers:
            try:
                observer(self._record, event)
            except InterviewError as exc:
                # A failed save must not end the interview (QUALITY F8): tell the candidate.
                self._notices.append(str(exc))


def _named(job: JobProfile | None) -> dict[str, str]:
    """``${company}`` and ``${role}`` values from a job description, where it named them."""
    if job is None:
        return {}
    return {"company": job.company or "", "role": job.title or ""}


def _with_notices(feedback: Feedback, notices: list[str]) -> Feedback:
    """Add the session's own notices (e.g. a cut answer) to the grader's feedback."""
    if not notices:
        return feedback
    flags = (
        feedback.flags if Flag.TRUNCATED in feedback.flags else [*feedback.flags, Flag.TRUNCATED]
    )
    return feedback.model_copy(update={"notices": [*notices, *feedback.notices], "flags": flags})
