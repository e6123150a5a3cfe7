// errorcheck

// A function whose arguments and results take 1GB or more is rejected, as
// gc's frame limit covers the argument area too. Every such function is
// reported, not only the first.

package main

type huge [1 << 30]byte

type half [1 << 29]byte

func takes(h huge) {} // ERROR "stack frame too large \(>1GB\): 0 MB locals \+ 1024 MB args"

func gives() (h huge) { return } // ERROR "stack frame too large \(>1GB\)"

func pair(a, b half) {} // ERROR "stack frame too large \(>1GB\): 0 MB locals \+ 1024 MB args"

func fine(a half, p *huge) {}

func main() {}
