"""The refgo pytest plugin: Go-style self-describing test files as pytest items.

Registered by the `pytest11` entry point `harness.plugin` and by the root
conftest (same name, so pytest loads it once). Any `*.go` file whose header
names a run.go action becomes one item:

    $ pytest --compiler=gc /usr/share/go-1.19/test/helloworld.go cases/
    /usr/share/go-1.19/test/helloworld.go::run PASSED
    cases/iface/conv_test.go::test PASSED

Directories named `X.dir` are inputs of other cases and are not walked; in Go's
test tree only run.go's `dirs` are (`bench/garbage/peano.go` runs only when named). A
malformed header (unknown directive, bad flag, bad `// ERROR` line or regexp)
is a collection error pointing at `case.go:LINE`. Cases excluded by build
constraints, `// skip` cases, unsupported directives and `refgo-only` cases
under gc are collected as skipped items, so every worker of pytest-xdist sees
the same ids.

Each worker process opens one Executor lazily (first case) through harness.container,
which owns every executor and closes them at session end; each case gets a fresh
workdir keyed by a hash of its node id.

This module is long because it is pytest's whole hook surface for the harness (options,
collection, items, reporting); steps, cases and executors live in their own modules.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _pytest._code.code import TerminalRepr

from harness import asmcheck, container, errorcheck
from harness.cases import (
    CaseFailure,
    CaseRunner,
    CaseSkipped,
    CaseSpec,
    RunOptions,
    find_suite_root,
    skip_reason,
)
from harness.compilers import Compiler, Factory, compiler_names, make_compiler
from harness.constraints import BuildContext
from harness.cost import Cost
from harness.directives import CaseHeader, Directive, DirectiveError, parse_header
from harness.toolchain import Executor, repo_root

pytest_plugins = ("harness.sharding", "harness.golden", "harness.conformance")

_HEADER_BYTES = 1 << 16
_NOTICES_KEY = "refgo_notices"
_TOOLCHAIN_KEY = "refgo_toolchain"


class CompilerHooks:
    """The hook a conftest.py implements to add compilers (harness.compilers.register)."""

    @pytest.hookspec
    def pytest_refgo_register_compilers(self, register: Any) -> None:
        """Calls register(name, factory) for each compiler this plugin adds; factory
        takes a harness.compilers.CompilerOptions and returns a Compiler."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    """Adds the compiler hook, and registers harness.container, the owner of every
    executor, as a plugin of its own.

    Do NOT list container in pytest_plugins instead: this module imports it first, and
    pytest would then warn that it cannot rewrite an already imported plugin's asserts.
    """
    pluginmanager.add_hookspecs(CompilerHooks)
    if pluginmanager.get_plugin(container.__name__) is None:
        pluginmanager.register(container, container.__name__)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Adds the harness's command-line options."""
    group = parser.getgroup("refgo", "refgo compiler regression harness")
    group.addoption(
        "--compiler",
        default="refgo",
        metavar="NAME",
        help="compiler the Go cases run against: refgo (default), gc, gccgo, or one a "
        "conftest.py or a refgo.compilers entry point registers",
    )
    group.addoption(
        "--toolchain",
        choices=("auto", "docker", "local"),
        default="auto",
        help="where steps run: docker, local, or auto (docker if the engine answers)",
    )
    group.addoption(
        "--update-errors",
        action="store_true",
        default=False,
        help="rewrite // ERROR comments of errorcheck cases from the compiler's output",
    )
    group.addoption(
        "--refgo-command",
        default=None,
        metavar="CMD",
        help="command that runs refgo's CLI (default: python3 -m compiler)",
    )
    group.addoption(
        "--step-timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="time limit of each step of a case that has no -t flag (default: 300)",
    )
    group.addoption(
        "--timeout-scale",
        type=float,
        default=None,
        metavar="X",
        help="multiply every time limit by X (default: $GO_TEST_TIMEOUT_SCALE or 1)",
    )
    group.addoption(
        "--gc-asmcheck",
        action="store_true",
        default=False,
        help="under --compiler=gc, also run asmcheck cases outside Go's test tree (whose "
        "patterns are refgo's -S syntax); Go's own codegen tests run without it",
    )
    group.addoption(
        "--compiler-flags",
        default="",
        metavar="FLAGS",
        help="extra compiler flags for every program a run/test case builds, e.g. "
        "--compiler-flags=-d=convinline=0 to run the suite with the seed optimization off",
    )
    group.addoption(
        "--keep-workdirs",
        action="store_true",
        default=False,
        help="keep every case's work directory of the local toolchain (a failing case's "
        "is always kept)",
    )


def _timeout_scale(config: pytest.Config) -> float:
    """Returns --timeout-scale, else $GO_TEST_TIMEOUT_SCALE (as run.go reads it), else 1."""
    value: float | None = config.getoption("timeout_scale")
    if value is not None:
        if value <= 0:
            raise pytest.UsageError("--timeout-scale must be positive")
        return value
    env = os.environ.get("GO_TEST_TIMEOUT_SCALE", "")
    if not env:
        return 1.0
    try:
        scale = int(env)
    except ValueError:
        msg = f"cannot parse $GO_TEST_TIMEOUT_SCALE={env!r} as an integer"
        raise pytest.UsageError(msg) from None
    if scale <= 0:
        raise pytest.UsageError("$GO_TEST_TIMEOUT_SCALE must be positive")
    return float(scale)


def _worker_id(config: pytest.Config) -> str:
    workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
    return str(workerinput["workerid"]) if workerinput else "main"


@dataclass(slots=True)
class HarnessState:
    """Per-process state: options, the lazily opened executor and notices to print."""

    config: pytest.Config
    options: RunOptions
    toolchain: str
    keep: bool
    context: BuildContext
    executor: Executor | None = None
    cache: str = ""
    notices: list[str] = field(default_factory=list)
    test_packages: dict[str, str | None] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    unavailable: str | None = None

    def notify(self, line: str) -> None:
        """Shows line once on the terminal (via the xdist controller when in a worker)."""
        if line in self.notices:
            return
        self.notices.append(line)
        if hasattr(self.config, "workerinput"):
            return
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            return
        capman = self.config.pluginmanager.get_plugin("capturemanager")
        with capman.global_and_fixture_disabled() if capman else contextlib.nullcontext():
            reporter.ensure_newline()
            reporter.write_line(line)

    def get_executor(self, session: pytest.Session) -> Executor:
        """Returns this process's executor, opening it on first use."""
        if self.unavailable is not None:
            pytest.fail(self.unavailable, pytrace=False)
        if self.executor is None:
            try:
                self.executor = self._open(session)
            except Exception as err:
                # Every later case would hit the same wall (e.g. the image build failed).
                self.unavailable = f"refgo: cannot open the {self.toolchain} toolchain: {err}"
                raise
            self.cache = self.executor.build_cache()
        return self.executor

    def _open(self, session: pytest.Session) -> Executor:
        """Opens the executor the toolchain decision names, through harness.container,
        which owns every executor and closes them at session end."""
        if self.toolchain == "local":
            return container.open_local(self.config, keep=self.keep)
        try:
            return container.open_executor(self.config, _worker_id(self.config), _mounts(session))
        except container.EngineUnavailable as err:
            if self.toolchain == "docker":
                self.unavailable = f"refgo: --toolchain=docker: {err}"
                if not hasattr(self.config, "workerinput"):
                    pytest.exit(self.unavailable, returncode=pytest.ExitCode.USAGE_ERROR)
                pytest.fail(self.unavailable, pytrace=False)
            self.notify(f"refgo: {err}; using the local toolchain")
            self.toolchain = "local"
            return container.open_local(self.config, keep=self.keep)

    def probe(self) -> None:
        """(main process) Settles auto/docker before any worker starts: one line, one decision.

        auto falls back to local when the engine does not answer; docker ends the session
        with one line in that case.
        """
        if self.toolchain == "local":
            return
        try:
            client = container.connect()
        except container.EngineUnavailable as err:
            if self.toolchain == "docker":
                raise pytest.UsageError(f"refgo: --toolchain=docker: {err}") from None
            self.header.append(f"refgo: {err}; using the local toolchain")
            self.toolchain = "local"
            return
        client.close()


_STATE = pytest.StashKey[HarnessState]()


def _compiler(config: pytest.Config) -> Compiler:
    """Builds the --compiler compiler after conftest hooks registered theirs; a name
    nobody registered or a compiler missing from the machine is one usage-error line."""
    added: dict[str, Factory] = {}

    def register(name: str, factory: Factory) -> None:
        if name in added or name in compiler_names():
            raise pytest.UsageError(f"a conftest registers compiler {name!r} twice")
        added[name] = factory

    config.hook.pytest_refgo_register_compilers(register=register)
    name: str = config.getoption("compiler")
    try:
        compiler = make_compiler(name, config.getoption("refgo_command"), added)
    except ValueError as err:
        raise pytest.UsageError(f"--compiler={name}: {err}") from None
    why = compiler.missing()
    if why is not None:
        raise pytest.UsageError(f"--compiler={name}: {why}")
    return compiler


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Validates the options and creates this process's HarnessState."""
    # Do NOT import harness.conformance at the top: it is in pytest_plugins, and pytest
    # cannot rewrite the asserts of a plugin module imported before it registers it.
    from harness.conformance import COMPILER_KEY

    compiler = _compiler(config)
    config.stash[COMPILER_KEY] = compiler
    timeout: float = config.getoption("step_timeout")
    if timeout <= 0:
        raise pytest.UsageError("--step-timeout must be positive")
    toolchain: str = config.getoption("toolchain")
    options = RunOptions(
        compiler=compiler,
        default_timeout=timeout,
        timeout_scale=_timeout_scale(config),
        update_errors=config.getoption("update_errors"),
        gc_asmcheck=config.getoption("gc_asmcheck"),
        extra_flags=tuple(shlex.split(config.getoption("compiler_flags"))),
    )
    workerinput: dict[str, Any] = getattr(config, "workerinput", None) or {}
    toolchain = str(workerinput.get(_TOOLCHAIN_KEY, toolchain))
    config.stash[_STATE] = HarnessState(
        config,
        options,
        toolchain,
        keep=config.getoption("keep_workdirs"),
        context=compiler.build_context(),
    )


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Settles --toolchain=auto|docker in the main process, before the header and workers."""
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_STATE].probe()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """(xdist controller) Hands every worker the toolchain decision the probe made."""
    node.workerinput[_TOOLCHAIN_KEY] = node.config.stash[_STATE].toolchain


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Names the compiler and toolchain, and says why auto fell back to local, if it did."""
    state = config.stash[_STATE]
    lines = [f"refgo: compiler={state.options.compiler.name} toolchain={state.toolchain}"]
    return lines + state.header


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Hands a worker's notices to the xdist controller (harness.container closes the
    executor)."""
    state = session.config.stash.get(_STATE, None)
    if state is None:
        return
    workeroutput: dict[str, Any] | None = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_NOTICES_KEY] = list(state.notices)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """(xdist controller) Prints the notices a worker produced, once each."""
    state = node.config.stash.get(_STATE, None)
    output: dict[str, Any] = getattr(node, "workeroutput", None) or {}
    if state is not None:
        for line in output.get(_NOTICES_KEY, []):
            state.notify(line)


def _mounts(session: pytest.Session) -> list[str]:
    """Returns the host directories the container must see: repo root and case roots."""
    dirs = {repo_root()}
    for item in session.items:
        if isinstance(item, GoCase):
            dirs.add(item.spec.run_dir)
    out: list[str] = []
    for d in sorted(dirs):
        if not any(d == o or d.startswith(o.rstrip("/") + "/") for o in out):
            out.append(d)
    return out


# ---- collection ----


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skips `X.dir` directories (inputs of the case X.go, not cases) and, in Go's test
    tree, directories run.go does not walk (`bench/`, `stress/`) unless named explicitly."""
    if not collection_path.is_dir():
        return None
    if collection_path.name.endswith(".dir"):
        return True
    root = find_suite_root(str(collection_path.parent))
    if not root:
        return None
    walked = run_go_dirs(root)
    rel = os.path.relpath(collection_path, root)
    if walked is None or rel in walked or any(d.startswith(rel + "/") for d in walked):
        return None
    top = Path(root)
    for a in config.args:
        named = Path(os.path.abspath(a.split("::", 1)[0]))
        # Named: this directory, a path inside it, or a directory around it below the root.
        if named == collection_path or collection_path in named.parents:
            return None
        if named in collection_path.parents and top in named.parents:
            return None
    return True


def _walked_by_run_go(directory: str) -> bool:
    """Reports whether directory is one of the dirs of the run.go above it."""
    root = find_suite_root(directory)
    walked = run_go_dirs(root) if root else None
    return walked is not None and os.path.relpath(directory, root) in walked


_DIRS_RX = re.compile(r"(?m)^\s*dirs\s*=\s*\[\]string\{([^}]*)\}")


@functools.cache
def run_go_dirs(root: str) -> frozenset[str] | None:
    """The directories of Go's test tree at root that run.go walks (its `dirs`), relative
    to root ("." for root itself); None when root's run.go has no such list."""
    try:
        with open(os.path.join(root, "run.go"), encoding="utf-8") as f:
            m = _DIRS_RX.search(f.read())
    except OSError:
        return None
    if m is None:
        return None
    return frozenset(re.findall(r'"([^"]+)"', m.group(1)))


def _read_header(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read(_HEADER_BYTES)


def _test_package_first(config: pytest.Config, directory: str) -> str | None:
    """Returns the first (sorted) *_test.go of directory if its header says `// test`."""
    cache = config.stash[_STATE].test_packages
    if directory not in cache:
        cache[directory] = _find_test_package_first(directory)
    return cache[directory]


def _find_test_package_first(directory: str) -> str | None:
    try:
        names = sorted(n for n in os.listdir(directory) if n.endswith("_test.go"))
    except OSError:
        return None
    if not names:
        return None
    first = os.path.join(directory, names[0])
    try:
        header = parse_header(_read_header(first))
    except (DirectiveError, OSError):
        return None
    return first if header is not None and header.keyword == "test" else None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collects `*.go` files whose header names a directive (and every file named explicitly)."""
    if file_path.suffix != ".go":
        return None
    path = str(file_path)
    # run.go runs every file of its dirs: one without a directive is skipped by its build
    # constraint (linkmain.go's `// +build ignore`) or fails, never left out.
    explicit = parent.session.isinitpath(file_path) or _walked_by_run_go(str(file_path.parent))
    first_test = _test_package_first(parent.config, str(file_path.parent))
    if first_test is not None and first_test != path:
        return None
    match = parent.config.stash[_STATE].context.match
    try:
        header = parse_header(_read_header(path), explicit=explicit, match=match)
    except DirectiveError as err:
        return GoFile.from_parent(parent, path=file_path, header=None, error=err)
    except OSError as err:
        raise parent.CollectError(f"{path}: {err.strerror}") from None
    if header is None:
        return None
    if header.keyword == "test" and first_test != path:
        misplaced = DirectiveError(
            header.line, "// test must head the first *_test.go file of a package"
        )
        return GoFile.from_parent(parent, path=file_path, header=None, error=misplaced)
    return GoFile.from_parent(parent, path=file_path, header=header, error=None)


class GoFile(pytest.File):
    """A Go case file; yields one GoCase item named after its directive."""

    def __init__(
        self, *, header: CaseHeader | None, error: DirectiveError | None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.header = header
        self.error = error

    def _where(self, line: int) -> str:
        try:
            shown = os.path.relpath(self.path, self.config.invocation_params.dir)
        except ValueError:
            shown = str(self.path)
        if shown.startswith(".."):
            shown = str(self.path)
        return f"{shown}:{line}"

    def collect(self) -> Iterator[GoCase]:
        """Parses the case's checks; any malformed line is a collection error."""
        if self.error is not None:
            raise self.CollectError(f"{self._where(self.error.line)}: {self.error.message}")
        header = self.header
        assert header is not None
        try:
            spec = self._spec(header)
        except DirectiveError as err:
            raise self.CollectError(f"{self._where(err.line)}: {err.message}") from None
        state = self.config.stash[_STATE]
        item = GoCase.from_parent(self, name=header.keyword or "case", spec=spec)
        reason = skip_reason(spec, state.options)
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))
        yield item

    def _spec(self, header: CaseHeader) -> CaseSpec:
        path = str(self.path)
        root = find_suite_root(os.path.dirname(path))
        d = header.directive
        if d is None:
            return CaseSpec(path, header, suite_root=root)
        if d.keyword in _DIR_INPUT:
            _check_dir_layout(path, d)
        if d.keyword in ("errorcheck", "errorcheckwithauto"):
            dialect = self.config.stash[_STATE].options.compiler.error_dialect()
            want = errorcheck.parse_expectations(_read_full(path), _base(path), dialect)
            return CaseSpec(path, header, expectations=want, suite_root=root)
        if d.keyword == "asmcheck":
            checks = asmcheck.parse_checks(_read_full(path))
            return CaseSpec(path, header, asm_checks=checks, suite_root=root)
        return CaseSpec(path, header, suite_root=root)


_DIR_INPUT = frozenset(
    {"compiledir", "rundir", "errorcheckdir", "errorcheckandrundir", "runindir", "builddir",
     "buildrundir"}
)


def _check_dir_layout(path: str, d: Directive) -> None:
    """A directive reading X.dir needs X.dir to be a directory holding .go files (runindir:
    anywhere below it); raises DirectiveError at the directive line otherwise."""
    longdir = path.removesuffix(".go") + ".dir"
    name = os.path.basename(longdir)
    if not os.path.isdir(longdir):
        raise DirectiveError(d.line, f"// {d.keyword} needs the directory {name} beside it")
    if d.keyword == "runindir":
        found = any(n.endswith(".go") for _, _, ns in os.walk(longdir) for n in ns)
    else:
        found = any(n.endswith(".go") for n in os.listdir(longdir))
    if not found:
        raise DirectiveError(d.line, f"// {d.keyword}: {name} holds no .go file")


def _base(path: str) -> str:
    return os.path.basename(path)


def _read_full(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def _with_reproduce(
    report: str, executor: Executor, runner: CaseRunner, kept: str | None
) -> str:
    """Appends the commands that rerun a failed case's steps, pasted on the host."""
    if not runner.ran:
        return report
    where = f", work directory kept: {kept}" if kept else ""
    lines = [report, "", f"reproduce ({executor.kind} toolchain{where}):"]
    lines.extend("  " + line for line in executor.reproduce(runner.ran, kept))
    return "\n".join(lines)


class GoCase(pytest.Item):
    """One Go case. Exposes case_path, header, directive and, once it ran, compile_cost
    (harness.cost: None when not measured) for other plugins."""

    def __init__(self, *, spec: CaseSpec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.compile_cost: Cost | None = None

    @property
    def case_path(self) -> str:
        """Absolute path of the case file."""
        return self.spec.path

    @property
    def header(self) -> CaseHeader:
        """The parsed header of the case."""
        return self.spec.header

    @property
    def directive(self) -> Directive | None:
        """The case's directive (None when build constraints exclude the file)."""
        return self.spec.header.directive

    def workdir_key(self) -> str:
        """A collision-free workdir name derived from the node id."""
        return "case-" + hashlib.sha256(self.nodeid.encode()).hexdigest()[:20]

    def runtest(self) -> None:
        """Runs the case through this process's executor."""
        state = self.config.stash[_STATE]
        executor = state.get_executor(self.session)
        runner = CaseRunner(
            spec=self.spec,
            opts=state.options,
            executor=executor,
            workdir=executor.workdir(self.workdir_key()),
            cache=state.cache,
            gocache=executor.go_cache(),
            repo_env={"PYTHONPATH": repo_root()} if state.options.compiler.name == "refgo" else {},
        )
        try:
            runner.run()
        except CaseSkipped as skip:
            executor.finish_case(runner.workdir, failed=False)
            pytest.skip(str(skip))
        except CaseFailure as failure:
            kept = executor.finish_case(runner.workdir, failed=True)
            raise CaseFailure(_with_reproduce(str(failure), executor, runner, kept)) from None
        except BaseException:
            executor.finish_case(runner.workdir, failed=True)
            raise
        finally:
            self.compile_cost = runner.cost
        executor.finish_case(runner.workdir, failed=False)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | TerminalRepr:
        """A case failure is shown as its plain-text report; anything else as usual."""
        if isinstance(excinfo.value, CaseFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        """Location shown in reports: the case file's directive line (0-based) and name."""
        return self.path, self.spec.header.line - 1, f"{self.spec.short} ({self.name})"
