"""Lists the files of Go's test tree that need a library name an old refgo lacked.

Issue 24 counted the files of Go 1.19's tree whose first failure was a package or
function missing from refgo's library as of commit cd7d108 (2026-11-21); the list itself
was not kept. This rebuilds it from sources alone, so it is the same on every run:

  - the files are those run.go runs, collected as the harness collects them (run.go's
    directories, the directive header, build constraints under refgo's build context);
    for a `*dir` directive the Go files of its X.dir are read too;
  - the library is the Go source under compiler/lib at the commit (`git show`): each
    package's top-level names from the files refgo builds; `unsafe` has what that
    commit's checker declared (Pointer, Sizeof, Alignof, Offsetof), and dot imports were
    rejected;
  - a file's gap is, in source order, the first import of a standard package the
    library lacked, else its first dot import, else the first `pkg.Name` selector (pkg
    an imported package, the selector not itself after a `.`) whose Name the package
    lacked. Local packages of `*dir` cases (not in GOROOT/src) are never gaps.

Files whose run would have failed first on something else are set apart (`kind`): the
`*dir` and `// skip` cases that run skipped, and files counted under concurrency or
generics, the causes the issue ranks above the library.

Usage:

    python -m conformance.libgap                  # FILE  DIRECTIVE  WHERE  GAP
    python -m conformance.libgap --counts         # files per gap, most first
    python -m conformance.libgap --today          # each file's state under today's list

With --today a file listed in conformance/known_failures.txt fails (its cause shown),
a skipped one is `skip` and any other passes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from compiler.diag import Diagnostics
from compiler.driver import build_ok
from compiler.syntax import ast
from compiler.syntax.lexer import lex
from compiler.syntax.parser import parse_file
from compiler.syntax.tokens import Token
from harness import directives, plugin
from harness.compilers import Refgo
from harness.conformance import DEFAULT_KNOWN, parse_known_failures

GO_TEST_DIR = Path("/usr/share/go-1.19/test")
GOROOT_SRC = Path("/usr/lib/go-1.19/src")
REPO = Path(__file__).resolve().parent.parent
BASE = "cd7d108"
# What cd7d108's checker declared in package unsafe (_unsafe_scope).
UNSAFE_NAMES = frozenset({"Pointer", "Sizeof", "Alignof", "Offsetof"})
DIR_ACTIONS = frozenset({"compiledir", "rundir", "errorcheckdir", "errorcheckandrundir",
                         "runindir", "builddir", "buildrundir"})
# Directives the harness skips under refgo whatever the file holds (harness.cases).
SKIPPED_ACTIONS = frozenset({"skip", "runindir", "builddir", "buildrundir"})


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True,
                          capture_output=True, text=True).stdout


def library(commit: str) -> dict[str, frozenset[str]]:
    """Returns import path -> top-level names of refgo's library at commit."""
    files = _git("ls-tree", "-r", "--name-only", commit, "compiler/lib").split()
    by_pkg: dict[str, set[str]] = {}
    for f in files:
        if not f.endswith(".go") or f.endswith("_test.go"):
            continue
        pkg = os.path.dirname(f)[len("compiler/lib/"):]
        src = _git("show", f"{commit}:{f}").encode()
        if not build_ok(src):
            continue
        by_pkg.setdefault(pkg, set()).update(_top_names(parse_file(f, src, Diagnostics())))
    out = {p: frozenset(n) for p, n in by_pkg.items()}
    out["unsafe"] = UNSAFE_NAMES
    return out


def is_std(path: str) -> bool:
    """Reports whether path names a package of Go 1.19's standard library."""
    if path == "unsafe":
        return True
    if not path or path != os.path.normpath(path) or path.startswith((".", "/")):
        return False
    return (GOROOT_SRC / path).is_dir()


_GC_NAMES: dict[str, frozenset[str]] = {}
_GC_UNSAFE = frozenset({"Pointer", "Sizeof", "Alignof", "Offsetof", "Add", "Slice"})


def gc_names(path: str) -> frozenset[str]:
    """Returns the top-level names of gc's package path (every file but tests: a
    superset of linux/amd64's), so a selector gc lacks too (an errorcheck file's
    `fmt.DoesNotExist`) is no gap."""
    if path == "unsafe":
        return _GC_UNSAFE
    if path not in _GC_NAMES:
        names: set[str] = set()
        for f in sorted((GOROOT_SRC / path).glob("*.go")):
            if not f.name.endswith("_test.go"):
                names.update(_top_names(parse_file(str(f), f.read_bytes(), Diagnostics())))
        _GC_NAMES[path] = frozenset(names)
    return _GC_NAMES[path]


def _top_names(tree: ast.File) -> Iterator[str]:
    for d in tree.decls:
        match d:
            case ast.ConstSpec() | ast.VarSpec():
                yield from (n.value for n in d.names)
            case ast.TypeSpec():
                yield d.name.value
            case ast.FuncDecl() if d.recv is None:
                yield d.name.value


def _imports(toks: list[Token]) -> tuple[list[tuple[str, str, Token]], int]:
    """Returns the file's import specs as (name, path, token) and the index after them.
    name is the explicit name, else "" (the package's own name)."""
    i, n = 0, len(toks)

    def skip_semis(j: int) -> int:
        while j < n and toks[j].kind == ";":
            j += 1
        return j

    if n < 2 or toks[0].kind != "package":
        return [], 0
    i = skip_semis(2)
    specs: list[tuple[str, str, Token]] = []

    def spec(j: int) -> int:
        name = ""
        if j < n and toks[j].kind in ("NAME", "."):
            name = toks[j].text
            j += 1
        if j < n and toks[j].kind == "STRING":
            specs.append((name, toks[j].text[1:-1], toks[j]))
            j += 1
        return j

    while i < n and toks[i].kind == "import":
        i += 1
        if i < n and toks[i].kind == "(":
            i += 1
            while i < n and toks[i].kind != ")":
                j = spec(i)
                i = skip_semis(j if j > i else i + 1)
            i += 1
        else:
            i = spec(i)
        i = skip_semis(i)
    return specs, i


def file_gap(path: Path, lib: dict[str, frozenset[str]]) -> tuple[int, str] | None:
    """Returns (line, gap) of path's first library gap, or None."""
    toks, _ = lex(str(path), path.read_bytes(), Diagnostics())
    specs, body = _imports(toks)
    local: dict[str, str] = {}
    for name, ipath, tok in specs:
        if not is_std(ipath):
            continue
        if ipath not in lib:
            return tok.line, f"package {ipath}"
        if name == ".":
            return tok.line, "dot import"
        if name != "_":
            local[name or ipath.rsplit("/", 1)[-1]] = ipath
    for k in range(body, len(toks) - 2):
        t = toks[k]
        if (t.kind == "NAME" and t.text in local and toks[k + 1].kind == "."
                and toks[k + 2].kind == "NAME" and toks[k - 1].kind != "."):
            ipath = local[t.text]
            sel = toks[k + 2].text
            if sel[:1].isupper() and sel not in lib[ipath] and sel in gc_names(ipath):
                return t.line, f"{ipath}.{sel}"
    return None


def cases(test_dir: Path = GO_TEST_DIR) -> Iterator[tuple[str, str, Path]]:
    """Yields (key, directive keyword, path) of every file run.go runs, as the harness
    collects them (excluded files have keyword "excluded")."""
    walked = plugin.run_go_dirs(str(test_dir)) or frozenset({"."})
    match = Refgo().build_context().match
    for d in sorted(walked):
        for p in sorted((test_dir / d).glob("*.go")):
            try:
                header = directives.parse_header(
                    p.read_text(encoding="utf-8", errors="replace"), explicit=True, match=match)
            except directives.DirectiveError:
                continue
            if header is None:
                continue
            kw = "excluded" if header.excluded is not None else header.keyword
            yield p.relative_to(test_dir).as_posix(), kw, p


def gap(path: Path, keyword: str, lib: dict[str, frozenset[str]]) -> tuple[str, str] | None:
    """Returns (where, gap) of a case: its own file's gap, else its X.dir's first."""
    g = file_gap(path, lib)
    if g is not None:
        return f"{path.name}:{g[0]}", g[1]
    if keyword in DIR_ACTIONS:
        xdir = path.with_suffix(".dir")
        for p in sorted(xdir.rglob("*.go")):
            g = file_gap(p, lib)
            if g is not None:
                return f"{p.relative_to(path.parent)}:{g[0]}", g[1]
    return None


# Gaps that belong to concurrency, which cd7d108 rejected as unsupported (`go`, channels).
CONCURRENCY = frozenset({"package sync", "package context", "runtime.Gosched",
                         "runtime.GOMAXPROCS", "runtime.Goexit", "runtime.NumGoroutine",
                         "runtime.NumCPU", "runtime.LockOSThread", "time.Tick"})


def kind(key: str, keyword: str, g: str, path: Path) -> str:
    """Returns the cause the issue's run gave a file with gap g: "library", or why the
    file was counted elsewhere — "not run" (a `*dir` or `// skip` case, which that run
    skipped), "concurrency" (g is a goroutine or sync name, or the file has `go`,
    channels or `select`, which that checker rejected) or "generics" (typeparam/)."""
    if keyword in DIR_ACTIONS or keyword == "skip":
        return "not run"
    if g in CONCURRENCY:
        return "concurrency"
    if key.startswith("typeparam/"):
        return "generics"
    toks, _ = lex(str(path), path.read_bytes(), Diagnostics())
    if any(t.kind in ("go", "chan", "select") for t in toks):
        return "concurrency"
    return "library"


def gaps(commit: str = BASE, test_dir: Path = GO_TEST_DIR) -> list[tuple[str, str, str, str, str]]:
    """Returns (key, keyword, where, gap, kind) for every case of test_dir with a gap."""
    lib = library(commit)
    out = []
    for key, kw, p in cases(test_dir):
        if kw == "excluded":
            continue
        g = gap(p, kw, lib)
        if g is not None:
            out.append((key, kw, g[0], g[1], kind(key, kw, g[1], p)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    ap = argparse.ArgumentParser(description="Files of Go's tree an old library failed.")
    ap.add_argument("--commit", default=BASE)
    ap.add_argument("--test-dir", type=Path, default=GO_TEST_DIR)
    ap.add_argument("--counts", action="store_true", help="files per gap")
    ap.add_argument("--all", action="store_true",
                    help="every file with a gap, not only those counted as library failures")
    ap.add_argument("--today", action="store_true",
                    help="each file's state under conformance/known_failures.txt")
    args = ap.parse_args(argv)
    every = gaps(args.commit, args.test_dir)
    rows = [r[:4] for r in every if args.all or r[4] == "library"]
    if args.counts:
        c = Counter(g for _, _, _, g in rows)
        for g, k in sorted(c.items(), key=lambda x: (-x[1], x[0])):
            print(f"{k:4d}  {g}")
        print(f"{len(rows):4d}  files")
        kinds = Counter(r[4] for r in every)
        print("# every file with a gap: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())))
        return 0
    known = parse_known_failures(DEFAULT_KNOWN, DEFAULT_KNOWN.read_text(encoding="utf-8"))
    states: Counter[str] = Counter()
    for key, kw, where, g in rows:
        if not args.today:
            print(f"{key}\t{kw}\t{where}\t{g}")
            continue
        if kw in SKIPPED_ACTIONS:
            state = "skip"
        elif key in known:
            state = "fail\t" + known[key]
        else:
            state = "pass"
        states[state.split("\t")[0]] += 1
        print(f"{key}\t{g}\t{state}")
    if args.today:
        print(f"# {len(rows)} files: " + ", ".join(f"{v} {k}" for k, v in sorted(states.items())),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
