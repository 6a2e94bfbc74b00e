"""Medians and percentiles of small samples (stdlib only, no numpy)."""

import math


def percentile(values, p):
    """The p-th percentile (0-100) with linear interpolation between ranks; None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values):
    return percentile(values, 50)


def summary(values):
    """n, median, p95, max of a sample (None figures when it is empty)."""
    values = list(values)
    return {
        "n": len(values),
        "median": median(values),
        "p95": percentile(values, 95),
        "max": max(values) if values else None,
    }
