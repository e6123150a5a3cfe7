package x

import "testing"

// Only one top-level test is parallel, and each parent has at most one parallel
// subtest: gc's output order is then deterministic.

func TestParA(t *testing.T) {
	t.Parallel()
	t.Log("par a")
}

func TestAllocs(t *testing.T) {
	var sink []int
	n := testing.AllocsPerRun(10, func() { sink = make([]int, 100) })
	t.Log("allocs", n, len(sink), testing.Short(), testing.Verbose())
}

func TestParB(t *testing.T) {
	ok := t.Run("inner", func(t *testing.T) {
		t.Parallel()
		t.Error("inner failure")
	})
	t.Run("after", func(t *testing.T) { t.Log("after inner") })
	t.Log("par b done", ok)
}
