// run

// A failing comma-ok assertion is remembered by the runtime (so a loop of them costs a
// lookup): later assertions of the same pair still fail alike, a non-comma-ok one
// still names the missing method, and pairs that do implement still succeed.

package main

type Namer interface{ Name() string }

type Sizer interface {
	Name() string
	Size() int
}

type N struct{}

func (N) Name() string { return "n" }

type NS struct{}

func (NS) Name() string { return "ns" }
func (NS) Size() int    { return 2 }

func main() {
	vs := []interface{}{N{}, 2, "s", NS{}}
	named, sized := 0, 0
	for i := 0; i < 16; i++ {
		if n, ok := vs[i&3].(Namer); ok {
			named += len(n.Name())
		}
		if s, ok := vs[i&3].(Sizer); ok {
			sized += s.Size()
		}
	}
	println(named, sized)
	defer func() {
		println(recover().(error).Error())
	}()
	_ = vs[0].(Sizer)
}
