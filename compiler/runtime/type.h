/* The type descriptor, as the compiler emits it (compiler/reflectdata.py writes the
   same layout; the offsets are the ABI). runtime.c, reflect.c and finalizer.c read it
   through this one declaration: do NOT redeclare it in a .c file. */
#ifndef REFGO_TYPE_H
#define REFGO_TYPE_H
#include <stdint.h>

/* A type descriptor (emitted by the compiler as rodata; offsets are the ABI). */
typedef struct type type;
struct eqfield;
struct field;
typedef struct method {
    const char *name; intptr_t namelen; void *fn;
    const type *mtyp;      /* the method's func type; NULL unless the program imports reflect */
    const type *etyp;      /* the method expression's type (receiver first); ditto */
    void *efn;             /* the method expression's function; ditto */
} method;
struct type {
    uintptr_t size;        /* +0 */
    uintptr_t ptrdata;     /* +8 */
    uint32_t hash;         /* +16 */
    uint8_t tflag, align, fieldalign, kind;  /* +20..+23 */
    uintptr_t eqkind;      /* +24: 0 memory, 1 string, 2 interface, 3 float, 4 not comparable,
                              5 struct/array with strings/interfaces (field-wise, via eqfn) */
    const char *name;      /* +32 */
    intptr_t namelen;      /* +40 */
    const method *methods; /* +48: sorted by name (name includes signature) */
    intptr_t nmethods;     /* +56 */
    const type *elem;      /* +64: element/pointee type, or NULL */
    const struct eqfield *eqfields; /* +72: for eqkind 5, the leaves == compares */
    intptr_t neqfields;    /* +80 */
    const type *key;       /* +88: map key type */
    intptr_t len;          /* +96: array length; chan direction; func parameter count */
    const struct field *fields; /* +104: struct fields in declaration order; func params+results */
    intptr_t nfields;      /* +112 */
    const char *pkgpath;   /* +120: a defined type's package path (reflect's PkgPath) */
    intptr_t pkgpathlen;   /* +128 */
    const type *ptrToThis; /* +136: *T's descriptor; set only in programs importing reflect */
};
typedef struct field {
    const char *name; intptr_t namelen; const type *t; uintptr_t off;
    const char *tag; intptr_t taglen; uintptr_t embedded;
} field;  /* a struct field; for a func type (fields = parameters then results) only t */
typedef struct eqfield { uintptr_t off; const type *t; } eqfield;

#endif
