// run

package main

// Runtime bounds errors print gc's exact text: a negative index or bound has no
// "with length" part; an index past the end does.

func try(name string, f func()) {
	defer func() {
		println(name+":", recover().(error).Error())
	}()
	f()
}

func main() {
	s := make([]int, 3, 8)
	neg, big := -5, 9
	try("index", func() { _ = s[big] })
	try("negindex", func() { _ = s[neg] })
	try("slicehi", func() { _ = s[:big] })
	try("neghi", func() { _ = s[:neg] })
	try("neglo", func() { _ = s[neg:] })
	try("lohi", func() { _ = s[2:1+neg+5] })
	try("max", func() { _ = s[1:2:big] })
	try("negmax", func() { _ = s[0:1:neg] })
	str := "abc"
	try("string", func() { _ = str[big] })
}
