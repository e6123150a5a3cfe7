// rpn: a reverse-Polish calculator with variables over a list of programs.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type stack struct{ vals []int64 }

func (s *stack) push(v int64) { s.vals = append(s.vals, v) }

func (s *stack) pop() (int64, error) {
	if len(s.vals) == 0 {
		return 0, errors.New("stack underflow")
	}
	v := s.vals[len(s.vals)-1]
	s.vals = s.vals[:len(s.vals)-1]
	return v, nil
}

type machine struct {
	st   stack
	vars map[string]int64
}

var errDiv = errors.New("division by zero")

func (m *machine) binary(op string) error {
	b, err := m.st.pop()
	if err != nil {
		return err
	}
	a, err := m.st.pop()
	if err != nil {
		return err
	}
	switch op {
	case "+":
		m.st.push(a + b)
	case "-":
		m.st.push(a - b)
	case "*":
		m.st.push(a * b)
	case "/", "%":
		if b == 0 {
			return errDiv
		}
		if op == "/" {
			m.st.push(a / b)
		} else {
			m.st.push(a % b)
		}
	}
	return nil
}

func (m *machine) run(prog string) (int64, error) {
	for _, tok := range strings.Fields(prog) {
		switch {
		case strings.ContainsAny(tok, "+-*/%") && len(tok) == 1:
			if err := m.binary(tok); err != nil {
				return 0, fmt.Errorf("%q: %w", tok, err)
			}
		case strings.HasPrefix(tok, "="):
			v, err := m.st.pop()
			if err != nil {
				return 0, err
			}
			m.vars[tok[1:]] = v
		case strings.HasPrefix(tok, "$"):
			v, ok := m.vars[tok[1:]]
			if !ok {
				return 0, fmt.Errorf("unknown variable %s", tok[1:])
			}
			m.st.push(v)
		default:
			v, err := strconv.ParseInt(tok, 0, 64)
			if err != nil {
				return 0, fmt.Errorf("bad token %q", tok)
			}
			m.st.push(v)
		}
	}
	return m.st.pop()
}

func main() {
	progs := []string{
		"1 2 +",
		"6 7 * =x $x $x +",
		"0x10 010 -",
		"10 3 %",
		"1 0 /",
		"+",
		"5 $y +",
		"12 twelve",
		"100 7 / 7 *",
	}
	m := &machine{vars: map[string]int64{}}
	for _, p := range progs {
		m.st.vals = m.st.vals[:0]
		v, err := m.run(p)
		if err != nil {
			fmt.Printf("%-16s error: %v (div: %v)\n", p, err, errors.Is(err, errDiv))
			continue
		}
		fmt.Printf("%-16s = %s\n", p, strconv.FormatInt(v, 10))
	}
	fmt.Println("vars:", len(m.vars), m.vars["x"])
}
