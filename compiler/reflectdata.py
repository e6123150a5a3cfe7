"""reflectdata: type descriptors, itabs and the method wrappers they point to.

The C runtime reads these as `struct type`, `struct method`, `struct field`,
`struct eqfield` and `struct itab` of compiler/runtime/runtime.c; the offsets below are
that ABI (docs/internals.md "Runtime ABI"): change both together. For

    type I interface{ M() int }
    type T struct{ s string }
    func (T) M() int { return 1 }

`itab_sym(T, I)` emits `go.itab.main.T,main.I` = {&type.main.I, &type.main.T, hash,
fun[0] = main.(*T).M} and, through type_sym, `type.main.T` (size 16, ptrdata 8, kind
STRUCT, eqkind FIELDWISE, name "main.T") with its tables

    type.main.T.methods   {"M() int", 7, main.(*T).M}
    type.main.T.eq        {0, &type.string}
    type.main.T.fields    {"s", 1, &type.string, 0}

The method's entry is the wrapper `main.(*T).M`, not `main.T.M`: an interface holds a T
(not pointer-shaped) through a pointer to a copy, so the functions it calls take that
pointer. ptr_wrapper writes the wrapper as a typed FuncDecl and queues it on `pending`;
walk lowers it like any function.

Symbols are numbered in the order they are asked for (`·2` for a second type that
spells alike, string symbols through StaticData): do NOT reorder the steps of
type_sym, whose order is part of the output.

The module is longer than most because a fifth of it is the layout itself: one named
constant per field of runtime.c's structs and the two enums, kept beside the code that
writes them.
"""

from __future__ import annotations

import dataclasses
import enum
import struct
from collections.abc import Callable, Collection

from compiler import ir, linkweak
from compiler.diag import NOPOS
from compiler.staticdata import StaticData
from compiler.types import tree as T
from compiler.types.predicates import comparable, is_regular_memory
from compiler.types.typ import (
    FLOAT32,
    FLOAT64,
    PTRSIZE,
    Array,
    Basic,
    Chan,
    Func,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    QName,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    Var,
    VarKind,
    align_of,
    canon,
    canon_signature,
    is_complex,
    is_direct_iface,
    is_float,
    is_string,
    method_set,
    name_order,
    named_name,
    pointer_words,
    reflect_string,
    signature_string,
    size_of,
    struct_layout,
    type_string,
    under,
)

# struct type (runtime.c): byte offsets of its fields, and its size.
TYPE_SIZE = 0
TYPE_PTRDATA = 8
TYPE_HASH = 16
TYPE_TFLAG = 20
TYPE_ALIGN = 21
TYPE_FIELDALIGN = 22
TYPE_KIND = 23
TYPE_EQKIND = 24
TYPE_NAME = 32
TYPE_NAMELEN = 40
TYPE_METHODS = 48
TYPE_NMETHODS = 56
TYPE_ELEM = 64
TYPE_EQFIELDS = 72
TYPE_NEQFIELDS = 80
TYPE_KEY = 88
TYPE_LEN = 96  # an array's length; a channel's direction (reflect.ChanDir: 1 recv, 2 send,
# 3 both); a function's number of parameters
TYPE_FIELDS = 104  # a struct's fields; a function's parameters then results
TYPE_NFIELDS = 112
TYPE_PKGPATH = 120  # a defined type's package path; an unnamed struct's first non-exported
# field's (gc's structtype.pkgPath: "types from different packages")
TYPE_PKGPATHLEN = 128
TYPE_PTRTOTHIS = 136  # *T's descriptor, if the program has one (reflect's New and Addr)
TYPE_BYTES = 144

TFLAG_DIRECT_IFACE = 1
"""type.tflag bit: the value is the interface data word (is_direct in runtime.c)."""
TFLAG_VARIADIC = 2
"""type.tflag bit: a function type's last parameter is `...T` (a slice)."""
TFLAG_NAMED = 4
"""type.tflag bit: a defined or predeclared type (reflect's Name() is not empty)."""

# struct method {name, namelen, fn, mtyp, etyp, efn}: type.methods entries, sorted by
# name + signature. Only in programs that import reflect: mtyp, the method's func type
# (receiver left out); etyp, the method expression's (receiver first); efn, the function
# of the method expression T.M (fn itself when T is pointer-shaped).
METHOD_NAME = 0
METHOD_NAMELEN = 8
METHOD_FN = 16
METHOD_TYPE = 24
METHOD_ETYPE = 32
METHOD_EFN = 40
METHOD_BYTES = 48

# struct field {name, namelen, t, off, tag, taglen, embedded}: type.fields entries, in
# declaration order; a function type's parameters and results (name "", off 0).
FIELD_NAME = 0
FIELD_NAMELEN = 8
FIELD_TYPE = 16
FIELD_OFF = 24
FIELD_TAG = 32
FIELD_TAGLEN = 40
FIELD_EMBEDDED = 48
FIELD_BYTES = 56

# struct eqfield {off, t}: the leaves == compares for EqKind.FIELDWISE.
EQFIELD_OFF = 0
EQFIELD_TYPE = 8
EQFIELD_BYTES = 16

# struct itab {inter, typ, hash, pad, fun[]}.
ITAB_INTER = 0
ITAB_TYP = 8
ITAB_HASH = 16
ITAB_FUN = 24



class EqKind(enum.IntEnum):
    """type.eqkind: how the runtime compares two values of the type (runtime.c valeq)."""

    MEMORY = 0
    STRING = 1
    INTERFACE = 2
    FLOAT = 3
    NOT_COMPARABLE = 4
    FIELDWISE = 5
    """A struct or array (or complex number) compared leaf by leaf through eqfields."""


class RtKind(enum.IntEnum):
    """type.kind: runtime.c's KIND_* enum."""

    BOOL = 1
    INT = 2
    INT8 = 3
    INT16 = 4
    INT32 = 5
    INT64 = 6
    UINT = 7
    UINT8 = 8
    UINT16 = 9
    UINT32 = 10
    UINT64 = 11
    UINTPTR = 12
    FLOAT32 = 13
    FLOAT64 = 14
    COMPLEX64 = 15
    COMPLEX128 = 16
    ARRAY = 17
    CHAN = 18
    FUNC = 19
    INTERFACE = 20
    MAP = 21
    PTR = 22
    SLICE = 23
    STRING = 24
    STRUCT = 25
    UNSAFEPTR = 26


_BASIC_RTKIND = {
    Kind.BOOL: RtKind.BOOL, Kind.INT: RtKind.INT, Kind.INT8: RtKind.INT8,
    Kind.INT16: RtKind.INT16, Kind.INT32: RtKind.INT32, Kind.INT64: RtKind.INT64,
    Kind.UINT: RtKind.UINT, Kind.UINT8: RtKind.UINT8, Kind.UINT16: RtKind.UINT16,
    Kind.UINT32: RtKind.UINT32, Kind.UINT64: RtKind.UINT64, Kind.UINTPTR: RtKind.UINTPTR,
    Kind.FLOAT32: RtKind.FLOAT32, Kind.FLOAT64: RtKind.FLOAT64,
    Kind.COMPLEX64: RtKind.COMPLEX64, Kind.COMPLEX128: RtKind.COMPLEX128,
    Kind.STRING: RtKind.STRING, Kind.UNSAFE_POINTER: RtKind.UNSAFEPTR,
}



def rt_kind(t: Type) -> RtKind:
    """The runtime kind of t."""
    u = under(t)
    match u:
        case Basic(kind=k):
            return _BASIC_RTKIND[k]
        case Array():
            return RtKind.ARRAY
        case Signature():
            return RtKind.FUNC
        case Interface():
            return RtKind.INTERFACE
        case Map():
            return RtKind.MAP
        case Chan():
            return RtKind.CHAN
        case Pointer():
            return RtKind.PTR
        case Slice():
            return RtKind.SLICE
        case Struct():
            return RtKind.STRUCT
    raise TypeError(f"kind of {u!r}")


def eq_kind(t: Type) -> tuple[EqKind, list[tuple[int, Type]]]:
    """How == compares values of t, and for FIELDWISE the (offset, leaf type) pairs."""
    u = under(t)
    if isinstance(u, Interface):
        return EqKind.INTERFACE, []
    if not comparable(t):
        return EqKind.NOT_COMPARABLE, []
    if is_string(t):
        return EqKind.STRING, []
    if is_float(t):
        return EqKind.FLOAT, []
    if isinstance(u, Struct | Array) and not is_regular_memory(t):
        return EqKind.FIELDWISE, eq_fields(t)
    if is_complex(t):
        size = size_of(t)
        half = FLOAT32 if size == 8 else FLOAT64
        return EqKind.FIELDWISE, [(0, half), (size // 2, half)]
    return EqKind.MEMORY, []


def eq_fields(t: Type) -> list[tuple[int, Type]]:
    """The (offset, leaf type) pairs compared by == on struct/array t; a part compared
    as memory is one leaf (do NOT split it: a [65537]int32 field would be 65537)."""
    u = under(t)
    out: list[tuple[int, Type]] = []
    if isinstance(u, Struct):
        offs, _ = struct_layout(u)
        for off, f in zip(offs, u.fields, strict=True):
            if f.name == "_":
                continue
            if isinstance(under(f.type), Struct | Array) and not is_regular_memory(f.type):
                out.extend((off + o, x) for o, x in eq_fields(f.type))
            elif size_of(f.type):
                out.append((off, f.type))
    elif isinstance(u, Array):
        es = size_of(u.elem)
        inner = (eq_fields(u.elem) if isinstance(under(u.elem), Struct | Array)
                 and not is_regular_memory(u.elem) else [(0, u.elem)])
        for i in range(u.length):
            out.extend((i * es + o, x) for o, x in inner)
    return out


def fnv32(s: str) -> int:
    """FNV-1a of s's UTF-8 bytes: type.hash and itab.hash."""
    h = 2166136261
    for b in s.encode():
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def method_key(name: QName, sig: Signature) -> str:
    """The runtime's method-table key: name plus signature, e.g. `M(int) string`, `m
    main() int` (a non-exported name's package follows it: two packages' `m` are two
    keys; tables list them in `name_order`)."""
    return name.runtime() + signature_string(canon_signature(sig))


class ReflectData:
    """The descriptors, itabs and method wrappers of one program.

    `declared` holds the symbols of the functions the program declares (a wrapper is only
    made for a method no declaration provides); `new_uid` numbers the wrappers' variables
    (shared with walk's own generated variables). Wrappers are queued on `pending` as
    (declaration, symbol) for walk to lower; `wrappers` names them all.
    """

    def __init__(self, static: StaticData, declared: Collection[str],
                 new_uid: Callable[[], int], method_types: bool = False) -> None:
        self.static = static
        self.method_types = method_types
        self.declared = declared
        self.new_uid = new_uid
        self.type_syms: dict[Type, str] = {}
        self.itab_syms: dict[tuple[Type, Type], str] = {}
        self.wrappers: set[str] = set()
        self.pending: list[tuple[T.FuncDecl, str]] = []
        self.panicwraps: set[str] = set()
        """The wrappers `pkg.(*T).M` of a method M declared on T itself, whose nil
        receiver panics with runtime.panicwrap's error, as gc's."""
        self.linked: set[str] = set()

    # -- type descriptors ------------------------------------------------------------

    def type_sym(self, t: Type) -> str:
        """The symbol of t's type descriptor, emitting it (and what it refers to) once.
        Distinct types that spell alike (local types of different functions) get
        distinct symbols."""
        t = canon(t)
        have = self.type_syms.get(t)
        if have is not None:
            return have
        sym = self._unique(f"type.{type_string(t, link=True)}")
        self.type_syms[t] = sym
        self.static.add(ir.Data(sym, b""))  # reserve: recursive types refer to themselves
        self.static.put(self._descriptor(t, sym))
        return sym

    def _unique(self, base: str) -> str:
        """base, or base·N for the first N >= 2 that names no symbol yet."""
        sym = base
        n = 1
        while sym in self.static.data:
            n += 1
            sym = f"{base}·{n}"
        return sym

    def _descriptor(self, t: Type, sym: str) -> ir.Data:
        """The struct type of t, named sym, emitting its tables (in this order: name,
        methods, element, eqfields, key, fields)."""
        u = under(t)
        name = reflect_string(t).encode()
        ptrs = pointer_words(t)
        relocs = [ir.Reloc(TYPE_NAME, self.static.string_sym(name))]
        eqkind, eqfields = eq_kind(t)
        methods = self._method_table(t)
        if methods:
            relocs.append(ir.Reloc(TYPE_METHODS, self._methods_sym(sym, t, methods)))
        if isinstance(u, Pointer | Slice | Array | Map | Chan):
            relocs.append(ir.Reloc(TYPE_ELEM, self.type_sym(u.elem)))
        if eqfields:
            relocs.append(ir.Reloc(TYPE_EQFIELDS, self._eqfields_sym(sym, eqfields)))
        if isinstance(u, Map):
            relocs.append(ir.Reloc(TYPE_KEY, self.type_sym(u.key)))
        nfields = 0
        if isinstance(u, Struct) and u.fields:
            nfields = len(u.fields)
            relocs.append(ir.Reloc(TYPE_FIELDS, self._fields_sym(sym, u)))
        elif isinstance(u, Signature) and (u.params or u.results):
            nfields = len(u.params) + len(u.results)
            relocs.append(ir.Reloc(TYPE_FIELDS, self._params_sym(sym, u)))
        data = bytearray(TYPE_BYTES)
        struct.pack_into("<Q", data, TYPE_SIZE, size_of(t))
        struct.pack_into("<Q", data, TYPE_PTRDATA, ptrs[-1] + PTRSIZE if ptrs else 0)
        struct.pack_into("<I", data, TYPE_HASH, fnv32(name.decode()))
        tflag = TFLAG_DIRECT_IFACE if is_direct_iface(t) else 0
        if isinstance(u, Signature) and u.variadic:
            tflag |= TFLAG_VARIADIC
        if isinstance(t, Named | Basic):
            tflag |= TFLAG_NAMED
        pkg = t.pkg if isinstance(t, Named) else \
            "unsafe" if isinstance(t, Basic) and t.kind == Kind.UNSAFE_POINTER else \
            next((f.pkg for f in u.fields if f.pkg), "") if isinstance(u, Struct) else ""
        if pkg:
            path = pkg.encode()
            relocs.append(ir.Reloc(TYPE_PKGPATH, self.static.string_sym(path)))
            struct.pack_into("<Q", data, TYPE_PKGPATHLEN, len(path))
        struct.pack_into("<BBBB", data, TYPE_TFLAG, tflag,
                         align_of(t), align_of(t), rt_kind(t))
        struct.pack_into("<Q", data, TYPE_EQKIND, eqkind)
        struct.pack_into("<Q", data, TYPE_NAMELEN, len(name))
        struct.pack_into("<Q", data, TYPE_NMETHODS, len(methods))
        struct.pack_into("<Q", data, TYPE_NEQFIELDS, len(eqfields))
        struct.pack_into("<Q", data, TYPE_LEN, u.length if isinstance(u, Array)
                         else u.dir.value if isinstance(u, Chan)
                         else len(u.params) if isinstance(u, Signature) else 0)
        struct.pack_into("<Q", data, TYPE_NFIELDS, nfields)
        return ir.Data(sym, bytes(data), tuple(relocs))

    def _methods_sym(self, sym: str, t: Type,
                     methods: list[tuple[str, str, Signature, QName]]) -> str:
        """`sym.methods`: the method table of t from (key, function symbol, signature,
        name) entries."""
        msym = f"{sym}.methods"
        data = bytearray(METHOD_BYTES * len(methods))
        relocs: list[ir.Reloc] = []
        iface = isinstance(under(t), Interface)
        expr = self.method_types and not iface
        for i, (key, fn, sig, qkey) in enumerate(methods):
            at = METHOD_BYTES * i
            relocs.append(ir.Reloc(at + METHOD_NAME, self.static.string_sym(key.encode())))
            struct.pack_into("<Q", data, at + METHOD_NAMELEN, len(key.encode()))
            weak = () if iface else linkweak.conditions(key)
            if fn:
                relocs.append(ir.Reloc(at + METHOD_FN, fn, weak))
            if self.method_types:
                relocs.append(ir.Reloc(at + METHOD_TYPE,
                                       self.type_sym(canon_signature(sig)), weak))
            if expr:
                esig = Signature((t, *sig.params), sig.results, sig.variadic)
                relocs.append(ir.Reloc(at + METHOD_ETYPE,
                                       self.type_sym(canon_signature(esig)), weak))
                efn = fn if is_direct_iface(t) or isinstance(t, Pointer) else \
                    self.ptr_wrapper(t, qkey, byvalue=True)
                relocs.append(ir.Reloc(at + METHOD_EFN, efn, weak))
        marks = tuple(linkweak.key_sym(k) for k, _, _, _ in methods) if iface else ()
        self.static.put(ir.Data(msym, bytes(data), tuple(relocs), marks=marks))
        return msym

    def _eqfields_sym(self, sym: str, eqfields: list[tuple[int, Type]]) -> str:
        """`sym.eq`: the leaves a FIELDWISE == compares."""
        esym = f"{sym}.eq"
        data = bytearray(EQFIELD_BYTES * len(eqfields))
        relocs: list[ir.Reloc] = []
        for i, (off, ft) in enumerate(eqfields):
            at = EQFIELD_BYTES * i
            struct.pack_into("<Q", data, at + EQFIELD_OFF, off)
            relocs.append(ir.Reloc(at + EQFIELD_TYPE, self.type_sym(ft)))
        self.static.put(ir.Data(esym, bytes(data), tuple(relocs)))
        return esym

    def _fields_sym(self, sym: str, u: Struct) -> str:
        """`sym.fields`: the struct's fields in declaration order."""
        fsym = f"{sym}.fields"
        data = bytearray(FIELD_BYTES * len(u.fields))
        relocs: list[ir.Reloc] = []
        offs, _ = struct_layout(u)
        for i, (f, off) in enumerate(zip(u.fields, offs, strict=True)):
            at = FIELD_BYTES * i
            fname = f.name.encode()
            relocs.append(ir.Reloc(at + FIELD_NAME, self.static.string_sym(fname)))
            relocs.append(ir.Reloc(at + FIELD_TYPE, self.type_sym(f.type)))
            struct.pack_into("<Q", data, at + FIELD_NAMELEN, len(fname))
            struct.pack_into("<Q", data, at + FIELD_OFF, off)
            if f.tag:
                tag = f.tag.encode()
                relocs.append(ir.Reloc(at + FIELD_TAG, self.static.string_sym(tag)))
                struct.pack_into("<Q", data, at + FIELD_TAGLEN, len(tag))
            struct.pack_into("<Q", data, at + FIELD_EMBEDDED, int(f.embedded))
        self.static.put(ir.Data(fsym, bytes(data), tuple(relocs)))
        return fsym

    def _params_sym(self, sym: str, u: Signature) -> str:
        """`sym.params`: a function type's parameter then result types, as fields."""
        psym = f"{sym}.params"
        types = (*u.params, *u.results)
        relocs = [ir.Reloc(FIELD_BYTES * i + FIELD_TYPE, self.type_sym(pt))
                  for i, pt in enumerate(types)]
        self.static.put(ir.Data(psym, bytes(FIELD_BYTES * len(types)), tuple(relocs)))
        return psym

    def _method_table(self, t: Type) -> list[tuple[str, str, Signature, QName]]:
        """(key, function symbol, signature, name) entries of t's method set in
        `name_order`, the order of an interface's itab slots; interfaces get no function
        (their table lists the required methods)."""
        u = under(t)
        if isinstance(u, Interface):
            return sorted(((method_key(m.qname, m.sig), "", m.sig, m.qname)
                           for m in u.methods), key=lambda m: name_order(m[3]))
        if not (isinstance(t, Named) or isinstance(t, Pointer) and isinstance(t.elem, Named)):
            if not isinstance(u, Struct):
                return []
        out: list[tuple[str, str, Signature, QName]] = []
        for name, e in method_set(t).items():
            m = e.selection.method
            if m is not None and "nointerface" in m.pragmas:
                continue  # GOEXPERIMENT=fieldtrack's //go:nointerface: not in the table
            fn = self.iface_method(t, name)
            out.append((method_key(name, e.sig), fn, e.sig, name))
        return sorted(out, key=lambda m: name_order(m[3]))

    def link_pointers(self) -> bool:
        """In a program that imports reflect (method_types): emit *T for every defined or
        predeclared T and set each descriptor's ptrToThis to its pointer type's, where one exists.
        True if that emitted descriptors or wrappers still to lower (call again after)."""
        if not self.method_types:
            return False
        before = len(self.type_syms)
        for t in list(self.type_syms):
            if isinstance(t, Named | Basic):
                self.type_sym(Pointer(t))
        for t, sym in list(self.type_syms.items()):
            psym = self.type_syms.get(canon(Pointer(t)))
            if psym is None or sym in self.linked:
                continue
            self.linked.add(sym)
            d = self.static.data[sym]
            self.static.put(dataclasses.replace(
                d, relocs=(*d.relocs, ir.Reloc(TYPE_PTRTOTHIS, psym))))
        return len(self.type_syms) != before or bool(self.pending)

    # -- itabs -----------------------------------------------------------------------

    def itab_sym(self, t: Type, iface: Type) -> str:
        """The static itab `go.itab.T,I` for concrete t implementing interface iface."""
        t, iface = canon(t), canon(iface)
        have = self.itab_syms.get((t, iface))
        if have is not None:
            return have
        sym = self._unique(f"go.itab.{type_string(t, link=True)},"
                           f"{type_string(iface, link=True)}")
        self.itab_syms[(t, iface)] = sym
        u = under(iface)
        assert isinstance(u, Interface)
        relocs = [ir.Reloc(ITAB_INTER, self.type_sym(iface)),
                  ir.Reloc(ITAB_TYP, self.type_sym(t))]
        ms = u.methods
        for i, m in enumerate(ms):
            relocs.append(ir.Reloc(ITAB_FUN + PTRSIZE * i, self.iface_method(t, m.qname)))
        data = bytearray(ITAB_FUN + PTRSIZE * len(ms))
        struct.pack_into("<I", data, ITAB_HASH, fnv32(type_string(t)))
        self.static.add(ir.Data(sym, bytes(data), tuple(relocs)))
        return sym

    # -- method wrappers -------------------------------------------------------------

    def iface_method(self, t: Type, name: QName) -> str:
        """The function an itab of concrete type t calls for method `name`: it takes the
        interface data word as its receiver."""
        sel = method_set(t)[name].selection
        m = sel.method
        direct = is_direct_iface(t)
        if m is not None and not sel.path and m.recv is not None:
            if isinstance(m.recv, Pointer) or (direct and not isinstance(t, Pointer)):
                return m.symbol
        base = t.elem if isinstance(t, Pointer) else t
        return self.ptr_wrapper(base, name, byvalue=direct and not isinstance(t, Pointer))

    def func_sym(self, f: Func) -> str:
        """The symbol of a FuncRef's function; a method expression the checker could not
        bind to a declared method (`(*T).M` of a value method, a promoted method, `I.M`)
        gets its wrapper generated here."""
        if f.recv is None or f.symbol in self.declared:
            return f.symbol
        if isinstance(f.recv, Pointer):
            return self.ptr_wrapper(f.recv.elem, f.qname)
        return self.ptr_wrapper(f.recv, f.qname, byvalue=True)

    def ptr_wrapper(self, base: Type, name: QName, byvalue: bool = False) -> str:
        """`pkg.(*T).M`: a method of *T that forwards to M found through T's method set
        (a value-receiver method or one promoted through embedded fields). With byvalue
        (a pointer-shaped T, whose interface data word is the value itself) it is
        `pkg.T.M`, taking T."""
        # gc's names: `main.(*T).M`; `go.(*struct { main.T }).M` for an unnamed T.
        pkg, tname = ((base.pkg, named_name(base) + (f"·{base.local}" if base.local else ""))
                      if isinstance(base, Named) else ("go", type_string(base, link=True)))
        # Another package's non-exported method by its path: `main.(*T).a/b.m`.
        mname = name.name if name.pkg in ("", pkg) else name.link()
        sym = f"{pkg}.{tname}.{mname}" if byvalue else f"{pkg}.(*{tname}).{mname}"
        if sym in self.wrappers or sym in self.declared:
            return sym
        self.wrappers.add(sym)
        ptr: Type = base if byvalue else Pointer(base)
        e = method_set(ptr)[name]
        sel = e.selection
        m = sel.method
        msig = e.sig
        pos = m.pos if m is not None else base.pos if isinstance(base, Named) else NOPOS
        recv = Var("p", ptr, pos, VarKind.PARAM, pkg, self.new_uid())
        params = tuple(Var(f"a{i}", pt, pos, VarKind.PARAM, pkg, self.new_uid())
                       for i, pt in enumerate(msig.params))
        results = tuple(Var("", rt, pos, VarKind.RESULT, pkg, self.new_uid())
                        for rt in msig.results)
        # walk the embedded path from *T to the method's receiver
        cur: T.Expr = T.VarRef(pos, ptr, recv)
        cur_t: Type = ptr
        for idx in sel.path:
            if isinstance(cur_t, Pointer):
                cur = T.Deref(pos, cur_t.elem, cur)
                cur_t = cur_t.elem
            st = under(cur_t)
            assert isinstance(st, Struct)
            ft = st.fields[idx].type
            cur = T.FieldSel(pos, ft, cur, idx)
            cur_t = ft
        args = tuple(T.VarRef(pos, v.type, v) for v in params)
        rtype: Type = (msig.results[0] if len(msig.results) == 1
                       else Tuple(msig.results))
        call: T.Expr
        if m is None:
            if isinstance(cur_t, Pointer):
                cur = T.Deref(pos, cur_t.elem, cur)
                cur_t = cur_t.elem
            it = under(cur_t)
            assert isinstance(it, Interface)
            idx = [x.qname for x in it.methods].index(name)
            call = T.IfaceCall(pos, rtype, cur, name.name, idx, msig, args)
        else:
            assert m.recv is not None
            if isinstance(m.recv, Pointer):
                if not isinstance(cur_t, Pointer):
                    cur = T.AddrOf(pos, Pointer(cur_t), cur)
            elif isinstance(cur_t, Pointer):
                cur = T.Deref(pos, cur_t.elem, cur)
                if not sel.path and not byvalue:
                    self.panicwraps.add(sym)
            call = T.MethodCall(pos, rtype, cur, m, args)
        body: T.Stmt = T.Return(pos, (call,)) if msig.results else T.ExprStmt(pos, call)
        decl = T.FuncDecl(pos, sym.split(".", 1)[1], None, msig, recv, params,
                          results, T.Block(pos, (body,)))
        self.pending.append((decl, sym))
        return sym
