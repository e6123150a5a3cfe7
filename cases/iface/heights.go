// rundir

// Two packages' non-exported methods of one name are ordered as gc orders them: by
// the package's height in the import graph (a package importing nothing first), then
// by path. Package a imports fmt, b nothing: b's m comes first in type strings and
// reflect's interface methods, and itabs the runtime builds find each method.

package ignored
