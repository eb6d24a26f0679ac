"""Well-known misconceptions checked when a question brings none of its own (ad hoc questions).

The list lives in ``interview/grading/data/misconceptions.toml`` so the team can extend it
without touching code. An entry applies only when one of its topic words (or all the words
of one of its topic phrases) is among the question's subject words, and it matches only
inside one sentence of the answer that does not also reject the claim ("L2 does not give
sparse weights" is right, not wrong).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from interview.grading.text import Analysed, content_stems, tokens
from interview.grading.vocab import TopicProfile, distinctive
from interview.models import Misconception

# Words that, in the same sentence, show the claim is being rejected or warned against.
_DENIAL_TEXT = (
    "not n't never no nothing myth misconception wrong false incorrect mistake mistaken "
    "contrary unlike instead although despite misleading untrue isn't doesn't don't aren't "
    "can't cannot won't wasn't shouldn't avoid confuse confused confusing leak leaks"
)
_DENIAL = frozenset(_DENIAL_TEXT.split())
# What follows "rather than" is what the candidate rejects ("run to the planned length rather
# than stopping when it looks significant"); what precedes it they assert.
_REJECTED_TAIL = re.compile(r"\brather than\b[^.;]*", re.IGNORECASE)


@dataclass(frozen=True)
class CommonMisconception:
    """One entry of the list: the claim, when it applies, and how to spot it."""

    key: str
    misconception: Misconception
    # Each topic word or phrase as the subject stems it needs (all of them, for a phrase).
    topic: tuple[frozenset[str], ...]
    patterns: tuple[re.Pattern[str], ...]

    @property
    def subject(self) -> frozenset[str]:
        """Every stem named by the topic: a question about all of them opens the entry."""
        return frozenset().union(*self.topic)

    def applies_to(self, subject: frozenset[str]) -> bool:
        """Whether a question with these subject stems is on this entry's topic."""
        return any(phrase <= subject for phrase in self.topic)


def topic_stems(word: str) -> frozenset[str]:
    """The subject stems a topic word or phrase needs (empty when all its words are generic)."""
    return frozenset(distinctive(content_stems(word)))


@lru_cache(maxsize=1)
def load_common() -> tuple[CommonMisconception, ...]:
    """The team's list, read once from the package data."""
    text = resources.files("interview.grading").joinpath("data", "misconceptions.toml")
    entries = tomllib.loads(text.read_text("utf-8"))["misconception"]
    return tuple(
        CommonMisconception(
            e["id"],
            Misconception(statement=e["statement"], phrasings=list(e["patterns"]),
                          correction=e["correction"]),
            tuple(stems for word in e["topic"] if (stems := topic_stems(word))),
            tuple(re.compile(p, re.IGNORECASE) for p in e["patterns"]),
        )
        for e in entries
    )


def asserted_common(profile: TopicProfile, answer: Analysed) -> list[tuple[Misconception, str]]:
    """Common misconceptions on the question's subject that ``answer`` states as true."""
    subject = profile.topic | profile.asked
    found: list[tuple[Misconception, str]] = []
    for entry in load_common():
        if not entry.applies_to(subject):
            continue
        sentence = _asserting_sentence(entry, answer)
        if sentence is not None:
            found.append((entry.misconception, sentence))
    return found


def _asserting_sentence(entry: CommonMisconception, answer: Analysed) -> str | None:
    """The first sentence of ``answer`` that states the claim without rejecting it."""
    for sentence in answer.sentences:
        for pattern in entry.patterns:
            match = pattern.search(sentence)
            if match is None:
                continue
            # Denial words written into the pattern itself ("cannot overfit") do not count.
            own = set(tokens(re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)))
            if any(t in _DENIAL and t not in own for t in tokens(sentence)):
                continue
            if "rather" in own or pattern.search(_REJECTED_TAIL.sub("", sentence)):
                return sentence
    return None
