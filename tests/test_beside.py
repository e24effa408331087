"""beside(): a function computed in a forked process, or here when that is not safe."""

from __future__ import annotations

import os
import threading

import pytest

from aseankb.beside import beside


def test_runs_in_another_process_and_returns_its_result() -> None:
    pid, value = beside(lambda x: (os.getpid(), x * 2), 21)()
    assert value == 42 and pid != os.getpid()


def test_a_large_result_comes_back_whole() -> None:
    data = beside(lambda: bytes(range(256)) * 20_000)()  # more than a pipe's buffer
    assert data == bytes(range(256)) * 20_000


def test_a_failing_child_means_the_error_is_raised_here() -> None:
    calls = []

    def boom() -> None:
        calls.append(os.getpid())
        raise ValueError("bad input")
    with pytest.raises(ValueError, match="bad input"):
        beside(boom)()
    assert calls == [os.getpid()]  # the parent's own attempt (the child's list is its own)


def test_with_other_threads_running_it_runs_here() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert beside(os.getpid)() == os.getpid()
    finally:
        stop.set()
        other.join()
