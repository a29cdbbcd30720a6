"""Gzip-compressed input, read with limits: a compression bomb or a damaged file is an error
code for that input (E113, E114), never a full disk, a full memory or a crash.

- ``Inflated`` wraps a gzip stream. Every read is bounded by its caller's size argument, and
  once more than ``INFLATE_FLOOR`` bytes have come out, a stream that has inflated more than
  ``Options.max_inflate_ratio`` times the compressed bytes read so far is stopped (E113):
  text and HTML compress 3 to 20 times, a bomb a thousand times. A truncated or corrupt
  stream (cut short, bad CRC, invalid deflate data) is E114.
- ``bounded_lines`` reads lines of at most ``limit`` bytes without ever holding a longer
  one: an over-long line comes out cut to ``limit + 1`` bytes (so the caller can tell and
  refuse it), and the rest of it is skipped.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from dateline.errors import SourceError

#: Below this many inflated bytes the ratio is not judged: small files compress unevenly.
INFLATE_FLOOR = 16 << 20
_SKIP_CHUNK = 1 << 20
_PIECE = 1 << 20


class _Counting:
    """The compressed side: counts the bytes the decompressor takes."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.taken = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.taken += len(data)
        return data


class Inflated:
    """A gzip stream that refuses to inflate a bomb and reports damage as SourceError."""

    def __init__(self, raw: BinaryIO, name: str, max_ratio: float) -> None:
        self._counted = _Counting(raw)
        self._gzip = gzip.GzipFile(fileobj=cast(BinaryIO, self._counted), mode="rb")
        self.name = name
        self.max_ratio = max_ratio
        self.inflated = 0

    def read(self, size: int = -1) -> bytes:
        return self._pieces(size, line=False)

    def readline(self, size: int = -1) -> bytes:
        return self._pieces(size, line=True)

    def _pieces(self, size: int, *, line: bool) -> bytes:
        """Read in pieces of at most ``_PIECE`` bytes, judging the ratio after each, so a
        bomb is caught a piece past the floor, not after a whole ``size`` of it."""
        pieces: list[bytes] = []
        wanted = size if size >= 0 else float("inf")
        while wanted > 0:
            n = int(min(wanted, _PIECE))
            reader = self._gzip.readline if line else self._gzip.read
            piece = self._checked(lambda: reader(n))  # noqa: B023 (called at once)
            if not piece:
                break
            pieces.append(piece)
            wanted -= len(piece)
            if line and piece.endswith(b"\n"):
                break
        return b"".join(pieces)

    def close(self) -> None:
        self._gzip.close()

    def _checked(self, step: Callable[[], bytes]) -> bytes:
        try:
            data = step()
        except (EOFError, OSError, zlib.error) as exc:
            raise SourceError(
                f"the gzip data of {self.name} is truncated or corrupt ({exc}); re-copy or "
                "re-compress the file",
                code="E114",
            ) from None
        self.inflated += len(data)
        if self.inflated > INFLATE_FLOOR and self.inflated > self.max_ratio * max(
            1, self._counted.taken
        ):
            raise SourceError(
                f"{self.name} inflates more than {self.max_ratio:g} times its compressed size "
                f"({self._counted.taken} bytes gave {self.inflated} and counting): a "
                "compression bomb? Raise max_inflate_ratio if the file is genuine",
                code="E113",
            )
        return data


def bounded_lines(stream: BinaryIO | Inflated, limit: int) -> Iterator[bytes]:
    """The lines of ``stream``, none longer than ``limit + 1`` bytes (see the module doc)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            skip_rest_of_line(stream)
        yield line


def skip_rest_of_line(stream: BinaryIO | Inflated) -> None:
    """Read up to and including the next newline, a megabyte at a time, keeping nothing."""
    while True:
        rest = stream.readline(_SKIP_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return
