"""Guards shared by every grader: what no content can earn, and why (QUALITY B1, B5-B7).

``check_answer`` runs before any content is scored. It cleans the text (NUL and control
characters dropped, gaming attempts cut out, repeats collapsed, very long answers cut to a
word budget) and returns the flags raised, each with a score cap and a reason the candidate
is shown. A grader grades ``GuardReport.text`` and then applies ``GuardReport.cap``; the LLM
grader runs the same guards first and is bounded by the same cap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from interview.grading import filler, injection
from interview.grading.behavioural import EITHER, STORY, is_narrative, question_mode, tells_a_story
from interview.grading.technical import coverage
from interview.grading.text import (
    Analysed,
    analyse,
    clean,
    content_stems,
    is_content,
    sentences,
    tokens,
)
from interview.grading.themes import labels, theme_evidence, themes_asked
from interview.grading.vocab import STORY_THEMES, TopicProfile, head_terms, topic_profile
from interview.models import Flag, Kind, Question

MAX_GRADED_WORDS = 1500
MAX_SCANNED_CHARS = 30_000
_KEYBOARD_RUNS = ("qwer", "wert", "erty", "rtyu", "tyui", "yuio", "uiop", "asdf", "sdfg", "dfgh",
                  "fghj", "ghjk", "hjkl", "zxcv", "xcvb", "cvbn", "vbnm", "qwertz", "azerty")
_VOWELS = frozenset("aeiouy")
_LATIN = re.compile(r"^[a-z']+$")
# "Which metrics would you use?" asks for a list; "What does X show, and how would you use
# it?" does not: the verb must follow the question word closely.
_ASKS_FOR_LIST = re.compile(r"\b(?:which|what)\b(?:[\s-]+[\w-]+){0,4}?\s+(?:do you know|are "
                            r"there|can you name|exist|are available|would you use)\b|\blist\b|"
                            r"\bname (?:some|a few|three|the)\b|\bwhat (?:are )?(?:some|the) "
                            r"(?:common|main|popular|different)\b|"
                            r"\bwhat (?:kinds?|types?|sorts?) of\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class GuardHit:
    """One guard that fired: its flag, the highest score it allows, and why."""

    flag: Flag
    cap: int
    reason: str


@dataclass(frozen=True)
class GuardReport:
    """The text to grade and every guard that fired on the answer."""

    text: str
    hits: tuple[GuardHit, ...]

    @property
    def cap(self) -> int:
        """The highest overall score the answer may get (5 when nothing fired)."""
        return min((hit.cap for hit in self.hits), default=5)

    @property
    def flags(self) -> list[Flag]:
        """The flags raised, each once, in the order found."""
        return list(dict.fromkeys(hit.flag for hit in self.hits))

    @property
    def reasons(self) -> list[str]:
        """The reasons, one per guard that fired, for the candidate to read."""
        return [hit.reason for hit in self.hits]

    @property
    def unusable(self) -> bool:
        """Whether nothing in the answer can be graded on content (score 1)."""
        return self.cap <= 1


def check_answer(question: Question, answer: str) -> GuardReport:
    """Run every guard on ``answer`` to ``question``; never raises."""
    # Far more than the word budget, cut before any pattern runs so time stays bounded.
    text = clean(answer[:MAX_SCANNED_CHARS])
    hits: list[GuardHit] = []
    if not text.strip():
        return GuardReport("", (GuardHit(Flag.EMPTY, 1, "The answer is empty."),))
    # Judged by the key points too: a question on LLM agents whose key points name prompt
    # injection invites answers that quote attacks.
    context = injection.question_context(
        question.text, [w for p in question.key_points for w in (p.name, *p.phrasings)])
    scanned = injection.scan(text, context)
    if scanned.found:
        why = "; ".join(scanned.reasons)
        # The attack is cut out and earns nothing; what is left is graded on its content,
        # as a fair interviewer would (no cap: the rest may be a good answer). An answer
        # that was only an attack is left empty or thin, and the guards below cap it.
        hits.append(GuardHit(Flag.INJECTION, 5, f"Removed before grading: {why}. "
                             "Only the candidate's own answer is graded."))
    text = scanned.text
    if not text.strip():
        hits.append(GuardHit(Flag.EMPTY, 1, "Nothing is left to grade."))
        return GuardReport("", tuple(hits))
    text, truncated = _truncate(text)
    truncated = truncated or len(answer) > MAX_SCANNED_CHARS
    if truncated:
        hits.append(GuardHit(Flag.TRUNCATED, 5, f"Only the first {MAX_GRADED_WORDS} words "
                             "were graded."))
    gibberish = _gibberish(text)
    if gibberish:
        return GuardReport(text, (*hits, gibberish))
    text, repeat_hit = _collapse_repeats(text)
    # Filler sentences go before any criterion or guard sees them: padding buys nothing.
    # Echo is judged with and without them: a question's own parts can read as filler.
    echo = _echo(question, text)
    text = filler.drop_vacuous(question, text)
    if not text:
        hits.append(GuardHit(Flag.EMPTY, 1, "Nothing specific to grade: say what you did or "
                             "how it works, with the details."))
        return GuardReport("", tuple(hits))
    text, listed = _drop_term_lists(question, text)
    if listed:
        hits.append(listed)
    hits.extend(h for h in (repeat_hit, echo or _echo(question, text)) if h)
    if not any(h.cap <= 1 for h in hits):
        later = (_buzzwords(question, text), _too_short(text), _off_topic(question, text))
        hits.extend(h for h in later if h)
    return GuardReport(text, tuple(hits))


def _truncate(text: str) -> tuple[str, bool]:
    """Cut ``text`` after ``MAX_GRADED_WORDS`` words, on a word boundary."""
    matches = list(re.finditer(r"\S+", text))
    if len(matches) <= MAX_GRADED_WORDS:
        return text, False
    return text[: matches[MAX_GRADED_WORDS - 1].end()], True


def _collapse_repeats(text: str) -> tuple[str, GuardHit | None]:
    """Count each repeated sentence once; flag an answer that is mostly repetition."""
    words = tokens(text)
    content = [w for w in words if is_content(w)]
    top = Counter(content).most_common(1)[0][1] if content else 0
    if (len(words) >= 6 and len(set(words)) <= max(3, len(words) // 8)) or (
            top >= 6 and top >= 0.35 * len(content)):
        return text, GuardHit(Flag.REPEATED, 1, "The answer repeats the same few words.")
    parts = [p for p in sentences(text) if tokens(p)]
    seen: dict[str, str] = {}
    for part in parts:
        seen.setdefault(" ".join(tokens(part)), part)
    unique = list(seen.values())
    if len(parts) - len(unique) >= max(2, len(parts) // 2):
        return "\n".join(unique), GuardHit(
            Flag.REPEATED, 2, "Most of the answer repeats the same sentences; each was "
            "counted once.")
    return ("\n".join(unique) if len(unique) < len(parts) else text), None


@lru_cache(maxsize=32768)
def _plausible(word: str) -> bool:
    """Whether a Latin-letter token looks like a word of a natural language."""
    if len(word) <= 4 and not any(c in _VOWELS for c in word):
        return len(word) <= 3  # short acronyms such as SQL, KNN
    if len(word) > 24 or re.search(r"(.)\1\1", word):
        return False
    if any(run in word for run in _KEYBOARD_RUNS):
        return False
    vowels = sum(c in _VOWELS for c in word)
    if not 0.2 <= vowels / len(word) <= 0.8:
        return False
    return re.search(r"[^aeiouy']{5,}", word) is None


def _gibberish(text: str) -> GuardHit | None:
    """Keyboard mash or symbol soup: few tokens that look like words of any language."""
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if visible and letters / len(visible) < 0.5:
        return GuardHit(Flag.GIBBERISH, 1, "The answer is mostly symbols, not words.")
    latin = [w for w in tokens(text) if _LATIN.match(w)]
    if not latin:
        return None
    weight = sum(len(w) for w in latin)
    good = sum(len(w) for w in latin if _plausible(w))
    if good / weight < 0.6:
        return GuardHit(Flag.GIBBERISH, 1, "The answer does not read as words (it looks like "
                        "random letters or a keyboard mash).")
    return None


def _echo(question: Question, text: str) -> GuardHit | None:
    """The question repeated back with (almost) nothing added."""
    asked = set(content_stems(question.text))
    said = set(content_stems(text))
    if not asked or not said:
        return None
    added = said - asked
    if len(said & asked) < 0.5 * len(asked):
        return None
    # What is added beyond the question says nothing about its subject: filler around an echo.
    profile = topic_profile(question)
    answer = analyse(text)
    filler = not (added & (profile.topic - profile.asked)) and len(added) <= 12
    restated = len(said & asked) >= 0.8 * len(asked)
    if len(added) <= 2 or (restated and filler and not tells_a_story(answer)):
        return GuardHit(Flag.ECHO, 1, "The answer repeats the question instead of answering it.")
    return None


def _buzzwords(question: Question, text: str) -> GuardHit | None:
    """A bare list of terms with no sentence saying how they connect.

    Not applied when the question asks for a list ("Which optimisers do you know?").
    """
    if _ASKS_FOR_LIST.search(question.text):
        return None
    # Sentences that say nothing about the subject (nor tell a story) do not turn a list
    # into an explanation: "Great question. The key terms are: ... All very important."
    kept = [s for s in sentences(text) if len(re.findall(r"[,;:|/•]", s)) >= 3
            or not _is_filler(question, s)]
    text = " ".join(kept) if kept else text
    items = [i for i in re.split(r"[,;:\n|/•]+|\s-\s|[.!?]\s", text) if tokens(i)]
    # A long item that only restates the question or says nothing specific is filler run
    # into the list ("... nested CV So to answer the question: How does ..."), not content.
    question_words = frozenset(content_stems(question.text))
    items = [i for i in items if len(tokens(i)) <= 4 or not filler.adds_nothing(i, question_words)]
    lengths = [len(tokens(i)) for i in items]
    short = [n for n in lengths if n <= 4]
    long_items = len(lengths) - len(short)
    # Mostly short items: one sentence of filler around the list does not rescue it.
    if (len(short) >= 5 + long_items and long_items <= 1 and sum(short) >= 0.5 * sum(lengths)
            and sum(short) / len(short) <= 2.5):
        return GuardHit(Flag.INJECTION, 2, "A list of terms with no sentences: say what each "
                        "does and how it answers the question.")
    return None


# A line that is only a list of short terms ("Keywords: partition pruning, zone maps, ..."),
# with a label before it or none.
_LABEL = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:[\w ]{1,30}:)?")
TERM_LIST_ITEMS = 6


def _is_term_list(line: str) -> bool:
    items = [i for i in re.split(r"[,;|/•]+", _LABEL.sub("", line, count=1)) if tokens(i)]
    lengths = [len(tokens(i)) for i in items]
    return (len(items) >= TERM_LIST_ITEMS and max(lengths) <= 4
            and sum(lengths) / len(lengths) <= 2.5)


def _drop_term_lists(question: Question, text: str) -> tuple[str, GuardHit | None]:
    """Lines that only list terms, appended to an answer that explains something: naming
    the right words is not saying how they answer the question, so they earn nothing (an
    answer that is only such a list is capped by ``_buzzwords``). Kept when the question
    asks for a list."""
    if _ASKS_FOR_LIST.search(question.text) or "\n" not in text:
        return text, None
    lines = text.split("\n")
    kept = [line for line in lines if not _is_term_list(line)]
    if len(kept) == len(lines) or len(tokens(" ".join(kept))) < 12:
        return text, None
    return "\n".join(kept).strip(), GuardHit(
        Flag.INJECTION, 5, "A list of terms was not graded: say what each does and how it "
        "answers the question.")


def _is_filler(question: Question, sentence: str) -> bool:
    """A sentence with none of the question's subject words beyond its own, and (for a
    behavioural question) no first-person account either."""
    profile = topic_profile(question)
    subject = set(content_stems(sentence)) - profile.asked
    if subject & profile.topic or re.search(r"\d", sentence):
        return False
    return question.kind is Kind.TECHNICAL or not is_narrative(sentence)


def _too_short(text: str) -> GuardHit | None:
    """Too few words to show any understanding."""
    if len(tokens(text)) < 6:
        return GuardHit(Flag.TOO_SHORT, 2, "The answer is too short to show understanding; "
                        "explain in two or three sentences.")
    return None


def _off_topic(question: Question, text: str) -> GuardHit | None:
    """A fluent answer that shares almost no distinctive words with the question."""
    profile = topic_profile(question)
    answer = analyse(text)
    asked = themes_asked(question.text) if _asks_for_a_story(question) else ()
    if asked and tells_a_story(answer):
        # The question names what the story must be about; a story that never touches it
        # answers another question, however well it is told.
        if theme_evidence(asked, answer) is not None:
            return None
        return GuardHit(Flag.OFF_TOPIC, 2, "The story does not answer the question: it is "
                        f"not about {labels(asked)}, which is what was asked.")
    if profile.is_on_topic(answer):
        if not _ignores_the_question(question, profile, answer):
            return None
    elif (question.kind is Kind.BEHAVIOURAL and tells_a_story(answer)
          and not _about_other_themes(profile, answer)):
        # A story rarely repeats the question's words; its fit is left to the Relevance
        # criterion rather than capped on word overlap alone, unless it opens on other
        # themes (a deadline dispute told for "a process you automated").
        return None
    return GuardHit(Flag.OFF_TOPIC, 2, "The answer does not address the question: it shares "
                    "almost none of the question's subject words.")


def _asks_for_a_story(question: Question) -> bool:
    """Whether ``question`` is behavioural and can be answered with a story."""
    return question.kind is Kind.BEHAVIOURAL and question_mode(question) in (STORY, EITHER)


def _about_other_themes(profile: TopicProfile, answer: Analysed) -> bool:
    """A story whose opening sentence names two themes of other behavioural questions, and
    that never names this one's."""
    if profile.asked & answer.stem_set or not answer.sentences:
        return False
    opening = {s for i, s in enumerate(answer.stems) if answer.sentence_of[i] == 0}
    return len((STORY_THEMES - profile.asked) & opening) >= 2


def _ignores_the_question(question: Question, profile: TopicProfile, answer: Analysed) -> bool:
    """A technical answer in the right field that uses none of the question's own words and
    covers under half of its key points at length: most likely an answer to a neighbouring
    question."""
    if question.kind is not Kind.TECHNICAL or len(profile.asked) < 2 or not question.key_points:
        return False
    if len(answer.words) < 35:
        return False  # a short answer may well skip the question's words
    heads = head_terms(question)
    if profile.asked_share(answer) > 0 and (not heads or heads & answer.stem_set):
        return False  # it names what the question is about
    return coverage(question, answer, profile.asked).share < 0.5
