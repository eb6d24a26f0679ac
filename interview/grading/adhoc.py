"""Questions that are not in the bank, built from a ``grade`` record (CLI and eval).

Key points given as plain strings become ``KeyPoint`` objects with phrasings derived from
them (the whole phrase, and its pairs of adjacent content words so a paraphrase still
matches). With only a reference answer, 3-6 key points are derived from its most salient
sentences. With neither, only relevance, depth and clarity are graded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from interview.grading.text import STOPWORDS, content_stems, sentences, stem, tokens
from interview.grading.vocab import GENERIC
from interview.models import Category, KeyPoint, Kind, Question, RoleFocus

MIN_POINTS, MAX_POINTS = 3, 6
_MARKDOWN = re.compile(r"[*_`#>|]+|\[([^\]]*)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)")
_CHUNK_BREAK = re.compile(r"[,;:()\[\]\"“”]|\s[-–—]\s")
# Words too vague to stand for a key point on their own (verbs of linking, hedges, fillers).
_WEAK_TEXT = """already returns return otherwise whose following follows thereby allowing allows
allow uses use using called create created creates establishes derives indicates reached
reach others other box basically given gives known means mean makes make making based helps
help help based form forms often usually sometimes typically respect respective respectively
above below etc instance several various certain particular simply mostly way ways thing
things kind kinds type types let lets good bad better best new old able instead check checks
checked fit fits fitted show shows shown does large larger small smaller badly such reduce
reduces increase increases work works lead leads cause causes take takes get gets like"""
_WEAK: frozenset[str] = frozenset(_WEAK_TEXT.split())

def safe_id(record_id: str) -> str:
    """A question id the model accepts, derived from any record id."""
    cleaned = re.sub(r"[^a-z0-9_.-]+", "-", record_id.lower()).strip("-._")
    return cleaned or "adhoc"


def question_from_record(
    record_id: str,
    question: str,
    *,
    kind: Kind | None = None,
    reference_answer: str | None = None,
    key_points: Sequence[str] = (),
) -> Question:
    """Build a ``Question`` for grading from the fields of a ``grade`` input line."""
    kind = kind or Kind.TECHNICAL
    reference = (reference_answer or "").strip()
    if key_points:
        points = [point_from_text(text, question) for text in key_points if text.strip()]
    else:
        points = derive_key_points(reference, question) if reference else []
    # Without strong signals to check, a behavioural answer is judged as the story an
    # interviewer wants even for "How do you...?": what you did, in one real case. "How
    # would you...?" is judged as a plan (see ``behavioural.question_mode``).
    story = Category.PAST_PROJECTS
    category = Category.ALGORITHMS_AND_MODELS if kind is Kind.TECHNICAL else story
    return Question(
        id=safe_id(record_id), category=category, roles=list(RoleFocus), text=question.strip(),
        key_points=points[:8], reference_answer=reference, kind_override=kind,
    )


def _content_words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


def point_from_text(text: str, question: str = "") -> KeyPoint:
    """A key point from a plain phrase, with phrasings a paraphrase can match."""
    text = " ".join(_MARKDOWN.sub(r"\1", text).split())
    words = _content_words(text)
    asked = set(content_stems(question))
    phrasings = [text]
    if len(words) >= 3:
        phrasings += [f"{a} {b}" for a, b in pairwise(words)
                      if not {stem(a), stem(b)} <= asked | GENERIC]
    elif len(words) == 2:
        phrasings += [w for w in words if len(w) >= 9 and stem(w) not in asked | GENERIC]
    return KeyPoint(name=text[:80], phrasings=list(dict.fromkeys(phrasings)))


def _chunks(sentence: str) -> list[list[str]]:
    """Runs of adjacent content words, broken at punctuation and stop words."""
    runs: list[list[str]] = []
    for piece in _CHUNK_BREAK.split(sentence):
        run: list[str] = []
        for tok in tokens(piece):
            if _breaks_chunk(tok):
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(tok)
        if run:
            runs.append(run)
    return runs


def _breaks_chunk(tok: str) -> bool:
    """Stop words, fillers, adverbs, symbols and formula pieces end a chunk."""
    return (tok in STOPWORDS or tok in _WEAK or len(tok) < 3 or tok.endswith("ly")
            or any(c.isdigit() for c in tok))


def _salience(run: list[str], asked: set[str], used: set[str]) -> float:
    """How much a run of words says that the question and earlier key points do not."""
    fresh = [w for w in run if stem(w) not in asked | GENERIC | used and not w.isdigit()]
    return len(fresh) + 0.5 * sum(len(w) >= 7 for w in fresh)


def derive_key_points(reference: str, question: str) -> list[KeyPoint]:
    """3-6 key points from the most salient phrase of each of the reference's sentences."""
    asked = set(content_stems(question))
    used: set[str] = set()
    picked: list[tuple[int, float, list[str]]] = []
    text = _MARKDOWN.sub(r"\1", reference)
    for index, sentence in enumerate(sentences(text)):
        runs = sorted(_chunks(sentence), key=lambda r: -_salience(r, asked, used))
        for run in runs[:2]:
            value = _salience(run, asked, used)
            if value < 1:
                break
            picked.append((index, value, run[:4]))
            used |= {stem(w) for w in run}
    best = sorted(picked, key=lambda p: -p[1])[:MAX_POINTS]
    best.sort(key=lambda p: p[0])
    points = [point_from_text(" ".join(run), question) for _, _, run in best]
    return points if len(points) >= min(MIN_POINTS, len(picked)) else []
