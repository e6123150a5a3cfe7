//go:build refgo

package errors

// targetKind classifies As's target (never nil): 0 = a non-nil pointer whose
// element type is an interface type or implements error; 1 = not a pointer, or a
// nil pointer; 2 = a pointer to a non-interface type that does not implement error.
// Provided by refgo's runtime.
func targetKind(target any) int

// assignTo stores err's dynamic value into *target and returns true when that
// dynamic type is assignable to target's element type E (identical to E, or E is an
// interface type the dynamic type implements); otherwise it returns false and
// stores nothing. target has passed targetKind == 0; err is non-nil.
// Provided by refgo's runtime.
func assignTo(target any, err error) bool
