"""The one mean: every average the product shows or compares, with no Django imports.

Two flavours of one rule. `mean` is a float for what is drawn and printed (charts, tables,
the report); `exact_mean` is a fraction for what a rule compares with a threshold, where a
float would land on the wrong side of a boundary (10/3 - 4/3 is 2, not 1.999...).
"""

from __future__ import annotations

from collections.abc import Collection
from fractions import Fraction


def mean(values: Collection[float]) -> float:
    """The arithmetic mean of some numbers; there must be at least one."""
    if not values:
        raise ValueError("The mean of nothing is undefined.")
    # sum / len rather than statistics.fmean: a dashboard takes hundreds of means per page.
    return sum(values) / len(values)


def exact_mean(values: Collection[int]) -> Fraction:
    """The mean of whole numbers (ratings), exactly; there must be at least one."""
    if not values:
        raise ValueError("The mean of nothing is undefined.")
    return Fraction(sum(values), len(values))
