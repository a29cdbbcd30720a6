"""Keep a long run's C heap from growing: glibc's mmap threshold fixed at 128 KiB.

glibc serves a large allocation (an lxml tree of a big page, a parser's arrays) from its own
memory mapping and returns it to the system when freed, but it raises that threshold each
time such a block is freed, so later large blocks come from the heap, which keeps them after
they are freed. Over a run of a thousand pages a worker's peak then grew by a fifth and held
there (BENCHMARKS.md, "End to end, workers and memory"). Fixing the threshold stops the
ratchet. Linux with glibc only; elsewhere, or when the user set ``MALLOC_MMAP_THRESHOLD_``
in the environment (glibc reads it itself), nothing is changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: glibc's mallopt parameter number for the mmap threshold (malloc.h: M_MMAP_THRESHOLD).
M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024
#: the threshold while the parser runs (glibc's own ceiling): its arrays of 4-32 MiB come
#: from the heap and are reused batch after batch instead of being mapped and faulted in
#: afresh (about 6 GiB of fresh pages per 80 pages at 128 KiB, a tenth of the parse's CPU)
PARSE_THRESHOLD = 32 * 1024 * 1024

_done = False
_mallopt: Callable[[int, int], int] | None = None


def bound_heap(threshold: int = THRESHOLD) -> bool:
    """Fix glibc's mmap threshold for this process; True when it was set (once per process)."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    _done = mallopt(M_MMAP_THRESHOLD, threshold) == 1
    if _done:
        global _mallopt
        _mallopt = mallopt
    return _done


@contextmanager
def parser_heap() -> Iterator[None]:
    """Inside this block the mmap threshold is PARSE_THRESHOLD, then THRESHOLD again; nothing
    is changed where ``bound_heap`` changed nothing."""
    mallopt = _mallopt if _done else None
    if mallopt is None:
        yield
        return
    mallopt(M_MMAP_THRESHOLD, PARSE_THRESHOLD)
    try:
        yield
    finally:
        mallopt(M_MMAP_THRESHOLD, THRESHOLD)
