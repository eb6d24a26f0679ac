"""The thank-you email exercise: the candidate writes the email, and it is graded.

The rubric follows the guide: send it within 24 hours, thank the interviewer, renew your
interest, show how your skills fit the role, keep it brief and professional. Offline,
``grade_email`` checks each of these in plain Python; with a language model,
``review_email`` asks it (``llm_tasks.review_thank_you``) and adds the timing criterion,
which only the candidate's own answer can tell; a failed call falls back to offline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from interview.answers import clean_answer
from interview.errors import AnswerRejectedError, LLMError
from interview.jobdesc import SkillVocabulary, default_vocabulary
from interview.models import CriterionScore, Feedback

if TYPE_CHECKING:  # the openai SDK loads only when a model is used
    from interview.llm import LLMClient

MAX_EMAIL_CHARS = 5_000


class SendTime(StrEnum):
    """When the candidate would send the email."""

    SAME_DAY = "the same day"
    WITHIN_24_HOURS = "within 24 hours"
    TWO_DAYS = "two or three days later"
    WEEK = "a week or more later"


_TIMING_SCORE = {SendTime.SAME_DAY: 5, SendTime.WITHIN_24_HOURS: 5, SendTime.TWO_DAYS: 2,
                 SendTime.WEEK: 1}
_THANKS = r"\b(thank(s| you)|grateful|appreciate[ds]?|appreciated)\b"
_INTEREST = (r"\b(excit(ed|ing)|enthusiastic|keen|eager|interest(ed)?|look(ing)? forward|"
             r"thrilled|motivated)\b")
_FIT = (r"\b(my (experience|background|skills?|work)|i (have|built|led|designed|can|could|"
        r"bring|would)|experience (with|in)|fit|contribute|help (your|the) team)\b")
_SPECIFIC = (r"\b(discuss(ed|ing)?|conversation|you (mentioned|described|said|explained)|"
             r"learn(ed|ing|t) (about|that)|talk(ed|ing) about|our chat)\b")
_GREETING = r"^\s*(dear|hi|hello|good (morning|afternoon))\b"
_SIGN_OFF = r"\b(best( regards| wishes)?|kind regards|regards|sincerely|many thanks|thanks again)\b"
_CASUAL = r"\b(hey|lol|gonna|wanna|u|ur|thx|cheers mate|asap)\b|!!|\?\?|:\)|\bxx?\b"
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


@dataclass(frozen=True)
class EmailReview:
    """Feedback on the email and, from a language model, a revised draft."""

    feedback: Feedback
    revised: str | None = None


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE | re.MULTILINE) is not None


def _criterion(name: str, score: int, comment: str) -> CriterionScore:
    return CriterionScore(name=name, score=score, comment=comment)


def timing_criterion(send: SendTime) -> CriterionScore:
    """'Sent within 24 hours', from when the candidate says they would send it."""
    score = _TIMING_SCORE[send]
    comment = ("Good: within 24 hours, while you are fresh in their mind." if score == 5 else
               f"You would send it {send.value}; send it within 24 hours, ideally the same day.")
    return _criterion("Sent within 24 hours", score, comment)


def _fit_criterion(text: str, skills: Sequence[str]) -> CriterionScore:
    # The job's skills (aliases included) count; without a job description, any skill does.
    wanted = {s.lower() for s in skills}
    named = [s for s in default_vocabulary().find(text) if not wanted or s in wanted]
    named += SkillVocabulary({s: [] for s in wanted - set(named)}).find(text)
    if named and _has(_FIT, text):
        return _criterion("Skills fit the role", 5, f"You link your experience to {named[0]}.")
    if _has(_FIT, text) or named:
        return _criterion("Skills fit the role", 3, "Name one skill or project of yours that "
                          "matches something the role needs.")
    return _criterion("Skills fit the role", 1, "Say in one sentence how your experience fits "
                      "what the team needs, e.g. a pipeline or model like theirs you built.")


def _brevity_criterion(text: str) -> CriterionScore:
    words = len(text.split())
    casual = _has(_CASUAL, text) or bool(_EMOJI.search(text)) or text.isupper()
    framed = _has(_GREETING, text) and _has(_SIGN_OFF, text[-200:])
    if words < 25:
        score, comment = 2, f"At {words} words it is too thin to be personal; aim for 60-180."
    elif words > 300:
        score, comment = 2, f"At {words} words it is too long; keep it to a few short paragraphs."
    else:
        score, comment = 5, f"{words} words: brief enough to read in a minute."
    if casual:
        score, comment = min(score, 2), "Drop the casual words, emoji or shouting; keep it formal."
    elif not framed:
        score = min(score, 3)
        comment += " Open with a greeting (Dear/Hi + name) and close with a sign-off."
    return _criterion("Brief and professional", score, comment)


def grade_email(text: str, send: SendTime, skills: Sequence[str] = ()) -> Feedback:
    """Offline feedback on a thank-you email; ``skills`` are the role's (from a job ad),
    else any skill in the team's vocabulary counts."""
    email = clean_answer(text)[:MAX_EMAIL_CHARS]
    thanks = _has(_THANKS, email)
    interest = _has(_INTEREST, email)
    specific = _has(_SPECIFIC, email)
    criteria = [
        timing_criterion(send),
        _criterion("Thanks", 5 if thanks else 1, "You thank them for their time." if thanks
                   else "Thank the interviewer for their time in the first sentence."),
        _criterion("Renewed interest", 5 if interest else 1, "You say you are still keen."
                   if interest else "Say the conversation made you more interested in the role."),
        _fit_criterion(email, skills),
        _criterion("Personal touch", 5 if specific else 2, "You refer to the conversation."
                   if specific else "Mention one thing you discussed, so it is clearly not a "
                   "template."),
        _brevity_criterion(email),
    ]
    return _feedback(criteria, grader="offline")


def _feedback(criteria: list[CriterionScore], grader: str, notices: Sequence[str] = ()) -> Feedback:
    overall = int(sum(c.score for c in criteria) / len(criteria) + 0.5)  # computed here
    return Feedback(
        score=max(1, min(5, overall)),
        criteria=criteria,
        strengths=[f"{c.name}: {c.comment}" for c in criteria if c.score >= 4][:6],
        improvements=[c.comment for c in criteria if c.score <= 3][:6],
        notices=list(notices),
        grader=grader,
    )


def review_email(
    text: str,
    send: SendTime,
    skills: Sequence[str] = (),
    *,
    llm: LLMClient | None = None,
    role: str = "ML and data",
) -> EmailReview:
    """Feedback on the email: from the language model when given, else (or on failure) offline.

    Raises ``AnswerRejectedError`` for an empty email, which is not graded.
    """
    full = clean_answer(text)
    if not full.strip():
        raise AnswerRejectedError("Your email is empty; write it in the box, then grade it.")
    review = _review(full[:MAX_EMAIL_CHARS], send, skills, llm, role)
    if len(full) <= MAX_EMAIL_CHARS:
        return review
    notice = (f"Your email has {len(full):,} characters; only the first {MAX_EMAIL_CHARS:,} "
              "were graded. A thank-you email should be a few short paragraphs.")
    notices = [notice, *review.feedback.notices]
    return EmailReview(review.feedback.model_copy(update={"notices": notices}), review.revised)


def _review(
    email: str, send: SendTime, skills: Sequence[str], llm: LLMClient | None, role: str
) -> EmailReview:
    if llm is None:
        return EmailReview(grade_email(email, send, skills))
    from interview import llm_tasks  # here, so offline use never loads the SDK

    try:
        feedback, revised = llm_tasks.review_thank_you(llm, role, email)
    except LLMError as exc:
        offline = grade_email(email, send, skills)
        notice = f"The language model could not review the email ({exc}); graded offline."
        return EmailReview(offline.model_copy(update={"notices": [notice]}))
    criteria = [timing_criterion(send), *feedback.criteria][:8]
    merged = _feedback(criteria, feedback.grader)
    merged = merged.model_copy(update={
        "strengths": feedback.strengths or merged.strengths,
        "improvements": [*([criteria[0].comment] if criteria[0].score < 5 else []),
                         *feedback.improvements][:6],
    })
    return EmailReview(merged, revised.strip() or None)
