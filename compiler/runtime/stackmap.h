/*
 * Stack maps (stackmap.c): the collector's interface to the per-call-site live pointer
 * tables the compiler emits.
 */
#ifndef REFGO_STACKMAP_H
#define REFGO_STACKMAP_H

#include <stdint.h>

/* stackmap_scan_frame: if retpc is the return address of a compiled Go call, call mark
   on every live pointer word of the frame whose %rbp is fp and return 1; otherwise
   return 0 (the caller then scans that frame conservatively). */
int stackmap_scan_frame(uintptr_t retpc, uintptr_t fp, void (*mark)(void *));

/* stackmap_scan_resume: for a frame (at fp) stopped at a fault, which a recovered
   panic resumes at its exit block (resumepc, the deferproc's exit label), call mark on
   the words live across that block's first call, deferreturn, and return 1, as gc
   scans such a frame with its deferreturn's map; 0 when there is no such map. */
int stackmap_scan_resume(uintptr_t resumepc, uintptr_t fp, void (*mark)(void *));

/* stackmap_outargs: the bytes of Go-ABI arguments the call returning to retpc passed
   at the bottom of its frame (0 for C calls or an unknown retpc). The callee's own map
   covers them when it is compiled Go code; otherwise the collector scans them
   conservatively. */
uintptr_t stackmap_outargs(uintptr_t retpc);

/* stackmap_lookup: the map {outargs, n, {off, count, stride}[n]} of the call returning
   to retpc, or NULL
   (a C frame or an unknown pc). */
const int64_t *stackmap_lookup(uintptr_t retpc);

/* stackmap_objects: for a return address or any other pc in a compiled function, the
   table of its stack objects {nobj, {off, size, nruns, {off, count, stride}[nruns]}
   [nobj]} (offsets %rbp-relative), or NULL when it has none or pc is in no compiled
   function. */
const int64_t *stackmap_objects(uintptr_t pc);

/* stackmap_opendefers: for any pc in a compiled function with open-coded defers, the
   words {n, deferBits offset, closure slot offsets[n]} (%rbp-relative) its stack maps
   end with; NULL for other functions, C code or an unknown pc. */
const int64_t *stackmap_opendefers(uintptr_t pc);

/* stackmap_scan_open: for a frame (at fp) of a function with open-coded defers stopped
   at a fault (pc no call's), call mark on the words its resume row lists (the words
   live at every call, the defers' closures, the results) and return 1, as gc scans
   such a frame at its deferreturn; 0 for other functions. */
int stackmap_scan_open(uintptr_t pc, uintptr_t fp, void (*mark)(void *));

/* stackmap_frameless: whether pc is in a compiled function without a frame (a leaf:
   its return address is at %rsp, and %rbp is still its caller's). */
int stackmap_frameless(uintptr_t pc);

#endif
