/**
 * The natural logarithm, ported from fdlibm's e_log.c (see NOTICE.md): error below 1 ulp, and the same double
 * in every JavaScript engine, unlike Math.log.
 *
 * x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); log(1 + f) = 2s + s R(s^2) with s = f / (2 + f), R a
 * degree-14 polynomial (Remez); log(x) = k ln2 + log(1 + f), with ln2 split in two for exactness.
 */
import { highWord } from './words.ts';

const LN2_HI = 6.93147180369123816490e-1; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16; // 2^54
const LG1 = 6.666666666666735130e-1; // 3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

/** 2^-k for k = -1022..1024, at SCALE[k + 1022]: multiplying by it sets x's exponent as fdlibm's `__HI(x) = ...` does. */
const SCALE = (() => {
  const table = new Float64Array(1024 + 1022 + 1);
  let p = 1;
  for (let k = 0; k <= 1024; k++, p /= 2) table[k + 1022] = p;
  p = 1;
  for (let k = 0; k >= -1022; k--, p *= 2) table[k + 1022] = p;
  return table;
})();

/**
 * The natural logarithm of x (-Infinity at 0, NaN below). The common case (a normal x, not within 2^-20 of a
 * power of two) is written out here and the rest left to logAnyCase, which computes the same for it: small
 * enough for V8 to inline into the caller, where the result stays an unboxed double.
 */
export function log(x: number): number {
  const hx = highWord(x);
  const m = hx & 0x000fffff;
  // zero, negative, subnormal, infinite or NaN; or within 2^-20 of a power of two
  if (hx < 0x00100000 || hx >= 0x7ff00000 || (0x000fffff & (2 + m)) < 3) return logAnyCase(x);
  const k = (hx >> 20) - 1023 + (((m + 0x95f64) & 0x100000) >> 20);
  const f = x * (SCALE[k + 1022] as number) - 1; // x / 2^k - 1, the scaling exact
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (6.666666666666735130e-1 + w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1))) +
    w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  // LG1..LG7, LN2_HI and LN2_LO written out (a module constant costs a load and a check). fdlibm's separate
  // k = 0 formulas are these with the k ln2 terms zero: the same doubles, as rounding is symmetric.
  if (((m - 0x6147a) | (0x6b851 - m)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * 6.93147180369123816490e-1 - (hfsq - (s * (hfsq + r) + k * 1.90821492927058770002e-10) - f);
  }
  return k * 6.93147180369123816490e-1 - (s * (f - r) - k * 1.90821492927058770002e-10 - f);
}

/** fdlibm's log whole: every case, including those the fast path leaves to it. */
export function logAnyCase(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, NaN with the sign bit, or subnormal
    if (x === 0) return -Infinity;
    if (hx < 0 || x !== x) return Number.NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  let i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  const e = (hx >> 20) - 1023 + (i >> 20);
  x *= SCALE[e + 1022] as number; // normalise x or x / 2 into [sqrt(2)/2, sqrt(2)): exact
  k += e;
  hx &= 0x000fffff;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}
