"""The real question bank: coverage counts, content rules and phrasings the grader can use.

These tests read the shipped ``interview/bank/*.toml`` files, so a bank writer who adds a
near-duplicate, a technical entry without a misconception, or a phrasing the offline matcher
can never (or always) find learns it from the test run, not from a candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest

from interview.grading.technical import asserted_misconceptions, key_point_evidence
from interview.grading.text import analyse, content_stems, phrase_stems, stem, tokens
from interview.models import Category, Difficulty, Kind, Question, RoleFocus
from interview.questions import fill_placeholders, load_bank

BANK: list[Question] = list(load_bank())
TECHNICAL = [q for q in BANK if q.kind is Kind.TECHNICAL]

MIN_TOTAL, MIN_PER_CATEGORY, MIN_PER_ROLE = 240, 12, 40
NEAR_DUPLICATE_JACCARD = 0.6
# A phrasing that reduces to one stem found in more than this share of the bank's questions
# would credit a key point to answers that merely use an everyday word ("time", "team").
COMMON_STEM_SHARE = 0.25
# Endings that complete a word someone cut short while writing a stem by hand.
WORD_ENDS = ("e", "ies", "ied", "ing", "ation", "ise", "ize")
# "${role}" only as "the ${role} role/position": reads "the data engineer role" or "the role".
ROLE_SLOT = re.compile(r"(?:[^$]|the \$\{role\} (?:role|position)|\$\{company\})*")
ID_PREFIX = {
    Category.RESEARCHING_THE_COMPANY: "rc-",
    Category.UNDERSTANDING_THE_ROLE: "ur-",
    Category.ALGORITHMS_AND_MODELS: "am-",
    Category.DATA_PREPROCESSING: "dp-",
    Category.TEAM_COLLABORATION: "tc-",
    Category.PROBLEM_SOLVING_SCENARIOS: "ps-",
    Category.PAST_PROJECTS: "pp-",
    Category.PORTFOLIO: "pf-",
    Category.CODING_TESTS: "ct-",
    Category.REAL_WORLD_PROBLEM_SOLVING: "rw-",
    Category.THANK_YOU_EMAILS: "ty-",
    Category.REFLECTING_ON_FEEDBACK: "rf-",
}


def all_phrasings(question: Question) -> list[tuple[str, str]]:
    """(where, phrasing) for every key-point and misconception phrasing of ``question``."""
    found = [(f"key point {p.name!r}", ph) for p in question.key_points for ph in p.phrasings]
    found += [(f"misconception {m.statement!r}", ph) for m in question.misconceptions
              for ph in m.phrasings]
    return found


def stem_document_share() -> dict[str, float]:
    """For each stem, the share of bank questions whose own words use it."""
    counts: Counter[str] = Counter()
    for q in BANK:
        words = " ".join([q.text, q.reference_answer, *q.strong_signals, *q.follow_ups])
        counts.update(set(content_stems(words)))
    return {stem: n / len(BANK) for stem, n in counts.items()}


# --- coverage ------------------------------------------------------------------------


def test_bank_has_enough_questions_in_every_category() -> None:
    per_category = Counter(q.category for q in BANK)
    assert len(BANK) >= MIN_TOTAL
    short = {c.value: per_category[c] for c in Category if per_category[c] < MIN_PER_CATEGORY}
    assert not short, f"categories below {MIN_PER_CATEGORY}: {short}"


def test_every_role_has_enough_questions_of_both_kinds() -> None:
    per_role = Counter(r for q in BANK for r in q.roles)
    short = {r.value: per_role[r] for r in RoleFocus if per_role[r] < MIN_PER_ROLE}
    assert not short, f"roles below {MIN_PER_ROLE}: {short}"
    for role in RoleFocus:
        kinds = {q.kind for q in BANK if role in q.roles}
        assert kinds == set(Kind), f"{role.value} lacks {set(Kind) - kinds}"


def test_every_category_has_all_three_difficulties() -> None:
    for category in Category:
        levels = {q.difficulty for q in BANK if q.category is category}
        assert levels == set(Difficulty), f"{category.value} lacks {set(Difficulty) - levels}"


# --- schema --------------------------------------------------------------------------


def test_ids_are_unique_and_carry_their_category_prefix() -> None:
    ids = Counter(q.id for q in BANK)
    assert not [i for i, n in ids.items() if n > 1]
    wrong = [q.id for q in BANK if not q.id.startswith(ID_PREFIX[q.category])]
    assert not wrong, f"ids without their category prefix: {wrong}"


def test_technical_entries_carry_misconceptions_and_one_or_two_follow_ups() -> None:
    for q in TECHNICAL:
        assert 3 <= len(q.key_points) <= 6, q.id
        assert q.misconceptions, f"{q.id} has no misconception"
        assert 1 <= len(q.follow_ups) <= 2, f"{q.id} has {len(q.follow_ups)} follow-ups"
        words = len(q.reference_answer.split())
        assert 60 <= words <= 180, f"{q.id} reference answer has {words} words"


def test_behavioural_entries_carry_strong_signals_and_follow_ups() -> None:
    for q in BANK:
        if q.kind is Kind.BEHAVIOURAL:
            assert 3 <= len(q.strong_signals) <= 6, q.id
            assert 1 <= len(q.follow_ups) <= 2, f"{q.id} has {len(q.follow_ups)} follow-ups"


def test_phrasings_are_lowercase_and_trimmed() -> None:
    bad = [(q.id, ph) for q in BANK for _, ph in all_phrasings(q)
           if ph != ph.strip() or ph != ph.lower() or not ph]
    assert not bad, bad[:10]


# --- wording -------------------------------------------------------------------------


def test_no_two_questions_are_near_duplicates() -> None:
    stems = [(q.id, set(content_stems(q.text))) for q in BANK]
    worst = max(
        ((len(a & b) / len(a | b), ida, idb) for (ida, a), (idb, b) in combinations(stems, 2)
         if a | b),
        default=(0.0, "", ""),
    )
    score, first, second = worst
    assert score < NEAR_DUPLICATE_JACCARD, f"near duplicates {first} / {second}: {score:.2f}"


def test_only_company_and_role_placeholders_are_used() -> None:
    for q in BANK:
        for text in (q.text, *q.follow_ups, *q.strong_signals, q.reference_answer):
            names = set(re.findall(r"\$\{?(\w*)", text))
            assert names <= {"company", "role"}, f"{q.id}: {names}"


def test_role_placeholder_reads_well_with_and_without_a_job_title() -> None:
    for q in BANK:
        for text in (q.text, *q.follow_ups):
            if "${role}" not in text:
                continue
            assert ROLE_SLOT.fullmatch(text), (
                f"{q.id}: write 'the ${{role}} role' or 'the ${{role}} position': {text}"
            )
            default = fill_placeholders(text)
            assert "the role" in default or "the position" in default
            assert "data engineer" in fill_placeholders(text, {"role": "data engineer"})


def test_no_text_starts_with_a_placeholder() -> None:
    # "the company has ..." would start a question with a lower-case letter by default.
    starts = [q.id for q in BANK for t in (q.text, *q.follow_ups) if t.startswith("${")]
    assert not starts


# --- phrasings the offline grader can use ---------------------------------------------


def test_every_phrasing_has_a_content_word() -> None:
    empty = [(q.id, where, ph) for q in BANK for where, ph in all_phrasings(q)
             if not content_stems(ph)]
    assert not empty, f"phrasings made only of stopwords or single letters: {empty}"


def test_no_phrasing_repeats_a_word() -> None:
    repeats = [(q.id, ph) for q in BANK for _, ph in all_phrasings(q)
               if len(set(phrase_stems(ph))) < len(phrase_stems(ph))]
    assert not repeats, f"phrasings repeating a word (the matcher needs distinct words): {repeats}"


def test_no_phrasing_reduces_to_one_everyday_word() -> None:
    share = stem_document_share()
    generic = [
        (q.id, ph, only)
        for q in BANK
        for _, ph in all_phrasings(q)
        if len(set(stems := phrase_stems(ph))) == 1
        and share.get(only := stems[0], 0.0) > COMMON_STEM_SHARE
    ]
    assert not generic, f"phrasings that reduce to one everyday word: {generic}"


def test_no_phrasing_uses_a_truncated_word() -> None:
    # "randomis" or "boundar" stem differently from every real word, so they never match.
    prose: set[str] = set()
    for q in BANK:
        prose.update(tokens(" ".join([q.text, q.reference_answer, *q.strong_signals,
                                      *q.follow_ups, *(p.name for p in q.key_points),
                                      *(m.correction for m in q.misconceptions)])))
    prose_stems = {stem(word) for word in prose}
    cut = [
        (q.id, ph, word)
        for q in BANK
        for _, ph in all_phrasings(q)
        for word in tokens(ph)
        if len(word) >= 4 and word.isalpha() and stem(word) not in prose_stems
        and any(word + end in prose for end in WORD_ENDS)
    ]
    assert not cut, f"phrasings with truncated words: {cut}"


@pytest.mark.parametrize("question", TECHNICAL, ids=lambda q: q.id)
def test_reference_answer_covers_its_key_points_and_states_no_misconception(
    question: Question,
) -> None:
    answer = analyse(question.reference_answer)
    missed = [p.name for p in question.key_points if key_point_evidence(answer, p) is None]
    assert not missed, f"{question.id} reference answer misses {missed}"
    wrong = [m.statement for m, _ in asserted_misconceptions(question, answer)]
    assert not wrong, f"{question.id} reference answer asserts {wrong}"


def test_tokens_of_phrasings_are_words_not_code_fragments() -> None:
    # Phrasings such as "x - p" or "o(p*n)" lose every symbol in tokenising.
    bare = [(q.id, ph) for q in BANK for _, ph in all_phrasings(q) if not tokens(ph)]
    assert not bare
