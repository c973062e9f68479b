/**
 * Sine and cosine, ported from FreeBSD's s_sin.c, s_cos.c, k_sin.c and k_cos.c (fdlibm; see NOTICE.md): error
 * below 1 ulp, and the same double in every JavaScript engine, unlike Math.sin and Math.cos.
 *
 * The argument is reduced to y0 + y1 in [-pi/4, pi/4] and a quadrant (remPio2.ts); there sin is
 * x + x^3 (S1 + x^2 r(x^2)) and cos is 1 - x^2/2 + x^4 r(x^2), degree-13 and -14 polynomials (Remez).
 */
import { remPio2 } from './remPio2.ts';
import { highWord } from './words.ts';

const S1 = -1.66666666666666324348e-1; // 0xBFC55555, 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111, 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0, 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3, 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6, 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A, 0x5ACFD57C

const C1 = 4.16666666666666019037e-2; // 0x3FA55555, 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C, 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0, 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F, 0x809C52AD
const C5 = 2.08757232129817482790e-9; // 0x3E21EE9E, 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9, 0xBE8838D4

/** sin(x + y) for |x + y| <= pi/4, y the tail of x (0 when x is exact). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (y === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x + y| <= pi/4, y the tail of x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + (z * r - x * y));
}

const reduced = new Float64Array(2);

/** The sine of x radians. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4
    if (ix < 0x3e500000) return x; // |x| < 2^-26: sin x = x to within an ulp (and -0 stays -0)
    return kernelSin(x, 0);
  }
  if (ix >= 0x7ff00000) return Number.NaN; // Infinity or NaN
  const n = remPio2(x, reduced);
  const y0 = reduced[0] as number;
  const y1 = reduced[1] as number;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** The cosine of x radians. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4
    if (ix < 0x3e46a09e) return 1; // |x| < 2^-27 sqrt(2): cos x = 1 to within an ulp
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return Number.NaN;
  const n = remPio2(x, reduced);
  const y0 = reduced[0] as number;
  const y1 = reduced[1] as number;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
