// run

package main

func t(s string) bool {
	println("t", s)
	return true
}

func f(s string) bool {
	println("f", s)
	return false
}

func main() {
	println(t("a") && f("b"))
	println(f("c") && t("d"))
	println(t("e") || f("f"))
	println(f("g") || t("h"))
	b := t("i") && (f("j") || t("k"))
	println(b)
}
