"""asmcheck comments and -S listings (gc's and refgo's formats), as run.go 1.19 checks them."""

from __future__ import annotations

import pytest

from harness.asmcheck import (
    BASELINE_ENV,
    check_envs,
    check_listing,
    env_vars,
    parse_checks,
    parse_listing,
)
from harness.directives import DirectiveError

SRC = """// asmcheck

package p

func triple(x int) int {
	// amd64:"leaq\\t\\\\(%rax,%rax,2\\\\)"
	// arm64:"ADD"
	return x * 3 // amd64:-"imulq"
}

func add(a, b int) int {
	return a + b // amd64:`addq`,-`faddq`
}
"""

REFGO_LISTING = """main.triple STEXT size=12
\t00000 (x.go:5)\tpushq\t%rbp
\t00001 (x.go:8)\tleaq\t(%rax,%rax,2), %rax
\t00002 (x.go:8)\tret
main.add STEXT size=8
\t00003 (x.go:12)\taddq\t%rbx, %rax
\t00004 (x.go:12)\tret
"""

GC_LISTING = """# command-line-arguments
main.triple STEXT nosplit size=5 args=0x8 locals=0x0 funcid=0x0 align=0x0
\t0x0000 00000 (/abs/x.go:5)\tTEXT\tmain.triple(SB), NOSPLIT|ABIInternal, $0-8
\t0x0000 00000 (/abs/x.go:8)\tIMULQ\t$3, AX
\t0x0004 00004 (/abs/x.go:8)\tRET
\t0x0000 48 8d 04 40 c3                                   H..@.
main.add STEXT nosplit size=4
\t0x0000 00000 (/abs/x.go:12)\tFADDQ\tBX, AX
"""


def test_parse_checks_lines_and_envs() -> None:
    checks = parse_checks(SRC)
    base = [c for c in checks if c.env == BASELINE_ENV]
    assert [(c.line, c.pattern, c.negative) for c in base] == [
        (8, "^leaq\t\\(%rax,%rax,2\\)", False),
        (8, "^imulq", True),
        (12, "^addq", False),
        (12, "^faddq", True),
    ]
    assert check_envs(checks) == [
        "linux/amd64/v1",
        "linux/amd64/v2",
        "linux/amd64/v3",
        "linux/amd64/v4",
        "linux/arm64/",
    ]


def test_arch_variants_and_os_triplets() -> None:
    src = '\tx() // amd64/v3:"A" 386:"B" linux/arm/7:"C" wasm:"D"\n'
    assert check_envs(parse_checks(src)) == [
        "js/wasm/",
        "linux/386/softfloat",
        "linux/386/sse2",
        "linux/amd64/v3",
        "linux/arm/7",
    ]
    assert env_vars("linux/amd64/v3") == {"GOOS": "linux", "GOARCH": "amd64", "GOAMD64": "v3"}
    assert env_vars("linux/arm64/") == {"GOOS": "linux", "GOARCH": "arm64"}


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('\tx() // sparc:"A"', "unsupported architecture: sparc"),
        ('\tx() // amd64:"a("', "invalid regexp"),
        ('\tx() // amd64:"\\q"', "error unquoting string"),
    ],
)
def test_bad_checks(line: str, fragment: str) -> None:
    with pytest.raises(DirectiveError) as info:
        parse_checks("package p\n" + line + "\n")
    assert info.value.line == 2
    assert fragment in info.value.message


def test_refgo_listing_passes() -> None:
    listing = parse_listing(REFGO_LISTING, "/abs/x.go", "x.go")
    assert [i.line for i in listing.instructions] == [5, 8, 8, 12, 12]
    assert check_listing(listing, parse_checks(SRC), BASELINE_ENV, "x.go") == []


GC_SRC = """// asmcheck

package p

func triple(x int) int {
	// amd64:"LEAQ"
	return x * 3 // amd64:-"IMULQ"
}

func add(a, b int) int {
	return a + b // amd64:`ADDQ`,-`FADDQ`
}
"""


def test_gc_listing_failures_name_line_env_and_show_function() -> None:
    listing = parse_listing(
        GC_LISTING.replace("x.go:8", "x.go:7").replace("x.go:12", "x.go:11"), "/abs/x.go", "x.go"
    )
    errs = check_listing(listing, parse_checks(GC_SRC), "linux/amd64/v3", "x.go")
    assert errs[:5] == [
        'x.go:7: linux/amd64/v3: opcode not found: "^LEAQ"',
        'x.go:7: linux/amd64/v3: wrong opcode found: "^IMULQ"',
        'x.go:11: linux/amd64/v3: opcode not found: "^ADDQ"',
        'x.go:11: linux/amd64/v3: wrong opcode found: "^FADDQ"',
        "",
    ]
    text = "\n".join(errs)
    assert text.count("main.triple STEXT") == 1
    assert text.count("main.add STEXT") == 1
    assert check_listing(listing, parse_checks(GC_SRC), "linux/amd64/v1", "x.go") != []
    assert check_listing(listing, parse_checks(GC_SRC), "linux/arm64/", "x.go") == []


def test_checks_are_case_sensitive_and_anchored() -> None:
    src = 'package p\nfunc f() {\n\tg() // amd64:"ADDQ"\n}\n'
    listing = parse_listing("f STEXT\n\t00000 (x.go:3)\tFADDQ\tX0, X1\n", "/abs/x.go", "x.go")
    errs = check_listing(listing, parse_checks(src), BASELINE_ENV, "x.go")
    assert errs[0] == 'x.go:3: linux/amd64/v1: opcode not found: "^ADDQ"'


def test_other_files_and_lines_are_ignored() -> None:
    src = 'package p\nfunc f() {\n\tg() // amd64:-"call"\n}\n'
    listing = parse_listing(
        "f STEXT\n\t00000 (other.go:3)\tcall\tg\n\t00001 (x.go:4)\tcall\tg\n", "/abs/x.go", "x.go"
    )
    assert check_listing(listing, parse_checks(src), BASELINE_ENV, "x.go") == []


def test_missing_line_is_reported() -> None:
    src = 'package p\nfunc f() {\n\tg() // amd64:"call"\n}\n'
    errs = check_listing(
        parse_listing("", "/abs/x.go", "x.go"), parse_checks(src), BASELINE_ENV, "x.go"
    )
    assert errs[0] == 'x.go:3: linux/amd64/v1: opcode not found: "^call"'
    assert "attributes no instructions to x.go:3" in errs[-1]


def test_empty_match_does_not_count() -> None:
    src = 'package p\nfunc f() {\n\tg() // amd64:"x*"\n}\n'
    listing = parse_listing("f STEXT\n\t00000 (x.go:3)\tcall\tg\n", "/abs/x.go", "x.go")
    errs = check_listing(listing, parse_checks(src), BASELINE_ENV, "x.go")
    assert errs[0] == 'x.go:3: linux/amd64/v1: opcode not found: "^x*"'
