"""funccode: one function's generated code as plain data (amd64.func_code's product).

Its own module, not amd64's: amd64 is compiled by mypyc when the accelerator serves it
(compiler/accel), and FuncCode is pickled, into the build cache (units.Unit) and from
a back end process to its parent (compiler/backend.py); a mypyc native class has no
slots for pickle to restore. do NOT move it into a module of accel.MODULES.
"""

from __future__ import annotations

from dataclasses import dataclass

Site = tuple[str, str, str, int, tuple[tuple[str, str, int], ...]]
"""A call's return label, the innermost function at the call, its file and line, and the
inlined calls around it, outermost first: (caller, file, line) each."""


@dataclass(frozen=True, slots=True)
class FuncCode:
    """One function's assembly (its symbol's lines and FuncGen's, one string), its
    calls' return labels with their positions, inlined frames included (Site, for
    runtime.pctab), their stack maps (runtime.stackmaps) and its stack-object table.
    Plain strings and tuples: a unit of the build cache (compiler/units.py) or a back
    end process (compiler/backend.py) passes it on at little more than its size."""

    name: str
    text: str
    calls: tuple[Site, ...]
    maps: tuple[tuple[str, tuple[int, ...], str], ...]
    file: str
    line: int
    """Its declaration's position (runtime.functab, for runtime.FuncForPC)."""
    fconsts: frozenset[int] = frozenset()
    """The bits of the float constants it loads (amd64's `.Lfconst.` pool)."""
    params: bool = False
    """Whether it takes parameters (runtime.functab's last word, for tracebacks)."""
    faults: tuple[Site, ...] = ()
    """Its fault sites (runtime.pcfault, compiler/pcfault.py)."""
    objects: tuple[int, ...] = ()
    """Its stack-object table (amd64._objects_table; () for none)."""
    wrapper: bool = False
    """Whether gc marks it a wrapper (ir.Func.wrapper; runtime.functab's flags)."""
