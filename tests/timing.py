"""Linear time, checked without a wall-clock limit.

A test runs the same work on a small input and on one SCALE times larger,
taking turns, and keeps the shortest run of each: it stops as soon as the
shortest times grow within the limit, after at most RUNS runs. Linear work
takes SCALE times longer on the large input, quadratic work SCALE² times;
a slow or busy machine slows both inputs alike, so only the ratio is
asserted. The tests run beside others, one process per CPU: times are the
process's processor time, which leaves out the time it waits for the
processor, and a run that still looks too slow is measured again.
Absolute figures are measured in benchmarks/.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import time

import pytest

MB = 1_000_000
SCALE = 8  # the large input is 8 times the small one
GROWTH_LIMIT = 24  # linear work grows 8 times, quadratic work 64 times
FLOOR = 0.002  # seconds: shorter times count as this, so that noise on tiny times is no growth
RUNS = 5  # at most: a run within the limit ends the measuring (best_times)
HANG = 300  # seconds: a catastrophic regular expression would run for hours


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


@contextlib.contextmanager
def hang_guard(seconds: int = HANG):
    """Fail instead of hanging. Python's regular expression engine checks
    for signals, so the alarm interrupts it."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    except TimeoutError as err:
        # Without the traceback: frames interrupted inside the regular
        # expression engine have no line number, which pytest cannot print.
        pytest.fail(str(err), pytrace=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def no_garbage_collection():
    """The cyclic garbage collector's full passes scan every live object,
    and where they fall is luck: they would add noise, not complexity."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def seconds(function, *args) -> float:
    """The processor time ``function(*args)`` takes: the time the process
    runs, not the time it waits while other processes (the other tests)
    have the processor."""
    with no_garbage_collection():
        start = time.process_time()
        function(*args)
        return time.process_time() - start


def best_times(measure, small, large, checked=None) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """``measure(input)`` returns a tuple of times; the shortest of each
    over up to RUNS runs on the small and the large input, taking turns.
    The runs stop as soon as every time at the indices ``checked`` (all by
    default) grows within the limit: further runs could only lower the
    shortest times, so linear work is usually measured once, and only a
    run that looks too slow is measured again."""
    smalls, larges = [], []
    for _ in range(RUNS):
        smalls.append(measure(small))
        larges.append(measure(large))
        best_small = tuple(min(times) for times in zip(*smalls))
        best_large = tuple(min(times) for times in zip(*larges))
        indices = range(len(best_small)) if checked is None else checked
        if all(growth(best_small[i], best_large[i]) <= GROWTH_LIMIT for i in indices):
            break
    return best_small, best_large


def growth(small: float, large: float) -> float:
    return max(large, FLOOR) / max(small, FLOOR)


def check_growth(what: str, small: float, large: float) -> None:
    assert growth(small, large) <= GROWTH_LIMIT, (
        f"{what}: {small:.3f} s -> {large:.3f} s for {SCALE} times the input (at most {GROWTH_LIMIT} times the time)"
    )


def assert_linear(function, make, size: int = MB) -> None:
    """``function(make(n))`` takes time linear in ``n``, from ``size / SCALE`` to ``size``."""
    small, large = make(size // SCALE), make(size)
    with hang_guard():
        (small_time,), (large_time,) = best_times(lambda text: (seconds(function, text),), small, large)
    check_growth(f"{getattr(function, '__name__', 'function')}({large[:30]!r}...)", small_time, large_time)
