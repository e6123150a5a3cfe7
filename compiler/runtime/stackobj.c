/*
 * Stack objects: address-taken variables of compiled Go frames, scanned only when
 * reachable (gc's runtime/mgcstack.go).
 *
 * A stack map lists an address-taken slot only while the frame itself will still read
 * it (compiler/liveness.py); every map of a function also carries the records of its
 * stack objects (stackmap_objects). A collection first gathers the objects of every
 * goroutine's frames (stackobj_add, for each frame on a %rbp chain), then marks its
 * roots through stackobj_root, which queues an object the first time a scanned word
 * points into it; stackobj_drain then scans the queued objects' pointer words, which
 * may reach further objects, down to the frames of callers. An object no scanned word
 * points to keeps nothing alive. Example:
 *
 *     func f() { var s S; s.h = new(T); g(&s); gc() }
 *
 * during gc() no map of f lists s and nothing points to it: s.h is collected; during
 * g, g's live parameter points to s, which is scanned and keeps s.h.
 */
#include <stdint.h>
#include <stdlib.h>

#include "stackmap.h"
#include "stackobj.h"

typedef struct {
    uintptr_t lo, hi, fp;
    const int64_t *runs;
    int64_t nruns;
    int queued;
} stkobj;

static stkobj *objs;
static size_t nobjs, capobjs;
static size_t *queue;
static size_t nqueue, capqueue;
uintptr_t stackobj_notlo, stackobj_span;

static void *grow(void *p, size_t *cap, size_t elem) {
    size_t ncap = *cap ? 2 * *cap : 64;
    void *q = realloc(p, ncap * elem);
    if (q == NULL) abort();
    *cap = ncap;
    return q;
}

void stackobj_add(uintptr_t pc, uintptr_t fp) {
    const int64_t *r = stackmap_objects(pc);
    if (r == NULL) return;
    const int64_t *p = r + 1;
    for (int64_t i = 0; i < r[0]; i++) {
        if (nobjs == capobjs) objs = grow(objs, &capobjs, sizeof *objs);
        uintptr_t lo = fp + (uintptr_t)p[0];
        objs[nobjs++] = (stkobj){lo, lo + (uintptr_t)p[1], fp, p + 3, p[2], 0};
        p += 3 + 3 * p[2];
    }
}

static int bylo(const void *a, const void *b) {
    uintptr_t x = ((const stkobj *)a)->lo, y = ((const stkobj *)b)->lo;
    return x < y ? -1 : x > y;
}

void stackobj_ready(void) {
    stackobj_notlo = ~(uintptr_t)0;
    stackobj_span = 0;
    if (nobjs == 0) return;
    qsort(objs, nobjs, sizeof *objs, bylo);
    uintptr_t hi = 0;
    for (size_t i = 0; i < nobjs; i++)
        if (objs[i].hi > hi) hi = objs[i].hi;
    stackobj_notlo = ~objs[0].lo;
    stackobj_span = hi - objs[0].lo;
}

void stackobj_find(uintptr_t w) {
    size_t lo = 0, hi = nobjs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (objs[mid].lo <= w) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return;
    stkobj *o = &objs[lo - 1];
    if (w >= o->hi || o->queued) return;
    o->queued = 1;
    if (nqueue == capqueue) queue = grow(queue, &capqueue, sizeof *queue);
    queue[nqueue++] = (size_t)(o - objs);
}

void stackobj_drain(void (*mark)(uintptr_t)) {
    while (nqueue > 0) {
        const stkobj *o = &objs[queue[--nqueue]];
        for (const int64_t *run = o->runs; run < o->runs + 3 * o->nruns; run += 3)
            for (int64_t k = 0; k < run[1]; k++)
                mark(*(const uintptr_t *)(o->fp + (uintptr_t)(run[0] + k * run[2])));
    }
}

void stackobj_reset(void) {
    nobjs = 0;
    nqueue = 0;
    stackobj_notlo = ~(uintptr_t)0;
    stackobj_span = 0;
}

void stackobj_adjust(uintptr_t pc, uintptr_t fp, void (*adjust)(void *, uintptr_t),
                     void *arg) {
    const int64_t *r = stackmap_objects(pc);
    if (r == NULL) return;
    const int64_t *p = r + 1;
    for (int64_t i = 0; i < r[0]; i++) {
        for (const int64_t *run = p + 3; run < p + 3 + 3 * p[2]; run += 3)
            for (int64_t k = 0; k < run[1]; k++)
                adjust(arg, fp + (uintptr_t)(run[0] + k * run[2]));
        p += 3 + 3 * p[2];
    }
}
