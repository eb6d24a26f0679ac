"""Pydantic types shared by every part of the interview engine.

Everything that crosses a module boundary is one of these: the question bank loads
``Question`` objects, a ``Grader`` returns ``Feedback``, the session records ``Turn``
objects inside a ``SessionRecord``, and the exporters and the store serialise that record.
Constraints live on the fields, so an out-of-range score cannot exist in memory.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

Score = Annotated[int, Field(ge=1, le=5, description="1 (poor) to 5 (excellent)")]


class Kind(StrEnum):
    """Whether a question tests knowledge (technical) or conduct (behavioural)."""

    TECHNICAL = "technical"
    BEHAVIOURAL = "behavioural"


class RoleFocus(StrEnum):
    """The job a candidate is preparing for."""

    ML_ENGINEER = "ml_engineer"
    DATA_SCIENTIST = "data_scientist"
    DATA_ENGINEER = "data_engineer"
    DATA_ANALYST = "data_analyst"
    MLOPS_ENGINEER = "mlops_engineer"
    AI_ENGINEER = "ai_engineer"

    @property
    def label(self) -> str:
        """A human-readable name, e.g. ``ML engineer``."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[RoleFocus, str] = {
    RoleFocus.ML_ENGINEER: "ML engineer",
    RoleFocus.DATA_SCIENTIST: "Data scientist",
    RoleFocus.DATA_ENGINEER: "Data engineer",
    RoleFocus.DATA_ANALYST: "Data analyst",
    RoleFocus.MLOPS_ENGINEER: "MLOps engineer",
    RoleFocus.AI_ENGINEER: "AI/LLM engineer",
}


class Category(StrEnum):
    """The twelve question categories of the interview guide."""

    RESEARCHING_THE_COMPANY = "researching_the_company"
    UNDERSTANDING_THE_ROLE = "understanding_the_role"
    ALGORITHMS_AND_MODELS = "algorithms_and_models"
    DATA_PREPROCESSING = "data_preprocessing"
    TEAM_COLLABORATION = "team_collaboration"
    PROBLEM_SOLVING_SCENARIOS = "problem_solving_scenarios"
    PAST_PROJECTS = "past_projects"
    PORTFOLIO = "portfolio"
    CODING_TESTS = "coding_tests"
    REAL_WORLD_PROBLEM_SOLVING = "real_world_problem_solving"
    THANK_YOU_EMAILS = "thank_you_emails"
    REFLECTING_ON_FEEDBACK = "reflecting_on_feedback"

    @property
    def kind(self) -> Kind:
        """Technical or behavioural, as the guide groups the category."""
        return CATEGORY_KINDS[self]

    @property
    def label(self) -> str:
        """A human-readable name, e.g. ``Data preprocessing``."""
        return CATEGORY_LABELS[self]

    @property
    def section(self) -> str:
        """The guide's section the category belongs to, e.g. ``Technical``."""
        return CATEGORY_SECTIONS[self]


_T, _B = Kind.TECHNICAL, Kind.BEHAVIOURAL

# (kind, label, section of the guide) for each category, in the guide's order.
_CATEGORY_TABLE: dict[Category, tuple[Kind, str, str]] = {
    Category.RESEARCHING_THE_COMPANY: (_B, "Researching the company", "Preparing"),
    Category.UNDERSTANDING_THE_ROLE: (_B, "Understanding the job role", "Preparing"),
    Category.ALGORITHMS_AND_MODELS: (_T, "Algorithms and models", "Technical"),
    Category.DATA_PREPROCESSING: (_T, "Data preprocessing", "Technical"),
    Category.TEAM_COLLABORATION: (_B, "Team collaboration", "Behavioural"),
    Category.PROBLEM_SOLVING_SCENARIOS: (_B, "Problem-solving scenarios", "Behavioural"),
    Category.PAST_PROJECTS: (_B, "Discussing past projects", "Demonstrating expertise"),
    Category.PORTFOLIO: (_B, "Showcasing a portfolio", "Demonstrating expertise"),
    Category.CODING_TESTS: (_T, "Coding tests", "Technical tests"),
    Category.REAL_WORLD_PROBLEM_SOLVING: (_T, "Real-world problem solving", "Technical tests"),
    Category.THANK_YOU_EMAILS: (_B, "Thank-you emails", "After the interview"),
    Category.REFLECTING_ON_FEEDBACK: (_B, "Reflecting on feedback", "After the interview"),
}
CATEGORY_KINDS: dict[Category, Kind] = {c: k for c, (k, _, _) in _CATEGORY_TABLE.items()}
CATEGORY_LABELS: dict[Category, str] = {c: lab for c, (_, lab, _) in _CATEGORY_TABLE.items()}
CATEGORY_SECTIONS: dict[Category, str] = {c: s for c, (_, _, s) in _CATEGORY_TABLE.items()}


class Mode(StrEnum):
    """Which kinds of question an interview asks."""

    TECHNICAL = "technical"
    BEHAVIOURAL = "behavioural"
    MIXED = "mixed"

    def admits(self, kind: Kind) -> bool:
        """Whether a question of ``kind`` belongs in an interview of this mode."""
        return self is Mode.MIXED or self.value == kind.value


class Style(StrEnum):
    """How the interview treats answers: coached as you go, or like the real thing.

    Separate from ``Mode`` (which kinds of question are asked).
    """

    PRACTICE = "practice"  # feedback after each answer, rubric on request, follow-ups, retries
    MOCK = "mock"  # no feedback until the end; an optional time limit per question


class Difficulty(StrEnum):
    """How hard a question is; interviews go from warm-up to harder."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class KeyPoint(BaseModel):
    """One thing a strong technical answer mentions, with the phrasings that count."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1, description="Short label shown in feedback")
    phrasings: list[str] = Field(
        min_length=1, description="Words or phrases whose presence counts as mentioning it"
    )


class Misconception(BaseModel):
    """A wrong belief candidates commonly state, and how to spot it."""

    model_config = ConfigDict(frozen=True)

    statement: str = Field(min_length=1, description="The wrong claim, in words")
    phrasings: list[str] = Field(min_length=1, description="Phrases that signal the claim")
    correction: str = Field(min_length=1, description="What is actually true")


class Question(BaseModel):
    """One interview question from the bank (or built ad hoc for grading)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    category: Category
    roles: list[RoleFocus] = Field(min_length=1)
    difficulty: Difficulty = Difficulty.MEDIUM
    text: str = Field(min_length=1)
    key_points: list[KeyPoint] = Field(default_factory=list)
    reference_answer: str = ""
    strong_signals: list[str] = Field(
        default_factory=list, description="What a strong behavioural answer shows"
    )
    misconceptions: list[Misconception] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    kind_override: Kind | None = Field(
        default=None, description="Set only for ad hoc questions whose kind differs"
    )

    @property
    def kind(self) -> Kind:
        """Technical or behavioural."""
        return self.kind_override or self.category.kind

    @model_validator(mode="after")
    def _content_fits_kind(self) -> Question:
        if self.kind_override is not None:
            return self  # ad hoc questions for the grade CLI carry what they carry
        if self.kind is Kind.TECHNICAL:
            if not 3 <= len(self.key_points) <= 6:
                raise ValueError("a technical question needs 3 to 6 key_points")
            if not self.reference_answer.strip():
                raise ValueError("a technical question needs a reference_answer")
        elif not self.strong_signals:
            raise ValueError("a behavioural question needs strong_signals")
        return self


class Flag(StrEnum):
    """Why a grade was capped or needs the candidate's attention."""

    EMPTY = "empty"
    GIBBERISH = "gibberish"
    REPEATED = "repeated"
    ECHO = "echo"
    OFF_TOPIC = "off_topic"
    INJECTION = "injection"
    MISCONCEPTION = "misconception"
    TRUNCATED = "truncated"
    TOO_SHORT = "too_short"
    LLM_FALLBACK = "llm_fallback"


class CriterionScore(BaseModel):
    """The score on one rubric criterion, with the words it rests on."""

    name: str = Field(min_length=1, max_length=60)
    score: Score
    evidence: str = Field(
        default="", max_length=400, description="Words quoted from the answer, or empty"
    )
    comment: str = Field(default="", max_length=600)


class Feedback(BaseModel):
    """Structured feedback on one answer; the same type from every grader."""

    score: Score = Field(description="Overall score, computed from the criteria")
    criteria: list[CriterionScore] = Field(min_length=1, max_length=8)
    strengths: list[str] = Field(default_factory=list, max_length=6)
    improvements: list[str] = Field(default_factory=list, max_length=6)
    key_points_covered: list[str] = Field(default_factory=list)
    key_points_missed: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    follow_up: str | None = None
    model_answer: str | None = None
    notices: list[str] = Field(
        default_factory=list, description="Things the candidate must know, e.g. a fallback"
    )
    grader: str = Field(min_length=1, description="Which engine produced this, e.g. offline")


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class Turn(BaseModel):
    """One question put to the candidate and what became of it."""

    index: int = Field(ge=0, description="Position in the interview, from 0")
    question: Question
    answer: str | None = None
    feedback: Feedback | None = None
    skipped: bool = False
    follow_up_of: int | None = Field(
        default=None, description="Index of the turn this one follows up, if any"
    )
    asked_at: datetime = Field(default_factory=utcnow)
    answered_at: datetime | None = None
    retry_of: int | None = Field(
        default=None,
        description="Index of the earlier turn whose question this one answers again, if any",
    )
    over_time: bool = Field(
        default=False, description="Answered after the mock interview's time limit (still kept)"
    )


class LLMUsage(BaseModel):
    """Language-model use in one session; kept in the record so caps survive a refresh."""

    calls: int = Field(default=0, ge=0, description="Requests sent, retries included")
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    estimated_cost_usd: float = Field(default=0.0, ge=0, description="From the price table")
    cost_complete: bool = Field(
        default=True, description="False once a call used a model the price table lacks"
    )

    @property
    def total_tokens(self) -> int:
        """Prompt and completion tokens together."""
        return self.prompt_tokens + self.completion_tokens


class JobProfile(BaseModel):
    """What a pasted job description asks for, as shown to the candidate."""

    company: str | None = Field(default=None, max_length=80)
    title: str | None = Field(default=None, max_length=80)
    skills: list[str] = Field(default_factory=list, description="Canonical skill names")
    suggested_role: RoleFocus | None = None
    source: str = Field(default="offline", description="offline, or llm:<model>")


class SessionStatus(StrEnum):
    """Where an interview is in its life."""

    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


class SessionRecord(BaseModel):
    """Everything about one interview: the unit that is saved, exported and loaded."""

    id: str = Field(min_length=16)
    role: RoleFocus
    mode: Mode
    num_questions: int = Field(ge=1, le=50)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: SessionStatus = SessionStatus.IN_PROGRESS
    turns: list[Turn] = Field(default_factory=list)
    grader: str = "offline"
    llm_usage: LLMUsage = Field(default_factory=LLMUsage)
    plan: list[str] = Field(
        default_factory=list,
        description="Ids of the bank questions chosen at the start, in the order they are asked",
    )
    style: Style = Style.PRACTICE
    time_limit_s: int | None = Field(
        default=None, ge=10, le=3600, description="Mock style: seconds allowed per question"
    )
    follow_ups_per_question: int | None = Field(
        default=None, ge=0, le=3, description="Practice follow-ups per question; None: the setting"
    )
    job: JobProfile | None = None
    thank_you_email: str | None = None
    thank_you_feedback: Feedback | None = None
    study_plan: list[str] = Field(default_factory=list)
