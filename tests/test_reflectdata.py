"""compiler/reflectdata.py's layout names agree with the C runtime that reads them: the
offsets of `struct type` and `struct itab`, the KIND_* enum and the eqkind codes, as
compiler/runtime/type.h and runtime.c declare them; and a descriptor is laid out at those
offsets."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from compiler import reflectdata as R
from compiler.staticdata import StaticData
from compiler.types.typ import INT, STRING, Array, Field, Map, Struct

RUNTIME_C = "\n".join((Path(R.__file__).parent / "runtime" / f).read_text()
                      for f in ("type.h", "runtime.c"))
_CSIZE = {"uint8_t": 1, "uint32_t": 4}


def _struct_offsets(name: str) -> dict[str, int]:
    """Field name → offset from the `/* +N */` comments of `struct name {...}`."""
    body = re.search(r"(?:struct|typedef struct) " + name + r" \{(.*?)\n\}", RUNTIME_C, re.S)
    assert body is not None
    out: dict[str, int] = {}
    for decl, off in re.findall(r"^\s*([^/\n]*?);\s*/\* \+(\d+)", body.group(1), re.M):
        words = decl.replace("*", " ").replace(",", " , ").split()
        ctype = words[0] if words[0] != "const" else words[1]
        names = [w.rstrip("[]") for w, nxt in zip(words, [*words[1:], ","], strict=True)
                 if nxt == "," and w != ","]
        for i, n in enumerate(names):
            out[n] = int(off) + i * _CSIZE.get(ctype, 8)
    return out


def test_type_offsets_are_runtime_cs() -> None:
    offs = _struct_offsets("type")
    assert len(offs) == 22
    for field, off in offs.items():
        assert getattr(R, f"TYPE_{field.upper()}") == off, field
    assert R.TYPE_BYTES == R.TYPE_PTRTOTHIS + 8


def test_itab_offsets_are_runtime_cs() -> None:
    offs = _struct_offsets("itab")
    assert offs == {"inter": R.ITAB_INTER, "typ": R.ITAB_TYP, "hash": R.ITAB_HASH,
                    "fun": R.ITAB_FUN}


def test_kinds_are_runtime_cs() -> None:
    enum = re.search(r"enum \{ (KIND_BOOL = 1.*?) \};", RUNTIME_C, re.S)
    assert enum is not None
    value = 0
    seen = {}
    for item in enum.group(1).replace("\n", " ").split(","):
        name, _, v = item.strip().partition(" = ")
        value = int(v) if v else value + 1
        seen[name.removeprefix("KIND_")] = value
    assert seen == {k.name: k.value for k in R.RtKind}


def test_eq_kinds_are_runtime_cs() -> None:
    comment = re.search(r"uintptr_t eqkind;\s*/\* \+24: (.*?)\*/", RUNTIME_C, re.S)
    assert comment is not None
    codes = re.findall(r"(\d) ([a-z/]+)", comment.group(1))
    assert {int(k): word for k, word in codes} == {
        R.EqKind.MEMORY: "memory", R.EqKind.STRING: "string",
        R.EqKind.INTERFACE: "interface", R.EqKind.FLOAT: "float",
        R.EqKind.NOT_COMPARABLE: "not", R.EqKind.FIELDWISE: "struct/array"}


def test_descriptor_fields_at_their_offsets() -> None:
    static = StaticData()
    rd = R.ReflectData(static, set(), lambda: -1)
    st = Struct((Field("s", STRING), Field("n", INT)))
    sym = rd.type_sym(Array(3, st))
    d = static.data[sym]

    def word(off: int) -> int:
        return int(struct.unpack_from("<Q", d.data, off)[0])

    assert len(d.data) == R.TYPE_BYTES
    assert word(R.TYPE_SIZE) == 72 and word(R.TYPE_LEN) == 3
    assert d.data[R.TYPE_KIND] == R.RtKind.ARRAY
    assert word(R.TYPE_EQKIND) == R.EqKind.FIELDWISE and word(R.TYPE_NEQFIELDS) == 6
    relocs = {r.off: r.sym for r in d.relocs}
    assert relocs[R.TYPE_ELEM] == rd.type_sym(st)
    eq = static.data[relocs[R.TYPE_EQFIELDS]]
    assert struct.unpack_from("<Q", eq.data, 5 * R.EQFIELD_BYTES + R.EQFIELD_OFF) == (64,)
    m = static.data[rd.type_sym(Map(STRING, INT))]
    assert {r.off for r in m.relocs} == {R.TYPE_NAME, R.TYPE_ELEM, R.TYPE_KEY}
    assert m.data[R.TYPE_TFLAG] == R.TFLAG_DIRECT_IFACE
    assert word(R.TYPE_NAMELEN) == len("[3]struct { s string; n int }")
