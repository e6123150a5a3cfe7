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
