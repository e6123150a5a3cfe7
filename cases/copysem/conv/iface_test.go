package conv

import "testing"

func TestIfaceStruct(t *testing.T) {
	b := Box{N: 1, Name: "one"}
	var g Getter = b
	b.N, b.Name = 2, "two"
	if g.Get() != 1 || g.(Box).Name != "one" {
		t.Errorf("Getter holds %+v, want N=1 Name=one", g.(Box))
	}
}

func TestIfaceGlobalSink(t *testing.T) {
	b := Box{N: 5}
	isink = b
	b.N = 6
	if isink.Get() != 5 {
		t.Errorf("isink.Get() = %d, want 5", isink.Get())
	}
	isink = &b
	b.N = 7
	if isink.Get() != 7 {
		t.Errorf("isink holding &b sees %d, want 7", isink.Get())
	}
	isink = nil
}

func TestIfaceNoinlineMutation(t *testing.T) {
	b := Box{N: 3, Pad: [3]int{1, 2, 3}, Name: "three"}
	g := mutateBox(&b, b)
	if g.Get() != 3 || g.(Box).Name != "three" || g.(Box).Pad[2] != 3 {
		t.Errorf("copy changed: %+v", g.(Box))
	}
	if b.N != -7 || b.Name != "changed" {
		t.Errorf("original not changed: %+v", b)
	}
	g = mutateBox(&b, &b)
	if g.Get() != -7 {
		t.Errorf("pointer Getter sees %d, want -7", g.Get())
	}
}

func TestIfaceFromEface(t *testing.T) {
	b := Box{N: 1}
	var e any = b
	b.N = 2
	g := e.(Getter)
	b.N = 3
	if g.Get() != 1 {
		t.Errorf("Getter asserted from eface sees %d, want 1", g.Get())
	}
	var back any = g
	if back.(Box).N != 1 {
		t.Errorf("eface from Getter holds %d, want 1", back.(Box).N)
	}
}

func TestIfaceLoopKept(t *testing.T) {
	var gs [4]Getter
	var b Box
	for i := range gs {
		b.N = i * i
		gs[i] = b
	}
	for i, g := range gs {
		if g.Get() != i*i {
			t.Errorf("gs[%d].Get() = %d, want %d", i, g.Get(), i*i)
		}
	}
}
