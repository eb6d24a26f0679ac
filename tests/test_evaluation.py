"""Grading-quality measurement: metrics against hand-computed values, the eval-file reader,
the report's attack checks, the team's data files, and `python -m interview eval`."""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from pathlib import Path

import pytest

from interview.__main__ import main
from interview.errors import InterviewError
from interview.evaluation import (
    EvalFileError,
    EvalRecord,
    EvalReport,
    average_ranks,
    confusion_table,
    evaluate,
    mean_absolute_error,
    pairwise_accuracy,
    parse_eval_lines,
    quadratic_weighted_kappa,
    read_eval_file,
    render_json,
    render_text,
    spearman,
)
from interview.models import CriterionScore, Feedback, Kind, Question

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"

# ---------------------------------------------------------------- metrics


def test_tied_values_share_the_mean_of_their_ranks():
    assert average_ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert average_ranks([3, 3, 3]) == [2, 2, 2]


def test_spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse():
    assert spearman([1, 2, 3, 4, 5], [2, 3, 4, 5, 9]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]) == pytest.approx(-1.0)


def test_spearman_with_ties_matches_the_hand_computation():
    # x ranks 1, 2, 3, 4; y = 1, 1, 2, 3 ranks 1.5, 1.5, 3, 4 (both means 2.5).
    # deviations x: -1.5 -0.5 0.5 1.5, y: -1 -1 0.5 1.5
    # cov = 1.5 + 0.5 + 0.25 + 2.25 = 4.5; var x = 5; var y = 4.5
    # rho = 4.5 / sqrt(5 * 4.5) = sqrt(0.9)
    assert spearman([1, 2, 3, 4], [1, 1, 2, 3]) == pytest.approx(math.sqrt(0.9))


def test_spearman_is_undefined_when_one_side_is_constant():
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([1], [1]) is None


def test_metrics_refuse_sequences_of_different_lengths():
    with pytest.raises(ValueError, match="differ in length"):
        spearman([1, 2], [1, 2, 3])


def test_kappa_is_one_for_perfect_agreement_and_minus_one_for_opposite_extremes():
    assert quadratic_weighted_kappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == pytest.approx(1.0)
    # Observed: (1,5) and (5,1), weight 16/16 each -> 2. Expected: each margin is {1: 1, 5: 1},
    # so E(1,5) = E(5,1) = 1*1/2 with weight 1, E(1,1) = E(5,5) = 1/2 with weight 0 -> 1.
    assert quadratic_weighted_kappa([1, 5], [5, 1]) == pytest.approx(-1.0)


def test_kappa_matches_the_hand_computation():
    # human 1,2,3 / predicted 1,2,2. Weights (i-j)^2/16.
    # Observed disagreement: the (3,2) cell, 1/16.
    # Expected: margins human {1,2,3: 1 each}, predicted {1: 1, 2: 2}, E = h*p/3:
    # (1,2) 2/3*1/16 + (2,1) 1/3*1/16 + (3,1) 1/3*4/16 + (3,2) 2/3*1/16 = 9/48 = 3/16.
    # kappa = 1 - (1/16) / (3/16) = 2/3.
    assert quadratic_weighted_kappa([1, 2, 3], [1, 2, 2]) == pytest.approx(2 / 3)


def test_kappa_is_undefined_when_both_sides_use_one_grade():
    assert quadratic_weighted_kappa([3, 3], [3, 3]) is None


def test_mean_absolute_error_averages_the_distances():
    assert mean_absolute_error([1, 2, 3], [2, 2, 5]) == pytest.approx(1.0)
    assert mean_absolute_error([], []) is None


def test_pairwise_accuracy_counts_only_same_question_pairs_and_half_for_predicted_ties():
    groups = ["q", "q", "q", "q", "r"]
    human = [1, 3, 5, 5, 2]
    predicted = [2, 2, 4, 1, 5]
    # Pairs in q with different human grades: (1,3) tie -> 0.5; (1,5) 2<4 -> 1; (1,5') 2>1 -> 0;
    # (3,5) 2<4 -> 1; (3,5') 2>1 -> 0. The (5,5') pair and every pair with r are skipped.
    accuracy, pairs = pairwise_accuracy(groups, human, predicted)
    assert pairs == 5
    assert accuracy == pytest.approx(2.5 / 5)


def test_pairwise_accuracy_is_undefined_without_comparable_pairs():
    assert pairwise_accuracy(["a", "b"], [1, 5], [1, 5]) == (None, 0)


def test_confusion_table_puts_human_grades_in_rows():
    table = confusion_table([1, 1, 5, 3], [2, 1, 5, 3])
    assert table[0] == [1, 1, 0, 0, 0]
    assert table[4][4] == 1 and table[2][2] == 1
    assert sum(map(sum, table)) == 4


# ---------------------------------------------------------------- the reader


def _line(**fields: object) -> str:
    record: dict[str, object] = {"id": "a", "question": "Q?", "answer": "A.", "grade": 3}
    record.update(fields)
    return json.dumps(record)


def _problems(*lines: str) -> list[tuple[int, str]]:
    with pytest.raises(EvalFileError) as caught:
        parse_eval_lines(lines, source="f.jsonl")
    return caught.value.problems


def test_reader_accepts_optional_fields_and_skips_blank_lines():
    records = parse_eval_lines(
        ["", _line(kind="behavioural", tags=["gaming"]), "  ", _line(id="b", base_id="a")]
    )
    assert [r.id for r in records] == ["a", "b"]
    assert records[0].kind is Kind.BEHAVIOURAL and records[1].base_id == "a"


def test_bad_json_is_reported_with_its_line_number():
    assert _problems(_line(), "{not json")[0][0] == 2


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (_line(grade=6), "grade"),
        (_line(grade=0), "grade"),
        (_line(grade="5"), "grade"),
        (_line(grade=4.5), "grade"),
        (json.dumps({"id": "a", "question": "Q", "answer": "A"}), "missing field 'grade'"),
        (_line(kind="social"), "kind"),
        (_line(grades=3), "unknown field 'grades'"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_an_invalid_record_names_the_line_and_the_field(line, words):
    problems = _problems(_line(id="first"), line)
    assert problems[0][0] == 2
    assert words in problems[0][1]


def test_every_bad_line_is_reported_at_once_in_the_message():
    with pytest.raises(EvalFileError) as caught:
        parse_eval_lines([_line(grade=9), _line(id="b"), "oops"], source="set.jsonl")
    assert [n for n, _ in caught.value.problems] == [1, 3]
    assert "set.jsonl, line 1" in str(caught.value) and "set.jsonl, line 3" in str(caught.value)


def test_duplicate_ids_and_unknown_base_ids_are_errors():
    problems = _problems(_line(), _line(), _line(id="v", base_id="nope"))
    assert problems[0] == (2, "id 'a' already used on line 1")
    assert problems[1][0] == 3 and "base_id 'nope'" in problems[1][1]


def test_a_file_without_records_is_an_error():
    with pytest.raises(EvalFileError, match="no records"):
        parse_eval_lines(["", "  "], source="empty.jsonl")


def test_reading_a_missing_file_names_it(tmp_path):
    with pytest.raises(InterviewError, match=r"missing\.jsonl: cannot be read"):
        read_eval_file(tmp_path / "missing.jsonl")


# ---------------------------------------------------------------- evaluate and the report


class ScriptedGrader:
    """A grader for the ``Grader`` seam that returns a fixed score per answer text."""

    name = "scripted"

    def __init__(self, scores: dict[str, int]) -> None:
        self.scores = scores

    def grade(self, question: Question, answer: str) -> Feedback:
        score = self.scores[answer]
        return Feedback(score=score, criteria=[CriterionScore(name="all", score=score)],
                        grader=self.name)


def _records() -> list[EvalRecord]:
    q = {"question": "What is overfitting?", "key_points": ["noise", "validation gap", "fix"]}
    return [
        EvalRecord(id="good", answer="good", grade=5, **q),
        EvalRecord(id="ok", answer="ok", grade=3, **q),
        EvalRecord(id="game", answer="game", grade=1, tags=["gaming"], **q),
        EvalRecord(id="off", answer="off", grade=1, tags=["off_topic"], **q),
        EvalRecord(id="ok-attack", answer="ok+attack", grade=3, tags=["gaming"], base_id="ok", **q),
    ]


def test_report_figures_and_checks_follow_the_grader_scores():
    grader = ScriptedGrader({"good": 5, "ok": 2, "game": 3, "off": 1, "ok+attack": 4})
    report = evaluate(_records(), grader)
    assert report.n == 5 and report.grader == "scripted"
    assert report.mae == pytest.approx((0 + 1 + 2 + 0 + 1) / 5)
    assert report.checks is not None
    assert report.checks.gaming_count == 1 and report.checks.gaming_max == 3
    assert report.checks.off_topic_share_at_most_2 == 1.0
    assert report.checks.variants_raised == ["ok-attack"]
    assert [i.id for i in report.worst][:1] == ["game"]
    assert report.by_kind["technical"].n == 5


def test_a_variant_scored_at_or_below_its_base_is_not_counted_as_raised():
    grader = ScriptedGrader({"good": 5, "ok": 3, "game": 1, "off": 1, "ok+attack": 2})
    report = evaluate(_records(), grader)
    assert report.checks is not None and report.checks.variants_raised == []


def test_records_without_tags_or_variants_have_no_attack_checks():
    records = [EvalRecord(id=s, question="Q?", answer=s, grade=g) for s, g in [("x", 1), ("y", 5)]]
    report = evaluate(records, ScriptedGrader({"x": 1, "y": 5}))
    assert report.checks is None and report.tags == [] and report.worst == []
    assert "every answer got its human grade" in render_text(report)


def test_text_report_shows_every_figure_and_the_worst_ids():
    report = evaluate(_records(), ScriptedGrader({"good": 5, "ok": 2, "game": 3, "off": 1,
                                                  "ok+attack": 4}))
    text = render_text(report, "tiny")
    for words in ["Spearman rho", "Quadratic weighted kappa", "Mean absolute error",
                  "Pairwise ordering accuracy", "Confusion", "game", "highest score 3",
                  "ok-attack", "Off-topic answers scored <= 2"]:
        assert words in text


def test_json_report_loads_back_into_the_same_report():
    report = evaluate(_records(), ScriptedGrader({"good": 5, "ok": 3, "game": 1, "off": 2,
                                                  "ok+attack": 3}))
    assert EvalReport.model_validate_json(render_json(report)) == report


# ---------------------------------------------------------------- the team's data files


@pytest.mark.parametrize("name", ["devset.jsonl", "holdout.jsonl"])
def test_team_data_is_valid_and_every_question_spans_three_grades(name):
    records = read_eval_file(DATA / name)
    grades: dict[str, set[int]] = defaultdict(set)
    for record in records:
        grades[record.question].add(record.grade)
    assert all(len(g) >= 3 for g in grades.values())
    by_id = {r.id: r for r in records}
    for variant in (r for r in records if r.base_id):
        assert variant.grade == by_id[str(variant.base_id)].grade
        assert variant.answer.startswith(by_id[str(variant.base_id)].answer)


def test_holdout_asks_no_devset_question():
    dev = {r.question for r in read_eval_file(DATA / "devset.jsonl")}
    hold = {r.question for r in read_eval_file(DATA / "holdout.jsonl")}
    assert not dev & hold


# ---------------------------------------------------------------- the CLI


@pytest.fixture
def offline(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "INTERVIEW_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env from the repo
    return tmp_path


STRONG = ("Overfitting is when a model learns the noise in its training data instead of the "
          "signal, so validation error is much worse than training error; reduce it with "
          "regularisation, more data, a simpler model or early stopping.")


def _eval_file(folder: Path) -> Path:
    base = {"question": "What is overfitting, and how do you reduce it?",
            "key_points": ["learns noise", "training versus validation gap", "regularisation"]}
    lines = [
        {"id": "strong", "answer": STRONG, "grade": 5, **base},
        {"id": "thin", "answer": "When the model is too complex.", "grade": 2, **base},
        {"id": "mash", "answer": "qwpoe zmxnv lkasjd", "grade": 1, "tags": ["gaming"], **base},
    ]
    path = folder / "tiny.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_eval_command_prints_the_figures_for_a_file(offline, capsys):
    assert main(["eval", str(_eval_file(offline)), "--backend", "offline"]) == 0
    out = capsys.readouterr().out
    assert "3 answers, grader offline" in out
    for words in ["Spearman rho", "Quadratic weighted kappa", "Pairwise ordering accuracy",
                  "h5", "Gaming attempts"]:
        assert words in out


def test_eval_command_json_holds_one_item_per_line_with_the_human_grades(offline, capsys):
    assert main(["eval", str(_eval_file(offline)), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 3
    assert {i["id"]: i["human"] for i in report["items"]} == {"strong": 5, "thin": 2, "mash": 1}
    assert [sum(row) for row in report["confusion"]] == [1, 1, 0, 0, 1]


def test_eval_command_exits_2_naming_each_bad_line(offline, capsys):
    path = offline / "bad.jsonl"
    path.write_text(_line() + "\n" + _line(id="b", grade=7) + "\n{\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "grade" in err and "line 3" in err and "not valid JSON" in err


def test_eval_command_exits_2_for_a_missing_file(offline, capsys):
    assert main(["eval", str(offline / "nope.jsonl")]) == 2
    assert "nope.jsonl: cannot be read" in capsys.readouterr().err
