package testing

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// B is the state of one benchmark. N is the iteration count of the current run.
type B struct {
	common
	N                int
	timerOn          bool
	timerStart       int64
	elapsed          int64
	startAllocs      uint64
	startBytes       uint64
	netAllocs        uint64
	netBytes         uint64
	showAllocResult  bool
	bytes            int64
	fn               func(*B)
	parallelism      int
	previousN        int
	previousDuration int64
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

// runN runs the benchmark function once with b.N = n, in a goroutine of its own
// (FailNow and SkipNow end it with runtime.Goexit).
func (b *B) runN(n int) {
	collectGarbage()
	b.N = n
	b.ResetTimer()
	b.StartTimer()
	done := make(chan bool)
	go b.callBench(done)
	<-done
	b.StopTimer()
	b.previousN = n
	b.previousDuration = b.elapsed
}

// callBench is the runner frame of a benchmark (log positions stop here). It is
// timed: do NOT call callerFrame here (it allocates under gc). A panic in the
// benchmark ends the program, as under gc.
func (b *B) callBench(done chan bool) {
	b.runner = "(*B).callBench"
	defer func() { done <- true }()
	b.fn(b)
}

// SetParallelism makes RunParallel start p*GOMAXPROCS goroutines (p >= 1).
func (b *B) SetParallelism(p int) {
	if p >= 1 {
		b.parallelism = p
	}
}

// A PB hands out a RunParallel goroutine's iterations.
type PB struct {
	globalN *uint64 // iterations handed out, shared by the goroutines
	grain   uint64  // how many one refill takes
	cache   uint64  // iterations taken and not yet run
	bN      uint64  // b.N
}

// Next reports whether there is another iteration to run.
func (pb *PB) Next() bool {
	if pb.cache == 0 {
		n := atomic.AddUint64(pb.globalN, pb.grain)
		switch {
		case n <= pb.bN:
			pb.cache = pb.grain
		case n < pb.bN+pb.grain:
			pb.cache = pb.bN + pb.grain - n
		default:
			return false
		}
	}
	pb.cache--
	return true
}

// RunParallel runs body in parallelism*GOMAXPROCS goroutines, which share b.N
// iterations through their PBs (each takes about 100µs' worth at a time, as
// measured on the previous run). It returns when all have returned.
func (b *B) RunParallel(body func(*PB)) {
	if b.N == 0 {
		return
	}
	grain := uint64(0)
	if b.previousN > 0 && b.previousDuration > 0 {
		grain = 1e5 * uint64(b.previousN) / uint64(b.previousDuration)
	}
	if grain < 1 {
		grain = 1
	}
	if grain > 1e4 {
		grain = 1e4
	}
	var n uint64
	procs := b.parallelism * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	wg.Add(procs)
	for p := 0; p < procs; p++ {
		go func() {
			defer wg.Done()
			body(&PB{globalN: &n, grain: grain, bN: uint64(b.N)})
		}()
	}
	wg.Wait()
	if n <= uint64(b.N) && !b.Failed() {
		b.Fatal("RunParallel: body exited without pb.Next() == false")
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
	procs := runtime.GOMAXPROCS(0)
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
	b := &B{common: common{name: bm.Name, level: 1, bench: true}, fn: bm.F, parallelism: 1}
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
