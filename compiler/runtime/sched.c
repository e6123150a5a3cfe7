/*
 * Goroutines: stacks, the scheduler, stack growth, preemption.
 *
 * One OS thread runs Go code (GOMAXPROCS 1 semantics). Every goroutine, the main one
 * too, runs on its own stack from the stack arena (stack.c-like allocator below):
 * 32 KiB at first, doubled by copying when a function's prologue finds too little room
 * (runtime.morestack in asm.s -> newstack), up to gc's 1e9-byte limit. The thread's own
 * stack is g0's: the scheduler loop (schedule) runs there, and so do timer callbacks.
 *
 *     go f()   ->  newproc(clo): a g with a fresh stack whose saved context returns
 *                  into runtime.gostart -> gostart1 -> callclosure(clo) -> goexit
 *     <-c      ->  chanrecv1 ... gopark("chan receive"): swtch to g0's schedule loop,
 *                  which picks the next runnable g (runnext first, like gc) and swtches
 *                  to it; goready(g) puts g back in the run queue.
 *
 * Compiled functions that have a frame start with
 *
 *     cmpq    runtime.stackguard(%rip), %rsp     (leaq -N(%rsp), %rax; cmpq ..., %rax)
 *     jbe     .Lmore  ...  .Lmore: movq $N, %rax; call runtime.morestack; jmp f
 *
 * runtime.stackguard is the running goroutine's stacklo + STACK_GUARD, so C runtime code
 * called from Go always has STACK_GUARD bytes below the caller's frame. The preemption
 * monitor (a second thread that never runs Go code) sets stackguard to STACKPREEMPT when
 * a goroutine has run for 10 ms while others wait, so the next function entry yields;
 * a loop without calls is interrupted by SIGURG, whose handler makes the interrupted Go
 * instruction call runtime.asyncPreempt.
 *
 * Copying a stack moves every frame; pointers into the stack are adjusted: words the
 * stack maps name in compiled frames (precisely), C and unmapped frames, saved
 * registers and outgoing argument areas (conservatively: a word pointing into the old
 * stack is moved), the %rbp chain, and the runtime's own records (defers, the fault sp).
 * Heap objects never point into stacks (escape analysis), except the runtime's sudogs,
 * which only a parked goroutine has, and a parked goroutine's stack never moves.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "malloc.h"
#include "sched.h"
#include "stackmap.h"
#include "stackobj.h"

/* RT marks the entry points compiled code calls (declared in compiler/builtin/runtime.go);
   the runtime's own symbols and the runtime package's functions spell out their label. */
#define RT(name) __asm__("runtime." name)
#define SYM(name) __asm__("runtime." name)

enum {
    STACK_MIN = 32 << 10,
    STACK_GUARD = 16 << 10,
    STACK_ORDERS = 16,          /* 32 KiB << 15 = 1 GiB */
    STACK_KEEP = 256,           /* freed stacks per size kept resident */
};
static uintptr_t maxstacksize = 1000000000;  /* gc's; runtime/debug.SetMaxStack */
#define STACKPREEMPT ((uintptr_t)-1314)
#define SARENA_SIZE ((uintptr_t)256 << 30)
#define SARENA_CHUNK ((uintptr_t)64 << 20)
#define FORCEPREEMPT_NS 10000000

g g0;
g *curg = &g0;
/* The prologue's limit: curg->guard, or STACKPREEMPT to make the next entry yield. */
volatile uintptr_t stackguard SYM("stackguard");

static g *allg;
static int64_t goidgen, ngoroutines;
static g *gfree;
static g *runnext, *runqhead, *runqtail, *globhead, *globtail;
static volatile int64_t nrunnable;
static volatile uint64_t schedtick;
static g *deadg;                 /* exited goroutine whose stack g0 frees */
static int mainexited;           /* goroutine 1 called Goexit */
static int64_t gomaxprocs;
/* REFGO_STACKDEBUG=1: every allocation puts the guard at the top of the stack, so the
   next call of a function with a frame moves the stack (to one of the same size), which
   then guards just below that function's frame. It stresses the pointer adjustment at
   many different call sites; see docs/internals.md "Goroutines". */
int stackdebug;

void sched_stackdebug(void) {
    if (curg == &g0) return;
    curg->guard = curg->stackhi - 128;
    if (stackguard != STACKPREEMPT) stackguard = curg->guard;
}

extern void swtch(uintptr_t *oldsp, uintptr_t newsp) SYM("swtch");
extern char gostart[] SYM("gostart");
extern char asyncPreempt[] SYM("asyncPreempt");
extern char sigpanic0[] SYM("sigpanic0");
extern void callclosure(void *clo) SYM("callclosure");
extern void calltimerfn(void *f, void *argt, void *argd, uintptr_t seq) SYM("calltimerfn");
extern char gotext_start[] __asm__("runtime.gotext.start") __attribute__((weak));
extern char gotext_end[] __asm__("runtime.gotext.end") __attribute__((weak));
extern void *__libc_stack_end;

/* ---------------------------------------------------------------------------------- */
/* Stack memory: one reserved arena, power-of-two sizes from STACK_MIN, free lists.   */

static uintptr_t sarena_lo, sarena_used, sarena_committed;
typedef struct { uintptr_t *v; size_t n, cap; } stacklist;
static stacklist freestacks[STACK_ORDERS];

static int stackorder(uintptr_t size) {
    int o = 0;
    while (((uintptr_t)STACK_MIN << o) < size) o++;
    return o;
}

static uintptr_t stackalloc(uintptr_t size) {
    int o = stackorder(size);
    stacklist *l = &freestacks[o];
    if (l->n > 0) return l->v[--l->n];
    if (sarena_lo == 0) {
        void *p = mmap(NULL, SARENA_SIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) rt_throw("runtime: cannot reserve the stack arena");
        sarena_lo = sarena_used = sarena_committed = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    }
    uintptr_t base = (sarena_used + size - 1) & ~(size - 1 < SARENA_CHUNK ? size - 1
                                                                          : SARENA_CHUNK - 1);
    if (base + size > sarena_lo + SARENA_SIZE - 4096) rt_throw("out of memory (stacks)");
    if (base + size > sarena_committed) {
        uintptr_t c = (base + size - sarena_committed + SARENA_CHUNK - 1) & ~(SARENA_CHUNK - 1);
        if (mprotect((void *)sarena_committed, c, PROT_READ | PROT_WRITE) != 0)
            rt_throw("out of memory (stacks)");
        sarena_committed += c;
    }
    sarena_used = base + size;
    return base;
}

/* stackfree: give a stack back (do NOT call it for the stack being run on). */
static void stackfree(uintptr_t lo, uintptr_t size) {
    stacklist *l = &freestacks[stackorder(size)];
    if (stackdebug) memset((void *)lo, 0xde, size);
    if (l->n >= STACK_KEEP || size > (1 << 20)) madvise((void *)lo, size, MADV_DONTNEED);
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        uintptr_t *v = realloc(l->v, cap * sizeof *v);
        if (v == NULL) rt_throw("out of memory");
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = lo;
}

/* ---------------------------------------------------------------------------------- */
/* Run queues: runnext, then the local FIFO, with the global FIFO (Gosched and        */
/* preemption) checked when the local one is empty and every 61 ticks, as gc does.   */

static void runqput(g *gp, int next) {
    gp->status = G_RUNNABLE;
    nrunnable++;
    if (next) {
        g *old = runnext;
        runnext = gp;
        if (old == NULL) return;
        gp = old;
    }
    gp->schedlink = NULL;
    if (runqtail) runqtail->schedlink = gp; else runqhead = gp;
    runqtail = gp;
}

static void globput(g *gp) {
    gp->status = G_RUNNABLE;
    nrunnable++;
    gp->schedlink = NULL;
    if (globtail) globtail->schedlink = gp; else globhead = gp;
    globtail = gp;
}

static g *globget(void) {
    g *gp = globhead;
    if (gp) {
        globhead = gp->schedlink;
        if (!globhead) globtail = NULL;
    }
    return gp;
}

static g *runqget(void) {
    g *gp = NULL;
    if (schedtick % 61 == 0) gp = globget();
    if (!gp && runnext) {
        gp = runnext;
        runnext = NULL;
    }
    if (!gp && runqhead) {
        gp = runqhead;
        runqhead = gp->schedlink;
        if (!runqhead) runqtail = NULL;
    }
    if (!gp) gp = globget();
    if (gp) nrunnable--;
    return gp;
}

/* ---------------------------------------------------------------------------------- */
/* Switching.                                                                         */

/* mcall: leave curg for g0's schedule loop; returns when curg runs again. */
static void mcall(void) {
    g *gp = curg;
    swtch(&gp->sp, g0.sp);
}

void gopark(const char *reason) {
    g *gp = curg;
    if (gp == &g0) rt_throw("gopark on the scheduler stack");
    gp->status = G_WAITING;
    gp->waitreason = reason;
    mcall();
}

void goready(g *gp) { runqput(gp, 1); }

void gosched(void) {
    g *gp = curg;
    if (gp == &g0) return;
    globput(gp);
    mcall();
}

void gcyield(void) {
    if (curg != &g0 && curg->locks == 0 && nrunnable > 0) gosched();
}

static void execute(g *gp) {
    curg = gp;
    gp->status = G_RUNNING;
    gp->waitreason = NULL;
    schedtick++;
    stackguard = gp->guard;
    swtch(&g0.sp, gp->sp);
    curg = &g0;
    stackguard = 0;
}

/* ---------------------------------------------------------------------------------- */
/* Goroutine creation and exit.                                                       */

static void monitorstart(void);

static g *gnew(void) {
    g *gp = gfree;
    if (gp) {
        gfree = gp->schedlink;
    } else {
        gp = calloc(1, sizeof *gp);
        if (gp == NULL) rt_throw("out of memory");
        gp->alllink = allg;
        allg = gp;
    }
    if (gp->stackhi == 0) {
        gp->stacklo = stackalloc(STACK_MIN);
        gp->stackhi = gp->stacklo + STACK_MIN;
    }
    gp->guard = gp->stacklo + STACK_GUARD;
    gp->locks = 0;
    gp->paniconfault = 0;
    if (stackdebug) gp->guard = gp->stackhi - 128;
    gp->id = ++goidgen;
    ngoroutines++;
    return gp;
}

/* gostart1: a new goroutine's first C frame: run its closure, then exit. */
void gostart1(void) SYM("gostart1") __attribute__((noreturn));
void goexit1(void) SYM("goexit1") __attribute__((noreturn));

void gostart1(void) {
    callclosure(curg->fn);
    goexit1();
}

/* newproc: `go` with fn a func() closure: a new runnable goroutine that runs next. */
void newproc(void *fn) RT("newproc");
void newproc(void *fn) {
    if (fn == NULL) rt_throw("go of nil func value");
    g *gp = gnew();
    gp->fn = fn;
    uintptr_t *sp = (uintptr_t *)(gp->stackhi - 64);
    memset(sp, 0, 64);
    sp[CTX_RET] = (uintptr_t)gostart;
    gp->sp = (uintptr_t)sp;
    runqput(gp, 1);
    if (goidgen == 2) monitorstart();
}

/* goexit1: the running goroutine is done (its deferred calls have run). */
void goexit1(void) {
    g *gp = curg;
    if (gp->id == 1) mainexited = 1;
    gp->status = G_DEAD;
    gp->fn = NULL;
    gp->defers = NULL;
    gp->panics = NULL;
    ngoroutines--;
    deadg = gp;
    mcall();
    rt_throw("dead goroutine resumed");
}

/* gfreedead: on g0, return the exited goroutine's record and (if it grew) stack. */
static void gfreedead(void) {
    g *gp = deadg;
    if (gp == NULL) return;
    deadg = NULL;
    if (gp->stackhi - gp->stacklo != STACK_MIN) {
        stackfree(gp->stacklo, gp->stackhi - gp->stacklo);
        gp->stacklo = gp->stackhi = 0;
    }
    gp->schedlink = gfree;
    gfree = gp;
}

/* ---------------------------------------------------------------------------------- */
/* Timers: a binary min-heap on the monotonic clock, of sleeping goroutines and of   */
/* the time package's runtimeTimers (gc's layout, time/sleep.go).                    */

typedef struct rtimer {
    uintptr_t pp;       /* refgo: the timer's heap index + 1, 0 when not queued */
    int64_t when, period;
    void *f;            /* func(arg any, seq uintptr), a top-level function */
    void *argt, *argd;
    uintptr_t seq;
    int64_t nextwhen;
    uint32_t status;
} rtimer;

typedef struct { int64_t when; g *gp; rtimer *t; } tentry;
static tentry *theap;
static size_t ntimers, captimers;

static void tsetindex(size_t i) {
    if (theap[i].gp) theap[i].gp->timerindex = (int64_t)i + 1;
    else theap[i].t->pp = i + 1;
}

static void tswap(size_t i, size_t j) {
    tentry x = theap[i];
    theap[i] = theap[j];
    theap[j] = x;
    tsetindex(i);
    tsetindex(j);
}

static void tup(size_t i) {
    while (i > 0 && theap[(i - 1) / 2].when > theap[i].when) {
        tswap(i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void tdown(size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < ntimers && theap[l].when < theap[m].when) m = l;
        if (l + 1 < ntimers && theap[l + 1].when < theap[m].when) m = l + 1;
        if (m == i) return;
        tswap(i, m);
        i = m;
    }
}

static void tadd(int64_t when, g *gp, rtimer *t) {
    if (ntimers == captimers) {
        size_t cap = captimers ? 2 * captimers : 64;
        tentry *v = realloc(theap, cap * sizeof *v);
        if (v == NULL) rt_throw("out of memory");
        theap = v;
        captimers = cap;
    }
    theap[ntimers] = (tentry){when, gp, t};
    tsetindex(ntimers);
    tup(ntimers++);
}

static void tdel(size_t i) {
    if (theap[i].gp) theap[i].gp->timerindex = 0; else theap[i].t->pp = 0;
    ntimers--;
    if (i != ntimers) {
        theap[i] = theap[ntimers];
        tsetindex(i);
        tdown(i);
        tup(i);
    }
}

int64_t nanotime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* runtimers: on g0, fire every timer due by now. */
static void runtimers(int64_t now) {
    while (ntimers > 0 && theap[0].when <= now) {
        tentry e = theap[0];
        tdel(0);
        if (e.gp) {
            goready(e.gp);
            continue;
        }
        rtimer *t = e.t;
        if (t->period > 0) {
            int64_t delta = now - t->when;
            t->when += t->period * (1 + delta / t->period);
            if (t->when < 0) t->when = INT64_MAX;
            tadd(t->when, NULL, t);
        }
        calltimerfn(t->f, t->argt, t->argd, t->seq);
    }
}

/* time.Sleep: park the goroutine until ns nanoseconds from now. */
void time_sleep(int64_t ns) __asm__("time.sleep");
void time_sleep(int64_t ns) {
    if (ns <= 0) return;
    g *gp = curg;
    int64_t when = nanotime() + ns;
    if (when < 0) when = INT64_MAX;
    gp->when = when;
    tadd(when, gp, NULL);
    gopark("sleep");
}

int64_t time_runtimeNano(void) __asm__("time.runtimeNano");
int64_t time_runtimeNano(void) { return nanotime(); }

void time_startTimer(rtimer *t) __asm__("time.startTimer");
void time_startTimer(rtimer *t) {
    if (t->when < 0) t->when = INT64_MAX;
    if (t->pp != 0) tdel(t->pp - 1);
    tadd(t->when, NULL, t);
}

int64_t time_stopTimer(rtimer *t) __asm__("time.stopTimer");
int64_t time_stopTimer(rtimer *t) {
    if (t->pp == 0) return 0;
    tdel(t->pp - 1);
    return 1;
}

int64_t time_resetTimer(rtimer *t, int64_t when) __asm__("time.resetTimer");
int64_t time_resetTimer(rtimer *t, int64_t when) {
    int64_t pending = time_stopTimer(t);
    t->when = when < 0 ? INT64_MAX : when;
    tadd(t->when, NULL, t);
    return pending;
}

/* ---------------------------------------------------------------------------------- */
/* The scheduler loop (g0) and deadlock detection.                                    */

static void checkdead(void) {
    rt_flush();
    if (mainexited && ngoroutines == 0)
        rt_throw("no goroutines (main called runtime.Goexit) - deadlock!");
    rt_puts("fatal error: all goroutines are asleep - deadlock!\n");
    g *list[64];
    int n = 0;
    for (g *gp = allg; gp != NULL; gp = gp->alllink)
        if (gp->status == G_WAITING && n < 64) list[n++] = gp;
    for (int i = 0; i < n; i++)       /* allg is newest first: print by id */
        for (int j = i + 1; j < n; j++)
            if (list[j]->id < list[i]->id) { g *x = list[i]; list[i] = list[j]; list[j] = x; }
    for (int i = 0; i < n; i++) {
        rt_puts("\n");
        rt_gotraceback(list[i]);
    }
    rt_flush();
    _exit(2);
}

/* schedidle is 1 while the thread sleeps in idle(); the preemption monitor, having
   nothing to watch then, sleeps on it as a futex (monitorparked set) instead of
   polling, so a program whose goroutines all wait on timers spends no CPU. */
static volatile int32_t schedidle, monitorparked;

static void idle(void) {
    if (ntimers == 0) checkdead();
    rt_flush();
    struct timespec ts = {theap[0].when / 1000000000, theap[0].when % 1000000000};
    __atomic_store_n(&schedidle, 1, __ATOMIC_SEQ_CST);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {}
    __atomic_store_n(&schedidle, 0, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&monitorparked, __ATOMIC_SEQ_CST))
        syscall(SYS_futex, &schedidle, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void schedule(void) __attribute__((noreturn));
static void schedule(void) {
    for (;;) {
        gfreedead();
        if (ntimers > 0) runtimers(nanotime());
        g *gp = runqget();
        if (gp) {
            execute(gp);
            continue;
        }
        idle();
    }
}

/* schedmain: run the program: goroutine 1 runs main (a func() closure) while the
   thread's own stack becomes g0's, the scheduler's. */
void schedmain(void *mainclo) {
    g0.id = 0;
    g0.status = G_RUNNING;
    g0.stackhi = (uintptr_t)__libc_stack_end;
    const char *e = getenv("REFGO_STACKDEBUG");
    stackdebug = e != NULL && e[0] == '1';
    e = getenv("GOMAXPROCS");
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    gomaxprocs = e && atoi(e) > 0 ? atoi(e) : (ncpu > 0 ? ncpu : 1);
    newproc(mainclo);
    schedule();
}

uintptr_t curstacktop(void) { return curg == &g0 ? (uintptr_t)__libc_stack_end : curg->stackhi; }

/* ---------------------------------------------------------------------------------- */
/* Stack growth.                                                                      */

typedef struct { uintptr_t lo, hi; intptr_t delta; } moving;

/* adjust: the word at old address p, moved to p + delta: if it points into the old
   stack, make it point at the same place in the new one. Reads the old copy, so doing
   it twice is harmless. */
static void adjust(const moving *m, uintptr_t p) {
    uintptr_t v = *(uintptr_t *)p;
    if (v >= m->lo && v < m->hi) *(uintptr_t *)(p + m->delta) = v + m->delta;
}

static void adjustobj(void *m, uintptr_t p) { adjust(m, p); }

static void adjustrange(const moving *m, uintptr_t lo, uintptr_t hi) {
    for (uintptr_t p = (lo + 7) & ~(uintptr_t)7; p + 8 <= hi; p += 8) adjust(m, p);
}

/* adjustframes: walk the old stack's frames from the caller of the function whose
   prologue called morestack (save: morestack's save area) and adjust the copy. */
static void adjustframes(const moving *m, uintptr_t *save) {
    for (int k = 1; k <= 7; k++) adjust(m, (uintptr_t)&save[k]);
    uintptr_t lo = (uintptr_t)&save[10], fp = save[7], pc = save[9];
    int calleemap = 0;
    while (fp >= lo && fp < m->hi) {
        const int64_t *map = stackmap_lookup(pc);
        if (map != NULL) {
            for (const int64_t *r = map + 2; r < map + 2 + 3 * map[1]; r += 3)
                for (int64_t k = 0; k < r[1]; k++) adjust(m, fp + (uintptr_t)(r[0] + k * r[2]));
            stackobj_adjust(pc, fp, adjustobj, (void *)m);
            if (!calleemap) adjustrange(m, lo, lo + (uintptr_t)map[0]);
            calleemap = 1;
        } else {
            adjustrange(m, lo, fp);
            calleemap = 0;
        }
        adjust(m, fp);
        uintptr_t next = ((uintptr_t *)fp)[0];
        pc = ((uintptr_t *)fp)[1];
        lo = fp + 16;
        if (next <= fp || next >= m->hi) break;
        fp = next;
    }
    adjustrange(m, lo, m->hi);
}

extern uintptr_t gc_sigsp;
static uintptr_t oldstack_lo, oldstack_size;

static void stackoverflow(uintptr_t sp, g *gp) __attribute__((noreturn));
static void stackoverflow(uintptr_t sp, g *gp) {
    rt_flush();
    rt_puts("runtime: goroutine stack exceeds ");
    rt_printint((int64_t)maxstacksize);
    rt_puts("-byte limit\nruntime: sp=");
    rt_printhex(sp);
    rt_puts(" stack=[");
    rt_printhex(gp->stacklo);
    rt_puts(", ");
    rt_printhex(gp->stackhi);
    rt_puts("]\n");
    rt_throw("stack overflow");
}

/* runtime/debug.setMaxStack(bytes): sets the largest stack newstack grows a goroutine
   to and returns the previous limit. */
int64_t debug_setMaxStack(int64_t bytes) __asm__("\"runtime/debug.setMaxStack\"");
int64_t debug_setMaxStack(int64_t bytes) {
    int64_t old = (int64_t)maxstacksize;
    maxstacksize = (uintptr_t)bytes;
    return old;
}

/* newstack(save, need): called by runtime.morestack; save points at its save area
   (pad, r15 r14 r13 r12 rbx rdx, saved %rbp, return into the function, return into its
   caller, the function's arguments...), need is what the function's frame takes below
   its entry %rsp. Yields to a preemption request, or copies the stack to one twice as
   big (or more) and returns the distance it moved. */
intptr_t newstack(uintptr_t *save, uintptr_t need) SYM("newstack");
intptr_t newstack(uintptr_t *save, uintptr_t need) {
    g *gp = curg;
    if (oldstack_size) {
        stackfree(oldstack_lo, oldstack_size);
        oldstack_size = 0;
    }
    if (gp == &g0) {
        stackguard = 0;
        return 0;
    }
    uintptr_t sp = (uintptr_t)&save[9];
    if (stackguard == STACKPREEMPT) {
        stackguard = gp->guard;
        if (sp - need > gp->guard || stackdebug) {
            if (gp->locks == 0) gosched();
            return 0;
        }
    }
    uintptr_t oldsize = gp->stackhi - gp->stacklo, used = gp->stackhi - (uintptr_t)save;
    uintptr_t newsize = stackdebug ? oldsize : oldsize * 2;
    while (newsize < used + need + 2 * STACK_GUARD + 4096) newsize *= 2;
    if (newsize > maxstacksize) stackoverflow(sp, gp);
    uintptr_t nlo = stackalloc(newsize), nhi = nlo + newsize;
    moving m = {gp->stacklo, gp->stackhi, (intptr_t)(nhi - gp->stackhi)};
    memcpy((void *)((uintptr_t)save + m.delta), save, used);
    adjustframes(&m, save);
    /* records in the frames (deferprocStack) moved with them: follow the links into the
       copy; the frames' stack maps may have adjusted their words already */
    for (deferrec **pp = &gp->defers; *pp != NULL; pp = &(*pp)->link) {
        if ((uintptr_t)*pp >= m.lo && (uintptr_t)*pp < m.hi)
            *pp = (deferrec *)((uintptr_t)*pp + m.delta);
        deferrec *d = *pp;
        if (d->rbp >= m.lo && d->rbp < m.hi) d->rbp += m.delta;
        if (d->rsp >= m.lo && d->rsp < m.hi) d->rsp += m.delta;
        if ((uintptr_t)d->clo >= m.lo && (uintptr_t)d->clo < m.hi)
            d->clo = (char *)d->clo + m.delta;
    }
    for (panicrec *q = gp->panics; q != NULL; q = q->link)
        if (q->argp >= m.lo && q->argp < m.hi) q->argp += m.delta;
    if (gc_sigsp >= m.lo && gc_sigsp < m.hi) gc_sigsp += m.delta;
    oldstack_lo = gp->stacklo;
    oldstack_size = oldsize;
    gp->stacklo = nlo;
    gp->stackhi = nhi;
    gp->guard = nlo + STACK_GUARD;
    if (stackdebug) gp->guard = sp + m.delta - need - 8;
    stackguard = gp->guard;
    return m.delta;
}

/* ---------------------------------------------------------------------------------- */
/* Preemption: a monitor thread watches the scheduler's tick.                         */

static pthread_t mainthread;
static volatile int monitoring;

static void *monitor(void *arg) {
    (void)arg;
    uint64_t last = schedtick;
    int64_t since = nanotime();
    for (;;) {
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
        if (__atomic_load_n(&schedidle, __ATOMIC_SEQ_CST)) {
            /* do NOT poll an idle scheduler: sleep until idle() returns (a futex
               wait on schedidle == 1 returns at once if it already has). */
            __atomic_store_n(&monitorparked, 1, __ATOMIC_SEQ_CST);
            syscall(SYS_futex, &schedidle, FUTEX_WAIT_PRIVATE, 1, NULL, NULL, 0);
            __atomic_store_n(&monitorparked, 0, __ATOMIC_SEQ_CST);
            last = __atomic_load_n(&schedtick, __ATOMIC_RELAXED);
            since = nanotime();
            continue;
        }
        uint64_t t = __atomic_load_n(&schedtick, __ATOMIC_RELAXED);
        int64_t now = nanotime();
        if (t != last) {
            last = t;
            since = now;
            continue;
        }
        int due = ntimers > 0 && theap != NULL;
        if (curg != &g0 && now - since >= FORCEPREEMPT_NS && (nrunnable > 0 || due)) {
            __atomic_store_n(&stackguard, STACKPREEMPT, __ATOMIC_RELAXED);
            pthread_kill(mainthread, SIGURG);
            since = now;
        }
    }
    return NULL;
}

static void sigurg(int sig, siginfo_t *info, void *uc) {
    (void)sig;
    (void)info;
    ucontext_t *ctx = uc;
    uintptr_t pc = (uintptr_t)ctx->uc_mcontext.gregs[REG_RIP];
    if (curg == &g0 || gotext_start == NULL || pc < (uintptr_t)gotext_start ||
        pc >= (uintptr_t)gotext_end)
        return;
    uintptr_t sp = (uintptr_t)ctx->uc_mcontext.gregs[REG_RSP] - 8;
    *(uintptr_t *)sp = pc;
    ctx->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
    ctx->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)asyncPreempt;
}

/* asyncpreempt2: runtime.asyncPreempt's C half: yield. */
void asyncpreempt2(void) SYM("asyncpreempt2");
void asyncpreempt2(void) {
    if (curg == &g0) return;
    stackguard = curg->guard;
    if (curg->locks == 0) gosched();
}

static void monitorstart(void) {
    if (monitoring) return;
    monitoring = 1;
    mainthread = pthread_self();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = sigurg;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigaction(SIGURG, &sa, NULL);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 << 10);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&t, &attr, monitor, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* sigfault: make the faulting instruction call runtime.sigpanic0 on its own stack. The
   words below the faulting frame, left by its finished callees, are cleared: the panic's
   C frames (scanned conservatively) would otherwise take them, in slots they never
   write, for roots and keep objects the frame no longer reaches from being finalized. */
void sched_injectpanic(void *uc) {
    ucontext_t *ctx = uc;
    uintptr_t pc = (uintptr_t)ctx->uc_mcontext.gregs[REG_RIP];
    uintptr_t top = (uintptr_t)ctx->uc_mcontext.gregs[REG_RSP];
    /* a frameless leaf gets a frame record {caller's %rbp, its return address}, so the
       %rbp chain passes through its caller (whose open-coded defers a panic runs) */
    int leaf = stackmap_frameless(pc);
    uintptr_t rbp = (uintptr_t)ctx->uc_mcontext.gregs[REG_RBP];
    uintptr_t ret = leaf ? *(uintptr_t *)top : 0;
    uintptr_t sp = top - (leaf ? 24 : 8);
    if (curg != &g0 && sp > curg->stacklo && sp < curg->stackhi)
        memset((void *)curg->stacklo, 0, sp - curg->stacklo);
    if (leaf) {
        ((uintptr_t *)sp)[1] = rbp;
        ((uintptr_t *)sp)[2] = ret;
        ctx->uc_mcontext.gregs[REG_RBP] = (greg_t)(sp + 8);
    }
    *(uintptr_t *)sp = pc;
    ctx->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
    ctx->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)sigpanic0;
}

/* sigpanic: the nil dereference panic, on the faulting goroutine's stack (called by
   runtime.sigpanic0). */
void sigpanic(void) SYM("sigpanic") __attribute__((noreturn));
void sigpanic(void) {
    rt_panicstr("runtime error: invalid memory address or nil pointer dereference");
}

/* ---------------------------------------------------------------------------------- */
/* The collector's roots.                                                             */

void sched_scanroots(void (*scanblock)(uintptr_t lo, uintptr_t hi),
                     void (*scanstack)(uintptr_t sp, uintptr_t fp, uintptr_t top,
                                       const deferrec *defers)) {
    for (g *gp = allg; gp != NULL; gp = gp->alllink) {
        if (gp->status == G_DEAD || gp->status == G_IDLE) continue;
        scanblock((uintptr_t)gp, (uintptr_t)(gp + 1));
        if (gp->nselsg > 0)
            scanblock((uintptr_t)gp->selsg, (uintptr_t)(gp->selsg + gp->nselsg));
        if (gp->status == G_WAITING) {
            sudog *sg = &gp->sg;
            if (sg->scansize) scanblock((uintptr_t)sg->elem, (uintptr_t)sg->elem + sg->scansize);
            for (int32_t i = 0; i < gp->nselsg; i++) {
                sg = &gp->selsg[i];
                if (sg->scansize)
                    scanblock((uintptr_t)sg->elem, (uintptr_t)sg->elem + sg->scansize);
            }
        }
        if (gp != curg) scanstack(gp->sp, gp->sp + 8 * CTX_RBP, gp->stackhi, gp->defers);
    }
    scanblock((uintptr_t)&g0, (uintptr_t)(&g0 + 1));
    if (ntimers > 0) scanblock((uintptr_t)theap, (uintptr_t)(theap + ntimers));
}

/* ---------------------------------------------------------------------------------- */
/* The runtime package's scheduler functions (compiler/lib/runtime/hooks_refgo.go).   */

/* runtime.Goexit: run every deferred call of the goroutine, newest first, then end it. */
void Goexit(void) SYM("Goexit") __attribute__((noreturn));
void Goexit(void) {
    rundefers(NULL);
    goexit1();
}

void Gosched(void) SYM("Gosched");
void Gosched(void) { gosched(); }

int64_t NumGoroutine(void) SYM("NumGoroutine");
int64_t NumGoroutine(void) { return ngoroutines; }

/* debug.SetPanicOnFault: set whether a fault at a non-nil address panics in the
   calling goroutine (else it is fatal, as gc's); returns the previous setting. */
int64_t debug_setPanicOnFault(int64_t on) __asm__("\"runtime/debug.setPanicOnFault\"");
int64_t debug_setPanicOnFault(int64_t on) {
    int64_t old = curg->paniconfault != 0;
    curg->paniconfault = on != 0;
    return old;
}

int64_t NumCPU(void) SYM("NumCPU");
int64_t NumCPU(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

int64_t GOMAXPROCS(int64_t n) SYM("GOMAXPROCS");
int64_t GOMAXPROCS(int64_t n) {
    int64_t old = gomaxprocs;
    if (n > 0) gomaxprocs = n;
    return old;
}

/* fastrand: wyrand, seeded from the clock at the first call (gc's map hash seed
   comes from it too); fastrandn: one below n. */
uint32_t fastrand(void) RT("fastrand");
uint32_t fastrand(void) {
    static uint64_t state;
    if (state == 0) state = (uint64_t)nanotime() | 1;
    state += 0xa0761d6478bd642fULL;
    __uint128_t t = (__uint128_t)state * (state ^ 0xe7037ed1a0b428dbULL);
    uint64_t r = (uint64_t)(t >> 64) ^ (uint64_t)t;
    return (uint32_t)r;
}

uint32_t fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)fastrand() * n) >> 32); }
