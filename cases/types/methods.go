// run

package main

type Counter struct {
	n int
}

func (c *Counter) Inc() {
	c.n++
}

func (c Counter) Get() int {
	return c.n
}

type Celsius float64

func (c Celsius) Fahrenheit() Celsius {
	return c*9/5 + 32
}

type Inner struct{ v int }

func (i Inner) Val() int { return i.v }

type Outer struct {
	Inner
	name string
}

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	p := &c
	p.Inc()
	println(c.Get(), p.Get())
	println(Celsius(100).Fahrenheit() == 212)
	o := Outer{Inner{7}, "o"}
	println(o.Val(), o.v)
}
