"""Builtin import data: the binary format refgo keeps the runtime's declarations in.

The format is documented in docs/builtin-format.md. For the declarations

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
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.diag import Pos
from compiler.types import typ

VERSION = 1
HEADER = b"version %d\n" % VERSION
END = b"$$\n"

TAG_END = 0
TAG_PACKAGE = 1
TAG_FUNC = 2
TAG_VAR = 3

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
    """One package's declarations in source order, as encoded and decoded."""

    package: str
    objects: tuple[Object, ...]


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

    def uvarint(self, v: int) -> None:
        """Append v as an unsigned LEB128 varint (Go's binary.PutUvarint)."""
        if v < 0:
            raise ImportDataError(f"negative integer {v}")
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

    def fail(self, msg: str) -> ImportDataError:
        return ImportDataError(f"import data offset {self.off}: {msg}")

    def uvarint(self) -> int:
        """Read one unsigned LEB128 varint."""
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
        n = self.uvarint()
        end = self.off + n
        if end > len(self.blob):
            raise self.fail("string runs past the end of data")
        raw = self.blob[self.off:end]
        self.off = end
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
        raise d.fail(f"bad header {line!r}; want {HEADER.strip().decode()!r}")
    d.off = len(HEADER)
    if d.uvarint() != TAG_PACKAGE:
        raise d.fail("missing package record")
    pkg = d.string()
    objects = tuple(d.obj() for _ in range(d.uvarint()))
    if d.uvarint() != TAG_END or blob[d.off:] != END:
        raise d.fail("missing end marker")
    return ImportData(pkg, objects)


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
    lines.append(f"// interned types (numbers {len(PREDECLARED)} and up; "
                 f"0-{len(PREDECLARED) - 1} are predeclared)")
    lines += [f"// type {n}: {typ.type_string(t)}" for n, t in type_table(blob)]
    return "\n".join(lines) + "\n"


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
