"""Run one function in a forked process while the build goes on: the second core.

After extraction, the build's work is one process: related articles (numpy, ~2 s at
10,000 articles) and the list pages (Python, ~1 s) could use both cores, but threads do
not help (each of numpy's many calls waits for the interpreter lock the page rendering
holds). A fork inherits the build's memory, computes the function and sends back its
result, pickled through a pipe; meanwhile the build renders.

Where fork is unavailable or unsafe (other threads running: `mkdocs serve`), or when the
child fails, the function simply runs in the build's process: same result, less speed.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def beside(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """Start `fn(*args)`; the returned function waits for its result."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return lambda: fn(*args)
    read, write = os.pipe()
    parent = os.getpid()
    with sigint_deferred():  # the child leaves it too: its mask is the parent's again
        pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
        status = 1
        try:
            die_with(parent)
            os.close(read)
            data = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as fh:
                fh.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)

    def result() -> Any:
        with os.fdopen(read, "rb") as fh:
            data = fh.read()
        _pid, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return fn(*args)  # the child failed: again here, where an error is reported as usual
        return pickle.loads(data)
    return result


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Ctrl-C held back while the block forks, and delivered as it ends. A SIGINT that falls
    in a fork's own handlers (logging's, registered with os.register_at_fork) raises there,
    where Python only prints "Exception ignored" and a traceback: the build went on to the
    end and exited 0, as if never interrupted. Blocked, the signal waits, and raises
    KeyboardInterrupt at the first line after the block (the CLI's one line, exit 130).
    Children forked in the block start with it blocked: they unblock it (`sigint_restored`)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def sigint_restored() -> None:
    """In a process forked inside `sigint_deferred`: Ctrl-C acts on it as before."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def die_with(parent: int) -> None:
    """A child that writes files must not outlive a killed build (a next build would find
    a second writer in content/), nor may an extraction worker (adopted by init, it waited
    for ever on its pipe): Linux kills it with its parent."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's death goes unnoticed
        return
    if os.getppid() != parent:  # killed before the call above took effect
        os._exit(1)
