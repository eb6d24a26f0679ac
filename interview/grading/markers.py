"""Surface markers of a specific, well-reasoned answer: figures, named tools, trade-offs.

Each marker is counted once however often it appears, so repeating a figure or a
connective adds nothing: length cannot buy a better specificity score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interview.grading.text import Analysed

_NUMBER = re.compile(r"(?<![\w.])(?:\d+(?:[.,]\d+)*\s*(?:%|x|ms|s|k|m|gb|mb|tb|hours?|days?|"
                     r"weeks?|months?|minutes?|seconds?|users?|rows?|people|million|billion)?|"
                     r"\d+(?:\.\d+)?)(?![\w.])", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w+#.-]*[\w+#]|[A-Za-z]")
# A lower-case hyphenated word ("trade-offs", "data-driven") is an ordinary compound, not a
# named tool; dotted code ("df.groupby") and mixed case or digits ("t-SNE", "L2") are names.
_ACRONYM_OR_CODE = re.compile(r"[A-Z].*[A-Z0-9]|[a-z]+[A-Z]\w*|[A-Za-z]+\d\w*|\w+\.\w+|"
                              r"\w*[A-Z0-9]\w*-\w+|\w+-\w*[A-Z0-9]\w*")
_TRADE_OFF = re.compile(
    r"\b(?:trade-?offs?|however|whereas|although|though|depends?|depending|downsides?|"
    r"drawbacks?|limitations?|at the (?:expense|cost) of|on the other hand|instead|compared|"
    r"versus|vs\.?|pros|cons|risks?|costs?|but|unless|rather than|in contrast|alternatively)\b",
    re.IGNORECASE)
_EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|such as|say,|imagine|suppose)",
                      re.IGNORECASE)
_REASON = re.compile(r"\b(?:because|so that|which means|therefore|since|this means|that is why|"
                     r"as a result|in order to|so we|so i|the reason)\b", re.IGNORECASE)
_STRUCTURE = re.compile(r"\b(?:first(?:ly)?|second(?:ly)?|third|then|next|finally|lastly|"
                        r"in short|overall|to summari[sz]e|in summary)\b|^\s*(?:[-*•]|\d+[.)])",
                        re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Markers:
    """The distinct specificity markers found, each as the words that showed it."""

    numbers: frozenset[str] = field(default_factory=frozenset)
    named: frozenset[str] = field(default_factory=frozenset)
    trade_offs: frozenset[str] = field(default_factory=frozenset)
    examples: frozenset[str] = field(default_factory=frozenset)
    reasons: frozenset[str] = field(default_factory=frozenset)
    structure: frozenset[str] = field(default_factory=frozenset)

    def points(self) -> int:
        """A bounded count: at most two points from each kind of marker."""
        return (
            min(2, len(self.numbers)) + min(2, len(self.named)) + min(2, len(self.trade_offs))
            + min(1, len(self.examples)) + min(1, len(self.reasons))
        )

    def evidence(self) -> list[str]:
        """Up to four of the markers, for quoting back to the candidate."""
        ordered = [*sorted(self.named), *sorted(self.numbers), *sorted(self.trade_offs)]
        return ordered[:4]


def _found(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    return frozenset(m.group(0).strip().lower() for m in pattern.finditer(text))


def _named(sentences: list[str]) -> frozenset[str]:
    """Named tools and methods: acronyms, CamelCase, L1/F1-style names, capitalised words
    inside a sentence (not the first word, not "I")."""
    found: set[str] = set()
    for sentence in sentences:
        for index, match in enumerate(_WORD.finditer(sentence)):
            word = match.group(0).rstrip(".-")
            if word in {"I", "I'm"} or len(word) < 2:
                continue
            if _ACRONYM_OR_CODE.fullmatch(word) or (index > 0 and word[0].isupper()):
                found.add(word)
    return frozenset(found)


def find_markers(answer: Analysed, only: set[int] | None = None) -> Markers:
    """Markers in ``answer``, or only in the sentences whose indexes are in ``only``."""
    picked = [s for i, s in enumerate(answer.sentences) if only is None or i in only]
    text = "\n".join(picked)
    return Markers(
        numbers=_found(_NUMBER, text),
        named=_named(picked),
        trade_offs=_found(_TRADE_OFF, text),
        examples=_found(_EXAMPLE, text),
        reasons=_found(_REASON, text),
        structure=_found(_STRUCTURE, text),
    )


def points_to_score(points: int, steps: tuple[int, int, int, int] = (1, 3, 5, 7)) -> int:
    """Map a marker count to 1-5: below steps[0] is 1, at least steps[3] is 5."""
    return 1 + sum(points >= s for s in steps)
