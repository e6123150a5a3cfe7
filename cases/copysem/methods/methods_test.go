package methods

import "testing"

func TestValueReceiver(t *testing.T) {
	v := Val{N: 1}
	var g Getter = v
	v.N = 2
	if g.Get() != 1 {
		t.Errorf("Get through interface = %d, want the copy's 1", g.Get())
	}
	var gs GetSetter = v
	gs.Set(50)
	if gs.Get() != 2 {
		t.Errorf("value-receiver Set changed the interface's copy: %d", gs.Get())
	}
	if v.N != 2 {
		t.Errorf("value-receiver Set changed the original: %d", v.N)
	}
}

func TestPointerReceiver(t *testing.T) {
	p := Ptr{N: 1}
	var gs GetSetter = &p
	gs.Set(5)
	if p.N != 5 {
		t.Errorf("pointer-receiver Set did not reach the original: %d", p.N)
	}
	p.N = 6
	if gs.Get() != 6 {
		t.Errorf("value method through pointer sees %d, want 6", gs.Get())
	}
	var g Getter = p
	p.N = 7
	if g.Get() != 6 {
		t.Errorf("Getter from value sees %d, want the copy's 6", g.Get())
	}
}

func TestNamedReceiver(t *testing.T) {
	c := Count(3)
	var g Getter = c
	var s Setter = &c
	s.Set(4)
	if g.Get() != 3 || c != 4 {
		t.Errorf("Count: copy %d original %d, want 3 4", g.Get(), c)
	}
}

func TestHugeValueMethod(t *testing.T) {
	var h Huge
	h.Words[159] = 159
	var g Getter = h
	h.Words[159] = 0
	if g.Get() != 159 {
		t.Errorf("Huge.Get through interface = %d, want 159", g.Get())
	}
}

func TestNoinlineMutateReceiver(t *testing.T) {
	v := Val{N: 10}
	if got := Mutate(&v, v); got != 10 {
		t.Errorf("Mutate saw %d, want the copy's 10", got)
	}
	if v.N != -1 {
		t.Errorf("original not mutated: %d", v.N)
	}
	q := &Val{N: 20}
	if got := Mutate(q, q); got != -1 {
		t.Errorf("pointer in Getter: Mutate saw %d, want -1", got)
	}
}

func TestIfaceToIface(t *testing.T) {
	p := &Ptr{N: 1}
	g := Narrow(p)
	p.N = 2
	if g.Get() != 2 {
		t.Errorf("narrowed pointer Getter sees %d, want 2", g.Get())
	}
	v := Val{N: 1}
	g = Narrow(v)
	v.N = 2
	if g.Get() != 1 {
		t.Errorf("narrowed value Getter sees %d, want 1", g.Get())
	}
}

func TestMethodsInLoop(t *testing.T) {
	var gs []Getter
	v := Val{}
	p := Ptr{}
	for i := 0; i < 4; i++ {
		v.N = i
		p.N = i
		gs = append(gs, v, &p)
	}
	for i := 0; i < 4; i++ {
		if gs[2*i].Get() != i {
			t.Errorf("value Getter %d = %d", i, gs[2*i].Get())
		}
		if gs[2*i+1].Get() != 3 {
			t.Errorf("pointer Getter %d = %d, want 3", i, gs[2*i+1].Get())
		}
	}
}

func BenchmarkValueMethod(b *testing.B) {
	var g Getter = Val{N: 1}
	s := 0
	for i := 0; i < b.N; i++ {
		s += g.Get()
	}
	if s != b.N {
		b.Fatalf("sum %d", s)
	}
}
