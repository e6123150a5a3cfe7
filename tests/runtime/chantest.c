/*
 * The goroutine and channel runtime driven directly from C (tests/test_goruntime.py
 * builds this against the runtime archive and runs one scenario per process, named by
 * $CHANTEST). It stands in for compiled Go: main.main and the goroutine bodies are C
 * functions, closures are one-word static arrays {code}, and the runtime entry points
 * are called the way compiled code calls them (docs/internals.md "Runtime ABI:
 * goroutines and channels"). Each scenario prints what it observed; the driver checks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define RT(name) __asm__("runtime." name)

typedef struct { uintptr_t a, b; } pair;
typedef struct hchan hchan;
typedef struct { hchan *c; void *elem; } scase;

/* What compiled Go code provides. */
const uintptr_t pctab[1] RT("pctab");
const int64_t npctab RT("npctab") = 0;
uintptr_t main_inittask[3] __asm__("main..inittask");  /* {state, ndeps 0, nfns 0} */

/* Type descriptors: size, ptrdata (the rest unused by channels). */
static const uintptr_t type_int[15] = {8, 0};
static const uintptr_t type_ptr[15] = {8, 8};
static const uintptr_t type_big[15] = {64, 0};

hchan *makechan(const uintptr_t *t, int64_t size) RT("makechan");
void chansend1(hchan *c, void *elem) RT("chansend1");
void chanrecv1(hchan *c, void *elem) RT("chanrecv1");
int64_t chanrecv2(hchan *c, void *elem) RT("chanrecv2");
void closechan(hchan *c) RT("closechan");
int64_t selectnbsend(hchan *c, void *elem) RT("selectnbsend");
pair selectnbrecv(void *elem, hchan *c) RT("selectnbrecv");
pair selectgo(scase *cas0, uint16_t *order0, void *pc0, int64_t nsends, int64_t nrecvs,
              int64_t block) RT("selectgo");
void newproc(void *fn) RT("newproc");
void block(void) RT("block");
void Gosched(void) RT("Gosched");
int64_t NumGoroutine(void) RT("NumGoroutine");
void Goexit(void) RT("Goexit");
void GC(void) RT("GC");
void *newobject(const void *t) RT("newobject");
void time_sleep(int64_t ns) __asm__("time.sleep");
void deferproc(void *clo, uintptr_t rbp, uintptr_t rsp, uintptr_t pc) RT("deferproc");

#define CLOSURE(name, fn) static void *const name[1] = {(void *)(fn)}

static int64_t now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void out(const char *fmt, long long v) {
    printf(fmt, v);
    fflush(stdout);
}

/* ---- pingpong: two goroutines bounce a counter over unbuffered channels ---- */
static hchan *ping, *pong, *done;
enum { ROUNDS = 100000 };

static void ponger(void) {
    for (;;) {
        int64_t v;
        if (!chanrecv2(ping, &v)) break;
        v++;
        chansend1(pong, &v);
    }
    int64_t one = 1;
    chansend1(done, &one);
}
CLOSURE(ponger_clo, ponger);

static void pingpong(void) {
    ping = makechan(type_int, 0);
    pong = makechan(type_int, 0);
    done = makechan(type_int, 0);
    newproc((void *)ponger_clo);
    int64_t v = 0;
    for (int i = 0; i < ROUNDS; i++) {
        chansend1(ping, &v);
        chanrecv1(pong, &v);
    }
    closechan(ping);
    chanrecv1(done, NULL);
    out("pingpong %lld\n", v);
}

/* ---- buffered: a producer fills a buffered channel and closes it ---- */
static hchan *buf;
static void producer(void) {
    for (int64_t i = 1; i <= 1000; i++) chansend1(buf, &i);
    closechan(buf);
}
CLOSURE(producer_clo, producer);

static void buffered(void) {
    buf = makechan(type_int, 7);
    newproc((void *)producer_clo);
    int64_t v, sum = 0, n = 0;
    while (chanrecv2(buf, &v)) {
        sum += v;
        n++;
    }
    out("buffered n=%lld", n);
    out(" sum=%lld", sum);
    v = 99;
    int64_t ok = chanrecv2(buf, &v);
    out(" closed v=%lld", v);
    out(" ok=%lld\n", ok);
    hchan *c = makechan(type_int, 3);
    int64_t one = 1;
    chansend1(c, &one);
    chansend1(c, &one);
    out("len=%lld", (long long)((uintptr_t *)c)[0]);
    out(" cap=%lld\n", (long long)((uintptr_t *)c)[1]);
}

/* ---- selectfair: every ready case of a select is chosen about equally often ---- */
static void selectfair(void) {
    enum { N = 4, TRIES = 40000 };
    hchan *cs[N];
    int64_t count[N] = {0};
    for (int i = 0; i < N; i++) cs[i] = makechan(type_int, 1);
    for (int t = 0; t < TRIES; t++) {
        int64_t v = t, got = 0;
        scase cas[N];
        uint16_t order[2 * N];
        for (int i = 0; i < N; i++) {
            if (((uintptr_t *)cs[i])[0] == 0) chansend1(cs[i], &v);
            cas[i].c = cs[i];
            cas[i].elem = &got;
        }
        pair r = selectgo(cas, order, NULL, 0, N, 1);
        count[r.a]++;
    }
    for (int i = 0; i < N; i++) {
        long long dev = count[i] - TRIES / N;
        if (dev < 0) dev = -dev;
        out("case%lld ", i);
        out("%s\n", (long long)(intptr_t)(dev < TRIES / N / 10 ? "ok" : "skewed"));
    }
}

/* ---- selectmisc: default, nil channels, sends, closed channels ---- */
static hchan *sc;
static void selsender(void) {
    int64_t v = 42;
    chansend1(sc, &v);
}
CLOSURE(selsender_clo, selsender);

static void selectmisc(void) {
    hchan *c = makechan(type_int, 0);
    int64_t v = 5;
    out("nbsend-unbuffered=%lld\n", selectnbsend(c, &v));
    pair r = selectnbrecv(&v, c);
    out("nbrecv-empty=%lld\n", (long long)r.a);
    out("nbsend-nil=%lld\n", selectnbsend(NULL, &v));
    scase cas[2] = {{NULL, &v}, {c, &v}};
    uint16_t order[4];
    r = selectgo(cas, order, NULL, 1, 1, 0);
    out("default=%lld\n", (long long)(intptr_t)r.a);
    sc = makechan(type_int, 0);
    newproc((void *)selsender_clo);
    int64_t got = 0;
    scase cas2[3] = {{c, &v}, {NULL, &got}, {sc, &got}};
    uint16_t order2[6];
    r = selectgo(cas2, order2, NULL, 1, 2, 1);
    out("blocked-select case=%lld", (long long)r.a);
    out(" ok=%lld", (long long)r.b);
    out(" got=%lld\n", got);
    closechan(c);
    got = 7;
    scase cas3[1] = {{c, &got}};
    r = selectgo(cas3, order2, NULL, 0, 1, 1);
    out("closed-select case=%lld", (long long)r.a);
    out(" ok=%lld", (long long)r.b);
    out(" got=%lld\n", got);
}

/* ---- panics: send on closed / close of closed / close of nil (exit 2) ---- */
static void sendclosed(void) {
    hchan *c = makechan(type_int, 1);
    closechan(c);
    int64_t v = 1;
    chansend1(c, &v);
}
static void closeclosed(void) {
    hchan *c = makechan(type_int, 1);
    closechan(c);
    closechan(c);
}
static void closenil(void) { closechan(NULL); }
static void makeneg(void) { makechan(type_int, -1); }

/* A sender blocked on a channel that another goroutine then closes panics. */
static hchan *bc;
static void blockedsender(void) {
    int64_t v = 1;
    chansend1(bc, &v);
}
CLOSURE(blockedsender_clo, blockedsender);
static void closewhilesending(void) {
    bc = makechan(type_int, 0);
    newproc((void *)blockedsender_clo);
    Gosched();
    closechan(bc);
    Gosched();
    out("not reached\n", 0);
}

/* ---- deadlock ---- */
static void deadlock(void) {
    hchan *c = makechan(type_int, 0);
    int64_t v;
    chanrecv1(c, &v);
}
static void nilrecv(void) { chanrecv1(NULL, NULL); }
static void selectnone(void) { block(); }

/* ---- many: 100,000 goroutines blocked at once, then released ---- */
static hchan *gate, *results;
static void waiter(void) {
    int64_t v;
    chanrecv1(gate, &v);
    chansend1(results, &v);
}
CLOSURE(waiter_clo, waiter);

static long rss_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) kb = atol(line + 6);
    if (f) fclose(f);
    return kb;
}

static void many(void) {
    enum { N = 100000 };
    gate = makechan(type_int, 0);
    results = makechan(type_int, N);
    for (int i = 0; i < N; i++) newproc((void *)waiter_clo);
    Gosched();
    out("goroutines=%lld\n", NumGoroutine());
    out("rss_kb=%lld\n", rss_kb());
    for (int64_t i = 0; i < N; i++) chansend1(gate, &i);
    int64_t sum = 0, v;
    for (int i = 0; i < N; i++) {
        chanrecv1(results, &v);
        sum += v;
    }
    out("sum=%lld\n", sum);
    for (int i = 0; i < 3 && NumGoroutine() > 1; i++) Gosched();
    out("after=%lld\n", NumGoroutine());
}

/* ---- sequential: a million short goroutines one after another ---- */
static void short_(void) { chansend1(done, NULL); }
CLOSURE(short_clo, short_);
static void sequential(void) {
    done = makechan(type_int, 0);
    long rss1 = 0;
    for (int i = 0; i < 1000000; i++) {
        newproc((void *)short_clo);
        chanrecv1(done, NULL);
        if (i == 1000) rss1 = rss_kb();
    }
    long rss2 = rss_kb();
    out("growth_kb=%lld\n", rss2 - rss1);
    out("goroutines=%lld\n", NumGoroutine());
}

/* ---- sleep: sleepers wake in order of their deadlines; a sleeping program idles ----
   Each sleeper sends its own deadline: under load the sleepers may start their sleeps
   far apart, so the order of the durations alone proves nothing, the deadlines do. */
static hchan *woke;
static int64_t sleepfor[3] = {30000000, 10000000, 20000000};
static int64_t deadline[3];
static int nsleeper;
static void sleeper(void) {
    int i = nsleeper++;
    deadline[i] = now() + sleepfor[i];
    time_sleep(sleepfor[i]);
    int64_t late = now() - deadline[i];
    chansend1(woke, &deadline[i]);
    if (late < 0) out("woke early by %lldns\n", -late);
}
CLOSURE(sleeper_clo, sleeper);
static void sleep_(void) {
    woke = makechan(type_int, 0);
    int64_t t0 = now();
    clock_t c0 = clock();
    struct rusage ru0;
    getrusage(RUSAGE_SELF, &ru0);
    long nvcsw0 = ru0.ru_nvcsw;
    for (int i = 0; i < 3; i++) newproc((void *)sleeper_clo);
    int64_t prev = 0;
    int ordered = 1;
    for (int i = 0; i < 3; i++) {
        int64_t d;
        chanrecv1(woke, &d);
        if (d < prev) ordered = 0;
        prev = d;
    }
    out("woke_in_deadline_order=%lld\n", ordered);
    time_sleep(100000000);
    int64_t el = now() - t0;
    out("elapsed_ok=%lld\n", el >= 130000000 && el < 1000000000);
    out("cpu_ms=%lld\n", (long long)((clock() - c0) * 1000 / CLOCKS_PER_SEC));
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    out("switches=%lld\n", (long long)(ru.ru_nvcsw - nvcsw0));
}

/* ---- spin: a goroutine spinning without calls does not starve the others ---- */
/* The spinner stands for compiled Go code (a loop without calls): it lies between the
   labels compiled code brackets its text with, so SIGURG may preempt it. */
volatile int stop;
void spinner(void);
__asm__(".text\n.globl \"runtime.gotext.start\"\n\"runtime.gotext.start\":\n"
        "spinner:\n1: cmpl $0, stop(%rip)\n je 1b\n ret\n"
        ".globl \"runtime.gotext.end\"\n\"runtime.gotext.end\":\n");
CLOSURE(spinner_clo, spinner);
static void spin(void) {
    newproc((void *)spinner_clo);
    Gosched();  /* the spinner runs now; the monitor must preempt it */
    stop = 1;
    out("main ran again\n", 0);
}

/* ---- gc: values reachable only from blocked goroutines and channels survive ---- */
static hchan *pc_;
static void ptrsender(void) {
    int64_t *p = newobject(type_int);
    *p = 1234;
    chansend1(pc_, &p);
}
CLOSURE(ptrsender_clo, ptrsender);
static void gc_(void) {
    pc_ = makechan(type_ptr, 0);
    hchan *bufc = makechan(type_ptr, 4);
    for (int i = 0; i < 4; i++) {
        int64_t *p = newobject(type_int);
        *p = 100 + i;
        chansend1(bufc, &p);
    }
    newproc((void *)ptrsender_clo);
    Gosched();
    for (int i = 0; i < 50; i++) {
        GC();
        for (int k = 0; k < 1000; k++) {
            int64_t *junk = newobject(type_big);
            memset(junk, 0xab, 64);
        }
    }
    int64_t *p;
    chanrecv1(pc_, &p);
    out("blocked sender's value %lld\n", *p);
    int64_t sum = 0;
    for (int i = 0; i < 4; i++) {
        chanrecv1(bufc, &p);
        sum += *p;
    }
    out("buffer sum %lld\n", sum);
}

/* ---- goexit: Goexit ends only the calling goroutine, after its deferred calls ---- */
static void deferred(void) { out("deferred ran\n", 0); }
CLOSURE(deferred_clo, deferred);
static void exiter(void) {
    deferproc((void *)deferred_clo, (uintptr_t)__builtin_frame_address(0), 0, 0);
    Goexit();
}
CLOSURE(exiter_clo, exiter);
static void goexit_(void) {
    done = makechan(type_int, 0);
    newproc((void *)exiter_clo);
    Gosched();
    out("goroutines=%lld\n", NumGoroutine());
}
static void mainexit(void) { Goexit(); }

/* ---- timers: the time package's runtimeTimers (gc's layout) ---- */
typedef struct {
    uintptr_t pp;
    int64_t when, period;
    void *f;
    void *argt, *argd;
    uintptr_t seq;
    int64_t nextwhen;
    uint32_t status;
} rtimer;
void time_startTimer(rtimer *t) __asm__("time.startTimer");
int64_t time_stopTimer(rtimer *t) __asm__("time.stopTimer");
int64_t time_resetTimer(rtimer *t, int64_t when) __asm__("time.resetTimer");

/* timerfn(arg any, seq uintptr) in the Go ABI: *arg.data += seq. */
void timerfn(void);
__asm__(".text\ntimerfn:\n movq 16(%rsp), %rax\n movq 24(%rsp), %rcx\n"
        " addq %rcx, (%rax)\n ret\n");
CLOSURE(timerfn_clo, timerfn);

static void timers(void) {
    static int64_t a, b, c, d;
    int64_t t0 = now();
    rtimer t1 = {.when = t0 + 20000000, .f = (void *)timerfn_clo, .argd = &a, .seq = 1};
    rtimer t2 = {.when = t0 + 10000000, .f = (void *)timerfn_clo, .argd = &c, .seq = 1};
    rtimer t3 = {.when = t0 + 10000000, .period = 10000000, .f = (void *)timerfn_clo,
                 .argd = &b, .seq = 1};
    rtimer t4 = {.when = t0 + 1000000000, .f = (void *)timerfn_clo, .argd = &d, .seq = 7};
    time_startTimer(&t1);
    time_startTimer(&t2);
    time_startTimer(&t3);
    time_startTimer(&t4);
    out("stop-pending=%lld\n", time_stopTimer(&t2));
    out("reset-pending=%lld\n", time_resetTimer(&t4, t0 + 5000000));
    time_sleep(55000000);
    out("stop-periodic=%lld\n", time_stopTimer(&t3));
    out("stop-fired=%lld\n", time_stopTimer(&t1));
    out("once=%lld", a);
    out(" stopped=%lld", c);
    out(" reset=%lld", d);
    out(" periodic_ok=%lld\n", b >= 3 && b <= 6);
}

static const struct { const char *name; void (*fn)(void); } tests[] = {
    {"timers", timers},
    {"pingpong", pingpong}, {"buffered", buffered}, {"selectfair", selectfair},
    {"selectmisc", selectmisc}, {"sendclosed", sendclosed}, {"closeclosed", closeclosed},
    {"closenil", closenil}, {"makeneg", makeneg}, {"closewhilesending", closewhilesending},
    {"deadlock", deadlock}, {"nilrecv", nilrecv}, {"selectnone", selectnone},
    {"many", many}, {"sequential", sequential}, {"sleep", sleep_}, {"spin", spin},
    {"gc", gc_}, {"goexit", goexit_}, {"mainexit", mainexit},
};

void main_main(void) __asm__("main.main");
void main_main(void) {
    const char *want = getenv("CHANTEST");
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        if (want && strcmp(want, tests[i].name) == 0) {
            tests[i].fn();
            return;
        }
    out("unknown test\n", 0);
}
