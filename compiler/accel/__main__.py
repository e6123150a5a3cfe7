"""The accelerator's command (compiler/accel/__init__.py):

    python -m compiler.accel build [-force] [-O LEVEL]   compile accel.MODULES with mypyc
    python -m compiler.accel status                      say whether a current build is
                                                         served (exit 0) or why not (1)
    python -m compiler.accel clean                       remove every build

`build` does nothing when the build for the current sources, interpreter and mypy exists;
otherwise it copies the compiler's sources to a temporary directory under .accel/, runs
mypyc and the C compiler there in a child process (the directory and its build.log are
kept if that fails), renames the result into place under the snapshot's key, checks
that a new interpreter loads every module from it, and removes the older builds no
process has served for an hour (accel.KEEP_UNUSED). Each
failure is one line on stderr and exit status 1; refgo keeps running pure Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence

from compiler import accel

REPO = os.path.dirname(accel.COMPILER_DIR)

_BUILD = """
import sys
from setuptools import setup
from mypyc.build import mypycify
out, group, opt, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
exts = mypycify(["--config-file", "pyproject.toml", "--cache-dir", out + "/mypy-cache", *files],
                target_dir=out + "/c", group_name=group, opt_level=opt)
setup(name="refgo-accel", ext_modules=exts,
      script_args=["build_ext", "--build-lib", out + "/lib", "--build-temp", out + "/obj"])
"""

_VERIFY = """
import importlib, sys
import compiler.accel as a
for m in a.MODULES:
    importlib.import_module(m)
missing = sorted(set(a.MODULES) - set(a.served()))
if missing:
    sys.exit("not served: " + " ".join(missing) + " (" + a.STATE.get("reason", "") + ")")
"""


class BuildError(Exception):
    """Why no build was made (one line)."""


def mypy_version() -> str | None:
    """The installed mypy's version, or None without mypy (and so mypyc)."""
    if importlib.util.find_spec("mypyc") is None:
        return None
    from mypy.version import __version__  # optional: only a build needs mypy
    return str(__version__)


def read_manifest(build: str) -> dict[str, object] | None:
    """build's manifest if it names the current sources and interpreter, else None."""
    try:
        with open(os.path.join(build, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(m, dict) or m.get("sources") != accel.source_hash() or \
            m.get("soabi") != accel.soabi():
        return None
    return m


def build_dir(mypy: str) -> str:
    """Where the build for the current sources, interpreter and mypy lives."""
    return os.path.join(accel.ACCEL_DIR, accel.key_prefix() + "mypy" + mypy)


def build(force: bool = False, opt: str = "3") -> str:
    """Make the current build (see the module docstring); returns what was done, one line."""
    mypy = mypy_version()
    if mypy is None:
        raise BuildError("mypyc is not installed (pip install mypy)")
    include = sysconfig.get_paths()["include"]
    if not os.path.exists(os.path.join(include, "Python.h")):
        raise BuildError(f"no Python headers in {include} (Debian: apt-get install python3-dev)")
    if sysconfig.get_config_var("SOABI") != accel.soabi():
        raise BuildError(f"SOABI {sysconfig.get_config_var('SOABI')} is not the import "
                         f"system's {accel.soabi()}")
    if not os.path.exists(os.path.join(REPO, "pyproject.toml")):
        raise BuildError(f"{REPO} is no refgo checkout: only a checkout can be accelerated")
    final = build_dir(mypy)
    if not force and read_manifest(final) is not None:
        return f"up to date: {final}"
    os.makedirs(accel.ACCEL_DIR, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=accel.ACCEL_DIR)
    # Build from a snapshot, so that the build is keyed by what was compiled even if a
    # source is edited meanwhile (the build is then stale: not served).
    src = os.path.join(tmp, "src")
    shutil.copytree(accel.COMPILER_DIR, os.path.join(src, "compiler"),
                    ignore=shutil.ignore_patterns("lib", "__pycache__", "*.so"))
    shutil.copy(os.path.join(REPO, "pyproject.toml"), src)
    sources = accel.tree_hash(os.path.join(src, "compiler"))
    final = os.path.join(accel.ACCEL_DIR, f"{sources}-{accel.soabi()}-mypy{mypy}")
    files = [m.replace(".", "/") + ".py" for m in accel.MODULES]
    start = time.monotonic()
    with open(os.path.join(tmp, "build.log"), "wb") as log:
        p = subprocess.run([sys.executable, "-c", _BUILD, tmp, accel.LIB, opt, *files], cwd=src,
                           stdout=log, stderr=subprocess.STDOUT, check=False)
    seconds = time.monotonic() - start
    if p.returncode != 0:
        raise BuildError(f"mypyc failed (exit {p.returncode}): see {tmp}/build.log")
    staged = os.path.join(tmp, "out")
    os.rename(os.path.join(tmp, "lib"), staged)
    table = _extensions(staged)
    if sorted(table) != sorted((*accel.MODULES, accel.LIB + "__mypyc")):
        raise BuildError(f"mypyc made {sorted(table)}, not accel.MODULES: see {tmp}")
    manifest = {"sources": sources, "soabi": accel.soabi(), "mypy": mypy,
                "python": sys.version.split()[0], "seconds": round(seconds, 1),
                "files": table}
    with open(os.path.join(staged, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    _readable(staged)
    shutil.rmtree(final, ignore_errors=True)
    os.rename(staged, final)
    try:
        _verify(src, final)
    except BuildError:
        shutil.rmtree(final, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    size = sum(os.path.getsize(os.path.join(final, f)) for f in _files(final))
    done = f"built {len(accel.MODULES)} modules in {seconds:.0f} s ({size / 1e6:.1f} MB): {final}"
    if sources != accel.source_hash():
        raise BuildError(f"{done}, but the sources changed meanwhile: build again")
    prune(final, time.time())
    return done


def prune(keep: str, now: float) -> list[str]:
    """Remove the builds under accel.ACCEL_DIR but keep (and unfinished ones) that no
    process started serving in the accel.KEEP_UNUSED seconds before now; their names."""
    gone = []
    for name in sorted(os.listdir(accel.ACCEL_DIR)):
        path = os.path.join(accel.ACCEL_DIR, name)
        if path == keep or name.startswith(".tmp-"):
            continue
        try:
            if now - os.stat(path).st_mtime < accel.KEEP_UNUSED:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        gone.append(name)
    return gone


def _files(root: str) -> list[str]:
    """The files under root, relative to it."""
    return [os.path.relpath(os.path.join(d, f), root)
            for d, _, fs in os.walk(root) for f in fs]


def _extensions(root: str) -> dict[str, str]:
    """Module name -> path relative to root of each extension module under root."""
    suffix = "." + accel.soabi() + ".so"
    return {rel.removesuffix(suffix).replace(os.sep, "."): rel
            for rel in _files(root) if rel.endswith(suffix)}


def _readable(root: str) -> None:
    """Make root's tree readable by every user (Docker toolchain steps run as another
    uid than the one that builds)."""
    for d, _, fs in os.walk(root):
        os.chmod(d, 0o755)
        for f in fs:
            os.chmod(os.path.join(d, f), 0o644)


def _verify(src: str, build: str) -> None:
    """Check that a new interpreter running the snapshot src imports every module from
    build."""
    os.makedirs(os.path.join(src, ".accel"))
    os.symlink(build, os.path.join(src, ".accel", os.path.basename(build)))
    env = {k: v for k, v in os.environ.items() if k != "REFGO_ACCEL"}
    env["PYTHONPATH"] = src
    p = subprocess.run([sys.executable, "-c", _VERIFY], cwd=src, env=env,
                       capture_output=True, text=True, check=False)
    if p.returncode != 0:
        lines = (p.stderr or p.stdout).strip().splitlines()
        raise BuildError(f"the build at {build} does not load: {lines[-1] if lines else '?'}")


def status() -> tuple[bool, str]:
    """Whether this process serves a current build of every module (importing them),
    and a line saying which or why not."""
    build = accel.STATE.get("dir")
    if build is None:
        return False, accel.STATE.get("reason", "not installed")
    try:
        for name in accel.MODULES:
            importlib.import_module(name)
    except Exception as e:  # noqa: BLE001 - any failure to load is the answer
        return False, f"build {build} does not load: {type(e).__name__}: {e}"
    missing = sorted(set(accel.MODULES) - set(accel.served()))
    if missing:
        return False, f"not served from {build}: {' '.join(missing)}"
    m = read_manifest(build) or {}
    return True, (f"serving {len(accel.MODULES)} compiled modules from {build} "
                  f"(built in {m.get('seconds', '?')} s by mypy {m.get('mypy', '?')})")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m compiler.accel")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="compile the hot modules with mypyc")
    b.add_argument("-force", action="store_true", help="rebuild even if up to date")
    b.add_argument("-O", dest="opt", default="3", help="C optimization level")
    sub.add_parser("status", help="say whether a current build is served")
    sub.add_parser("clean", help="remove every build")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        try:
            print(f"accel: {build(args.force, args.opt)}")
        except (BuildError, OSError) as e:
            print(f"accel: no build: {e}", file=sys.stderr)
            return 1
        return 0
    if args.cmd == "clean":
        shutil.rmtree(accel.ACCEL_DIR, ignore_errors=True)
        return 0
    ok, line = status()
    print(f"accel: {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
