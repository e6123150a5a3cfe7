"""Export data: the binary format of what a package exports to its importers.

One encoder and one decoder for the runtime's builtin import data (typed objects,
runtimedata.py) and every separately compiled package's export data (sections: escape
tags, inlining costs, inlinable names, declarations and bodies as encoded trees of the
compiler's own dataclasses; compiler/units.py). The format is documented in
docs/export-format.md. For the declarations

    package runtime
    func printint(v int64)
    func convT2E(typ *byte, elem *any) (ret any)

`encode` writes (shown Go-string style, as `render_go_string` prints it)

    "version 1\\n\\x01\\aruntime\\x02\\x02\\bprintint\\x01\\x01v\\x15\\x00" +
    "\\x00" +
    "\\x02\\aconvT2E\\x02\\x03typ\\x01\\"\\x04elem\\x01$\\x01\\x03ret$\\x00" +
    "\\x00" +
    "$$\\n"

that is: header, package record (tag 1, name, object count 2), one record per object
(tag 2 = func: name, params, results, flags), end marker (tag 0, "$$\\n"). A type is
written where it is first used and numbered in that order after the 22 predeclared ones;
a later use is 16 + its number. Above, `\\x01"` defines type 22 = pointer (kind 1) to
type 18 (`"` = 16+18, byte); `\\x01$` defines type 23 = pointer to `any` (`$` = 16+20).
Output is a pure function of the declarations, so it is byte-for-byte deterministic.

`decode` inverts `encode` and checks everything it reads; `listing` prints decoded data
as text for review; `render_go_string` / `render_py_bytes` split the blob after each NUL
byte, the way gc's builtin.go is laid out.

This module is long because it is one format read and written in one place: each
record's encoder and decoder, then the text views, which must change together.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import struct
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compiler import ir
from compiler.dccache import fast_setstate
from compiler.diag import Pos
from compiler.escape.result import ParamTag
from compiler.syntax import ast
from compiler.syntax.dump import dump
from compiler.types import typ

if TYPE_CHECKING:
    from compiler.escape.result import ParamTag

VERSION = 2
HEADER = b"version %d\n" % VERSION
END = b"$$\n"

TAG_END = 0
TAG_PACKAGE = 1
TAG_FUNC = 2
TAG_VAR = 3
SECTION_TAGS = 4
SECTION_COSTS = 5
SECTION_INLINE = 6
SECTION_GCINLINE = 7
SECTION_DECLS = 8
SECTION_BODIES = 9

KIND_POINTER = 1
KIND_SLICE = 2
KIND_ARRAY = 3
KIND_MAP = 4
KIND_FUNC = 5
KIND_STRUCT = 6
KIND_INTERFACE = 7
KIND_CHAN = 8
TYPE_REF_BASE = 16

FLAG_VARIADIC = 1
MAX_DEPTH = 100
MAX_TREE_DEPTH = 2000

V_NONE = 0
V_FALSE = 1
V_TRUE = 2
V_INT = 3
V_NEG = 4
V_STRING = 5
V_STRREF = 6
V_TUPLE = 7
V_NODE = 8
V_ENUM = 9
V_TYPE = 10
V_BYTES = 11
V_FROZENSET = 12
V_FLOAT = 13
V_POS = 14
V_SHARED = 15
V_REF = 16
TREE_MODULES = ("compiler.",)
"""The only modules whose classes a tree may name (a tree never imports anything else)."""

ANY = typ.Named("any", "", Pos("<builtin>", 1, 1), typ.EMPTY_INTERFACE)
"""The `any` placeholder of runtime.go: stands for the actual type at each call site.

Do NOT confuse it with the empty interface: its identity is what marks a placeholder.
"""

PREDECLARED: tuple[typ.Type, ...] = (
    typ.BOOL, typ.INT, typ.INT8, typ.INT16, typ.INT32, typ.INT64,
    typ.UINT, typ.UINT8, typ.UINT16, typ.UINT32, typ.UINT64, typ.UINTPTR,
    typ.FLOAT32, typ.FLOAT64, typ.COMPLEX64, typ.COMPLEX128,
    typ.STRING, typ.UNSAFE_POINTER, typ.BYTE, typ.RUNE, ANY, typ.EMPTY_INTERFACE,
)
"""Types numbered 0..len-1 before any data is read; interned types follow."""


class ImportDataError(Exception):
    """Malformed import data, or a declaration the format cannot hold."""


@dataclass(frozen=True, slots=True)
class Param:
    """A named (or unnamed: name "") parameter or result of a runtime function."""

    name: str
    type: typ.Type


@dataclass(frozen=True, slots=True)
class FuncObj:
    """A bodyless runtime function; when variadic, the last param's type is a Slice."""

    name: str
    params: tuple[Param, ...]
    results: tuple[Param, ...]
    variadic: bool = False

    def signature(self) -> typ.Signature:
        """The function's type (parameter names dropped)."""
        return typ.Signature(
            tuple(p.type for p in self.params),
            tuple(r.type for r in self.results),
            self.variadic,
        )


@dataclass(frozen=True, slots=True)
class VarObj:
    name: str
    type: typ.Type


Object = FuncObj | VarObj


@dataclass(frozen=True, slots=True)
class ImportData:
    """One package's export data, as encoded and decoded: its typed declarations in
    source order (the runtime's), then the sections a separately compiled package adds.
    decls and each body are encoded trees (`encode_tree`), decoded only when asked for
    (`decode_tree`): an importer reads the bodies of the functions it inlines, no others."""

    package: str
    objects: tuple[Object, ...]
    tags: tuple[tuple[str, tuple[ParamTag, ...]], ...] = ()
    """Escape analysis's tags of the parameters of each function, by symbol (gc's esc:)."""
    costs: tuple[tuple[str, int], ...] = ()
    """gc's inlining cost of each function gc may inline, by symbol."""
    inline: tuple[str, ...] = ()
    """The functions whose walked bodies importers inline."""
    gcinline: tuple[str, ...] = ()
    """The functions whose bodies gc's decisions (-m) may inline."""
    decls: bytes = b""
    """The syntax trees importers check (bodies emptied), an encoded tree; b"" if none."""
    bodies: tuple[tuple[str, bytes], ...] = ()
    """The walked bodies of inline and gcinline, each an encoded tree of an ir.Func."""


# ---------------------------------------------------------------------------------------
# Encoding


def _type_key(t: typ.Type) -> object:
    """A hashable identity for interning: structural, except `any` and Named by object."""
    if isinstance(t, typ.Named):
        return ("named", id(t))
    return ("type", t)


class _Encoder:
    """Writes records into a buffer, interning types in first-use order."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.types: dict[object, int] = {_type_key(t): i for i, t in enumerate(PREDECLARED)}
        self.classes: dict[type, int] = {}
        self.strings: dict[str, int] = {}
        self.shared: set[int] = set()
        """The ids of the nodes a tree holds more than once (written once, then V_REF)."""
        self.written: dict[int, int] = {}
        """The numbers of the shared nodes written so far, by id."""

    def uvarint(self, v: int) -> None:
        """Append v as an unsigned LEB128 varint (Go's binary.PutUvarint)."""
        if v < 0 or v >= 1 << 64:
            raise ImportDataError(f"integer {v} out of range")
        while v >= 0x80:
            self.buf.append(v & 0x7F | 0x80)
            v >>= 7
        self.buf.append(v)

    def string(self, s: str) -> None:
        """Append a length-prefixed UTF-8 string."""
        b = s.encode()
        self.uvarint(len(b))
        self.buf += b

    def type(self, t: typ.Type) -> None:
        """Append a reference to t, defining t first if this is its first use."""
        key = _type_key(t)
        n = self.types.get(key)
        if n is not None:
            self.uvarint(TYPE_REF_BASE + n)
            return
        self.types[key] = len(self.types)
        match t:
            case typ.Pointer(elem=e):
                self.uvarint(KIND_POINTER)
                self.type(e)
            case typ.Slice(elem=e):
                self.uvarint(KIND_SLICE)
                self.type(e)
            case typ.Array(length=n_, elem=e):
                self.uvarint(KIND_ARRAY)
                self.uvarint(n_)
                self.type(e)
            case typ.Map(key=k, elem=e):
                self.uvarint(KIND_MAP)
                self.type(k)
                self.type(e)
            case typ.Chan(elem=e, dir=d):
                self.uvarint(KIND_CHAN)
                self.uvarint(d.value)
                self.type(e)
            case typ.Signature():
                self.uvarint(KIND_FUNC)
                self.params([Param("", p) for p in t.params])
                self.params([Param("", r) for r in t.results])
                self.uvarint(FLAG_VARIADIC if t.variadic else 0)
            case typ.Struct(fields=fs):
                self.uvarint(KIND_STRUCT)
                self.uvarint(len(fs))
                for f in fs:
                    self.string(f.name)
                    self.type(f.type)
                    self.uvarint(1 if f.embedded else 0)
            case typ.Interface(methods=ms):
                self.uvarint(KIND_INTERFACE)
                self.uvarint(len(ms))
                for m in ms:
                    self.string(m.name)
                    self.type(m.sig)
            case _:
                raise ImportDataError(f"cannot encode type {typ.type_string(t)}")

    def params(self, ps: list[Param] | tuple[Param, ...]) -> None:
        """Append a count and the (name, type) pairs."""
        self.uvarint(len(ps))
        for p in ps:
            self.string(p.name)
            self.type(p.type)

    def obj(self, o: Object) -> None:
        """Append one object record."""
        match o:
            case FuncObj():
                self.uvarint(TAG_FUNC)
                self.string(o.name)
                self.params(o.params)
                self.params(o.results)
                self.uvarint(FLAG_VARIADIC if o.variadic else 0)
            case VarObj():
                self.uvarint(TAG_VAR)
                self.string(o.name)
                self.type(o.type)

    def names(self, tag: int, names: tuple[str, ...]) -> None:
        """Append a section of names, if there are any."""
        if names:
            self.uvarint(tag)
            self.uvarint(len(names))
            for n in names:
                self.string(n)

    def sections(self, data: ImportData) -> None:
        """Append the sections of a separately compiled package (the non-empty ones)."""
        if data.tags:
            self.uvarint(SECTION_TAGS)
            self.uvarint(len(data.tags))
            for sym, tags in data.tags:
                self.string(sym)
                self.uvarint(len(tags))
                for t in tags:
                    self.uvarint(0 if t.heap is None else t.heap + 1)
                    self.uvarint(len(t.results))
                    for k, d in t.results:
                        self.uvarint(k)
                        self.uvarint(d)
        if data.costs:
            self.uvarint(SECTION_COSTS)
            self.uvarint(len(data.costs))
            for sym, cost in data.costs:
                self.string(sym)
                self.uvarint(cost)
        self.names(SECTION_INLINE, data.inline)
        self.names(SECTION_GCINLINE, data.gcinline)
        if data.decls:
            self.uvarint(SECTION_DECLS)
            self.uvarint(len(data.decls))
            self.buf += data.decls
        if data.bodies:
            self.uvarint(SECTION_BODIES)
            self.uvarint(len(data.bodies))
            for name, tree in data.bodies:
                self.string(name)
                self.uvarint(len(tree))
                self.buf += tree

    # Trees.

    def tree(self, root: object) -> None:
        """Append root as a tree: its class table, then its value."""
        body = _Encoder()
        counts: dict[int, int] = {}
        _count_nodes(root, counts)
        body.shared = {k for k, n in counts.items() if n > 1}
        body.value(root)
        self.uvarint(len(body.classes))
        for cls in body.classes:
            self.string(f"{cls.__module__}:{cls.__qualname__}")
            names = () if issubclass(cls, enum.Enum) else _field_names(cls)
            self.uvarint(len(names))
            for n in names:
                self.string(n)
        self.buf += body.buf

    def cls(self, c: Any) -> None:
        """Append c's number in the class table, entering it on first use."""
        n = self.classes.get(c)
        if n is None:
            n = self.classes[c] = len(self.classes)
        self.uvarint(n)

    def value(self, v: object) -> None:
        """Append one tagged value of a tree (see V_*)."""
        # Ordered by frequency in syntax trees and IR.
        if v is None:
            self.buf.append(V_NONE)
        elif type(v) is Pos and v.inl is None:
            self.buf.append(V_POS)
            self.value(v.file)
            self.uvarint(v.line)
            self.uvarint(v.col)
        elif type(v) is str:
            n = self.strings.get(v)
            if n is None:
                self.strings[v] = len(self.strings)
                self.buf.append(V_STRING)
                self.string(v)
            else:
                self.buf.append(V_STRREF)
                self.uvarint(n)
        elif v is True or v is False:
            self.buf.append(V_TRUE if v else V_FALSE)
        elif type(v) is int:
            self.buf.append(V_INT if v >= 0 else V_NEG)
            self.uvarint(abs(v))
        elif type(v) is tuple:
            self.buf.append(V_TUPLE)
            self.uvarint(len(v))
            for x in v:
                self.value(x)
        elif isinstance(v, enum.Enum):
            self.buf.append(V_ENUM)
            self.cls(type(v))
            self.value(v.value)
        elif isinstance(v, typ.Type):
            self.buf.append(V_TYPE)
            self.type(v)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            key = id(v)
            if key in self.shared:
                n = self.written.get(key)
                if n is not None:
                    self.buf.append(V_REF)
                    self.uvarint(n)
                    return
            self.buf.append(V_SHARED if key in self.shared else V_NODE)
            self.cls(type(v))
            for name in _field_names(type(v)):
                self.value(getattr(v, name))
            if key in self.shared:
                self.written[key] = len(self.written)
        elif type(v) is bytes:
            self.buf.append(V_BYTES)
            self.uvarint(len(v))
            self.buf += v
        elif type(v) is frozenset:
            self.buf.append(V_FROZENSET)
            self.uvarint(len(v))
            for x in sorted(v, key=repr):
                self.value(x)
        elif type(v) is float:
            self.buf.append(V_FLOAT)
            self.buf += struct.pack("<d", v)
        else:
            raise ImportDataError(f"cannot encode a {type(v).__name__} in a tree")


def _count_nodes(v: object, counts: dict[int, int]) -> None:
    """Count in counts, by id, how often v and the nodes under it occur (not below a
    node's second occurrence); positions are not counted (never shared)."""
    if type(v) is tuple:
        for x in v:
            _count_nodes(x, counts)
    elif dataclasses.is_dataclass(v) and not isinstance(v, type) and type(v) is not Pos:
        key = id(v)
        if key in counts:
            counts[key] += 1
            return
        counts[key] = 1
        for name in _field_names(type(v)):
            _count_nodes(getattr(v, name), counts)


def _field_names(cls: type) -> tuple[str, ...]:
    """The fields a tree records of dataclass cls, in declaration order (all of them)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}


def encode_tree(root: object) -> bytes:
    """root (a syntax tree, an ir.Func, a tuple of them) as an encoded tree."""
    e = _Encoder()
    e.tree(root)
    return bytes(e.buf)


def encode(data: ImportData) -> bytes:
    """The binary import data of data (deterministic: a function of its value only)."""
    names = [o.name for o in data.objects]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ImportDataError(f"{dup[0]} declared twice")
    e = _Encoder()
    e.buf += HEADER
    e.uvarint(TAG_PACKAGE)
    e.string(data.package)
    e.uvarint(len(data.objects))
    for o in data.objects:
        e.obj(o)
    e.sections(data)
    e.uvarint(TAG_END)
    e.buf += END
    return bytes(e.buf)


# ---------------------------------------------------------------------------------------
# Decoding


class _Decoder:
    """Reads records from a blob; every malformation is an ImportDataError with an offset."""

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self.off = 0
        self.depth = 0
        self.types: list[typ.Type | None] = list(PREDECLARED)
        self.classes: list[tuple[type, Any, int]] = []
        """The tree's class table: class, state setter (None for an enum), field count."""
        self.strs: list[str] = []
        self.nodes: list[Any] = []
        """The shared nodes read so far (V_SHARED), in order, for V_REF."""

    def fail(self, msg: str) -> ImportDataError:
        return ImportDataError(f"import data offset {self.off}: {msg}")

    def uvarint(self) -> int:
        """Read one unsigned LEB128 varint."""
        off = self.off
        if off < len(self.blob) and (b := self.blob[off]) < 0x80:
            self.off = off + 1
            return b
        v = 0
        shift = 0
        while True:
            if self.off >= len(self.blob):
                raise self.fail("unexpected end of data")
            b = self.blob[self.off]
            self.off += 1
            v |= (b & 0x7F) << shift
            if b < 0x80:
                return v
            shift += 7
            if shift > 63:
                raise self.fail("varint overflows 64 bits")

    def string(self) -> str:
        """Read one length-prefixed UTF-8 string."""
        raw = self.raw("string")
        try:
            return raw.decode()
        except UnicodeDecodeError as err:
            raise self.fail("string is not UTF-8") from err

    def type(self) -> typ.Type:
        """Read a type reference, decoding (and numbering) a definition in place."""
        v = self.uvarint()
        if v >= TYPE_REF_BASE:
            n = v - TYPE_REF_BASE
            if n >= len(self.types):
                raise self.fail(f"reference to undefined type {n}")
            t = self.types[n]
            if t is None:
                raise self.fail(f"type {n} refers to itself")
            return t
        if self.depth >= MAX_DEPTH:
            raise self.fail(f"types nested more than {MAX_DEPTH} deep")
        slot = len(self.types)
        self.types.append(None)
        self.depth += 1
        t = self.define(v)
        self.depth -= 1
        self.types[slot] = t
        return t

    def define(self, kind: int) -> typ.Type:
        """Read the body of a type definition of the given kind."""
        match kind:
            case 1:
                return typ.Pointer(self.type())
            case 2:
                return typ.Slice(self.type())
            case 3:
                n = self.uvarint()
                return typ.Array(n, self.type())
            case 4:
                k = self.type()
                return typ.Map(k, self.type())
            case 5:
                ps = self.params()
                rs = self.params()
                return typ.Signature(
                    tuple(p.type for p in ps), tuple(r.type for r in rs), self.flags()
                )
            case 6:
                fields = []
                for _ in range(self.uvarint()):
                    name = self.string()
                    ft = self.type()
                    fields.append(typ.Field(name, ft, self.uvarint() == 1))
                return typ.Struct(tuple(fields))
            case 7:
                methods = []
                for _ in range(self.uvarint()):
                    name = self.string()
                    sig = self.type()
                    if not isinstance(sig, typ.Signature):
                        raise self.fail(f"method {name} has a non-function type")
                    methods.append(typ.IMethod(name, sig))
                return typ.Interface(tuple(methods))
            case 8:
                d = self.uvarint()
                if d not in (1, 2, 3):
                    raise self.fail(f"bad channel direction {d}")
                return typ.Chan(self.type(), typ.ChanDir(d))
        raise self.fail(f"bad type kind {kind}")

    def params(self) -> tuple[Param, ...]:
        """Read a count and that many (name, type) pairs."""
        out = []
        for _ in range(self.uvarint()):
            name = self.string()
            out.append(Param(name, self.type()))
        return tuple(out)

    def flags(self) -> bool:
        """Read a signature's flags word; returns whether it is variadic."""
        f = self.uvarint()
        if f & ~FLAG_VARIADIC:
            raise self.fail(f"unknown flags {f:#x}")
        return bool(f & FLAG_VARIADIC)

    def names(self) -> tuple[str, ...]:
        """Read a count and that many strings."""
        return tuple(self.string() for _ in range(self.uvarint()))

    def raw(self, what: str = "tree") -> bytes:
        """Read a length-prefixed run of bytes (an encoded tree, or what it names)."""
        n = self.uvarint()
        end = self.off + n
        if end > len(self.blob):
            raise self.fail(f"{what} runs past the end of data")
        out = self.blob[self.off:end]
        self.off = end
        return out

    def sections(self, package: str, objects: tuple[Object, ...]) -> ImportData:
        """Read the optional sections (each at most once, in tag order) up to the end."""
        found: dict[int, Any] = {}
        while True:
            start = self.off
            tag = self.uvarint()
            if tag == TAG_END:
                break
            if not SECTION_TAGS <= tag <= SECTION_BODIES or any(t >= tag for t in found):
                self.off = start
                raise self.fail(f"bad section tag {tag}")
            if tag == SECTION_TAGS:
                tags = []
                for _ in range(self.uvarint()):
                    sym = self.string()
                    ps = []
                    for _ in range(self.uvarint()):
                        heap = self.uvarint()
                        res = tuple((self.uvarint(), self.uvarint())
                                    for _ in range(self.uvarint()))
                        ps.append(ParamTag(None if heap == 0 else heap - 1, res))
                    tags.append((sym, tuple(ps)))
                found[tag] = tuple(tags)
            elif tag == SECTION_COSTS:
                found[tag] = tuple((self.string(), self.uvarint())
                                   for _ in range(self.uvarint()))
            elif tag in (SECTION_INLINE, SECTION_GCINLINE):
                found[tag] = self.names()
            elif tag == SECTION_DECLS:
                found[tag] = self.raw()
            else:
                found[tag] = tuple((self.string(), self.raw()) for _ in range(self.uvarint()))
        if self.blob[self.off:] != END:
            raise self.fail("missing end marker")
        return ImportData(package, objects, found.get(SECTION_TAGS, ()),
                          found.get(SECTION_COSTS, ()), found.get(SECTION_INLINE, ()),
                          found.get(SECTION_GCINLINE, ()), found.get(SECTION_DECLS, b""),
                          found.get(SECTION_BODIES, ()))

    # Trees.

    def tree(self) -> object:
        """Read a tree: its class table, then its value; the whole blob must be used."""
        self.classes = []
        for _ in range(self.uvarint()):
            name = self.string()
            names = self.names()
            self.classes.append(_resolve(name, names, self.fail))
        self.strs = []
        v = self.value()
        if self.off != len(self.blob):
            raise self.fail("trailing bytes after tree")
        return v

    def fields(self, n: int) -> list[Any]:
        """Read n values: a node's fields or a tuple's elements. The commonest (a node
        or tuple, None, a string already read, a position in a file already named, with
        one- or two-byte numbers) are read here, the rest by value: most of the time of
        reading declarations is this loop, and a call per value doubled it."""
        blob = self.blob
        end = len(blob) - 6
        strs = self.strs
        nstrs = len(strs)
        classes = self.classes
        out: list[Any] = []
        for _ in range(n):
            off = self.off
            if off < end:
                tag = blob[off]
                if (tag == V_NODE and (k := blob[off + 1]) < 0x80 and k < len(classes)
                        and (c := classes[k])[1] is not None and self.depth < MAX_TREE_DEPTH):
                    self.off = off + 2
                    self.depth += 1
                    if c[0] in _BUILT:
                        obj: Any = c[0](*self.fields(c[2]))
                    else:
                        obj = c[0].__new__(c[0])  # type: ignore[call-overload]
                        c[1](obj, self.fields(c[2]))
                    self.depth -= 1
                    out.append(obj)
                    nstrs = len(strs)
                    continue
                if tag == V_TUPLE and (k := blob[off + 1]) < 0x80 and self.depth < MAX_TREE_DEPTH:
                    self.off = off + 2
                    self.depth += 1
                    out.append(tuple(self.fields(k)))
                    self.depth -= 1
                    nstrs = len(strs)
                    continue
                if tag == V_NONE:
                    out.append(None)
                    self.off = off + 1
                    continue
                if tag == V_STRREF and (i := blob[off + 1]) < 0x80 and i < nstrs:
                    out.append(strs[i])
                    self.off = off + 2
                    continue
                if (tag == V_POS and blob[off + 1] == V_STRREF and (i := blob[off + 2]) < 0x80
                        and i < nstrs):
                    # line: one or two bytes; col: one.
                    line = blob[off + 3]
                    p = off + 4
                    if line >= 0x80:
                        hi = blob[p]
                        line = line & 0x7F | hi << 7 if hi < 0x80 else -1
                        p += 1
                    if line >= 0 and (col := blob[p]) < 0x80:
                        out.append(Pos(strs[i], line, col))
                        self.off = p + 1
                        continue
            out.append(self.value())
            nstrs = len(strs)
        return out

    def node(self) -> Any:
        """Read a node's class number and fields."""
        k = self.uvarint()
        if k >= len(self.classes):
            raise self.fail(f"undefined class {k}")
        cls, setstate, n = self.classes[k]
        if setstate is None:
            raise self.fail(f"{cls.__qualname__} is not a node class")
        self.depth += 1
        if self.depth > MAX_TREE_DEPTH:
            raise self.fail(f"tree nested more than {MAX_TREE_DEPTH} deep")
        if cls in _BUILT:
            obj: Any = cls(*self.fields(n))
        else:
            obj = cls.__new__(cls)  # type: ignore[call-overload]
            setstate(obj, self.fields(n))
        self.depth -= 1
        return obj

    def value(self) -> Any:
        """Read one tagged value of a tree (see V_*)."""
        blob = self.blob
        off = self.off
        if off >= len(blob):
            raise self.fail("unexpected end of data")
        tag = blob[off]
        # Fast paths for the commonest values: a position whose file is a string
        # already read, a node; both with one-byte varints.
        if tag == V_POS:
            if (off + 2 < len(blob) and blob[off + 1] == V_STRREF
                    and (n := blob[off + 2]) < 0x80 and n < len(self.strs)):
                self.off = off + 3
                return Pos(self.strs[n], self.uvarint(), self.uvarint())
            self.off = off + 1
            file = self.value()
            if type(file) is not str:
                raise self.fail("position file is not a string")
            return Pos(file, self.uvarint(), self.uvarint())
        self.off = off + 1
        if tag == V_NODE:
            return self.node()
        if tag == V_SHARED:
            node = self.node()
            self.nodes.append(node)
            return node
        if tag == V_REF:
            n = self.uvarint()
            if n >= len(self.nodes):
                raise self.fail(f"reference to undefined node {n}")
            return self.nodes[n]
        if tag == V_STRREF:
            n = self.uvarint()
            if n >= len(self.strs):
                raise self.fail(f"reference to undefined string {n}")
            return self.strs[n]
        if tag == V_NONE:
            return None
        if tag == V_STRING:
            s = self.string()
            self.strs.append(s)
            return s
        if tag == V_TUPLE:
            self.depth += 1
            if self.depth > MAX_TREE_DEPTH:
                raise self.fail(f"tree nested more than {MAX_TREE_DEPTH} deep")
            t = tuple(self.fields(self.uvarint()))
            self.depth -= 1
            return t
        if tag == V_INT:
            return self.uvarint()
        if tag == V_FALSE:
            return False
        if tag == V_TRUE:
            return True
        if tag == V_NEG:
            return -self.uvarint()
        if tag == V_ENUM:
            k = self.uvarint()
            if k >= len(self.classes) or self.classes[k][1] is not None:
                raise self.fail(f"undefined enum class {k}")
            ecls = self.classes[k][0]
            ev = self.value()
            try:
                return ecls(ev)
            except ValueError as err:
                raise self.fail(f"bad {ecls.__qualname__} value {ev!r}") from err
        if tag == V_TYPE:
            return self.type()
        if tag == V_BYTES:
            return self.raw()
        if tag == V_FROZENSET:
            items = [self.value() for _ in range(self.uvarint())]
            try:
                return frozenset(items)
            except TypeError as err:
                raise self.fail("unhashable set element") from err
        if tag == V_FLOAT:
            if self.off + 8 > len(self.blob):
                raise self.fail("unexpected end of data")
            self.off += 8
            return struct.unpack("<d", self.blob[self.off - 8:self.off])[0]
        raise self.fail(f"bad value tag {tag}")

    def obj(self) -> Object:
        """Read one object record."""
        tag = self.uvarint()
        if tag == TAG_FUNC:
            name = self.string()
            ps = self.params()
            rs = self.params()
            variadic = self.flags()
            if variadic and not (ps and isinstance(ps[-1].type, typ.Slice)):
                raise self.fail(f"variadic func {name} does not end in a slice parameter")
            return FuncObj(name, ps, rs, variadic)
        if tag == TAG_VAR:
            name = self.string()
            return VarObj(name, self.type())
        raise self.fail(f"bad object tag {tag}")


def decode(blob: bytes) -> ImportData:
    """The declarations encoded in blob; raises ImportDataError if it is malformed."""
    d = _Decoder(blob)
    if not blob.startswith(HEADER):
        line = blob.split(b"\n", 1)[0][:40]
        if line.startswith(b"version "):
            raise d.fail(f"export data {line.decode('ascii', 'replace')}, of another compiler "
                         f"version; want version {VERSION}")
        raise d.fail(f"bad header {line!r}; want {HEADER.strip().decode()!r}")
    d.off = len(HEADER)
    if d.uvarint() != TAG_PACKAGE:
        raise d.fail("missing package record")
    pkg = d.string()
    objects = tuple(d.obj() for _ in range(d.uvarint()))
    return d.sections(pkg, objects)


def decode_tree(tree: bytes) -> Any:
    """The value of an encoded tree (`encode_tree`); ImportDataError if it is malformed
    or names a class this compiler does not have with the same fields (export data of
    another compiler version)."""
    return _Decoder(tree).tree()


_SLOT = (types.MemberDescriptorType, types.GetSetDescriptorType)
"""A slot's descriptor, or a field's of a class mypyc compiled (compiler/accel): both are
set through fast_setstate. Such a class must be created by its own __new__ (node, obj),
not object.__new__, which refuses it."""


def _setter(names: tuple[str, ...]) -> Callable[[object, Any], None]:
    """A state setter of a dataclass without slots."""
    def setstate(obj: object, state: Any) -> None:
        if len(state) != len(names):
            raise ValueError("wrong number of fields")
        for n, v in zip(names, state, strict=True):
            object.__setattr__(obj, n, v)
    return setstate


_RESOLVED: dict[tuple[str, tuple[str, ...]], tuple[type, Any, int]] = {}
_BUILT: set[type] = set()
"""The resolved classes created by calling them with their fields: mypyc compiled their
spelled-out __init__ (ir.NATIVE_INIT), and a compiled class's __new__ runs that
__init__, so `cls.__new__(cls)` with no fields fails."""


def _resolve(name: str, names: tuple[str, ...], fail: Callable[[str], ImportDataError]
             ) -> tuple[type, Any, int]:
    """The class a tree's class table names, its state setter (None for an enum) and its
    field count; the fields must be the class's own, in order."""
    key = (name, names)
    got = _RESOLVED.get(key)
    if got is not None:
        return got
    mod, _, qual = name.partition(":")
    obj: Any = None
    if mod.startswith(TREE_MODULES):
        try:
            obj = importlib.import_module(mod)
            for part in qual.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            obj = None
    if isinstance(obj, type) and issubclass(obj, enum.Enum) and not names:
        got = (obj, None, 0)
    elif isinstance(obj, type) and dataclasses.is_dataclass(obj):
        if _field_names(obj) != names:
            raise fail(f"class {name} has other fields in this compiler: "
                       "export data of another compiler version")
        slotted = all(isinstance(getattr(obj, n, None), _SLOT) for n in names)
        got = (obj, fast_setstate(obj, names) if slotted else _setter(names), len(names))
        init = obj.__dict__.get("__init__")
        if init is not None and not isinstance(init, types.FunctionType) and \
                ir.field_names(obj) == names:
            _BUILT.add(obj)
    else:
        raise fail(f"no class {name} in this compiler: export data of another compiler version")
    _RESOLVED[key] = got
    return got


def type_table(blob: bytes) -> list[tuple[int, typ.Type]]:
    """The interned (non-predeclared) types of blob with their numbers, in order."""
    d = _Decoder(blob)
    d.off = len(HEADER)
    d.uvarint()
    d.string()
    for _ in range(d.uvarint()):
        d.obj()
    return [(i, t) for i, t in enumerate(d.types) if i >= len(PREDECLARED) and t is not None]


# ---------------------------------------------------------------------------------------
# Text


def _params_string(ps: tuple[Param, ...], variadic: bool) -> str:
    parts = []
    for i, p in enumerate(ps):
        t = typ.type_string(p.type)
        if variadic and i == len(ps) - 1:
            assert isinstance(p.type, typ.Slice)
            t = "..." + typ.type_string(p.type.elem)
        parts.append(f"{p.name} {t}" if p.name else t)
    return ", ".join(parts)


def object_string(o: Object) -> str:
    """Go's spelling of a declaration: `func convT2E(typ *byte, elem *any) (ret any)`."""
    match o:
        case FuncObj():
            s = f"func {o.name}({_params_string(o.params, o.variadic)})"
            if len(o.results) == 1 and not o.results[0].name:
                return s + " " + typ.type_string(o.results[0].type)
            if o.results:
                return s + f" ({_params_string(o.results, False)})"
            return s
        case VarObj():
            return f"var {o.name} {typ.type_string(o.type)}"


def listing(blob: bytes) -> str:
    """A human-readable listing of blob: header, package, objects, then the type table.

    Do NOT add summary lines (sizes, counts) before the objects: a golden diff must
    start at the changed declaration, or pytest's truncation hides its name.
    """
    data = decode(blob)
    lines = [f"version {VERSION}", f"package {data.package}"]
    lines += [object_string(o) for o in data.objects]
    if data.objects:
        lines.append(f"// interned types (numbers {len(PREDECLARED)} and up; "
                     f"0-{len(PREDECLARED) - 1} are predeclared)")
        lines += [f"// type {n}: {typ.type_string(t)}" for n, t in type_table(blob)]
    if data.decls:
        lines.append("// declarations")
        lines.append(tree_listing(decode_tree(data.decls)).rstrip("\n"))
    lines += [f"esc {sym}: {', '.join(tag_string(t) for t in tags) or '-'}"
              for sym, tags in data.tags]
    lines += [f"cost {sym} {c}" for sym, c in data.costs]
    lines += [f"inline {n}" for n in data.inline]
    lines += [f"gcinline {n}" for n in data.gcinline]
    for _, tree in data.bodies:
        lines.append(tree_listing(decode_tree(tree)).rstrip("\n"))
    return "\n".join(lines) + "\n"


def tag_string(t: ParamTag) -> str:
    """A parameter's escape tag: `heap` (level N if through N derefs), `result K level D`
    for each result it flows to, `none` if it does not leak."""
    parts = []
    if t.heap is not None:
        parts.append("heap" if t.heap == 0 else f"heap level {t.heap}")
    parts += [f"result {k} level {d}" for k, d in t.results]
    return " + ".join(parts) or "none"


def tree_listing(v: object) -> str:
    """A decoded tree as text: syntax trees as compiler.syntax.dump prints them, IR
    functions as compiler.ir.dump_func does, tuples element by element."""

    if isinstance(v, tuple):
        return "".join(tree_listing(x) for x in v)
    if isinstance(v, ast.File):
        return dump(v)
    if isinstance(v, ir.Func):
        return ir.dump_func(v)
    return f"{v!r}\n"


_ESCAPES = {
    0x07: "\\a", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f",
    0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\",
}


def escape(b: bytes) -> str:
    """b as the body of a Go string literal (also a valid Python bytes literal body)."""
    out = []
    for c in b:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif 0x20 <= c < 0x7F:
            out.append(chr(c))
        else:
            out.append(f"\\x{c:02x}")
    return "".join(out)


def split_chunks(blob: bytes, width: int = 64) -> list[bytes]:
    """blob cut after each NUL byte, and wherever a piece's escaped text passes width."""
    chunks: list[bytes] = []
    cur = bytearray()
    size = 0
    for c in blob:
        n = len(escape(bytes([c])))
        if cur and size + n > width:
            chunks.append(bytes(cur))
            cur, size = bytearray(), 0
        cur.append(c)
        size += n
        if c == 0:
            chunks.append(bytes(cur))
            cur, size = bytearray(), 0
    if cur:
        chunks.append(bytes(cur))
    return chunks


def render_go_string(blob: bytes, name: str = "runtimeimport") -> str:
    """blob as a Go constant laid out like gc's builtin.go (one piece per line)."""
    lines = [f'const {name} = "" +']
    chunks = split_chunks(blob)
    for i, ch in enumerate(chunks):
        tail = " +" if i < len(chunks) - 1 else ""
        lines.append(f'\t"{escape(ch)}"{tail}')
    return "\n".join(lines) + "\n"


def render_py_bytes(blob: bytes, indent: str = "    ") -> str:
    """blob as the lines of a parenthesized Python bytes literal (one piece per line)."""
    return "".join(f'{indent}b"{escape(ch)}"\n' for ch in split_chunks(blob))
