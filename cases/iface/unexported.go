// rundir

// Non-exported names of two packages are different names: in struct types (type
// identity at run time, type switches, map keys), in method sets and in itabs.

package ignored
