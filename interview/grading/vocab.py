"""What a question is about, as stems: used for relevance and the off-topic guard.

Words every data answer uses ("model", "data", "use", "result") say nothing about which
question is being answered, so they are left out of a question's subject words.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from interview.grading.text import Analysed, content_stems, stem
from interview.models import Kind, Question

_GENERIC_WORDS = """model models data dataset use used using value values feature features train
training learn learning machine algorithm algorithms example examples predict prediction
predictions set sets result results time number problem problems method methods approach work
works working different difference good better best important need needs mean means type types
case cases help helps want point points high higher low lower large small first second new give
take know think sure able base based find look show see call called include including two three
output input function functions variable variables perform performance improve process
technique techniques question answer interview generally usually often always sometimes
important common simple simply specific specifically certain various several also general
term terms way ways part parts step steps thing things problem approach analysis system
systems question someone people person team project use case tell describe explain time
walk through discuss talk share would could did do your you give describe situation"""
GENERIC: frozenset[str] = frozenset(stem(w) for w in _GENERIC_WORDS.split())


# What behavioural questions are about ("a deadline", "a disagreement"): each stands for its
# whole group of synonyms (see ``text._CONCEPT_GROUPS``). A story about two of these that
# never touches the theme asked about answers a different question.
_THEMES_TEXT = "deadline disagree mistake feedback mentor prioritise unclear automate"
STORY_THEMES: frozenset[str] = frozenset(stem(w) for w in _THEMES_TEXT.split())


def distinctive(stems: list[str]) -> set[str]:
    """The stems of ``stems`` that are neither empty nor generic to every data answer."""
    return {s for s in stems if s and s not in GENERIC and not s.isdigit()}


@dataclass(frozen=True)
class TopicProfile:
    """The subject words of a question: its own, and those of its expected content."""

    asked: frozenset[str]
    topic: frozenset[str]
    # Stories use many words of their own, so a behavioural answer needs a smaller share.
    min_share: float = 0.12
    share_scale: float = 2.0

    def asked_share(self, answer: Analysed) -> float:
        """Share of the question's own subject words that the answer uses."""
        if not self.asked:
            return 0.0
        return len(self.asked & answer.stem_set) / len(self.asked)

    def answer_share(self, answer: Analysed) -> float:
        """Share of the answer's distinctive words that belong to the question's subject."""
        own = distinctive(list(answer.stems))
        return len(own & self.topic) / len(own) if own else 0.0

    def sentence_share(self, answer: Analysed) -> float:
        """Share of the answer's sentences that use at least one subject word."""
        if not answer.sentences:
            return 0.0
        hit = {answer.sentence_of[i] for i, s in enumerate(answer.stems) if s in self.topic}
        return len(hit) / len(answer.sentences)

    def answered_share(self, answer: Analysed) -> float:
        """Share of the question's own subject words used in sentences that also say
        something of the subject beyond the question's words.

        The question restated as filler ("X is a very important topic") does not count.
        """
        extra = self.topic - self.asked
        if not self.asked or not extra:
            return self.asked_share(answer)
        saying = {answer.sentence_of[i] for i, s in enumerate(answer.stems) if s in extra}
        used = {s for i, s in enumerate(answer.stems) if answer.sentence_of[i] in saying}
        return len(self.asked & used) / len(self.asked)

    def relevance(self, answer: Analysed) -> float:
        """0-1: how squarely the answer is about this question."""
        return (
            0.4 * min(1.0, self.answered_share(answer) * 1.5)
            + 0.35 * min(1.0, self.answer_share(answer) * self.share_scale)
            + 0.25 * self.sentence_share(answer)
        )

    def is_on_topic(self, answer: Analysed) -> bool:
        """Whether the answer shares enough subject words to count as answering at all."""
        own = distinctive(list(answer.stems))
        if len(own) < 4:
            return bool(own & self.topic) or not self.topic
        shared = own & self.topic
        if len(shared) >= 2 and len(shared) / len(own) >= self.min_share:
            return True
        return self.asked_share(answer) >= 0.5


def topic_profile(question: Question) -> TopicProfile:
    """Build the subject words of ``question`` from everything it carries."""
    asked = distinctive(content_stems(question.text))
    pieces = [question.text, question.reference_answer, *question.strong_signals]
    for point in question.key_points:
        pieces.extend([point.name, *point.phrasings])
    for wrong in question.misconceptions:
        pieces.extend(wrong.phrasings)
    topic = distinctive(content_stems(" ".join(pieces)))
    if question.kind is Kind.BEHAVIOURAL:
        return TopicProfile(frozenset(asked), frozenset(topic), 0.04, 6.0)
    return TopicProfile(frozenset(asked), frozenset(topic))


@lru_cache(maxsize=1)
def bank_document_frequency() -> tuple[Counter[str], int]:
    """In how many bank entries (question, reference answer and key points) each stem
    appears, and the number of entries: what is common across interview questions."""
    counts: Counter[str] = Counter()
    entries = 0
    for path in resources.files("interview").joinpath("bank").iterdir():
        if not path.name.endswith(".toml"):
            continue
        for entry in tomllib.loads(path.read_text("utf-8")).get("questions", []):
            points = [p.get("name", "") if isinstance(p, dict) else str(p)
                      for p in entry.get("key_points", [])]
            text = " ".join([str(entry.get("text", "")), str(entry.get("reference_answer", "")),
                             *points])
            counts.update(set(content_stems(text)))
            entries += 1
    return counts, entries


# A question word found in at most this share of bank entries is specific to a subject
# ("dropout", "multicollinearity"), unlike the field's everyday words ("network", "model").
HEAD_MAX_SHARE = 0.05


def head_terms(question: Question) -> frozenset[str]:
    """The words that name what ``question`` is about: the rarest (across the bank) of the
    question's words that its reference answer or key points also use, when rare enough.
    Empty when no word qualifies (then nothing is concluded from their absence)."""
    counts, entries = bank_document_frequency()
    expected = Counter(content_stems(" ".join(
        [question.reference_answer, *(f"{p.name} {' '.join(p.phrasings)}"
                                      for p in question.key_points)])))
    asked = distinctive(content_stems(question.text))
    heads = [s for s in asked if expected[s] >= 1 and len(s) >= 3
             and counts[s] <= HEAD_MAX_SHARE * max(1, entries)]
    rarest = min((counts[s] for s in heads), default=0)
    return frozenset(s for s in heads if counts[s] == rarest)
