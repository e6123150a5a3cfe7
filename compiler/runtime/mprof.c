/*
 * The heap profile (runtime.MemProfile), as gc keeps it: malloc.c samples about one
 * allocation per runtime.MemProfileRate bytes allocated (the gaps drawn from an
 * exponential distribution of that mean, so a program can scale the samples back to
 * totals; every allocation when the rate is 1, none when it is 0) and calls
 * mprof_malloc with the object's address and size (its size class's). The sample is
 * counted in the bucket of its call stack and size (the return addresses of the
 * compiled frames, at most 32, as runtime.Callers gives them), and the object is
 * remembered, so the sweep that frees it counts the free in the same bucket
 * (mprof_free). The counts a program reads are those as of the last completed
 * collection: mprof_flush, at the end of each, publishes what happened since.
 *
 * The sampled objects sit in an open-addressing table keyed by address (libc memory,
 * which the collector does not scan: the profile keeps no object alive).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "malloc.h"
#include "sched.h"

enum { MPROF_DEPTH = 32, NBUCKETHASH = 1 << 12 };

typedef struct { int64_t allocs, frees, alloc_bytes, free_bytes; } counts;

typedef struct bucket {
    struct bucket *hnext, *allnext;
    uintptr_t size;
    int64_t nstk;
    uintptr_t stk[MPROF_DEPTH];
    counts published, recent;  /* as of the last collection; since then */
} bucket;

/* The layout of runtime.MemProfileRecord (compiler/lib/runtime/introspect.go). */
typedef struct {
    int64_t alloc_bytes, free_bytes, alloc_objects, free_objects;
    uintptr_t stack0[MPROF_DEPTH];
} memrecord;

typedef struct { uintptr_t addr; bucket *b; } objent;

static bucket *buckethash[NBUCKETHASH];
static bucket *allbuckets;
static objent *objs;             /* the sampled objects still allocated */
static uintptr_t nobjs, objcap;  /* entries, slots (a power of 2, or 0) */

int64_t runtime_callers(int64_t skip, uintptr_t *pcs, int64_t n, int64_t cap)
    __asm__("runtime.callers");

extern int64_t MemProfileRate __asm__("runtime.MemProfileRate") __attribute__((weak));

int64_t mprof_rate(void) { return &MemProfileRate != NULL ? MemProfileRate : 512 * 1024; }

/* lnfrac: ln(u) for u in (0, 1], to about 1e-7 (the runtime links no libm): u = m 2^e
   with m in [1, 2), ln m = 2 atanh((m-1)/(m+1)) by its series. */
static double lnfrac(double u) {
    int e = 0;
    while (u < 1) { u *= 2; e--; }
    double z = (u - 1) / (u + 1), z2 = z * z, t = z, sum = 0;
    for (int k = 1; k <= 13; k += 2) { sum += t / k; t *= z2; }
    return 2 * sum + e * 0.69314718055994530942;
}

/* mprof_nextsample: the bytes to allocate before the next sample: exponentially
   distributed with mean rate (gc's fastexprand). */
int64_t mprof_nextsample(int64_t rate) {
    if (rate <= 1) return 0;
    double u = ((double)(fastrandn(1u << 26) + 1)) / (double)(1u << 26);  /* (0, 1] */
    double n = -lnfrac(u) * (double)rate;
    return n > (double)INT64_MAX / 2 ? INT64_MAX / 2 : (int64_t)n;
}

static uintptr_t hashaddr(uintptr_t a) { return (a >> 4) * 0x9E3779B97F4A7C15ull; }

static void objput(uintptr_t addr, bucket *b);

static void objgrow(void) {
    objent *old = objs;
    uintptr_t oldcap = objcap;
    objcap = objcap ? 2 * objcap : 1024;
    objs = calloc(objcap, sizeof *objs);
    if (objs == NULL) rt_throw("runtime: out of memory (heap profile)");
    nobjs = 0;
    for (uintptr_t i = 0; i < oldcap; i++)
        if (old[i].addr != 0) objput(old[i].addr, old[i].b);
    free(old);
}

static void objput(uintptr_t addr, bucket *b) {
    if (2 * (nobjs + 1) > objcap) objgrow();
    uintptr_t m = objcap - 1, i = hashaddr(addr) & m;
    while (objs[i].addr != 0 && objs[i].addr != addr) i = (i + 1) & m;
    if (objs[i].addr == 0) nobjs++;
    objs[i].addr = addr;
    objs[i].b = b;
}

/* objtake: the bucket of the sampled object at addr, removed from the table (linear
   probing's backward-shift deletion), or NULL. */
static bucket *objtake(uintptr_t addr) {
    if (objcap == 0) return NULL;
    uintptr_t m = objcap - 1, i = hashaddr(addr) & m;
    while (objs[i].addr != addr) {
        if (objs[i].addr == 0) return NULL;
        i = (i + 1) & m;
    }
    bucket *b = objs[i].b;
    nobjs--;
    for (uintptr_t j = (i + 1) & m; objs[j].addr != 0; j = (j + 1) & m) {
        uintptr_t home = hashaddr(objs[j].addr) & m;
        /* move j's entry into the hole at i unless its home lies in (i, j] */
        if (((j - home) & m) >= ((j - i) & m)) {
            objs[i] = objs[j];
            i = j;
        }
    }
    objs[i].addr = 0;
    objs[i].b = NULL;
    return b;
}

static bucket *stkbucket(const uintptr_t *stk, int64_t nstk, uintptr_t size) {
    uintptr_t h = size * 0x100000001B3ull;
    for (int64_t i = 0; i < nstk; i++) h = (h ^ stk[i]) * 0x100000001B3ull;
    bucket **slot = &buckethash[(h ^ h >> 29) & (NBUCKETHASH - 1)];
    for (bucket *b = *slot; b != NULL; b = b->hnext)
        if (b->size == size && b->nstk == nstk &&
            memcmp(b->stk, stk, (size_t)nstk * sizeof *stk) == 0)
            return b;
    bucket *b = calloc(1, sizeof *b);
    if (b == NULL) rt_throw("runtime: out of memory (heap profile)");
    b->size = size;
    b->nstk = nstk;
    memcpy(b->stk, stk, (size_t)nstk * sizeof *stk);
    b->hnext = *slot;
    *slot = b;
    b->allnext = allbuckets;
    allbuckets = b;
    return b;
}

void mprof_malloc(void *p, uintptr_t size) {
    uintptr_t stk[MPROF_DEPTH];
    int64_t n = runtime_callers(0, stk, MPROF_DEPTH, MPROF_DEPTH);
    bucket *b = stkbucket(stk, n, size);
    b->recent.allocs++;
    b->recent.alloc_bytes += (int64_t)size;
    objput((uintptr_t)p, b);
}

int mprof_free(void *p, uintptr_t size) {
    bucket *b = objtake((uintptr_t)p);
    if (b == NULL) return 0;
    b->recent.frees++;
    b->recent.free_bytes += (int64_t)size;
    return 1;
}

static void publish(bucket *b) {
    b->published.allocs += b->recent.allocs;
    b->published.frees += b->recent.frees;
    b->published.alloc_bytes += b->recent.alloc_bytes;
    b->published.free_bytes += b->recent.free_bytes;
    memset(&b->recent, 0, sizeof b->recent);
}

void mprof_flush(void) {
    for (bucket *b = allbuckets; b != NULL; b = b->allnext) publish(b);
}

static int64_t countrecords(int64_t inusezero) {
    int64_t n = 0;
    for (bucket *b = allbuckets; b != NULL; b = b->allnext)
        if (inusezero || b->published.alloc_bytes != b->published.free_bytes) n++;
    return n;
}

/* runtime.memProfile(p, inuseZero): gc's MemProfile: the number of buckets to report
   (those with memory in use, or all if inuseZero), written to p when they fit. Before
   the first collection has published anything, everything sampled so far is. */
int64_t runtime_memProfile(memrecord *p, int64_t len, int64_t cap, int64_t inusezero)
    __asm__("runtime.memProfile");
int64_t runtime_memProfile(memrecord *p, int64_t len, int64_t cap, int64_t inusezero) {
    (void)cap;
    int clear = 1;
    for (bucket *b = allbuckets; b != NULL && clear; b = b->allnext)
        if (b->published.allocs != 0 || b->published.frees != 0) clear = 0;
    if (clear) mprof_flush();
    int64_t n = countrecords(inusezero);
    if (n > len) return n;
    int64_t k = 0;
    for (bucket *b = allbuckets; b != NULL; b = b->allnext) {
        if (!inusezero && b->published.alloc_bytes == b->published.free_bytes) continue;
        memrecord *r = &p[k++];
        r->alloc_bytes = b->published.alloc_bytes;
        r->free_bytes = b->published.free_bytes;
        r->alloc_objects = b->published.allocs;
        r->free_objects = b->published.frees;
        memset(r->stack0, 0, sizeof r->stack0);
        memcpy(r->stack0, b->stk, (size_t)b->nstk * sizeof *b->stk);
    }
    return n;
}
