package runtime

// Error identifies a run-time error (gc's runtime.Error). Every panic refgo's runtime
// raises itself (index out of range, nil dereference, divide by zero, failed type
// assertion, ...) has a value implementing it, e.g.
//
//	defer func() { _, ok := recover().(runtime.Error) }() // ok after a[i] out of range
type Error interface {
	error

	// RuntimeError is a no-op that distinguishes run-time errors from ordinary errors.
	RuntimeError()
}
