"""Counting work instead of timing it: the Python and C function calls a piece of code
makes. A given input always makes the same calls, whatever else the machine is doing, so
a test can bound how work grows (timings live in benchmarks/, where noise is expected)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Calls per character any analysis may make: about 20-170 now on dense marks and words; a
# role looked up role by role (1,100 on one-letter sentences) exceeded it.
CALL_BUDGET_PER_CHAR = 400


def calls_made(work: Callable[[], T]) -> tuple[T, int]:
    """What `work()` returns, and how many function calls it made (a generator's resumption
    counts as a call, so a loop hidden in `any(...)` counts per step)."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return result, calls
