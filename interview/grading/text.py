"""Text analysis for offline grading: cleaning, tokens, stems and phrase matching.

Everything here is pure and deterministic. Words are reduced to a canonical stem so that
"normalise", "normalize", "Normalisation" and "normalizing" all compare equal: British
spellings are mapped to American ones first, then a light suffix stripper runs. Phrases are
matched on stems inside a window of answer tokens, so "choose the number of clusters k with
the elbow method" matches the phrasing "elbow method" and "pick k" alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from interview.grading.porter import porter_stem

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|\d+(?:[.,]\d+)?%?", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+\s*(?:[-*•]|\d+[.)])?\s*|\s+(?:[-*•])\s+")

_STOP_TEXT = """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each etc few for from further had hadn't has hasn't
    have haven't having he her here hers herself him himself his how however i i'd i'm i've if
    in into is isn't it it's its itself just let's like may me might more most mustn't my
    myself no nor not now of off on once one only or other ought our ours ourselves out over
    own per same shan't she should shouldn't so some such than that that's the their theirs
    them themselves then there there's these they they'd they're they've this those through
    thus to too under until up upon us very via was wasn't we we'd we'll we're we've were
    weren't what what's when where which while who whom why will with won't would wouldn't
    yes yet you you'd you'll you're you've your yours yourself yourselves e g ie eg i.e e.g
    really basically actually quite well maybe thing things something lot lots get got make
    made way kind sort much many"""
STOPWORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

# Whole-word British -> American spellings that the suffix rules below do not reach.
_SPELLING: dict[str, str] = {
    "modelling": "modeling", "modelled": "modeled", "labelling": "labeling",
    "labelled": "labeled", "travelling": "traveling", "cancelled": "canceled",
    "centre": "center", "centred": "centered", "metre": "meter", "programme": "program",
    "catalogue": "catalog", "analogue": "analog", "defence": "defense", "licence": "license",
    "grey": "gray", "judgement": "judgment", "enrol": "enroll", "fulfil": "fulfill",
    "artefact": "artifact", "aluminium": "aluminum", "tokenise": "tokenize",
}

# Word endings mapped from British to American before stemming (longest first).
_SUFFIX_SPELLING: tuple[tuple[str, str], ...] = (
    ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
    ("ises", "izes"), ("iser", "izer"), ("isers", "izers"), ("yses", "yzes"), ("ysing", "yzing"),
    ("ysed", "yzed"), ("yse", "yze"), ("ise", "ize"), ("our", "or"), ("ours", "ors"),
    ("ourable", "orable"),
)
# Words ending in "ise"/"our" that are not British spellings of an "ize"/"or" word.
_KEEP_TEXT = (
    "precise concise otherwise likewise noise rise raise arise wise exercise expertise advise "
    "promise premise compromise surprise enterprise franchise devise revise supervise "
    "televise improvise disguise cruise paradise merchandise exercise our four your hour "
    "pour tour flour sour devour"
)
_SPELLING_KEEP: frozenset[str] = frozenset(_KEEP_TEXT.split())

_MIN_STEM = 3


def clean(text: str) -> str:
    """Return ``text`` with NUL/control characters dropped and Unicode compatibility-folded."""
    text = unicodedata.normalize("NFKC", text)
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (numbers and percentages included)."""
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


def americanise(word: str) -> str:
    """Map a British spelling to the American one (``normalise`` -> ``normalize``)."""
    if word in _SPELLING:
        return _SPELLING[word]
    if word in _SPELLING_KEEP or len(word) < 5:
        return word
    for old, new in _SUFFIX_SPELLING:
        if word.endswith(old):
            return word[: -len(old)] + new
    return word


# Words that name the same idea in an answer; each group is compared as one stem. Kept
# small on purpose: only groups where a paraphrase is common and the meaning stays exact.
_CONCEPT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("deadline", "late", "delay", "delayed", "overdue", "slipped"),
    ("disagree", "disagreement", "conflict", "argument", "argue", "pushback", "clash", "dispute"),
    ("mistake", "error", "failure", "fail", "failed", "bug"),
    ("colleague", "coworker", "co-worker", "teammate", "peer"),
    ("manager", "boss", "supervisor"),
    ("stakeholder", "client", "customer"),
    ("choose", "pick", "select", "selection", "choice"),
    ("prevent", "avoid"),
    ("imbalance", "imbalanced", "unbalanced", "skewed"),
    ("analysis", "analyse", "analyses", "analytic"),
    ("missing", "null", "nan", "absent"),
    ("outlier", "anomaly", "anomalous"),
    ("impute", "imputation", "imputing", "fill-in"),
    ("dimensionality", "dimension", "dimensions"),
    ("feedback", "criticism", "critique", "critical", "review"),
    ("unclear", "ambiguous", "vague", "ambiguity", "undefined"),
    ("mentor", "mentored", "mentoring", "coach", "coached", "onboard", "onboarded"),
    ("prioritise", "priority", "priorities", "urgent", "urgency"),
    ("automate", "automated", "automation", "scripted", "scheduled"),
)


def _raw_stem(word: str) -> str:
    """British spelling folded to American, then Porter-stemmed, with no concept mapping."""
    word = americanise(word.lower().removesuffix("'s").strip("'"))
    if len(word) <= _MIN_STEM or not word.isalpha():
        return word
    if word.endswith(("us", "is", "as")):
        return word  # "bias", "analysis", "corpus": not plurals
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]  # "randomly" compares with "random"
    # Porter leaves "disagreed" as "disagre" but "disagreement" as "disagr": drop the "e".
    stemmed = porter_stem(word)
    return stemmed[:-1] if len(stemmed) > 4 and stemmed.endswith("e") else stemmed


_CONCEPT: dict[str, str] = {
    _raw_stem(word): _raw_stem(group[0]) for group in _CONCEPT_GROUPS for word in group
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deterministic stem: British/American folded, Porter-stemmed, synonyms grouped."""
    raw = _raw_stem(word)
    return _CONCEPT.get(raw, raw)


def is_content(word: str) -> bool:
    """Whether ``word`` carries meaning (not a stop word, not a single letter)."""
    return word not in STOPWORDS and (len(word) > 1 or word.isdigit())


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order, repeats kept."""
    return [stem(t) for t in tokens(text) if is_content(t)]


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences and list items, stripped, empty ones dropped."""
    parts = _SENTENCE_END.split(text)
    return [p.strip() for p in parts if p and p.strip()]


@dataclass(frozen=True)
class Analysed:
    """An answer broken down once for all the criteria: sentences, tokens and stems."""

    text: str
    sentences: tuple[str, ...]
    words: tuple[str, ...]
    stems: tuple[str, ...]
    sentence_of: tuple[int, ...]

    @property
    def stem_set(self) -> frozenset[str]:
        """The distinct stems of the answer."""
        return frozenset(self.stems)


def analyse(text: str) -> Analysed:
    """Break ``text`` into sentences and per-token stems, remembering each token's sentence."""
    sents = sentences(text)
    words: list[str] = []
    stems_: list[str] = []
    owner: list[int] = []
    for index, sent in enumerate(sents):
        for tok in tokens(sent):
            words.append(tok)
            stems_.append(stem(tok) if is_content(tok) else "")
            owner.append(index)
    return Analysed(text, tuple(sents), tuple(words), tuple(stems_), tuple(owner))


@lru_cache(maxsize=8192)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The content stems of a phrasing, as used for matching."""
    return tuple(content_stems(phrase)) or tuple(stem(t) for t in tokens(phrase))


def find_phrase(answer: Analysed, phrase: str) -> int | None:
    """Index of the token where ``phrase`` is found in ``answer``, or ``None``.

    Every content stem of the phrase must occur within a window of answer tokens a little
    wider than the phrase, in any order; a phrase of four or more stems may miss one.
    """
    wanted = phrase_stems(phrase)
    if not wanted:
        return None
    need = len(wanted) - (1 if len(wanted) >= 4 else 0)
    window = len(wanted) + 4
    positions = [i for i, s in enumerate(answer.stems) if s in wanted]
    for start_at, first in enumerate(positions):
        seen: set[str] = set()
        for pos in positions[start_at:]:
            if pos - first >= window:
                break
            seen.add(answer.stems[pos])
            if len(seen) >= need:
                return first
    return None


def sentence_at(answer: Analysed, token_index: int) -> str:
    """The sentence of ``answer`` holding the token at ``token_index``."""
    return answer.sentences[answer.sentence_of[token_index]]


def quote(text: str, limit: int = 200) -> str:
    """``text`` trimmed to ``limit`` characters on a word boundary, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def distinct_content(stems_: Iterable[str]) -> set[str]:
    """The non-empty stems among ``stems_``."""
    return {s for s in stems_ if s}


def overlap(a: Sequence[str] | set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Share of the distinct items of ``a`` that are also in ``b`` (0 when ``a`` is empty)."""
    items = set(a)
    return len(items & b) / len(items) if items else 0.0


# Prose for a person to read (the model answer): markup dropped, formulas kept whole.
_TAG = re.compile(r"<[^<>]{0,400}>")
_LINK = re.compile(r"!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|`([^`\n]*)`")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+|^\s*#+\s*")
_STOP = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|approx|fig|eq|no|dr|mr|ms|st)\.$",
                           re.IGNORECASE)
_OPEN, _CLOSE = "([{", ")]}"


def prose_sentences(text: str) -> list[str]:
    """Whole sentences of ``text`` for a person to read, markup removed.

    Unlike ``sentences`` (which also splits list items and clauses for matching), a
    sentence ends only at ".", "!" or "?" before a capital or a digit, never inside
    brackets or after an abbreviation, so "(1 - y)" and "e.g. L2" stay whole.
    """
    text = _TAG.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    found: list[str] = []
    for line in text.splitlines():
        line = " ".join(_BULLET.sub("", line).split())
        found.extend(_split_line(line))
    return [s for s in found if re.search(r"\w", s)]


def _split_line(line: str) -> list[str]:
    """Split one line at sentence ends outside brackets."""
    parts: list[str] = []
    start = 0
    for match in _STOP.finditer(line):
        head = line[start:match.start() + 1]
        depth = sum(head.count(c) for c in _OPEN) - sum(head.count(c) for c in _CLOSE)
        if depth > 0 or _ABBREVIATION.search(line[max(start, match.start() - 8):
                                                  match.start() + 1]):
            continue
        parts.append(line[start:match.end()].strip())
        start = match.end()
    parts.append(line[start:].strip())
    return [p for p in parts if p]

