"""The export-data format's sections and trees (docs/export-format.md): what a separately
compiled package exports round-trips, and malformed or foreign data is one ImportDataError."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler import ir, syntax
from compiler.builtin import exportdata as ed
from compiler.diag import Diagnostics, Pos
from compiler.escape.result import ParamTag
from compiler.syntax import ast
from compiler.types import typ
from tests.test_builtin import corrupt

SRC = b"""package p

import "errors"

type T struct{ X, Y int }

func (t *T) Sum() int { return t.X + t.Y }

const Big = 1 << 62

var ErrX = errors.New("x")

func F(a []byte, f float64) (n int) { return len(a) }
"""


def _files() -> tuple[ast.File, ...]:
    diags = Diagnostics()
    f = syntax.parse_file("p.go", SRC, diags)
    assert diags.errors == 0
    return (f,)


def _body() -> ir.Func:
    pos = Pos("p.go", 300, 2)
    slot = ir.Slot("x", ir.SlotKind.PARAM, 8, (0,), type=typ.UNSAFE_POINTER)
    return ir.Func("p.F", pos, (slot,), (ir.Block(0, (), ir.Ret(pos)),), 8)


def test_ir_bodies_round_trip() -> None:
    f = _body()
    g = ed.decode_tree(ed.encode_tree(f))
    assert g == f
    assert g.slots[0].type is typ.UNSAFE_POINTER


def test_syntax_trees_round_trip() -> None:
    files = _files()
    tree = ed.encode_tree(files)
    assert ed.decode_tree(tree) == files
    # A string is written once, then referred to by number.
    assert tree.count(b"\x04p.go") == 1


def test_sections_round_trip() -> None:
    data = ed.ImportData(
        "p", (),
        tags=(("p.F", (ParamTag(None, ()), ParamTag(1, ((0, 0), (1, 2))))),),
        costs=(("p.F", 4), ("p.(*T).Sum", 9)), inline=("p.F",), gcinline=("p.(*T).Sum",),
        decls=ed.encode_tree(_files()), bodies=(("p.F", ed.encode_tree(_body())),))
    blob = ed.encode(data)
    assert ed.decode(blob) == data
    assert ed.encode(ed.decode(blob)) == blob


def test_sections_out_of_order_are_rejected() -> None:
    blob = ed.encode(ed.ImportData("p", (), inline=("a",), costs=(("a", 1),)))
    i = blob.index(bytes([ed.SECTION_COSTS]))
    j = blob.index(bytes([ed.SECTION_INLINE]), i)
    swapped = blob[:i] + blob[j:-4] + blob[i:j] + blob[-4:]
    with pytest.raises(ed.ImportDataError, match="bad section tag"):
        ed.decode(swapped)


def test_floats_sets_bytes_and_negative_ints() -> None:
    v = (1.5, frozenset({3, 1, 2}), b"\x00\xff", -7, 2**64 - 1, None, True, False)
    assert ed.decode_tree(ed.encode_tree(v)) == v
    assert ed.encode_tree(frozenset({3, 1, 2})) == ed.encode_tree(frozenset({2, 1, 3}))


def test_unencodable_values_are_errors() -> None:
    with pytest.raises(ed.ImportDataError, match="cannot encode a dict"):
        ed.encode_tree({"a": 1})


def _tree_naming(cls: str, fields: tuple[str, ...]) -> bytes:
    e = ed._Encoder()
    e.uvarint(1)
    e.string(cls)
    e.uvarint(len(fields))
    for f in fields:
        e.string(f)
    e.buf += bytes([ed.V_NODE, 0]) + bytes([ed.V_NONE]) * len(fields)
    return bytes(e.buf)


@pytest.mark.parametrize("cls, fields, msg", [
    ("compiler.syntax.ast:Name", ("pos", "text"), "other fields in this compiler"),
    ("compiler.syntax.ast:Gone", ("pos",), "no class compiler.syntax.ast:Gone"),
    ("os:system", (), "no class os:system"),
])
def test_trees_of_another_compiler_version(cls: str, fields: tuple[str, ...],
                                           msg: str) -> None:
    with pytest.raises(ed.ImportDataError, match=msg) as err:
        ed.decode_tree(_tree_naming(cls, fields))
    assert "another compiler version" in str(err.value)


def test_export_data_of_another_version() -> None:
    blob = ed.encode(ed.ImportData("p", ()))
    old = blob.replace(b"version 2\n", b"version 1\n", 1)
    with pytest.raises(ed.ImportDataError,
                       match="export data version 1, of another compiler version"):
        ed.decode(old)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_tree_decoder_rejects_corruption_cleanly(d: st.DataObject) -> None:
    try:
        ed.decode_tree(corrupt(d, ed.encode_tree(_files())))
    except ed.ImportDataError as err:
        assert str(err).startswith("import data offset ")


def test_listing_of_a_package() -> None:
    data = ed.ImportData("p", (), tags=(("p.F", (ParamTag(0, ()), ParamTag(None, ((0, 1),)))),),
                         costs=(("p.F", 4),), inline=("p.F",),
                         decls=ed.encode_tree(_files()), bodies=(("p.F", ed.encode_tree(_body())),))
    text = ed.listing(ed.encode(data))
    assert text.startswith("version 2\npackage p\n// declarations\nFile 1:1 package=p\n")
    assert "esc p.F: heap, result 0 level 1\n" in text
    assert "cost p.F 4\ninline p.F\nfunc p.F args=8\n" in text


def test_varint_boundaries_of_positions_and_strings() -> None:
    # The decoder reads positions and string references with one- and two-byte numbers
    # without a call per value; past those (string 128 on, line 16384 on, column 128
    # on) it takes the general path.
    spots = [(ln, c) for ln in (1, 127, 128, 16383, 16384, 300000) for c in (1, 127, 128)]
    names = tuple(ast.Name(Pos(f"f{i % 150}.go", *spots[i % len(spots)]), f"n{i % 170}")
                  for i in range(400))
    assert ed.decode_tree(ed.encode_tree(names)) == names


def test_tree_nesting_is_bounded() -> None:
    deep = b"\x00" + bytes([ed.V_TUPLE, 1]) * 3000 + bytes([ed.V_NONE])
    with pytest.raises(ed.ImportDataError, match="nested more than 2000 deep"):
        ed.decode_tree(deep)
    ok = b"\x00" + bytes([ed.V_TUPLE, 1]) * 500 + bytes([ed.V_NONE])
    v = ed.decode_tree(ok)
    for _ in range(500):
        assert isinstance(v, tuple) and len(v) == 1
        v = v[0]
    assert v is None


def test_shared_nodes_stay_shared() -> None:
    # `var a, b T`-like sharing: a node the tree holds twice is one object after decoding.
    t = ast.Name(Pos("p.go", 1, 1), "T")
    pair = (ast.Field(Pos("p.go", 1, 2), ast.Name(Pos("p.go", 1, 2), "a"), t),
            ast.Field(Pos("p.go", 1, 5), ast.Name(Pos("p.go", 1, 5), "b"), t))
    got = ed.decode_tree(ed.encode_tree(pair))
    assert got == pair and got[0].type is got[1].type
    assert ed.decode_tree(ed.encode_tree(_files())) == _files()
