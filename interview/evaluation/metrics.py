"""Agreement metrics between human and predicted grades, as pure functions (no scipy).

Metrics that are undefined for the data (a constant column, fewer than two items) are ``None``
rather than NaN, so JSON output stays valid and text output can say "n/a".
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, where tied values share the mean of the ranks they occupy."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1  # mean of ranks start+1 .. end+1
        for position in range(start, end + 1):
            ranks[order[position]] = shared
        start = end + 1
    return ranks


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's correlation, or ``None`` when either side is constant or too short."""
    _same_length(xs, ys)
    if len(xs) < 2:
        return None
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's correlation of the average ranks (ties handled)."""
    _same_length(xs, ys)
    return pearson(average_ranks(xs), average_ranks(ys))


def quadratic_weighted_kappa(
    human: Sequence[int], predicted: Sequence[int], low: int = 1, high: int = 5
) -> float | None:
    """Cohen's kappa with quadratic weights on the grades ``low..high``.

    ``None`` when agreement expected by chance is already total (both sides one grade).
    """
    _same_length(human, predicted)
    if not human:
        return None
    size = high - low + 1
    observed = confusion_table(human, predicted, low, high)
    hist_h = [sum(row) for row in observed]
    hist_p = [sum(observed[i][j] for i in range(size)) for j in range(size)]
    n = len(human)
    num = den = 0.0
    for i in range(size):
        for j in range(size):
            weight = (i - j) ** 2 / (size - 1) ** 2
            num += weight * observed[i][j]
            den += weight * hist_h[i] * hist_p[j] / n
    return None if den == 0 else 1 - num / den


def mean_absolute_error(human: Sequence[float], predicted: Sequence[float]) -> float | None:
    """Mean of |human - predicted|, or ``None`` for no items."""
    _same_length(human, predicted)
    if not human:
        return None
    return sum(abs(h - p) for h, p in zip(human, predicted, strict=True)) / len(human)


def pairwise_accuracy(
    groups: Sequence[str], human: Sequence[int], predicted: Sequence[int]
) -> tuple[float | None, int]:
    """Share of same-group pairs with different human grades that the prediction orders alike.

    A predicted tie counts half. Returns ``(accuracy, number_of_pairs)``; accuracy is ``None``
    when there is no such pair.
    """
    _same_length(groups, human)
    _same_length(human, predicted)
    credit, pairs = 0.0, 0
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            if groups[a] != groups[b] or human[a] == human[b]:
                continue
            pairs += 1
            agreement = (human[a] - human[b]) * (predicted[a] - predicted[b])
            credit += 1.0 if agreement > 0 else 0.5 if agreement == 0 else 0.0
    return (credit / pairs if pairs else None), pairs


def confusion_table(
    human: Sequence[int], predicted: Sequence[int], low: int = 1, high: int = 5
) -> list[list[int]]:
    """Counts with rows = human grade and columns = predicted grade, ``low..high``."""
    _same_length(human, predicted)
    size = high - low + 1
    table = [[0] * size for _ in range(size)]
    for h, p in zip(human, predicted, strict=True):
        table[h - low][p - low] += 1
    return table


def _same_length(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"sequences differ in length: {len(a)} and {len(b)}")
