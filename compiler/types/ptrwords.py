"""Pointer-word offsets of a type, described in space independent of array lengths.

`typ.pointer_words` answers a short tuple for small types and a `Words` for large ones.
For `struct{ s *string; a [4000000]*string }` the offsets 0, 8, 16, ..., 32000000 are

    Words(parts=((0, 0, 1, (0,)), (8, 8, 4000000, (0,))))

one part per field (`shift + j*stride + w` for j < n and w in inner), so a frame holding
a huge array costs liveness a bisection, not four million entries. A Words is a sorted
`Sequence[int]`: indexing, `len`, `in` and iteration behave as on the tuple it stands
for (do NOT materialise it with `tuple(...)` outside dumps).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

Part = tuple[int, int, int, Sequence[int]]
"""(shift, stride, n, inner): the offsets shift + j*stride + w for j < n, w in inner."""

FLAT = 64
"""Offsets up to which a description is a plain tuple."""


@dataclass(frozen=True, slots=True, eq=False)
class Words(Sequence[int]):
    """A sorted sequence of offsets made of repeated parts (module docstring)."""

    parts: tuple[Part, ...]
    starts: tuple[int, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        acc, starts = 0, []
        for _, _, n, inner in self.parts:
            starts.append(acc)
            acc += n * len(inner)
        starts.append(acc)
        object.__setattr__(self, "starts", tuple(starts))

    def __len__(self) -> int:
        return self.starts[-1]

    @overload
    def __getitem__(self, k: int) -> int: ...

    @overload
    def __getitem__(self, k: slice) -> Sequence[int]: ...

    def __getitem__(self, k: int | slice) -> int | Sequence[int]:
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(len(self))))
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        p = bisect_right(self.starts, k) - 1
        shift, stride, _, inner = self.parts[p]
        q, r = divmod(k - self.starts[p], len(inner))
        return shift + q * stride + inner[r]

    def __iter__(self) -> Iterator[int]:
        for shift, stride, n, inner in self.parts:
            for j in range(n):
                for w in inner:
                    yield shift + j * stride + w

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, int) or not self:
            return False
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo < len(self) and self[lo] == x

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        if isinstance(other, Words) and other.parts == self.parts:
            return True
        return all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash((len(self), self[0] if self else 0, self[-1] if self else 0))


Run = tuple[int, int, int]
"""(first offset, count, stride): the offsets first + k*stride for k < count."""


def runs(offs: Sequence[int], a: int, b: int) -> Iterator[Run]:
    """The offsets offs[a:b] as arithmetic runs, found without visiting each offset of
    an array of single-word elements (a Words part whose element has one offset is one
    run; a range is one run)."""
    if a >= b:
        return
    if isinstance(offs, range):
        yield offs[a], b - a, offs.step
        return
    if not isinstance(offs, Words):
        yield from _scan([offs[k] for k in range(a, b)])
        return
    p = bisect_right(offs.starts, a) - 1
    while a < b:
        shift, stride, _, inner = offs.parts[p]
        end = min(b, offs.starts[p + 1])
        m = len(inner)
        if m == 1:
            j = a - offs.starts[p]
            yield shift + j * stride + inner[0], end - a, stride or 8
            a = end
            p += 1
            continue
        # elements of several words: the runs of one element (or of its part in range)
        q, r = divmod(a - offs.starts[p], m)
        take = min(m - r, end - a)
        for first, count, st in runs(inner, r, r + take):
            yield shift + q * stride + first, count, st
        a += take
        if a == end:
            p += 1


def _scan(xs: list[int]) -> Iterator[Run]:
    """Arithmetic runs of a short explicit list, greedily."""
    i = 0
    while i < len(xs):
        if i + 1 == len(xs):
            yield xs[i], 1, 8
            return
        st = xs[i + 1] - xs[i]
        j = i + 1
        while j + 1 < len(xs) and xs[j + 1] - xs[j] == st:
            j += 1
        yield xs[i], j - i + 1, st
        i = j + 1


def repeat(inner: Sequence[int], stride: int, n: int) -> Sequence[int]:
    """The offsets of n elements stride bytes apart, each with inner's offsets."""
    if not inner or n <= 0:
        return ()
    if n * len(inner) <= FLAT:
        return tuple(j * stride + w for j in range(n) for w in inner)
    return Words(((0, stride, n, inner),))


def concat(fields: Sequence[tuple[int, Sequence[int]]]) -> Sequence[int]:
    """The offsets of consecutive fields, each (offset, its offsets)."""
    parts: list[Part] = []
    flat: list[int] = []
    for off, ws in fields:
        if isinstance(ws, Words):
            if flat:
                parts.append((0, 0, 1, tuple(flat)))
                flat = []
            parts.append((off, 0, 1, ws))
        else:
            flat.extend(off + w for w in ws)
    if not parts:
        return tuple(flat)
    if flat:
        parts.append((0, 0, 1, tuple(flat)))
    return Words(tuple(parts))
