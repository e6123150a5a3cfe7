/*
 * The refgo heap: a size-classed, non-moving mark-sweep collector.
 *
 * Memory comes from one arena reserved at the first allocation (64 GiB of address
 * space, PROT_NONE, committed with mprotect as it is used) and is cut into 8 KiB
 * pages. A span is a run of pages: a small span holds objects of one size class
 * (16 B ... 32 KiB, like gc's), a large span holds one object. spanmap[page] names the
 * span owning each in-use page, so any word can be tested for "points into an
 * allocated object" in O(1) — the basis of conservative scanning and of interior
 * pointers (slices into arrays, string data) keeping their object alive.
 *
 * Each span has an alloc bitmap and a mark bitmap (one bit per object) and a noscan
 * flag: pointer-free objects (newobject(typ) or newarray(typ, n) — makeslice,
 * growslice — with typ->ptrdata == 0, and string data) are allocated in noscan spans
 * and never scanned; others are scanned conservatively (every aligned word; a large
 * object only up to the last pointer word its type can have). The type descriptors
 * have no pointer bitmap, so scanning within ptrdata is conservative; mallocgc(size)
 * objects (closures, map cells, runtime records) are scanned whole.
 *
 * A collection (mallocgc once the heap has grown GOGC% over the live heap of the last
 * collection, minimum 4 MiB, or runtime.GC()) stops the world (there is one thread):
 *   1. spill the callee-saved registers onto the stack (gcspill, asm below);
 *   2. mark from the roots: the data and bss sections (Go globals, the runtime's
 *      statics such as the defer list and the itab cache, the signal stack), and the
 *      stack from the spill area up to __libc_stack_end, frame by frame along the %rbp
 *      chain (scanframe: compiled Go frames precisely from their stack maps, see
 *      stackmap.c; C runtime frames conservatively), then the stack objects (address-
 *      taken variables, stackobj.c) that a root word points into, transitively;
 *   3. sweep every span: alloc bits := mark bits; empty spans return their pages to
 *      the page heap, which coalesces neighbours and gives surplus free pages back to
 *      the kernel with madvise(MADV_DONTNEED), so RSS follows the live heap.
 *
 * Example: `for { p = &T{next: p} ... }` calls runtime.newobject(type.main.T) per
 * iteration; type.main.T has ptrdata 8, so each object goes to a scan span of class
 * 16 (say); with 3 MiB live the next collection starts when 6 MiB are in use, marks
 * what the stack slot of p reaches, and frees the rest for reuse.
 *
 * REFGO_GCDEBUG=1 poisons freed objects with 0xde bytes (a pointer loaded from freed
 * memory then faults, an integer reads garbage) and collects from 256 KiB on, so that
 * use-after-free bugs in the compiler or runtime show up in tests. GOGC=N and
 * GOGC=off work as in gc; GODEBUG=gctrace=1 prints one line per collection.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "malloc.h"
#include "sched.h"
#include "stackmap.h"
#include "stackobj.h"

enum {
    PAGESHIFT = 13,
    PAGESIZE = 1 << PAGESHIFT,
    MAXSMALL = 32768,   /* larger objects get a span of their own */
    MAXCLASS = 80,
    MAXELEMS = 512,     /* objects per small span (bitmap words below) */
    BITWORDS = MAXELEMS / 64,
    NFREELIST = 128,    /* exact-size free lists for runs of 1..127 pages; 0 = larger */
};

#define COMMIT_CHUNK ((uintptr_t)64 << 20)
#define MINHEAP ((uintptr_t)4 << 20)
#define MINHEAP_DEBUG ((uintptr_t)256 << 10)
#define POISON 0xde

enum { SPAN_FREE, SPAN_SMALL, SPAN_LARGE };

/* A span: a run of pages. The list links are valid per state: free spans sit on a
   page-heap free list, in-use spans on the inuse list; nextpartial only while a small
   span waits on its class's partial list. */
typedef struct span {
    uintptr_t base;
    uintptr_t npages;
    uintptr_t elemsize;    /* small: the class size; large: npages * PAGESIZE */
    uintptr_t scanlen;     /* bytes of each object to scan (large: ptrdata or size) */
    uint32_t nelems, nalloc, freeindex;  /* every object below freeindex is allocated */
    uint8_t state, noscan, needzero, cls;
    uint32_t nsampled;     /* objects the heap profile sampled (mprof.c) */
    struct span *next, *prev;
    struct span *nextpartial;
    uint64_t allocbits[BITWORDS];
    uint64_t markbits[BITWORDS];
} span;

uint64_t gc_nmalloc, gc_totalalloc, gc_nfree, gc_ngc;
uintptr_t gc_sigsp;

extern char __data_start[], _end[];
extern void printstring(const char *p, intptr_t n) __asm__("runtime.printstring");
extern void rtexit(int64_t code) __asm__("runtime.exit") __attribute__((noreturn));

/* The arena: [arena_lo, arena_used) is handed out as pages; its first page is never
   used, so arena_lo itself (a word in bss) points at no object. */
static uintptr_t arena_lo, arena_used, arena_committed, arena_hi;
static span **spanmap;
static span freelists[NFREELIST];   /* sentinels of circular lists */
static span inuse;                  /* sentinel: every small and large span */
static uintptr_t free_dirty;        /* bytes of free pages not yet given back */

static uint32_t class_size[MAXCLASS], class_npages[MAXCLASS];
static uint8_t class_by8[1024 / 16 + 1], class_by128[(MAXSMALL - 1024) / 128 + 1];
static span *cur[2 * MAXCLASS], *partial[2 * MAXCLASS];

static int inited, debug, trace;
static int64_t next_sample;  /* bytes to allocate before the heap profile's next sample */
static int64_t gcpercent = 100;
static uintptr_t heap_live, next_gc, minheap;

typedef struct { uintptr_t p, n; } work;
static work *mstack;
static size_t mlen, mcap;

static void fatal(const char *msg) __attribute__((noreturn));
static void fatal(const char *msg) {
    printstring("fatal error: ", 13);
    printstring(msg, (intptr_t)strlen(msg));
    printstring("\n", 1);
    rtexit(2);
}

/* ---------------------------------------------------------------------------------- */
/* Size classes: 16-byte steps to 256, then 8 classes per power of two up to 32 KiB.  */

static void initclasses(void) {
    uint32_t n = 1, sz = 0;
    while (sz < MAXSMALL) {
        uint32_t step = 16;
        if (sz >= 256) {
            uint32_t pow = 256;
            while (pow * 2 <= sz) pow *= 2;
            step = pow / 8;
        }
        sz += step;
        uint32_t np = 16;
        for (uint32_t k = 1; k <= 16; k++) {
            uint32_t bytes = k * PAGESIZE, elems = bytes / sz;
            if (elems >= 1 && elems <= MAXELEMS && (bytes - elems * sz) * 8 <= bytes) {
                np = k;
                break;
            }
        }
        class_size[n] = sz;
        class_npages[n] = np;
        n++;
    }
    uint32_t c = 1;
    for (uint32_t i = 0; i <= 1024 / 16; i++) {
        while (class_size[c] < i * 16) c++;
        class_by8[i] = (uint8_t)c;
    }
    for (uint32_t i = 0; i <= (MAXSMALL - 1024) / 128; i++) {
        while (class_size[c] < 1024 + i * 128) c++;
        class_by128[i] = (uint8_t)c;
    }
}

/* sizeclass: the smallest class holding size bytes (0 < size <= MAXSMALL). */
static uint32_t sizeclass(uintptr_t size) {
    if (size <= 1024) return class_by8[(size + 15) >> 4];
    return class_by128[(size - 1024 + 127) >> 7];
}

static void gcinit(void) {
    const char *e = getenv("REFGO_GCDEBUG");
    debug = e != NULL && e[0] != '\0' && strcmp(e, "0") != 0;
    e = getenv("GOGC");
    if (e != NULL && strcmp(e, "off") == 0) gcpercent = -1;
    else if (e != NULL && e[0] >= '0' && e[0] <= '9') gcpercent = strtol(e, NULL, 10);
    e = getenv("GODEBUG");
    trace = e != NULL && strstr(e, "gctrace=1") != NULL;
    minheap = debug ? MINHEAP_DEBUG : MINHEAP;
    next_gc = minheap;
    initclasses();
    for (int i = 0; i < NFREELIST; i++) freelists[i].next = freelists[i].prev = &freelists[i];
    inuse.next = inuse.prev = &inuse;
    static const int gib[] = {64, 16, 4, 1};
    for (int i = 0; i < 4 && arena_lo == 0; i++) {
        uintptr_t size = (uintptr_t)gib[i] << 30;
        void *p = mmap(NULL, size + PAGESIZE, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) continue;
        void *m = mmap(NULL, (size >> PAGESHIFT) * sizeof(span *), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED) {
            munmap(p, size + PAGESIZE);
            continue;
        }
        spanmap = m;
        arena_lo = ((uintptr_t)p + PAGESIZE - 1) & ~(uintptr_t)(PAGESIZE - 1);
        arena_hi = arena_lo + size;
    }
    if (arena_lo == 0) fatal("runtime: cannot reserve heap arena");
    arena_used = arena_committed = arena_lo + PAGESIZE;
    inited = 1;
}

/* ---------------------------------------------------------------------------------- */
/* The page heap.                                                                     */

static void unlink_(span *s) {
    s->prev->next = s->next;
    s->next->prev = s->prev;
    s->next = s->prev = NULL;
}

static void linkafter(span *head, span *s) {
    s->next = head->next;
    s->prev = head;
    head->next->prev = s;
    head->next = s;
}

static uintptr_t pageindex(uintptr_t addr) { return (addr - arena_lo) >> PAGESHIFT; }

static void setmap(span *s, span *v) {
    uintptr_t i = pageindex(s->base);
    for (uintptr_t k = 0; k < s->npages; k++) spanmap[i + k] = v;
}

static span *freelist_for(uintptr_t npages) {
    return &freelists[npages < NFREELIST ? npages : 0];
}

/* putfree: make s a free run, merged with free neighbours; only its end pages map to
   it, so a word pointing into it finds no object. */
static void putfree(span *s) {
    setmap(s, NULL);
    uintptr_t i = pageindex(s->base);
    span *l = i > 1 ? spanmap[i - 1] : NULL;
    if (l != NULL && l->state == SPAN_FREE) {
        unlink_(l);
        spanmap[i - 1] = spanmap[pageindex(l->base)] = NULL;
        if (l->needzero) free_dirty -= l->npages * PAGESIZE;
        s->base = l->base;
        s->npages += l->npages;
        s->needzero |= l->needzero;
        free(l);
    }
    uintptr_t end = pageindex(s->base) + s->npages;
    span *r = end < pageindex(arena_used) ? spanmap[end] : NULL;
    if (r != NULL && r->state == SPAN_FREE) {
        unlink_(r);
        spanmap[end] = spanmap[end + r->npages - 1] = NULL;
        if (r->needzero) free_dirty -= r->npages * PAGESIZE;
        s->npages += r->npages;
        s->needzero |= r->needzero;
        free(r);
    }
    s->state = SPAN_FREE;
    if (s->needzero) free_dirty += s->npages * PAGESIZE;
    spanmap[pageindex(s->base)] = s;
    spanmap[pageindex(s->base) + s->npages - 1] = s;
    linkafter(freelist_for(s->npages), s);
}

static span *newspan(void) {
    span *s = calloc(1, sizeof(span));
    if (s == NULL) fatal("runtime: out of memory");
    return s;
}

/* takefree: a free run of at least npages (best fit), or NULL. */
static span *takefree(uintptr_t npages) {
    for (uintptr_t n = npages; n < NFREELIST; n++)
        if (freelists[n].next != &freelists[n]) return freelists[n].next;
    span *best = NULL;
    for (span *s = freelists[0].next; s != &freelists[0]; s = s->next)
        if (s->npages >= npages && (best == NULL || s->npages < best->npages)) best = s;
    return best;
}

/* allocpages: an in-use span of npages pages, mapped in spanmap; needzero says whether
   its memory may hold old data. */
static span *allocpages(uintptr_t npages) {
    span *s = takefree(npages);
    if (s != NULL) {
        unlink_(s);
        spanmap[pageindex(s->base)] = spanmap[pageindex(s->base) + s->npages - 1] = NULL;
        if (s->needzero) free_dirty -= s->npages * PAGESIZE;
        if (s->npages > npages) {
            span *rest = newspan();
            rest->base = s->base + npages * PAGESIZE;
            rest->npages = s->npages - npages;
            rest->needzero = s->needzero;
            s->npages = npages;
            putfree(rest);
        }
    } else {
        if (npages > (arena_hi - arena_used) >> PAGESHIFT) fatal("runtime: out of memory");
        uintptr_t end = arena_used + npages * PAGESIZE;
        if (end > arena_committed) {
            uintptr_t c = (end - arena_committed + COMMIT_CHUNK - 1) & ~(COMMIT_CHUNK - 1);
            if (c > arena_hi - arena_committed) c = arena_hi - arena_committed;
            if (mprotect((void *)arena_committed, c, PROT_READ | PROT_WRITE) != 0)
                fatal("runtime: out of memory");
            arena_committed += c;
        }
        s = newspan();
        s->base = arena_used;
        s->npages = npages;
        arena_used = end;
    }
    memset(s->allocbits, 0, sizeof s->allocbits);
    memset(s->markbits, 0, sizeof s->markbits);
    s->nalloc = s->freeindex = s->nsampled = 0;
    setmap(s, s);
    linkafter(&inuse, s);
    return s;
}

/* freespan: return an in-use span's pages to the page heap. */
static void freespan(span *s) {
    unlink_(s);
    s->needzero = 1;
    putfree(s);
}

/* scavenge: give free pages back to the kernel until at most keep bytes of them stay
   resident. */
static void scavenge(uintptr_t keep) {
    for (int i = 0; i < NFREELIST && free_dirty > keep; i++) {
        for (span *s = freelists[i].next; s != &freelists[i] && free_dirty > keep;
             s = s->next) {
            if (!s->needzero) continue;
            madvise((void *)s->base, s->npages * PAGESIZE, MADV_DONTNEED);
            s->needzero = 0;
            free_dirty -= s->npages * PAGESIZE;
        }
    }
}

/* ---------------------------------------------------------------------------------- */
/* Allocation.                                                                        */

void gcspill(void) __asm__("runtime.gcspill");

static void *allocsmall(uint32_t cls, int noscan) {
    int sc = 2 * (int)cls + noscan;
    span *s = cur[sc];
    if (s == NULL || s->nalloc == s->nelems) {
        s = partial[sc];
        if (s != NULL) {
            partial[sc] = s->nextpartial;
            s->nextpartial = NULL;
        } else {
            s = allocpages(class_npages[cls]);
            s->state = SPAN_SMALL;
            s->cls = (uint8_t)cls;
            s->elemsize = class_size[cls];
            s->nelems = (uint32_t)(s->npages * PAGESIZE / s->elemsize);
            s->noscan = (uint8_t)noscan;
            s->scanlen = s->elemsize;
        }
        cur[sc] = s;
    }
    uint32_t w = s->freeindex >> 6;
    uint64_t m = ~s->allocbits[w] & (~(uint64_t)0 << (s->freeindex & 63));
    while (m == 0) m = ~s->allocbits[++w];
    uint32_t i = w * 64 + (uint32_t)__builtin_ctzll(m);
    s->allocbits[w] |= (uint64_t)1 << (i & 63);
    s->freeindex = i + 1;
    s->nalloc++;
    void *p = (void *)(s->base + (uintptr_t)i * s->elemsize);
    if (s->needzero) memset(p, 0, s->elemsize);
    heap_live += s->elemsize;
    return p;
}

static void *alloclarge(uintptr_t size, uintptr_t scanlen, int noscan) {
    if (size > arena_hi - arena_lo) fatal("runtime: out of memory");
    uintptr_t npages = (size + PAGESIZE - 1) >> PAGESHIFT;
    span *s = allocpages(npages);
    s->state = SPAN_LARGE;
    s->elemsize = npages * PAGESIZE;
    s->nelems = 1;
    s->nalloc = 1;
    s->allocbits[0] = 1;
    s->noscan = (uint8_t)noscan;
    s->scanlen = scanlen;
    if (s->needzero) memset((void *)s->base, 0, size);
    heap_live += s->elemsize;
    return (void *)s->base;
}

/* gcalloc: size zeroed bytes; only the first scanlen bytes can hold pointers. */
static void *gcalloc(uintptr_t size, uintptr_t scanlen) {
    if (!inited) gcinit();
    gc_nmalloc++;
    gc_totalalloc += size;
    if (heap_live >= next_gc && gcpercent >= 0) {
        gcspill();
        finalizer_start();
    }
    if (stackdebug) sched_stackdebug();
    if (size == 0) size = 1;
    int noscan = scanlen == 0;
    void *p = size <= MAXSMALL ? allocsmall(sizeclass(size), noscan)
                               : alloclarge(size, scanlen, noscan);
    int64_t rate = mprof_rate();
    if (rate > 0) {
        int64_t esize = size <= MAXSMALL ? (int64_t)class_size[sizeclass(size)]
                                         : (int64_t)((size + PAGESIZE - 1) & ~(PAGESIZE - 1));
        if (rate != 1 && esize < next_sample) {
            next_sample -= esize;
        } else {
            mprof_malloc(p, (uintptr_t)esize);
            spanmap[pageindex((uintptr_t)p)]->nsampled++;
            next_sample = mprof_nextsample(rate);
        }
    }
    return p;
}

void *mallocgc(uintptr_t size) { return gcalloc(size, size); }

void *mallocnoscan(uintptr_t size) { return gcalloc(size, 0); }

void *newobject(const void *typ) {
    const uintptr_t *t = typ;
    return gcalloc(t[0], t[1]);
}

void *newarray(const void *typ, uintptr_t n) {
    const uintptr_t *t = typ;
    if (n == 0 || t[1] == 0) return gcalloc(t[0] * n, 0);
    return gcalloc(t[0] * n, t[0] * (n - 1) + t[1]);
}

/* ---------------------------------------------------------------------------------- */
/* Marking.                                                                           */

static void push(uintptr_t p, uintptr_t n) {
    if (mlen == mcap) {
        size_t ncap = mcap ? 2 * mcap : 4096;
        work *w = realloc(mstack, ncap * sizeof(work));
        if (w == NULL) fatal("runtime: out of memory (mark stack)");
        mstack = w;
        mcap = ncap;
    }
    mstack[mlen].p = p;
    mstack[mlen].n = n;
    mlen++;
}

/* markword: if w points into an allocated object, mark it and queue it for scanning. */
static inline void markword(uintptr_t w) {
    if (w - arena_lo >= arena_used - arena_lo) return;
    span *s = spanmap[(w - arena_lo) >> PAGESHIFT];
    if (s == NULL || s->state == SPAN_FREE) return;
    uintptr_t i = (w - s->base) / s->elemsize;
    if (i >= s->nelems) return;
    uint64_t bit = (uint64_t)1 << (i & 63);
    if (!(s->allocbits[i >> 6] & bit) || (s->markbits[i >> 6] & bit)) return;
    s->markbits[i >> 6] |= bit;
    if (!s->noscan) push(s->base + i * s->elemsize, s->scanlen);
}

/* scanblock: treat every aligned word of [lo, hi) as a possible pointer. */
static void scanblock(uintptr_t lo, uintptr_t hi) {
    lo = (lo + 7) & ~(uintptr_t)7;
    for (uintptr_t p = lo; p + 8 <= hi; p += 8) markword(*(const uintptr_t *)p);
}

static void markptr(void *p) { markword((uintptr_t)p); }

/* rootword: w is a root (a stack, data or scheduler word, or a stack object's): mark
   the heap object or queue the stack object it points into (stackobj.c). */
static void rootword(uintptr_t w) {
    stackobj_root(w);
    markword(w);
}

static void rootptr(void *p) { rootword((uintptr_t)p); }

static void rootblock(uintptr_t lo, uintptr_t hi) {
    lo = (lo + 7) & ~(uintptr_t)7;
    for (uintptr_t p = lo; p + 8 <= hi; p += 8) rootword(*(const uintptr_t *)p);
}

/* scaninside: mark what the object p points into reaches, but not the object itself:
   its words pointing back into it are skipped (gc's scanobject), so only a longer
   cycle keeps it. */
static void scaninside(void *p) {
    uintptr_t w = (uintptr_t)p;
    if (w - arena_lo >= arena_used - arena_lo) return;
    span *s = spanmap[(w - arena_lo) >> PAGESHIFT];
    if (s == NULL || s->state == SPAN_FREE || s->noscan) return;
    uintptr_t i = (w - s->base) / s->elemsize;
    if (i >= s->nelems || !((s->allocbits[i >> 6] >> (i & 63)) & 1)) return;
    uintptr_t base = s->base + i * s->elemsize;
    for (uintptr_t q = base; q + 8 <= base + s->scanlen; q += 8) {
        uintptr_t v = *(const uintptr_t *)q;
        if (v - base >= s->elemsize) markword(v);
    }
}

/* ismarked: whether p is not a heap object or is one marked in this collection. */
static int ismarked(void *p) {
    uintptr_t w = (uintptr_t)p;
    if (w - arena_lo >= arena_used - arena_lo) return 1;
    span *s = spanmap[(w - arena_lo) >> PAGESHIFT];
    if (s == NULL || s->state == SPAN_FREE) return 1;
    uintptr_t i = (w - s->base) / s->elemsize;
    if (i >= s->nelems) return 1;
    return (s->markbits[i >> 6] >> (i & 63)) & 1;
}

/* scanframe: scan the frame [lo, hi) (hi is its %rbp) suspended at the call returning
   to pc (0: unknown). A compiled Go frame is scanned precisely from pc's stack map
   (stackmap.c), plus its outgoing arguments unless the callee's frame was precise
   (calleemap) and so covered them. A frame stopped at a fault (pc no call's) that has
   a deferred call among defers is scanned with its exit block's map, where a recover
   resumes it (gc's continpc); one with open-coded defers with its resume row
   (stackmap_scan_open); other frames without a map (the C runtime, a faulting frame
   without defers) are scanned conservatively. Returns whether the frame had a map. */
static int scanframe(uintptr_t lo, uintptr_t hi, uintptr_t pc, int calleemap,
                     const deferrec *defers) {
    if (pc != 0 && stackmap_scan_frame(pc, hi, rootptr)) {
        if (!calleemap) rootblock(lo, lo + stackmap_outargs(pc));
        return 1;
    }
    if (pc != 0) {
        for (const deferrec *d = defers; d != NULL; d = d->link) {
            if (d->rbp == hi) {
                if (stackmap_scan_resume(d->pc, hi, rootptr)) return 1;
                break;
            }
        }
        if (stackmap_scan_open(pc, hi, rootptr)) return 1;
    }
    rootblock(lo, hi);
    return 0;
}

/* scanstack: scan [sp, top) frame by frame along the %rbp chain starting at fp, the
   stack of a goroutine whose deferred calls are defers; every byte of the range is
   covered even where the chain is broken. */
static void scanstack(uintptr_t sp, uintptr_t fp, uintptr_t top, const deferrec *defers) {
    uintptr_t lo = sp, pc = 0;
    int calleemap = 0;
    while (fp >= lo && fp < top) {
        uintptr_t next = ((const uintptr_t *)fp)[0];
        calleemap = scanframe(lo, fp, pc, calleemap, defers);
        pc = ((const uintptr_t *)fp)[1];
        lo = fp + 16;
        if (next <= fp || next >= top || (next & 7) != 0) break;
        fp = next;
    }
    rootblock(lo, top);
}

/* gatherstack: gather the stack objects of the frames scanstack would scan. */
static void gatherstack(uintptr_t sp, uintptr_t fp, uintptr_t top, const deferrec *defers) {
    (void)defers;
    uintptr_t lo = sp, pc = 0;
    while (fp >= lo && fp < top) {
        uintptr_t next = ((const uintptr_t *)fp)[0];
        if (pc != 0) stackobj_add(pc, fp);
        pc = ((const uintptr_t *)fp)[1];
        lo = fp + 16;
        if (next <= fp || next >= top || (next & 7) != 0) break;
        fp = next;
    }
}

static void noblock(uintptr_t lo, uintptr_t hi) { (void)lo, (void)hi; }

/* drain: scan the queued objects until none is left. An object is queued when a word
   pointing at it is scanned, mostly long after its memory was last touched, so the
   first load of its scan missed the cache (three quarters of BinaryTree17's time in
   the marker). Objects now pass through a FIFO of PREFETCH entries: each one's first
   line is prefetched as it enters and it is scanned as it leaves, while the loads of
   those behind it are under way. */
enum { PREFETCH = 16 };

static void drain(void) {
    work fifo[PREFETCH];
    unsigned head = 0, count = 0;
    for (;;) {
        if (mlen > 0 && count < PREFETCH) {
            mlen--;
            work w = mstack[mlen];
            __builtin_prefetch((const void *)w.p);
            fifo[(head + count++) % PREFETCH] = w;
            continue;
        }
        if (count == 0) return;
        work w = fifo[head];
        head = (head + 1) % PREFETCH;
        count--;
        scanblock(w.p, w.p + w.n);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Sweeping.                                                                          */

static void poison(span *s, uint32_t w, uint64_t dead) {
    while (dead != 0) {
        uint32_t i = w * 64 + (uint32_t)__builtin_ctzll(dead);
        dead &= dead - 1;
        memset((void *)(s->base + (uintptr_t)i * s->elemsize), POISON, s->elemsize);
    }
}

/* unsample: count the frees of the sampled objects among dead in the heap profile. */
static void unsample(span *s, uint32_t w, uint64_t dead) {
    while (dead != 0 && s->nsampled != 0) {
        uint32_t i = w * 64 + (uint32_t)__builtin_ctzll(dead);
        dead &= dead - 1;
        if (mprof_free((void *)(s->base + (uintptr_t)i * s->elemsize), s->elemsize))
            s->nsampled--;
    }
}

/* sweep: free every unmarked object; return the bytes of the marked ones. */
static uintptr_t sweep(void) {
    uintptr_t live = 0;
    memset(cur, 0, sizeof cur);
    memset(partial, 0, sizeof partial);
    for (span *s = inuse.next, *next; s != &inuse; s = next) {
        next = s->next;
        uint32_t n = 0;
        for (uint32_t w = 0; w < (s->nelems + 63) / 64; w++) {
            uint64_t dead = s->allocbits[w] & ~s->markbits[w];
            gc_nfree += (uint64_t)__builtin_popcountll(dead);
            if (s->nsampled != 0) unsample(s, w, dead);
            if (debug && dead != 0) poison(s, w, dead);
            n += (uint32_t)__builtin_popcountll(s->markbits[w]);
            s->allocbits[w] = s->markbits[w];
            s->markbits[w] = 0;
        }
        if (n == 0) {
            freespan(s);
            continue;
        }
        live += n * s->elemsize;
        s->nalloc = n;
        s->freeindex = 0;
        s->needzero = 1;
        if (s->state == SPAN_SMALL && n < s->nelems) {
            int sc = 2 * s->cls + s->noscan;
            s->nextpartial = partial[sc];
            partial[sc] = s;
        }
    }
    return live;
}

/* gccollect: the collection proper, called by gcspill with sp = the spilled registers
   and fp = gcspill's frame pointer. */
/* runtime/debug.setGCPercent(percent): sets GOGC (negative: off), moves the next
   collection's goal as gccollect would, and returns the previous percentage. */
int64_t debug_setGCPercent(int64_t percent) __asm__("\"runtime/debug.setGCPercent\"");
int64_t debug_setGCPercent(int64_t percent) {
    if (!inited) gcinit();
    int64_t old = gcpercent;
    gcpercent = percent < 0 ? -1 : percent;
    uintptr_t goal = heap_live + heap_live / 100 * (uintptr_t)(gcpercent > 0 ? gcpercent : 0);
    next_gc = goal > minheap ? goal : minheap;
    return old;
}

void gccollect(uintptr_t sp, uintptr_t fp) __asm__("runtime.gccollect");
void gccollect(uintptr_t sp, uintptr_t fp) {
    gc_ngc++;
    gatherstack(sp, fp, curstacktop(), curg->defers);
    sched_scanroots(noblock, gatherstack);
    stackobj_ready();
    rootblock((uintptr_t)__data_start, (uintptr_t)_end);
    scanstack(sp, fp, curstacktop(), curg->defers);
    sched_scanroots(rootblock, scanstack);
    stackobj_drain(rootword);
    stackobj_reset();
    drain();
    finalizer_mark(ismarked, markptr, scaninside, drain);
    heap_live = sweep();
    mprof_flush();
    uintptr_t goal = heap_live + heap_live / 100 * (uintptr_t)(gcpercent > 0 ? gcpercent : 0);
    next_gc = goal > minheap ? goal : minheap;
    scavenge(next_gc - heap_live + (next_gc - heap_live) / 2);
    if (trace) {
        char line[160];
        int n = snprintf(line, sizeof line,
                         "gc %llu: %llu KB live, %llu KB goal, %llu KB arena, %llu KB free\n",
                         (unsigned long long)gc_ngc, (unsigned long long)(heap_live >> 10),
                         (unsigned long long)(next_gc >> 10),
                         (unsigned long long)((arena_used - arena_lo) >> 10),
                         (unsigned long long)(free_dirty >> 10));
        if (n > 0) printstring(line, n < (int)sizeof line ? n : (int)sizeof line - 1);
    }
}

/* gcspill: push the callee-saved registers (where C runtime callers may hold heap
   pointers) and a zero word for alignment, then gccollect(sp, fp). Do NOT leave a slot
   of this frame unwritten: it would hold a stale word of a returned Go frame, which the
   conservative scan of [sp, fp) would take for a root. */
__asm__(
    "	.text\n"
    "	.globl	\"runtime.gcspill\"\n"
    "	.type	\"runtime.gcspill\", @function\n"
    "\"runtime.gcspill\":\n"
    "	pushq	%rbp\n"
    "	movq	%rsp, %rbp\n"
    "	pushq	%rbx\n"
    "	pushq	%r12\n"
    "	pushq	%r13\n"
    "	pushq	%r14\n"
    "	pushq	%r15\n"
    "	pushq	$0\n"
    "	movq	%rsp, %rdi\n"
    "	movq	%rbp, %rsi\n"
    "	call	\"runtime.gccollect\"\n"
    "	addq	$8, %rsp\n"
    "	popq	%r15\n"
    "	popq	%r14\n"
    "	popq	%r13\n"
    "	popq	%r12\n"
    "	popq	%rbx\n"
    "	popq	%rbp\n"
    "	ret\n");

void GC(void) {
    if (!inited) gcinit();
    gcspill();
    finalizer_start();
    finalizer_yield();
    gcyield();
}

int64_t HeapInUse(void) { return (int64_t)heap_live; }

uint64_t gc_sys(void) { return arena_used - arena_lo; }
