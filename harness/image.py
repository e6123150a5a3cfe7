"""The refgo toolchain image: content-hash tags, the host's Debian mirror, and the build.

Two images, both made locally (no registry is ever contacted):

    refgo-base:<base key>        debootstrap --variant=minbase of the host's Debian release
                                 (toolchain/mkbase.sh), then `docker import`
    refgo-toolchain:<image key>  toolchain/Dockerfile FROM the base: python3, binutils, gcc,
                                 libc6-dev, golang-1.19-go, gccgo-12, and toolchain/step.c

The base key hashes the suite, the architecture and mkbase.sh; the image key hashes the base
key and every file under toolchain/ (path and bytes).  So editing the Dockerfile or step.py
rebuilds only the top image, editing mkbase.sh rebuilds both, and nothing else rebuilds
anything.  The mirror is where packages come from, not what goes in, so it is not hashed.
On a bookworm host whose /etc/apt/sources.list.d/debian.sources says
``URIs: http://mirror.example/debian`` / ``Suites: bookworm bookworm-updates``:

    >>> target = host_target()          # Target("bookworm", "http://mirror.example/debian")
    >>> ensure_image(client, print).tag              # builds what is missing
    'refgo-toolchain:5c0d9e4f1a2b3c4d'

The debootstrap root filesystem is cached as a tarball under the cache directory
($REFGO_CACHE, else $XDG_CACHE_HOME/refgo, else ~/.cache/refgo) named by the base key, so a
pruned base image is re-imported in seconds.  Builds take a file lock in the same directory,
so concurrent pytest-xdist workers build once and the others wait.

The mirror is read from the host's apt configuration at build time (deb822
``/etc/apt/sources.list.d/*.sources``, one-line ``/etc/apt/sources.list`` and
``sources.list.d/*.list``); $REFGO_DEBIAN_MIRROR and $REFGO_DEBIAN_SUITE override it on
hosts that are not Debian.  Do NOT write a mirror into the repository.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.toolchain import cache_root

REPO_ROOT = Path(__file__).resolve().parent.parent
TOOLCHAIN_DIR = REPO_ROOT / "toolchain"
BASE_REPO = "refgo-base"
IMAGE_REPO = "refgo-toolchain"
ARCH = "amd64"
KEY_LEN = 16
BASE_SCHEMA = b"refgo-base/1\n"
IMAGE_SCHEMA = b"refgo-toolchain/1\n"
PROXY_VARS = ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")
TAIL_LINES = 40
KEEP_OLD = 2

Log = Callable[[str], None]


class ImageError(Exception):
    """The toolchain image cannot be built; str() is one line, detail holds the output."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail

    def report(self) -> str:
        """Returns the message followed by the failing step's output, if any."""
        return f"{self}\n{self.detail}".rstrip()


@dataclass(frozen=True, slots=True)
class AptSource:
    """One apt source entry; types/suites/components as written, uris without trailing '/'."""

    types: tuple[str, ...]
    uris: tuple[str, ...]
    suites: tuple[str, ...]
    components: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Target:
    """The Debian release to debootstrap and the mirror to fetch it from."""

    suite: str
    mirror: str


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What ensure_image did; the *_seconds fields are 0.0 when that image was present."""

    tag: str
    base_tag: str
    base_action: str  # "present" | "imported" | "debootstrapped"
    base_seconds: float
    image_action: str  # "present" | "built"
    image_seconds: float
    size: int  # bytes, as the engine reports the image


def parse_deb822(text: str) -> list[AptSource]:
    """Parses a deb822 .sources file; stanzas with Enabled: no are dropped."""
    out: list[AptSource] = []
    for stanza in _stanzas(text):
        if stanza.get("enabled", "yes").lower() == "no":
            continue
        out.append(
            AptSource(
                types=tuple(stanza.get("types", "").split()),
                uris=tuple(u.rstrip("/") for u in stanza.get("uris", "").split()),
                suites=tuple(stanza.get("suites", "").split()),
                components=tuple(stanza.get("components", "").split()),
            )
        )
    return out


def _stanzas(text: str) -> Iterable[dict[str, str]]:
    """Yields each deb822 paragraph as lower-cased field name -> value (continuations joined)."""
    fields: dict[str, str] = {}
    last = ""
    for raw in text.splitlines() + [""]:
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line:
            if fields:
                yield fields
            fields, last = {}, ""
            continue
        if line[0] in " \t" and last:
            fields[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if sep:
            last = name.strip().lower()
            fields[last] = value.strip()


def parse_one_line(text: str) -> list[AptSource]:
    """Parses one-line-style sources.list text (``deb [opts] URI SUITE COMPONENT...``)."""
    out: list[AptSource] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        kind, rest = words[0], words[1:]
        if rest and rest[0].startswith("["):
            while rest and not rest[0].endswith("]"):
                rest = rest[1:]
            rest = rest[1:]
        if len(rest) < 2:
            continue
        out.append(AptSource((kind,), (rest[0].rstrip("/"),), (rest[1],), tuple(rest[2:])))
    return out


def pick_mirror(sources: Iterable[AptSource], suite: str) -> str:
    """Returns the first binary (deb) source URI that serves suite's main component."""
    for s in sources:
        if "deb" in s.types and suite in s.suites and "main" in s.components and s.uris:
            return s.uris[0]
    raise ImageError(
        f"no apt source for Debian {suite} main in the host's apt configuration; "
        "set REFGO_DEBIAN_MIRROR"
    )


def parse_os_release(text: str) -> dict[str, str]:
    """Parses /etc/os-release text into a dict (quotes removed)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        name, sep, value = line.partition("=")
        if sep and name.strip() and not name.startswith("#"):
            out[name.strip()] = value.strip().strip("\"'")
    return out


def host_sources(root: Path = Path("/")) -> list[AptSource]:
    """Reads every apt source the host's apt would use, in apt's order."""
    etc = root / "etc/apt"
    sources: list[AptSource] = []
    main_list = etc / "sources.list"
    if main_list.is_file():
        sources += parse_one_line(main_list.read_text(errors="replace"))
    parts = etc / "sources.list.d"
    if parts.is_dir():
        for p in sorted(parts.iterdir()):
            if p.suffix == ".list":
                sources += parse_one_line(p.read_text(errors="replace"))
            elif p.suffix == ".sources":
                sources += parse_deb822(p.read_text(errors="replace"))
    return sources


def host_target(root: Path = Path("/"), environ: Mapping[str, str] = os.environ) -> Target:
    """Returns the host's Debian release and mirror, honouring the REFGO_DEBIAN_* overrides."""
    suite = environ.get("REFGO_DEBIAN_SUITE", "")
    if not suite:
        try:
            rel = parse_os_release((root / "etc/os-release").read_text())
        except OSError as e:
            raise ImageError(f"cannot read /etc/os-release ({e}); set REFGO_DEBIAN_SUITE") from e
        if rel.get("ID") != "debian" or not rel.get("VERSION_CODENAME"):
            raise ImageError(
                f"the host is not Debian (ID={rel.get('ID', '?')}); "
                "set REFGO_DEBIAN_SUITE=bookworm and REFGO_DEBIAN_MIRROR"
            )
        suite = rel["VERSION_CODENAME"]
    mirror = environ.get("REFGO_DEBIAN_MIRROR", "").rstrip("/")
    if not mirror:
        mirror = pick_mirror(host_sources(root), suite)
    return Target(suite, mirror)


def toolchain_files(directory: Path = TOOLCHAIN_DIR) -> dict[str, bytes]:
    """Returns every file that goes into the image build, by path relative to directory."""
    if not (directory / "Dockerfile").is_file():
        raise ImageError(f"{directory}/Dockerfile not found (run from a refgo checkout)")
    files: dict[str, bytes] = {}
    for p in sorted(directory.rglob("*")):
        rel = p.relative_to(directory)
        if p.is_file() and "__pycache__" not in rel.parts and p.suffix != ".pyc":
            files[rel.as_posix()] = p.read_bytes()
    return files


def _digest(schema: bytes, parts: Iterable[tuple[str, bytes]]) -> str:
    """Hashes (name, bytes) pairs unambiguously (each length-prefixed)."""
    h = hashlib.sha256(schema)
    for name, data in parts:
        n = name.encode()
        h.update(b"%d:%s%d:" % (len(n), n, len(data)))
        h.update(data)
    return h.hexdigest()[:KEY_LEN]


def base_key(suite: str, files: Mapping[str, bytes]) -> str:
    """Returns the base image's content key: suite, architecture and mkbase.sh."""
    return _digest(
        BASE_SCHEMA,
        [("suite", suite.encode()), ("arch", ARCH.encode()), ("mkbase.sh", files["mkbase.sh"])],
    )


def image_key(base: str, files: Mapping[str, bytes]) -> str:
    """Returns the toolchain image's content key: the base key and every toolchain file."""
    return _digest(IMAGE_SCHEMA, [("base", base.encode()), *sorted(files.items())])


def tags(target_suite: str, files: Mapping[str, bytes]) -> tuple[str, str]:
    """Returns (base tag, toolchain image tag) for these inputs."""
    b = base_key(target_suite, files)
    return f"{BASE_REPO}:{b}", f"{IMAGE_REPO}:{image_key(b, files)}"


def host_suite(root: Path = Path("/"), environ: Mapping[str, str] = os.environ) -> str:
    """Returns the Debian suite the base is made of (no mirror lookup)."""
    if environ.get("REFGO_DEBIAN_SUITE"):
        return environ["REFGO_DEBIAN_SUITE"]
    try:
        rel = parse_os_release((root / "etc/os-release").read_text())
    except OSError:
        rel = {}
    return rel.get("VERSION_CODENAME") or "bookworm"


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Returns the directory for the rootfs tarball cache and the build lock."""
    return cache_root(environ)


def image_present(client: Any, tag: str) -> bool:
    """Reports whether the engine has an image tagged tag."""
    import docker.errors

    try:
        client.api.inspect_image(tag)
    except docker.errors.ImageNotFound:
        return False
    return True


def current_tag() -> str:
    """Returns the toolchain image tag for the checked-out toolchain/ (no engine needed)."""
    return tags(host_suite(), toolchain_files())[1]


def ensure_image(
    client: Any, log: Log, *, cold: bool = False, build_network: str | None = None
) -> BuildReport:
    """Builds whatever of the base and toolchain images is missing, under the build lock.

    cold=True first deletes both images and the cached rootfs tarball and builds without
    the engine's layer cache (for measuring a cold build).  build_network is the network
    for the Dockerfile's RUN steps (default $REFGO_BUILD_NETWORK, else the engine's
    default bridge; "host" where build containers cannot reach the mirror).
    """
    import filelock

    files = toolchain_files()
    suite = host_suite()
    base_tag, tag = tags(suite, files)
    if not cold and image_present(client, tag):
        size = int(client.api.inspect_image(tag)["Size"])
        return BuildReport(tag, base_tag, "present", 0.0, "present", 0.0, size)
    cdir = cache_dir()
    cdir.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(cdir / "build.lock"))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        log(f"refgo: waiting for another process building {tag}")
        lock.acquire()
    try:
        if cold:
            _forget(client, cdir, base_tag, tag, log)
        if image_present(client, tag) and not cold:
            size = int(client.api.inspect_image(tag)["Size"])
            return BuildReport(tag, base_tag, "present", 0.0, "present", 0.0, size)
        log(f"refgo: building toolchain image {tag}")
        t0 = time.monotonic()
        base_action = _ensure_base(client, base_tag, suite, files, cdir, log)
        base_seconds = time.monotonic() - t0 if base_action != "present" else 0.0
        t1 = time.monotonic()
        network = build_network or os.environ.get("REFGO_BUILD_NETWORK") or None
        docker_build(client, tag, base_tag, nocache=cold, network=network, log=log)
        image_seconds = time.monotonic() - t1
        size = int(client.api.inspect_image(tag)["Size"])
        log(f"refgo: built {tag} in {time.monotonic() - t0:.1f} s ({size / 1e6:.0f} MB)")
        _remove_old(client, (base_tag, tag), log)
        return BuildReport(tag, base_tag, base_action, base_seconds, "built", image_seconds, size)
    finally:
        lock.release()


def _remove_old(client: Any, current: Iterable[str], log: Log) -> None:
    """Untags all but the KEEP_OLD newest other refgo-base/refgo-toolchain images.

    A few are kept so that checkouts at different toolchain versions do not rebuild each
    other's image on every run; one a container still uses is never removed.
    """
    import docker.errors

    keep = set(current)
    for repo in (IMAGE_REPO, BASE_REPO):
        old = [i for i in client.images.list(name=repo) if not keep.intersection(i.tags)]
        old.sort(key=lambda i: str(i.attrs.get("Created", "")), reverse=True)
        for img in old[KEEP_OLD:]:
            for t in img.tags:
                try:
                    client.api.remove_image(t, force=False)
                    log(f"refgo: removed old image {t}")
                except docker.errors.APIError:
                    pass  # in use by a container, or already gone


def _forget(client: Any, cdir: Path, base_tag: str, tag: str, log: Log) -> None:
    """Deletes both images and the cached rootfs tarball (for a cold build)."""
    import docker.errors

    for t in (tag, base_tag):
        try:
            client.api.remove_image(t, force=True)
            log(f"refgo: removed {t}")
        except docker.errors.ImageNotFound:
            pass
    for p in cdir.glob("base-*.tar"):
        p.unlink()


def _ensure_base(
    client: Any, base_tag: str, suite: str, files: Mapping[str, bytes], cdir: Path, log: Log
) -> str:
    """Makes base_tag present: from the cached tarball, else by running mkbase.sh."""
    if image_present(client, base_tag):
        return "present"
    key = base_tag.split(":", 1)[1]
    tarball = cdir / f"base-{key}.tar"
    action = "imported"
    if not tarball.is_file():
        target = host_target()
        make_rootfs(target, tarball, log)
        for old in cdir.glob("base-*.tar"):
            if old != tarball:
                old.unlink()
        action = "debootstrapped"
    log(f"refgo: docker import {tarball.name} as {base_tag}")
    try:
        client.api.import_image_from_file(str(tarball), repository=BASE_REPO, tag=key)
    except Exception as e:
        raise ImageError(f"docker import of {tarball} failed: {_one_line(e)}") from e
    if not image_present(client, base_tag):
        raise ImageError(f"docker import of {tarball} did not produce {base_tag}")
    return action


def make_rootfs(target: Target, tarball: Path, log: Log) -> None:
    """Runs toolchain/mkbase.sh to write the rootfs tarball, streaming its output to log."""
    if os.geteuid() != 0:
        raise ImageError(
            "building the base image runs debootstrap, which needs root; "
            "run `sudo python -m harness.container build` once"
        )
    env = dict(os.environ)
    env["PATH"] = env.get("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"
    argv = ["sh", str(TOOLCHAIN_DIR / "mkbase.sh"), target.suite, target.mirror, str(tarball)]
    log(f"refgo: debootstrap {target.suite} from {target.mirror} (base image)")
    try:
        proc = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    except OSError as e:
        raise ImageError(f"cannot run {argv[0]}: {e}") from e
    lines: list[str] = []
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.decode(errors="replace").rstrip()
        lines.append(line)
        log("  " + line)
    rc = proc.wait()
    if rc != 0:
        raise ImageError(
            f"base image: toolchain/mkbase.sh {target.suite} failed with exit status {rc}",
            "\n".join(lines[-TAIL_LINES:]),
        )


def docker_build(
    client: Any,
    tag: str,
    base_tag: str,
    *,
    nocache: bool,
    network: str | None,
    log: Log,
    context: Path = TOOLCHAIN_DIR,
) -> None:
    """Runs the Dockerfile build, streaming steps to log; raises ImageError naming the step."""
    buildargs = {"BASE": base_tag}
    buildargs.update({k: os.environ[k] for k in PROXY_VARS if k in os.environ})
    step, output = "(before the first step)", list[str]()
    try:
        stream = client.api.build(
            path=str(context),
            tag=tag,
            buildargs=buildargs,
            rm=True,
            forcerm=True,
            nocache=nocache,
            pull=False,
            decode=True,
            network_mode=network,
            labels={"org.refgo.toolchain": tag.split(":", 1)[1]},
        )
        for chunk in stream:
            if "error" in chunk:
                raise ImageError(
                    f"toolchain image build failed at {step}: {_one_line(chunk['error'])}",
                    "\n".join(output[-TAIL_LINES:]),
                )
            for line in str(chunk.get("stream", "")).splitlines():
                if line.startswith("Step "):
                    step, output = line.strip()[:160], []
                elif line.strip():
                    output.append(line)
                if line.strip():
                    log(line if line.startswith("Step ") else "  " + line)
    except ImageError:
        raise
    except Exception as e:
        raise ImageError(
            f"toolchain image build failed at {step}: {_one_line(e)}",
            "\n".join(output[-TAIL_LINES:]),
        ) from e
    if not image_present(client, tag):
        raise ImageError(f"docker build finished without producing {tag}")


def _one_line(e: object) -> str:
    """Returns the first non-empty line of str(e), at most 300 characters."""
    for line in str(e).splitlines():
        if line.strip():
            return line.strip()[:300]
    return type(e).__name__
