package testing

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"unicode"
)

// Flag values, set by MainStart from os.Args.
var (
	flagVerbose   bool
	flagShort     bool
	flagRun       string
	flagBench     string
	flagBenchTime = benchTime{d: 1000000000}
	flagCount     = 1
	flagBenchMem  bool
	flagParallel  = runtime.GOMAXPROCS(0)
	runFilter     [][][]*reNode
	benchFilter   [][][]*reNode
)

// benchTime is -test.benchtime: a duration in ns, or n iterations ("100x").
type benchTime struct {
	d int64
	n int
}

// MainStart runs the tests, then the benchmarks selected by the flags in
// os.Args, prints gc's summary ("PASS" or "FAIL") and returns the exit status
// for os.Exit: 0 on success, 1 on failure, 2 for a bad command line.
// importPath names the package in the benchmark header ("pkg: ...").
func MainStart(importPath string, tests []InternalTest, benchmarks []InternalBenchmark) int {
	if code := parseFlags(os.Args[1:]); code != 0 {
		return code
	}
	var err string
	if runFilter, err = compileFilter(flagRun, "-test.run"); err != "" {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if benchFilter, err = compileFilter(flagBench, "-test.bench"); err != "" {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ran, ok := runTests(tests)
	if !ran && flagBench == "" {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if ok && flagBench != "" {
		ok = runBenchmarks(importPath, benchmarks)
	}
	if !ok {
		fmt.Println("FAIL")
		return 1
	}
	fmt.Println("PASS")
	return 0
}

// parseFlags sets the flag variables; it returns 2 after printing an error for
// a bad command line, else 0.
func parseFlags(args []string) int {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return 0
		}
		if !strings.HasPrefix(arg, "-") {
			return 0
		}
		name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
		name = strings.TrimPrefix(name, "test.")
		value, hasValue := "", false
		if j := strings.IndexByte(name, '='); j >= 0 {
			name, value, hasValue = name[:j], name[j+1:], true
		}
		switch name {
		case "v", "short", "benchmem":
			b := true
			if hasValue {
				switch value {
				case "true", "1", "t", "T", "TRUE", "True":
				case "false", "0", "f", "F", "FALSE", "False":
					b = false
				default:
					return badFlag(fmt.Sprintf("invalid boolean value %q for -%s: parse error",
						value, "test."+name))
				}
			}
			switch name {
			case "v":
				flagVerbose = b
			case "short":
				flagShort = b
			default:
				flagBenchMem = b
			}
			continue
		case "run", "bench", "benchtime", "count", "parallel":
		default:
			return badFlag("flag provided but not defined: " + arg)
		}
		if !hasValue {
			if i+1 >= len(args) {
				return badFlag("flag needs an argument: " + arg)
			}
			i++
			value = args[i]
		}
		switch name {
		case "run":
			flagRun = value
		case "bench":
			flagBench = value
		case "benchtime":
			bt, ok := parseBenchTime(value)
			if !ok {
				return badFlag(fmt.Sprintf("invalid value %q for flag -test.benchtime", value))
			}
			flagBenchTime = bt
		case "count":
			n, ok := parseUint(value)
			if !ok {
				return badFlag(fmt.Sprintf("invalid value %q for flag -test.count: parse error", value))
			}
			flagCount = n
		case "parallel":
			n, ok := parseUint(value)
			if !ok {
				return badFlag(fmt.Sprintf("invalid value %q for flag -test.parallel: parse error", value))
			}
			if n < 1 {
				return badFlag("testing: -parallel can only be given a positive integer")
			}
			flagParallel = n
		}
	}
	return 0
}

func badFlag(msg string) int {
	fmt.Fprintln(os.Stderr, msg)
	return 2
}

// parseUint parses a decimal number.
func parseUint(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseBenchTime parses "100x" or a duration such as "1s", "500ms", "1.5s".
func parseBenchTime(s string) (benchTime, bool) {
	if strings.HasSuffix(s, "x") {
		n, ok := parseUint(s[:len(s)-1])
		return benchTime{n: n}, ok && n > 0
	}
	units := []struct {
		name string
		ns   float64
	}{{"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}}
	for _, u := range units {
		if !strings.HasSuffix(s, u.name) {
			continue
		}
		num := s[:len(s)-len(u.name)]
		if strings.HasSuffix(num, "m") || strings.HasSuffix(num, "u") || strings.HasSuffix(num, "n") {
			continue
		}
		whole, frac, _ := strings.Cut(num, ".")
		w, ok := parseUint(whole)
		if !ok {
			return benchTime{}, false
		}
		v := float64(w)
		scale := 0.1
		for i := 0; i < len(frac); i++ {
			if frac[i] < '0' || frac[i] > '9' {
				return benchTime{}, false
			}
			v += float64(frac[i]-'0') * scale
			scale /= 10
		}
		return benchTime{d: int64(v * u.ns)}, true
	}
	return benchTime{}, false
}

// compileFilter compiles each '/'-separated element of pattern.
func compileFilter(pattern, flag string) ([][][]*reNode, string) {
	if pattern == "" {
		return nil, ""
	}
	var filter [][][]*reNode
	for i, elem := range splitPattern(pattern) {
		re, err := compileRegexp(elem)
		if err != "" {
			return nil, fmt.Sprintf("testing: invalid regexp for element %d of %s (%q): "+
				"error parsing regexp: %s", i, flag, elem, err)
		}
		filter = append(filter, re)
	}
	return filter, ""
}

// rewriteName makes a subtest name printable: spaces become '_', other
// unprintable runes their escapes.
func rewriteName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('_')
		case !isPrint(r):
			q := fmt.Sprintf("%q", r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPrint reports whether r prints as itself in a %q literal.
func isPrint(r rune) bool {
	q := fmt.Sprintf("%q", r)
	return r != '\'' && r != '\\' && !strings.HasPrefix(q, "'\\")
}

// uniqueName returns parent/sub, or, if that name was used before, the name
// with a count appended ("parent/sub#01"), repeating until unused.
func uniqueName(parent *common, sub string) string {
	if parent.subNames == nil {
		parent.subNames = map[string]int{}
	}
	name := parent.name + "/" + sub
	empty := sub == ""
	for {
		next, exists := parent.subNames[name]
		if !empty && !exists {
			parent.subNames[name] = 1
			return name
		}
		parent.subNames[name] = next + 1
		name = fmt.Sprintf("%s#%02d", name, next)
		empty = false
	}
}

// matchName returns the full name of test sub under parent (level 0 = a
// top-level test), whether -test.run selects it, and whether the selection is
// partial (its subtests are filtered further).
func matchName(parent *common, sub string) (string, bool, bool) {
	name := sub
	filter := runFilter
	if parent.bench {
		filter = benchFilter
	}
	if parent.level > 0 {
		name = uniqueName(parent, rewriteName(sub))
	}
	elems := strings.Split(name, "/")
	for i, re := range filter {
		if i >= len(elems) {
			break
		}
		if !matchRegexp(re, elems[i]) {
			return name, false, false
		}
	}
	return name, true, len(elems) < len(filter)
}

// runTests runs the selected tests -test.count times; it reports whether any
// test ran and whether all passed. The top-level tests are subtests of a root
// test with no name, whose function calls Run for each.
func runTests(tests []InternalTest) (ran, ok bool) {
	ok = true
	for n := 0; n < flagCount; n++ {
		if n > 0 && !ran {
			break
		}
		t := &T{common: common{signal: make(chan bool, 1), barrier: make(chan bool)},
			context: newTestContext(flagParallel)}
		if flagVerbose {
			t.chatty = &chatty{}
		}
		tRunner(t, func(t *T) {
			for _, test := range tests {
				t.Run(test.Name, test.F)
			}
		})
		select {
		case <-t.signal:
		default:
			panic("internal error: tRunner exited without sending on t.signal")
		}
		ok = ok && !t.Failed()
		ran = ran || t.ran
	}
	return ran, ok
}

// AllocsPerRun returns the average number of heap allocations per call of f
// over runs calls, after one warm-up call (an integer, as a float64).
func AllocsPerRun(runs int, f func()) float64 {
	f()
	before, _ := memStats()
	for i := 0; i < runs; i++ {
		f()
	}
	after, _ := memStats()
	return float64((after - before) / uint64(runs))
}
