// test

package conv

import "testing"

func TestEfaceInt(t *testing.T) {
	x := 41
	var e any = x
	x++
	if got := e.(int); got != 41 {
		t.Errorf("e.(int) = %d after x++, want 41", got)
	}
	if x != 42 {
		t.Errorf("x = %d, want 42", x)
	}
}

func TestEfaceSmallKinds(t *testing.T) {
	b, u, f, s := byte(7), uint16(65535), 2.5, "before"
	eb, eu, ef, es := any(b), any(u), any(f), any(s)
	b, u, f, s = 0, 1, -1, "after"
	if eb.(byte) != 7 || eu.(uint16) != 65535 || ef.(float64) != 2.5 || es.(string) != "before" {
		t.Errorf("copies changed: %v %v %v %q", eb, eu, ef, es)
	}
	if b != 0 || u != 1 || f != -1 || s != "after" {
		t.Errorf("originals lost: %v %v %v %q", b, u, f, s)
	}
}

func TestEfaceNamed(t *testing.T) {
	c, n, fl := Celsius(36.6), Name("gopher"), Flag(true)
	ec, en, ef := any(c), any(n), any(fl)
	c, n, fl = 0, "", false
	if ec.(Celsius) != 36.6 || en.(Name) != "gopher" || ef.(Flag) != true {
		t.Errorf("named copies changed: %v %v %v", ec, en, ef)
	}
	if _, ok := ec.(float64); ok {
		t.Errorf("Celsius asserted as float64")
	}
	t.Logf("originals now %v %q %v", c, n, fl)
}

func TestEfaceStruct(t *testing.T) {
	p := Pair{1, 2, "two"}
	e := any(p)
	p.A, p.S = 10, "ten"
	got := e.(Pair)
	if got != (Pair{1, 2, "two"}) {
		t.Errorf("e.(Pair) = %+v, want {A:1 B:2 S:two}", got)
	}
	got.B = 99
	if e.(Pair).B != 2 {
		t.Errorf("writing the asserted copy changed the interface's value")
	}
}

func TestEfaceArray(t *testing.T) {
	a := [8]int{1, 2, 3, 4, 5, 6, 7, 8}
	e := any(a)
	a[0], a[7] = 100, 800
	if s := sum(e.([8]int)); s != 36 {
		t.Errorf("sum of copy = %d, want 36", s)
	}
	if s := sum(a); s != 36-1-8+100+800 {
		t.Errorf("sum of original = %d", s)
	}
}

func TestEfaceBig(t *testing.T) {
	var b Big
	b.Head = 1
	for i := range b.Data {
		b.Data[i] = i
	}
	b.Tail = "tail"
	e := any(b)
	b.Head, b.Data[0], b.Data[199], b.Tail = 2, -5, -5, "other"
	c := e.(Big)
	if c.Head != 1 || c.Data[0] != 0 || c.Data[199] != 199 || c.Tail != "tail" {
		t.Errorf("big copy changed: head %d data[0] %d data[199] %d tail %q",
			c.Head, c.Data[0], c.Data[199], c.Tail)
	}
}

func TestGlobalSink(t *testing.T) {
	x := Pair{3, 4, "sunk"}
	sink = x
	x.A = 30
	keep(x)
	x.A = 300
	if got := sink.(Pair); got.A != 30 || got.S != "sunk" {
		t.Errorf("sink holds %+v, want A=30", got)
	}
	var b Big
	b.Data[100] = 100
	sink = b
	b.Data[100] = 0
	if sink.(Big).Data[100] != 100 {
		t.Errorf("big value in sink changed")
	}
}

func TestNoinlineMutation(t *testing.T) {
	n := 5
	if got := mutateInt(&n, n).(int); got != 5 || n != 1005 {
		t.Errorf("mutateInt: copy %d original %d, want 5 1005", got, n)
	}
	p := Pair{1, 2, "x"}
	if got := mutatePair(&p, p).(Pair); got != (Pair{1, 2, "x"}) {
		t.Errorf("mutatePair: copy %+v", got)
	}
	if p != (Pair{100, 200, "changed"}) {
		t.Errorf("mutatePair: original %+v", p)
	}
	var b Big
	b.Head, b.Data[199], b.Tail = 7, 199, "t"
	got := mutateBig(&b, b).(Big)
	if got.Head != 7 || got.Data[199] != 199 || got.Tail != "t" {
		t.Errorf("mutateBig: copy %d %d %q", got.Head, got.Data[199], got.Tail)
	}
	if b.Head != -1 || b.Tail != "mutated" {
		t.Errorf("mutateBig: original %d %q", b.Head, b.Tail)
	}
}

func TestPointerShaped(t *testing.T) {
	n := &Node{V: 1}
	e := any(n)
	n.V = 2
	if e.(*Node).V != 2 {
		t.Errorf("pointer in interface does not alias: %d", e.(*Node).V)
	}
	e.(*Node).Next = &Node{V: 3}
	if n.Next == nil || n.Next.V != 3 {
		t.Errorf("write through interface's pointer lost")
	}
	m := map[string]int{"a": 1}
	em := any(m)
	m["b"] = 2
	if len(em.(map[string]int)) != 2 {
		t.Errorf("map in interface does not alias")
	}
	s := []int{1, 2, 3}
	es := any(s)
	s[0] = 10
	s = append(s, 4)
	if got := es.([]int); got[0] != 10 || len(got) != 3 {
		t.Errorf("slice in interface: %v, want [10 2 3]", got)
	}
	f := func() int { return n.V }
	ef := any(f)
	n.V = 9
	if ef.(func() int)() != 9 {
		t.Errorf("closure in interface does not see the captured variable")
	}
}

func TestLoopConversions(t *testing.T) {
	var kept []any
	var p Pair
	for i := 0; i < 5; i++ {
		p.A = i
		p.S = string(rune('a' + i))
		kept = append(kept, p)
	}
	for i, e := range kept {
		if got := e.(Pair); got.A != i || got.S != string(rune('a'+i)) {
			t.Errorf("kept[%d] = %+v", i, got)
		}
	}
	var arr [4]any
	x := 0
	for i := range arr {
		x += 10
		arr[i] = x
	}
	for i, e := range arr {
		if e.(int) != 10*(i+1) {
			t.Errorf("arr[%d] = %v", i, e)
		}
	}
	var ptrs []any
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &p)
		p.B = i
	}
	for i, e := range ptrs {
		if e.(*Pair).B != 2 {
			t.Errorf("ptrs[%d] sees B=%d, want the final 2", i, e.(*Pair).B)
		}
	}
	var b Big
	var bigs []any
	for i := 0; i < 3; i++ {
		b.Data[i] = i + 1
		bigs = append(bigs, b)
	}
	for i, e := range bigs {
		d := e.(Big).Data
		if d[i] != i+1 || (i+1 < 3 && d[i+1] != 0) {
			t.Errorf("bigs[%d] data %v", i, d[:3])
		}
	}
}

func TestTypeSwitchCopies(t *testing.T) {
	var e any = Pair{1, 1, "s"}
	switch v := e.(type) {
	case Pair:
		v.A = 50
		if e.(Pair).A != 1 {
			t.Errorf("type switch variable aliases the interface's value")
		}
	default:
		t.Errorf("type switch missed Pair")
	}
}

func BenchmarkConvSmallStruct(b *testing.B) {
	p := Pair{1, 2, "s"}
	for i := 0; i < b.N; i++ {
		p.A = i
		sink = p
	}
}

func BenchmarkConvInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = i
	}
}
