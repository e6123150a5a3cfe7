/*
 * The refgo runtime: program entry, print/println, panics and runtime errors, memory,
 * strings, slices, maps and interfaces. Compiled once per content hash by
 * compiler/link.py with gcc -O2 -static -fno-omit-frame-pointer into libruntime.a.
 *
 * Every entry point compiled Go code calls is a SysV function whose linker name is gc's
 * (runtime.printint, runtime.panicdivide, ...), set with an asm label. Each Go word of an
 * argument is one integer argument: a string s is passed as (s.ptr, s.len); two-word
 * results come back in %rax:%rdx (a struct of two words). Compiled Go code keeps no
 * values in callee-saved registers, and uses none, so C may call Go code directly.
 * The layout of type descriptors and itabs is documented in docs/internals.md
 * ("Runtime ABI") and mirrored by compiler/walk.py; keep the three in step.
 *
 * Example: `println("x", 1)` compiles to
 *     runtime.printlock(); runtime.printstring(p, 1); runtime.printsp();
 *     runtime.printint(1); runtime.printnl(); runtime.printunlock()
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <ucontext.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "malloc.h"
#include "sched.h"
#include "stackmap.h"
#include <errno.h>

#define RT(name) __asm__("runtime." name)
#define NORET __attribute__((noreturn))

typedef struct { uintptr_t a, b; } pair;

#include "type.h"

/* An interface type descriptor: a type with kind INTERFACE whose methods hold only names. */
typedef struct itab {
    const type *inter;     /* +0 */
    const type *typ;       /* +8 */
    uint32_t hash;         /* +16 */
    uint32_t pad;
    void *fun[];           /* +24 */
} itab;

enum { KIND_BOOL = 1, KIND_INT = 2, KIND_INT8, KIND_INT16, KIND_INT32, KIND_INT64, KIND_UINT,
       KIND_UINT8, KIND_UINT16, KIND_UINT32, KIND_UINT64, KIND_UINTPTR, KIND_FLOAT32,
       KIND_FLOAT64, KIND_COMPLEX64, KIND_COMPLEX128, KIND_ARRAY, KIND_CHAN, KIND_FUNC,
       KIND_INTERFACE, KIND_MAP, KIND_PTR, KIND_SLICE, KIND_STRING, KIND_STRUCT,
       KIND_UNSAFEPTR };

/* ---------------------------------------------------------------------------------- */
/* Output: print/println write to fd 2 through a buffer flushed at exit and at panic.  */

static char outbuf[8192];
static size_t outlen;

static void flush(void) {
    size_t off = 0;
    while (off < outlen) {
        ssize_t n = write(2, outbuf + off, outlen - off);
        if (n <= 0) break;
        off += (size_t)n;
    }
    outlen = 0;
}

static void gwrite(const char *p, size_t n) {
    if (n > sizeof outbuf) { flush(); (void)!write(2, p, n); return; }
    if (outlen + n > sizeof outbuf) flush();
    memcpy(outbuf + outlen, p, n);
    outlen += n;
}

static void puts_(const char *s) { gwrite(s, strlen(s)); }

void printlock(void) RT("printlock");
void printlock(void) {}
void printunlock(void) RT("printunlock");
void printunlock(void) {}

void printsp(void) RT("printsp");
void printsp(void) { gwrite(" ", 1); }
void printnl(void) RT("printnl");
void printnl(void) { gwrite("\n", 1); }

void printuint(uint64_t v) RT("printuint");
void printuint(uint64_t v) {
    char buf[24];
    int i = sizeof buf;
    do { buf[--i] = (char)('0' + v % 10); v /= 10; } while (v);
    gwrite(buf + i, sizeof buf - (size_t)i);
}

void printint(int64_t v) RT("printint");
void printint(int64_t v) {
    if (v < 0) { gwrite("-", 1); printuint(-(uint64_t)v); return; }
    printuint((uint64_t)v);
}

void printbool(int64_t v) RT("printbool");
void printbool(int64_t v) { puts_((v & 0xff) ? "true" : "false"); }

void printstring(const char *p, intptr_t n) RT("printstring");
void printstring(const char *p, intptr_t n) { gwrite(p, (size_t)n); }

void printhex(uint64_t v) RT("printhex");
void printhex(uint64_t v) {
    char buf[24];
    int i = sizeof buf;
    do { buf[--i] = "0123456789abcdef"[v % 16]; v /= 16; } while (v);
    buf[--i] = 'x';
    buf[--i] = '0';
    gwrite(buf + i, sizeof buf - (size_t)i);
}

void printpointer(uint64_t v) RT("printpointer");
void printpointer(uint64_t v) { printhex(v); }

/* gc's format: sign, 7 significant digits, e, sign, three exponent digits. */
static void printfloat64(double v);
static int is_direct(const type *t);
/* Defined in malloc.c (declared again here so every entry point is listed in this file). */
void *mallocgc(uintptr_t size) RT("mallocgc");
void *newobject(const void *typ) RT("newobject");

/* printfloat(bits): compiled code passes the float64's IEEE bits in an integer register. */
void printfloat(uint64_t bits) RT("printfloat");
void printfloat(uint64_t bits) {
    double v;
    memcpy(&v, &bits, sizeof v);
    printfloat64(v);
}

static void printfloat64(double v) {
    if (v != v) { puts_("NaN"); return; }
    if (v + v == v && v > 0) { puts_("+Inf"); return; }
    if (v + v == v && v < 0) { puts_("-Inf"); return; }
    enum { N = 7 };
    char buf[N + 7];
    int e = 0;
    buf[0] = '+';
    if (v == 0) {
        if (1 / v < 0) buf[0] = '-';
    } else {
        if (v < 0) { v = -v; buf[0] = '-'; }
        while (v >= 10) { e++; v /= 10; }
        while (v < 1) { e--; v *= 10; }
        double h = 5.0;
        for (int i = 0; i < N; i++) h /= 10;
        v += h;
        if (v >= 10) { e++; v /= 10; }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) { e = -e; buf[N + 3] = '-'; }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)(e / 10 % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    gwrite(buf, sizeof buf);
}

void printcomplex(uint64_t re, uint64_t im) RT("printcomplex");
void printcomplex(uint64_t re, uint64_t im) {
    gwrite("(", 1); printfloat(re); printfloat(im); gwrite("i)", 2);
}

void printslice(uintptr_t p, intptr_t len, intptr_t cap) RT("printslice");
void printslice(uintptr_t p, intptr_t len, intptr_t cap) {
    gwrite("[", 1); printint(len); gwrite("/", 1); printint(cap); gwrite("]", 1);
    printpointer(p);
}

void printeface(uintptr_t t, uintptr_t d) RT("printeface");
void printeface(uintptr_t t, uintptr_t d) {
    gwrite("(", 1); printhex(t); gwrite(",", 1); printhex(d); gwrite(")", 1);
}

/* ---------------------------------------------------------------------------------- */
/* Panics.                                                                           */

/* The compiler's table of call return addresses (sorted), for tracebacks. A call in an
   inlined body names the inlined function; `parent` (pc 0, not in the table) then
   names its caller at the inlined call's line, and so on outwards. */
typedef struct pcent {
    uintptr_t pc;
    const char *fn;
    const char *file;
    int64_t line;
    const struct pcent *parent;
} pcent;
extern const pcent pctab[] __asm__("runtime.pctab");
extern const int64_t npctab __asm__("runtime.npctab");

static const pcent *findpc(uintptr_t pc) {
    int64_t lo = 0, hi = npctab;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (pctab[mid].pc < pc) lo = mid + 1; else hi = mid;
    }
    return lo < npctab && pctab[lo].pc == pc ? &pctab[lo] : NULL;
}

extern uintptr_t rt_funcentry(uintptr_t pc, int *params);

/* printframe: the frames of record e, the call whose return address is pc (or the
   fault at pc), as gc's traceback prints them: an inlined function's `f(...)` and
   file:line, then the compiled function's, `f()` if it takes no parameters (refgo
   prints no argument words: `f(...)` otherwise), its line followed by pc's offset in
   it (` +0x1d`). */
static void printframe(const pcent *e, uintptr_t pc, int faulted) {
    for (; e != NULL; e = e->parent) {
        int params = 1;
        uintptr_t entry = e->parent == NULL ? rt_funcentry(faulted ? pc : pc - 1, &params) : 0;
        puts_(e->fn); puts_(params ? "(...)\n\t" : "()\n\t"); puts_(e->file); puts_(":");
        printint(e->line);
        if (entry != 0 && pc > entry) { puts_(" +"); printhex(pc - entry); }
        puts_("\n");
    }
}

extern char sigpanic0_ret[] __asm__("runtime.sigpanic0.ret");

static void traceback(uintptr_t *fp) {
    int faulted = 0;
    for (int depth = 0; fp != NULL && depth < 100; depth++) {
        /* above runtime.sigpanic0's frame, the one whose faulting pc it "returns" to */
        const pcent *e = faulted ? rt_faultrecord(fp[1]) : findpc(fp[1]);
        if (e != NULL) printframe(e, fp[1], faulted);
        faulted = fp[1] == (uintptr_t)sigpanic0_ret;
        uintptr_t *next = (uintptr_t *)fp[0];
        if (next <= fp) break;
        fp = next;
    }
}

static const char *sigline;

NORET static void fatalpanic(void) {
    puts_("\n\ngoroutine ");
    printint(curg->id);
    puts_(" [running]:\n");
    /* do NOT print the call site at a faulting frameless leaf's %rsp here: the fault
       handler gives such a leaf a frame record (sched_injectpanic), so the %rbp chain
       already passes through its caller */
    traceback(__builtin_frame_address(0));
    flush();
    _exit(2);
}

void rt_write(const char *p, uintptr_t n) { gwrite(p, n); }
void rt_puts(const char *s) { puts_(s); }
void rt_printint(int64_t v) { printint(v); }
void rt_printhex(uint64_t v) { printhex(v); }
void rt_flush(void) { flush(); }
void rt_traceback(uintptr_t *fp) { traceback(fp); }

void rt_throw(const char *msg) {
    flush();
    puts_("fatal error: ");
    puts_(msg);
    puts_("\n");
    if (curg != &g0) {
        puts_("\ngoroutine ");
        printint(curg->id);
        puts_(" [running]:\n");
        traceback(__builtin_frame_address(0));
    }
    flush();
    _exit(2);
}

void rt_gotraceback(g *gp) {
    puts_("goroutine ");
    printint(gp->id);
    puts_(" [");
    puts_(gp->waitreason ? gp->waitreason : "runnable");
    puts_("]:\n");
    traceback((uintptr_t *)(gp->sp + 8 * CTX_RBP));
}

/* Runtime errors are panics with a runtime.Error value (recoverable, printed through
   its Error method): the boxed value is a string {ptr, len}; the methods are Go-ABI
   asm functions in asm.s. */
extern char rterrError[] __asm__("runtime.rterrError");
extern char rterrRuntimeError[] __asm__("runtime.rterrRuntimeError");
static const method rterr_methods[2] = {
    {"Error() string", 14, rterrError},
    {"RuntimeError()", 14, rterrRuntimeError},
};
static const type rterr_type = {
    .size = 16, .ptrdata = 8, .hash = 0x52545245, .align = 8, .fieldalign = 8,
    .kind = KIND_STRUCT, .eqkind = 1, .name = "runtime.Error", .namelen = 13,
    .methods = rterr_methods, .nmethods = 2,
};

void gopanic(const type *t, void *data) RT("gopanic") NORET;
#define panicstr rt_panicstr

void rt_panicstr(const char *msg) {
    size_t n = strlen(msg);
    char *q = mallocnoscan(n + 1);
    memcpy(q, msg, n);
    intptr_t *box = mallocgc(16);
    box[0] = (intptr_t)q;
    box[1] = (intptr_t)n;
    gopanic(&rterr_type, box);
}

NORET static void panicf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
NORET static void panicf(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    panicstr(buf);
}

void panicdivide(void) RT("panicdivide") NORET;
void panicdivide(void) { panicstr("runtime error: integer divide by zero"); }

void panicshift(void) RT("panicshift") NORET;
void panicshift(void) { panicstr("runtime error: negative shift amount"); }

/* Bounds failures, gc's boundsError texts: x is the index or bound that failed, y what
   it was checked against. A negative signed x is printed without y ("[-5]", "[:-5]"),
   with the neg format; otherwise the pos format takes both. Each check has a twin with
   a U suffix for an x of unsigned type, printed unsigned ("[:18446744073709551615]"). */
NORET static void panicbounds(const char *neg, const char *pos, int64_t x, int64_t y,
                              int sg) {
    char xs[24];
    if (sg && x < 0) {
        snprintf(xs, sizeof xs, "%lld", (long long)x);
        panicf(neg, xs);
    }
    snprintf(xs, sizeof xs, sg ? "%lld" : "%llu", (long long)x);
    panicf(pos, xs, (long long)y);
}

/* The entry points are declared one by one (tests/test_builtin.py reads RT("...") names
   and prototypes from this text); BOUNDS defines each pair's bodies. */
void panicIndex(int64_t x, int64_t y) RT("panicIndex") NORET;
void panicIndexU(int64_t x, int64_t y) RT("panicIndexU") NORET;
void panicSliceAlen(int64_t x, int64_t y) RT("panicSliceAlen") NORET;
void panicSliceAlenU(int64_t x, int64_t y) RT("panicSliceAlenU") NORET;
void panicSliceAcap(int64_t x, int64_t y) RT("panicSliceAcap") NORET;
void panicSliceAcapU(int64_t x, int64_t y) RT("panicSliceAcapU") NORET;
void panicSlice3Alen(int64_t x, int64_t y) RT("panicSlice3Alen") NORET;
void panicSlice3AlenU(int64_t x, int64_t y) RT("panicSlice3AlenU") NORET;
void panicSlice3Acap(int64_t x, int64_t y) RT("panicSlice3Acap") NORET;
void panicSlice3AcapU(int64_t x, int64_t y) RT("panicSlice3AcapU") NORET;
void panicSlice3B(int64_t x, int64_t y) RT("panicSlice3B") NORET;
void panicSlice3BU(int64_t x, int64_t y) RT("panicSlice3BU") NORET;
void panicSlice3C(int64_t x, int64_t y) RT("panicSlice3C") NORET;
void panicSlice3CU(int64_t x, int64_t y) RT("panicSlice3CU") NORET;
void panicSliceB(int64_t x, int64_t y) RT("panicSliceB") NORET;
void panicSliceBU(int64_t x, int64_t y) RT("panicSliceBU") NORET;

#define BOUNDS(name, neg, pos)                                                           \
    void name(int64_t x, int64_t y) { panicbounds(neg, pos, x, y, 1); }                 \
    void name##U(int64_t x, int64_t y) { panicbounds(neg, pos, x, y, 0); }

BOUNDS(panicIndex, "runtime error: index out of range [%s]",
       "runtime error: index out of range [%s] with length %lld")
BOUNDS(panicSliceAlen, "runtime error: slice bounds out of range [:%s]",
       "runtime error: slice bounds out of range [:%s] with length %lld")
BOUNDS(panicSliceAcap, "runtime error: slice bounds out of range [:%s]",
       "runtime error: slice bounds out of range [:%s] with capacity %lld")
BOUNDS(panicSlice3Alen, "runtime error: slice bounds out of range [::%s]",
       "runtime error: slice bounds out of range [::%s] with length %lld")
BOUNDS(panicSlice3Acap, "runtime error: slice bounds out of range [::%s]",
       "runtime error: slice bounds out of range [::%s] with capacity %lld")
BOUNDS(panicSlice3B, "runtime error: slice bounds out of range [:%s:]",
       "runtime error: slice bounds out of range [:%s:%lld]")
BOUNDS(panicSlice3C, "runtime error: slice bounds out of range [%s::]",
       "runtime error: slice bounds out of range [%s:%lld:]")
BOUNDS(panicSliceB, "runtime error: slice bounds out of range [%s:]",
       "runtime error: slice bounds out of range [%s:%lld]")

void panicSliceConvert(int64_t n, int64_t len) RT("panicSliceConvert") NORET;
void panicSliceConvert(int64_t n, int64_t len) {
    panicf("runtime error: cannot convert slice with length %lld to pointer to array with "
           "length %lld", (long long)len, (long long)n);
}


static void printtypename(const type *t) {
    if (t == NULL) puts_("nil"); else gwrite(t->name, (size_t)t->namelen);
}

/* x.(T) failed: `interface conversion: interface {} is string, not int`. Two distinct
   types spelled alike get gc's note: `(types from different packages)` when their
   package paths differ, else `(types from different scopes)` (function-local types). */
void panicdottype(const type *have, const type *want, const type *iface)
    RT("panicdottype") NORET;
void panicdottype(const type *have, const type *want, const type *iface) {
    const char *note = "";
    if (have != NULL && have->namelen == want->namelen &&
        memcmp(have->name, want->name, (size_t)want->namelen) == 0) {
        int samepkg = have->pkgpathlen == want->pkgpathlen && (want->pkgpathlen == 0 ||
                      memcmp(have->pkgpath, want->pkgpath, (size_t)want->pkgpathlen) == 0);
        note = samepkg ? " (types from different scopes)" : " (types from different packages)";
    }
    panicf("interface conversion: %.*s is %.*s, not %.*s%s", (int)iface->namelen, iface->name,
           have ? (int)have->namelen : 3, have ? have->name : "nil", (int)want->namelen,
           want->name, note);
}

/* ---------------------------------------------------------------------------------- */
/* defer, panic, recover. A frame's defers are open-coded (compiler/walk/closure.py):  */
/* each deferred func() closure sits in a frame slot with a bit of the frame's        */
/* deferBits byte set, and the frame's returns call them; a panic finds such frames   */
/* on the %rbp chain by their stack maps (stackmap_opendefers). Or each is a record   */
/* with the frame that deferred it (deferproc), whose exit block runs deferreturn. A  */
/* recovered panic resumes the frame: a record's at its exit block                    */
/* (runtime.recovery in asm.s), an open-coded one by returning from it once its other */
/* deferred calls have run (runtime.openreturn).                                      */

extern pair callmethodstr(void *fn, void *recv) __asm__("runtime.callmethodstr");
extern void recovery(uintptr_t rsp, uintptr_t rbp, uintptr_t pc)
    __asm__("runtime.recovery") NORET;
extern void openreturn(uintptr_t rbp) __asm__("runtime.openreturn") NORET;
extern void deferpanic(void *clo, uintptr_t *argp) __asm__("runtime.deferpanic");
extern void deferpanicopen(void *clo, uintptr_t *argp) __asm__("runtime.deferpanicopen");
extern int isrecoverwrapper(uintptr_t wpc, uintptr_t fpc);
extern void deferreturn1(void *clo) __asm__("runtime.deferreturn1");

void deferproc(void *clo, uintptr_t rbp, uintptr_t rsp, uintptr_t pc) RT("deferproc");
void deferproc(void *clo, uintptr_t rbp, uintptr_t rsp, uintptr_t pc) {
    deferrec *d = mallocgc(sizeof *d);
    d->clo = clo;
    d->rbp = rbp;
    d->rsp = rsp;
    d->pc = pc;
    d->link = curg->defers;
    curg->defers = d;
}

/* deferprocStack(clo, rbp, rsp, pc, d): deferproc with the record d in the deferring
   frame (a defer that runs at most once per call: ir.DeferProc.record). */
void deferprocStack(void *clo, uintptr_t rbp, uintptr_t rsp, uintptr_t pc, deferrec *d)
    RT("deferprocStack");
void deferprocStack(void *clo, uintptr_t rbp, uintptr_t rsp, uintptr_t pc, deferrec *d) {
    _Static_assert(sizeof(deferrec) == 48, "ir.DEFER_RECORD");
    d->clo = clo;
    d->rbp = rbp;
    d->rsp = rsp;
    d->pc = pc;
    d->started = 0;
    d->link = curg->defers;
    curg->defers = d;
}

/* findopen: the innermost compiled frame on the %rbp chain above this one with
   open-coded defers pending (deferBits not 0): its %rbp, and its stack maps' words
   {n, deferBits offset, slot offsets} in *od. 0 if there is none. */
static __attribute__((noinline)) uintptr_t findopen(const int64_t **od) {
    uintptr_t *fp = __builtin_frame_address(0);
    for (int64_t depth = 0; depth < 1000000; depth++) {
        uintptr_t *next = (uintptr_t *)fp[0];
        if (next <= fp || (curg != &g0 && (uintptr_t)next >= curg->stackhi)) break;
        const int64_t *o = stackmap_opendefers(fp[1]);
        if (o != NULL && *(uint8_t *)((uintptr_t)next + (uintptr_t)o[1]) != 0) {
            *od = o;
            return (uintptr_t)next;
        }
        fp = next;
    }
    return 0;
}

/* runopen(fp, od): call the newest pending open-coded defer of frame fp, clearing its
   bit first (as the frame's own exit code does); 0 if none is left. */
static int runopen(uintptr_t fp, const int64_t *od, uintptr_t *argp) {
    uint8_t *bits = (uint8_t *)(fp + (uintptr_t)od[1]);
    if (*bits == 0) return 0;
    int k = 7;
    while (!(*bits >> k & 1)) k--;
    *bits &= (uint8_t)~(1u << k);
    deferpanicopen(*(void **)(fp + (uintptr_t)od[2 + k]), argp);
    return 1;
}

/* rundefers(p): run the goroutine's pending deferred calls, innermost frame first and
   newest first within a frame. With p (a panic in progress), a call that recovers p
   resumes the frame that deferred it and never returns here. */
void rundefers(panicrec *p) {
    for (;;) {
        const int64_t *od = NULL;
        volatile uintptr_t ofp = findopen(&od);  /* in memory: newstack adjusts it */
        deferrec *d = curg->defers;
        if (d != NULL && d->started) { /* an earlier panic's call, abandoned by this one */
            curg->defers = d->link;
            continue;
        }
        if (ofp != 0 && (d == NULL || ofp < d->rbp)) {
            runopen(ofp, od, p != NULL ? &p->argp : NULL);
            if (p != NULL && p->recovered) {
                curg->panics = p->link;
                while (runopen(ofp, od, NULL)) {}
                openreturn(ofp);
            }
            continue;
        }
        if (d == NULL) return;
        d->started = 1;
        deferpanic(d->clo, p != NULL ? &p->argp : NULL);
        curg->defers = d->link;
        if (p != NULL && p->recovered) {
            curg->panics = p->link;
            recovery(d->rsp, d->rbp, d->pc);
        }
    }
}

/* deferreturn(rbp): run the deferred calls of the returning frame, newest first. */
void deferreturn(uintptr_t rbp) RT("deferreturn");
void deferreturn(uintptr_t rbp) {
    while (curg->defers != NULL && curg->defers->rbp == rbp) {
        deferrec *d = curg->defers;
        curg->defers = d->link;
        deferreturn1(d->clo);
    }
}

/* recoverat(argp, fpc): recover() in the function whose argument pointer (its caller's
   %rsp at the call) is argp, and which holds pc fpc (0: unknown): the current panic's
   value, stopping it, when that function is the deferred call the panic runs, directly
   or through a wrapper (gc's p.argp check); else nil. */
static pair recoverat(uintptr_t argp, uintptr_t fpc) {
    pair out = {0, 0};
    panicrec *p = curg->panics;
    if (p == NULL || p->recovered || p->argp == 0) return out;
    for (int depth = 0; argp != p->argp; depth++) {
        const uintptr_t *a = (const uintptr_t *)argp;
        if (depth == 4 || fpc == 0 || !isrecoverwrapper(a[-1], fpc)) return out;
        argp = a[-2] + 16;
        fpc = a[-1];
    }
    p->recovered = 1;
    out.a = (uintptr_t)p->t;
    out.b = (uintptr_t)p->data;
    return out;
}

/* gorecover: recover() called by compiled code, for the calling function. */
pair gorecover(void) RT("gorecover");
pair gorecover(void) {
    const uintptr_t *fp = __builtin_frame_address(0);
    return recoverat(fp[0] + 16, fp[1]);
}

/* gorecoverfp(argp): recover() for the function whose argument pointer is argp, taken
   by recoverfp when `defer recover()` was executed (gc's ORECOVERFP). */
pair gorecoverfp(uintptr_t argp) RT("gorecoverfp");
pair gorecoverfp(uintptr_t argp) { return recoverat(argp, 0); }

/* recoverfp: the calling function's argument pointer. */
uintptr_t recoverfp(void) RT("recoverfp");
uintptr_t recoverfp(void) { return ((const uintptr_t *)__builtin_frame_address(0))[0] + 16; }

static void *findmethod(const type *t, const char *key) {
    size_t n = strlen(key);
    for (intptr_t i = 0; i < t->nmethods; i++)
        if ((size_t)t->methods[i].namelen == n && memcmp(t->methods[i].name, key, n) == 0)
            return t->methods[i].fn;
    return NULL;
}

static int named(const type *t) {
    return t->namelen > 0 && memchr(t->name, '.', (size_t)t->namelen) != NULL &&
           t->name[0] != '*' && t->name[0] != '[' && t->name[0] != 'm';
}

/* printpanicval: gc's forms: v.Error(), v.String(), 5, str, main.E(5), main.S("x"),
   or (T) 0xADDR. */
static void printpanicval(const type *t, void *data) {
    if (t == NULL) { puts_("nil"); return; }
    void *fn = findmethod(t, "Error() string");
    if (fn == NULL) fn = findmethod(t, "String() string");
    if (fn != NULL) {
        pair s = callmethodstr(fn, data);
        gwrite((const char *)s.a, (size_t)s.b);
        return;
    }
    void *p = is_direct(t) ? (void *)&data : data;
    int nm = named(t) && t->kind != KIND_STRUCT && t->kind != KIND_ARRAY &&
             t->kind != KIND_SLICE && t->kind != KIND_MAP && t->kind != KIND_PTR &&
             t->kind != KIND_FUNC && t->kind != KIND_INTERFACE;
    if (nm) { printtypename(t); puts_(t->kind == KIND_STRING ? "(\"" : "("); }
    switch (t->kind) {
    case KIND_STRING: {
        const intptr_t *s = p;
        gwrite((const char *)s[0], (size_t)s[1]);
        break;
    }
    case KIND_BOOL: printbool(*(uint8_t *)p); break;
    case KIND_INT: case KIND_INT64: printint(*(int64_t *)p); break;
    case KIND_INT32: printint(*(int32_t *)p); break;
    case KIND_INT16: printint(*(int16_t *)p); break;
    case KIND_INT8: printint(*(int8_t *)p); break;
    case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: printuint(*(uint64_t *)p); break;
    case KIND_UINT32: printuint(*(uint32_t *)p); break;
    case KIND_UINT16: printuint(*(uint16_t *)p); break;
    case KIND_UINT8: printuint(*(uint8_t *)p); break;
    case KIND_FLOAT64: printfloat64(*(double *)p); break;
    case KIND_FLOAT32: printfloat64(*(float *)p); break;
    default:
        puts_("(");
        printtypename(t);
        puts_(") ");
        printhex((uint64_t)(uintptr_t)data);
        return;
    }
    if (nm) puts_(t->kind == KIND_STRING ? "\")" : ")");
}

/* panic(v) with v an interface{} {typ, data}: run deferred calls newest first; a
   recover() in one of them resumes the frame that deferred it. Otherwise print the
   panic chain like gc and exit 2. */
void gopanic(const type *t, void *data) {
    panicrec *p = mallocgc(sizeof *p);
    p->link = curg->panics;
    p->t = t;
    p->data = data;
    curg->panics = p;
    rundefers(p);
    flush();
    panicrec *chain[64];
    int n = 0;
    for (panicrec *q = p; q != NULL && n < 64; q = q->link) chain[n++] = q;
    for (int i = n - 1; i >= 0; i--) {
        puts_(i == n - 1 ? "panic: " : "\tpanic: ");
        printpanicval(chain[i]->t, chain[i]->data);
        if (chain[i]->recovered) puts_(" [recovered]");
        if (i > 0) puts_("\n");
    }
    if (sigline != NULL && p->t == &rterr_type) { puts_("\n"); puts_(sigline); }
    fatalpanic();
}

static void segv(int sig, siginfo_t *info, void *uc) {
    static char line[160];
    ucontext_t *ctx = uc;
    uintptr_t pc = (uintptr_t)ctx->uc_mcontext.gregs[REG_RIP];
    uintptr_t addr = (uintptr_t)info->si_addr;
    gc_sigsp = (uintptr_t)ctx->uc_mcontext.gregs[REG_RSP];
    const char *name = sig == SIGBUS ? "SIGBUS: bus error" : "SIGSEGV: segmentation violation";
    snprintf(line, sizeof line, "[signal %s code=%#x addr=%#lx pc=%#lx]", name,
             (unsigned)info->si_code, (unsigned long)addr, (unsigned long)pc);
    if (addr == 0) snprintf(line, sizeof line, "[signal %s code=%#x addr=0x0 pc=%#lx]", name,
                            (unsigned)info->si_code, (unsigned long)pc);
    if (addr >= 4096 && !curg->paniconfault) {
        flush();
        puts_("unexpected fault address ");
        printhex(addr);
        puts_("\nfatal error: fault\n");
        puts_(line);
        fatalpanic();
    }
    sigline = line;
    sched_injectpanic(uc);
}

/* Memory: compiler/runtime/malloc.c (mallocgc, newobject, the collector). */

/* ---------------------------------------------------------------------------------- */
/* Strings and slices.                                                               */

pair concatstring2(const char *a, intptr_t an, const char *b, intptr_t bn)
    RT("concatstring2");
pair concatstring2(const char *a, intptr_t an, const char *b, intptr_t bn) {
    pair r = {0, 0};
    if (an == 0) { r.a = (uintptr_t)b; r.b = (uintptr_t)bn; return r; }
    if (bn == 0) { r.a = (uintptr_t)a; r.b = (uintptr_t)an; return r; }
    char *p = mallocnoscan((uintptr_t)(an + bn));
    memcpy(p, a, (size_t)an);
    memcpy(p + an, b, (size_t)bn);
    r.a = (uintptr_t)p;
    r.b = (uintptr_t)(an + bn);
    return r;
}

/* s[0] + ... + s[n-1] (gc's concatstrings for more than five operands; refgo never
   passes a stack buffer): an operand that is the only non-empty one is the result. */
typedef struct { const char *ptr; intptr_t len; } strhdr;
pair concatstrings(void *buf, const strhdr *s, intptr_t n, intptr_t cap)
    RT("concatstrings");
pair concatstrings(void *buf, const strhdr *s, intptr_t n, intptr_t cap) {
    (void)buf;
    (void)cap;
    pair r = {0, 0};
    intptr_t total = 0, nonempty = 0, last = 0;
    for (intptr_t i = 0; i < n; i++) {
        if (s[i].len == 0) continue;
        total += s[i].len;
        nonempty++;
        last = i;
    }
    if (nonempty == 0) return r;
    if (nonempty == 1) {
        r.a = (uintptr_t)s[last].ptr;
        r.b = (uintptr_t)s[last].len;
        return r;
    }
    char *p = mallocnoscan((uintptr_t)total);
    char *q = p;
    for (intptr_t i = 0; i < n; i++) {
        if (s[i].len == 0) continue;
        memcpy(q, s[i].ptr, (size_t)s[i].len);
        q += s[i].len;
    }
    r.a = (uintptr_t)p;
    r.b = (uintptr_t)total;
    return r;
}

int64_t cmpstring(const char *a, intptr_t an, const char *b, intptr_t bn) RT("cmpstring");
int64_t cmpstring(const char *a, intptr_t an, const char *b, intptr_t bn) {
    intptr_t n = an < bn ? an : bn;
    int c = n ? memcmp(a, b, (size_t)n) : 0;
    if (c != 0) return c < 0 ? -1 : 1;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

int64_t memequal(const void *a, const void *b, uintptr_t n) RT("memequal");
int64_t memequal(const void *a, const void *b, uintptr_t n) {
    return a == b || memcmp(a, b, n) == 0;
}

static intptr_t encoderune(char *p, int32_t r) {
    uint32_t c = (uint32_t)r;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) { p[0] = (char)c; return 1; }
    if (c < 0x800) { p[0] = (char)(0xC0 | c >> 6); p[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        p[0] = (char)(0xE0 | c >> 12); p[1] = (char)(0x80 | (c >> 6 & 0x3F));
        p[2] = (char)(0x80 | (c & 0x3F)); return 3;
    }
    p[0] = (char)(0xF0 | c >> 18); p[1] = (char)(0x80 | (c >> 12 & 0x3F));
    p[2] = (char)(0x80 | (c >> 6 & 0x3F)); p[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

pair intstring(int64_t v) RT("intstring");
pair intstring(int64_t v) {
    char *p = mallocnoscan(4);
    int32_t r = (v < 0 || v > 0x10FFFF) ? 0xFFFD : (int32_t)v;
    pair out = {(uintptr_t)p, (uintptr_t)encoderune(p, r)};
    return out;
}

/* decoderune(s, k): the rune at s[k:] and the index after it (RuneError width 1). */
pair decoderune(const uint8_t *s, intptr_t n, intptr_t k) RT("decoderune");
pair decoderune(const uint8_t *s, intptr_t n, intptr_t k) {
    pair out = {0xFFFD, (uintptr_t)(k + 1)};
    uint32_t c = s[k];
    intptr_t left = n - k;
    if (c < 0x80) { out.a = c; return out; }
    if (c >= 0xC2 && c <= 0xDF && left >= 2 && (s[k + 1] & 0xC0) == 0x80) {
        out.a = (c & 0x1F) << 6 | (s[k + 1] & 0x3F);
        out.b = (uintptr_t)(k + 2);
        return out;
    }
    if (c >= 0xE0 && c <= 0xEF && left >= 3 && (s[k + 1] & 0xC0) == 0x80 &&
        (s[k + 2] & 0xC0) == 0x80) {
        uint32_t r = (c & 0x0F) << 12 | (uint32_t)(s[k + 1] & 0x3F) << 6 | (s[k + 2] & 0x3F);
        if (r >= 0x800 && (r < 0xD800 || r > 0xDFFF)) { out.a = r; out.b = (uintptr_t)(k + 3); }
        return out;
    }
    if (c >= 0xF0 && c <= 0xF4 && left >= 4 && (s[k + 1] & 0xC0) == 0x80 &&
        (s[k + 2] & 0xC0) == 0x80 && (s[k + 3] & 0xC0) == 0x80) {
        uint32_t r = (c & 0x07) << 18 | (uint32_t)(s[k + 1] & 0x3F) << 12 |
                     (uint32_t)(s[k + 2] & 0x3F) << 6 | (s[k + 3] & 0x3F);
        if (r >= 0x10000 && r <= 0x10FFFF) { out.a = r; out.b = (uintptr_t)(k + 4); }
    }
    return out;
}

pair slicebytetostring(const char *p, intptr_t n) RT("slicebytetostring");
pair slicebytetostring(const char *p, intptr_t n) {
    char *q = mallocnoscan((uintptr_t)n);
    if (n) memcpy(q, p, (size_t)n);
    pair out = {(uintptr_t)q, (uintptr_t)n};
    return out;
}

pair slicerunetostring(const int32_t *p, intptr_t n) RT("slicerunetostring");
pair slicerunetostring(const int32_t *p, intptr_t n) {
    char *q = mallocnoscan((uintptr_t)(4 * n + 1));
    intptr_t k = 0;
    for (intptr_t i = 0; i < n; i++) k += encoderune(q + k, p[i]);
    pair out = {(uintptr_t)q, (uintptr_t)k};
    return out;
}

pair stringtoslicerune(const uint8_t *p, intptr_t n) RT("stringtoslicerune");
pair stringtoslicerune(const uint8_t *p, intptr_t n) {
    int32_t *q = mallocnoscan((uintptr_t)(4 * n + 4));
    intptr_t k = 0, cnt = 0;
    while (k < n) {
        pair r = decoderune(p, n, k);
        q[cnt++] = (int32_t)r.a;
        k = (intptr_t)r.b;
    }
    pair out = {(uintptr_t)q, (uintptr_t)cnt};
    return out;
}

void *stringtoslicebyte(const char *p, intptr_t n) RT("stringtoslicebyte");
void *stringtoslicebyte(const char *p, intptr_t n) {
    char *q = mallocnoscan((uintptr_t)n);
    if (n) memcpy(q, p, (size_t)n);
    return q;
}

void *makeslice(const type *et, int64_t len, int64_t cap) RT("makeslice");
void *makeslice(const type *et, int64_t len, int64_t cap) {
    uintptr_t elemsize = et->size;
    uint64_t max = elemsize ? ((uint64_t)1 << 40) / elemsize : (uint64_t)INT64_MAX;
    if (len < 0 || (uint64_t)len > max) panicstr("runtime error: makeslice: len out of range");
    if (cap < len || (uint64_t)cap > max)
        panicstr("runtime error: makeslice: cap out of range");
    return newarray(et, (uintptr_t)cap);
}

/* unsafeslice: unsafe.Slice's checks of len elements of elemsize bytes at ptr, with
   gc's panics: a negative len, or elements that would not fit above ptr (any at nil). */
void unsafeslice(uintptr_t elemsize, uintptr_t ptr, int64_t len) RT("unsafeslice");
void unsafeslice(uintptr_t elemsize, uintptr_t ptr, int64_t len) {
    if (len < 0) panicstr("runtime error: unsafe.Slice: len out of range");
    unsigned __int128 mem = (unsigned __int128)elemsize * (uint64_t)len;
    if (mem > (unsigned __int128)(uintptr_t)(0 - ptr)) {
        if (ptr == 0) panicstr("runtime error: unsafe.Slice: ptr is nil and len is not zero");
        panicstr("runtime error: unsafe.Slice: len out of range");
    }
}

extern char zerobase[16] __asm__("runtime.zerobase");

/* growslice: a new backing array for at least newlen elements holding the old ones;
   returns (ptr, cap). */
pair growslice(const type *et, const void *old, int64_t oldlen, int64_t oldcap,
               int64_t newlen) RT("growslice");
pair growslice(const type *et, const void *old, int64_t oldlen, int64_t oldcap,
               int64_t newlen) {
    uintptr_t elemsize = et->size;
    if (newlen < oldcap) panicstr("runtime error: growslice: cap out of range"); /* overflow */
    if (elemsize == 0) {
        pair z = {(uintptr_t)zerobase, (uintptr_t)newlen};
        return z;
    }
    int64_t cap = oldcap;
    int64_t dbl = cap + cap;
    if (newlen > dbl) {
        cap = newlen;
    } else if (oldcap < 256) {
        cap = dbl;
    } else {
        while (cap < newlen) cap += (cap + 3 * 256) / 4;
    }
    if (cap == 0) cap = newlen;
    if ((uint64_t)cap > ((uint64_t)1 << 40) / elemsize)
        panicstr("runtime error: growslice: cap out of range");
    void *p = newarray(et, (uintptr_t)cap);
    if (oldlen) memmove(p, old, elemsize * (uintptr_t)oldlen);
    pair out = {(uintptr_t)p, (uintptr_t)cap};
    return out;
}

void typedmemmove(void *dst, const void *src, uintptr_t n) RT("memmove");
void typedmemmove(void *dst, const void *src, uintptr_t n) { memmove(dst, src, n); }

/* ---------------------------------------------------------------------------------- */
/* Interfaces.                                                                       */

#define V4(n) (n), (n) + 1, (n) + 2, (n) + 3
#define V16(n) V4(n), V4((n) + 4), V4((n) + 8), V4((n) + 12)
#define V64(n) V16(n), V16((n) + 16), V16((n) + 32), V16((n) + 48)
/* gc's staticuint64s: the data word of a boxed small value points in here. */
static const uint64_t staticuint64s[256] = {V64(0), V64(64), V64(128), V64(192)};

extern char zerobase[16] __asm__("runtime.zerobase");

/* The data word of an interface holding an escaping value, gc 1.19's entry points
   (walk picks one by the value's type, as gc's dataWordFuncName does): convT and
   convTnoptr copy the t at *elem to the heap; convT16/32/64 take a small pointer-free
   value, which below 256 points into staticuint64s; convTstring/convTslice take a
   string or slice header, which when empty (nil) points at zerobase. Nothing writes
   through a data word. */
void *convT(const type *t, const void *elem) RT("convT");
void *convT(const type *t, const void *elem) {
    void *p = newobject(t);
    memcpy(p, elem, t->size);
    return p;
}

void *convTnoptr(const type *t, const void *elem) RT("convTnoptr");
void *convTnoptr(const type *t, const void *elem) { return convT(t, elem); }

static void *convsmall(uint64_t v, uintptr_t size) {
    if (v < 256) return (void *)&staticuint64s[v];
    void *p = mallocnoscan(size);
    memcpy(p, &v, size);
    return p;
}

void *convT16(uint16_t v) RT("convT16");
void *convT16(uint16_t v) { return convsmall(v, 2); }

void *convT32(uint32_t v) RT("convT32");
void *convT32(uint32_t v) { return convsmall(v, 4); }

void *convT64(uint64_t v) RT("convT64");
void *convT64(uint64_t v) { return convsmall(v, 8); }

void *convTstring(const char *p, intptr_t len) RT("convTstring");
void *convTstring(const char *p, intptr_t len) {
    if (len == 0) return zerobase;
    void **s = mallocgc(16);
    s[0] = (void *)p;
    s[1] = (void *)len;
    return s;
}

void *convTslice(void *p, intptr_t len, intptr_t cap) RT("convTslice");
void *convTslice(void *p, intptr_t len, intptr_t cap) {
    if (p == NULL) return zerobase;
    void **s = mallocgc(24);
    s[0] = p;
    s[1] = (void *)len;
    s[2] = (void *)cap;
    return s;
}

static int namecmp(const method *a, const method *b) {
    intptr_t n = a->namelen < b->namelen ? a->namelen : b->namelen;
    int c = memcmp(a->name, b->name, (size_t)n);
    if (c != 0) return c;
    return a->namelen < b->namelen ? -1 : a->namelen > b->namelen;
}

/* A cache of dynamically built itabs: open addressing on (inter, type). */
enum { ITABS = 1024 };
static itab *itabcache[ITABS];

/* Pairs known not to implement, with the first missing method: a failing comma-ok
   assertion in a loop costs a lookup, neither a method walk nor an allocation. Full
   tables simply stop caching. */
enum { NEGS = 1024 };
static struct negitab {
    const type *inter, *typ;
    const method *miss;
} negcache[NEGS];

/* firstmissing: the first method of inter that t lacks, or NULL when t implements it;
   fun, when not NULL, receives the methods. Both method lists are in one order, gc's
   (typ.name_order: by name, then a non-exported name's package by height in the
   import graph, which the keys do not show), so one forward scan finds each, as gc's
   itab.init does. */
static const method *firstmissing(const type *inter, const type *t, void **fun) {
    intptr_t j = 0;
    for (intptr_t i = 0; i < inter->nmethods; i++) {
        const method *want = &inter->methods[i];
        while (j < t->nmethods && namecmp(&t->methods[j], want) != 0) j++;
        if (j >= t->nmethods) return want;
        if (fun != NULL && t->methods[j].fn == NULL)
            rt_throw("itab of a method the linker dropped (compiler/linkweak.py)");
        if (fun != NULL) fun[i] = t->methods[j].fn;
    }
    return NULL;
}

/* getitab: the itab for (inter, t), or NULL with *missing set to the first missing
   method when t does not implement inter. */
static itab *getitab(const type *inter, const type *t, const method **missing) {
    uintptr_t h = ((uintptr_t)inter * 31 + (uintptr_t)t) >> 4;
    for (uintptr_t i = 0; i < ITABS; i++) {
        itab *m = itabcache[(h + i) % ITABS];
        if (m == NULL) break;
        if (m->inter == inter && m->typ == t) return m;
    }
    for (uintptr_t i = 0; i < NEGS; i++) {
        struct negitab *n = &negcache[(h + i) % NEGS];
        if (n->inter == NULL) break;
        if (n->inter == inter && n->typ == t) {
            *missing = n->miss;
            return NULL;
        }
    }
    const method *miss = firstmissing(inter, t, NULL);
    if (miss != NULL) {
        for (uintptr_t i = 0; i < NEGS; i++) {
            struct negitab *n = &negcache[(h + i) % NEGS];
            if (n->inter == NULL) {
                n->inter = inter, n->typ = t, n->miss = miss;
                break;
            }
        }
        *missing = miss;
        return NULL;
    }
    itab *m = mallocgc(sizeof(itab) + (size_t)inter->nmethods * sizeof(void *));
    m->inter = inter;
    m->typ = t;
    m->hash = t->hash;
    firstmissing(inter, t, m->fun);
    for (uintptr_t i = 0; i < ITABS; i++) {
        if (itabcache[(h + i) % ITABS] == NULL) { itabcache[(h + i) % ITABS] = m; break; }
    }
    return m;
}

NORET static void panicmissing(const type *t, const type *inter, const method *miss) {
    int n = 0;
    while (n < miss->namelen && miss->name[n] != '(' && miss->name[n] != ' ') n++;
    panicf("interface conversion: %.*s is not %.*s: missing method %.*s", (int)t->namelen,
           t->name, (int)inter->namelen, inter->name, n, miss->name);
}

/* assertE2I: the itab for converting a value of dynamic type t to inter; panics when
   t is nil (`interface conversion: interface is nil, not main.I`) or lacks a method. */
itab *assertE2I(const type *inter, const type *t, const type *src) RT("assertE2I");
itab *assertE2I(const type *inter, const type *t, const type *src) {
    (void)src;
    if (t == NULL)
        panicf("interface conversion: interface is nil, not %.*s", (int)inter->namelen,
               inter->name);
    const method *miss = NULL;
    itab *m = getitab(inter, t, &miss);
    if (m == NULL) panicmissing(t, inter, miss);
    return m;
}

/* assertE2I2: like assertE2I but NULL when t is nil or does not implement inter. */
itab *assertE2I2(const type *inter, const type *t) RT("assertE2I2");
itab *assertE2I2(const type *inter, const type *t) {
    if (t == NULL) return NULL;
    const method *miss = NULL;
    return getitab(inter, t, &miss);
}

/* convI2I: the itab for an interface value of dynamic type t converted to inter (nil
   stays nil). The caller has checked at compile time that the conversion is valid. */
itab *convI2I(const type *inter, const type *t) RT("convI2I");
itab *convI2I(const type *inter, const type *t) {
    if (t == NULL) return NULL;
    const method *miss = NULL;
    itab *m = getitab(inter, t, &miss);
    if (m == NULL) panicmissing(t, inter, miss);
    return m;
}

static int64_t efaceeq_(const type *t, void *x, void *y);
static int64_t valeq(const type *t, void *x, void *y);

/* efaceeq(t, x, y): whether two interface data words of the same dynamic type t are
   equal; panics for uncomparable types, as gc does. */
int64_t efaceeq(const type *t, void *x, void *y) RT("efaceeq");
int64_t efaceeq(const type *t, void *x, void *y) { return efaceeq_(t, x, y); }

static int is_direct(const type *t) {
    return t->kind == KIND_PTR || t->kind == KIND_MAP || t->kind == KIND_FUNC ||
           t->kind == KIND_UNSAFEPTR || t->kind == KIND_CHAN || (t->tflag & 1) != 0;
}

/* valeq: whether the values of type t at x and y are equal (Go's ==). */
static int64_t valeq(const type *t, void *x, void *y) {
    switch (t->eqkind) {
    case 0: return memcmp(x, y, t->size) == 0;
    case 1: {
        const intptr_t *a = x, *b = y;
        return a[1] == b[1] && memcmp((void *)a[0], (void *)b[0], (size_t)a[1]) == 0;
    }
    case 2: {
        void **ea = x, **eb = y;
        const type *da = ea[0], *db = eb[0];
        if (t->nmethods > 0) {
            if (da != NULL) da = ((const itab *)ea[0])->typ;
            if (db != NULL) db = ((const itab *)eb[0])->typ;
        }
        if (da != db) return 0;
        if (da == NULL) return 1;
        return efaceeq_(da, ea[1], eb[1]);
    }
    case 3:
        if (t->size == 4) return *(float *)x == *(float *)y;
        return *(double *)x == *(double *)y;
    case 5:
        /* gc's order (compare.EqStruct): leaves up to an interface leaf (which may
           panic, so compared in its place) form a group whose string lengths and other
           leaves are compared before any string's bytes */
        for (intptr_t i = 0, j; i < t->neqfields; i = j + 1) {
            for (j = i; j < t->neqfields && t->eqfields[j].t->eqkind != 2; j++) {
                const eqfield *f = &t->eqfields[j];
                const char *a = (const char *)x + f->off, *b = (const char *)y + f->off;
                if (f->t->eqkind == 1 ? ((const intptr_t *)a)[1] != ((const intptr_t *)b)[1]
                                      : !valeq(f->t, (void *)a, (void *)b))
                    return 0;
            }
            for (intptr_t k = i; k < j; k++) {
                const eqfield *f = &t->eqfields[k];
                if (f->t->eqkind == 1 &&
                    !valeq(f->t, (char *)x + f->off, (char *)y + f->off))
                    return 0;
            }
            if (j < t->neqfields && !valeq(t->eqfields[j].t, (char *)x + t->eqfields[j].off,
                                           (char *)y + t->eqfields[j].off))
                return 0;
        }
        return 1;
    default:
        panicf("runtime error: comparing uncomparable type %.*s", (int)t->namelen, t->name);
    }
}

static int64_t efaceeq_(const type *t, void *x, void *y) {
    if (t == NULL) return 1;
    if (t->eqkind == 4) return valeq(t, x, y);
    if (is_direct(t)) return x == y;
    return valeq(t, x, y);
}

/* ---------------------------------------------------------------------------------- */
/* Maps: chained hashing over (key, elem) cells; iteration in insertion order.       */

typedef struct cell { struct cell *next, *order, *prev; uint64_t hash, dead; } cell;
typedef struct hmap {
    int64_t count;        /* +0: len(m) reads this word */
    const type *key;
    uintptr_t elemsize;
    uintptr_t nbuckets;
    cell **buckets;
    cell *first, *last;
    uint64_t hash0;       /* the seed, mixed into every key's hash */
} hmap;

#define CELLKEY(c) ((char *)(c) + sizeof(cell))
#define CELLELEM(m, c) (CELLKEY(c) + (((m)->key->size + 7) & ~(uintptr_t)7))

static const char zeroval[1024];
char zerobase[16] __asm__("runtime.zerobase");
char zerobase[16];

static uint64_t memhash(const void *p, uintptr_t n, uint64_t h) {
    const uint8_t *b = p;
    for (uintptr_t i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ULL; }
    return h;
}

static uint64_t hashkey(const type *t, const void *k) {
    uint64_t h = 14695981039346656037ULL;
    switch (t->eqkind) {
    case 1: {
        const intptr_t *s = k;
        return memhash((const void *)s[0], (uintptr_t)s[1], h);
    }
    case 2: {
        const type *const *e = k;
        const type *dt = e[0];
        if (dt == NULL) return h;
        if (t->kind == KIND_INTERFACE && t->nmethods > 0 && dt != NULL)
            dt = ((const itab *)dt)->typ;
        if (is_direct(dt)) return memhash(&e[1], 8, h ^ dt->hash);
        if (dt->eqkind == 4)
            panicf("runtime error: hash of unhashable type %.*s", (int)dt->namelen, dt->name);
        return hashkey(dt, e[1]) ^ dt->hash;
    }
    case 3: {
        double d = t->size == 4 ? *(const float *)k : *(const double *)k;
        static uint64_t nanseq;
        if (d != d) return memhash(&nanseq, 8, h ^ ++nanseq); /* NaN != NaN: spread them */
        if (d == 0) d = 0;
        return memhash(&d, 8, h);
    }
    case 5:
        for (intptr_t i = 0; i < t->neqfields; i++)
            h = h * 31 + hashkey(t->eqfields[i].t, (const char *)k + t->eqfields[i].off);
        return h;
    default:
        return memhash(k, t->size, h);
    }
}

int64_t typedeq(const type *t, void *x, void *y) RT("typedeq");
int64_t typedeq(const type *t, void *x, void *y) { return valeq(t, x, y); }

static int keyeq(const type *t, void *a, void *b) { return (int)valeq(t, a, b); }

/* makemap: a map whose header is h (zeroed; walk's stack header of a make(map) that
   does not escape, as gc's makemap(t, hint, h)) or a fresh heap one (h NULL). The
   buckets come with the first insertion. Walk initializes a stack header for a small
   constant hint itself, as gc does: key, elemsize and hash0 = fastrand(). */
void *makemap(const type *key, uintptr_t elemsize, hmap *h) RT("makemap");
void *makemap(const type *key, uintptr_t elemsize, hmap *h) {
    hmap *m = h != NULL ? h : mallocgc(sizeof(hmap));
    m->key = key;
    m->elemsize = elemsize;
    m->hash0 = fastrand();
    return m;
}

static uint64_t maphash(hmap *m, void *key) { return hashkey(m->key, key) ^ m->hash0; }

static cell *mapfind(hmap *m, void *key, uint64_t h) {
    if (m->nbuckets == 0) return NULL;
    for (cell *c = m->buckets[h & (m->nbuckets - 1)]; c != NULL; c = c->next)
        if (c->hash == h && keyeq(m->key, CELLKEY(c), key)) return c;
    return NULL;
}

/* mapaccess1: a pointer to m[key]'s element, or to zeroed memory when absent. */
void *mapaccess1(hmap *m, void *key) RT("mapaccess1");
void *mapaccess1(hmap *m, void *key) {
    if (m == NULL || m->count == 0) {
        if (m != NULL) (void)maphash(m, key);
        return (void *)zeroval;
    }
    cell *c = mapfind(m, key, maphash(m, key));
    return c ? CELLELEM(m, c) : (void *)zeroval;
}

pair mapaccess2(hmap *m, void *key) RT("mapaccess2");
pair mapaccess2(hmap *m, void *key) {
    pair out = {(uintptr_t)zeroval, 0};
    if (m == NULL || m->count == 0) {
        if (m != NULL) (void)maphash(m, key); /* an unhashable key panics (gc's issue 23734) */
        return out;
    }
    cell *c = mapfind(m, key, maphash(m, key));
    if (c) { out.a = (uintptr_t)CELLELEM(m, c); out.b = 1; }
    return out;
}

void *mapassign(hmap *m, void *key) RT("mapassign");
void *mapassign(hmap *m, void *key) {
    if (m == NULL) panicstr("assignment to entry in nil map");
    uint64_t h = maphash(m, key);
    cell *c = mapfind(m, key, h);
    if (c) {
        /* gc's needkeyupdate: an equal key may differ (a string's data, +0 and -0) */
        memcpy(CELLKEY(c), key, m->key->size);
        return CELLELEM(m, c);
    }
    if ((uintptr_t)m->count >= m->nbuckets) {
        uintptr_t nb = m->nbuckets ? m->nbuckets * 2 : 8;
        cell **b = mallocgc(nb * sizeof(cell *));
        for (cell *x = m->first; x != NULL; x = x->order) {
            x->next = b[x->hash & (nb - 1)];
            b[x->hash & (nb - 1)] = x;
        }
        m->buckets = b;
        m->nbuckets = nb;
    }
    c = mallocgc(sizeof(cell) + ((m->key->size + 7) & ~(uintptr_t)7) + m->elemsize);
    c->hash = h;
    memcpy(CELLKEY(c), key, m->key->size);
    c->next = m->buckets[h & (m->nbuckets - 1)];
    m->buckets[h & (m->nbuckets - 1)] = c;
    c->prev = m->last;
    if (m->last) m->last->order = c; else m->first = c;
    m->last = c;
    m->count++;
    return CELLELEM(m, c);
}

void mapdelete(hmap *m, void *key) RT("mapdelete");
void mapdelete(hmap *m, void *key) {
    if (m == NULL || m->count == 0) {
        if (m != NULL) (void)maphash(m, key);
        return;
    }
    uint64_t h = maphash(m, key);
    cell **pp = &m->buckets[h & (m->nbuckets - 1)];
    for (cell *c = *pp; c != NULL; pp = &c->next, c = c->next) {
        if (c->hash == h && keyeq(m->key, CELLKEY(c), key)) {
            *pp = c->next;
            cell *prev = c->prev;
            if (prev) prev->order = c->order; else m->first = c->order;
            if (c->order) c->order->prev = prev;
            if (m->last == c) m->last = prev;
            c->dead = 1; /* an iterator may still hold it: mapiternext skips it */
            m->count--;
            return;
        }
    }
}

/* The string-keyed forms gc calls for a map whose key is a string and whose element is
 * at most 128 bytes (mapaccess1_faststr, ...): the key comes by value, so the caller
 * keeps no addressable copy of it. (This frame is scanned conservatively.) */
typedef struct { const char *ptr; intptr_t len; } strkey;

void *mapaccess1_faststr(hmap *m, const char *p, intptr_t n) RT("mapaccess1_faststr");
void *mapaccess1_faststr(hmap *m, const char *p, intptr_t n) {
    strkey k = {p, n};
    return mapaccess1(m, &k);
}

pair mapaccess2_faststr(hmap *m, const char *p, intptr_t n) RT("mapaccess2_faststr");
pair mapaccess2_faststr(hmap *m, const char *p, intptr_t n) {
    strkey k = {p, n};
    return mapaccess2(m, &k);
}

void *mapassign_faststr(hmap *m, const char *p, intptr_t n) RT("mapassign_faststr");
void *mapassign_faststr(hmap *m, const char *p, intptr_t n) {
    strkey k = {p, n};
    return mapassign(m, &k);
}

void mapdelete_faststr(hmap *m, const char *p, intptr_t n) RT("mapdelete_faststr");
void mapdelete_faststr(hmap *m, const char *p, intptr_t n) {
    strkey k = {p, n};
    mapdelete(m, &k);
}

/* An iterator is 4 words the compiler reserves (walk's map.iter[K]V): {key ptr, elem
   ptr, next cell, map}. mapiternext advances: the key and element addresses of the
   next entry, in the iterator and returned, or NULL at the end. */
pair mapiterinit(hmap *m, void **it) RT("mapiterinit");
pair mapiternext(hmap *m, void **it) RT("mapiternext");
pair mapiterinit(hmap *m, void **it) {
    it[2] = m && m->count ? m->first : NULL;
    it[3] = m;
    return mapiternext(m, it);
}
pair mapiternext(hmap *m, void **it) {
    pair out = {0, 0};
    cell *c = it[2];
    while (c != NULL && c->dead) c = c->order;
    it[0] = it[1] = NULL;
    if (c == NULL) return out;
    it[2] = c->order;
    it[0] = CELLKEY(c);
    it[1] = CELLELEM(m, c);
    out.a = (uintptr_t)it[0];
    out.b = (uintptr_t)it[1];
    return out;
}

/* ---------------------------------------------------------------------------------- */
/* Entry.                                                                            */

extern void doinit(uintptr_t *task) __asm__("runtime.doInit");
extern uintptr_t main_inittask[] __asm__("main..inittask");
extern uintptr_t runtime_inittask[] __asm__("runtime..inittask") __attribute__((weak));
extern void main_main(void) __asm__("main.main");
extern int rt_maininit;

void exit_(int64_t code) RT("exit");
void exit_(int64_t code) { flush(); _exit((int)code); }

static int g_argc;
static char **g_argv;

/* runmain: goroutine 1's function, gc's runtime.main: package runtime's init task (if
   linked), then main's, which runs every imported package's first (walk's _init_task);
   main.main, exit 0. */
static void runmain(void) {
    if (runtime_inittask != NULL) doinit(runtime_inittask);
    doinit(main_inittask);
    rt_maininit = 0;
    main_main();
    flush();
    _exit(0);
}

int main(int argc, char **argv) {
    g_argc = argc;
    g_argv = argv;
    /* The signal stack is mapped, not static: the collector scans the data segment
       conservatively, and a handler's frames left there (the faulting registers)
       would keep whatever they pointed at alive. No collection runs on it. */
    enum { ALTSTACK = 65536 };
    void *altstack = mmap(NULL, ALTSTACK, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (altstack != MAP_FAILED) {
        stack_t ss = {.ss_sp = altstack, .ss_size = ALTSTACK, .ss_flags = 0};
        sigaltstack(&ss, NULL);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    static void *const mainclo[1] = {(void *)runmain};
    schedmain((void *)mainclo);
}

/* ---------------------------------------------------------------------------------- */
/* Library hooks: bodyless functions of compiler/lib packages (compiler/lib/README.md).*/
/* They use the C runtime ABI (docs/internals.md): one register per argument word,   */
/* results in %rax:%rdx or, when larger, through a hidden result pointer.             */

typedef struct { void *ptr; intptr_t len, cap; } slice;
typedef struct { const char *ptr; intptr_t len; } gostring;

static pair mkstring(const char *p, size_t n) {
    char *q = mallocnoscan(n ? n : 1);
    memcpy(q, p, n);
    pair out = {(uintptr_t)q, (uintptr_t)n};
    return out;
}

int64_t os_sysWrite(int64_t fd, const char *p, int64_t n, int64_t cap) __asm__("os.sysWrite");
int64_t os_sysWrite(int64_t fd, const char *p, int64_t n, int64_t cap) {
    (void)cap;
    flush();
    ssize_t r = write((int)fd, p, (size_t)n);
    return r < 0 ? -1 : (int64_t)r;
}

int64_t os_sysRead(int64_t fd, char *p, int64_t n, int64_t cap) __asm__("os.sysRead");
int64_t os_sysRead(int64_t fd, char *p, int64_t n, int64_t cap) {
    (void)cap;
    flush();
    ssize_t r;
    do r = read((int)fd, p, (size_t)n); while (r < 0 && errno == EINTR);
    return r < 0 ? -1 : (int64_t)r;
}

/* missinghook: called by the compiler's weak fallback for a library hook this runtime
   does not define (yet): a clear fatal error instead of a link failure. */
void missinghook(const char *name) RT("missinghook") NORET;
void missinghook(const char *name) {
    flush();
    puts_("fatal error: runtime hook ");
    puts_(name);
    puts_(" is not implemented by refgo's runtime\n");
    flush();
    _exit(2);
}

void os_sysExit(int64_t code) __asm__("os.sysExit");
void os_sysExit(int64_t code) { flush(); _exit((int)code); }

slice os_sysArgs(void) __asm__("os.sysArgs");
slice os_sysArgs(void) {
    gostring *a = mallocgc(sizeof(gostring) * (size_t)(g_argc ? g_argc : 1));
    for (int i = 0; i < g_argc; i++) {
        a[i].ptr = g_argv[i];
        a[i].len = (intptr_t)strlen(g_argv[i]);
    }
    slice s = {a, g_argc, g_argc};
    return s;
}

/* The address of the value an interface data word stands for. */
static void *valptr(const type *t, void **data) { return is_direct(t) ? (void *)data : *data; }

int64_t errors_targetKind(const type *t, void *data) __asm__("errors.targetKind");
int64_t errors_targetKind(const type *t, void *data) {
    if (t == NULL || t->kind != KIND_PTR || data == NULL) return 1;
    const type *e = t->elem;
    if (e->kind == KIND_INTERFACE || findmethod(e, "Error() string") != NULL) return 0;
    return 2;
}

int64_t errors_assignTo(const type *t, void *target, const itab *tab, void *data)
    __asm__("errors.assignTo");
int64_t errors_assignTo(const type *t, void *target, const itab *tab, void *data) {
    const type *e = t->elem;
    const type *dt = tab->typ;
    if (e->kind == KIND_INTERFACE) {
        void **out = target;
        if (e->nmethods == 0) { out[0] = (void *)dt; out[1] = data; return 1; }
        const method *miss = NULL;
        itab *m = getitab(e, dt, &miss);
        if (m == NULL) return 0;
        out[0] = m;
        out[1] = data;
        return 1;
    }
    if (dt != e) return 0;
    memcpy(target, valptr(dt, &data), e->size);
    return 1;
}

/* ---- strconv.formatFloat: gc's FormatFloat over decimal digits from printf ---- */

typedef struct { char d[40]; int nd, dp; } decimal;

static void parse_e(const char *buf, decimal *out);

/* digits of v rounded to n significant digits (n >= 1). */
static void digits_n(double v, int n, decimal *out) {
    char buf[64];
    if (n > 17) n = 17;
    snprintf(buf, sizeof buf, "%.*e", n - 1, v);
    parse_e(buf, out);
}

/* The digits and decimal point of a "%e" rendering, trailing zeros dropped. */
static void parse_e(const char *buf, decimal *out) {
    int k = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') out->d[k++] = *p;
    int e = atoi(p + 1);
    while (k > 1 && out->d[k - 1] == '0') k--;
    out->nd = k;
    out->dp = e + 1;
    if (k == 1 && out->d[0] == '0') { out->nd = 0; out->dp = 0; }
}

/* Whether v correctly rounded to n significant digits reads back as v. */
static int round_trips(double v, int n, int bits32) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", n - 1, v);
    double back = strtod(buf, NULL);
    return bits32 ? (float)back == (float)v : back == v;
}

/* For a power of two v whose n-digit rounding fell below the values reading back as
   v (the lower half of its interval is the narrower): whether the n-digit value one
   unit above reads back as v (as a float32 with bits32), as gc's shortest formatting
   then prints it. */
static int round_up_trips(double v, int n, int bits32, decimal *out) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", n - 1, v);
    if (strtod(buf, NULL) > v) return 0;
    char *e = strchr(buf, 'e');
    char *p = e - 1;
    for (;; p--) {
        if (*p == '.') continue;
        if (*p != '9') { (*p)++; break; }
        *p = '0';
        if (p == buf) { /* 9.99e+07 -> 1.00e+08 */
            buf[0] = '1';
            char tail[16];
            snprintf(tail, sizeof tail, "e%+03d", atoi(e + 1) + 1);
            strcpy(e, tail);
            break;
        }
    }
    double back = strtod(buf, NULL);
    if (bits32 ? (float)back != (float)v : back != v) return 0;
    parse_e(buf, out);
    return 1;
}

/* The fewest digits n whose correctly rounded value reads back as v. For a float64
   whose significand is not a power of two the values reading back as v form an
   interval centred on v, and the n+1-digit rounding is never farther from v than the
   n-digit one, so round_trips is monotone in n and a binary search finds the least n.
   do NOT binary-search a power of two (its interval is lopsided: the lower half is
   half as wide) or a float32 widened: those scan n upwards. */
static void digits_shortest(double v, int bits32, decimal *out) {
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    if (!bits32 && (b & ((UINT64_C(1) << 52) - 1)) != 0) {
        int lo = 1, hi = 17; /* round_trips(v, 17) always holds */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (round_trips(v, mid, 0)) hi = mid; else lo = mid + 1;
        }
        digits_n(v, lo, out);
        return;
    }
    for (int n = 1; n <= 17; n++) {
        if (round_trips(v, n, bits32)) { digits_n(v, n, out); return; }
        if (round_up_trips(v, n, bits32, out)) return;
    }
    digits_n(v, 17, out);
}

typedef struct { char b[512]; int n; } obuf;
static void oput(obuf *o, char c) { if (o->n < (int)sizeof o->b) o->b[o->n++] = c; }

static void fmtE(obuf *o, const decimal *d, int prec, char fmt) {
    oput(o, d->nd ? d->d[0] : '0');
    if (prec > 0) {
        oput(o, '.');
        int i = 1;
        int m = d->nd < prec + 1 ? d->nd : prec + 1;
        for (; i < m; i++) oput(o, d->d[i]);
        for (; i <= prec; i++) oput(o, '0');
    }
    oput(o, fmt);
    int exp = d->nd ? d->dp - 1 : 0;
    oput(o, exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) { oput(o, '0'); oput(o, (char)('0' + exp)); }
    else if (exp < 100) { oput(o, (char)('0' + exp / 10)); oput(o, (char)('0' + exp % 10)); }
    else {
        oput(o, (char)('0' + exp / 100)); oput(o, (char)('0' + exp / 10 % 10));
        oput(o, (char)('0' + exp % 10));
    }
}

static void fmtF(obuf *o, const decimal *d, int prec) {
    if (d->dp > 0) {
        int m = d->nd < d->dp ? d->nd : d->dp;
        for (int i = 0; i < m; i++) oput(o, d->d[i]);
        for (int i = m; i < d->dp; i++) oput(o, '0');
    } else {
        oput(o, '0');
    }
    if (prec > 0) {
        oput(o, '.');
        for (int i = 1; i <= prec; i++) {
            int j = d->dp + i - 1;
            oput(o, (j >= 0 && j < d->nd) ? d->d[j] : '0');
        }
    }
}

/* %b: decimal mantissa, binary exponent ("4503599627370496p-52"), as strconv does. */
static void fmtB(obuf *o, double v, int bits32) {
    uint64_t mant;
    int64_t exp;
    if (bits32) {
        float f32 = (float)v;
        uint32_t b32;
        memcpy(&b32, &f32, sizeof b32);
        exp = (b32 >> 23) & 0xff;
        mant = b32 & ((1u << 23) - 1);
        if (exp == 0) exp++; else mant |= 1u << 23;
        exp += -127 - 23;
    } else {
        uint64_t b64;
        memcpy(&b64, &v, sizeof b64);
        exp = (int64_t)((b64 >> 52) & 0x7ff);
        mant = b64 & ((UINT64_C(1) << 52) - 1);
        if (exp == 0) exp++; else mant |= UINT64_C(1) << 52;
        exp += -1023 - 52;
    }
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%llup%+lld", (unsigned long long)mant, (long long)exp);
    for (int i = 0; i < n; i++) oput(o, buf[i]);
}

/* %x: "0x1.8p+01" — the mantissa normalised to [1,2) (subnormals too) and an exponent of
   at least two digits, as strconv does; C's %a supplies the hex digits and rounding.
   do NOT use %a's own exponent: it is unpadded and subnormals are not normalised. */
static void fmtX(obuf *o, double v, int prec, int upper) {
    int e = 0;
    double m = v == 0 ? 0 : 2 * frexp(v, &e);
    if (v != 0) e--;
    char buf[64];
    int n = prec < 0 ? snprintf(buf, sizeof buf, "%a", m)
                     : snprintf(buf, sizeof buf, "%.*a", prec, m);
    char *pp = strchr(buf, 'p');
    if (pp) {
        e += atoi(pp + 1);
        n = (int)(pp - buf);
    }
    if (n > 2 && buf[2] == '2') { /* rounding carried into 2.000: renormalise */
        buf[2] = '1';
        e++;
    }
    for (int i = 0; i < n; i++) oput(o, upper ? (char)toupper(buf[i]) : buf[i]);
    char ebuf[16];
    int en = snprintf(ebuf, sizeof ebuf, "%c%c%02d", upper ? 'P' : 'p', e < 0 ? '-' : '+',
                      e < 0 ? -e : e);
    for (int i = 0; i < en; i++) oput(o, ebuf[i]);
}

pair strconv_formatFloat(uint64_t bits, int64_t fmt, int64_t prec, int64_t bitSize)
    __asm__("strconv.formatFloat");
pair strconv_formatFloat(uint64_t bits, int64_t fmt, int64_t prec, int64_t bitSize) {
    double v;
    memcpy(&v, &bits, sizeof v);
    obuf o = {.n = 0};
    char f = (char)fmt;
    if (v != v) return mkstring("NaN", 3);
    if (v > 1.7976931348623157e308) return mkstring("+Inf", 4);
    if (v < -1.7976931348623157e308) return mkstring("-Inf", 4);
    int neg = signbit(v) != 0;
    if (neg) { oput(&o, '-'); v = -v; }
    if (f == 'b') {
        fmtB(&o, v, bitSize == 32);
        return mkstring(o.b, (size_t)o.n);
    }
    if (f == 'x' || f == 'X') {
        fmtX(&o, v, (int)prec, f == 'X');
        return mkstring(o.b, (size_t)o.n);
    }
    decimal d;
    int shortest = prec < 0;
    if (shortest) {
        digits_shortest(v, bitSize == 32, &d);
        switch (f) {
        case 'e': case 'E': prec = d.nd > 1 ? d.nd - 1 : 0; break;
        case 'f': prec = d.nd - d.dp > 0 ? d.nd - d.dp : 0; break;
        default: prec = d.nd; break;
        }
    } else if (f == 'f') {
        char buf[400];
        int n = snprintf(buf, sizeof buf, "%.*f", (int)(prec > 300 ? 300 : prec), v);
        for (int i = 0; i < n; i++) oput(&o, buf[i]);
        return mkstring(o.b, (size_t)o.n);
    } else if (f == 'e' || f == 'E') {
        digits_n(v, (int)prec + 1, &d);
    } else {
        if (prec == 0) prec = 1;
        digits_n(v, (int)prec, &d);
    }
    switch (f) {
    case 'e': case 'E':
        fmtE(&o, &d, (int)prec, f);
        break;
    case 'f':
        fmtF(&o, &d, (int)prec);
        break;
    default: {
        int eprec = (int)prec;
        if (eprec > d.nd && d.nd >= d.dp) eprec = d.nd;
        if (shortest) eprec = 6;
        int exp = d.dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d.nd) prec = d.nd;
            fmtE(&o, &d, (int)prec - 1, f == 'G' ? 'E' : 'e');
        } else {
            if (prec > d.dp) prec = d.nd;
            fmtF(&o, &d, (int)prec - d.dp > 0 ? (int)prec - d.dp : 0);
        }
    }
    }
    return mkstring(o.b, (size_t)o.n);
}

/* math.sqrt(x float64) float64: floats cross the C runtime ABI as their IEEE bits. */
uint64_t math_sqrt(uint64_t bits) __asm__("math.sqrt");
uint64_t math_sqrt(uint64_t bits) {
    double v;
    memcpy(&v, &bits, sizeof v);
    __asm__("sqrtsd %1, %0" : "=x"(v) : "x"(v));
    memcpy(&bits, &v, sizeof v);
    return bits;
}

/* strconv.parseFloat(lit string, bitSize int) (f float64, overflow bool). */
pair strconv_parseFloat(const char *p, intptr_t n, int64_t bitSize)
    __asm__("strconv.parseFloat");
pair strconv_parseFloat(const char *p, intptr_t n, int64_t bitSize) {
    char buf[512];
    char *s = (size_t)n < sizeof buf ? buf : mallocnoscan((uintptr_t)n + 1);
    memcpy(s, p, (size_t)n);
    s[n] = 0;
    double v = bitSize == 32 ? (double)strtof(s, NULL) : strtod(s, NULL);
    pair out = {0, 0};
    memcpy(&out.a, &v, sizeof v);
    out.b = isinf(v) ? 1 : 0;
    return out;
}

/* sort.sliceLen(x any) int and sort.swapElems(x any, i, j int) on any slice. */
int64_t sort_sliceLen(const type *t, slice *s) __asm__("sort.sliceLen");
int64_t sort_sliceLen(const type *t, slice *s) {
    if (t == NULL || t->kind != KIND_SLICE) panicstr("sort: argument is not a slice");
    return s->len;
}

void sort_swapElems(const type *t, slice *s, int64_t i, int64_t j) __asm__("sort.swapElems");
void sort_swapElems(const type *t, slice *s, int64_t i, int64_t j) {
    if ((uint64_t)i >= (uint64_t)s->len) panicIndex(i, s->len);
    if ((uint64_t)j >= (uint64_t)s->len) panicIndex(j, s->len);
    uintptr_t n = t->elem->size;
    char tmp[256];
    char *a = (char *)s->ptr + (uintptr_t)i * n, *b = (char *)s->ptr + (uintptr_t)j * n;
    char *buf = n <= sizeof tmp ? tmp : mallocgc(n);
    memcpy(buf, a, n);
    memcpy(a, b, n);
    memcpy(b, buf, n);
}

/* testing hooks. */
int64_t testing_nanotime(void) __asm__("testing.nanotime");
int64_t testing_nanotime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

typedef struct { gostring fn, file; int64_t line; } frameinfo;

/* callerframe: the compiled Go frame skip levels above the hook's caller (0 = the
   caller), from the pc table; fn "" past the outermost Go frame. fp is the hook's own
   frame pointer. */
static frameinfo callerframe(uintptr_t *fp, int64_t skip) {
    frameinfo f = {{"", 0}, {"", 0}, 0};
    uintptr_t ret = fp[1];
    fp = (uintptr_t *)fp[0];
    for (int64_t i = 0; i < skip; i++) {
        if (fp == NULL) return f;
        ret = fp[1];
        fp = (uintptr_t *)fp[0];
    }
    const pcent *e = findpc(ret);
    if (e == NULL) return f;
    f.fn.ptr = e->fn;
    f.fn.len = (intptr_t)strlen(e->fn);
    f.file.ptr = e->file;
    f.file.len = (intptr_t)strlen(e->file);
    f.line = e->line;
    return f;
}

frameinfo testing_callerFrame(int64_t skip) __asm__("testing.callerFrame");
__attribute__((noinline)) frameinfo testing_callerFrame(int64_t skip) {
    return callerframe(__builtin_frame_address(0), skip);
}

frameinfo log_callerFrame(int64_t skip) __asm__("log.callerFrame");
__attribute__((noinline)) frameinfo log_callerFrame(int64_t skip) {
    return callerframe(__builtin_frame_address(0), skip);
}

/* runtime.GOROOT: $GOROOT, else the root of the Go installation the program was linked
   against (compiler/link.py writes refgo_defaultGOROOT, as gc's linker writes
   runtime.defaultGOROOT); "" when there was none. */
extern const char refgo_defaultGOROOT[] __attribute__((weak));

gostring runtime_GOROOT(void) __asm__("runtime.GOROOT");
gostring runtime_GOROOT(void) {
    const char *s = getenv("GOROOT");
    if (s == NULL || *s == 0) s = refgo_defaultGOROOT;
    if (s == NULL) s = "";
    gostring out = {s, (intptr_t)strlen(s)};
    return out;
}

slice os_sysEnviron(void) __asm__("os.sysEnviron");
slice os_sysEnviron(void) {
    extern char **environ;
    int n = 0;
    while (environ && environ[n]) n++;
    gostring *a = mallocgc(sizeof(gostring) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        a[i].ptr = environ[i];
        a[i].len = (intptr_t)strlen(environ[i]);
    }
    slice out = {a, n, n};
    return out;
}

typedef struct { int64_t sec; int32_t nsec; int64_t mono; } timenow;

timenow time_now(void) __asm__("time.now");
timenow time_now(void) {
    struct timespec wall, mono;
    clock_gettime(CLOCK_REALTIME, &wall);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    timenow t = {wall.tv_sec, (int32_t)wall.tv_nsec,
                 (int64_t)mono.tv_sec * 1000000000 + mono.tv_nsec};
    return t;
}

pair testing_memStats(void) __asm__("testing.memStats");
pair testing_memStats(void) {
    pair out = {gc_nmalloc, gc_totalalloc};
    return out;
}

/* collectGarbage: runtime.GC. */
void testing_collectGarbage(void) __asm__("testing.collectGarbage");
void testing_collectGarbage(void) { GC(); }

pair testing_cpuName(void) __asm__("testing.cpuName");
pair testing_cpuName(void) {
    unsigned int r[12];
    for (unsigned int i = 0; i < 3; i++) {
        unsigned int a = 0x80000002 + i, b, c, d;
        __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
        r[4 * i] = a; r[4 * i + 1] = b; r[4 * i + 2] = c; r[4 * i + 3] = d;
    }
    char *s = (char *)r;
    size_t n = strnlen(s, sizeof r);
    size_t lo = 0;
    while (lo < n && s[lo] == ' ') lo++;
    while (n > lo && s[n - 1] == ' ') n--;
    return mkstring(s + lo, n - lo);
}

/* complex128div(n, m): n/m as gc computes it (Smith's algorithm, then C99 G.5.1's
   corrections to infinities and zeros); floats cross as IEEE bits. */
pair complex128div(uint64_t nr, uint64_t ni, uint64_t mr, uint64_t mi) RT("complex128div");
pair complex128div(uint64_t nr, uint64_t ni, uint64_t mr, uint64_t mi) {
    double a, b, c, d, e, f;
    memcpy(&a, &nr, 8); memcpy(&b, &ni, 8); memcpy(&c, &mr, 8); memcpy(&d, &mi, 8);
    if (fabs(c) >= fabs(d)) {
        double ratio = d / c, denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        double ratio = c / d, denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if (isnan(e) && isnan(f)) {
        if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
            e = copysign(INFINITY, c) * a;
            f = copysign(INFINITY, c) * b;
        } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
            a = copysign(isinf(a) ? 1 : 0, a);
            b = copysign(isinf(b) ? 1 : 0, b);
            e = INFINITY * (a * c + b * d);
            f = INFINITY * (b * c - a * d);
        } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
            c = copysign(isinf(c) ? 1 : 0, c);
            d = copysign(isinf(d) ? 1 : 0, d);
            e = 0 * (a * c + b * d);
            f = 0 * (b * c - a * d);
        }
    }
    pair out;
    memcpy(&out.a, &e, 8);
    memcpy(&out.b, &f, 8);
    return out;
}
