// Package errors creates and inspects error values.
//
//	var ErrNotFound = errors.New("not found")
//	err := fmt.Errorf("load %q: %w", name, ErrNotFound)
//	errors.Is(err, ErrNotFound)  // true: Is follows the Unwrap chain
//	var pe *PathError
//	errors.As(err, &pe)          // finds the first *PathError in the chain
//
// As needs to test assignability of a dynamic type to the target's element type;
// that one step is a runtime hook (hooks_refgo.go).
package errors

// errorString is the error New returns; each call yields a distinct pointer.
type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

// New returns an error whose Error method returns text; two calls never compare equal.
func New(text string) error {
	return &errorString{text}
}

// Unwrap returns the result of err's Unwrap method, or nil if it has none.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's Unwrap chain equals target, either by ==
// (when the types are comparable) or through an `Is(error) bool` method.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	for err != nil {
		if equalErrors(err, target) {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// equalErrors is a == b, false instead of a panic when the dynamic types are not
// comparable (gc's errors.Is skips the comparison in that case).
func equalErrors(a, b error) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return a == b
}

// As finds the first error in err's Unwrap chain that is assignable to the value
// target points to, stores it there and returns true; or an error whose
// `As(any) bool` method returns true. target must be a non-nil pointer to an
// interface type or to a type implementing error, else As panics like gc's.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch targetKind(target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if assignTo(target, err) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
