"""The one mean (progress/rules/stats.py): pure, tested without a database."""

from fractions import Fraction

import pytest

from progress.rules.stats import exact_mean, mean


class TestMean:
    def test_it_averages_whole_and_decimal_numbers(self):
        assert mean([2, 3]) == 2.5
        assert mean([4.5, 1.5, 3.0]) == 3.0
        assert mean([7]) == 7

    def test_it_takes_any_sized_collection(self):
        assert mean((1, 2, 3, 6)) == 3

    def test_it_refuses_to_average_nothing(self):
        with pytest.raises(ValueError):
            mean([])


class TestExactMean:
    def test_it_keeps_a_threshold_comparison_exact(self):
        # The weekly guard's boundary: as floats, 10/3 - 4/3 is not quite 2.
        assert exact_mean([3, 3, 4]) - exact_mean([1, 1, 2]) == 2
        assert exact_mean([1, 2]) == Fraction(3, 2)

    def test_it_refuses_to_average_nothing(self):
        with pytest.raises(ValueError):
            exact_mean([])
