"""staticdata: the program's data symbols other than type descriptors and itabs.

One StaticData collects every `ir.Data` of a program: string literal bytes, the static
closures of top-level functions used as values, package variables' bss, per-site itab
caches, and (through compiler/reflectdata.py) descriptors and itabs. For

    s := StaticData()
    s.string_sym(b"hi")          "go.string.0": rodata `hi\\0`
    s.string_sym(b"hi")          "go.string.0" again (one symbol per distinct literal)
    s.func_closure("main.f")     "main.f·f": one word, the address of main.f
    s.itab_cache()               "go.itabcache.0": 16 writable bss bytes
    s.const_sym(bytes([5, 0, 0, 0, 0, 0, 0, 0]))  "go.const.0": an int 5 for an interface

Symbols are numbered in the order they are first asked for, so the order of the calls is
part of the output: do NOT reorder the lowering steps that ask.
"""

from __future__ import annotations

from compiler import ir
from compiler.types.typ import Var


class StaticData:
    """The data symbols of one program, by name."""

    def __init__(self, unit: str = "") -> None:
        """unit names the package compiled separately (compiler/units.py): its string and
        cache symbols are `go.string.UNIT.N`, so units linked together do not collide."""
        self.prefix = f"{unit}." if unit else ""
        self.data: dict[str, ir.Data] = {}
        self.strings: dict[bytes, str] = {}
        self.itab_caches = 0
        self.consts: dict[tuple[bytes, tuple[ir.Reloc, ...]], str] = {}

    def add(self, d: ir.Data) -> None:
        """Add d unless a symbol of its name exists (the first definition wins)."""
        self.data.setdefault(d.sym, d)

    def put(self, d: ir.Data) -> None:
        """Define d, replacing a reservation of its name."""
        self.data[d.sym] = d

    def string_sym(self, s: bytes) -> str:
        """The rodata symbol holding the bytes of string literal s (NUL-terminated)."""
        sym = self.strings.get(s)
        if sym is None:
            sym = f"go.string.{self.prefix}{len(self.strings)}"
            self.strings[s] = sym
            self.add(ir.Data(sym, s + b"\x00", align=1))
        return sym

    def const_sym(self, data: bytes, relocs: tuple[ir.Reloc, ...] = ()) -> str:
        """The rodata symbol holding a constant's value (one per distinct value): the data
        word of a constant converted to an interface, which no one writes through."""
        key = (data, relocs)
        sym = self.consts.get(key)
        if sym is None:
            sym = f"go.const.{self.prefix}{len(self.consts)}"
            self.consts[key] = sym
            self.add(ir.Data(sym, data, relocs, align=8))
        return sym

    def func_closure(self, sym: str) -> str:
        """`sym·f`, the static closure of top-level function sym (a func value)."""
        csym = f"{sym}·f"
        self.add(ir.Data(csym, bytes(8), (ir.Reloc(0, sym),)))
        return csym

    def itab_cache(self) -> str:
        """A fresh 16-byte writable bss slot {key, itab} for one conversion site's cache;
        bss is a collector root, so an itab built at run time that it holds stays alive."""
        sym = f"go.itabcache.{self.prefix}{self.itab_caches}"
        self.itab_caches += 1
        self.add(ir.Data(sym, b"", (), readonly=False, ptrs=(0, 8), bss=16))
        return sym

    def sorted(self) -> tuple[ir.Data, ...]:
        """Every symbol, by name (the order the assembler output uses)."""
        return tuple(self.data[k] for k in sorted(self.data))


def global_sym(v: Var) -> str:
    """The data symbol of package-level variable v (blank ones get a unique name)."""
    if v.name == "_":
        return f"{v.pkg}._·{v.uid}"
    return f"{v.pkg}.{v.name}"
