/*
 * Channels and select, with gc's semantics and entry points (the contract with the
 * compiler is /work/tools/ABI-chan.md, summarised in docs/internals.md "Runtime ABI:
 * goroutines and channels").
 *
 * A channel is an hchan in the collected heap: {qcount, dataqsiz, ...} (the compiler
 * reads len and cap at offsets 0 and 8), a ring buffer of dataqsiz elements, and two
 * FIFO queues of sudogs: goroutines blocked receiving and sending. With one thread
 * running Go code and no preemption inside the C runtime, no locks are needed.
 *
 * Example: `v := <-c` on an unbuffered channel with a blocked sender compiles to
 * chanrecv1(c, &v): the sender's sudog is dequeued, its value copied from its stack
 * (sg->elem) straight into v, and the sender made runnable; with no sender, the
 * receiver queues its own sudog with elem = &v and parks until a sender copies into it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "malloc.h"
#include "sched.h"

#define RT(name) __asm__("runtime." name)

typedef struct waitq { sudog *first, *last; } waitq;

struct hchan {
    uintptr_t qcount;      /* +0: elements in the buffer (len) */
    uintptr_t dataqsiz;    /* +8: buffer size (cap) */
    char *buf;
    const uintptr_t *elemtype;   /* type descriptor: size at +0, ptrdata at +8 */
    uintptr_t elemsize;
    uintptr_t sendx, recvx;
    waitq recvq, sendq;
    uint32_t closed;
};

typedef struct { hchan *c; void *elem; } scase;
typedef struct { uintptr_t a, b; } pair;

#define MAXALLOC ((uintptr_t)1 << 40)

hchan *makechan(const uintptr_t *elemtype, int64_t size) RT("makechan");
hchan *makechan(const uintptr_t *elemtype, int64_t size) {
    uintptr_t esz = elemtype[0];
    if (size < 0 || (esz != 0 && (uintptr_t)size > MAXALLOC / esz))
        rt_panicstr("makechan: size out of range");
    hchan *c = mallocgc(sizeof *c);
    c->elemtype = elemtype;
    c->elemsize = esz;
    c->dataqsiz = (uintptr_t)size;
    if (size > 0 && esz > 0) c->buf = newarray(elemtype, (uintptr_t)size);
    return c;
}

static void *chanbuf(hchan *c, uintptr_t i) { return c->buf + i * c->elemsize; }

static void enqueue(waitq *q, sudog *sg) {
    sg->next = NULL;
    sg->prev = q->last;
    if (q->last) q->last->next = sg; else q->first = sg;
    q->last = sg;
}

static void unlink_(waitq *q, sudog *sg) {
    if (sg->prev) sg->prev->next = sg->next; else q->first = sg->next;
    if (sg->next) sg->next->prev = sg->prev; else q->last = sg->prev;
    sg->next = sg->prev = NULL;
}

/* dequeue: the first waiter whose goroutine can still take this operation (a select
   another case already won is skipped); the winner's select is marked done. */
static sudog *dequeue(waitq *q) {
    for (;;) {
        sudog *sg = q->first;
        if (sg == NULL) return NULL;
        unlink_(q, sg);
        sg->c = NULL;
        if (sg->isselect) {
            if (sg->g->selectdone) continue;
            sg->g->selectdone = 1;
        }
        return sg;
    }
}

/* wake: finish sg's operation (success or closed) and make its goroutine runnable. */
static void wake(sudog *sg, int success) {
    sg->success = success;
    sg->scansize = 0;
    sg->g->param = sg;
    goready(sg->g);
}

static void *copyin(hchan *c, void *dst, const void *src) {
    if (dst != NULL && c->elemsize) memmove(dst, src, c->elemsize);
    return dst;
}

/* park: queue curg's sudog for an operation on c and block until it completes;
   returns whether it did (false: the channel was closed). */
static int park(hchan *c, waitq *q, void *elem, int send) {
    g *gp = curg;
    sudog *sg = &gp->sg;
    memset(sg, 0, sizeof *sg);
    sg->g = gp;
    sg->c = c;
    sg->elem = elem;
    sg->scansize = send ? c->elemsize : 0;
    gp->param = NULL;
    enqueue(q, sg);
    gopark(send ? "chan send" : "chan receive");
    sg->scansize = 0;
    return sg->success;
}

/* chansend: gc's chansend; returns whether the value was sent (non-blocking forms). */
static int chansend(hchan *c, void *ep, int block) {
    if (c == NULL) {
        if (!block) return 0;
        gopark("chan send (nil chan)");
        rt_throw("unreachable");
    }
    if (c->closed) rt_panicstr("send on closed channel");
    sudog *sg = dequeue(&c->recvq);
    if (sg != NULL) {
        copyin(c, sg->elem, ep);
        wake(sg, 1);
        return 1;
    }
    if (c->qcount < c->dataqsiz) {
        copyin(c, chanbuf(c, c->sendx), ep);
        if (++c->sendx == c->dataqsiz) c->sendx = 0;
        c->qcount++;
        return 1;
    }
    if (!block) return 0;
    if (!park(c, &c->sendq, ep, 1)) rt_panicstr("send on closed channel");
    return 1;
}

/* chanrecv: gc's chanrecv; returns (selected, received). */
static pair chanrecv(hchan *c, void *ep, int block) {
    pair r = {0, 0};
    if (c == NULL) {
        if (!block) return r;
        gopark("chan receive (nil chan)");
        rt_throw("unreachable");
    }
    if (c->closed && c->qcount == 0) {
        if (ep != NULL && c->elemsize) memset(ep, 0, c->elemsize);
        r.a = 1;
        return r;
    }
    sudog *sg = dequeue(&c->sendq);
    if (sg != NULL) {
        if (c->dataqsiz == 0) {
            copyin(c, ep, sg->elem);
        } else {
            void *qp = chanbuf(c, c->recvx);
            copyin(c, ep, qp);
            copyin(c, qp, sg->elem);
            if (++c->recvx == c->dataqsiz) c->recvx = 0;
            c->sendx = c->recvx;
        }
        wake(sg, 1);
        r.a = r.b = 1;
        return r;
    }
    if (c->qcount > 0) {
        void *qp = chanbuf(c, c->recvx);
        copyin(c, ep, qp);
        if (c->elemsize) memset(qp, 0, c->elemsize);
        if (++c->recvx == c->dataqsiz) c->recvx = 0;
        c->qcount--;
        r.a = r.b = 1;
        return r;
    }
    if (!block) return r;
    r.a = 1;
    r.b = (uintptr_t)park(c, &c->recvq, ep, 0);
    return r;
}

void chansend1(hchan *c, void *elem) RT("chansend1");
void chansend1(hchan *c, void *elem) { chansend(c, elem, 1); }

void chanrecv1(hchan *c, void *elem) RT("chanrecv1");
void chanrecv1(hchan *c, void *elem) { chanrecv(c, elem, 1); }

int64_t chanrecv2(hchan *c, void *elem) RT("chanrecv2");
int64_t chanrecv2(hchan *c, void *elem) { return (int64_t)chanrecv(c, elem, 1).b; }

int64_t selectnbsend(hchan *c, void *elem) RT("selectnbsend");
int64_t selectnbsend(hchan *c, void *elem) { return chansend(c, elem, 0); }

pair selectnbrecv(void *elem, hchan *c) RT("selectnbrecv");
pair selectnbrecv(void *elem, hchan *c) { return chanrecv(c, elem, 0); }

void closechan(hchan *c) RT("closechan");
void closechan(hchan *c) {
    if (c == NULL) rt_panicstr("close of nil channel");
    if (c->closed) rt_panicstr("close of closed channel");
    c->closed = 1;
    /* gc gathers the waiters in a stack and readies them from its top */
    sudog *list = NULL;
    sudog *sg;
    while ((sg = dequeue(&c->recvq)) != NULL) {
        if (sg->elem != NULL && c->elemsize) memset(sg->elem, 0, c->elemsize);
        sg->next = list;
        list = sg;
    }
    while ((sg = dequeue(&c->sendq)) != NULL) {
        sg->next = list;
        list = sg;
    }
    while (list != NULL) {
        sg = list;
        list = sg->next;
        sg->next = NULL;
        wake(sg, 0);
    }
}

/* block: `select {}`. */
void block(void) RT("block");
void block(void) {
    gopark("select (no cases)");
    rt_throw("unreachable");
}

/* selsudogs: curg's n select sudogs (grown on demand; none is queued between selects). */
static sudog *selsudogs(g *gp, int n) {
    if (gp->nselsg < n) {
        int cap = n < 8 ? 8 : n;
        sudog *v = realloc(gp->selsg, (size_t)cap * sizeof *v);
        if (v == NULL) rt_throw("out of memory");
        gp->selsg = v;
        gp->nselsg = cap;
    }
    return gp->selsg;
}

/* selectgo: gc's select: cas0[0:nsends] are sends, then nrecvs receives; a case whose
   channel is nil never proceeds. Polls the cases in a uniformly random order (order0
   is scratch for it) and takes the first ready one; otherwise returns -1 when !block,
   or waits on every case and takes the first that fires. Returns the case index and,
   for a receive, whether a value was received (false: closed). */
pair selectgo(scase *cas0, uint16_t *order0, void *pc0, int64_t nsends, int64_t nrecvs,
              int64_t block) RT("selectgo");
pair selectgo(scase *cas0, uint16_t *order0, void *pc0, int64_t nsends, int64_t nrecvs,
              int64_t block) {
    (void)pc0;
    int ncases = (int)(nsends + nrecvs), norder = 0;
    uint16_t *pollorder = order0;
    for (int i = 0; i < ncases; i++) {
        if (cas0[i].c == NULL) {
            cas0[i].elem = NULL;
            continue;
        }
        uint32_t j = fastrandn((uint32_t)norder + 1);
        pollorder[norder] = pollorder[j];
        pollorder[j] = (uint16_t)i;
        norder++;
    }
    pair r = {0, 0};
    for (int k = 0; k < norder; k++) {
        int casi = pollorder[k];
        hchan *c = cas0[casi].c;
        void *ep = cas0[casi].elem;
        r.a = (uintptr_t)casi;
        if (casi < nsends) {
            if (c->closed) rt_panicstr("send on closed channel");
            if (c->recvq.first != NULL || c->qcount < c->dataqsiz) {
                if (chansend(c, ep, 0)) return r;
            }
        } else if (c->sendq.first != NULL || c->qcount > 0 || c->closed) {
            pair got = chanrecv(c, ep, 0);
            if (got.a) {
                r.b = got.b;
                return r;
            }
        }
    }
    if (!block) {
        r.a = (uintptr_t)-1;
        r.b = 0;
        return r;
    }
    g *gp = curg;
    sudog *sgs = selsudogs(gp, norder);
    gp->selectdone = 0;
    gp->param = NULL;
    for (int k = 0; k < norder; k++) {
        int casi = pollorder[k];
        hchan *c = cas0[casi].c;
        sudog *sg = &sgs[k];
        memset(sg, 0, sizeof *sg);
        sg->g = gp;
        sg->c = c;
        sg->elem = cas0[casi].elem;
        sg->isselect = 1;
        sg->caseidx = casi;
        sg->scansize = casi < nsends ? c->elemsize : 0;
        enqueue(casi < nsends ? &c->sendq : &c->recvq, sg);
    }
    gopark("select");
    sudog *won = gp->param;
    for (int k = 0; k < norder; k++) {
        sudog *sg = &sgs[k];
        if (sg != won && sg->c != NULL)
            unlink_(sg->caseidx < nsends ? &sg->c->sendq : &sg->c->recvq, sg);
        sg->c = NULL;
        sg->scansize = 0;
    }
    gp->selectdone = 0;
    if (won == NULL) rt_throw("select woken without a case");
    r.a = (uintptr_t)won->caseidx;
    r.b = 0;
    if (won->caseidx < nsends) {
        if (!won->success) rt_panicstr("send on closed channel");
    } else {
        r.b = (uintptr_t)won->success;
    }
    return r;
}
