package testing

import (
	"fmt"
	"os"
	"strings"
)

// B is the state of one benchmark. N is the iteration count of the current run.
type B struct {
	common
	N               int
	timerOn         bool
	timerStart      int64
	elapsed         int64
	startAllocs     uint64
	startBytes      uint64
	netAllocs       uint64
	netBytes        uint64
	showAllocResult bool
	bytes           int64
	fn              func(*B)
}

// SetBytes records the bytes processed per iteration, adding an MB/s column.
func (b *B) SetBytes(n int64) { b.bytes = n }

// StartTimer starts timing (and counting allocations); benchmarks start with it on.
func (b *B) StartTimer() {
	if !b.timerOn {
		b.startAllocs, b.startBytes = memStats()
		b.timerStart = nanotime()
		b.timerOn = true
	}
}

// StopTimer stops timing, e.g. around expensive set-up.
func (b *B) StopTimer() {
	if b.timerOn {
		b.elapsed += nanotime() - b.timerStart
		mallocs, bytes := memStats()
		b.netAllocs += mallocs - b.startAllocs
		b.netBytes += bytes - b.startBytes
		b.timerOn = false
	}
}

// ResetTimer zeroes the elapsed time and allocation counts.
func (b *B) ResetTimer() {
	if b.timerOn {
		b.startAllocs, b.startBytes = memStats()
		b.timerStart = nanotime()
	}
	b.elapsed = 0
	b.netAllocs = 0
	b.netBytes = 0
}

// ReportAllocs adds B/op and allocs/op to this benchmark's result line.
func (b *B) ReportAllocs() { b.showAllocResult = true }

// runN runs the benchmark function once with b.N = n.
func (b *B) runN(n int) {
	collectGarbage()
	b.N = n
	b.ResetTimer()
	b.StartTimer()
	b.callBench()
	b.StopTimer()
}

// callBench is the runner frame of a benchmark (log positions stop here). It is
// timed: do NOT call callerFrame here (it allocates under gc).
func (b *B) callBench() {
	b.runner = "(*B).callBench"
	defer b.finishRun()
	b.fn(b)
}

// finishRun recovers FailNow/SkipNow; real panics propagate.
func (b *B) finishRun() {
	r := recover()
	if _, ok := r.(stop); !ok && r != nil {
		panic(r)
	}
}

// prettyPrint formats x with unit in gc's aligned ns/op style.
func prettyPrint(x float64, unit string) string {
	y := x
	if y < 0 {
		y = -y
	}
	format := "%18.7f %s"
	switch {
	case y == 0 || y >= 999.95:
		format = "%10.0f %s"
	case y >= 99.995:
		format = "%12.1f %s"
	case y >= 9.9995:
		format = "%13.2f %s"
	case y >= 0.99995:
		format = "%14.3f %s"
	case y >= 0.099995:
		format = "%15.4f %s"
	case y >= 0.0099995:
		format = "%16.5f %s"
	case y >= 0.00099995:
		format = "%17.6f %s"
	}
	return fmt.Sprintf(format, x, unit)
}

// result formats "    1000\t      12.5 ns/op[\t  0 B/op\t  0 allocs/op]".
func (b *B) result() string {
	s := fmt.Sprintf("%8d", b.N)
	if b.N > 0 {
		if ns := float64(b.elapsed) / float64(b.N); ns != 0 {
			s += "\t" + prettyPrint(ns, "ns/op")
		}
	}
	if b.bytes > 0 && b.N > 0 && b.elapsed > 0 {
		mbs := float64(b.bytes) * float64(b.N) / 1e6 / (float64(b.elapsed) / 1e9)
		if mbs != 0 {
			s += fmt.Sprintf("\t%7.2f MB/s", mbs)
		}
	}
	if b.showAllocResult || flagBenchMem {
		var allocs, bytes uint64
		if b.N > 0 {
			allocs = b.netAllocs / uint64(b.N)
			bytes = b.netBytes / uint64(b.N)
		}
		s += fmt.Sprintf("\t%8d B/op\t%8d allocs/op", bytes, allocs)
	}
	return s
}

// grow runs the benchmark with growing N until it has run for the benchtime.
func (b *B) grow() {
	d := flagBenchTime.d
	for n := int64(1); !b.failed && b.elapsed < d && n < 1000000000; {
		last := n
		prevIters := int64(b.N)
		prevns := b.elapsed
		if prevns <= 0 {
			prevns = 1
		}
		n = d * prevIters / prevns
		n += n / 5
		if n > 100*last {
			n = 100 * last
		}
		if n < last+1 {
			n = last + 1
		}
		if n > 1000000000 {
			n = 1000000000
		}
		b.runN(int(n))
	}
}

// runBenchmarks runs the benchmarks selected by -test.bench; it reports
// whether none failed.
func runBenchmarks(importPath string, benchmarks []InternalBenchmark) bool {
	root := &common{bench: true}
	procs := gomaxprocs()
	suffix := ""
	if procs != 1 {
		suffix = fmt.Sprintf("-%d", procs)
	}
	var selected []InternalBenchmark
	maxLen := 0
	for _, bm := range benchmarks {
		if _, ok, _ := matchName(root, bm.Name); ok {
			selected = append(selected, bm)
			if l := len(bm.Name+suffix) + len(suffix) + 1; l > maxLen {
				maxLen = l
			}
		}
	}
	if len(selected) == 0 {
		return true
	}
	fmt.Println("goos: linux")
	fmt.Println("goarch: amd64")
	if importPath != "" {
		fmt.Println("pkg: " + importPath)
	}
	if cpu := cpuName(); cpu != "" {
		fmt.Println("cpu: " + cpu)
	}
	ok := true
	for n := 0; n < flagCount; n++ {
		for _, bm := range selected {
			if !runBenchmark(bm, bm.Name+suffix, maxLen) {
				ok = false
			}
		}
	}
	return ok
}

// runBenchmark runs one benchmark: once with N = 1, then for the benchtime,
// and prints its result line (or its failure and log). The log accumulates
// over all runs; with -test.v it was printed as it came.
func runBenchmark(bm InternalBenchmark, name string, maxLen int) bool {
	b := &B{common: common{name: bm.Name, level: 1, bench: true}, fn: bm.F}
	if flagVerbose {
		b.chatty = &chatty{}
		fmt.Println(bm.Name)
	}
	b.runN(1)
	if !b.failed && !b.skipped {
		if flagBenchTime.n > 1 {
			b.runN(flagBenchTime.n)
		} else if flagBenchTime.n == 0 {
			b.grow()
		}
	}
	if b.failed {
		os.Stdout.WriteString("--- FAIL: " + bm.Name + "\n" + string(b.output))
		return false
	}
	if b.skipped {
		if b.chatty != nil {
			os.Stdout.WriteString("--- SKIP: " + bm.Name + "\n")
		}
		return true
	}
	fmt.Printf("%-*s\t%s\n", maxLen, name, b.result())
	if b.chatty == nil && len(b.output) > 0 {
		os.Stdout.WriteString("--- BENCH: " + name + "\n" + strings.TrimSuffix(string(b.output),
			"\n") + "\n")
	}
	return true
}
