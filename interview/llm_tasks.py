"""Language-model tasks beyond grading: a follow-up question, job-description skills, a
thank-you email review and the end-of-session debrief.

Each is one structured call through ``LLMClient`` with its prompt from ``prompts/``; each
raises ``LLMError`` on failure, so the caller can fall back to the offline equivalent (the
bank's follow-ups, ``interview.summary``). User text always goes in delimited as data and
is cut to the per-call token budget first. The debrief sends one short line per turn, never
the answers, so its prompt stays small however long the interview was.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from interview import prompts, tokens
from interview.grading.llm import CriterionOut
from interview.llm import LLMClient
from interview.models import CriterionScore, Feedback, RoleFocus, SessionRecord

Line = Annotated[str, Field(max_length=200)]


class FollowUp(BaseModel):
    """One follow-up question."""

    question: str = Field(max_length=300)


class JobSkills(BaseModel):
    """What a job description asks for."""

    skills: list[Annotated[str, Field(max_length=60)]] = Field(max_length=12)
    role: RoleFocus
    seniority: Literal["junior", "mid", "senior", "unknown"]


class ThankYouReviewOut(BaseModel):
    """The model's review of a thank-you email."""

    timeliness_and_length: CriterionOut
    personalisation: CriterionOut
    value_added: CriterionOut
    tone: CriterionOut
    strengths: list[Line] = Field(max_length=3)
    improvements: list[Line] = Field(max_length=3)
    revised_email: str = Field(max_length=1200)


class Debrief(BaseModel):
    """The end-of-session debrief."""

    strongest_areas: list[Line] = Field(max_length=3)
    weakest_areas: list[Line] = Field(max_length=3)
    study_plan: list[Line] = Field(max_length=5)
    overall_comment: str = Field(max_length=600)


def _cut(llm: LLMClient, text: str) -> str:
    return tokens.truncate_to_tokens(text, llm.settings.answer_token_budget, llm.model)[0]


def ask_follow_up(llm: LLMClient, role: str, question: str, answer: str, gap: str) -> str:
    """One follow-up question aimed at ``gap`` in ``answer``."""
    boundary = prompts.new_boundary()
    messages = prompts.render_messages("follow_up", {
        "role": role, "question": question, "gap": gap or "(none found)", "boundary": boundary,
        "answer_block": prompts.delimit(_cut(llm, answer), "CANDIDATE ANSWER", boundary),
    })
    return llm.parse(messages, FollowUp, max_completion_tokens=150).question.strip()


def extract_skills(llm: LLMClient, job_description: str) -> JobSkills:
    """The skills, closest role and seniority a pasted job description asks for."""
    boundary = prompts.new_boundary()
    block = prompts.delimit(_cut(llm, job_description), "JOB DESCRIPTION", boundary)
    messages = prompts.render_messages(
        "jd_skills", {"job_description_block": block, "boundary": boundary}
    )
    return llm.parse(messages, JobSkills, max_completion_tokens=400)


def review_thank_you(llm: LLMClient, role: str, email: str) -> tuple[Feedback, str]:
    """Feedback on a thank-you email (overall = mean of the criteria) and a revised draft."""
    boundary = prompts.new_boundary()
    messages = prompts.render_messages("thank_you_review", {
        "role": role, "boundary": boundary,
        "email_block": prompts.delimit(_cut(llm, email), "CANDIDATE EMAIL", boundary),
    })
    out = llm.parse(messages, ThankYouReviewOut, max_completion_tokens=900)
    named = {
        "Timeliness and length": out.timeliness_and_length,
        "Personalisation": out.personalisation,
        "Value added": out.value_added,
        "Tone": out.tone,
    }
    criteria = [CriterionScore(name=n, score=c.score, evidence=c.evidence, comment=c.comment)
                for n, c in named.items()]
    overall = int(sum(c.score for c in criteria) / len(criteria) + 0.5)  # computed here
    feedback = Feedback(score=overall, criteria=criteria, strengths=out.strengths,
                        improvements=out.improvements, grader=f"llm:{llm.model}")
    return feedback, out.revised_email


def turn_lines(record: SessionRecord) -> str:
    """One line per graded turn: category, score and gaps (no answer text)."""
    lines = []
    for turn in record.turns:
        if turn.feedback is None:
            continue
        fb = turn.feedback
        gaps = ", ".join(fb.key_points_missed[:3]) or (fb.improvements[0] if fb.improvements
                                                      else "none noted")
        lines.append(f"- {turn.question.category.label}: {fb.score}/5; gaps: {gaps[:160]}")
    return "\n".join(lines) or "- (no graded answers)"


def debrief(llm: LLMClient, record: SessionRecord) -> Debrief:
    """Strongest and weakest areas with a short study plan, from the graded turns."""
    boundary = prompts.new_boundary()
    block = prompts.delimit(turn_lines(record), "SESSION RESULTS", boundary)
    messages = prompts.render_messages(
        "session_summary", {"role": record.role.label, "turns_block": block, "boundary": boundary}
    )
    return llm.parse(messages, Debrief, max_completion_tokens=700)
