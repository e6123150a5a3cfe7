//go:build refgo

package log

// callerFrame is testing.callerFrame's twin (same contract, see
// compiler/lib/README.md): the function, file and line skip frames above the
// function calling it. Provided by refgo's runtime.
func callerFrame(skip int) (fn string, file string, line int)
