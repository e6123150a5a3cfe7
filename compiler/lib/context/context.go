// Package context carries deadlines, cancellation and request-scoped values
// across API boundaries and between goroutines.
//
//	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
//	defer cancel()
//	select {
//	case r := <-work(ctx):
//		use(r)
//	case <-ctx.Done():
//		fmt.Println(ctx.Err()) // context deadline exceeded
//	}
//
// Contexts form a tree. Cancelling a context (its CancelFunc, its deadline, or its
// parent's cancellation) closes its Done channel, sets its Err and cancels every
// context derived from it. A cancelCtx registers its children directly when its
// parent is (or wraps) a cancelCtx; under any other parent whose Done is not nil a
// goroutine waits for either to end. Error texts, panics and String forms are gc's.
package context

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// A Context carries a deadline, a cancellation signal and values; its methods
// may be called from several goroutines at once.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// Canceled is the error a context's Err returns after it was cancelled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error a context's Err returns after its deadline passed.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// emptyCtx is Background and TODO: never cancelled, no values, no deadline. It is
// an int so that the two are distinct values.
type emptyCtx int

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }

func (e *emptyCtx) String() string {
	switch e {
	case background:
		return "context.Background"
	case todo:
		return "context.TODO"
	}
	return "unknown empty Context"
}

var (
	background = new(emptyCtx)
	todo       = new(emptyCtx)
)

// Background returns the root context: never cancelled, no values, no deadline.
func Background() Context { return background }

// TODO returns an empty context for code that does not know which to use yet.
func TODO() Context { return todo }

// A CancelFunc cancels its context; calls after the first do nothing.
type CancelFunc func()

// cancelCtxKey is the key a cancelCtx answers Value with itself, so that a child
// can find the nearest cancelCtx ancestor through any valueCtx wrappers.
var cancelCtxKey int

// closedchan is the Done channel of a context cancelled before Done was asked for.
var closedchan = make(chan struct{})

func init() { close(closedchan) }

// canceler is a context that can be cancelled: cancelCtx and timerCtx.
type canceler interface {
	cancel(removeFromParent bool, err error)
	Done() <-chan struct{}
}

// A cancelCtx is cancelled by its CancelFunc or its parent's cancellation.
type cancelCtx struct {
	Context

	mu       sync.Mutex
	done     chan struct{} // made on the first Done, or closedchan
	children map[canceler]struct{}
	err      error // non-nil once cancelled
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return c.Context.Value(key)
}

func (c *cancelCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
	}
	return c.done
}

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *cancelCtx) String() string { return contextName(c.Context) + ".WithCancel" }

// cancel closes c.done, cancels c's children with err and, if removeFromParent,
// takes c out of its parent's children. A second call does nothing.
func (c *cancelCtx) cancel(removeFromParent bool, err error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	if c.done == nil {
		c.done = closedchan
	} else {
		close(c.done)
	}
	children := c.children
	c.children = nil
	c.mu.Unlock()
	for child := range children {
		child.cancel(false, err)
	}
	if removeFromParent {
		removeChild(c.Context, c)
	}
}

// propagateCancel arranges for child to be cancelled when parent is.
func propagateCancel(parent Context, child canceler) {
	done := parent.Done()
	if done == nil {
		return // parent is never cancelled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			child.cancel(false, p.err)
			return
		}
		if p.children == nil {
			p.children = make(map[canceler]struct{})
		}
		p.children[child] = struct{}{}
		p.mu.Unlock()
		return
	}
	go func() {
		select {
		case <-done:
			child.cancel(false, parent.Err())
		case <-child.Done():
		}
	}()
}

// parentCancelCtx returns the nearest cancelCtx above parent if parent's Done is
// that cancelCtx's own channel (a context that overrides Done is not looked through).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == closedchan || done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	p.mu.Lock()
	same := p.done == done
	p.mu.Unlock()
	return p, same
}

// removeChild drops child from the children of the cancelCtx above parent.
func removeChild(parent Context, child canceler) {
	p, ok := parentCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}

// WithCancel returns a copy of parent with a new Done channel, closed when cancel
// is called or parent's Done is closed, whichever happens first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{Context: parent}
	propagateCancel(parent, c)
	return c, func() { c.cancel(true, Canceled) }
}

// A timerCtx is a cancelCtx that also cancels itself at its deadline.
type timerCtx struct {
	cancelCtx
	timer    *time.Timer // guarded by cancelCtx.mu
	deadline time.Time
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) { return c.deadline, true }

func (c *timerCtx) String() string {
	return contextName(c.cancelCtx.Context) + ".WithDeadline(" + c.deadline.String() +
		" [" + time.Until(c.deadline).String() + "])"
}

func (c *timerCtx) cancel(removeFromParent bool, err error) {
	c.cancelCtx.cancel(false, err)
	if removeFromParent {
		removeChild(c.cancelCtx.Context, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}

// WithDeadline returns a copy of parent cancelled at d at the latest (at parent's
// deadline if that is earlier: then it is just WithCancel).
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := &timerCtx{deadline: d}
	c.cancelCtx.Context = parent
	propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded)
		return c, func() { c.cancel(false, Canceled) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() { c.cancel(true, DeadlineExceeded) })
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled) }
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// A valueCtx carries one key-value pair and delegates everything else.
type valueCtx struct {
	Context
	key, val any
}

// WithValue returns a copy of parent whose Value(key) is val. key must be
// non-nil and comparable.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !comparable(key) {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

// comparable reports whether == on k's dynamic type is defined (it panics
// otherwise).
func comparable(k any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_ = k == k
	return true
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(type " + fmt.Sprintf("%T", c.key) +
		", val " + stringify(c.val) + ")"
}

type stringer interface{ String() string }

// contextName names c for String: its own String, else its type.
func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", c)
}

// stringify shows a value in a valueCtx's String without formatting it: a
// Stringer's String, a string itself, else "<not Stringer>".
func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}
