// asmcheck

package codegen

func div10(x uint64) uint64 {
	return x / 10 // amd64:"mulq",-"divq"
}

func mod10(x uint64) uint64 {
	return x % 10 // amd64:"mulq",-"divq"
}

func div7(x uint32) uint32 {
	return x / 7 // amd64:"mulq",-"divq"
}

func div16(x uint) uint {
	return x / 16 // amd64:"shrq\t[$]4",-"divq"
}

func mod64(x uint) uint {
	return x % 64 // amd64:"andq\t[$]63",-"divq"
}

func divVar(x, y uint) uint {
	return x / y // amd64:"divq"
}
