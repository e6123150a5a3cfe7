/*
 * runtime.SetFinalizer: finalizers run after the collection that finds their object
 * unreachable, never before, at most once, on a goroutine of their own, as gc's:
 *
 *     p := &T{}; runtime.SetFinalizer(p, func(p *T) { done <- true })
 *     p = nil; runtime.GC()      // the collection queues the finalizer and starts
 *     <-done                     // the goroutine runtime.finalizerLoop, which runs it
 *
 * The table lives in C memory, which the collector does not scan, so registering an
 * object does not keep it alive. During a collection (finalizer_mark, between marking
 * and sweeping) everything a registered object reaches is marked, though not the
 * object itself; then an entry whose object is unmarked moves to the ready queue and
 * its object is marked, so it survives until the finalizer ran; closures and queued
 * objects are marked every time. So, as gc's, of a chain of objects with finalizers
 * only the first is finalized in a collection, the next one once the first is freed:
 *
 *     a.b = b; SetFinalizer(a, fa); SetFinalizer(b, fb)   // fa runs before fb
 *
 * An object pointing to itself is finalized; one on a longer cycle never is. A
 * finalizer that resurrects its object keeps it alive; the entry is gone, so it is
 * not finalized again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "malloc.h"
#include "sched.h"

#include "type.h"
typedef type rtype;
typedef field rfield;

enum { KIND_FUNC = 19, KIND_INTERFACE = 20, KIND_PTR = 22 };

typedef struct { void *obj; const rtype *ot; void *fn; const rtype *ft; } fin;

static fin *table, *ready;
static size_t ntable, captable, nready, capready;
static int fingrunning;

extern void rt_panicstr(const char *msg) __attribute__((noreturn));
extern void *assertE2I2(const rtype *inter, const rtype *t) __asm__("runtime.assertE2I2");
extern void reflectcall(void *code, void *ctx, void *frame, uintptr_t size)
    __asm__("reflect.call");
extern void newproc(void *fn) __asm__("runtime.newproc");
extern void *finalizerLoop __asm__("runtime.finalizerLoop") __attribute__((weak));

static void add(fin **t, size_t *n, size_t *cap, fin f) {
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *t = realloc(*t, *cap * sizeof(fin));
        if (*t == NULL) rt_panicstr("runtime: out of memory for finalizers");
    }
    (*t)[(*n)++] = f;
}

/* SetFinalizer(obj, finalizer any): obj's words are (ot, obj), finalizer's (ft, fn). */
void runtime_SetFinalizer(const rtype *ot, void *obj, const rtype *ft, void *fn)
    __asm__("runtime.SetFinalizer");
void runtime_SetFinalizer(const rtype *ot, void *obj, const rtype *ft, void *fn) {
    if (ot == NULL) rt_panicstr("runtime.SetFinalizer: first argument is nil");
    if (ot->kind != KIND_PTR) rt_panicstr("runtime.SetFinalizer: first argument is not a pointer");
    if (ft != NULL && (ft->kind != KIND_FUNC || ft->len != 1))
        rt_panicstr("runtime.SetFinalizer: second argument is not a func of one argument");
    for (size_t i = 0; i < ntable; i++) {
        if (table[i].obj == obj) {
            if (ft != NULL && fn != NULL)
                rt_panicstr("runtime.SetFinalizer: finalizer already set");
            table[i] = table[--ntable];
            return;
        }
    }
    if (ft == NULL || fn == NULL || obj == NULL) return;
    fin f = {obj, ot, fn, ft};
    add(&table, &ntable, &captable, f);
}

void finalizer_mark(int (*marked)(void *), void (*mark)(void *), void (*scaninside)(void *),
                    void (*drain)(void)) {
    for (size_t i = 0; i < nready; i++) {
        mark(ready[i].obj);
        mark(ready[i].fn);
    }
    for (size_t i = 0; i < ntable; i++) {
        mark(table[i].fn);
        scaninside(table[i].obj);
    }
    drain();
    for (size_t i = 0; i < ntable;) {
        if (marked(table[i].obj)) { i++; continue; }
        add(&ready, &nready, &capready, table[i]);
        mark(table[i].obj);
        table[i] = table[--ntable];
    }
    drain();
}

/* finalizer_start: after a collection, start the goroutine that runs the ready
   finalizers unless it is running. */
void finalizer_start(void) {
    if (nready == 0 || fingrunning || &finalizerLoop == NULL) return;
    fingrunning = 1;
    newproc(finalizerLoop);
}

/* finalizer_yield: at the end of runtime.GC, let the finalizer goroutine run what the
   collection queued before the caller goes on, as gc's GC, which parks its caller
   until the cycle ends, lets it. Yields only when there is such work. */
void finalizer_yield(void) {
    if (fingrunning && nready > 0) gosched();
}

/* runNextFinalizer: call the oldest ready finalizer with its object (converted to the
   parameter's interface type if it has one); false, and the goroutine ends, if none. */
int64_t runtime_runNextFinalizer(void) __asm__("runtime.runNextFinalizer");
int64_t runtime_runNextFinalizer(void) {
    if (nready == 0) {
        fingrunning = 0;
        return 0;
    }
    fin f = ready[0];
    memmove(ready, ready + 1, (nready - 1) * sizeof(fin));
    nready--;
    uintptr_t size = 0;
    for (intptr_t i = 0; i < f.ft->nfields; i++)
        size = ((size + 7) & ~(uintptr_t)7) + f.ft->fields[i].t->size;
    size = (size + 7) & ~(uintptr_t)7;
    void **frame = mallocgc(size + 16);
    const rtype *pt = f.ft->fields[0].t;
    if (pt->kind == KIND_INTERFACE) {
        frame[0] = pt->nmethods == 0 ? (void *)f.ot : assertE2I2(pt, f.ot);
        frame[1] = f.obj;
    } else {
        frame[0] = f.obj;
    }
    reflectcall(*(void **)f.fn, f.fn, frame, size);
    return 1;
}
