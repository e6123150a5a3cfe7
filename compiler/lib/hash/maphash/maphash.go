// Package maphash hashes byte sequences and strings to 64-bit values, for hash tables:
// a Seed picks the function, equal input under one Seed hashes alike, however it was
// split among writes. Input is hashed in 128-byte blocks, each mixed into the state.
package maphash

import "time"

const bufSize = 128

// A Seed is a random value that selects the hash function a Hash computes.
type Seed struct {
	s uint64
}

var seedState uint64

// MakeSeed returns a new random seed.
func MakeSeed() Seed {
	for {
		seedState += uint64(time.Now().UnixNano()) | 1
		if s := mix(seedState, 0x9e3779b97f4a7c15); s != 0 {
			return Seed{s: s}
		}
	}
}

// A Hash computes a seeded hash of a byte sequence. The zero Hash picks a random
// seed on first use.
type Hash struct {
	_     [0]func() // not comparable
	seed  Seed
	state Seed
	buf   [bufSize]byte
	n     int
}

func (h *Hash) initSeed() {
	if h.seed.s == 0 {
		seed := MakeSeed()
		h.seed = seed
		h.state = seed
	}
}

// WriteByte adds b to the sequence of bytes hashed by h. It never fails.
func (h *Hash) WriteByte(b byte) error {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

// Write adds b to the sequence of bytes hashed by h; it always writes all of b.
func (h *Hash) Write(b []byte) (int, error) {
	size := len(b)
	for len(b) > 0 {
		if h.n == len(h.buf) {
			h.flush()
		}
		k := copy(h.buf[h.n:], b)
		h.n += k
		b = b[k:]
	}
	return size, nil
}

// WriteString adds the bytes of s to the sequence of bytes hashed by h.
func (h *Hash) WriteString(s string) (int, error) {
	size := len(s)
	for len(s) > 0 {
		if h.n == len(h.buf) {
			h.flush()
		}
		k := copy(h.buf[h.n:], s)
		h.n += k
		s = s[k:]
	}
	return size, nil
}

// Seed returns h's seed.
func (h *Hash) Seed() Seed {
	h.initSeed()
	return h.seed
}

// SetSeed sets h to use seed and discards what was written.
func (h *Hash) SetSeed(seed Seed) {
	if seed.s == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	h.seed = seed
	h.state = seed
	h.n = 0
}

// Reset discards all bytes added to h (the seed stays).
func (h *Hash) Reset() {
	h.initSeed()
	h.state = h.seed
	h.n = 0
}

// flush mixes the full buffer into the state.
func (h *Hash) flush() {
	h.initSeed()
	h.state.s = hashBytes(h.buf[:], h.state.s)
	h.n = 0
}

// Sum64 returns h's current 64-bit value, which depends on h's seed and the sequence
// of bytes added since the last Reset or SetSeed.
func (h *Hash) Sum64() uint64 {
	h.initSeed()
	return hashBytes(h.buf[:h.n], h.state.s)
}

// Sum appends the hash's current 64-bit value to b, big-endian.
func (h *Hash) Sum(b []byte) []byte {
	x := h.Sum64()
	return append(b, byte(x>>56), byte(x>>48), byte(x>>40), byte(x>>32),
		byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

// Size returns h's hash value size, 8 bytes.
func (h *Hash) Size() int { return 8 }

// BlockSize returns h's block size.
func (h *Hash) BlockSize() int { return len(h.buf) }

// Bytes returns the hash of b with the given seed (Hash's Write then Sum64).
func Bytes(seed Seed, b []byte) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	for len(b) > bufSize {
		state = hashBytes(b[:bufSize], state)
		b = b[bufSize:]
	}
	return hashBytes(b, state)
}

// String returns the hash of s with the given seed (Hash's WriteString then Sum64).
func String(seed Seed, s string) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	var block [bufSize]byte
	for len(s) > bufSize {
		copy(block[:], s)
		state = hashBytes(block[:], state)
		s = s[bufSize:]
	}
	n := copy(block[:], s)
	return hashBytes(block[:n], state)
}

// hashBytes mixes b into state: 8-byte words through a multiply-xorshift, then the
// length.
func hashBytes(b []byte, state uint64) uint64 {
	h := state
	for len(b) >= 8 {
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		h = mix(h, w)
		b = b[8:]
	}
	var w uint64
	for i := len(b) - 1; i >= 0; i-- {
		w = w<<8 | uint64(b[i])
	}
	h = mix(h, w^uint64(len(b))<<56)
	return mix(h, 0x2d358dccaa6c78a5)
}

// mix is a 64-bit finaliser (splitmix64's) of h combined with w.
func mix(h, w uint64) uint64 {
	x := h ^ w
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
