"""backend: the per-function back end, in N processes (gc's -c=N).

    fold → liveness → regalloc → amd64     per function: fold.fold_func,
                                            liveness.liveness_func, regalloc.alloc_func,
                                            amd64.func_code

From fold on, every pass looks at one function at a time (each *_program is a loop over
prog.funcs), so `codes` runs them function by function: in `processes` processes, this
one and forked children, each given a share of the functions balanced by their size
(`shares`). A child sends back plain data through a pipe: each function's
funccode.FuncCode (its text, call and fault sites, stack maps, float constants) and -S
lines, pickled; the parent puts them in the program's function order and
amd64.program_text assembles them. The driver's phase-at-a-time passes (-c=1) end in
amd64.emit_program, which is program_text over the same func_code of the same
functions: the output is byte-identical for every -c.

    codes(prog.funcs, Options(opt=True), 2)    # [(FuncCode, ""), ...] or None

What runs in one process, and why:

  - syntax through inline. inline renames the slots of the bodies it copies from one
    program-wide counter (`x·N`), and walk numbers the string literals' symbols
    (`go.string.N`) in the order it meets them: in shares the names, hence the code,
    would depend on the split.
  - a compile that reports from the back end (-live; -d=defer, nil,
    ssa/check_bce/debug; -dump of fold, live or regs): the reports come out in the
    phase-at-a-time order (`usable`). gc refuses -c>1 with -live or any -d.
  - a package of less than MIN_WORK IR instructions a process: on a busy machine a
    child's extra CPU would cost more than splitting it could save (`processes`).

A child whose back end raises (an InternalError, the frame-too-large errors, any bug)
sends back only that it failed; `codes` then returns None and the caller runs the
phase-at-a-time back end, which reports the same error as -c=1, the first in phase
order (not the first a child met). A child that dies (a signal, the OOM killer) or
sends back a truncated result is an InternalError at its first function, one line.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from compiler import amd64, fold, gcdebug, ir, liveness, regalloc
from compiler.diag import InternalError
from compiler.funccode import FuncCode

MIN_WORK = 10_000
"""The IR instructions (blocks counted as one each) a process's share must have for the
back end to fork for it: about 0.3 s of back end. A child costs 13-30% more CPU than
its share did in one process (copy-on-write faults, cold caches; the fork and the
pickled reply are 1-2 ms): nothing on a machine with a free CPU, where the share runs
beside the parent's, but a loss on a saturated one, so a small package keeps one
process (docs/performance.md "Compile speed"). The 1,000-line benchmark program has
8,800 (0.26 s), its 10,000-line program 90,000."""

Code = tuple[FuncCode, str]
"""One function's code and its -S lines ("" unless asked)."""

_HEAD = struct.Struct("<?Q")
"""A child's reply header: whether its back end ran, the pickle's length."""


@dataclass(frozen=True, slots=True)
class Options:
    """opt: fold and allocate registers (not -N); listing: the -S lines too."""

    opt: bool = True
    listing: bool = False


def usable(dump: str | None, live: bool, debug: dict[str, str]) -> bool:
    """Whether a compile with these switches may run the back end function by function:
    no -dump but asm's, no -live, no -d switch the folded program reports on."""
    return dump in (None, "asm") and not live and not gcdebug.reports(debug)


def work(f: ir.Func) -> int:
    """f's back end work, in IR instructions (a block counts as one)."""
    return sum(len(b.instrs) + 1 for b in f.blocks)


def processes(funcs: Sequence[ir.Func], concurrency: int) -> int:
    """How many processes the back end of funcs runs in under -c=concurrency: at most
    the CPUs this process may use (gc's goroutines have GOMAXPROCS threads), and
    MIN_WORK instructions each; 1 means no child."""
    n = min(concurrency, cpus(), len(funcs))
    if n <= 1:
        return 1
    return max(1, min(n, sum(work(f) for f in funcs) // MIN_WORK))


def cpus() -> int:
    """The CPUs this process may run on (GOMAXPROCS' default)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def func_code(f: ir.Func, opts: Options) -> Code:
    """The back end of one walked and inlined function: the passes do to it what their
    *_program does to each function of a program."""
    if opts.opt:
        f = fold.fold_func(f)
    fl = liveness.liveness_func(f)
    alloc = regalloc.alloc_func(f, fl) if opts.opt else regalloc.NONE
    return amd64.func_code(f, alloc, fl, opts.listing)


def shares(weights: Sequence[int], n: int) -> list[list[int]]:
    """The indices of weights split into at most n non-empty shares of about equal
    total weight (the heaviest first, each to the lightest share), each in order."""
    loads = [0] * n
    out: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        k = loads.index(min(loads))
        out[k].append(i)
        loads[k] += weights[i] + 1
    return [sorted(s) for s in out if s]


def codes(funcs: Sequence[ir.Func], opts: Options, procs: int) -> list[Code] | None:
    """The code of every function of funcs, in order, made in procs processes (this one
    and procs-1 forked children); None if the back end of one raised (the caller runs
    the phase-at-a-time back end for the error). Raises InternalError if a child died.
    do NOT call it with threads running: a forked child has only the caller's."""
    parts = shares([work(f) for f in funcs], procs)
    out: list[Code | None] = [None] * len(funcs)
    kids: dict[int, tuple[int, list[int]]] = {}
    # Objects the children inherit stay out of their collections (and this process's,
    # until it is done): a collection would touch, hence copy, every page of the heap.
    gc.freeze()
    try:
        for share in parts[1:]:
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                _child(funcs, share, opts, w)
            os.close(w)
            kids[pid] = (r, share)
        try:
            for i in parts[0]:
                out[i] = func_code(funcs[i], opts)
        except Exception:  # noqa: BLE001 - the phase-at-a-time rerun reports it
            return None
        for pid in list(kids):
            r, share = kids.pop(pid)
            got = _reply(pid, r, funcs[share[0]], len(share) - 1)
            if got is None:
                return None
            for i, c in zip(share, got, strict=True):
                out[i] = c
    finally:
        gc.unfreeze()
        for pid, (r, _) in kids.items():
            os.close(r)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    return [c for c in out if c is not None]


def _child(funcs: Sequence[ir.Func], share: list[int], opts: Options, w: int) -> NoReturn:
    """A forked child's life: the code of funcs[share], pickled to w; never returns
    (do NOT let it: it would go on as a second copy of the compiler)."""
    status = 0
    try:
        try:
            payload = pickle.dumps([func_code(funcs[i], opts) for i in share],
                                   protocol=pickle.HIGHEST_PROTOCOL)
            ok = True
        except Exception:  # noqa: BLE001 - the parent reruns the back end for the report
            payload, ok = b"", False
        with os.fdopen(w, "wb") as f:
            f.write(_HEAD.pack(ok, len(payload)))
            f.write(payload)
    except BaseException:  # noqa: BLE001 - a child has no traceback to print
        status = 1
    finally:
        os._exit(status)


def _reply(pid: int, r: int, first: ir.Func, others: int) -> list[Code] | None:
    """The codes child pid sent through r, or None if its back end raised; raises
    InternalError, at first (the first of its share's 1+others functions), if it died or
    its reply is cut short. Closes r and reaps the child, whatever happens."""
    try:
        with os.fdopen(r, "rb") as f:
            data = f.read()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    why = ""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        why = f"killed by signal {sig} ({signal.Signals(sig).name})" \
            if sig in signal.valid_signals() else f"killed by signal {sig}"
    elif os.waitstatus_to_exitcode(status) != 0:
        why = f"exited with status {os.waitstatus_to_exitcode(status)}"
    elif len(data) < _HEAD.size or len(data) != _HEAD.size + _HEAD.unpack_from(data)[1]:
        why = "sent back a truncated result"
    if why:
        raise InternalError(first.pos, f"back end process (-c) compiling {first.name} and "
                                       f"{others} other functions {why}")
    ok, _ = _HEAD.unpack_from(data)
    if not ok:
        return None
    got: list[Code] = pickle.loads(data[_HEAD.size:])
    return got
