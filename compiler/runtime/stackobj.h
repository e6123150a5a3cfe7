/* Stack objects (stackobj.c): gathered per collection, scanned when reachable. */
#ifndef REFGO_STACKOBJ_H
#define REFGO_STACKOBJ_H

#include <stdint.h>

/* The range covering every gathered object: its start, complemented (a root scan of
   the data section must not take this word for a pointer to the first object), and
   its length (0: none). */
extern uintptr_t stackobj_notlo, stackobj_span;

/* stackobj_add: gather the stack objects of the frame at fp stopped at pc. */
void stackobj_add(uintptr_t pc, uintptr_t fp);

/* stackobj_ready: sort the gathered objects; call before any stackobj_root. */
void stackobj_ready(void);

/* stackobj_find: queue the object w points into, unless already queued. */
void stackobj_find(uintptr_t w);

/* stackobj_root: w is a root word: queue the stack object it points into, if any. */
static inline void stackobj_root(uintptr_t w) {
    if (w - ~stackobj_notlo < stackobj_span) stackobj_find(w);
}

/* stackobj_drain: call mark on every pointer word of each queued object until the
   queue is empty (mark calls stackobj_root in turn). */
void stackobj_drain(void (*mark)(uintptr_t));

/* stackobj_reset: forget the gathered objects (end of a collection). */
void stackobj_reset(void);

/* stackobj_adjust: call adjust(arg, address) for each pointer word of every stack
   object of the frame at fp stopped at pc, reachable or not (stack copying). */
void stackobj_adjust(uintptr_t pc, uintptr_t fp, void (*adjust)(void *, uintptr_t),
                     void *arg);

#endif
