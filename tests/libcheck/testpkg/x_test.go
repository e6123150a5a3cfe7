package x

import (
	"fmt"
	"strings"
	"testing"
)

func TestPass(t *testing.T) {
	if t.Name() != "TestPass" {
		t.Fatal("bad name", t.Name())
	}
}

func TestLog(t *testing.T) {
	t.Log("plain log", 1, 2.5)
	t.Logf("formatted %d|%5s|", 7, "x")
	t.Log("multi\nline\nlog")
	t.Log("trailing newline\n")
	t.Log()
}

func TestError(t *testing.T) {
	t.Error("first error")
	t.Errorf("second %q", "error")
	fmt.Println("stdout from test")
	if !t.Failed() {
		t.Log("not reached")
	}
}

func TestFatal(t *testing.T) {
	defer func() { t.Log("deferred log runs") }()
	t.Fatalf("fatal %d", 3)
	t.Log("not reached")
}

func check(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func deeper(t *testing.T) {
	t.Helper()
	check(t, 1, 2)
}

func TestHelper(t *testing.T) {
	check(t, 1, 1)
	check(t, 2, 3)
	deeper(t)
}

func TestSkip(t *testing.T) {
	t.Log("before skip")
	t.Skip("skipping:", "reason")
	t.Log("not reached")
}

func TestSkipf(t *testing.T) {
	t.Skipf("skip %d", 2)
}

func TestSkipNow(t *testing.T) {
	t.SkipNow()
}

func TestFailNow(t *testing.T) {
	t.Fail()
	t.Log("after Fail", t.Failed())
	t.FailNow()
}

func TestSub(t *testing.T) {
	t.Log("parent log")
	for _, name := range []string{"ok", "bad one", "skip", "ok"} {
		name := name
		ok := t.Run(name, func(t *testing.T) {
			t.Log("in", t.Name())
			switch name {
			case "bad one":
				t.Error("sub failure")
			case "skip":
				t.Skip("sub skip")
			}
		})
		t.Log("Run returned", ok)
	}
	t.Run("nested", func(t *testing.T) {
		t.Run("deep", func(t *testing.T) {
			t.Errorf("deep failure in %s", t.Name())
		})
	})
	t.Run("empty", func(t *testing.T) {})
}

func TestSubPass(t *testing.T) {
	t.Run("a", func(t *testing.T) { t.Log("a ran") })
	t.Run("b", func(t *testing.T) {})
}

func TestPanicRecovered(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Log("recovered", r)
		}
	}()
	var m map[string]int
	if strings.HasPrefix("x", "x") {
		m["a"] = 1
	}
}

func BenchmarkLoop(b *testing.B) {
	b.ReportAllocs()
	s := 0
	for i := 0; i < b.N; i++ {
		s += i
	}
	_ = s
}

func BenchmarkTimers(b *testing.B) {
	b.StopTimer()
	x := strings.Repeat("a", 10)
	b.StartTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = strings.Contains(x, "b")
	}
}

func TestCleanup(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	t.Log("body")
}

func TestNames(t *testing.T) {
	for _, name := range []string{"with space", "tab\there", "", "", "dup", "dup", "dup#01", "é☺",
		"ctl\x01", "a/b"} {
		t.Run(name, func(t *testing.T) { t.Log(t.Name()) })
	}
}

func TestHelperSub(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Helper()
		check(t, 5, 6)
	})
}

func BenchmarkLogs(b *testing.B) {
	b.Log("bench log", b.N)
}

func BenchmarkFails(b *testing.B) {
	b.Error("bench error", b.N)
}

func BenchmarkSkips(b *testing.B) {
	b.Skip("bench skip")
}

func BenchmarkSkipsQuiet(b *testing.B) {
	b.SkipNow()
}
