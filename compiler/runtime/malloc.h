/*
 * The refgo heap (malloc.c) as the rest of the C runtime sees it: allocation entry
 * points, the collector's statistics, and the one hook the signal handler must call.
 * Compiled Go code reaches the same functions through their gc linker names
 * (runtime.mallocgc, runtime.newobject, runtime.GC, runtime.HeapInUse).
 */
#ifndef REFGO_MALLOC_H
#define REFGO_MALLOC_H

#include <stdint.h>

/* mallocgc: size zeroed bytes that the collector scans conservatively for pointers. */
void *mallocgc(uintptr_t size) __asm__("runtime.mallocgc");

/* newobject: a zeroed object of type typ (a type descriptor: size at +0, ptrdata at +8);
   pointer-free types (ptrdata 0) are never scanned. */
void *newobject(const void *typ) __asm__("runtime.newobject");

/* newarray: n zeroed elements of type typ; never scanned when typ has no pointers. */
void *newarray(const void *typ, uintptr_t n);

/* mallocnoscan: size zeroed bytes that hold no pointers (string and byte data). */
void *mallocnoscan(uintptr_t size);

/* GC: a full stop-the-world collection. */
void GC(void) __asm__("runtime.GC");

/* HeapInUse: bytes in allocated heap objects (live at the last GC plus allocated since). */
int64_t HeapInUse(void) __asm__("runtime.HeapInUse");

/* Cumulative number of allocations and bytes requested, objects freed, and collections
   run (runtime.MemStats Mallocs, TotalAlloc, Frees, NumGC). */
extern uint64_t gc_nmalloc, gc_totalalloc, gc_nfree, gc_ngc;

/* gc_sys: bytes of the heap arena handed out as pages so far (MemStats HeapSys). */
uint64_t gc_sys(void);

/* gc_sigsp: the interrupted %rsp, set by the SIGSEGV handler before it panics on the
   alternate signal stack, so a collection during that panic scans the main stack. */
extern uintptr_t gc_sigsp;

/* Finalizers (finalizer.c): finalizer_mark runs in a collection between marking and
   sweeping; finalizer_start after a collection; finalizer_yield at the end of an
   explicit runtime.GC. */
void finalizer_mark(int (*marked)(void *), void (*mark)(void *), void (*scaninside)(void *),
                    void (*drain)(void));
void finalizer_start(void);
void finalizer_yield(void);

/* The heap profile (mprof.c): mprof_rate is runtime.MemProfileRate; mprof_nextsample
   draws the bytes to the next sample; mprof_malloc records a sampled object of size
   bytes; mprof_free reports whether a freed object was sampled, counting its free;
   mprof_flush publishes the counts at the end of a collection. */
int64_t mprof_rate(void);
int64_t mprof_nextsample(int64_t rate);
void mprof_malloc(void *p, uintptr_t size);
int mprof_free(void *p, uintptr_t size);
void mprof_flush(void);

#endif
