"""What a behavioural question is about, and whether a story touches it.

A candidate who tells a polished story about mentoring a colleague when asked about a time
something broke in production has answered a different question, however good the story.
Word overlap with the question cannot see that (stories seldom repeat the question's
words), so the themes behavioural questions ask about live in a team-maintained list,
``interview/grading/data/story_themes.toml``, each with the words a story on it cannot
avoid. A question that names no listed theme is left to word overlap, as before.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from interview.grading.text import Analysed


@dataclass(frozen=True)
class Theme:
    """One theme: how it is named, found in a question, and shown in a story."""

    label: str
    asked: tuple[re.Pattern[str], ...]
    evidence: tuple[re.Pattern[str], ...]
    # A required theme narrows the others the question names ("an incident you yourself
    # caused" is about a production incident, but only one of your own counts).
    required: bool = False


@lru_cache(maxsize=1)
def load_themes() -> tuple[Theme, ...]:
    """The team's list, read once from the package data."""
    text = resources.files("interview.grading").joinpath("data", "story_themes.toml")
    entries = tomllib.loads(text.read_text("utf-8"))["theme"]
    return tuple(
        Theme(
            e["label"],
            tuple(re.compile(p, re.IGNORECASE) for p in e["asked"]),
            tuple(re.compile(p, re.IGNORECASE) for p in e["evidence"]),
            bool(e.get("required", False)),
        )
        for e in entries
    )


@lru_cache(maxsize=4096)
def themes_asked(question_text: str) -> tuple[Theme, ...]:
    """The listed themes that ``question_text`` names (often none, sometimes several)."""
    return tuple(t for t in load_themes() if any(p.search(question_text) for p in t.asked))


def deciding(themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
    """The themes a story must touch: every required one when the question names any, else
    any one of them."""
    return tuple(t for t in themes if t.required) or themes


def theme_evidence(themes: tuple[Theme, ...], answer: Analysed) -> str | None:
    """The first sentence of ``answer`` that touches any of ``themes``, or ``None``; when
    some of ``themes`` are required, the story must touch each of those."""
    required = tuple(t for t in themes if t.required)
    if required:
        found = [_first_touching((t,), answer) for t in required]
        return None if None in found else found[0]
    return _first_touching(themes, answer)


def _first_touching(themes: tuple[Theme, ...], answer: Analysed) -> str | None:
    for sentence in answer.sentences:
        if any(p.search(sentence) for t in themes for p in t.evidence):
            return sentence
    return None


def labels(themes: tuple[Theme, ...]) -> str:
    """The labels of the themes a story must touch, joined for a message: "a deadline or a
    mistake"."""
    names = [t.label for t in deciding(themes)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
