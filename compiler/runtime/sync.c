/*
 * The runtime side of packages sync and sync/atomic (compiler/lib/sync, whose
 * hooks_refgo.go declares these functions; docs: compiler/lib/README.md).
 *
 * One thread runs Go code and the C runtime is never preempted, so each hook is atomic
 * with respect to every goroutine: a Mutex is two words the hooks read and write
 * plainly, and a goroutine that must wait parks on a semaphore, a FIFO of sudogs keyed
 * by the address it waits on. Unlocking with waiters hands the lock straight to the
 * first of them (no barging), so waiters never starve. The atomic functions use the
 * processor's atomic instructions all the same, so they stay right if Go code ever
 * runs on more threads.
 *
 * Example: m.Lock() on a locked Mutex counts itself a waiter (state += 2) and parks on
 * &m.sema; m.Unlock() sees the waiter, keeps the locked bit, takes one waiter off the
 * count and readies the first goroutine parked on &m.sema, which now holds the lock.
 */
#include <stdint.h>
#include <string.h>

#include "sched.h"

/* ---- semaphores ---- */

typedef struct { sudog *first, *last; } semq;
enum { SEMTAB = 251 };
static semq semtab[SEMTAB];

static semq *semroot(const void *addr) { return &semtab[((uintptr_t)addr >> 3) % SEMTAB]; }

static void semunlink(semq *q, sudog *s) {
    if (s->prev) s->prev->next = s->next; else q->first = s->next;
    if (s->next) s->next->prev = s->prev; else q->last = s->prev;
    s->next = s->prev = NULL;
}

/* semwait: park curg on addr (with ticket t, for sync.Cond) until semwake takes it. */
static void semwait(const void *addr, uint32_t t, const char *reason) {
    semq *q = semroot(addr);
    sudog *s = &curg->sg;
    memset(s, 0, sizeof *s);
    s->g = curg;
    s->addr = addr;
    s->ticket = t;
    s->prev = q->last;
    if (q->last) q->last->next = s; else q->first = s;
    q->last = s;
    gopark(reason);
}

/* semwake: ready the first goroutine parked on addr (with ticket t unless any);
   returns whether there was one. */
static int semwake(const void *addr, int any, uint32_t t) {
    semq *q = semroot(addr);
    for (sudog *s = q->first; s != NULL; s = s->next) {
        if (s->addr == addr && (any || s->ticket == t)) {
            semunlink(q, s);
            goready(s->g);
            return 1;
        }
    }
    return 0;
}

/* semacquire/semrelease: a counting semaphore on *addr whose release hands the unit
   straight to a waiter. */
static void semacquire(uint32_t *addr, const char *reason) {
    if (*addr > 0) {
        (*addr)--;
        return;
    }
    semwait(addr, 0, reason);
}

static void semrelease(uint32_t *addr) {
    if (!semwake(addr, 1, 0)) (*addr)++;
}

/* ---- sync.Mutex {state int32 (bit 0 locked, waiters << 1); sema uint32} ---- */

typedef struct { int32_t state; uint32_t sema; } mutex;

void sync_mutexLock(mutex *m) __asm__("sync.mutexLock");
void sync_mutexLock(mutex *m) {
    if (!(m->state & 1)) {
        m->state |= 1;
        return;
    }
    m->state += 2;
    semacquire(&m->sema, "semacquire");
}

int64_t sync_mutexTryLock(mutex *m) __asm__("sync.mutexTryLock");
int64_t sync_mutexTryLock(mutex *m) {
    if (m->state & 1) return 0;
    m->state |= 1;
    return 1;
}

void sync_mutexUnlock(mutex *m) __asm__("sync.mutexUnlock");
void sync_mutexUnlock(mutex *m) {
    if (!(m->state & 1)) rt_throw("sync: unlock of unlocked mutex");
    if (m->state >> 1 == 0) {
        m->state = 0;
        return;
    }
    m->state -= 2;
    semrelease(&m->sema);
}

/* ---- sync.RWMutex: a writer, active readers, and waiting writers and readers ---- */

typedef struct {
    int32_t writer, readers, wwait, rwait;
    uint32_t rsema, wsema;
} rwmutex;

void sync_rwRLock(rwmutex *rw) __asm__("sync.rwRLock");
void sync_rwRLock(rwmutex *rw) {
    if (!rw->writer && rw->wwait == 0) {
        rw->readers++;
        return;
    }
    rw->rwait++;
    semacquire(&rw->rsema, "semacquire");
}

int64_t sync_rwTryRLock(rwmutex *rw) __asm__("sync.rwTryRLock");
int64_t sync_rwTryRLock(rwmutex *rw) {
    if (rw->writer || rw->wwait != 0) return 0;
    rw->readers++;
    return 1;
}

/* handwriter: give the lock to the first waiting writer. */
static void handwriter(rwmutex *rw) {
    rw->wwait--;
    rw->writer = 1;
    semrelease(&rw->wsema);
}

void sync_rwRUnlock(rwmutex *rw) __asm__("sync.rwRUnlock");
void sync_rwRUnlock(rwmutex *rw) {
    if (rw->readers <= 0) rt_throw("sync: RUnlock of unlocked RWMutex");
    if (--rw->readers == 0 && rw->wwait > 0) handwriter(rw);
}

void sync_rwLock(rwmutex *rw) __asm__("sync.rwLock");
void sync_rwLock(rwmutex *rw) {
    if (!rw->writer && rw->readers == 0) {
        rw->writer = 1;
        return;
    }
    rw->wwait++;
    semacquire(&rw->wsema, "semacquire");
}

int64_t sync_rwTryLock(rwmutex *rw) __asm__("sync.rwTryLock");
int64_t sync_rwTryLock(rwmutex *rw) {
    if (rw->writer || rw->readers != 0) return 0;
    rw->writer = 1;
    return 1;
}

/* Unlock lets every waiting reader in first, as gc does; else the next writer. */
void sync_rwUnlock(rwmutex *rw) __asm__("sync.rwUnlock");
void sync_rwUnlock(rwmutex *rw) {
    if (!rw->writer) rt_throw("sync: Unlock of unlocked RWMutex");
    rw->writer = 0;
    if (rw->rwait > 0) {
        int32_t n = rw->rwait;
        rw->readers += n;
        rw->rwait = 0;
        while (n-- > 0) semrelease(&rw->rsema);
    } else if (rw->wwait > 0) {
        handwriter(rw);
    }
}

/* ---- sync.WaitGroup {count int64; waiters int32; sema uint32} ---- */

typedef struct { int64_t count; int32_t waiters; uint32_t sema; } waitgroup;

/* wgAdd: count += delta; at zero, release every waiter. Returns the new count (the Go
   side panics when it is negative). */
int64_t sync_wgAdd(waitgroup *wg, int64_t delta) __asm__("sync.wgAdd");
int64_t sync_wgAdd(waitgroup *wg, int64_t delta) {
    wg->count += delta;
    if (wg->count < 0) {
        int64_t c = wg->count;
        wg->count = 0;
        return c;
    }
    if (wg->count == 0) {
        while (wg->waiters > 0) {
            wg->waiters--;
            semrelease(&wg->sema);
        }
    }
    return wg->count;
}

void sync_wgWait(waitgroup *wg) __asm__("sync.wgWait");
void sync_wgWait(waitgroup *wg) {
    if (wg->count == 0) return;
    wg->waiters++;
    semacquire(&wg->sema, "semacquire");
}

/* ---- sync.Cond's notify list: tickets handed out by Add, released in order ---- */

typedef struct { uint32_t wait, notify; } notifylist;

int64_t sync_notifyListAdd(notifylist *l) __asm__("sync.notifyListAdd");
int64_t sync_notifyListAdd(notifylist *l) { return l->wait++; }

void sync_notifyListWait(notifylist *l, uint32_t t) __asm__("sync.notifyListWait");
void sync_notifyListWait(notifylist *l, uint32_t t) {
    if ((int32_t)(t - l->notify) < 0) return;
    semwait(l, t, "sync.Cond.Wait");
}

void sync_notifyListNotifyOne(notifylist *l) __asm__("sync.notifyListNotifyOne");
void sync_notifyListNotifyOne(notifylist *l) {
    if (l->wait == l->notify) return;
    semwake(l, 0, l->notify++);
}

void sync_notifyListNotifyAll(notifylist *l) __asm__("sync.notifyListNotifyAll");
void sync_notifyListNotifyAll(notifylist *l) {
    l->notify = l->wait;
    while (semwake(l, 1, 0)) {}
}

/* ---- pinning: no preemption of the goroutine between procPin and procUnpin ---- */

void sync_procPin(void) __asm__("sync.procPin");
void sync_procPin(void) { curg->locks++; }
void sync_procUnpin(void) __asm__("sync.procUnpin");
void sync_procUnpin(void) { curg->locks--; }

/* ---- sync/atomic ---- */

/* GOSYM(sym, f): define the Go symbol sym (gcc cannot spell a label with a '/') as
   the C function f. */
#define GOSYM(sym, f) __asm__(".globl \"" sym "\"\n.set \"" sym "\", " #f "\n")

void atomic_procPin(void) { curg->locks++; }
void atomic_procUnpin(void) { curg->locks--; }
GOSYM("sync/atomic.procPin", atomic_procPin);
GOSYM("sync/atomic.procUnpin", atomic_procUnpin);

#define SEQ __ATOMIC_SEQ_CST
#define ATOMICS(Name, T)                                                                  \
    int64_t atomic_Add##Name(T *p, T d) { return (int64_t)__atomic_add_fetch(p, d, SEQ); } \
    int64_t atomic_Load##Name(T *p) { return (int64_t)__atomic_load_n(p, SEQ); }          \
    void atomic_Store##Name(T *p, T v) { __atomic_store_n(p, v, SEQ); }                   \
    int64_t atomic_Swap##Name(T *p, T v) { return (int64_t)__atomic_exchange_n(p, v, SEQ); } \
    int64_t atomic_CompareAndSwap##Name(T *p, T old, T new_) {                            \
        return __atomic_compare_exchange_n(p, &old, new_, 0, SEQ, SEQ);                   \
    }                                                                                     \
    GOSYM("sync/atomic.Add" #Name, atomic_Add##Name);                                     \
    GOSYM("sync/atomic.Load" #Name, atomic_Load##Name);                                   \
    GOSYM("sync/atomic.Store" #Name, atomic_Store##Name);                                 \
    GOSYM("sync/atomic.Swap" #Name, atomic_Swap##Name);                                   \
    GOSYM("sync/atomic.CompareAndSwap" #Name, atomic_CompareAndSwap##Name);

ATOMICS(Int32, int32_t)
ATOMICS(Uint32, uint32_t)
ATOMICS(Int64, int64_t)
ATOMICS(Uint64, uint64_t)
ATOMICS(Uintptr, uintptr_t)

void *atomic_LoadPointer(void **p) { return __atomic_load_n(p, SEQ); }
void atomic_StorePointer(void **p, void *v) { __atomic_store_n(p, v, SEQ); }
void *atomic_SwapPointer(void **p, void *v) { return __atomic_exchange_n(p, v, SEQ); }
int64_t atomic_CompareAndSwapPointer(void **p, void *old, void *new_) {
    return __atomic_compare_exchange_n(p, &old, new_, 0, SEQ, SEQ);
}
GOSYM("sync/atomic.LoadPointer", atomic_LoadPointer);
GOSYM("sync/atomic.StorePointer", atomic_StorePointer);
GOSYM("sync/atomic.SwapPointer", atomic_SwapPointer);
GOSYM("sync/atomic.CompareAndSwapPointer", atomic_CompareAndSwapPointer);
