// run

// go on every kind of call: a function, a closure, a method value, a method
// through an interface and a method expression. The function value and the
// arguments are evaluated at the go statement, before the goroutine runs.

package main

type counter struct{ name string }

func (c counter) report(n int, done chan<- string) {
	done <- c.name + ":" + string(rune('0'+n))
}

func (c *counter) rename(s string, done chan<- string) {
	c.name = s
	done <- "renamed " + s
}

type reporter interface {
	report(int, chan<- string)
}

func plain(a, b int, done chan<- string) {
	done <- "plain " + string(rune('0'+a)) + string(rune('0'+b))
}

func pick(s string, done chan<- string) func(int, int, chan<- string) {
	done <- "picked " + s
	return plain
}

func main() {
	done := make(chan string)
	x := 1
	go plain(x, x+1, done)
	x = 5
	println(<-done)
	go func(v int) { done <- "closure " + string(rune('0'+v)) }(x)
	x = 6
	println(<-done)
	go func() { done <- "captured " + string(rune('0'+x)) }()
	println(<-done)
	c := counter{"c"}
	m := c.report
	c.name = "changed"
	go m(3, done)
	println(<-done)
	var r reporter = counter{"iface"}
	go r.report(4, done)
	println(<-done)
	go counter.report(counter{"expr"}, 7, done)
	println(<-done)
	go c.rename("new", done)
	println(<-done, c.name)
	sync := make(chan string, 1)
	go pick("f", sync)(8, 9, done)
	println(<-sync)
	println(<-done)
}
