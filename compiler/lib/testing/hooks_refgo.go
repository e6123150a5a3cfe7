//go:build refgo

package testing

// nanotime returns a monotonic clock reading in nanoseconds (CLOCK_MONOTONIC).
// Provided by refgo's runtime.
func nanotime() int64

// callerFrame describes the frame skip levels above its caller (0 = the function
// calling callerFrame): fn is the function's symbol name as the compiler writes it
// ("main.TestX", "main.TestX.func1", "main.(*T).M", "testing.(*common).Log"),
// file the source file path (any directory prefix; only its last element is
// printed), line the 1-based source line of the call in that frame. When the
// stack has no such frame, fn is "". Provided by refgo's runtime from the
// compiler's pc→line tables.
func callerFrame(skip int) (fn string, file string, line int)

// memStats returns the cumulative number of heap allocations and of bytes
// allocated since the program started (runtime.MemStats Mallocs, TotalAlloc).
// Provided by refgo's runtime.
func memStats() (mallocs uint64, totalBytes uint64)

// collectGarbage runs a full garbage collection (runtime.GC). Provided by refgo's
// runtime.
func collectGarbage()

// cpuName returns the processor brand string (CPUID leaves 0x80000002-4, spaces
// trimmed) for the benchmark header "cpu: ..."; "" omits the line. Provided by
// refgo's runtime.
func cpuName() string
