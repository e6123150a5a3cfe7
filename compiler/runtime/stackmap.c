/*
 * Stack maps: precise scanning of compiled Go frames.
 *
 * compiler/liveness.py computes, for every call in compiled code, the stack words that
 * may hold live pointers while the call is in progress; compiler/amd64.py emits them as
 *
 *     runtime.stackmaps:  {return pc, map} pairs, sorted by pc (text order)
 *     runtime.nstackmaps: the number of pairs
 *     map:                {outargs, n, run[0], ..., run[n-1], open}  (quads)
 *     run:                {off, count, stride}: the words off + k*stride, k < count
 *     open:               {nopen, bits, slot[0], ..., slot[nopen-1]}: the function's
 *                         open-coded defers (nopen 0: none, no bits or slots follow)
 *     objects:            the address of the function's stack-object table, 0: none
 *     table:              {nobj, obj[0], ..., obj[nobj-1]}
 *     obj:                {off, size, nruns, run[0], ..., run[nruns-1]}: an address-taken
 *                         slot at off of size bytes and the runs of its pointer words
 *
 * where the runs cover the %rbp-relative byte offsets of the live pointer words of the
 * frame (negative: locals; 16 and up: params and results in the caller's outgoing
 * area), so a live [1<<20]*T costs one run, not a million offsets, and
 * outargs is the size of the Go-ABI argument area at the bottom of the frame that the
 * call passes to its callee. Example: in
 *
 *     func f(p *int) { q := new(int); g(q); h() }
 *
 * the map of the call to g lists neither p (dead after entry) nor q (dead after the
 * argument copy); a collection during h finds nothing to mark in f's frame.
 *
 * The collector (malloc.c, scanframe) calls stackmap_scan_frame for each frame on the
 * %rbp chain with the return address into that frame; frames without a map (the C
 * runtime) are scanned conservatively. The table symbols are weak, so a program linked
 * without them (no compiled Go code) scans every frame conservatively.
 */
#include <stdint.h>
#include <stdlib.h>

#include "stackmap.h"

typedef struct {
    uintptr_t pc;
    const int64_t *map;
} smentry;

extern const smentry stackmaps[] __asm__("runtime.stackmaps") __attribute__((weak));
extern const uintptr_t nstackmaps __asm__("runtime.nstackmaps") __attribute__((weak));

static const smentry *table;
static uintptr_t ntable;

static int bypc(const void *a, const void *b) {
    uintptr_t x = ((const smentry *)a)->pc, y = ((const smentry *)b)->pc;
    return x < y ? -1 : x > y;
}

/* init: the table, sorted by pc (the emitted one already is; this only checks). */
static void init(void) {
    if (table != NULL || &nstackmaps == NULL || nstackmaps == 0) return;
    uintptr_t n = nstackmaps;
    for (uintptr_t i = 1; i < n; i++) {
        if (stackmaps[i - 1].pc >= stackmaps[i].pc) {
            smentry *copy = malloc(n * sizeof(smentry));
            if (copy == NULL) return;
            for (uintptr_t j = 0; j < n; j++) copy[j] = stackmaps[j];
            qsort(copy, n, sizeof(smentry), bypc);
            table = copy;
            ntable = n;
            return;
        }
    }
    table = stackmaps;
    ntable = n;
}

const int64_t *stackmap_lookup(uintptr_t retpc) {
    init();
    uintptr_t lo = 0, hi = ntable;
    while (lo < hi) {
        uintptr_t mid = lo + (hi - lo) / 2;
        if (table[mid].pc < retpc) {
            lo = mid + 1;
        } else if (table[mid].pc > retpc) {
            hi = mid;
        } else {
            return table[mid].map;
        }
    }
    return NULL;
}

/* scanmap: call mark on every live pointer word map m lists of the frame at fp. */
static void scanmap(const int64_t *m, uintptr_t fp, void (*mark)(void *)) {
    const int64_t *run = m + 2, *end = run + 3 * m[1];
    for (; run < end; run += 3)
        for (int64_t k = 0; k < run[1]; k++)
            mark(*(void *const *)(fp + (uintptr_t)(run[0] + k * run[2])));
}

/* RESUME_SLACK: the most code bytes between an exit block's label and the return
   address of its deferreturn call (`movq %rbp, %rdi; call`: 8). */
enum { RESUME_SLACK = 32 };

int stackmap_scan_resume(uintptr_t resumepc, uintptr_t fp, void (*mark)(void *)) {
    init();
    uintptr_t lo = 0, hi = ntable;
    while (lo < hi) {
        uintptr_t mid = lo + (hi - lo) / 2;
        if (table[mid].pc <= resumepc) lo = mid + 1;
        else hi = mid;
    }
    if (lo == ntable || table[lo].pc - resumepc > RESUME_SLACK) return 0;
    scanmap(table[lo].map, fp, mark);
    return 1;
}

int stackmap_scan_frame(uintptr_t retpc, uintptr_t fp, void (*mark)(void *)) {
    const int64_t *m = stackmap_lookup(retpc);
    if (m == NULL) return 0;
    scanmap(m, fp, mark);
    return 1;
}

uintptr_t stackmap_outargs(uintptr_t retpc) {
    const int64_t *m = stackmap_lookup(retpc);
    return m == NULL ? 0 : (uintptr_t)m[0];
}

/* objectsof: the stack-object table of map m's function, or NULL. */
static const int64_t *objectsof(const int64_t *m) {
    const int64_t *od = m + 2 + 3 * m[1];
    return (const int64_t *)(uintptr_t)(od[0] > 0 ? od[2 + od[0]] : od[1]);
}

static const int64_t *firstrow(uintptr_t pc);

const int64_t *stackmap_objects(uintptr_t pc) {
    const int64_t *m = stackmap_lookup(pc);
    if (m == NULL) m = firstrow(pc);
    return m == NULL ? NULL : objectsof(m);
}

/* The compiled functions in text order (amd64.py's runtime.functab rows). */
typedef struct { uintptr_t entry; const void *name, *file; int64_t line, flags; } fnrow;
extern const fnrow functab[] __asm__("runtime.functab") __attribute__((weak));
extern const int64_t nfunctab __asm__("runtime.nfunctab") __attribute__((weak));
extern char gotext_end[] __asm__("runtime.gotext.end") __attribute__((weak));

/* firstrow: the first row of the compiled function holding pc, or NULL. */
static const int64_t *firstrow(uintptr_t pc) {
    init();
    if (&functab == NULL || ntable == 0 || pc >= (uintptr_t)gotext_end) return NULL;
    int64_t lo = 0, hi = nfunctab;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (functab[mid].entry <= pc) lo = mid + 1; else hi = mid;
    }
    if (lo == 0) return NULL;
    uintptr_t entry = functab[lo - 1].entry;
    uintptr_t end = lo < nfunctab ? functab[lo].entry : UINTPTR_MAX;
    uintptr_t a = 0, b = ntable;
    while (a < b) {
        uintptr_t mid = a + (b - a) / 2;
        if (table[mid].pc <= entry) a = mid + 1; else b = mid;
    }
    if (a == ntable || table[a].pc >= end) return NULL;
    return table[a].map;
}

const int64_t *stackmap_opendefers(uintptr_t pc) {
    const int64_t *m = firstrow(pc);
    if (m == NULL) return NULL;
    const int64_t *od = m + 2 + 3 * m[1];
    return od[0] > 0 ? od : NULL;
}

int stackmap_scan_open(uintptr_t pc, uintptr_t fp, void (*mark)(void *)) {
    const int64_t *m = firstrow(pc);
    if (m == NULL || m[0] != -1) return 0;
    scanmap(m, fp, mark);
    return 1;
}

/* The first bytes of a compiled function with a frame: its stack check (amd64.py,
   stack_check) `cmpq runtime.stackguard(%rip), %rsp`, or `leaq -N(%rsp), %rax` with a
   32-bit displacement for a frame over 128 bytes. A frameless leaf starts otherwise. */
int stackmap_frameless(uintptr_t pc) {
    if (&functab == NULL || nfunctab == 0 || pc >= (uintptr_t)gotext_end ||
        pc < functab[0].entry)
        return 0;
    int64_t lo = 0, hi = nfunctab;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (functab[mid].entry <= pc) lo = mid + 1; else hi = mid;
    }
    const uint8_t *e = (const uint8_t *)functab[lo - 1].entry;
    if (e[0] == 0x48 && e[1] == 0x3b && e[2] == 0x25) return 0;
    if (e[0] == 0x48 && e[1] == 0x8d && e[2] == 0x84 && e[3] == 0x24 && (e[7] & 0x80))
        return 0;
    return 1;
}
