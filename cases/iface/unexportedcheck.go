// errorcheckdir

// The checker keeps two packages' non-exported names apart: struct types with them
// are different types, and another package's method m does not implement main's m.

package ignored
