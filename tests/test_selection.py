"""Choosing questions across sessions and for a job description (interview.selection)."""

from __future__ import annotations

import random

from interview.models import (
    Category,
    CriterionScore,
    Difficulty,
    Feedback,
    Kind,
    Mode,
    Question,
    RoleFocus,
    SessionRecord,
    Turn,
)
from interview.questions import QuestionBank
from interview.selection import History, history_from_records

ROLE = RoleFocus.DATA_ENGINEER


def make(qid: str, category: Category, text: str = "", difficulty: str = "medium") -> Question:
    fields: dict[str, object] = {
        "id": qid,
        "category": category,
        "roles": [ROLE],
        "difficulty": Difficulty(difficulty),
        "text": text or f"Question {qid}?",
    }
    if category.kind is Kind.TECHNICAL:
        fields["key_points"] = [{"name": f"point {i}", "phrasings": [f"p{i}"]} for i in range(3)]
        fields["reference_answer"] = "A reference."
    else:
        fields["strong_signals"] = ["A signal"]
    return Question.model_validate(fields)


def bank_of(per_category: int, categories: list[Category]) -> QuestionBank:
    return QuestionBank(
        make(f"{c.value[:2]}-{i}", c) for c in categories for i in range(per_category)
    )


TECH = [Category.ALGORITHMS_AND_MODELS, Category.DATA_PREPROCESSING]


def test_questions_mentioning_a_job_skill_are_chosen_first() -> None:
    bank = QuestionBank(
        [
            *(make(f"am-{i}", Category.ALGORITHMS_AND_MODELS) for i in range(6)),
            *(make(f"dp-{i}", Category.DATA_PREPROCESSING) for i in range(6)),
            make("dp-spark", Category.DATA_PREPROCESSING, "How do you partition a PySpark job?"),
            make("am-airflow", Category.ALGORITHMS_AND_MODELS, "Retrain a model from Airflow?"),
        ]
    )
    prefer = [["spark", "pyspark"], ["airflow", "apache airflow"]]
    for seed in range(10):
        chosen = bank.choose(ROLE, Mode.TECHNICAL, 2, seed=seed, prefer=prefer)
        assert {q.id for q in chosen} == {"dp-spark", "am-airflow"}
    plain = [bank.choose(ROLE, Mode.TECHNICAL, 2, seed=s) for s in range(10)]
    assert any({q.id for q in c} != {"dp-spark", "am-airflow"} for c in plain)


def test_a_skill_preference_never_breaks_the_category_balance() -> None:
    bank = QuestionBank(
        [
            *(make(f"dp-spark-{i}", Category.DATA_PREPROCESSING, "Spark?") for i in range(6)),
            *(make(f"am-{i}", Category.ALGORITHMS_AND_MODELS) for i in range(6)),
        ]
    )
    chosen = bank.choose(ROLE, Mode.TECHNICAL, 4, seed=1, prefer=[["spark"]])
    assert sorted(q.category for q in chosen).count(Category.DATA_PREPROCESSING) == 2


def test_a_skill_is_matched_as_a_whole_word_only() -> None:
    bank = QuestionBank(
        [make("dp-sparkle", Category.DATA_PREPROCESSING, "Why do sparkles matter?"),
         *(make(f"dp-{i}", Category.DATA_PREPROCESSING) for i in range(8))]
    )
    picks = [bank.choose(ROLE, Mode.TECHNICAL, 1, seed=s, prefer=[["spark"]])[0].id
             for s in range(30)]
    assert picks.count("dp-sparkle") < 10


def test_questions_answered_well_recently_are_held_back() -> None:
    bank = bank_of(4, TECH)
    history = History(question_scores={"al-0": (2, 5), "al-1": (4,), "da-0": (5,)})
    for seed in range(10):
        ids = {q.id for q in bank.choose(ROLE, Mode.TECHNICAL, 4, seed=seed, history=history)}
        assert not ids & {"al-0", "al-1", "da-0"}


def test_a_question_answered_badly_last_time_can_come_back() -> None:
    bank = bank_of(2, TECH)
    history = History(question_scores={"al-0": (5, 2)})
    ids = {q.id for q in bank.choose(ROLE, Mode.TECHNICAL, 4, seed=0, history=history)}
    assert "al-0" in ids


def test_held_back_questions_fill_in_when_too_few_others_remain() -> None:
    bank = bank_of(2, TECH)
    history = History(question_scores={"al-0": (5,), "al-1": (5,)})
    chosen = bank.choose(ROLE, Mode.TECHNICAL, 4, seed=0, history=history)
    assert len(chosen) == 4


def test_a_weak_category_comes_up_about_twice_as_often() -> None:
    bank = bank_of(10, TECH)
    history = History(category_scores={Category.DATA_PREPROCESSING: (2, 1, 3)})
    chosen = bank.choose(ROLE, Mode.TECHNICAL, 6, seed=3, history=history)
    counts = {c: sum(q.category is c for q in chosen) for c in TECH}
    assert counts == {Category.ALGORITHMS_AND_MODELS: 2, Category.DATA_PREPROCESSING: 4}
    even = bank.choose(ROLE, Mode.TECHNICAL, 6, seed=3)
    assert sum(q.category is Category.DATA_PREPROCESSING for q in even) == 3


def feedback(score: int) -> Feedback:
    return Feedback(score=score, criteria=[CriterionScore(name="Depth", score=score)], grader="t")


def record_with(*turns: tuple[Question, int, int | None]) -> SessionRecord:
    return SessionRecord(
        id="x" * 22,
        role=ROLE,
        mode=Mode.TECHNICAL,
        num_questions=len(turns),
        turns=[
            Turn(index=i, question=q, answer="a", feedback=feedback(s), follow_up_of=f)
            for i, (q, s, f) in enumerate(turns)
        ],
    )


def test_history_from_saved_records_keeps_recent_scores_per_question_and_category() -> None:
    q1, q2 = make("am-1", Category.ALGORITHMS_AND_MODELS), make("dp-1", Category.DATA_PREPROCESSING)
    old = record_with((q1, 2, None), (q2, 1, None))
    new = record_with((q1, 5, None), (q1, 1, 0), (q2, 2, None))
    history = history_from_records([old, new])
    assert history.question_scores["am-1"] == (2, 5)  # the follow-up's 1 is not the question's
    assert history.held_back() == {"am-1"}
    assert history.weak_categories() == {Category.DATA_PREPROCESSING}


def test_choosing_with_no_preference_or_history_matches_the_plain_chooser() -> None:
    bank = bank_of(5, TECH)
    plain = bank.choose(ROLE, Mode.TECHNICAL, 5, rng=random.Random(7))
    empty = bank.choose(ROLE, Mode.TECHNICAL, 5, rng=random.Random(7), prefer=[], history=History())
    assert [q.id for q in plain] == [q.id for q in empty]


def test_the_first_skill_of_the_job_outweighs_several_minor_ones() -> None:
    bank = QuestionBank(
        [
            make("dp-main", Category.DATA_PREPROCESSING, "How do you tune a Spark job?"),
            make("dp-minor", Category.DATA_PREPROCESSING, "SQL, Excel or Python for a report?"),
        ]
    )
    prefer = [["spark"], ["airflow"], ["aws"], ["sql"], ["excel"], ["python"]]
    for seed in range(5):
        chosen = bank.choose(ROLE, Mode.TECHNICAL, 1, seed=seed, prefer=prefer)
        assert chosen[0].id == "dp-main"
