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

refgo's own switch `convinline` (driver.DEBUG_KEYS) is accepted as well. `-d help`
prints gc's list of the keys with their help (`help_text`), each key refgo accepts and
ignores saying so, and ends the command (DebugHelp), as gc does; `-d=ssa/help` is
refused with gc's usage of the ssa/ options (`ssa_usage`).
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Diagnostics, Pos

GC_HELP = {
    "append": "print information about append compilation",
    "checkptr": "instrument unsafe pointer conversions\n0: instrumentation disabled\n"
                "1: conversions involving unsafe.Pointer are instrumented\n"
                "2: conversions to unsafe.Pointer force heap allocation",
    "closure": "print information about closure compilation",
    "dclstack": "run internal dclstack check",
    "defer": "print information about defer compilation",
    "disablenil": "disable nil checks",
    "dumpptrs": "show Node pointers values in dump output",
    "dwarfinl": "print information about DWARF inlined function creation",
    "export": "print export data",
    "gcprog": "print dump of GC programs",
    "inlfuncswithclosures": "allow functions with closures to be inlined",
    "libfuzzer": "enable coverage instrumentation for libfuzzer",
    "locationlists": "print information about DWARF location list creation",
    "nil": "print information about nil checks",
    "noopendefer": "disable open-coded defers",
    "norefname": "do not include referenced symbol names in object file",
    "pctab": "print named pc-value table\n"
             "One of: pctospadj, pctofile, pctoline, pctoinline, pctopcdata",
    "panic": "show all compiler panics",
    "slice": "print information about slice compilation",
    "softfloat": "force compiler to emit soft-float code",
    "syncframes": "how many writer stack frames to include at sync points in unified "
                  "export data",
    "typeassert": "print information about type assertion inlining",
    "typecheckinl": "eager typechecking of inline function bodies",
    "unified": "enable unified IR construction",
    "wb": "print information about write barriers",
    "abiwrap": "print information about ABI wrapper generation",
    "maymorestack": "call named function before all stack growth checks",
}
"""gc 1.19's help of each key (base.DebugFlags' `help` tags), which `-d help` prints."""

REFGO_HELP = {
    "convinline": "refgo: 0 builds every value-to-interface conversion with runtime.convT "
                  "or its kin\n(none on the stack), for old/new figures",
    "defer": "", "nil": "", "noopendefer": "",
    "panic": "refgo: accepted; internal errors are shown even after other errors anyway",
    "ssa/help": "refgo: ssa/check_bce/debug reports bounds checks; other ssa/ options "
                "are accepted and do nothing",
}
"""What refgo says after gc's help of a key it honours in its own way or that is its
own ("": gc's help is the whole truth); every other key's help says it does nothing."""

NOOP_HELP = "refgo: accepted, does nothing"

DEBUG_HELP_HEADER = "usage: -d arg[,arg]* and arg is <key>[=<value>]\n\n<key> is one of:\n\n"
"""gc's (cmd/internal/objabi's debugHelpHeader)."""

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


class DebugHelp(Exception):
    """`-d help`: the command prints `text` on stdout and exits 0, as gc does."""

    def __init__(self, text: str) -> None:
        super().__init__("help")
        self.text = text


def help_text() -> str:
    """The usage of -d as gc 1.19 prints it (objabi.DebugFlag.Set), with refgo's own key
    and refgo's word on each key after gc's, as more lines of its help."""
    helps = {k: _joined(GC_HELP.get(k, ""), REFGO_HELP.get(k, NOOP_HELP))
             for k in (*GC_HELP, *REFGO_KEYS)}
    width = max(len("ssa/help"), *map(len, helps))
    indent = "\n\t" + " " * width + "\t"
    rows = [(k, helps[k]) for k in sorted(helps)]
    rows.append(("ssa/help", _joined("print help about SSA debugging", REFGO_HELP["ssa/help"])))
    return DEBUG_HELP_HEADER + "".join(
        f"\t{k:<{width}}\t{h.replace(chr(10), indent)}\n" for k, h in rows)


def _joined(*lines: str) -> str:
    return "\n".join(ln for ln in lines if ln)


def parse(val: str) -> dict[str, str]:
    """Returns the switches of one -d value, key -> value ("1" when none is written);
    an ssa key is stored whole (`ssa/prove/debug`). Raises DebugKeyError as gc would,
    and DebugHelp at a `help` item (after checking the items before it, as gc)."""
    out: dict[str, str] = {}
    for item in val.split(","):
        if not item:
            continue
        if item == "help":
            raise DebugHelp(help_text())
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
    """Raises DebugKeyError unless gc's ssa.PhaseOption accepts -d=ssa/phase/flag; with
    gc's usage of the ssa/ options for phase `help` (or none)."""
    if phase in ("", "help"):
        raise DebugKeyError(ssa_usage())
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


def ssa_usage() -> str:
    """gc 1.19's usage of -d=ssa/... (ssa.PhaseOption's for phase help), its phase list
    wrapped as gc wraps it."""
    names, last = "    check, all, build, intrinsics, genssa", 0
    for p in SSA_PASSES:
        pn = p.replace(" ", "_")
        if len(pn) + len(names) - last > 70:
            names += "\n    "
            last = len(names)
            names += pn
        else:
            names += ", " + pn
    return SSA_USAGE.format(phases=names)


SSA_USAGE = """PhaseOptions usage:

    go tool compile -d=ssa/<phase>/<flag>[=<value>|<function_name>]

where:

- <phase> is one of:
{phases}

- <flag> is one of:
    on, off, debug, mem, time, test, stats, dump, seed

- <value> defaults to 1

- <function_name> is required for the "dump" flag, and specifies the
  name of function to dump after <phase>

Phase "all" supports flags "time", "mem", and "dump".
Phase "intrinsics" supports flags "on", "off", and "debug".
Phase "genssa" (assembly generation) supports the flag "dump".

If the "dump" flag is specified, the output is written on a file named
<phase>__<function_name>_<seq>.dump; otherwise it is directed to stdout.

Examples:

    -d=ssa/check/on
enables checking after each phase

\t-d=ssa/check/seed=1234
enables checking after each phase, using 1234 to seed the PRNG
used for value order randomization

    -d=ssa/all/time
enables time reporting for all phases

    -d=ssa/prove/debug=2
sets debugging level to 2 in the prove pass

Be aware that when "/debug=X" is applied to a pass, some passes
will emit debug output for all functions, and other passes will
only emit debug output for functions that match the current
GOSSAFUNC value.

Multiple flags can be passed at once, by separating them with
commas. For example:

    -d=ssa/check/on,ssa/all/time"""
"""gc's text (ssa.PhaseOption), {phases} filled by ssa_usage."""


def _on(debug: dict[str, str], key: str) -> bool:
    v = debug.get(key, "0")
    return v != "0" and v != ""


REPORTS = ("defer", "ssa/check_bce/debug", "nil")
"""The -d switches `report` answers from the folded program."""


def reports(debug: dict[str, str]) -> bool:
    """Whether debug turns on a switch `report` answers (compiler/backend.py runs the
    back end phase by phase then)."""
    return any(_on(debug, k) for k in REPORTS)


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
