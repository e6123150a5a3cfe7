"""Tests of harness/image.py: mirror discovery, content-hash tags, build failure reports."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harness import image

DEB822 = textwrap.dedent(
    """\
    Types: deb
    # http://snapshot.example/archive/debian/20250520T000000Z
    URIs: http://mirror.example/debian/
    Suites: bookworm bookworm-updates
    Components: main
    Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

    Types: deb
    URIs: http://mirror.example/debian-security
    Suites: bookworm-security
    Components: main
    """
)

ONE_LINE = textwrap.dedent(
    """\
    # comment
    deb-src http://src.example/debian bookworm main
    deb [arch=amd64 signed-by=/k.gpg] http://one.example/debian/ bookworm main contrib
    deb http://one.example/debian bookworm-updates main
    """
)

OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_CODENAME=bookworm\n'


def test_parse_deb822() -> None:
    src = image.parse_deb822(DEB822)
    assert [s.uris for s in src] == [
        ("http://mirror.example/debian",),
        ("http://mirror.example/debian-security",),
    ]
    assert src[0].suites == ("bookworm", "bookworm-updates")
    assert src[0].types == ("deb",) and src[0].components == ("main",)


def test_parse_deb822_disabled_and_continuation() -> None:
    text = (
        "Types: deb\nURIs: http://a.example/d\nSuites: bookworm\nComponents: main\n"
        "Enabled: no\n\nTypes: deb deb-src\nURIs:\n http://b.example/d\n"
        "Suites: bookworm\nComponents: contrib\n main\n"
    )
    src = image.parse_deb822(text)
    assert len(src) == 1
    assert src[0].uris == ("http://b.example/d",)
    assert src[0].components == ("contrib", "main")


def test_parse_one_line_options_and_kinds() -> None:
    src = image.parse_one_line(ONE_LINE)
    assert [(s.types, s.uris, s.suites) for s in src] == [
        (("deb-src",), ("http://src.example/debian",), ("bookworm",)),
        (("deb",), ("http://one.example/debian",), ("bookworm",)),
        (("deb",), ("http://one.example/debian",), ("bookworm-updates",)),
    ]
    assert src[1].components == ("main", "contrib")


def test_pick_mirror_skips_source_and_security() -> None:
    assert image.pick_mirror(image.parse_one_line(ONE_LINE), "bookworm") == (
        "http://one.example/debian"
    )
    security_only = image.parse_deb822(DEB822)[1:]
    with pytest.raises(image.ImageError, match="no apt source for Debian bookworm main"):
        image.pick_mirror(security_only, "bookworm")


def _fake_root(tmp_path: Path, os_release: str = OS_RELEASE) -> Path:
    """A directory laid out like / with an apt configuration and os-release."""
    (tmp_path / "etc/apt/sources.list.d").mkdir(parents=True)
    (tmp_path / "etc/os-release").write_text(os_release)
    (tmp_path / "etc/apt/sources.list.d/debian.sources").write_text(DEB822)
    (tmp_path / "etc/apt/sources.list.d/other.list.disabled").write_text(
        "deb http://nope.example/debian bookworm main\n"
    )
    return tmp_path


def test_host_target_reads_apt_configuration(tmp_path: Path) -> None:
    root = _fake_root(tmp_path)
    assert image.host_target(root, {}) == image.Target("bookworm", "http://mirror.example/debian")
    (root / "etc/apt/sources.list").write_text("deb http://first.example/debian bookworm main\n")
    assert image.host_target(root, {}).mirror == "http://first.example/debian"


def test_host_target_overrides_and_non_debian(tmp_path: Path) -> None:
    root = _fake_root(tmp_path, "ID=ubuntu\nVERSION_CODENAME=noble\n")
    with pytest.raises(image.ImageError, match=r"not Debian \(ID=ubuntu\)"):
        image.host_target(root, {})
    env = {"REFGO_DEBIAN_SUITE": "bookworm", "REFGO_DEBIAN_MIRROR": "http://o.example/d/"}
    assert image.host_target(root, env) == image.Target("bookworm", "http://o.example/d")


def test_parse_os_release() -> None:
    rel = image.parse_os_release(OS_RELEASE + "# x=y\nNAME='Debian'\n")
    assert rel["ID"] == "debian" and rel["VERSION_CODENAME"] == "bookworm"
    assert rel["NAME"] == "Debian" and "# x" not in rel


FILES = {"Dockerfile": b"FROM x\n", "mkbase.sh": b"debootstrap\n", "step.py": b"print()\n"}


def test_tag_changes_exactly_with_inputs() -> None:
    base, tag = image.tags("bookworm", FILES)
    assert base.startswith("refgo-base:") and tag.startswith("refgo-toolchain:")
    assert image.tags("bookworm", dict(FILES)) == (base, tag)
    edited = dict(FILES, **{"step.py": b"print(1)\n"})
    assert image.tags("bookworm", edited)[0] == base
    assert image.tags("bookworm", edited)[1] != tag
    added = dict(FILES, extra=b"")
    assert image.tags("bookworm", added)[1] != tag
    new_base = dict(FILES, **{"mkbase.sh": b"debootstrap --x\n"})
    assert image.tags("bookworm", new_base)[0] != base
    assert image.tags("bookworm", new_base)[1] != tag
    assert image.tags("trixie", FILES)[0] != base


def test_tag_is_unambiguous_about_file_boundaries() -> None:
    a = {"mkbase.sh": b"", "a": b"bc", "d": b""}
    b = {"mkbase.sh": b"", "a": b"b", "cd": b""}
    assert image.tags("bookworm", a)[1] != image.tags("bookworm", b)[1]


def test_toolchain_files_skip_bytecode(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/a.txt").write_text("a")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__/step.cpython-311.pyc").write_bytes(b"\0")
    assert sorted(image.toolchain_files(tmp_path)) == ["Dockerfile", "sub/a.txt"]
    with pytest.raises(image.ImageError, match="Dockerfile not found"):
        image.toolchain_files(tmp_path / "sub")


def test_repository_toolchain_has_no_mirror() -> None:
    sources = image.host_sources()
    for name, data in image.toolchain_files().items():
        for s in sources:
            for uri in s.uris:
                assert uri.encode() not in data, f"toolchain/{name} names the mirror {uri}"


def test_cache_dir(tmp_path: Path) -> None:
    assert image.cache_dir({"REFGO_CACHE": str(tmp_path)}) == tmp_path
    assert image.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/refgo")


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("debootstrap", path="/usr/sbin"),
    reason="needs root and /usr/sbin/debootstrap",
)
def test_rootfs_failure_names_script_and_output(tmp_path: Path) -> None:
    lines: list[str] = []
    target = image.Target("bookworm", f"file://{tmp_path}/no-mirror")
    with pytest.raises(image.ImageError) as info:
        image.make_rootfs(target, tmp_path / "base.tar", lines.append)
    assert "toolchain/mkbase.sh bookworm failed with exit status" in str(info.value)
    assert "\n" not in str(info.value)
    assert info.value.detail and info.value.detail.splitlines()[-1] in "\n".join(lines)
    assert not (tmp_path / "base.tar").exists()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a live engine with the toolchain image built; skips without an engine."""
    from harness import container

    try:
        c = container.connect()
    except container.EngineUnavailable as e:
        pytest.skip(f"no Docker engine: {e}")
    if os.geteuid() != 0 and not image.image_present(c, image.current_tag()):
        pytest.skip("the toolchain image is not built and building it needs root")
    try:
        image.ensure_image(c, lambda line: None)
    except image.ImageError as e:
        pytest.fail(e.report())
    yield c


@pytest.mark.docker
def test_ensure_image_is_warm_and_content_tagged(client: Any) -> None:
    report = image.ensure_image(client, lambda line: None)
    assert report.tag == image.current_tag()
    assert (report.base_action, report.image_action) == ("present", "present")
    labels = client.api.inspect_image(report.tag)["Config"]["Labels"]
    assert labels["org.refgo.toolchain"] == report.tag.split(":")[1]


@pytest.mark.docker
def test_build_failure_names_step_and_output(client: Any, tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "ARG BASE\nFROM ${BASE}\nRUN echo preparing\n"
        "RUN echo marker-output-line && echo marker-on-stderr >&2 && exit 7\n"
    )
    base_tag = image.tags(image.host_suite(), image.toolchain_files())[0]
    lines: list[str] = []
    with pytest.raises(image.ImageError) as info:
        image.docker_build(
            client,
            "refgo-test-broken:1",
            base_tag,
            nocache=False,
            network=None,
            log=lines.append,
            context=tmp_path,
        )
    msg = str(info.value)
    assert re.search(r"at Step 4/\d+ : RUN echo marker-output-line", msg)
    assert "returned a non-zero code: 7" in msg
    assert "marker-output-line" in info.value.detail
    assert "marker-on-stderr" in info.value.detail
    assert "preparing" not in info.value.detail
    assert any(line.startswith("Step 3/") for line in lines)
    assert not image.image_present(client, "refgo-test-broken:1")
