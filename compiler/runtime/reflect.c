/*
 * The reflect package's hooks (compiler/lib/reflect/hooks_refgo.go): the runtime entry
 * points reflect needs on memory it only knows through a type descriptor. reflect reads
 * the descriptors themselves in Go (compiler/lib/reflect/type.go mirrors struct type);
 * what is here allocates, copies, and works maps and itabs, e.g.
 *
 *     v := reflect.MakeMap(t)          // reflect.makemap(t) -> runtime.makemap(key, 8)
 *     v.SetMapIndex(k, e)              // reflect.mapassign(t, m, &k, &e)
 *
 * Calls through reflect (Value.Call) use reflect.call in asm.s. Every hook keeps to the
 * C runtime ABI of bodyless library functions (docs/internals.md).
 */
#include <stdint.h>
#include <string.h>

typedef struct { uintptr_t a, b; } pair;

#include "type.h"
typedef type rtype;
typedef field rfield;

extern void *newobject(const void *typ) __asm__("runtime.newobject");
extern void *makeslice(const rtype *et, int64_t len, int64_t cap) __asm__("runtime.makeslice");
extern void *makemap(const rtype *key, uintptr_t elemsize, void *h)
    __asm__("runtime.makemap");
extern pair mapaccess2(void *m, void *key) __asm__("runtime.mapaccess2");
extern void *mapassign(void *m, void *key) __asm__("runtime.mapassign");
extern void mapdelete(void *m, void *key) __asm__("runtime.mapdelete");
extern pair mapiterinit(void *m, void **it) __asm__("runtime.mapiterinit");
extern pair mapiternext(void *m, void **it) __asm__("runtime.mapiternext");
extern void *assertE2I2(const rtype *inter, const rtype *t) __asm__("runtime.assertE2I2");

/* reflect.typelinks: the program's unnamed array, slice and map descriptors, from the
   table the compiler writes when reflect is linked (amd64.typelinks): a count, then
   the pointers. Empty without one. */
extern const uintptr_t runtime_typelinks[] __asm__("runtime.typelinks") __attribute__((weak));

typedef struct { const void *ptr; int64_t len, cap; } linkslice;

linkslice reflect_typelinks(void) __asm__("reflect.typelinks");
linkslice reflect_typelinks(void) {
    linkslice s = {NULL, 0, 0};
    if (runtime_typelinks != NULL) {
        s.ptr = runtime_typelinks + 1;
        s.len = s.cap = (int64_t)runtime_typelinks[0];
    }
    return s;
}

void *reflect_unsafe_New(const rtype *t) __asm__("reflect.unsafe_New");
void *reflect_unsafe_New(const rtype *t) { return newobject(t); }

void reflect_typedmemmove(const rtype *t, void *dst, const void *src)
    __asm__("reflect.typedmemmove");
void reflect_typedmemmove(const rtype *t, void *dst, const void *src) {
    if (dst != src && t->size) memmove(dst, src, t->size);
}

void reflect_memmove(void *dst, const void *src, uintptr_t n) __asm__("reflect.memmove");
void reflect_memmove(void *dst, const void *src, uintptr_t n) {
    if (dst != src && n) memmove(dst, src, n);
}

void *reflect_makeslice(const rtype *et, int64_t len, int64_t cap) __asm__("reflect.makeslice");
void *reflect_makeslice(const rtype *et, int64_t len, int64_t cap) {
    return makeslice(et, len, cap);
}

void *reflect_makemap(const rtype *t) __asm__("reflect.makemap");
void *reflect_makemap(const rtype *t) { return makemap(t->key, t->elem->size, NULL); }

/* mapaccess(m, key): the element's address, or NULL when key is absent. */
void *reflect_mapaccess(void *m, void *key) __asm__("reflect.mapaccess");
void *reflect_mapaccess(void *m, void *key) {
    pair p = mapaccess2(m, key);
    return p.b ? (void *)p.a : NULL;
}

void reflect_mapassign(const rtype *t, void *m, void *key, const void *val)
    __asm__("reflect.mapassign");
void reflect_mapassign(const rtype *t, void *m, void *key, const void *val) {
    void *p = mapassign(m, key);
    memmove(p, val, t->elem->size);
}

void reflect_mapdelete(void *m, void *key) __asm__("reflect.mapdelete");
void reflect_mapdelete(void *m, void *key) { mapdelete(m, key); }

/* mapiterinit/mapiternext(m, it): the next (key, element) addresses, (NULL, NULL) at
   the end; it is the iterator's 4 words. */
pair reflect_mapiterinit(void *m, void **it) __asm__("reflect.mapiterinit");
pair reflect_mapiterinit(void *m, void **it) { return mapiterinit(m, it); }

pair reflect_mapiternext(void *m, void **it) __asm__("reflect.mapiternext");
pair reflect_mapiternext(void *m, void **it) { return mapiternext(m, it); }

/* itabFor(inter, t): the itab of concrete t for interface inter, NULL if t lacks a
   method. */
void *reflect_itabFor(const rtype *inter, const rtype *t) __asm__("reflect.itabFor");
void *reflect_itabFor(const rtype *inter, const rtype *t) { return assertE2I2(inter, t); }

/* reflect.makeFuncStub: the code of a function made by reflect.MakeFunc, a closure
   {this code, callReflect's func value, ...} (%rdx). Calls
   callReflect(closure, address of the caller's argument area), which reads the
   arguments from that area and stores the results there. */
__asm__(
    "\t.text\n"
    "\t.globl\t\"reflect.makeFuncStub\"\n"
    "\t.type\t\"reflect.makeFuncStub\", @function\n"
    "\"reflect.makeFuncStub\":\n"
    "\tpushq\t%rbp\n"
    "\tmovq\t%rsp, %rbp\n"
    "\tsubq\t$16, %rsp\n"
    "\tmovq\t%rdx, 0(%rsp)\n"
    "\tleaq\t16(%rbp), %rax\n"
    "\tmovq\t%rax, 8(%rsp)\n"
    "\tmovq\t8(%rdx), %rdx\n"
    "\tcall\t*(%rdx)\n"
    "\t.globl\t\"reflect.makeFuncStub.ret\"\n"
    "\"reflect.makeFuncStub.ret\":\n"
    "\tmovq\t%rbp, %rsp\n"
    "\tpopq\t%rbp\n"
    "\tret\n");
