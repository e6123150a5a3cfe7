// asmcheck

package codegen

func mul8(x int) int {
	return x * 8 // amd64:"shlq\t[$]3",-"imulq"
}

func mul1024(x int) int {
	return x * 1024 // amd64:"shlq\t[$]10",-"imulq"
}

func mul7(x int) int {
	return x * 7 // amd64:"imulq"
}
