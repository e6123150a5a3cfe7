"""reflect against gc over the fuzz generator's types.

For each seed the fuzz generator (harness/fuzz) declares its named types, methods and
interfaces; this test appends a main that reports, for every named type T, *T, every
interface and a few composites of them, what reflect says (String, Kind, Name, Size,
Align, Comparable, methods with their types, struct fields with types and offsets,
Implements for each interface, DeepEqual of zero values, Value round trips), builds the
program with gc and with refgo, and requires the same output. E.g. seed 0 declares
`type T0 struct { f0 int; f1 uint8 }` and checks `main.T0 struct T0 16 8 true ...`.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.fuzz.gen import Gen, Var
from harness.fuzz.types import BOOL, STRING

REPO = Path(__file__).resolve().parent.parent
GO = next((c for c in (os.environ.get("GO"), shutil.which("go"), "/usr/lib/go-1.19/bin/go")
           if c and Path(c).is_file()), None)
pytestmark = pytest.mark.skipif(GO is None, reason="no Go toolchain installed")
SEEDS = range(4)

REPORT = r'''
func report(t reflect.Type, ifaces []reflect.Type) {
	fmt.Println(t, t.Kind(), t.Name(), t.Size(), t.Align(), t.Comparable(), t.NumMethod())
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Println("  method", m.Index, m.Name, m.Type)
	}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fmt.Println("  field", f.Name, f.Type, f.Offset, f.Index, f.IsExported())
		}
	}
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array ||
		t.Kind() == reflect.Map {
		fmt.Println("  elem", t.Elem())
	}
	for _, it := range ifaces {
		fmt.Print(t.Implements(it), t.AssignableTo(it), " ")
	}
	fmt.Println()
	z := reflect.Zero(t)
	fmt.Println("  zero", z.IsZero(), reflect.DeepEqual(z.Interface(), reflect.Zero(t).Interface()))
	if t.Name() != "" && t.Kind() != reflect.Interface { // refgo has *T for these T
		p := reflect.New(t)
		fmt.Println("  new", p.Type(), p.Elem().CanSet(), p.Elem().Kind())
	}
}
'''


def program(seed: int) -> str:
    """The generator's declarations for seed followed by a main reporting on them."""
    g = Gen(random.Random(f"refgo-reflectdiff/{seed}"), True)
    g.emit("package main")
    g.emit("")
    g.emit('import (\n\t"fmt"\n\t"reflect"\n)')
    g.emit("")
    for t in [*g.int_kinds(), BOOL, STRING]:  # the globals method bodies may read
        name = f"g_{t.name}"
        g.emit(f"var {name} {t.name} = {g.literal(t).code}")
        g.globals[name] = Var(name, t)
    g.gen_types()
    ifs = ", ".join(f"reflect.TypeOf((*{i.name})(nil)).Elem()" for i in g.ifaces)
    g.emit(REPORT)
    g.emit("func main() {")
    g.emit(f"\tifaces := []reflect.Type{{{ifs}, reflect.TypeOf((*any)(nil)).Elem()}}")
    types = []
    for n in g.named:
        types += [f"*new({n.name})", f"new({n.name})", f"[]{n.name}{{}}", f"[2]{n.name}{{}}",
                  f"map[string]{n.name}{{}}"]
    types += ["func(int) int(nil)", "struct{ a int8; B string; c bool }{}", "int64(0)"]
    for x in types:
        g.emit(f"\treport(reflect.TypeOf({x}), ifaces)")
    for i in g.ifaces:
        g.emit(f"\treport(reflect.TypeOf((*{i.name})(nil)).Elem(), ifaces)")
    g.emit("}")
    return "\n".join(g.out) + "\n"


@pytest.fixture(scope="module")
def gocache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gc build cache for all seeds (fmt and reflect compile once)."""
    return tmp_path_factory.mktemp("gocache")


@pytest.mark.parametrize("seed", SEEDS)
def test_reflect_matches_gc(seed: int, tmp_path: Path, gocache: Path) -> None:
    src = tmp_path / "main.go"
    src.write_text(program(seed))
    env = dict(os.environ, GOFLAGS="", GO111MODULE="off", GOCACHE=str(gocache))
    assert GO is not None
    ref = subprocess.run([GO, "run", str(src)], cwd=tmp_path, env=env, capture_output=True,
                         timeout=300)
    assert ref.returncode == 0, ref.stderr.decode()
    exe = tmp_path / "refgo.out"
    build = subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe),
                            str(src)], cwd=REPO, capture_output=True, timeout=300)
    assert build.returncode == 0, build.stderr.decode()
    got = subprocess.run([str(exe)], capture_output=True, timeout=60)
    assert got.returncode == 0, got.stderr.decode()
    assert got.stdout.decode() == ref.stdout.decode()
