/**
 * The arcsine, ported from fdlibm's e_asin.c (see NOTICE.md): error below 1 ulp, and the same double in every
 * JavaScript engine, unlike Math.asin.
 *
 * |x| < 0.5: asin x = x + x^3 R(x^2), R a rational approximation (Remez). Otherwise, with z = (1 - |x|)/2 and
 * s = sqrt(z) (sqrt is correctly rounded everywhere), asin |x| = pi/2 - 2(s + s z R(z)), computed with the head of
 * s apart from its tail near 0.5 so that no bits cancel.
 */
import { highWord, lowWord, withLowWordZero } from './words.ts';

const PIO2_HI = 1.57079632679489655800; // 0x3FF921FB, 0x54442D18
const PIO2_LO = 6.12323399573676603587e-17; // 0x3C91A626, 0x33145C07
const PIO4_HI = 7.85398163397448278999e-1; // 0x3FE921FB, 0x54442D18
const PS0 = 1.66666666666666657415e-1; // 0x3FC55555, 0x55555555
const PS1 = -3.25565818622400915405e-1; // 0xBFD4D612, 0x03EB6F7D
const PS2 = 2.01212532134862925881e-1; // 0x3FC9C155, 0x0E884455
const PS3 = -4.00555345006794114027e-2; // 0xBFA48228, 0xB5688F3B
const PS4 = 7.91534994289814532176e-4; // 0x3F49EFE0, 0x7501B288
const PS5 = 3.47933107596021167570e-5; // 0x3F023DE1, 0x0DFDF709
const QS1 = -2.40339491173441421878; // 0xC0033A27, 0x1C8A2D4B
const QS2 = 2.02094576023350569471; // 0x40002AE5, 0x9C598AC8
const QS3 = -6.88283971605453293030e-1; // 0xBFE6066C, 0x1B8D0159
const QS4 = 7.70381505559019352791e-2; // 0x3FB3B8C5, 0xB12E9282

/** The arcsine of x in radians, -pi/2..pi/2 (NaN outside -1..1). */
export function asin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    // |x| >= 1
    if (((ix - 0x3ff00000) | lowWord(x)) === 0) return x * PIO2_HI + x * PIO2_LO; // asin(+-1) = +-pi/2
    return Number.NaN; // |x| > 1, or NaN
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    const t = x * x;
    const p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
    const q = 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
    return x + x * (p / q);
  }
  // 1 > |x| >= 0.5
  const w = 1 - (x < 0 ? -x : x);
  let t = w * 0.5;
  let p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
  let q = 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
  const s = Math.sqrt(t);
  if (ix >= 0x3fef3333) {
    // |x| > 0.975
    t = PIO2_HI - (2 * (s + s * (p / q)) - PIO2_LO);
  } else {
    const f = withLowWordZero(s);
    const c = (t - f * f) / (s + f);
    const r = p / q;
    p = 2 * s * r - (PIO2_LO - 2 * c);
    q = PIO4_HI - 2 * f;
    t = PIO4_HI - (p - q);
  }
  return hx > 0 ? t : -t;
}
