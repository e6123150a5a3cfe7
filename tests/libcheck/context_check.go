// Command context_check checks context: Background/TODO, cancellation through
// cancelCtx, valueCtx and custom parents, deadlines, errors, panics and String forms.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

type myCtx struct{ context.Context }

func main() {
	fmt.Println(context.Background(), context.TODO())
	bg := context.Background()
	d, ok := bg.Deadline()
	fmt.Println(d.IsZero(), ok, bg.Done() == nil, bg.Err(), bg.Value("x"))
	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx, ctx.Err())
	child, cc := context.WithCancel(ctx)
	defer cc()
	vctx := context.WithValue(child, key("k"), "v")
	gchild, gcc := context.WithCancel(vctx)
	defer gcc()
	fmt.Println(gchild)
	fmt.Println(vctx.Value(key("k")), gchild.Value(key("k")), gchild.Value("k"))
	cancel()
	<-gchild.Done()
	fmt.Println(ctx.Err(), child.Err(), gchild.Err(), errors.Is(gchild.Err(), context.Canceled))
	cancel()
	fmt.Println(ctx.Err())

	tctx, tcancel := context.WithTimeout(bg, 5*time.Millisecond)
	defer tcancel()
	_, hasDL := tctx.Deadline()
	fmt.Println(hasDL)
	select {
	case <-tctx.Done():
		fmt.Println(tctx.Err(), tctx.Err() == context.DeadlineExceeded)
	case <-time.After(time.Second):
		fmt.Println("no deadline")
	}
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(tctx.Err(), &te), te.Timeout())

	past, pc := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println(past.Err())
	pc()
	fmt.Println(past.Err())

	// custom parent: goroutine propagation
	mp, mcancel := context.WithCancel(bg)
	custom := myCtx{mp}
	c2, c2cancel := context.WithCancel(custom)
	defer c2cancel()
	mcancel()
	<-c2.Done()
	fmt.Println("custom parent", c2.Err())

	// cancel before Done
	c3, c3c := context.WithCancel(bg)
	c3c()
	<-c3.Done()
	fmt.Println("closed", c3.Err())
	// child of cancelled parent
	c4, c4c := context.WithCancel(c3)
	defer c4c()
	fmt.Println(c4.Err())
	// earlier parent deadline
	p1, p1c := context.WithTimeout(bg, time.Hour)
	defer p1c()
	c5, c5c := context.WithTimeout(p1, 2*time.Hour)
	defer c5c()
	d1, _ := p1.Deadline()
	d5, _ := c5.Deadline()
	fmt.Println(d1 == d5)
	for _, f := range []func(){
		func() { context.WithValue(bg, nil, 1) },
		func() { context.WithValue(bg, []int{1}, 1) },
		func() { context.WithCancel(nil) },
		func() { context.WithValue(nil, 1, 1) },
		func() { context.WithDeadline(nil, time.Now()) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
	fmt.Println(context.WithValue(bg, 1, "x"), context.WithValue(bg, key("a"), 3))
	fmt.Println(context.WithValue(myCtx{bg}, 1, bg))
	fmt.Printf("%v %q\n", context.DeadlineExceeded, context.Canceled)
}
