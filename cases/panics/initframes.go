// rundir

// Package initialisation as gc runs it: each package's variable initialisation is the
// function PATH.init and its init functions PATH.init.0, ...; runtime.doInit calls
// them, once per init task on the way from runtime.main (runtime.Callers,
// CallersFrames, FuncForPC), tracebacks show the initialiser alone, and
// runtime.Stack says the goroutine is locked to its thread until main.main runs. A
// panic in an init function prints gc's traceback.

package ignored
