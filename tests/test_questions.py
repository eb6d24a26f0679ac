"""Tests for loading the question bank and choosing an interview's questions."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from interview.errors import QuestionBankError
from interview.models import Category, Difficulty, Kind, Mode, Question, RoleFocus
from interview.questions import QuestionBank, fill_placeholders, load_bank

TECH_ENTRY = """
[[questions]]
id = "{id}"
category = "data_preprocessing"
roles = ["ml_engineer", "data_scientist"]
difficulty = "{difficulty}"
text = "When would you scale features?"
reference_answer = "Scale for distance and gradient based models; fit on training data only."
follow_ups = ["Would you scale for a random forest?"]

[[questions.key_points]]
name = "Distance-based models"
phrasings = ["distance", "knn"]

[[questions.key_points]]
name = "Gradient descent converges faster"
phrasings = ["gradient descent", "converge"]

[[questions.key_points]]
name = "Fit on training data only"
phrasings = ["leakage", "training set only"]

[[questions.misconceptions]]
statement = "Trees need scaling"
phrasings = ["trees need scaling"]
correction = "Trees split on thresholds."
"""

BEHAV_ENTRY = """
[[questions]]
id = "{id}"
category = "team_collaboration"
roles = ["data_analyst", "data_scientist"]
difficulty = "{difficulty}"
text = "Tell me about a disagreement in your team."
strong_signals = ["Names a specific situation", "Says what they did"]
follow_ups = ["What would you do differently?"]
"""


def write(folder: Path, name: str, *entries: str) -> Path:
    path = folder / name
    path.write_text("".join(entries), encoding="utf-8")
    return path


def load_error(folder: Path) -> QuestionBankError:
    with pytest.raises(QuestionBankError) as info:
        load_bank(folder)
    return info.value


# --- loading -------------------------------------------------------------------------


def test_real_bank_loads_and_every_file_matches_its_category() -> None:
    bank = load_bank()
    assert len(bank) > 0
    for question in bank:
        assert question.category in bank.categories
        assert question in bank.by_category(question.category)


def test_small_bank_loads_entries_from_every_file(tmp_path: Path) -> None:
    write(tmp_path, "data_preprocessing.toml", TECH_ENTRY.format(id="dp-a", difficulty="easy"))
    write(tmp_path, "team_collaboration.toml", BEHAV_ENTRY.format(id="tc-a", difficulty="hard"))
    bank = load_bank(tmp_path)
    assert sorted(q.id for q in bank) == ["dp-a", "tc-a"]
    assert bank.get("dp-a").kind is Kind.TECHNICAL
    assert "tc-a" in bank
    assert "nope" not in bank


def test_syntax_error_names_file_line_and_entry(tmp_path: Path) -> None:
    good = TECH_ENTRY.format(id="dp-a", difficulty="easy")
    broken = TECH_ENTRY.format(id="dp-b", difficulty="easy").replace('text = "When', 'text = When"')
    write(tmp_path, "data_preprocessing.toml", good, broken)
    error = load_error(tmp_path)
    assert error.file == "data_preprocessing.toml"
    assert error.entry == "#2 (dp-b)"
    assert "line" in str(error) and "TOML syntax error" in str(error)


def test_missing_field_names_file_entry_and_field(tmp_path: Path) -> None:
    entry = BEHAV_ENTRY.format(id="tc-a", difficulty="easy").replace(
        'text = "Tell me about a disagreement in your team."\n', ""
    )
    write(tmp_path, "team_collaboration.toml", entry)
    error = load_error(tmp_path)
    assert (error.file, error.entry, error.field) == (
        "team_collaboration.toml",
        "#1 (tc-a)",
        "text",
    )
    assert "team_collaboration.toml" in str(error) and "tc-a" in str(error)
    assert "missing" in str(error)


def test_technical_entry_without_reference_answer_names_that_field(tmp_path: Path) -> None:
    entry = TECH_ENTRY.format(id="dp-a", difficulty="easy").replace(
        'reference_answer = "Scale for distance and gradient based models; '
        'fit on training data only."\n',
        "",
    )
    write(tmp_path, "data_preprocessing.toml", entry)
    error = load_error(tmp_path)
    assert error.field == "reference_answer"


def test_nested_field_error_names_the_path(tmp_path: Path) -> None:
    entry = TECH_ENTRY.format(id="dp-a", difficulty="easy").replace(
        'phrasings = ["distance", "knn"]', "phrasings = []"
    )
    write(tmp_path, "data_preprocessing.toml", entry)
    assert load_error(tmp_path).field == "key_points[0].phrasings"


def test_duplicate_id_across_files_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, "data_preprocessing.toml", TECH_ENTRY.format(id="same", difficulty="easy"))
    write(tmp_path, "team_collaboration.toml", BEHAV_ENTRY.format(id="same", difficulty="easy"))
    error = load_error(tmp_path)
    assert (error.file, error.entry, error.field) == ("team_collaboration.toml", "#1 (same)", "id")
    assert "data_preprocessing.toml" in str(error)


def test_misspelt_field_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    entry = BEHAV_ENTRY.format(id="tc-a", difficulty="easy").replace("follow_ups", "follow_up")
    write(tmp_path, "team_collaboration.toml", entry)
    error = load_error(tmp_path)
    assert error.field == "follow_up"
    assert "did you mean 'follow_ups'" in str(error)


def test_entry_in_the_wrong_file_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, "portfolio.toml", BEHAV_ENTRY.format(id="tc-a", difficulty="easy"))
    error = load_error(tmp_path)
    assert (error.file, error.field) == ("portfolio.toml", "category")


def test_file_not_named_after_a_category_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, "misc.toml", BEHAV_ENTRY.format(id="tc-a", difficulty="easy"))
    assert load_error(tmp_path).file == "misc.toml"


def test_bad_difficulty_value_names_the_field(tmp_path: Path) -> None:
    write(tmp_path, "team_collaboration.toml", BEHAV_ENTRY.format(id="tc-a", difficulty="brutal"))
    assert load_error(tmp_path).field == "difficulty"


def test_empty_folder_and_non_utf8_file_are_errors(tmp_path: Path) -> None:
    assert "no *.toml" in str(load_error(tmp_path))
    (tmp_path / "portfolio.toml").write_bytes(b"\xff\xfe\x00bad")
    assert "UTF-8" in str(load_error(tmp_path))


# --- choosing ------------------------------------------------------------------------


def make_question(qid: str, category: Category, difficulty: Difficulty) -> Question:
    fields: dict[str, object] = {
        "id": qid,
        "category": category,
        "roles": [RoleFocus.DATA_SCIENTIST],
        "difficulty": difficulty,
        "text": f"Question {qid}?",
    }
    if category.kind is Kind.TECHNICAL:
        fields["key_points"] = [{"name": f"k{i}", "phrasings": [f"p{i}"]} for i in range(3)]
        fields["reference_answer"] = "A reference."
    else:
        fields["strong_signals"] = ["A signal"]
    return Question.model_validate(fields)


@pytest.fixture
def synthetic_bank() -> QuestionBank:
    questions = [
        make_question(f"{category.value}-{difficulty.value}-{i}", category, difficulty)
        for category in Category
        for difficulty in Difficulty
        for i in range(2)
    ]
    questions.append(
        make_question("dp-ml-only", Category.DATA_PREPROCESSING, Difficulty.EASY).model_copy(
            update={"roles": [RoleFocus.ML_ENGINEER]}
        )
    )
    return QuestionBank(questions)


@pytest.mark.parametrize("mode", list(Mode))
def test_chosen_questions_are_balanced_across_the_modes_categories(
    synthetic_bank: QuestionBank, mode: Mode
) -> None:
    chosen = synthetic_bank.choose(RoleFocus.DATA_SCIENTIST, mode, 10, seed=3)
    assert len(chosen) == 10
    assert all(mode.admits(q.kind) for q in chosen)
    kinds = Counter(q.kind for q in chosen)
    assert set(kinds) == {k for k in Kind if mode.admits(k)}
    assert max(kinds.values()) - min(kinds.values()) <= 1
    categories = Counter(q.category for q in chosen)
    for kind in kinds:
        spread = [categories.get(c, 0) for c in Category if c.kind is kind]
        assert max(spread) - min(spread) <= 1


def test_mixed_interview_alternates_kinds_when_one_kind_has_few_categories() -> None:
    lopsided = QuestionBank(
        [make_question(f"dp-{i}", Category.DATA_PREPROCESSING, Difficulty.EASY) for i in range(5)]
        + [
            make_question(f"{c.value}-{i}", c, Difficulty.EASY)
            for c in Category
            if c.kind is Kind.BEHAVIOURAL
            for i in range(2)
        ]
    )
    for seed in range(5):
        chosen = lopsided.choose(RoleFocus.DATA_SCIENTIST, Mode.MIXED, 5, seed=seed)
        technical = sum(q.kind is Kind.TECHNICAL for q in chosen)
        assert technical in (2, 3)


def test_chosen_questions_go_from_warm_up_to_harder(synthetic_bank: QuestionBank) -> None:
    for seed in range(5):
        chosen = synthetic_bank.choose(RoleFocus.DATA_SCIENTIST, Mode.MIXED, 6, seed=seed)
        ranks = [list(Difficulty).index(q.difficulty) for q in chosen]
        assert ranks == sorted(ranks)
        assert chosen[0].difficulty is Difficulty.EASY
        assert chosen[-1].difficulty is Difficulty.HARD


def test_every_question_can_be_asked_once_and_none_twice(synthetic_bank: QuestionBank) -> None:
    eligible = synthetic_bank.eligible(RoleFocus.DATA_SCIENTIST, Mode.TECHNICAL)
    chosen = synthetic_bank.choose(RoleFocus.DATA_SCIENTIST, Mode.TECHNICAL, 100, seed=1)
    assert len(chosen) == len(eligible) == len({q.id for q in chosen})


def test_only_questions_for_the_role_are_chosen(synthetic_bank: QuestionBank) -> None:
    chosen = synthetic_bank.choose(RoleFocus.ML_ENGINEER, Mode.MIXED, 5, seed=0)
    assert [q.id for q in chosen] == ["dp-ml-only"]


def test_excluded_questions_are_not_chosen(synthetic_bank: QuestionBank) -> None:
    first = synthetic_bank.choose(RoleFocus.DATA_SCIENTIST, Mode.BEHAVIOURAL, 8, seed=2)
    again = synthetic_bank.choose(
        RoleFocus.DATA_SCIENTIST, Mode.BEHAVIOURAL, 8, seed=2, exclude_ids=[q.id for q in first]
    )
    assert not {q.id for q in first} & {q.id for q in again}


def test_same_seed_gives_same_interview_and_rng_varies_it(synthetic_bank: QuestionBank) -> None:
    role, mode = RoleFocus.DATA_SCIENTIST, Mode.MIXED
    assert synthetic_bank.choose(role, mode, 6, seed=9) == synthetic_bank.choose(
        role, mode, 6, seed=9
    )
    rng = random.Random(1)
    draws = {tuple(q.id for q in synthetic_bank.choose(role, mode, 6, rng=rng)) for _ in range(5)}
    assert len(draws) > 1


def test_real_bank_gives_a_balanced_ordered_interview() -> None:
    bank = load_bank()
    chosen = bank.choose(RoleFocus.DATA_SCIENTIST, Mode.MIXED, 5, seed=7)
    assert len({q.id for q in chosen}) == len(chosen) >= 1
    ranks = [list(Difficulty).index(q.difficulty) for q in chosen]
    assert ranks == sorted(ranks)
    eligible = bank.eligible(RoleFocus.DATA_SCIENTIST, Mode.MIXED)
    assert len({q.category for q in chosen}) == min(
        len(chosen), len({q.category for q in eligible})
    )


# --- placeholders --------------------------------------------------------------------


def test_placeholders_default_to_neutral_wording() -> None:
    text = "Why ${company}, and what does the ${role} role need?"
    assert fill_placeholders(text) == "Why the company, and what does the role need?"
    assert fill_placeholders(text, {"role": "data engineer"}) == (
        "Why the company, and what does the data engineer role need?"
    )


def test_placeholders_use_given_names_and_leave_other_dollars_alone() -> None:
    text = "At ${company} the $5 budget for the ${role} role and ${other} stays"
    filled = fill_placeholders(text, {"company": " Acme ", "role": " "})
    assert filled == "At Acme the $5 budget for the role and ${other} stays"
