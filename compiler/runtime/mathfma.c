/* math's CPU-dependent hooks: gc's FMA test and the fused multiply-add itself.
 *
 *   math.haveFMA() bool                   CPUID.1:ECX.{FMA,AVX,OSXSAVE} and XCR0 bits 1,2
 *   math.fma(x, y, z float64) float64     VFMADD231SD: z = x*y + z, rounded once
 *
 * Floats cross the C runtime ABI as their IEEE bits (as math.sqrt in runtime.c). Kept
 * apart from runtime.c: these are math's only hooks that depend on the CPU.
 */
#include <stdint.h>
#include <string.h>
#include <cpuid.h>

_Bool math_haveFMA(void) __asm__("math.haveFMA");
_Bool math_haveFMA(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const unsigned fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28;
    if ((c & (fma | osxsave | avx)) != (fma | osxsave | avx)) return 0;
    uint32_t lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 6) == 6;
}

uint64_t math_fma(uint64_t x, uint64_t y, uint64_t z) __asm__("math.fma");
uint64_t math_fma(uint64_t x, uint64_t y, uint64_t z) {
    double a, b, r;
    memcpy(&a, &x, sizeof a);
    memcpy(&b, &y, sizeof b);
    memcpy(&r, &z, sizeof r);
    __asm__("vfmadd231sd %2, %1, %0" : "+x"(r) : "x"(a), "x"(b));
    memcpy(&z, &r, sizeof r);
    return z;
}
