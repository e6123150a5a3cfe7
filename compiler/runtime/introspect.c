/*
 * The runtime package's introspection hooks (compiler/lib/runtime/hooks_refgo.go):
 * stacks of return addresses, function and line lookup, memory statistics.
 *
 * The compiler emits two tables (compiler/amd64.py): runtime.pctab, one row
 * {return pc, function, file, line} per call site, and runtime.functab, one row
 * {entry, function, file, declaration line} per function in text order. So in
 *
 *     func f() { pc, _, line, _ := runtime.Caller(0) }   // line 7
 *
 * the hook walks the %rbp chain to the return address into f, pctab gives line 7, and
 * FuncForPC(pc) finds f as the last functab entry at or below pc.
 */
#include <stdint.h>
#include <string.h>

#include "malloc.h"
#include "sched.h"

typedef struct {
    uintptr_t pc; const char *fn; const char *file; int64_t line;
    const void *parent;  /* pctab: the inlining caller's record (runtime.c pcent); functab:
                            1 if the function takes parameters, else 0 */
} pcrow;
extern const pcrow pctab[] __asm__("runtime.pctab") __attribute__((weak));
extern const int64_t npctab __asm__("runtime.npctab") __attribute__((weak));
extern const pcrow functab[] __asm__("runtime.functab") __attribute__((weak));
extern const int64_t nfunctab __asm__("runtime.nfunctab") __attribute__((weak));
extern char gotext_end[] __asm__("runtime.gotext.end");

typedef struct { void *ptr; intptr_t len, cap; } slice;
typedef struct { const char *ptr; intptr_t len; } gostring;

/* lastatorbelow: the row of tab (sorted by pc, n rows) with the largest pc <= pc. */
static const pcrow *lastatorbelow(const pcrow *tab, int64_t n, uintptr_t pc) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (tab[mid].pc <= pc) lo = mid + 1; else hi = mid;
    }
    return lo > 0 ? &tab[lo - 1] : NULL;
}

/* callers(skip, pcs): the return addresses into compiled call sites on the %rbp
   chain, the first being the one into the Go function that called this hook, from the
   skip-th on. Frames of the C runtime (a deferred call run by a panic) are passed
   over, as the panic's traceback does. Returns how many it stored. */
int64_t runtime_callers(int64_t skip, uintptr_t *pcs, int64_t n, int64_t cap)
    __asm__("runtime.callers");
__attribute__((noinline)) int64_t runtime_callers(int64_t skip, uintptr_t *pcs, int64_t n,
                                                  int64_t cap) {
    (void)cap;
    uintptr_t *fp = __builtin_frame_address(0);
    int64_t k = 0;
    for (int64_t depth = 0; fp != NULL && k < n && depth < 100000; depth++) {
        uintptr_t ret = fp[1];
        const pcrow *e = &pctab == NULL ? NULL : lastatorbelow(pctab, npctab, ret);
        if (e != NULL && e->pc == ret && skip-- <= 0) pcs[k++] = ret;
        uintptr_t *next = (uintptr_t *)fp[0];
        /* do NOT follow the chain off a goroutine's own stack: below its entry are the
           scheduler's and libc's frames, whose saved %rbp need not be a frame. */
        if (next <= fp || (curg != &g0 && (uintptr_t)next >= curg->stackhi)) break;
        fp = next;
    }
    return k;
}

typedef struct { gostring fn, file; int64_t line; } callsite;

/* callSite(pc): for the return address pc of a compiled call, its function, file and
   line; fn "" if pc is none. */
callsite runtime_callSite(uintptr_t pc) __asm__("runtime.callSite");
callsite runtime_callSite(uintptr_t pc) {
    callsite out = {{"", 0}, {"", 0}, 0};
    const pcrow *e = &pctab == NULL ? NULL : lastatorbelow(pctab, npctab, pc);
    if (e == NULL || e->pc != pc) return out;
    out.fn.ptr = e->fn, out.fn.len = (intptr_t)strlen(e->fn);
    out.file.ptr = e->file, out.file.len = (intptr_t)strlen(e->file);
    out.line = e->line;
    return out;
}

/* callSiteInl(pc, k): callSite(pc) k inlining levels out (0: callSite itself, 1: the
   call of the inlined function in its caller, ...); fn "" past the outermost. */
callsite runtime_callSiteInl(uintptr_t pc, int64_t k) __asm__("runtime.callSiteInl");
callsite runtime_callSiteInl(uintptr_t pc, int64_t k) {
    callsite out = {{"", 0}, {"", 0}, 0};
    const pcrow *e = &pctab == NULL ? NULL : lastatorbelow(pctab, npctab, pc);
    if (e == NULL || e->pc != pc) return out;
    for (; e != NULL && k > 0; k--) e = e->parent;
    if (e == NULL) return out;
    out.fn.ptr = e->fn, out.fn.len = (intptr_t)strlen(e->fn);
    out.file.ptr = e->file, out.file.len = (intptr_t)strlen(e->file);
    out.line = e->line;
    return out;
}

typedef struct { uintptr_t entry; gostring fn, file; int64_t line; } funcinfo;

/* funcInfo(pc): the compiled function whose code holds pc: entry, name, file and the
   line of its declaration; entry 0 if none. */
funcinfo runtime_funcInfo(uintptr_t pc) __asm__("runtime.funcInfo");
funcinfo runtime_funcInfo(uintptr_t pc) {
    funcinfo out = {0, {"", 0}, {"", 0}, 0};
    if (&functab == NULL || pc >= (uintptr_t)gotext_end) return out;
    const pcrow *e = lastatorbelow(functab, nfunctab, pc);
    if (e == NULL) return out;
    out.entry = e->pc;
    out.fn.ptr = e->fn, out.fn.len = (intptr_t)strlen(e->fn);
    out.file.ptr = e->file, out.file.len = (intptr_t)strlen(e->file);
    out.line = e->line;
    return out;
}

/* funcParams(pc): whether the compiled function holding pc takes parameters. */
int64_t runtime_funcParams(uintptr_t pc) __asm__("runtime.funcParams");
int64_t runtime_funcParams(uintptr_t pc) {
    if (&functab == NULL || pc >= (uintptr_t)gotext_end) return 0;
    const pcrow *e = lastatorbelow(functab, nfunctab, pc);
    return e != NULL && e->parent != NULL;
}

typedef struct { uint64_t alloc, totalalloc, mallocs, frees, numgc, sys; } memstats;

/* readMemStats: bytes in live objects (as of the last collection plus what was
   allocated since), cumulative bytes and objects allocated, objects freed, collections
   run, and bytes of heap address space in use. */
memstats runtime_readMemStats(void) __asm__("runtime.readMemStats");
memstats runtime_readMemStats(void) {
    memstats m = {(uint64_t)HeapInUse(), gc_totalalloc, gc_nmalloc, gc_nfree, gc_ngc,
                  gc_sys()};
    return m;
}

/* goid: the calling goroutine's number (runtime.Stack's header). */
int64_t runtime_goid(void) __asm__("runtime.goid");
int64_t runtime_goid(void) { return (int64_t)curg->id; }

/* runtime.Breakpoint: a breakpoint trap, as gc's (int3, then return to the caller). */
__asm__(
    "\t.text\n"
    "\t.globl\t\"runtime.Breakpoint\"\n"
    "\t.type\t\"runtime.Breakpoint\", @function\n"
    "\"runtime.Breakpoint\":\n"
    "\tint3\n"
    "\tret\n");
