// Package ring implements circular lists.
//
//	r := ring.New(3)
//	for i := 0; i < r.Len(); i++ {
//		r.Value = i
//		r = r.Next()
//	}
//	r.Do(func(v any) { fmt.Println(v) })
//
// A ring has no beginning or end: any element stands for the whole ring. The
// zero Ring is a one-element ring whose Value is nil.
package ring

// A Ring is an element of a circular list.
type Ring struct {
	next, prev *Ring
	Value      any // for use by the client; untouched by this library
}

// init makes a zero Ring a one-element ring.
func (r *Ring) init() *Ring {
	r.next = r
	r.prev = r
	return r
}

// Next returns the next ring element; r must not be nil.
func (r *Ring) Next() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.next
}

// Prev returns the previous ring element; r must not be nil.
func (r *Ring) Prev() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.prev
}

// Move returns the element n steps forward (n > 0) or backward (n < 0) from r
// (n taken mod Len()); r must not be nil.
func (r *Ring) Move(n int) *Ring {
	if r.next == nil {
		return r.init()
	}
	switch {
	case n < 0:
		for ; n < 0; n++ {
			r = r.prev
		}
	case n > 0:
		for ; n > 0; n-- {
			r = r.next
		}
	}
	return r
}

// New creates a ring of n elements; nil for n <= 0.
func New(n int) *Ring {
	if n <= 0 {
		return nil
	}
	r := new(Ring)
	p := r
	for i := 1; i < n; i++ {
		p.next = &Ring{prev: p}
		p = p.next
	}
	p.next = r
	r.prev = p
	return r
}

// Link connects ring r with ring s so that r.Next() becomes s, and returns
// the original r.Next(). If r and s are in the same ring, linking removes
// the elements between them, which form the returned ring.
func (r *Ring) Link(s *Ring) *Ring {
	n := r.Next()
	if s != nil {
		p := s.Prev()
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}

// Unlink removes n % r.Len() elements starting at r.Next() and returns them as
// a ring; nil if n % r.Len() == 0. r must not be empty.
func (r *Ring) Unlink(n int) *Ring {
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}

// Len returns the number of elements of ring r, in O(n); 0 for nil.
func (r *Ring) Len() int {
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}

// Do calls f on each element's Value, forward from r. f must not change r.
func (r *Ring) Do(f func(any)) {
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
