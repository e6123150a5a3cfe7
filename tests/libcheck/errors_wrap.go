// Command errors_wrap exercises errors.New/Is/As/Unwrap and fmt.Errorf's %w.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
)

var ErrBase = errors.New("base failure")

type CodeErr struct{ Code int }

func (e *CodeErr) Error() string { return "code " + strconv.Itoa(e.Code) }

type ValErr struct{ S string }

func (e ValErr) Error() string { return "val " + e.S }

type IsAll struct{}

func (IsAll) Error() string        { return "is-all" }
func (IsAll) Is(target error) bool { return target == io.EOF }

type AsCode struct{}

func (AsCode) Error() string { return "as-code" }
func (AsCode) As(target any) bool {
	if p, ok := target.(**CodeErr); ok {
		*p = &CodeErr{99}
		return true
	}
	return false
}

type SliceErr []string

func (s SliceErr) Error() string { return fmt.Sprint([]string(s)) }

type Temporary interface{ Temporary() bool }

type TempErr struct{}

func (TempErr) Error() string   { return "temp" }
func (TempErr) Temporary() bool { return true }

func tryAs(name string, err error, target any) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, errors.As(err, target))
}

func main() {
	e1 := fmt.Errorf("layer1: %w", ErrBase)
	e2 := fmt.Errorf("layer2 (%d): %w", 2, e1)
	fmt.Println(e1, "|", e2)
	fmt.Println(errors.Is(e2, ErrBase), errors.Is(e2, e1), errors.Is(e1, e2), errors.Is(nil, nil),
		errors.Is(nil, ErrBase), errors.Is(ErrBase, nil))
	fmt.Println(errors.Unwrap(e2) == e1, errors.Unwrap(e1) == ErrBase, errors.Unwrap(ErrBase))
	fmt.Printf("%T %T %T\n", e1, ErrBase, fmt.Errorf("no wrap %v", ErrBase))
	fmt.Println(errors.Unwrap(fmt.Errorf("no wrap %v", ErrBase)))
	bad := fmt.Errorf("two %w and %w", ErrBase, io.EOF)
	fmt.Println(bad, errors.Unwrap(bad))
	fmt.Println(fmt.Errorf("not error %w", 5), fmt.Errorf("nil %w", nil))
	fmt.Println(fmt.Errorf("%w", io.EOF) == io.EOF, errors.Is(fmt.Errorf("%w", io.EOF), io.EOF))
	fmt.Println(errors.New("a") == errors.New("a"))

	ce := fmt.Errorf("wrapped: %w", &CodeErr{7})
	var target *CodeErr
	fmt.Println(errors.As(ce, &target), target.Code, target)
	var ve ValErr
	fmt.Println(errors.As(fmt.Errorf("x: %w", ValErr{"v"}), &ve), ve.S)
	fmt.Println(errors.As(ce, &ve))
	var anyErr error
	fmt.Println(errors.As(ce, &anyErr), anyErr)
	var tmp Temporary
	fmt.Println(errors.As(fmt.Errorf("w: %w", TempErr{}), &tmp), tmp.Temporary())
	fmt.Println(errors.As(ce, &tmp))
	var viaAs *CodeErr
	fmt.Println(errors.As(fmt.Errorf("w: %w", AsCode{}), &viaAs), viaAs)
	fmt.Println(errors.Is(fmt.Errorf("w: %w", IsAll{}), io.EOF), errors.Is(IsAll{}, ErrBase))
	fmt.Println(errors.Is(SliceErr{"a"}, SliceErr{"a"}), errors.Is(ErrBase, SliceErr{"a"}))
	tryAs("nil-target", ce, nil)
	tryAs("non-pointer", ce, target)
	var nilp **CodeErr
	tryAs("nil-pointer", ce, nilp)
	var notErr int
	tryAs("not-error", ce, &notErr)
	tryAs("nil-err", nil, &target)
	fmt.Fprintln(os.Stderr, "stderr:", e2)
	var perr *os.PathError
	_, err := (*os.File)(nil).Write([]byte("x"))
	fmt.Println(err, errors.As(err, &perr))
}
