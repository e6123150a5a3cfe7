"""Running one case: the checker of each directive, on top of a Compiler and an Executor.

A `// run` case /abs/hello.go under refgo goes through two steps:

    cd WORKDIR && python3 -m compiler build -o WORKDIR/a.exe -c=1 /abs/hello.go
    cd /abs    && WORKDIR/a.exe

and passes when the program exits 0 and its combined stdout+stderr equals
/abs/hello.out (an absent .out file means "no output"). A failing case raises
CaseFailure whose text names the file, says what went wrong (a unified diff,
run.go's errorcheck lines, an asmcheck listing, or "timed out after 10s
running ..."); the plugin adds the commands that reproduce it (harness.toolchain's
Executor.reproduce), to paste in the failing case's kept work directory.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from harness import asmcheck, errorcheck
from harness.compilers import Compiler
from harness.cost import Cost, charge
from harness.directives import CaseHeader, Directive, DirectiveError
from harness.toolchain import Executor, Step, StepResult, describe_exit

DIR_ACTIONS = frozenset({"compiledir", "rundir", "errorcheckdir", "errorcheckandrundir"})
_PACKAGE_RX = re.compile(r"(?m)^package (\w+)")


REPORT_LIMIT = 64 * 1024


class CaseFailure(Exception):
    """A case failed; str() is the complete report."""


class CaseSkipped(Exception):
    """A case cannot run in this configuration; str() is the reason."""


@dataclass(frozen=True, slots=True)
class CaseSpec:
    """What collection learned about one case.

    path is the case file (for `test`, the package's first _test.go file);
    expectations is set for errorcheck cases, asm_checks for asmcheck cases.
    """

    path: str
    header: CaseHeader
    expectations: tuple[errorcheck.Expectation, ...] = ()
    asm_checks: tuple[asmcheck.AsmCheck, ...] = ()
    suite_root: str = ""

    @property
    def short(self) -> str:
        """The case file's base name."""
        return os.path.basename(self.path)

    @property
    def directory(self) -> str:
        """The directory holding the case file."""
        return os.path.dirname(self.path)

    @property
    def run_dir(self) -> str:
        """Where run.go would run the program: its suite root, else the case's directory."""
        return self.suite_root or self.directory


def find_suite_root(case_dir: str) -> str:
    """Returns the nearest ancestor of case_dir holding Go's run.go (Go's test/), or "".

    run.go runs `run` programs in the directory it was started in, and some of
    Go's tests open files relative to it (`fixedbugs/bug369.dir`).
    """
    d = os.path.abspath(case_dir)
    while True:
        if os.path.isfile(os.path.join(d, "run.go")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return ""
        d = parent


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Session-wide settings for running cases."""

    compiler: Compiler
    default_timeout: float = 300.0
    timeout_scale: float = 1.0
    update_errors: bool = False
    gc_asmcheck: bool = False
    extra_flags: tuple[str, ...] = ()
    """--compiler-flags: added to every program build of run and test cases (not to
    errorcheck/asmcheck steps, whose expectations depend on the flags in the header)."""


def skip_reason(spec: CaseSpec, opts: RunOptions) -> str | None:
    """Returns why spec does not run in this configuration, or None if it runs."""
    h = spec.header
    if h.excluded is not None:
        return f"build constraint excludes linux/amd64: {h.excluded}"
    if h.keyword == "skip":
        return "// skip directive"
    c = opts.compiler
    if h.keyword in DIR_ACTIONS and c.packages() is None:
        return f"directive {h.keyword}: compiler {c.name} has no multi-package steps"
    if h.keyword == "runindir" and c.run_in_dir((), "") is None:
        return f"directive runindir: compiler {c.name} has no module build steps"
    if h.keyword in ("builddir", "buildrundir") and c.build_dir((), ()) is None:
        return f"directive {h.keyword}: compiler {c.name} has no assembler/pack steps"
    if c.name != "refgo" and h.refgo_only is not None:
        return f"refgo-only: {h.refgo_only}"
    if h.keyword == "asmcheck":
        mode = c.asmcheck()
        if mode == "no":
            return f"asmcheck: its patterns are gc's assembly syntax, not {c.name}'s"
        if mode == "opt-in" and not opts.gc_asmcheck and not spec.suite_root:
            return "asmcheck outside Go's test tree is in refgo's -S syntax; see --gc-asmcheck"
    return None


def _text(b: bytes) -> str:
    """Decodes compiler or program output (invalid UTF-8 replaced)."""
    return b.decode("utf-8", "replace")


def _clip(text: str) -> str:
    """Keeps at most the last REPORT_LIMIT characters of text for a report."""
    if len(text) <= REPORT_LIMIT:
        return text
    cut = len(text) - REPORT_LIMIT
    return f"[... {cut} characters cut ...]\n" + text[cut:]


@dataclass(slots=True)
class CaseRunner:
    """Runs one case in one workdir; raises CaseFailure or CaseSkipped, returns on success.

    cost is the compile cost of the steps run so far (None once a compiler step was not
    measured), a timed-out or failing one's included.
    """

    spec: CaseSpec
    opts: RunOptions
    executor: Executor
    workdir: str
    cache: str
    gocache: str
    repo_env: Mapping[str, str] = field(default_factory=dict)
    ran: list[Step] = field(default_factory=list)
    cost: Cost | None = field(default_factory=Cost)

    @property
    def directive(self) -> Directive:
        """The case's directive; only cases that build constraints admit are ever run."""
        d = self.spec.header.directive
        assert d is not None, "excluded cases never run"
        return d

    @property
    def timeout(self) -> float:
        """The time limit of each step: the case's -t N, else the default, times the scale."""
        d = self.directive
        base = float(d.timeout) if d.timeout is not None else self.opts.default_timeout
        return base * self.opts.timeout_scale

    def fail(self, message: str) -> CaseFailure:
        """Builds the failure report: file, directive, message, reproduction commands."""
        d = self.directive
        lines = [f"{self.spec.path}: // {d.keyword} failed (compiler {self.opts.compiler.name})"]
        lines.append(message.rstrip("\n"))
        return CaseFailure("\n".join(lines))

    def step(
        self,
        argv: Sequence[str],
        *,
        cwd: str | None = None,
        env: Mapping[str, str] | None = None,
        stdin: bytes | None = None,
        merge: bool = True,
        compiler: bool = False,
    ) -> StepResult:
        """Runs one step under the case's time limit; a timeout or OOM kill fails the case.
        A compiler step (compiler=True: it runs the compiler, assembler or linker) adds its
        usage to the case's compile cost."""
        full_env = dict(self.opts.compiler.env(self.cache, self.gocache))
        full_env.update(self.repo_env)
        if self.directive.goexperiment is not None:
            full_env["GOEXPERIMENT"] = self.directive.goexperiment
        full_env.update(env or {})
        where = cwd or self.workdir
        self.ran.append(Step(tuple(argv), where, tuple(sorted(full_env.items()))))
        try:
            res = self.executor.run(
                argv, cwd=where, timeout=self.timeout, env=full_env, stdin=stdin, merge_stderr=merge
            )
        except Exception as err:
            kind = type(err).__name__
            raise self.fail(f"toolchain error ({kind}) running {shlex.join(argv)}: {err}") from err
        if compiler:
            self.cost = charge(self.cost, res.cpu, res.maxrss)
        if res.timed_out:
            limit = f"{self.timeout:g}s"
            raise self.fail(
                f"timed out after {limit} running {shlex.join(argv)}\n{_clip(_text(res.output))}"
            )
        if res.oom_killed:
            raise self.fail(
                f"killed by the memory limit running {shlex.join(argv)}\n{_clip(_text(res.output))}"
            )
        return res

    def must_succeed(self, res: StepResult, what: str) -> None:
        """Fails the case if res exited non-zero, quoting its output."""
        if res.returncode != 0:
            out = _clip(_text(res.output + res.stderr))
            raise self.fail(f"{what} failed: {describe_exit(res.returncode)}\n{out}")

    def run(self) -> None:
        """Runs the case according to its directive."""
        match self.directive.action:
            case "run" | "buildrun":
                flags = (*self.directive.flags, *self.opts.extra_flags)
                self.check_output(self.build_and_run(self.spec.path, flags))
            case "runoutput":
                self.run_runoutput()
            case "compile":
                self.run_compile()
            case "build":
                self.run_build()
            case "errorcheck":
                self.run_errorcheck()
            case "errorcheckoutput":
                self.run_errorcheck_output()
            case "asmcheck":
                self.run_asmcheck()
            case "compiledir" | "errorcheckdir" | "rundir" | "errorcheckandrundir":
                self.run_dir_packages()
            case "test":
                self.run_test()
            case "runindir":
                self.run_in_dir()
            case "builddir" | "buildrundir":
                self.run_build_dir()
            case other:
                raise CaseSkipped(f"directive {other} not supported yet")

    def split_args(self) -> tuple[list[str], list[str]]:
        """Splits the directive's args into extra source files and program arguments.

        As with `go run`, leading arguments ending in .go are more files of the
        main package (relative to the case's directory).
        """
        args = list(self.directive.args)
        files: list[str] = []
        while args and args[0].endswith(".go"):
            files.append(os.path.normpath(os.path.join(self.spec.directory, args.pop(0))))
        return files, args

    def build_and_run(self, file: str, flags: Sequence[str], with_args: bool = True) -> bytes:
        """Builds file (plus the directive's extra .go files) and runs it; returns its output."""
        extra, args = self.split_args() if with_args else ([], [])
        exe = os.path.join(self.workdir, "a.exe")
        experiment = self.directive.goexperiment
        built = self.opts.compiler.build([file, *extra], flags, exe, experiment, bool(args))
        for argv in built:
            self.must_succeed(self.step(argv, compiler=True), "build")
        buildrun = self.directive.action == "buildrun"
        res = self.step(
            [exe, *args],
            cwd=self.workdir if buildrun else self.spec.run_dir,
            env={"HOME": self.workdir},
        )
        if res.returncode != 0:
            raise self.fail(f"{describe_exit(res.returncode)}\n{_clip(_text(res.output))}")
        return res.output.replace(b"\r\n", b"\n")

    def check_output(self, got: bytes) -> None:
        """Compares got with the case's .out file (missing = empty); fails with a diff."""
        out_path = self.spec.path[: -len(".go")] + ".out"
        try:
            with open(out_path, "rb") as f:
                want = f.read()
            exists = True
        except FileNotFoundError:
            want, exists = b"", False
        if got == want:
            return
        name = os.path.basename(out_path)
        if exists:
            head = f"output does not match expected in {name}"
        else:
            head = (
                f"output should be empty when (optional) expected-output file {name} is not present"
            )
        diff = difflib.unified_diff(
            _text(want).splitlines(keepends=True),
            _text(got).splitlines(keepends=True),
            fromfile=f"{name} (expected)",
            tofile="actual output",
        )
        nl = "\n\\ No newline at end of file\n"
        body = "".join(d if d.endswith("\n") else d + nl for d in diff)
        raise self.fail(f"{head}\n{_clip(body)}")

    def run_runoutput(self) -> None:
        """runoutput: run the case, then build and run the Go program it printed."""
        generated = self.build_and_run(self.spec.path, ())
        tmp = os.path.join(self.workdir, "tmp__.go")
        self.executor.write_file(tmp, generated)
        self.check_output(self.build_and_run(tmp, (), with_args=False))

    def run_compile(self) -> None:
        """compile: the file must compile."""
        res = self.step(self.opts.compiler.compile(self.spec.path, self.directive.flags),
                        compiler=True)
        self.must_succeed(res, "compile")

    def run_build(self) -> None:
        """build: the file must compile and link."""
        exe = os.path.join(self.workdir, "a.exe")
        files = [self.spec.path, *self.split_args()[0]]
        d = self.directive
        for argv in self.opts.compiler.build(files, d.flags, exe, d.goexperiment):
            self.must_succeed(self.step(argv, compiler=True), "build")

    def _errorcheck_compile(self, file: str, ssa_check: bool) -> str:
        """Compiles file for errorcheck and applies -0/-1; returns the compiler's output."""
        d = self.directive
        res = self.step(self.opts.compiler.errorcheck(file, d.flags, ssa_check), compiler=True)
        out = _text(res.output)
        if d.want_error and res.returncode == 0:
            raise self.fail(f"compilation succeeded unexpectedly\n{out}")
        if not d.want_error and res.returncode != 0:
            raise self.fail(f"{describe_exit(res.returncode)}\n{out}")
        return out

    def run_errorcheck(self) -> None:
        """errorcheck: diagnostics must match the `// ERROR` comments exactly."""
        d = self.directive
        out = self._errorcheck_compile(self.spec.path, True)
        expectations = self.spec.expectations
        if self.opts.update_errors:
            expectations = self.update_errors(out)
        src = errorcheck.SourceFile(self.spec.path, self.spec.short, expectations)
        errs = errorcheck.check(out, d.want_auto, [src])
        if errs:
            raise self.fail(errorcheck.format_report(errs))

    def update_errors(self, out: str) -> tuple[errorcheck.Expectation, ...]:
        """Rewrites the case file's ERROR comments from out; returns the new expectations."""
        with open(self.spec.path, encoding="utf-8") as f:
            old = f.read()
        new = errorcheck.update_errors(old, out, self.spec.path, self.spec.short)
        if new != old:
            with open(self.spec.path, "w", encoding="utf-8") as f:
                f.write(new)
        try:
            return errorcheck.parse_expectations(new, self.spec.short)
        except DirectiveError as err:
            msg = f"--update-errors wrote an invalid line {err.line}: {err.message}"
            raise self.fail(msg) from None

    def run_errorcheck_output(self) -> None:
        """errorcheckoutput: run the case, then errorcheck the Go program it printed."""
        generated = self.build_and_run(self.spec.path, ())
        tmp = os.path.join(self.workdir, "tmp__.go")
        self.executor.write_file(tmp, generated)
        try:
            dialect = self.opts.compiler.error_dialect()
            want = errorcheck.parse_expectations(_text(generated), "tmp__.go", dialect)
        except DirectiveError as err:
            raise self.fail(f"tmp__.go:{err.line}: {err.message}") from None
        out = self._errorcheck_compile(tmp, False)
        errs = errorcheck.check(out, False, [errorcheck.SourceFile(tmp, "tmp__.go", want)])
        if errs:
            raise self.fail(errorcheck.format_report(errs))

    def run_asmcheck(self) -> None:
        """asmcheck: the listing's instructions must satisfy the `// amd64:` checks."""
        compiler = self.opts.compiler
        if compiler.name == "gc":
            envs = asmcheck.check_envs(self.spec.asm_checks)
            envs = [e for e in envs if e.startswith("linux/amd64/")]
        else:
            envs = [asmcheck.BASELINE_ENV]
        for env in envs:
            argv, extra = compiler.assemble(self.spec.path, self.directive.flags, env)
            res = self.step(argv, env=extra, merge=compiler.asm_merged(), compiler=True)
            self.must_succeed(res, f"compile -S ({env})")
            listing = asmcheck.parse_listing(_text(res.output), self.spec.path, self.spec.short)
            errs = asmcheck.check_listing(listing, self.spec.asm_checks, env, self.spec.short)
            if errs:
                raise self.fail("\n".join(errs))

    def run_test(self) -> None:
        """test: `<compiler> test DIR` must exit 0."""
        d = self.directive
        extra = self.opts.extra_flags
        gcflags = (f"-gcflags={shlex.join(extra)}",) if extra else ()
        argv, cwd = self.opts.compiler.test(self.spec.directory, (*gcflags, *d.flags, *d.args))
        self.must_succeed(self.step(argv, cwd=cwd, compiler=True), "test")

    def run_in_dir(self) -> None:
        """runindir: X.dir copied to WORKDIR/src/X with a go.mod naming module X, built and
        run there by the compiler's module build (GOPATH=WORKDIR); output against X.out."""
        longdir = self.spec.path.removesuffix(".go") + ".dir"
        mod = os.path.basename(longdir)
        src = os.path.join(self.workdir, "src", mod)
        self.must_succeed(self.step(["mkdir", "-p", os.path.dirname(src)]), "mkdir")
        self.must_succeed(self.step(["cp", "-R", longdir, src]), "copy")
        self.executor.write_file(os.path.join(src, "go.mod"), f"module {mod}\ngo 1.14\n".encode())
        steps = self.opts.compiler.run_in_dir(self.directive.flags, self.workdir)
        assert steps is not None, "skip_reason skips runindir without module steps"
        argv, env = steps
        res = self.step(argv, cwd=src, env=env, compiler=True)
        if res.returncode != 0:
            raise self.fail(f"{describe_exit(res.returncode)}\n{_clip(_text(res.output))}")
        self.check_output(res.output.replace(b"\r\n", b"\n"))

    def run_build_dir(self) -> None:
        """builddir, buildrundir: X.dir's .go and .s files built into one executable (and
        for buildrundir run in the workdir, output against X.out)."""
        longdir = self.spec.path.removesuffix(".go") + ".dir"
        try:
            names = sorted(os.listdir(longdir))
        except OSError as err:
            raise self.fail(f"cannot read {longdir}: {err.strerror}") from None
        gos = [os.path.join(longdir, n) for n in names if n.endswith(".go")]
        asms = [os.path.join(longdir, n) for n in names if n.endswith(".s")]
        if asms:
            self.executor.write_file(os.path.join(self.workdir, "go_asm.h"), b"")
        steps = self.opts.compiler.build_dir(gos, asms)
        assert steps is not None, "skip_reason skips builddir without assembler steps"
        for argv in steps:
            self.must_succeed(self.step(argv, compiler=True), "build")
        if self.directive.action == "buildrundir":
            res = self.step([os.path.join(self.workdir, "a.exe")])
            if res.returncode != 0:
                raise self.fail(f"{describe_exit(res.returncode)}\n{_clip(_text(res.output))}")
            self.check_output(res.output.replace(b"\r\n", b"\n"))

    def dir_packages(self) -> list[tuple[str, list[str]]]:
        """Groups the .go files of the case's X.dir by package, in file-name order.

        With -s every file is its own package, as in run.go's goDirPackages.
        """
        longdir = self.spec.path.removesuffix(".go") + ".dir"
        try:
            names = sorted(n for n in os.listdir(longdir) if n.endswith(".go"))
        except OSError as err:
            raise self.fail(f"cannot read {longdir}: {err.strerror}") from None
        pkgs: list[tuple[str, list[str]]] = []
        index: dict[str, int] = {}
        for name in names:
            with open(os.path.join(longdir, name), encoding="utf-8", errors="replace") as f:
                m = _PACKAGE_RX.search(f.read())
            if m is None:
                raise self.fail(f"cannot find package name in {os.path.join(longdir, name)}")
            pkg = m.group(1)
            if self.directive.single_file_pkgs or pkg not in index:
                index[pkg] = len(pkgs)
                pkgs.append((pkg, []))
            pkgs[index[pkg]][1].append(name)
        return pkgs

    def run_dir_packages(self) -> None:
        """compiledir, errorcheckdir, rundir, errorcheckandrundir: X.dir's packages in order.

        errorcheck variants check each package's diagnostics against its files'
        ERROR comments; with -1 (errorcheckdir's default) the last package must
        fail to compile, or for errorcheckandrundir the one before it. rundir
        links the last package and compares its output with X.out.
        """
        gc = self.opts.compiler.packages()
        assert gc is not None, "skip_reason skips *dir cases without package steps"
        d = self.directive
        action = d.action
        longdir = self.spec.path.removesuffix(".go") + ".dir"
        pkgs = self.dir_packages()
        self.must_succeed(self.step(["mkdir", "-p", "test"]), "mkdir")
        flags = list(d.flags)
        if action in ("errorcheckdir", "errorcheckandrundir"):
            err_pkg = len(pkgs) - 1 - (1 if d.want_error and action == "errorcheckandrundir" else 0)
            for i, (pkg, names) in enumerate(pkgs):
                argv = gc.compile_in_dir(longdir, [*flags, "-d=panic"], pkg, names)
                res = self.step(argv, compiler=True)
                out = _text(res.output)
                if i == err_pkg and d.want_error and res.returncode == 0:
                    raise self.fail(f"compilation succeeded unexpectedly\n{_clip(out)}")
                if (i != err_pkg or not d.want_error) and res.returncode != 0:
                    raise self.fail(f"{describe_exit(res.returncode)}\n{_clip(out)}")
                self.check_dir_errors(out, longdir, names)
            if action == "errorcheckdir":
                return
        if action == "compiledir":
            for pkg, names in pkgs:
                argv = gc.compile_in_dir(longdir, flags, pkg, names)
                self.must_succeed(self.step(argv, compiler=True), "compile")
            return
        ldflags: list[str] = []
        if "-ldflags" in flags:
            cut = flags.index("-ldflags")
            flags, ldflags = flags[:cut], flags[cut + 1 :]
        for i, (pkg, names) in enumerate(pkgs):
            res = self.step(gc.compile_in_dir(longdir, flags, pkg, names), compiler=True)
            may_fail = d.want_error and action == "errorcheckandrundir" and i == len(pkgs) - 2
            if not may_fail:
                self.must_succeed(res, "compile")
        self.must_succeed(self.step(gc.link(pkgs[-1][1][0], ldflags), compiler=True), "link")
        res = self.step([os.path.join(self.workdir, "a.exe"), *d.args])
        if res.returncode != 0:
            raise self.fail(f"{describe_exit(res.returncode)}\n{_clip(_text(res.output))}")
        self.check_output(res.output.replace(b"\r\n", b"\n"))

    def check_dir_errors(self, out: str, longdir: str, names: Sequence[str]) -> None:
        """Matches one package's diagnostics against the ERROR comments of its files."""
        files: list[errorcheck.SourceFile] = []
        for name in names:
            full = os.path.join(longdir, name)
            with open(full, encoding="utf-8", errors="replace") as f:
                src = f.read()
            try:
                want = errorcheck.parse_expectations(src, name, self.opts.compiler.error_dialect())
            except DirectiveError as err:
                raise self.fail(f"{name}:{err.line}: {err.message}") from None
            files.append(errorcheck.SourceFile(full, name, want))
        errs = errorcheck.check(out, self.directive.want_auto, files)
        if errs:
            raise self.fail(errorcheck.format_report(errs))
