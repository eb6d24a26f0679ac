"""Grade an eval file's records and report agreement with the human grades, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, Field

from interview.evaluation.metrics import (
    confusion_table,
    mean_absolute_error,
    pairwise_accuracy,
    quadratic_weighted_kappa,
    spearman,
)
from interview.evaluation.records import EvalRecord
from interview.grading.adhoc import question_from_record
from interview.grading.base import Grader
from interview.models import Feedback, Kind, Question

GRADES = (1, 2, 3, 4, 5)
QuestionBuilder = Callable[[EvalRecord], Question]
WORST_SHOWN = 10


class ItemResult(BaseModel):
    """One graded record: the human grade next to the grader's."""

    id: str
    kind: Kind
    human: int
    predicted: int
    flags: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    base_id: str | None = None
    excerpt: str = Field(description="The start of the answer, for reading the worst cases")


class KindFigures(BaseModel):
    """Agreement on the technical or the behavioural records alone."""

    n: int
    spearman: float | None
    mae: float | None


class TagSummary(BaseModel):
    """How the grader scored the records carrying one tag."""

    tag: str
    n: int
    mean_human: float
    mean_predicted: float
    max_predicted: int
    share_at_most_2: float


class AttackChecks(BaseModel):
    """The figures behind the targets for gaming, off-topic and appended attacks or padding."""

    gaming_count: int = Field(description="Records tagged gaming that have no base_id")
    gaming_max: int | None
    off_topic_count: int
    off_topic_share_at_most_2: float | None
    variants_count: int = Field(description="Records with a base_id")
    variants_raised: list[str] = Field(description="Ids of variants scored above their base")


class EvalReport(BaseModel):
    """Everything ``eval`` measures about one grader on one eval file."""

    grader: str
    n: int
    spearman: float | None
    qwk: float | None
    mae: float | None
    pairwise_accuracy: float | None
    pairwise_pairs: int
    confusion: list[list[int]] = Field(description="Rows human 1-5, columns predicted 1-5")
    by_kind: dict[str, KindFigures]
    worst: list[ItemResult]
    tags: list[TagSummary]
    checks: AttackChecks | None = Field(description="Present when records carry tags or base_id")
    items: list[ItemResult]


def default_question(record: EvalRecord) -> Question:
    """The ad hoc question the ``grade`` command would build for this record."""
    return question_from_record(
        record.id,
        record.question,
        kind=record.kind,
        reference_answer=record.reference_answer,
        key_points=record.key_points,
    )


def grade_records(
    records: Sequence[EvalRecord], grader: Grader, build: QuestionBuilder = default_question
) -> list[Feedback]:
    """Grade every record once, in order."""
    return [grader.grade(build(record), record.answer) for record in records]


def evaluate(
    records: Sequence[EvalRecord], grader: Grader, build: QuestionBuilder = default_question
) -> EvalReport:
    """Grade every record with ``grader`` and measure agreement with the human grades."""
    questions = [build(record) for record in records]
    feedback = [grader.grade(q, r.answer) for q, r in zip(questions, records, strict=True)]
    return build_report(records, feedback, [q.kind for q in questions], grader.name)


def build_report(
    records: Sequence[EvalRecord], feedback: Sequence[Feedback], kinds: Sequence[Kind], grader: str
) -> EvalReport:
    """Measure agreement between ``records``' human grades and the matching ``feedback``."""
    items = [
        ItemResult(
            id=r.id,
            kind=k,
            human=r.grade,
            predicted=f.score,
            flags=[str(x) for x in f.flags],
            tags=r.tags,
            base_id=r.base_id,
            excerpt=_excerpt(r.answer),
        )
        for r, f, k in zip(records, feedback, kinds, strict=True)
    ]
    human = [i.human for i in items]
    predicted = [i.predicted for i in items]
    accuracy, pairs = pairwise_accuracy([r.question.strip() for r in records], human, predicted)
    return EvalReport(
        grader=grader,
        n=len(items),
        spearman=spearman(human, predicted),
        qwk=quadratic_weighted_kappa(human, predicted),
        mae=mean_absolute_error(human, predicted),
        pairwise_accuracy=accuracy,
        pairwise_pairs=pairs,
        confusion=confusion_table(human, predicted),
        by_kind=_by_kind(items),
        worst=worst_disagreements(items, WORST_SHOWN),
        tags=tag_summaries(items),
        checks=attack_checks(items),
        items=items,
    )


def worst_disagreements(items: Sequence[ItemResult], n: int) -> list[ItemResult]:
    """The ``n`` items furthest from their human grade; ties broken by id for a stable list."""
    off = [i for i in items if i.predicted != i.human]
    return sorted(off, key=lambda i: (-abs(i.predicted - i.human), i.id))[:n]


def tag_summaries(items: Sequence[ItemResult]) -> list[TagSummary]:
    """One summary per tag, in alphabetical order."""
    summaries = []
    for tag in sorted({t for i in items for t in i.tags}):
        tagged = [i for i in items if tag in i.tags]
        summaries.append(
            TagSummary(
                tag=tag,
                n=len(tagged),
                mean_human=sum(i.human for i in tagged) / len(tagged),
                mean_predicted=sum(i.predicted for i in tagged) / len(tagged),
                max_predicted=max(i.predicted for i in tagged),
                share_at_most_2=sum(i.predicted <= 2 for i in tagged) / len(tagged),
            )
        )
    return summaries


def attack_checks(items: Sequence[ItemResult]) -> AttackChecks | None:
    """Gaming maximum, off-topic share scored <= 2, and variants scored above their base."""
    if not any(i.tags or i.base_id for i in items):
        return None
    by_id = {i.id: i for i in items}
    gaming = [i.predicted for i in items if "gaming" in i.tags and i.base_id is None]
    off_topic = [i.predicted for i in items if "off_topic" in i.tags]
    variants = [i for i in items if i.base_id is not None]
    raised = [v.id for v in variants if v.predicted > by_id[str(v.base_id)].predicted]
    return AttackChecks(
        gaming_count=len(gaming),
        gaming_max=max(gaming) if gaming else None,
        off_topic_count=len(off_topic),
        off_topic_share_at_most_2=sum(p <= 2 for p in off_topic) / len(off_topic)
        if off_topic
        else None,
        variants_count=len(variants),
        variants_raised=raised,
    )


def _by_kind(items: Sequence[ItemResult]) -> dict[str, KindFigures]:
    figures = {}
    for kind in Kind:
        subset = [i for i in items if i.kind is kind]
        if subset:
            human = [i.human for i in subset]
            predicted = [i.predicted for i in subset]
            figures[kind.value] = KindFigures(
                n=len(subset),
                spearman=spearman(human, predicted),
                mae=mean_absolute_error(human, predicted),
            )
    return figures


def _excerpt(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# ---------------------------------------------------------------- rendering


def render_json(report: EvalReport) -> str:
    """The whole report as indented JSON (metrics that are undefined are ``null``)."""
    return report.model_dump_json(indent=2)


def render_text(report: EvalReport, title: str = "") -> str:
    """The report as a few aligned tables a person can read in a terminal."""
    lines = [
        f"Grading quality{': ' + title if title else ''} "
        f"({report.n} answers, grader {report.grader})"
    ]
    pairwise = f"{_fmt(report.pairwise_accuracy)} ({report.pairwise_pairs} pairs)"
    for label, value in [
        ("Spearman rho", _fmt(report.spearman)),
        ("Quadratic weighted kappa", _fmt(report.qwk)),
        ("Mean absolute error", _fmt(report.mae)),
        ("Pairwise ordering accuracy", pairwise),
    ]:
        lines.append(f"  {label:<28}{value}")
    for kind, fig in report.by_kind.items():
        lines.append(f"  {kind:<28}n={fig.n:<4} rho {_fmt(fig.spearman)}  MAE {_fmt(fig.mae)}")
    lines += [
        "",
        "Confusion (rows: human grade, columns: predicted grade)",
        "        " + "".join(f"{'p' + str(g):>5}" for g in GRADES),
    ]
    for grade, row in zip(GRADES, report.confusion, strict=True):
        lines.append(f"    h{grade}  " + "".join(f"{count:>5}" for count in row))
    lines += ["", f"Worst disagreements (up to {WORST_SHOWN})"]
    lines += [
        f"  {i.id:<24} human {i.human} predicted {i.predicted}"
        f"{'  [' + ','.join(i.flags) + ']' if i.flags else ''}  {i.excerpt!r}"
        for i in report.worst
    ] or ["  none: every answer got its human grade"]
    if report.tags:
        lines += ["", f"  {'tag':<16}{'n':>4}{'human':>8}{'predicted':>11}{'max':>6}{'<=2':>7}"]
        lines += [
            f"  {t.tag:<16}{t.n:>4}{t.mean_human:>8.2f}{t.mean_predicted:>11.2f}"
            f"{t.max_predicted:>6}{t.share_at_most_2:>7.0%}"
            for t in report.tags
        ]
    if report.checks is not None:
        lines += ["", *_render_checks(report.checks)]
    return "\n".join(lines) + "\n"


def _render_checks(checks: AttackChecks) -> list[str]:
    share = checks.off_topic_share_at_most_2
    raised = ", ".join(checks.variants_raised) or "none"
    return [
        f"Gaming attempts (no base answer): {checks.gaming_count}, "
        f"highest score {checks.gaming_max if checks.gaming_max is not None else 'n/a'}",
        f"Off-topic answers scored <= 2: {checks.off_topic_count} answers, "
        f"{'n/a' if share is None else format(share, '.0%')}",
        f"Attack/padding variants scored above their base: "
        f"{len(checks.variants_raised)} of {checks.variants_count} ({raised})",
    ]


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
