// run

// math/big.Int: arithmetic, Go's truncated and Euclidean division, shifts and two's
// complement bitwise operations on negative values, conversions, parsing and fmt's
// verbs, over small, word-sized and multi-word values.
package main

import (
	"fmt"
	"math/big"
)

func vals() []*big.Int {
	var out []*big.Int
	for _, v := range []int64{0, 1, -1, 2, -7, 255, -256, 1 << 31, -(1 << 32), 1<<63 - 1, -1 << 63} {
		out = append(out, big.NewInt(v))
	}
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890123", 10)
	out = append(out, new(big.Int).Lsh(big.NewInt(3), 100), huge)
	return out
}

func main() {
	vs := vals()
	for _, x := range vs {
		for _, y := range vs {
			fmt.Println(x, y, new(big.Int).Add(x, y), new(big.Int).Sub(x, y),
				new(big.Int).Mul(x, y), x.Cmp(y), x.CmpAbs(y))
			fmt.Println(new(big.Int).And(x, y), new(big.Int).Or(x, y),
				new(big.Int).Xor(x, y), new(big.Int).AndNot(x, y))
			if y.Sign() != 0 {
				q, r := new(big.Int).QuoRem(x, y, new(big.Int))
				d, m := new(big.Int).DivMod(x, y, new(big.Int))
				fmt.Println(q, r, d, m, new(big.Int).Quo(x, y), new(big.Int).Rem(x, y),
					new(big.Int).Div(x, y), new(big.Int).Mod(x, y))
			}
		}
		for _, n := range []uint{0, 1, 31, 32, 33, 64, 100} {
			fmt.Println(new(big.Int).Lsh(x, n), new(big.Int).Rsh(x, n), x.Bit(int(n)))
		}
		fmt.Println(new(big.Int).Neg(x), new(big.Int).Abs(x), new(big.Int).Not(x),
			x.Sign(), x.BitLen(), x.Int64(), x.Uint64(), x.IsInt64(), x.IsUint64())
		fmt.Printf("%d|%x|%X|%#x|%o|%#o|%O|%b|%#b|%v|%s|%+d|% d|%8d|%-8d|%08d|%.5d|%.0d|%q\n",
			x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
		fmt.Println(x.Text(36), x.Text(2), x.String())
	}
	for _, s := range []string{"0x1F", "-0b101", "0o17", "017", "1_000", "12a", "", "-", "1__0", "_1"} {
		z, ok := new(big.Int).SetString(s, 0)
		fmt.Println(s, z, ok)
	}
	z, ok := new(big.Int).SetString("zz", 36)
	fmt.Println(z, ok)
	var nilInt *big.Int
	fmt.Println(nilInt, nilInt.String())
	fmt.Printf("%d\n", nilInt)
	defer func() { fmt.Println("recovered:", recover()) }()
	new(big.Int).Quo(big.NewInt(1), new(big.Int))
}
