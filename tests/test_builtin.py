"""Tests of the builtin runtime import data: generation, format, decoder, mkbuiltin CLI."""

from __future__ import annotations

import ast as pyast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler import builtin
from compiler.builtin import exportdata as ed
from compiler.builtin import mkbuiltin
from compiler.builtin.runtimedata import RUNTIME_IMPORT
from compiler.diag import InternalError
from compiler.types import typ

ROOT = Path(__file__).resolve().parent.parent


def test_checked_in_data_is_current() -> None:
    want = mkbuiltin.module_text(mkbuiltin.build())
    got = mkbuiltin.RUNTIMEDATA_PY.read_text()
    assert got == want, f"compiler/builtin/runtimedata.py: {mkbuiltin.OUT_OF_DATE}"


def test_checked_in_data_round_trips() -> None:
    data = ed.decode(RUNTIME_IMPORT)
    assert data.package == "runtime"
    assert ed.encode(data) == RUNTIME_IMPORT


def test_generated_module_holds_the_blob_split_after_nul() -> None:
    tree = pyast.parse(mkbuiltin.RUNTIMEDATA_PY.read_text())
    assign = next(n for n in tree.body if isinstance(n, pyast.Assign))
    assert isinstance(assign.value, pyast.Constant)
    assert assign.value.value == RUNTIME_IMPORT
    pieces = [
        ln.strip()
        for ln in mkbuiltin.RUNTIMEDATA_PY.read_text().splitlines()
        if ln.startswith('    b"')
    ]
    assert b"".join(pyast.literal_eval(p) for p in pieces) == RUNTIME_IMPORT
    for p in pieces[:-1]:
        assert p.endswith('\\x00"') or len(p) > 60, p


def test_build_is_deterministic_across_processes() -> None:
    code = (
        "import sys; from compiler.builtin import mkbuiltin; "
        "sys.stdout.buffer.write(mkbuiltin.build())"
    )
    outs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, check=True, cwd=ROOT
        )
        outs.add(r.stdout)
    assert outs == {mkbuiltin.build()}


def test_header_and_end_marker() -> None:
    assert RUNTIME_IMPORT.startswith(b"version 2\n\x01\x07runtime")
    assert RUNTIME_IMPORT.endswith(b"\x00$$\n")


def test_lookup_gives_gc_conversion_signatures() -> None:
    f = builtin.lookup("convT")
    assert f.symbol == "runtime.convT"
    assert f.external
    assert f.sig == typ.Signature((typ.Pointer(typ.BYTE), typ.Pointer(builtin.ANY)),
                                  (typ.UNSAFE_POINTER,))
    assert builtin.is_any(f.sig.params[1].elem)
    assert not builtin.is_any(typ.EMPTY_INTERFACE)
    assert builtin.lookup("convT16").sig.params[0] == typ.UINT16
    assert builtin.call_words("convT") == (2, 1)
    assert builtin.call_words("convTstring") == (2, 1)
    assert builtin.call_words("convTslice") == (3, 1)
    assert builtin.call_words("printstring") == (2, 0)
    assert builtin.call_words("growslice") == (5, 2)


def test_lookup_of_undeclared_name_is_internal_error() -> None:
    with pytest.raises(InternalError, match="runtime.nosuch is not declared"):
        builtin.lookup("nosuch")
    with pytest.raises(InternalError):
        builtin.lookup_var("nosuch")


def test_every_runtime_go_func_is_decoded() -> None:
    src = mkbuiltin.RUNTIME_GO.read_text()
    declared = {ln.split("(")[0].split()[1] for ln in src.splitlines() if ln.startswith("func ")}
    assert declared == set(builtin.functions())


# ---------------------------------------------------------------------------------------
# Format: round trips over generated declarations


_basic = st.sampled_from(ed.PREDECLARED)
_name = st.text(alphabet="abcxyz_é0", min_size=0, max_size=6)
_types: st.SearchStrategy[typ.Type] = st.deferred(lambda: st.one_of(_basic, _basic, _composite))
_sigs = st.builds(
    lambda ps, rs: typ.Signature(tuple(ps), tuple(rs)),
    st.lists(_types, max_size=3),
    st.lists(_types, max_size=2),
)
_composite: st.SearchStrategy[typ.Type] = st.one_of(
    st.builds(typ.Pointer, _types),
    st.builds(typ.Slice, _types),
    st.builds(typ.Array, st.integers(0, 1 << 40), _types),
    st.builds(typ.Map, _types, _types),
    st.builds(typ.Chan, _types, st.sampled_from(typ.ChanDir)),
    _sigs,
    st.builds(
        lambda fs: typ.Struct(tuple(fs)),
        st.lists(st.builds(typ.Field, _name, _types, st.booleans()), max_size=3),
    ),
    st.builds(
        lambda ms: typ.Interface(tuple(sorted(ms, key=lambda m: m.name))),
        st.lists(st.builds(typ.IMethod, _name, _sigs), max_size=2, unique_by=lambda m: m.name),
    ),
)
_params = st.lists(st.builds(ed.Param, _name, _types), max_size=4).map(tuple)


@st.composite
def _func(draw: st.DrawFn, name: str) -> ed.FuncObj:
    ps = draw(_params)
    variadic = draw(st.booleans())
    if variadic:
        ps = ps + (ed.Param("args", typ.Slice(draw(_types))),)
    return ed.FuncObj(name, ps, draw(_params), variadic)


@st.composite
def _data(draw: st.DrawFn) -> ed.ImportData:
    names = draw(
        st.lists(st.from_regex(r"[a-z][a-zA-Z0-9]{0,8}", fullmatch=True), max_size=6, unique=True)
    )
    objs: list[ed.Object] = []
    for n in names:
        if draw(st.booleans()):
            objs.append(draw(_func(n)))
        else:
            objs.append(ed.VarObj(n, draw(_types)))
    return ed.ImportData(draw(st.sampled_from(["runtime", "unsafe", "p"])), tuple(objs))


@settings(max_examples=100, deadline=None)
@given(_data())
def test_encode_decode_round_trip(data: ed.ImportData) -> None:
    blob = ed.encode(data)
    assert ed.decode(blob) == data
    assert ed.encode(data) == blob
    assert ed.encode(ed.decode(blob)) == blob
    assert ed.listing(blob).startswith("version 2\npackage ")


def corrupt(d: st.DataObject, data: bytes) -> bytes:
    """data truncated, with one byte flipped, or with one byte inserted, as d draws."""
    blob = bytearray(data)
    op = d.draw(st.sampled_from(["truncate", "flip", "insert"]))
    i = d.draw(st.integers(0, len(blob) - 1))
    if op == "truncate":
        del blob[i:]
    elif op == "flip":
        blob[i] ^= d.draw(st.integers(1, 255))
    else:
        blob.insert(i, d.draw(st.integers(0, 255)))
    return bytes(blob)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_decoder_rejects_corruption_cleanly(d: st.DataObject) -> None:
    try:
        ed.decode(corrupt(d, RUNTIME_IMPORT))
    except ed.ImportDataError as err:
        assert str(err).startswith("import data offset ")


def test_types_are_interned_by_first_use() -> None:
    pb = typ.Pointer(typ.BYTE)
    data = ed.ImportData(
        "runtime",
        (
            ed.FuncObj("f", (ed.Param("a", pb), ed.Param("b", pb)), ()),
            ed.VarObj("v", typ.Slice(pb)),
        ),
    )
    blob = ed.encode(data)
    # *byte is defined once (kind 1, elem byte=18) and referred to as 16+22 afterwards.
    assert blob.count(b"\x01" + bytes([16 + 18])) == 1
    assert blob.count(bytes([16 + 22])) == 2
    table = ed.type_table(blob)
    assert table == [(22, pb), (23, typ.Slice(pb))]


def test_varints_are_leb128() -> None:
    data = ed.ImportData("p", (ed.VarObj("a", typ.Array(300, typ.INT)),))
    blob = ed.encode(data)
    assert b"\x03\xac\x02\x11" in blob  # kind array, 300 = 0xac 0x02, elem int (16+1)
    assert ed.decode(blob) == data


@pytest.mark.parametrize(
    "blob, msg",
    [
        (b"version 1\n", "export data version 1, of another compiler version; want version 2"),
        (b"refgo\n", "bad header"),
        (b"version 2\n\x02", "missing package record"),
        (b"version 2\n\x01\x01p\x01\x09", "bad object tag 9"),
        (b"version 2\n\x01\x01p\x01\x03\x01v\x09", "bad type kind 9"),
        (b"version 2\n\x01\x01p\x01\x03\x01v\x08\x04", "bad channel direction 4"),
        (b"version 2\n\x01\x01p\x01\x03\x01v\x7f", "reference to undefined type"),
        (b"version 2\n\x01\x01p\x00\x00$$", "missing end marker"),
        (b"version 2\n\x01\x05p", "string runs past the end"),
        (b"version 2\n\x01\x01p\x01\x02\x01f\x00\x00\x02", "unknown flags"),
        (b"version 2\n\x01\x01p\x01\x02\x01f\x00\x00\x01", "does not end in a slice"),
        (b"version 2\n\x01\x01p\x01\x03\x01v" + b"\x01" * 5000, "nested more than 100 deep"),
    ],
)
def test_decoder_errors(blob: bytes, msg: str) -> None:
    with pytest.raises(ed.ImportDataError, match=msg):
        ed.decode(blob)


def test_encoder_rejects_duplicates() -> None:
    f = ed.FuncObj("f", (), ())
    with pytest.raises(ed.ImportDataError, match="f declared twice"):
        ed.encode(ed.ImportData("p", (f, f)))


def test_object_strings() -> None:
    f = ed.FuncObj(
        "f",
        (ed.Param("a", typ.INT), ed.Param("rest", typ.Slice(typ.STRING))),
        (ed.Param("", typ.BOOL),),
        variadic=True,
    )
    assert ed.object_string(f) == "func f(a int, rest ...string) bool"
    g = ed.FuncObj(
        "g", (ed.Param("", typ.INT),), (ed.Param("x", typ.INT), ed.Param("ok", typ.BOOL))
    )
    assert ed.object_string(g) == "func g(int) (x int, ok bool)"
    assert ed.object_string(ed.VarObj("v", typ.Map(typ.STRING, ed.ANY))) == "var v map[string]any"


def test_go_string_rendering_splits_after_nul_and_unescapes() -> None:
    text = ed.render_go_string(RUNTIME_IMPORT)
    lines = text.splitlines()
    assert lines[0] == 'const runtimeimport = "" +'
    body = lines[1:]
    assert all(ln.startswith('\t"') for ln in body)
    assert all(ln.endswith('" +') for ln in body[:-1]) and body[-1].endswith('"')
    pieces = [ln.strip().removesuffix(" +") for ln in body]
    raw = [pyast.literal_eval("b" + p) for p in pieces]
    assert b"".join(raw) == RUNTIME_IMPORT
    for r in raw[:-1]:
        assert r.endswith(b"\x00") or len(ed.escape(r)) > 60
    assert all(b"\x00" not in r[:-1] for r in raw)


def test_escape_matches_go_strconv_spelling() -> None:
    assert (
        ed.escape(b'a\x00\x07\x08\t\n\x0b\x0c\r"\\\x7f\x80\xff')
        == 'a\\x00\\a\\b\\t\\n\\v\\f\\r\\"\\\\\\x7f\\x80\\xff'
    )


# ---------------------------------------------------------------------------------------
# mkbuiltin: declarations and the command line


def _decls(tmp_path: Path, src: str) -> bytes:
    p = tmp_path / "runtime.go"
    p.write_text(src)
    return mkbuiltin.build(p)


def test_mkbuiltin_resolves_types(tmp_path: Path) -> None:
    blob = _decls(
        tmp_path,
        """package runtime

import "unsafe"

var zeroVal [1024]byte
var flags struct{ enabled bool; pad [3]byte }

func f(p unsafe.Pointer, m map[string]*any, fn func(int) bool, xs ...interface{}) (n int)
func g(int, string) (bool)
func h(c chan<- any, r <-chan (<-chan int)) (chan (<-chan any))
""",
    )
    assert ed.listing(blob).splitlines()[2:7] == [
        "var zeroVal [1024]byte",
        "var flags struct { enabled bool; pad [3]byte }",
        "func f(p unsafe.Pointer, m map[string]*any, fn func(int) bool, xs ...interface {})"
        " (n int)",
        "func g(int, string) bool",
        "func h(c chan<- any, r <-chan <-chan int) chan (<-chan any)",
    ]


@pytest.mark.parametrize(
    "src, msg",
    [
        ("package runtime\nfunc f() {}\n", "only bodyless funcs"),
        ("package runtime\nfunc f(x T)\n", "unsupported type expression"),
        ("package runtime\nconst c = 1\n", "unsupported declaration"),
        ("package runtime\nfunc f()\nfunc f()\n", "f declared twice"),
        ("package runtime\nfunc f(\n", "."),
    ],
)
def test_mkbuiltin_rejects_bad_declarations(tmp_path: Path, src: str, msg: str) -> None:
    with pytest.raises(mkbuiltin.DeclError, match=msg) as err:
        _decls(tmp_path, src)
    assert str(err.value).startswith(str(tmp_path / "runtime.go") + ":")
    assert "\n" not in str(err.value)


def _run_mkbuiltin(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "compiler.builtin.mkbuiltin", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_mkbuiltin_check_passes_on_checked_in_tree() -> None:
    r = _run_mkbuiltin("-check")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_mkbuiltin_list_prints_listing() -> None:
    r = _run_mkbuiltin("-list")
    assert r.returncode == 0
    assert r.stdout == ed.listing(RUNTIME_IMPORT)
    assert "func convT(typ *byte, elem *any) unsafe.Pointer\n" in r.stdout


def test_mkbuiltin_bad_flag() -> None:
    r = _run_mkbuiltin("-frob")
    assert r.returncode == 2
    assert "usage: refgo mkbuiltin" in r.stderr


def test_mkbuiltin_check_regenerate_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rt = tmp_path / "runtime.go"
    data = tmp_path / "runtimedata.py"
    rt.write_text(mkbuiltin.RUNTIME_GO.read_text())
    data.write_text(mkbuiltin.RUNTIMEDATA_PY.read_text())
    monkeypatch.setattr(mkbuiltin, "RUNTIME_GO", rt)
    monkeypatch.setattr(mkbuiltin, "RUNTIMEDATA_PY", data)
    assert mkbuiltin.main(["-check"]) == 0
    rt.write_text(rt.read_text().replace("func convT(typ *byte, elem *any)",
                                         "func convT(typ *byte, elem, buf *any)"))
    assert mkbuiltin.main(["-check"]) == 1
    assert capsys.readouterr().err == "runtimedata.py: out of date; run refgo mkbuiltin\n"
    assert mkbuiltin.main([]) == 0
    assert mkbuiltin.main(["-check"]) == 0
    ns: dict[str, object] = {}
    exec(data.read_text(), ns)
    blob = ns["RUNTIME_IMPORT"]
    assert isinstance(blob, bytes)
    assert "func convT(typ *byte, elem *any, buf *any) unsafe.Pointer" in ed.listing(blob)
    rt.write_text("package runtime\nfunc f() {}\n")
    assert mkbuiltin.main([]) == 1
    assert "only bodyless funcs" in capsys.readouterr().err


def test_refgo_cli_dispatches_mkbuiltin(capsys: pytest.CaptureFixture[str]) -> None:
    from compiler import cli

    assert cli.main(["mkbuiltin", "-check"]) == 0
    assert cli.main(["mkbuiltin", "-list"]) == 0
    assert capsys.readouterr().out == ed.listing(RUNTIME_IMPORT)


# The C files whose RT("name") labels are the entry points compiled code calls.
ENTRY_FILES = ("runtime.c", "chan.c", "sched.c")


def test_runtime_go_declares_exactly_the_c_runtime_entry_points() -> None:
    import re

    c_src = "".join((ROOT / "compiler" / "runtime" / f).read_text() for f in ENTRY_FILES)
    in_c = set(re.findall(r'\bRT\("([A-Za-z0-9_]+)"\)', c_src))
    declared = set(builtin.functions())
    assert sorted(in_c - declared) == [], "C entry points missing from runtime.go"
    assert sorted(declared - in_c) == [], "runtime.go declares functions runtime.c lacks"


# closechan's `hchan any` is, as in gc, the channel itself at each call site: one word.
_ARITY_DIFFERS = {"closechan"}


def test_runtime_go_word_counts_match_the_c_prototypes() -> None:
    import re

    c_src = "".join((ROOT / "compiler" / "runtime" / f).read_text() for f in ENTRY_FILES)
    protos = re.findall(r'([A-Za-z_][\w \t]*?[\s*]+)(\w+)\s*\(([^)]*)\)\s*RT\("(\w+)"\)', c_src)
    assert {p[3] for p in protos} == set(re.findall(r'\bRT\("(\w+)"\)', c_src))
    wrong = []
    for ret, _cname, params, name in protos:
        ret = ret.strip()
        results = 0 if ret == "void" else 2 if ret == "pair" else 1
        args = 0 if params.strip() in ("", "void") else params.count(",") + 1
        if name not in _ARITY_DIFFERS and builtin.call_words(name) != (args, results):
            wrong.append(f"{name}: runtime.c {(args, results)}, "
                         f"runtime.go {builtin.call_words(name)}")
    assert wrong == []


def test_mkbuiltin_list_reports_corrupt_data(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from compiler.builtin import runtimedata

    monkeypatch.setattr(runtimedata, "RUNTIME_IMPORT", RUNTIME_IMPORT[:-5])
    assert mkbuiltin.main(["-list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("runtimedata.py: import data offset ")
    assert err.endswith("; run refgo mkbuiltin\n")
