"""Small numpy helpers shared by the stages that work on whole arrays (dedup, related)."""

from __future__ import annotations

import numpy as np


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """np.unique by a sort: numpy's hash-based unique of integers is several times slower
    on the pair arrays of a 10,000-article corpus."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values
