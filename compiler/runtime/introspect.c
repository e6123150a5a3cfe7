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
 * FuncForPC(pc) finds f as the last functab entry at or below pc. A third table,
 * runtime.pcfault (compiler/pcfault.py), gives the line of a faulting pc.
 *
 * Below a goroutine's function gc's stacks have runtime.goexit, and below main.main
 * runtime.main; refgo starts goroutines from C, so callers ends the walk with two
 * stand-ins, return addresses into the stubs below, which the lookups describe with
 * gc's names, files and lines (Caller(1) in main.main: runtime.main, proc.go:250; in
 * an init function, runtime.doInit, proc.go:6329, the asm function that runs init
 * tasks, then runtime.main, proc.go:233). Stack leaves them out, as gc's traceback
 * leaves out runtime frames.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "malloc.h"
#include "sched.h"

typedef struct {
    uintptr_t pc; const char *fn; const char *file; int64_t line;
    const void *parent;  /* pctab: the inlining caller's record (runtime.c pcent); functab:
                            the flags FUNC_PARAMS and FUNC_WRAPPER (amd64.py) */
} pcrow;
enum { FUNC_PARAMS = 1, FUNC_WRAPPER = 2 };
extern const pcrow pctab[] __asm__("runtime.pctab") __attribute__((weak));
extern const int64_t npctab __asm__("runtime.npctab") __attribute__((weak));
extern const pcrow functab[] __asm__("runtime.functab") __attribute__((weak));
extern const int64_t nfunctab __asm__("runtime.nfunctab") __attribute__((weak));
extern char gotext_end[] __asm__("runtime.gotext.end");
extern char deferpanic[] __asm__("runtime.deferpanic");
extern char deferpanic_ret[] __asm__("runtime.deferpanic.ret");
extern char deferpanicopen[] __asm__("runtime.deferpanicopen");
extern char deferpanicopen_ret[] __asm__("runtime.deferpanicopen.ret");
extern char sigpanic0_ret[] __asm__("runtime.sigpanic0.ret");
extern char doinit[] __asm__("runtime.doInit");
extern char doinit_depret[] __asm__("runtime.doInit.depret");
extern char doinit_fnret[] __asm__("runtime.doInit.fnret");

/* rt_maininit: goroutine 1 is running the package initialisers (runtime.c runmain);
   gc's runtime.main is then at its call of doInit and has the goroutine locked to the
   thread. */
int rt_maininit = 1;

/* runtime.pcfault: {pc, record} per fault site (compiler/pcfault.py), sorted by pc; the
   record has pctab's layout (pc 0), its parent the inlining caller's. */
typedef struct { uintptr_t pc; const pcrow *rec; } faultrow;
extern const faultrow pcfault[] __asm__("runtime.pcfault") __attribute__((weak));
extern const int64_t npcfault __asm__("runtime.npcfault") __attribute__((weak));
extern char methodvaluecall_ret[] __asm__("reflect.methodValueCall.ret");
extern char makefuncstub_ret[] __asm__("reflect.makeFuncStub.ret");

typedef struct { void *ptr; intptr_t len, cap; } slice;
typedef struct { const char *ptr; intptr_t len; } gostring;

/* The stand-in frames: each stub's entry, and entry + 1 as the return address. A
   nil dereference's panic has gc's runtime.panicmem and runtime.sigpanic between
   runtime.gopanic and the faulting frame. */
extern const char stub_main[] __asm__("runtime.main·stub");
extern const char stub_maininit[] __asm__("runtime.main·initstub");
extern const char stub_goexit[] __asm__("runtime.goexit·stub");
extern const char stub_panicmem[] __asm__("runtime.panicmem·stub");
extern const char stub_sigpanic[] __asm__("runtime.sigpanic·stub");
__asm__(
    "\t.text\n"
    "\"runtime.main·stub\":\n"
    "\tnop\n"
    "\tnop\n"
    "\"runtime.main·initstub\":\n"
    "\tnop\n"
    "\tnop\n"
    "\"runtime.goexit·stub\":\n"
    "\tnop\n"
    "\tnop\n"
    "\"runtime.panicmem·stub\":\n"
    "\tnop\n"
    "\tnop\n"
    "\"runtime.sigpanic·stub\":\n"
    "\tnop\n"
    "\tnop\n");

typedef struct { gostring fn, file; int64_t line; } callsite;

extern gostring runtime_GOROOT(void) __asm__("runtime.GOROOT");

/* gofile: $GOROOT/src/runtime/name, made once into *cache. */
static gostring gofile(const char **cache, const char *name) {
    if (*cache == NULL) {
        gostring root = runtime_GOROOT();
        size_t n = (size_t)root.len + strlen("/src/runtime/") + strlen(name) + 1;
        char *p = malloc(n);
        if (p == NULL) return (gostring){name, (intptr_t)strlen(name)};
        memcpy(p, root.ptr, (size_t)root.len);
        strcpy(p + root.len, "/src/runtime/");
        strcat(p, name);
        *cache = p;
    }
    return (gostring){*cache, (intptr_t)strlen(*cache)};
}

/* The stand-ins' rows: the pcs a stand-in frame is (its stub's entry and entry + 1,
   the return address callers stores; for a call of a deferred function by a panic
   everything up to that call's return address) and gc's function, file (under
   $GOROOT/src/runtime) and line for them. A panic calls a recorded defer by
   runtime.deferpanic and an open-coded one by deferpanicopen, as gc's gopanic calls
   them from different lines; runtime.doInit (asm.s) calls a dependency's task and an
   initialiser from two. The rows marked `called` are refgo's C functions that
   compiled code calls to panic (panicIndex, ...): callers puts such a function's
   stand-in (its entry + 1) above the frame that called it, as gc's stacks have its
   panicking runtime function (runtime.goPanicIndex, ...) there. */
#define PANICFN(c) extern char c[] __asm__("runtime." #c);
PANICFN(panicIndex) PANICFN(panicIndexU) PANICFN(panicSliceAlen)
PANICFN(panicSliceAlenU) PANICFN(panicSliceAcap) PANICFN(panicSliceAcapU)
PANICFN(panicSlice3Alen) PANICFN(panicSlice3AlenU) PANICFN(panicSlice3Acap)
PANICFN(panicSlice3AcapU) PANICFN(panicSlice3B) PANICFN(panicSlice3BU)
PANICFN(panicSlice3C) PANICFN(panicSlice3CU) PANICFN(panicSliceB) PANICFN(panicSliceBU)
PANICFN(panicSliceConvert) PANICFN(panicdivide) PANICFN(panicshift)
PANICFN(panicdottype)
#undef PANICFN

typedef struct {
    const char *lo, *hi;  /* the pcs it stands for: lo to hi, both included */
    const char *fn, *file;
    int64_t line;
    int called;           /* a C function compiled code calls to panic */
} standinrow;

#define STUB(sym) sym, sym + 1
#define PANICS(c) c, c + 1
static const standinrow standins[] = {
    {deferpanic, deferpanic_ret, "runtime.gopanic", "panic.go", 890, 0},
    {deferpanicopen, deferpanicopen_ret, "runtime.gopanic", "panic.go", 884, 0},
    {doinit, doinit_depret, "runtime.doInit", "proc.go", 6306, 0},
    {doinit, doinit_fnret, "runtime.doInit", "proc.go", 6329, 0},
    {STUB(stub_main), "runtime.main", "proc.go", 250, 0},
    {STUB(stub_maininit), "runtime.main", "proc.go", 233, 0},
    {STUB(stub_goexit), "runtime.goexit", "asm_amd64.s", 1594, 0},
    {STUB(stub_panicmem), "runtime.panicmem", "panic.go", 260, 0},
    {STUB(stub_sigpanic), "runtime.sigpanic", "signal_unix.go", 835, 0},
    {PANICS(panicIndex), "runtime.goPanicIndex", "panic.go", 113, 1},
    {PANICS(panicIndexU), "runtime.goPanicIndexU", "panic.go", 119, 1},
    {PANICS(panicSliceAlen), "runtime.goPanicSliceAlen", "panic.go", 127, 1},
    {PANICS(panicSliceAlenU), "runtime.goPanicSliceAlenU", "panic.go", 133, 1},
    {PANICS(panicSliceAcap), "runtime.goPanicSliceAcap", "panic.go", 139, 1},
    {PANICS(panicSliceAcapU), "runtime.goPanicSliceAcapU", "panic.go", 145, 1},
    {PANICS(panicSliceB), "runtime.goPanicSliceB", "panic.go", 153, 1},
    {PANICS(panicSliceBU), "runtime.goPanicSliceBU", "panic.go", 159, 1},
    {PANICS(panicSlice3Alen), "runtime.goPanicSlice3Alen", "panic.go", 165, 1},
    {PANICS(panicSlice3AlenU), "runtime.goPanicSlice3AlenU", "panic.go", 169, 1},
    {PANICS(panicSlice3Acap), "runtime.goPanicSlice3Acap", "panic.go", 173, 1},
    {PANICS(panicSlice3AcapU), "runtime.goPanicSlice3AcapU", "panic.go", 177, 1},
    {PANICS(panicSlice3B), "runtime.goPanicSlice3B", "panic.go", 183, 1},
    {PANICS(panicSlice3BU), "runtime.goPanicSlice3BU", "panic.go", 187, 1},
    {PANICS(panicSlice3C), "runtime.goPanicSlice3C", "panic.go", 193, 1},
    {PANICS(panicSlice3CU), "runtime.goPanicSlice3CU", "panic.go", 197, 1},
    {PANICS(panicSliceConvert), "runtime.goPanicSliceConvert", "panic.go", 203, 1},
    {PANICS(panicshift), "runtime.panicshift", "panic.go", 231, 1},
    {PANICS(panicdivide), "runtime.panicdivide", "panic.go", 239, 1},
    {PANICS(panicdottype), "runtime.panicdottypeE", "iface.go", 262, 1},
};
#undef STUB
#undef PANICS
enum { NSTANDIN = sizeof standins / sizeof standins[0] };

/* standinof: the stand-in frame pc is one of, or NULL. */
static const standinrow *standinof(uintptr_t pc) {
    for (int i = 0; i < NSTANDIN; i++)
        if (pc >= (uintptr_t)standins[i].lo && pc <= (uintptr_t)standins[i].hi)
            return &standins[i];
    return NULL;
}

/* standin: the stand-in frame whose pcs hold pc, with its file's full path; *entry set
   to its entry. Zero fn if pc is none of them. */
static callsite standin(uintptr_t pc, uintptr_t *entry) {
    static const char *paths[NSTANDIN];
    callsite out = {{"", 0}, {"", 0}, 0};
    const standinrow *r = standinof(pc);
    if (r == NULL) return out;
    out.fn = (gostring){r->fn, (intptr_t)strlen(r->fn)};
    out.file = gofile(&paths[r - standins], r->file);
    out.line = r->line;
    *entry = (uintptr_t)r->lo;
    return out;
}

/* panicking: for the return address ret of a compiled call (`call rel32`) of one of
   the runtime's C functions that panic, the stand-in pc of that function's gc frame;
   else 0. */
static uintptr_t panicking(uintptr_t ret) {
    if (*(const uint8_t *)(ret - 5) != 0xe8) return 0;
    int32_t rel;
    memcpy(&rel, (const void *)(ret - 4), sizeof rel);
    const standinrow *r = standinof(ret + (uintptr_t)(intptr_t)rel);
    return r != NULL && r->called ? (uintptr_t)r->lo + 1 : 0;
}

/* lastatorbelow: the row of tab (sorted by pc, n rows) with the largest pc <= pc. */
static const pcrow *lastatorbelow(const pcrow *tab, int64_t n, uintptr_t pc) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (tab[mid].pc <= pc) lo = mid + 1; else hi = mid;
    }
    return lo > 0 ? &tab[lo - 1] : NULL;
}

/* rt_funcentry(pc, params): the entry of the compiled function holding pc, 0 if none;
   *params set to whether it takes parameters (the fatal traceback's `f()`). */
uintptr_t rt_funcentry(uintptr_t pc, int *params) {
    if (&functab == NULL || pc >= (uintptr_t)gotext_end) return 0;
    const pcrow *e = lastatorbelow(functab, nfunctab, pc);
    if (e == NULL) return 0;
    *params = ((uintptr_t)e->parent & FUNC_PARAMS) != 0;
    return e->pc;
}

/* rt_faultrecord(pc): the record of the fault site a faulting pc of compiled code is
   at: the last pcfault row at or below pc within pc's function; NULL if none. */
const void *rt_faultrecord(uintptr_t pc) {
    if (&pcfault == NULL || &functab == NULL || pc >= (uintptr_t)gotext_end) return NULL;
    int64_t lo = 0, hi = npcfault;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (pcfault[mid].pc <= pc) lo = mid + 1; else hi = mid;
    }
    const pcrow *f = lastatorbelow(functab, nfunctab, pc);
    if (lo == 0 || f == NULL || pcfault[lo - 1].pc < f->pc) return NULL;
    return pcfault[lo - 1].rec;
}

/* siterow: the row describing a pc as Callers gives them: the return address of a
   compiled call (its pctab row), or a faulting pc plus one (its fault record); NULL
   if neither. */
static const pcrow *siterow(uintptr_t pc) {
    const pcrow *e = &pctab == NULL ? NULL : lastatorbelow(pctab, npctab, pc);
    if (e != NULL && e->pc == pc) return e;
    return (const pcrow *)rt_faultrecord(pc - 1);
}

/* wrapper: whether fn is one of the functions walk wraps a go or defer statement's
   call in (`main.f.gowrap1`, `main.f.deferwrap1`), which gc's stacks leave out (its
   wrapper functions) but where the wrapper itself faulted. */
static int wrapper(const char *fn) {
    return strstr(fn, ".gowrap") != NULL || strstr(fn, ".deferwrap") != NULL;
}

/* isrecoverwrapper(wpc, fpc): whether the function at pc wpc is a wrapper of the one at
   fpc that it calls, through which a deferred call still recovers, as through gc's
   wrapper functions: one the compiler flags in functab (FUNC_WRAPPER: walk's wrapper
   of a deferred call or of a method value, reflectdata's method wrappers,
   reflect.callReflect) when the call is its own, not that of a method inlined into
   it, or reflect's stubs for method values and MakeFunc. */
int isrecoverwrapper(uintptr_t wpc, uintptr_t fpc) {
    if (wpc == (uintptr_t)methodvaluecall_ret || wpc == (uintptr_t)makefuncstub_ret) return 1;
    int64_t n = &functab ? nfunctab : 0;
    const pcrow *w = lastatorbelow(functab, n, wpc - 1), *f = lastatorbelow(functab, n, fpc - 1);
    if (w == NULL || f == NULL || w == f || ((uintptr_t)w->parent & FUNC_WRAPPER) == 0)
        return 0;
    const pcrow *site = siterow(wpc);
    return site == NULL || site->parent == NULL;
}

/* callers(skip, pcs): the return addresses into compiled call sites on the %rbp
   chain but those of go and defer wrappers, the first being the one into the Go
   function that called this hook, from the skip-th on, then the stand-ins for
   runtime.main (goroutine 1; at its doInit line while rt_maininit) and runtime.goexit
   when the walk reached the goroutine's first frame. Frames of the C runtime are
   passed over, as the panic's traceback does, but the call of a deferred function by
   a panic or Goexit counts as one frame (runtime.deferpanic's or deferpanicopen's
   return address), as gc's runtime.gopanic between them does, and so does each of
   runtime.doInit's calls, as in gc (deferreturn1's does
   not: gc's traceback leaves deferreturn out, a wrapper to it); a compiled frame that
   called one of the C functions that panic (panicIndex, ...) has that function's
   stand-in above it, as gc's has runtime.goPanicIndex; a nil
   dereference's panic has stand-ins for runtime.panicmem and runtime.sigpanic above
   runtime.sigpanic0's frame, then the faulting frame's pc plus one.
   Returns how many it stored. */
int64_t runtime_callers(int64_t skip, uintptr_t *pcs, int64_t n, int64_t cap)
    __asm__("runtime.callers");
__attribute__((noinline)) int64_t runtime_callers(int64_t skip, uintptr_t *pcs, int64_t n,
                                                  int64_t cap) {
    (void)cap;
    uintptr_t *fp = __builtin_frame_address(0);
    int64_t k = 0;
    int faulted = 0;
    for (int64_t depth = 0; fp != NULL && k < n && depth < 100000; depth++) {
        uintptr_t ret = fp[1];
        if (faulted) {
            /* the frame a nil dereference interrupted: ret is the faulting pc, stored
               plus one as gc does, so that every pc minus one is in its instruction */
            if (rt_faultrecord(ret) != NULL && skip-- <= 0) pcs[k++] = ret + 1;
        } else {
            const pcrow *e = &pctab == NULL ? NULL : lastatorbelow(pctab, npctab, ret);
            int compiled = e != NULL && e->pc == ret && !wrapper(e->fn);
            uintptr_t callee = compiled ? panicking(ret) : 0;
            if (callee != 0 && skip-- <= 0) pcs[k++] = callee;
            int frame = compiled || ret == (uintptr_t)deferpanic_ret ||
                        ret == (uintptr_t)deferpanicopen_ret ||
                        ret == (uintptr_t)doinit_depret || ret == (uintptr_t)doinit_fnret;
            if (frame && k < n && skip-- <= 0) pcs[k++] = ret;
            if (ret == (uintptr_t)sigpanic0_ret) {
                uintptr_t mid[2] = {(uintptr_t)stub_panicmem + 1, (uintptr_t)stub_sigpanic + 1};
                for (int i = 0; i < 2 && k < n; i++)
                    if (skip-- <= 0) pcs[k++] = mid[i];
            }
        }
        faulted = ret == (uintptr_t)sigpanic0_ret;
        uintptr_t *next = (uintptr_t *)fp[0];
        /* do NOT follow the chain off a goroutine's own stack: below its entry are the
           scheduler's and libc's frames, whose saved %rbp need not be a frame. */
        if (curg != &g0 && (next == NULL || (uintptr_t)next >= curg->stackhi)) {
            const char *rtmain = rt_maininit ? stub_maininit : stub_main;
            uintptr_t bottom[2] = {(uintptr_t)rtmain + 1, (uintptr_t)stub_goexit + 1};
            for (int i = curg->id == 1 ? 0 : 1; i < 2 && k < n; i++)
                if (skip-- <= 0) pcs[k++] = bottom[i];
            break;
        }
        if (next <= fp) break;
        fp = next;
    }
    return k;
}

/* Inlined frames' pcs. Caller reports a frame of a function inlined at a call as the
   address of the call's pctab row (the innermost) or of one of its inline parent
   records: inlineFramePC hands such an address out and remembers it, so that FuncForPC
   and FileLine, given it back, describe that record (gc gives an inline mark's pc). */
static uintptr_t *inlpcs;
static size_t ninlpcs, capinlpcs;

/* inlslot: the slot of the open-addressed set inlpcs holding a, or the empty one
   where it goes. */
static uintptr_t *inlslot(uintptr_t a) {
    size_t i = (size_t)(a >> 3) * 0x9E3779B97F4A7C15ull & (capinlpcs - 1);
    while (inlpcs[i] != 0 && inlpcs[i] != a) i = (i + 1) & (capinlpcs - 1);
    return &inlpcs[i];
}

/* inlrecord: the record an address inlineFramePC handed out is, or NULL. */
static const pcrow *inlrecord(uintptr_t a) {
    if (ninlpcs == 0 || a == 0) return NULL;
    return *inlslot(a) == a ? (const pcrow *)a : NULL;
}

/* inlineFramePC(pc, k): for the return address pc of a compiled call, the pc of its
   k-th frame outwards (0: the function holding the call) when that frame is a
   function inlined there (the record's address), else 0 (the compiled function's,
   or no such frame). */
uintptr_t runtime_inlineFramePC(uintptr_t pc, int64_t k) __asm__("runtime.inlineFramePC");
uintptr_t runtime_inlineFramePC(uintptr_t pc, int64_t k) {
    const pcrow *e = siterow(pc);
    if (e == NULL) return 0;
    for (; e != NULL && k > 0; k--) e = e->parent;
    if (e == NULL || e->parent == NULL) return 0;
    if (2 * (ninlpcs + 1) > capinlpcs) {
        uintptr_t *old = inlpcs;
        size_t oldcap = capinlpcs;
        capinlpcs = capinlpcs ? 2 * capinlpcs : 64;
        inlpcs = calloc(capinlpcs, sizeof *inlpcs);
        if (inlpcs == NULL) rt_throw("out of memory");
        for (size_t i = 0; i < oldcap; i++)
            if (old[i] != 0) *inlslot(old[i]) = old[i];
        free(old);
    }
    uintptr_t *slot = inlslot((uintptr_t)e);
    if (*slot == 0) {
        *slot = (uintptr_t)e;
        ninlpcs++;
    }
    return (uintptr_t)e;
}

/* record: the call site record e describes. */
static callsite record(const pcrow *e) {
    callsite out;
    out.fn.ptr = e->fn, out.fn.len = (intptr_t)strlen(e->fn);
    out.file.ptr = e->file, out.file.len = (intptr_t)strlen(e->file);
    out.line = e->line;
    return out;
}

/* callSite(pc): for the return address pc of a compiled call, its function, file and
   line; fn "" if pc is none. */
callsite runtime_callSite(uintptr_t pc) __asm__("runtime.callSite");
callsite runtime_callSite(uintptr_t pc) {
    uintptr_t entry;
    callsite out = standin(pc, &entry);
    if (out.fn.len != 0) return out;
    if (inlrecord(pc) != NULL) return record(inlrecord(pc));
    const pcrow *e = siterow(pc);
    if (e == NULL) return out;
    out.fn.ptr = e->fn, out.fn.len = (intptr_t)strlen(e->fn);
    out.file.ptr = e->file, out.file.len = (intptr_t)strlen(e->file);
    out.line = e->line;
    return out;
}

/* callSiteInl(pc, k): callSite(pc) k inlining levels out (0: callSite itself, 1: the
   call of the inlined function in its caller, ...); fn "" past the outermost, and for
   a go wrapper the call was inlined into. */
callsite runtime_callSiteInl(uintptr_t pc, int64_t k) __asm__("runtime.callSiteInl");
callsite runtime_callSiteInl(uintptr_t pc, int64_t k) {
    uintptr_t entry;
    callsite out = standin(pc, &entry);
    if (out.fn.len != 0) {
        if (k > 0) out = (callsite){{"", 0}, {"", 0}, 0};
        return out;
    }
    const pcrow *e = siterow(pc);
    if (e == NULL) return out;
    int outer = k > 0;
    for (; e != NULL && k > 0; k--) e = e->parent;
    if (e == NULL || (outer && wrapper(e->fn))) return out;
    return record(e);
}

typedef struct { uintptr_t entry; gostring fn, file; int64_t line; } funcinfo;

/* funcInfo(pc): the compiled function whose code holds pc: entry, name, file and the
   line of its declaration; entry 0 if none. */
funcinfo runtime_funcInfo(uintptr_t pc) __asm__("runtime.funcInfo");
funcinfo runtime_funcInfo(uintptr_t pc) {
    funcinfo out = {0, {"", 0}, {"", 0}, 0};
    uintptr_t entry;
    callsite st = standin(pc, &entry);
    if (st.fn.len == 0 && inlrecord(pc) != NULL) {
        st = record(inlrecord(pc));
        entry = pc;
    }
    if (st.fn.len != 0) {
        out = (funcinfo){entry, st.fn, st.file, st.line};
        return out;
    }
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
    uintptr_t entry;
    int params = 0;
    if (standin(pc, &entry).fn.len != 0 || inlrecord(pc) != NULL) return 0;
    rt_funcentry(pc, &params);
    return params;
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

/* initLocked: whether the caller is goroutine 1 running the package initialisers. */
int64_t runtime_initLocked(void) __asm__("runtime.initLocked");
int64_t runtime_initLocked(void) { return rt_maininit && curg->id == 1; }

/* runtime.Breakpoint: a breakpoint trap, as gc's (int3, then return to the caller). */
__asm__(
    "\t.text\n"
    "\t.globl\t\"runtime.Breakpoint\"\n"
    "\t.type\t\"runtime.Breakpoint\", @function\n"
    "\"runtime.Breakpoint\":\n"
    "\tint3\n"
    "\tret\n");

/* runtime.panicwrap: the panic of a method wrapper `pkg.(*T).M` (walk: a value method
   M of T called through a nil *T), its text made from the wrapper's name as gc's. */
void runtime_panicwrap(void) __asm__("runtime.panicwrap") __attribute__((noreturn));
void runtime_panicwrap(void) {
    uintptr_t pc = (uintptr_t)__builtin_return_address(0);
    const pcrow *e = &functab == NULL ? NULL : lastatorbelow(functab, nfunctab, pc - 1);
    const char *name = e != NULL ? e->fn : "";
    const char *open = strstr(name, ".(*"), *close = open ? strstr(open, ").") : NULL;
    if (open == NULL || close == NULL) rt_throw("panicwrap: unexpected wrapper name");
    char msg[512];
    int pkg = (int)(open - name), typ = (int)(close - open - 3);
    snprintf(msg, sizeof msg, "value method %.*s.%.*s.%s called using nil *%.*s pointer",
             pkg, name, typ, open + 3, close + 2, typ, open + 3);
    rt_panicstr(msg);
}
