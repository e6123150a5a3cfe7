// errorcheck

package p

// A //go: directive that names a known flag belongs just before a declaration
// and alone on its line; elsewhere gc reports it while parsing, and it does
// not stop type checking. Flags only the runtime may use are refused outright.

//go:noinline // ERROR "misplaced compiler directive"
type (
	A int
	B int //go:notinheap // ERROR "misplaced compiler directive"
)

//go:systemstack // ERROR "//go:systemstack only allowed in runtime"
func f() {
	//go:noinline // ERROR "misplaced compiler directive"
	x := 1
	_ = x /*go:nosplit*/

	//go:norace // ERROR "misplaced compiler directive"
	{
	}
	//go:unknown
	var s string = 1 // ERROR "cannot use 1"
	_ = s
}

func g() {} //go:noinline // ERROR "misplaced compiler directive"

/*go:noinline*/ func h() {}

//go:nosplit // ERROR "misplaced compiler directive"
