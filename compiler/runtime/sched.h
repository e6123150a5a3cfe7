/*
 * Goroutines as the rest of the C runtime sees them (sched.c): the goroutine record,
 * the scheduler's park/ready protocol used by channels, semaphores and timers, and the
 * roots the collector must scan. docs/internals.md ("Goroutines") gives the design.
 *
 * Example: a receive on an empty channel (chan.c) fills curg->sg, queues it on the
 * channel and calls gopark("chan receive"); the sender dequeues it, copies the value
 * to sg->elem, sets sg->success and calls goready(sg->g).
 */
#ifndef REFGO_SCHED_H
#define REFGO_SCHED_H

#include <stdint.h>

typedef struct g g;
typedef struct hchan hchan;

/* A goroutine waiting on a channel (or a semaphore address): one per blocked
   operation; a select queues one per case. */
typedef struct sudog {
    g *g;
    struct sudog *next, *prev;
    void *elem;              /* the value to send, or where to receive (may be NULL) */
    hchan *c;                /* the channel (NULL for a semaphore wait) */
    const void *addr;        /* semaphore: the address waited on */
    uint32_t ticket;         /* sync.Cond: the ticket waited for */
    int32_t caseidx;         /* select: the case index */
    int32_t isselect, success;
    uintptr_t scansize;      /* bytes at elem the collector must scan (a waiting send) */
} sudog;

/* Saved context layout written by runtime.swtch (asm.s): r15 r14 r13 r12 rbx rbp ret. */
enum { CTX_RBP = 5, CTX_RET = 6 };

enum { G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD };

/* A deferred call: a func() closure and the frame that deferred it (runtime.c); on
   the heap, or in that frame (deferprocStack; 48 bytes: ir.DEFER_RECORD). */
typedef struct deferrec {
    struct deferrec *link;
    void *clo;
    uintptr_t rbp, rsp, pc;
    int started;             /* a panic is running it (it stays listed meanwhile, so a
                                stack copy adjusts its rsp and rbp) */
} deferrec;

/* A panic in progress (heap-allocated: the goroutine's stack may move under it). */
typedef struct panicrec {
    struct panicrec *link;
    const void *t;
    void *data;
    int recovered;
    uintptr_t argp;  /* the argument pointer of the deferred call it runs (deferpanic) */
} panicrec;

struct g {
    uintptr_t sp;            /* saved %rsp while not running (swtch's save area) */
    uintptr_t stacklo, stackhi;
    uintptr_t guard;         /* stacklo + STACK_GUARD: the prologue's limit */
    int64_t id;
    int status;
    const char *waitreason;
    void *fn;                /* the func() closure the goroutine runs */
    struct deferrec *defers;
    struct panicrec *panics;
    g *schedlink;
    g *alllink;
    sudog sg;                /* the sudog of a channel or semaphore wait */
    sudog *selsg;            /* select: one sudog per case (ncases of them) */
    int32_t nselsg;
    int32_t selectdone;      /* a case of the select curg waits in has fired */
    int32_t locks;           /* > 0: not to be preempted (sync's procPin) */
    int32_t paniconfault;    /* debug.SetPanicOnFault: a fault at any address panics */
    sudog *param;            /* the sudog that woke a select, or NULL (closed channel) */
    int64_t when;            /* time.Sleep: the wake time on the monotonic clock */
    int64_t timerindex;      /* index + 1 in the timer heap, 0 when not queued */
};

extern g *curg;              /* the running goroutine (&g0 on the scheduler's stack) */
extern g g0;

/* gopark: block curg (status waiting, reason as gc words it) until goready. */
void gopark(const char *reason);

/* goready: make gp runnable; it runs next, before the queued goroutines (gc's runnext). */
void goready(g *gp);

/* gosched: curg yields; it is queued behind every runnable goroutine. */
void gosched(void);

/* gcyield: the end of runtime.GC: the caller yields to the runnable goroutines, as gc's
   GC parks it until the cycle ends and lets them run meanwhile (a goroutine looping on
   runtime.GC enters no compiled function and is never interrupted in Go code, so
   without this only the preemption monitor's 10 ms would let the others run). */
void gcyield(void);

/* nanotime: the monotonic clock in nanoseconds. */
int64_t nanotime(void);

/* fastrand: a pseudo-random number; fastrandn: one in [0, n). */
uint32_t fastrand(void) __asm__("runtime.fastrand");
uint32_t fastrandn(uint32_t n);

/* sched_scanroots: mark what the scheduler's own memory reaches (goroutine records,
   their sudogs and waiting senders' values, timers) and scan every goroutine's stack
   but the running one's with scanstack(sp, fp, top, its deferred calls). Called by the
   collector. */
void sched_scanroots(void (*scanblock)(uintptr_t lo, uintptr_t hi),
                     void (*scanstack)(uintptr_t sp, uintptr_t fp, uintptr_t top,
                                       const deferrec *defers));

/* schedmain: run main (a func() closure) as goroutine 1 under the scheduler. */
void schedmain(void *mainclo) __attribute__((noreturn));

/* rundefers: run the running goroutine's pending deferred calls (runtime.c); with a
   panic, stop at the one that recovers it and resume its frame. */
void rundefers(panicrec *p);

/* goexit1: end the running goroutine (its deferred calls have run). */
void goexit1(void) __asm__("runtime.goexit1") __attribute__((noreturn));

/* sched_injectpanic: from the SIGSEGV handler's ucontext, make the faulting
   instruction call the nil-dereference panic on its own stack. */
void sched_injectpanic(void *uc);

/* stackdebug, sched_stackdebug: REFGO_STACKDEBUG=1 (sched.c): the collector's allocator
   calls sched_stackdebug so the next call moves the stack. */
extern int stackdebug;
void sched_stackdebug(void);

/* curstacktop: the top of the stack the caller runs on (for the collector). */
uintptr_t curstacktop(void);

/* sched_deadlockcheck etc. live in sched.c; the runtime's fatal printing in runtime.c. */
void rt_write(const char *p, uintptr_t n);
void rt_puts(const char *s);
void rt_printint(int64_t v);
void rt_printhex(uint64_t v);
void rt_flush(void);
/* rt_throw: `fatal error: msg`, the running goroutine's frames, exit 2 (gc's throw). */
void rt_throw(const char *msg) __attribute__((noreturn));
/* rt_panicstr: panic with a runtime.Error whose message is msg (recoverable). */
void rt_panicstr(const char *msg) __attribute__((noreturn));
/* rt_faultrecord: the pctab-layout record (runtime.c's pcent, introspect.c's pcrow)
   of the fault site a faulting pc of compiled code is at, or NULL. */
const void *rt_faultrecord(uintptr_t pc);

/* rt_traceback: print the compiled Go frames on the %rbp chain from fp. */
void rt_traceback(uintptr_t *fp);
/* rt_gotraceback: `goroutine N [state]:` and the frames of the parked goroutine gp. */
void rt_gotraceback(g *gp);

#endif
