"""Fault sites: the instructions of a function that may fault, labelled for the runtime's
pc-line table of faulting pcs (`runtime.pcfault`).

A nil dereference faults at an instruction, not at a call, so runtime.pctab (return
addresses) does not describe it; gc's pc-line table covers every pc. refgo labels each
instruction that reads or writes memory through a register other than %rbp/%rsp/%rip
(or with a string instruction) whose source position differs from the last labelled
one of the function, so the last label at or below a faulting pc names its line:

    movq    -8(%rbp), %rax          # not a fault site (the frame)
    .Lflt.main.f.0:
    movq    8(%rax), %rcx           # x.go:7, may fault: labelled
    movq    16(%rax), %rdx          # x.go:7 again: covered by the label above
    .Lflt.main.f.1:
    movq    (%rcx), %rsi            # x.go:8: labelled

The runtime's walk reports the frame a SIGSEGV interrupted at that line
(compiler/runtime/introspect.c), as gc's tracebacks, Caller and Callers do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from compiler.diag import Pos

if TYPE_CHECKING:
    from compiler.amd64 import Line

_MEMREF = re.compile(r"\((?!%rbp\)|%rsp\)|%rip\))%")
_STRING_OPS = ("rep", "movs", "stos", "cmps", "lods", "scas")


@lru_cache(maxsize=1 << 16)
def may_fault(text: str) -> bool:
    """Whether the instruction text accesses memory that a nil or bad pointer may make
    fault: through a register other than the frame's, or with a string instruction
    (memoized: asked of every instruction, and functions repeat their texts)."""
    if text.startswith(("lea", "nop", "prefetch")):
        return False
    return _MEMREF.search(text) is not None or text.startswith(_STRING_OPS)


def _key(pos: Pos) -> tuple[str, int, object]:
    return pos.file, pos.line, pos.inl


def label_faults(lines: list[Line], fname: str, prefix: str,
                 make: type[Line]) -> tuple[list[Line], list[tuple[str, Pos]]]:
    """lines with a label before each fault site whose position differs from the
    previous site's (labels named `prefix.N`), and those labels with their positions,
    in text order; `make` builds a label line."""
    out: list[Line] = []
    sites: list[tuple[str, Pos]] = []
    last: tuple[str, int, object] | None = None
    for ln in lines:
        if ln.pos is not None and may_fault(ln.text) and _key(ln.pos) != last:
            last = _key(ln.pos)
            lab = f"{prefix}.{len(sites)}"
            out.append(make(lab + ":", None))
            sites.append((lab, ln.pos))
        out.append(ln)
    return out, sites
