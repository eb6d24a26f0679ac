"""How well a grader agrees with fair human grades: the ``eval`` command's engine.

    metrics.py   Spearman's rho, quadratic weighted kappa, MAE, pairwise ordering, confusion
    records.py   the eval file (``grade`` input plus ``"grade": 1-5``, ``tags``, ``base_id``)
    report.py    grade every record, build an ``EvalReport``, render it as text or JSON
    cli.py       the ``eval`` sub-command of ``python -m interview``

Nothing here imports streamlit; the CLI (``python -m interview eval``) and
``benchmarks/grading_quality.py`` are its users.
"""

from interview.evaluation.metrics import (
    average_ranks,
    confusion_table,
    mean_absolute_error,
    pairwise_accuracy,
    pearson,
    quadratic_weighted_kappa,
    spearman,
)
from interview.evaluation.records import (
    EvalFileError,
    EvalRecord,
    parse_eval_lines,
    read_eval_file,
)
from interview.evaluation.report import (
    AttackChecks,
    EvalReport,
    ItemResult,
    TagSummary,
    build_report,
    default_question,
    evaluate,
    grade_records,
    render_json,
    render_text,
    worst_disagreements,
)

__all__ = [
    "AttackChecks",
    "EvalFileError",
    "EvalRecord",
    "EvalReport",
    "ItemResult",
    "TagSummary",
    "average_ranks",
    "build_report",
    "confusion_table",
    "default_question",
    "evaluate",
    "grade_records",
    "mean_absolute_error",
    "pairwise_accuracy",
    "parse_eval_lines",
    "pearson",
    "quadratic_weighted_kappa",
    "read_eval_file",
    "render_json",
    "render_text",
    "spearman",
    "worst_disagreements",
]
