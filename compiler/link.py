"""link: assemble refgo's output and link it with the C runtime into a static ELF.

The runtime (compiler/runtime/*.c, *.s) is compiled once per content hash into
`$REFGO_CACHE/runtime-<hash>.a` (default cache `~/.cache/refgo`), its sha256 recorded
beside it in `runtime-<hash>.a.sha256`; concurrent builds (pytest-xdist workers) take a
file lock, build into a private temporary file and publish it with an atomic rename, so
readers only ever see a complete archive. Every link first checks the archive against
the recorded sha256 and, when set, `$REFGO_RUNTIME_SHA256` (the harness pins the value
it checked, since its containers link from a cache they cannot write). For
`refgo build x.go`:

    as -o /tmp/.../x.o /tmp/.../x.s
    gcc -fuse-ld=gold -static -no-pie -o x /tmp/.../x.o \
        -Wl,--whole-archive ~/.cache/refgo/runtime-0123abcd.a -Wl,--no-whole-archive

(-fuse-ld=gold where binutils has gold, else GNU ld).
A package-at-a-time build (compiler/units.py) links two objects before the runtime:
the library's code, assembled once per content (`library_object`: an entry of the build
cache, compiler/cache.py, keyed by the sha256 of its assembly) and package main's,
assembled in every build.

A failure of as/gcc, or an archive that does not match its checksum, is a `LinkError`,
which the driver reports as an internal compiler error (exit 3).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from compiler import cache
from compiler.stdlib import default_goroot

RUNTIME_DIR = Path(__file__).parent / "runtime"
CFLAGS = ("-O2", "-fno-omit-frame-pointer", "-fno-stack-protector", "-Wall", "-std=gnu11")


class LinkError(Exception):
    """as, gcc or ar failed; the message holds the tool's output."""


def cache_dir() -> Path:
    """The build cache: $REFGO_CACHE, else ~/.cache/refgo."""
    env = os.environ.get("REFGO_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "refgo"


def _run(argv: Sequence[str]) -> None:
    try:
        p = subprocess.run(list(argv), capture_output=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise LinkError(f"{argv[0]}: {e}") from e
    if p.returncode != 0:
        msg = (p.stderr or p.stdout).decode(errors="replace").strip()
        raise LinkError(f"{' '.join(argv[:2])}...: {msg[:2000]}")


def runtime_sources() -> dict[str, bytes]:
    """The runtime's sources by file name, read once: the key and the build both use
    these bytes, so do NOT re-read RUNTIME_DIR while building (a checkout changing
    underneath, e.g. mid-rebase, would file one version's archive under another's key)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(RUNTIME_DIR.iterdir())
        if p.suffix in (".c", ".s", ".h")
    }


def runtime_key(sources: dict[str, bytes] | None = None) -> str:
    """A hash of the runtime sources (read now unless given) and build flags."""
    h = hashlib.sha256()
    h.update(" ".join(CFLAGS).encode())
    for name, data in (runtime_sources() if sources is None else sources).items():
        h.update(name.encode() + b"\0" + data + b"\0")
    return h.hexdigest()[:16]


def runtime_archive() -> Path:
    """The cached runtime archive, built first if missing; LinkError unless it matches
    its checksum (verify_archive)."""
    d = cache_dir()
    sources = runtime_sources()
    key = runtime_key(sources)
    out = d / f"runtime-{key}.a"
    if not _sum_path(out).exists():
        # Concurrent compiles (xdist workers, processes sharing the cache) build it once:
        # the first takes the lock and builds, the others wait and find the archive.
        try:
            d.mkdir(parents=True, exist_ok=True)
            with open(d / f"runtime-{key}.lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if not _sum_path(out).exists():
                    _build_runtime(d, out, sources)
        except OSError as e:
            raise LinkError(f"cannot build the runtime archive in {d}: {e}") from e
    verify_archive(out)
    return out


def _sum_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".sha256")


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def verify_archive(archive: Path) -> str:
    """Returns archive's sha256 if it is the one recorded beside it and, when set, the one
    $REFGO_RUNTIME_SHA256 pins; raises LinkError otherwise."""
    try:
        recorded = _sum_path(archive).read_text().strip()
        got = _sha256(archive)
    except OSError as e:
        raise LinkError(f"runtime archive: {e}") from e
    pinned = os.environ.get("REFGO_RUNTIME_SHA256", "")
    if got != recorded or (pinned and got != pinned):
        want = pinned if pinned and got == recorded else recorded
        raise LinkError(
            f"runtime archive {archive} does not match its checksum "
            f"(sha256 {got[:16]}..., want {want[:16]}...): refusing to link"
        )
    return got


def _build_runtime(d: Path, out: Path, sources: dict[str, bytes]) -> None:
    """Compile sources (the snapshot the key was computed from, written to a temp dir)
    into the archive out atomically and record its sha256; the checksum file is
    published last, so its presence means done."""
    with tempfile.TemporaryDirectory(dir=d, prefix=".build-") as tmp:
        srcdir = Path(tmp) / "src"
        srcdir.mkdir()
        for name, data in sources.items():
            (srcdir / name).write_bytes(data)
        objs = []
        for name in sources:
            src = srcdir / name
            if src.suffix == ".h":
                continue
            obj = Path(tmp) / (src.stem + ".o")
            _run(["gcc", *CFLAGS, "-c", "-o", str(obj), str(src)])
            objs.append(str(obj))
        lib = Path(tmp) / "runtime.a"
        _run(["ar", "rcs", str(lib), *objs])
        digest = Path(tmp) / "runtime.a.sha256"
        digest.write_text(_sha256(lib) + "\n")
        os.replace(lib, out)
        os.replace(digest, _sum_path(out))


def assemble(asm: str, obj: Path) -> None:
    """Assemble GNU as text into obj."""
    src = obj.with_suffix(".s")
    src.write_text(asm)
    _run(["as", "--64", "-o", str(obj), str(src)])


def goroot_asm(root: str) -> str:
    """The data symbol runtime.GOROOT falls back to (compiler/runtime/runtime.c):
    root as a NUL-terminated string."""
    data = ", ".join(str(b) for b in (*root.encode(), 0))
    return (f"\t.section\t.rodata\n\t.globl\trefgo_defaultGOROOT\n"
            f"refgo_defaultGOROOT:\n\t.byte\t{data}\n")


def link(asm_files: Sequence[str], out: str) -> None:
    """Assemble each .s file (a .o file is an object already: `refgo link`'s) and link
    them with the runtime into the static ELF out. The first .s file is assembled
    together with refgo_defaultGOROOT (goroot_asm; a file of its own when every input
    is an object), as gc's linker records runtime.defaultGOROOT."""
    with tempfile.TemporaryDirectory(prefix="refgo-link-") as tmp:
        goroot = Path(tmp) / "goroot.s"
        goroot.write_text(goroot_asm(default_goroot()))
        extra = [str(goroot)]
        objs = []
        for i, s in enumerate(asm_files):
            if s.endswith(".o"):
                objs.append(s)
                continue
            obj = Path(tmp) / f"{i}.o"
            _run(["as", "--64", "-o", str(obj), s, *extra])
            extra = []
            objs.append(str(obj))
        if extra:
            obj = Path(tmp) / "goroot.o"
            _run(["as", "--64", "-o", str(obj), *extra])
            objs.append(str(obj))
        # --whole-archive: the compiler's weak fallbacks for library hooks satisfy the
        # references, so an archive member defining only hooks (mathfma.o) would never
        # be pulled in; every runtime object is linked instead.
        rt = str(runtime_archive())
        argv = ["gcc", "-static", "-no-pie", "-o", out, *objs,
                "-Wl,--whole-archive", rt, "-Wl,--no-whole-archive"]
        if shutil.which("ld.gold") is None:
            _run(argv)
            return
        # gold links a program in half the time of GNU ld (most of a cached build's link
        # is reading libc.a); should it fail, GNU ld's verdict is the one reported.
        try:
            _run([argv[0], "-fuse-ld=gold", *argv[1:]])
        except LinkError:
            _run(argv)


OBJECT_FORMAT = b"library object 1\n"
"""Part of every library object's key: a new layout never reads an old entry."""


def library_object(asm: str, obj: Path, c: cache.Cache, rebuild: bool = False) -> bool:
    """Write the object of the GNU as text asm (units.link_parts' library file) to obj:
    from the build cache c if there, else assembled and stored (one builder per entry;
    an unwritable cache only records why in c.problems); rebuild (-a) assembles it
    again. A truncated or corrupted entry fails its checksum and is assembled again.
    Returns whether it came from the cache."""
    data = asm.encode()
    key = hashlib.sha256(OBJECT_FORMAT + data).hexdigest()
    payload = None if rebuild else c.get(key)
    if payload is None:
        with c.building(key):
            payload = None if rebuild else c.get(key)
            if payload is None:
                src = obj.with_suffix(".s")
                src.write_bytes(data)
                _run(["as", "--64", "-o", str(obj), str(src)])
                # Most programs store an object: trim (which lists the whole cache)
                # after one store in 16, chosen by the key.
                if c.put(key, obj.read_bytes()) and key.startswith("0"):
                    c.trim()
                return False
    obj.write_bytes(payload)
    return True


def link_program(asm: str, out: str, lib: str | None = None, rebuild: bool = False,
                 problems: list[str] | None = None) -> bool | None:
    """Link the program whose package main's assembly is asm into out: with lib (the
    library's file of units.link_parts), its object from the build cache or assembled
    and stored (library_object; rebuild assembles it again, problems receives why the
    cache could not be written) linked first. Returns whether lib's object came from
    the cache (None without lib)."""
    got = None
    with tempfile.TemporaryDirectory(prefix="refgo-build-") as tmp:
        objs = []
        if lib is not None:
            c = cache.Cache(cache.cache_dir())
            obj = Path(tmp) / "lib.o"
            got = library_object(lib, obj, c, rebuild=rebuild)
            if problems is not None:
                problems.extend(c.problems)
            objs.append(str(obj))
        s = Path(tmp) / "main.s"
        s.write_text(asm)
        link([*objs, str(s)], out)
    return got
