"""Sentences that say nothing specific are not graded, so padding cannot buy score.

Appended filler ("As a result everyone was happy", "I always take ownership", "It is best
practice to consider the trade-offs carefully", the question restated) used to earn STAR,
ownership, specificity or relevance credit from its words alone. A sentence whose every
content word is vague (praise, outcomes without an object, STAR labels, hedges, process
words), or that only restates the question, is cut before the criteria are scored. Numbers
in such a sentence do not rescue it: "a 100% team effort over 2 years" says what nothing did.
"""

from __future__ import annotations

from interview.grading.text import content_stems, sentences, stem
from interview.grading.vocab import topic_profile
from interview.models import Question

_VAGUE_TEXT = """everyone everybody everything anyone anybody someone nobody all happy happier
pleased proud glad satisfied thrilled delighted success successful successfully succeed great
good well better best excellent amazing awesome fantastic positive really very truly quite
extremely highly incredibly big bigger huge massive lot lots much many overall end ending
outcome outcomes result results resulted work worked working works out turn turned turns
team teams effort efforts thing things stuff always never ever important importance crucial
essential key critical vital fundamental practice practices approach approaches structured
structure careful carefully proper properly validate validated validating consider
considered considering considerations tradeoff tradeoffs trade trades off situation
situations task tasks action actions challenging challenge challenges clear clearly
decisive decisively take took taken taking lead led leading deliver delivered delivering
ownership own owned achieve achieved achievement achievements improve improved improvement
improvements year years month months week weeks day days depend depends depending dependent
context contexts business requirement requirements one size fits answer answers question
questions topic topics come comes coming understanding understand understood make makes
making made difference differences get getting got right pay paying attention always
follow following followed powerful field area domain project projects thrive thrived
excel excelled strong strongly hard hardworking dedicated dedication passion passionate
committed commitment proactive proactively initiative initiatives responsible
responsibility responsibilities impact impactful value valuable benefit benefits
beneficial efficient efficiently effective effectively quality high level levels
aspect aspects factor factors general generally overall happen happened happens there
course obviously clearly definitely certainly indeed so then thus therefore hence finally
ultimately eventually everyone's time times way ways part parts whole goal goals
objective objectives decision decisions step steps best-practice went go goes going
learn learned learnt lesson lessons experience experiences grow growth stakeholder
stakeholders satisfied data size fits course often usually sometimes frequently
close closely machine science sciences scientist scientists professional professionals
daily everyday genuine genuinely interest interested interesting qualities bring brings
detail details thinking attention mindset skill skills expertise knowledge solid deeply
fundamentals basics core habit habits discipline curiosity curious rigour rigor rigorous
thorough thoroughly worth worthwhile"""
VAGUE: frozenset[str] = frozenset(stem(w) for w in _VAGUE_TEXT.split())
# A restated question: at least this share of its subject words, and nothing of its own.
_RESTATED_SHARE = 0.5


def is_vacuous(sentence: str, asked: frozenset[str], question_words: frozenset[str]) -> bool:
    """Whether ``sentence`` says nothing specific: only vague words (and numbers), or only
    the question's words (``question_words``) when it uses most of its subject (``asked``)."""
    own = {s for s in content_stems(sentence) if s and not s.isdigit()}
    return not own - VAGUE or restates(own, asked, question_words)


def adds_nothing(text: str, question_words: frozenset[str]) -> bool:
    """Whether ``text`` uses no word beyond the question's and vague ones."""
    own = {s for s in content_stems(text) if s and not s.isdigit()}
    return own - VAGUE <= question_words


def restates(own: set[str], asked: frozenset[str], question_words: frozenset[str]) -> bool:
    """Whether a sentence's stems ``own`` restate the question and add nothing of their own."""
    enough = bool(asked) and len(asked & own) >= _RESTATED_SHARE * len(asked)
    return enough and own - VAGUE <= question_words


def drop_vacuous(question: Question, text: str) -> str:
    """``text`` without its vacuous sentences; unchanged when it has none. When nothing
    else would be left, only the sentences restating the question are kept (an empty text
    when there are none: the answer says nothing specific)."""
    asked = topic_profile(question).asked
    question_words = frozenset(content_stems(question.text))
    parts = sentences(text)
    empty = [p for p in parts if is_vacuous(p, asked, question_words)]
    if not empty:
        return text
    if len(empty) == len(parts):
        # Nothing specific at all: an echo with praise added is still an echo, so only the
        # restated question is kept for the echo guard; otherwise nothing is left to grade.
        echo = [p for p in parts if restates(
            {s for s in content_stems(p) if s and not s.isdigit()}, asked, question_words)]
        return " ".join(echo)
    for part in empty:
        text = text.replace(part, "", 1)
    return text.strip()
