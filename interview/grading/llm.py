"""``LLMGrader``: rubric grading by a language model, bounded by our own code.

The order of work is the defence (OWASP LLM01/LLM05: checks in code hold where prompt
wording does not):

1. the offline guards run first; an answer they find unusable (empty, gibberish, echo,
   repetition) is never sent, and gaming attempts are cut out before the model sees the text;
2. the answer is cut to the per-call token budget, with a notice;
3. the model scores each rubric criterion into a strict schema (scores 1-5, capped lengths);
4. the overall score is computed here from those criteria with the offline weights, then
   capped by the guards (and by a misconception the offline grader caught; for an answer
   that held an attack, by the offline grade of what is left once it is cut out): the model
   can never give more than the guards allow, and its opinion of the overall is never asked;
5. on any ``LLMError`` (or a broken prompt file) the offline grader's feedback is returned,
   flagged ``LLM_FALLBACK``, with a notice saying why; the answer is never lost.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field, create_model

from interview import prompts, tokens
from interview.errors import ConfigError, LLMError, PromptError
from interview.grading import behavioural, guards, rubric
from interview.grading.base import Grader
from interview.llm import LLMClient
from interview.models import CriterionScore, Feedback, Flag, Kind, Question

GRADE_COMPLETION_TOKENS = 1500
GRADED_CACHE_SIZE = 256
Short = Annotated[str, Field(max_length=200)]


class CriterionOut(BaseModel):
    """The model's score on one criterion."""

    score: int = Field(ge=1, le=5, description="1 (poor) to 5 (excellent)")
    evidence: str = Field(max_length=200, description="A short quote from the answer, or ''")
    comment: str = Field(max_length=200, description="One sentence: why this score")


def field_name(criterion: str) -> str:
    """The JSON field for a criterion: ``Depth and specificity`` -> ``depth_and_specificity``."""
    return re.sub(r"[^a-z0-9]+", "_", criterion.lower()).strip("_")


@cache
def output_model(template: str, criteria: tuple[str, ...]) -> type[BaseModel]:
    """A strict output model with one required field per criterion, lengths capped."""
    fields: dict[str, Any] = {
        field_name(criterion): (CriterionOut, Field(description=criterion))
        for criterion in criteria
    }
    fields["key_points_covered"] = (list[Annotated[str, Field(max_length=120)]],
                                    Field(max_length=8))
    fields["strengths"] = (list[Short], Field(max_length=3))
    fields["improvements"] = (list[Short], Field(max_length=3))
    fields["follow_up"] = (str, Field(max_length=300))
    name = "".join(part.title() for part in template.split("_"))
    model: type[BaseModel] = create_model(name, **fields)
    return model


def rubric_for(question: Question) -> tuple[str, dict[str, float]]:
    """The prompt file and criterion weights for ``question``, chosen as offline chooses.

    Behavioural answers are scored on key points only when the question lists some, as the
    offline grader does, so both engines weigh the same criteria.
    """
    if question.kind is Kind.TECHNICAL:
        return "grade_technical", dict(rubric.TECHNICAL_WEIGHTS)
    if behavioural.is_story_question(question):
        template, weights = "grade_behavioural", rubric.STORY_WEIGHTS
    else:
        template, weights = "grade_prepared", rubric.PREPARED_WEIGHTS
    if not question.key_points:
        weights = {k: w for k, w in weights.items() if k != rubric.KEY_POINTS}
    return template, dict(weights)


class LLMGrader:
    """Grades through ``LLMClient``; falls back to ``fallback`` (the offline grader)."""

    name = "llm"

    def __init__(
        self,
        llm: LLMClient,
        fallback: Grader,
        role: str = "ML and data",
        boundary: Callable[[str], str] = prompts.boundary_for,
    ) -> None:
        """``fallback`` grades whenever the model cannot; ``role`` names the job in prompts."""
        self.llm = llm
        self.fallback = fallback
        self.role = role
        self._boundary = boundary
        # The model's verdicts on prompts this grader already sent: the same prompt (the
        # same question and the same answer once the guards have cleaned it) gets the same
        # verdict without a second call. A grade then never hangs on a model's mood or on a
        # second call failing: an answer with an attack cut out is graded exactly as the
        # answer without it, and a re-sent answer costs nothing. Successful verdicts only.
        self._graded: OrderedDict[str, BaseModel] = OrderedDict()

    def grade(self, question: Question, answer: str) -> Feedback:
        """Feedback on ``answer``; never raises for a failed model call."""
        offline = self.fallback.grade(question, answer)
        report = guards.check_answer(question, answer)
        if report.unusable:
            return offline  # nothing to grade on content: no call, no cost
        template, weights = rubric_for(question)
        try:
            text, cut = tokens.truncate_to_tokens(
                report.text, self.llm.settings.answer_token_budget, self.llm.model
            )
            messages = self.messages(template, question, text)
            model = output_model(template, tuple(weights))
            key = repr(messages)
            out = self._graded.get(key)
            if out is None:
                out = self.llm.parse(messages, model, GRADE_COMPLETION_TOKENS)
                self._remember(key, out)
        except (LLMError, PromptError, ConfigError) as exc:
            # A broken prompt file or token vocabulary must not lose the answer either.
            return _fallback(offline, str(exc))
        feedback = self._feedback(question, out, weights, report, offline)
        if cut:
            feedback.flags.append(Flag.TRUNCATED)
            feedback.notices.append(
                f"Only the first {self.llm.settings.answer_token_budget:,} tokens of the answer "
                "were graded (INTERVIEW_ANSWER_TOKEN_BUDGET)."
            )
        return feedback

    def _remember(self, key: str, out: BaseModel) -> None:
        self._graded[key] = out
        while len(self._graded) > GRADED_CACHE_SIZE:
            self._graded.popitem(last=False)

    def messages(self, template: str, question: Question, text: str) -> list[dict[str, str]]:
        """The chat messages for grading ``text`` (public so benchmarks can count them)."""
        boundary = self._boundary(text)
        values = {
            "role": self.role,
            "question": question.text,
            "reference_answer": question.reference_answer or "(none)",
            "key_points": _bullets([k.name for k in question.key_points]),
            "strong_signals": _bullets(list(question.strong_signals)),
            "boundary": boundary,
            "answer_block": prompts.delimit(text, "CANDIDATE ANSWER", boundary),
        }
        return prompts.render_messages(template, values)

    def _feedback(
        self,
        question: Question,
        out: BaseModel,
        weights: Mapping[str, float],
        report: guards.GuardReport,
        offline: Feedback,
    ) -> Feedback:
        criteria = [_criterion(name, getattr(out, field_name(name))) for name in weights]
        flags = list(report.flags)
        cap = report.cap
        if Flag.INJECTION in report.flags:
            # The attack was cut out before the call; should any of it have reached the
            # model, the answer still gets no more than our own grade of what is left.
            cap = min(cap, offline.score)
        if Flag.MISCONCEPTION in offline.flags:
            flags.append(Flag.MISCONCEPTION)
            cap = min(cap, rubric.MISCONCEPTION_CAP)
        known = [k.name for k in question.key_points]
        claimed = {c.strip().lower() for c in getattr(out, "key_points_covered", [])}
        covered = [k for k in known if k.lower() in claimed]
        return Feedback(
            score=rubric.overall(criteria, weights, cap=cap),
            criteria=criteria,
            strengths=list(getattr(out, "strengths", [])),
            improvements=list(getattr(out, "improvements", [])),
            key_points_covered=covered,
            key_points_missed=[k for k in known if k not in covered],
            flags=list(dict.fromkeys(flags)),
            follow_up=str(getattr(out, "follow_up", "")).strip() or offline.follow_up,
            model_answer=offline.model_answer,
            notices=list(report.reasons),
            grader=f"llm:{self.llm.model}",
        )


def _criterion(name: str, out: CriterionOut) -> CriterionScore:
    return CriterionScore(name=name, score=out.score, evidence=out.evidence, comment=out.comment)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items) or "- (none listed)"


def _fallback(offline: Feedback, reason: str) -> Feedback:
    """The offline feedback, flagged, with a notice saying why the model was not used."""
    return offline.model_copy(
        update={
            "flags": [*offline.flags, Flag.LLM_FALLBACK],
            "notices": [
                *offline.notices,
                f"Graded offline: the language model could not be used. {reason}",
            ],
        }
    )
