/**
 * e^x, ported from fdlibm's e_exp.c (see NOTICE.md): error below 1 ulp, and the same double in every
 * JavaScript engine, unlike Math.exp, whose last bit differs between V8 builds.
 *
 * x = k ln2 + r with |r| <= ln2 / 2; e^r from a degree-5 rational approximation (Remez), then scaled by 2^k.
 * The scaling multiplies by a power of two from a table (exact, as fdlibm's exponent addition is).
 */
import { fromWords } from './words.ts';

const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42, 0xFEFA39EF
const U_THRESHOLD = -7.45133219101941108420e2; // 0xc0874910, 0xD52D3051
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42, 0xfee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef, 0x35793c76
const INV_LN2 = 1.44269504088896338700; // 0x3ff71547, 0x652b82fe
const P1 = 1.66666666666666019037e-1; // 0x3FC55555, 0x5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C, 0x16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A, 0xAF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41, 0xC5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769, 0x72BEA4D0
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000

/** 2^k for k = -1021..1023, at POW2[k + 1021]. */
const POW2 = (() => {
  const table = new Float64Array(1023 + 1021 + 1);
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) table[k + 1021] = p;
  p = 1;
  for (let k = 0; k >= -1021; k--, p /= 2) table[k + 1021] = p;
  return table;
})();

/** |x| at or above which exp needs care (fdlibm's high word 0x40862E42: NaN, infinities, overflow, underflow). */
const EDGE = fromWords(0x40862e42, 0);
/** |x| above which the reduction is needed (high word above 0x3fd62e42: about ln2 / 2). */
const HALF_LN2_ABOVE = fromWords(0x3fd62e43, 0);
/** |x| below which k is +-1 (high word below 0x3ff0a2b2: about 1.5 ln2). */
const THREE_HALVES_LN2 = fromWords(0x3ff0a2b2, 0);
/** |x| below which e^x = 1 + x (high word below 0x3e300000: 2^-28). */
const TINY = fromWords(0x3e300000, 0);

/**
 * e^x. fdlibm branches on the high word of |x|; comparing |x| with the double each threshold names takes the
 * same branches (for non-negative doubles, the order of values is the order of bit patterns) without
 * reading x's bits.
 */
export function exp(x: number): number {
  const negative = x < 0;
  const ax = negative ? -x : x;
  if (!(ax < EDGE)) {
    if (x !== x) return x; // NaN
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax >= HALF_LN2_ABOVE) {
    if (ax < THREE_HALVES_LN2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact: k has at most 11 bits, LN2_HI 32
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k <= 1023 ? y * (POW2[k + 1021] as number) : y * 2 * (POW2[1023 + 1021] as number);
  return y * (POW2[k + 1000 + 1021] as number) * TWO_M1000;
}
