"""gc's `-d=KEY[=VALUE],...` switches: which keys exist, and the reports refgo can make.

refgo accepts exactly the keys gc 1.19 accepts, so a command line written for gc (the
`// errorcheck -d=panic` of Go's test tree) compiles here too:

    parse("panic,ssa/check_bce/debug=3,ssa/insert_resched_checks/off")
      -> {"panic": "1", "ssa/check_bce/debug": "3", "ssa/insert_resched_checks/off": "1"}
    parse("nosuchkey")       -> UsageError "unknown debug key nosuchkey"
    parse("ssa/nopass/on")   -> UsageError "Did not find a phase matching nopass ..."

The key table is gc's base.DebugFlags (lower-cased field names) and the SSA phase names
are gc's ssa.passes list, taken as data. Most keys ask gc to print about machinery refgo
does not have (SSA passes, write barriers, DWARF), or to change it;
those are accepted and do nothing — their reports stay silent, never invented. `report`
makes the ones refgo's lowered code can answer truthfully, as gc words them:

    -d=defer                  how each defer statement is compiled, as gc says it:
                              `open-coded defer` (the frame's exits call it),
                              `stack-allocated defer` (a record in the frame) or
                              `heap-allocated defer` (a record on the heap: in a loop)
    -d=ssa/check_bce/debug=N  `Found IsInBounds` / `Found IsSliceInBounds` at each index
                              or slice bounds check left after folding (prove.py), in
                              the package compiled, at the outermost inlined call
    -d=nil                    `generated nil check` at each explicit nil check
    -d=panic                  accepted: refgo already reports every internal error, even
                              after ordinary ones (gc hides those without -d=panic)

refgo's own switch `convinline` (driver.DEBUG_KEYS) is accepted as well.
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Diagnostics, Pos

INT_KEYS = frozenset({
    "append", "checkptr", "closure", "dclstack", "defer", "disablenil", "dumpptrs",
    "dwarfinl", "export", "gcprog", "inlfuncswithclosures", "libfuzzer", "locationlists",
    "nil", "noopendefer", "norefname", "panic", "slice", "softfloat", "syncframes",
    "typeassert", "typecheckinl", "unified", "wb", "abiwrap",
})
STRING_KEYS = frozenset({"pctab", "maymorestack"})
"""gc 1.19's base.DebugFlags: int switches (`k` means k=1) and string-valued ones."""

SSA_PASSES = (
    "number lines", "early phielim", "early copyelim", "early deadcode", "short circuit",
    "decompose user", "pre-opt deadcode", "opt", "zero arg cse", "opt deadcode",
    "generic cse", "phiopt", "gcse deadcode", "nilcheckelim", "prove", "early fuse",
    "decompose builtin", "expand calls", "softfloat", "late opt", "dead auto elim",
    "generic deadcode", "check bce", "branchelim", "late fuse", "dse", "writebarrier",
    "insert resched checks", "lower", "addressing modes", "lowered deadcode for cse",
    "lowered cse", "elim unread autos", "tighten tuple selectors", "lowered deadcode",
    "checkLower", "late phielim", "late copyelim", "tighten", "late deadcode", "critical",
    "phi tighten", "likelyadjust", "layout", "schedule", "late nilcheck", "flagalloc",
    "regalloc", "loop rotate", "stackframe", "trim",
)
REQUIRED_PASSES = frozenset({
    "number lines", "decompose user", "opt", "zero arg cse", "opt deadcode",
    "gcse deadcode", "decompose builtin", "expand calls", "softfloat", "late opt",
    "generic deadcode", "writebarrier", "lower", "tighten tuple selectors",
    "lowered deadcode", "checkLower", "critical", "layout", "schedule", "flagalloc",
    "regalloc", "stackframe",
})
"""gc 1.19's ssa.passes in order (spaces spelled `_` on the command line), and the ones
`-d=ssa/<pass>/off` may not disable."""

PASS_FLAGS = frozenset({"on", "off", "time", "mem", "debug", "stats", "test", "dump"})
SPECIAL_PHASES = {
    "all": ("time", "mem", "dump"),
    "intrinsics": ("on", "off", "debug"),
    "build": ("debug", "test", "stats", "dump"),
    "genssa": ("dump",),
}
SPECIAL_WANT = {
    "all": "ssa/all/{time,mem,dump=function_name}",
    "intrinsics": "ssa/intrinsics/{on,off,debug}",
    "build": "ssa/build/{debug,test,stats,dump=function_name}",
    "genssa": "ssa/genssa/dump=function_name",
}
REFGO_KEYS = frozenset({"convinline"})


class DebugKeyError(Exception):
    """A -d value gc would refuse; the message is gc's."""


def parse(val: str) -> dict[str, str]:
    """Returns the switches of one -d value, key -> value ("1" when none is written);
    an ssa key is stored whole (`ssa/prove/debug`). Raises DebugKeyError as gc would."""
    out: dict[str, str] = {}
    for item in val.split(","):
        if not item:
            continue
        name, valstr, sep = item, "", ""
        for i, c in enumerate(item):
            if c in "=:":
                name, sep, valstr = item[:i], c, item[i + 1:]
                break
        is_int = _is_int(valstr) if sep else True
        if name in INT_KEYS or name in REFGO_KEYS:
            if not is_int:
                raise DebugKeyError(f"invalid debug value {name}")
            out[name] = valstr if sep else "1"
        elif name in STRING_KEYS:
            out[name] = valstr
        elif name.startswith("ssa/"):
            phase, _, flag = name[4:].partition("/")
            _check_ssa(phase, flag or "debug")
            key = f"ssa/{phase}/{flag or 'debug'}"
            out[key] = valstr if sep and is_int else "1"
        else:
            raise DebugKeyError(f"unknown debug key {name}")
    return out


def _is_int(s: str) -> bool:
    try:
        int(s, 10)
    except ValueError:
        return False
    return True


def _check_ssa(phase: str, flag: str) -> None:
    """Raises DebugKeyError unless gc's ssa.PhaseOption accepts -d=ssa/phase/flag."""
    if phase == "check" and flag in ("on", "off", "seed"):
        return
    if phase in SPECIAL_PHASES:
        if flag not in SPECIAL_PHASES[phase]:
            raise DebugKeyError(f"Did not find a flag matching {flag} in -d=ssa/{phase} "
                                f"debug option (expected {SPECIAL_WANT[phase]})")
        return
    under = phase.replace("_", " ")
    matched = [p for p in SSA_PASSES if p in (phase, under)]
    if not matched:
        raise DebugKeyError(f"Did not find a phase matching {phase} in -d=ssa/... "
                            "debug option")
    if flag not in PASS_FLAGS:
        raise DebugKeyError(f"Did not find a flag matching {flag} in -d=ssa/{phase} "
                            "debug option")
    if flag == "off" and matched[0] in REQUIRED_PASSES:
        raise DebugKeyError(f"Cannot disable required SSA phase {phase} using "
                            f"-d=ssa/{phase} debug option")


def _on(debug: dict[str, str], key: str) -> bool:
    v = debug.get(key, "0")
    return v != "0" and v != ""


def report(prog: ir.Program, debug: dict[str, str], diags: Diagnostics,
           files: frozenset[str] | None = None) -> None:
    """Adds to diags, as warnings, the reports the -d switches in debug ask for that
    refgo's lowered (folded) program can answer, on the functions compiled from files
    (the package compiled) when given: gc reports on its package, not the library's.
    Bounds checks are reported, as gc reports them, at the outermost call of an inlined
    body and only in code compiled from files."""
    defer = _on(debug, "defer")
    bce = _on(debug, "ssa/check_bce/debug")
    nil = _on(debug, "nil")
    if not (defer or bce or nil):
        return
    for fn in prog.funcs:
        if files is not None and fn.pos.file not in files:
            continue
        for b in fn.blocks:
            for ins in b.instrs:
                if defer and isinstance(ins, ir.OpenDefers):
                    for pos in ins.at:
                        diags.warn(pos, "open-coded defer")
                elif defer and isinstance(ins, ir.DeferProc):
                    where = "heap" if ins.record is None else "stack"
                    diags.warn(ins.pos, f"{where}-allocated defer")
                elif nil and isinstance(ins, ir.NilCheck) and ins.pos.line > 1:
                    diags.warn(ins.pos, "generated nil check")
                elif bce and isinstance(ins, ir.CCall):
                    what = _bounds_op(ins.sym)
                    pos = _outermost(ins.pos)
                    if what and (files is None or pos.file in files):
                        diags.warn(pos, f"Found {what}")


def _outermost(pos: Pos) -> Pos:
    """The position of the call in the function compiled that pos was inlined into."""
    while pos.inl is not None:
        pos = pos.inl.call
    return pos


def _bounds_op(sym: str) -> str:
    """gc's SSA op for the bounds check whose failure calls runtime function sym."""
    if sym.startswith("runtime.panicIndex"):
        return "IsInBounds"
    if sym.startswith("runtime.panicSlice") and sym != "runtime.panicSliceConvert":
        return "IsSliceInBounds"
    return ""
