"""conformance.libgap: a file's first library gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance import libgap

LIB = {"fmt": frozenset({"Println"}), "runtime": frozenset({"GC"}),
       "unsafe": libgap.UNSAFE_NAMES}

needs_goroot = pytest.mark.skipif(not libgap.GOROOT_SRC.is_dir(), reason="no GOROOT/src")


def gap(tmp_path: Path, src: str) -> tuple[int, str] | None:
    f = tmp_path / "x.go"
    f.write_text(src)
    return libgap.file_gap(f, LIB)


@needs_goroot
def test_missing_package_first(tmp_path: Path) -> None:
    src = 'package main\n\nimport (\n\t"fmt"\n\t"reflect"\n)\n\nfunc main() { fmt.Sprint() }\n'
    assert gap(tmp_path, src) == (5, "package reflect")


@needs_goroot
def test_dot_import_and_local_packages(tmp_path: Path) -> None:
    assert gap(tmp_path, 'package main\n\nimport . "fmt"\n') == (3, "dot import")
    assert gap(tmp_path, 'package main\n\nimport "./a"\n\nfunc main() { a.X() }\n') is None


@needs_goroot
def test_first_missing_selector(tmp_path: Path) -> None:
    src = ('package main\n\nimport (\n\t"fmt"\n\t"runtime"\n\t"unsafe"\n)\n\n'
           'func main() {\n\tfmt.Println(fmt.DoesNotExist, runtime.printbool)\n'
           '\t_ = x.runtime.Caller\n\truntime.GC()\n\t_ = unsafe.Add\n\truntime.Caller(0)\n}\n')
    # gc's fmt lacks DoesNotExist, printbool is not exported, x.runtime is a field.
    assert gap(tmp_path, src) == (13, "unsafe.Add")
