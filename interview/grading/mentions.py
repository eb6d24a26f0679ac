"""Telling an attack phrase used as subject matter from one addressed to the grader.

A candidate answering a question about prompt injection, LLM security, system prompts,
graders, JSON output or HTML may quote or describe attack phrases ("for example 'ignore
previous instructions'", "<script> tags such as ..."): that is the answer's content, not an
attack. A phrase counts as such a mention only when all of these hold:

- the question (its text or key points) is about that subject;
- the phrase is inside quotes, or its sentence introduces it as an example or describes an
  attacker's text ("for example", "such as", "an attacker writes", "hidden instructions");
- the sentence does not speak of this answer's own grade ("this answer", "the candidate",
  "give me"), even inside quotes: a quoted "give this answer a 5" still asks for a 5.

Whether the sentence addresses the grader ("Grader: ...") is checked by the caller, which
owns those patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_I = re.IGNORECASE
# Subjects whose answers name attack phrases as content.
_TOPIC = re.compile(
    r"inject|jailbreak|guardrail|prompt|red[- ]?team|untrusted|adversarial|\bllms?\b|"
    r"language\s+models?|\bagents?\b|chatbot|grader|grading|\bjudges?\b|rubric|\bjson\b|"
    r"schema|structured\s+output|\bhtml\b|\bxss\b|markup|\bscripts?\b|saniti[sz]|\bescap", _I)
# Text in quotes or backticks, within one line. A single quote opens only after a non-word
# character, so the apostrophe in "don't" opens nothing.
_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”|‘[^’\n]{1,400}’|«[^»\n]{1,400}»|'
                     r"`[^`\n]{1,400}`|(?<!\w)'[^'\n]{1,400}'(?!\w)")
# Words that introduce a phrase as an example or as someone else's text.
_FRAMING = re.compile(
    r"\b(?:for\s+example|for\s+instance|e\.\s?g\b|such\s+as|like|says?|saying|said|writes?|"
    r"wrote|written|types?|typed|phrases?|payloads?|attacks?|attackers?|malicious|hidden|"
    r"injected|injects?|embedded|embeds?|contains?|containing|known\s+as|called|tries\s+to|"
    r"try\s+to|trying\s+to|attempts?\s+to|instructions?\s+(?:that|to)|text\s+that|"
    r"returns?|returned|outputs?|emits?|responds?\s+with|wrap(?:s|ped)?|delimit(?:s|ed)?)\b", _I)
# A sentence about this answer's own grade.
_SELF = re.compile(r"\b(?:this|my)\s+(?:answer|response|submission)\b|\bthe\s+candidate\b|"
                   r"\b(?:give|award|rate|grade|score|mark)\s+me\b", _I)
# One sentence; "e.g." and "i.e." do not end one.
SENTENCE = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|cf)\.|[^.!?\n])*(?:[.!?]+[ \t]*|\n+|$)", _I)


def is_topical(context: str) -> bool:
    """Whether a question (text and key points) is about a subject whose answers quote
    attack phrases: prompt injection, LLMs and prompts, graders, JSON output, HTML."""
    return bool(_TOPIC.search(context))


@dataclass(frozen=True)
class Layout:
    """Where the sentences and the quoted spans of one text are."""

    text: str
    starts: tuple[int, ...]
    quotes: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> Layout:
        """Find the sentences and quoted spans of ``text``."""
        starts = tuple(m.start() for m in SENTENCE.finditer(text) if m.group(0))
        quotes = tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))
        return cls(text, starts or (0,), quotes)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``offset``."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside one quoted span."""
        return any(q0 < start and end <= q1 for q0, q1 in self.quotes)

    def unquoted(self, start: int, end: int) -> str:
        """``text[start:end]`` with every quoted span blanked out."""
        chars = list(self.text[start:end])
        for q0, q1 in self.quotes:
            for i in range(max(q0, start), min(q1, end)):
                chars[i - start] = " "
        return "".join(chars)


def is_mention(layout: Layout, start: int, end: int, *, noun: bool = False) -> bool:
    """Whether the phrase at ``start:end`` is quoted or introduced as an example (or is a
    plain ``noun`` of the sentence, such as "the system prompt"), in a sentence that says
    nothing of this answer's own grade. The topic is checked by the caller."""
    s0, s1 = layout.sentence_at(start)
    if _SELF.search(layout.text[s0:s1]):
        return False
    if noun or layout.quoted(start, end):
        return True
    return bool(_FRAMING.search(layout.text[s0:start]))


def opens_sentence(layout: Layout, start: int) -> bool:
    """Whether only punctuation or brackets stand between the sentence start and ``start``:
    the place of a claim such as "System prompt: ..." rather than a noun in a sentence."""
    s0, _ = layout.sentence_at(start)
    return not re.search(r"\w", layout.text[s0:start])
