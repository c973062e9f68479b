/**
 * Argument reduction for sine and cosine, ported from FreeBSD's e_rem_pio2.c and k_rem_pio2.c (fdlibm; see
 * NOTICE.md): x = n pi/2 + (y0 + y1), |y0 + y1| <= pi/4, with y0 + y1 accurate to far below an ulp of y0.
 * Up to 2^20 pi/2 by Cody-Waite with pi/2 in three or five parts; beyond, by Payne-Hanek over 1584 bits of 2/pi.
 */
import { fromWords, highWord, lowWord } from './words.ts';

const INV_PIO2 = 6.36619772367581382433e-1; // 0x3FE45F30, 0x6DC9C883
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB, 0x54400000: the first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461, 0x1A626331: pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B461, 0x1A600000: the next 33 bits
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A, 0x2E037073: pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A, 0x2E000000: the next 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A, 0x252049C1: pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
/** 1.5 * 2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer, ties to even. */
const TO_INT = 6755399441055744;

/** Where the reduced argument goes: y0 (head) and y1 (tail). */
export type Reduced = Float64Array;

/** Writes the reduction of x into out[0] and out[1] and returns n (its low bits choose the quadrant). */
export function remPio2(x: number, out: Reduced): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x400f6a7a) {
    // |x| ~<= 5 pi/4
    if ((ix & 0xfffff) === 0x921fb) return medium(x, ix, out); // |x| ~= pi/2 or 2 pi/2: cancellation, need care
    if (ix <= 0x4002d97c) {
      // |x| ~<= 3 pi/4
      if (hx > 0) {
        const z = x - PIO2_1;
        out[0] = z - PIO2_1T;
        out[1] = z - (out[0] as number) - PIO2_1T;
        return 1;
      }
      const z = x + PIO2_1;
      out[0] = z + PIO2_1T;
      out[1] = z - (out[0] as number) + PIO2_1T;
      return -1;
    }
    if (hx > 0) {
      const z = x - 2 * PIO2_1;
      out[0] = z - 2 * PIO2_1T;
      out[1] = z - (out[0] as number) - 2 * PIO2_1T;
      return 2;
    }
    const z = x + 2 * PIO2_1;
    out[0] = z + 2 * PIO2_1T;
    out[1] = z - (out[0] as number) + 2 * PIO2_1T;
    return -2;
  }
  if (ix <= 0x401c463b) {
    // |x| ~<= 9 pi/4
    if (ix <= 0x4015fdbc) {
      // |x| ~<= 7 pi/4
      if (ix === 0x4012d97c) return medium(x, ix, out); // |x| ~= 3 pi/2
      if (hx > 0) {
        const z = x - 3 * PIO2_1;
        out[0] = z - 3 * PIO2_1T;
        out[1] = z - (out[0] as number) - 3 * PIO2_1T;
        return 3;
      }
      const z = x + 3 * PIO2_1;
      out[0] = z + 3 * PIO2_1T;
      out[1] = z - (out[0] as number) + 3 * PIO2_1T;
      return -3;
    }
    if (ix === 0x401921fb) return medium(x, ix, out); // |x| ~= 4 pi/2
    if (hx > 0) {
      const z = x - 4 * PIO2_1;
      out[0] = z - 4 * PIO2_1T;
      out[1] = z - (out[0] as number) - 4 * PIO2_1T;
      return 4;
    }
    const z = x + 4 * PIO2_1;
    out[0] = z + 4 * PIO2_1T;
    out[1] = z - (out[0] as number) + 4 * PIO2_1T;
    return -4;
  }
  if (ix < 0x413921fb) return medium(x, ix, out); // |x| ~< 2^20 pi/2
  if (ix >= 0x7ff00000) {
    // Infinity or NaN
    out[0] = Number.NaN;
    out[1] = Number.NaN;
    return 0;
  }
  // Split |x| into three 24-bit pieces, scaled by 2^-e0, for the Payne-Hanek reduction.
  const e0 = (ix >> 20) - 1046; // ilogb(|x|) - 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    TX[i] = z | 0;
    z = (z - (TX[i] as number)) * TWO24;
  }
  TX[2] = z;
  let nx = 3;
  while (TX[nx - 1] === 0) nx--;
  const n = kernelRemPio2(e0, nx);
  if (hx < 0) {
    out[0] = -(TY[0] as number);
    out[1] = -(TY[1] as number);
    return -n;
  }
  out[0] = TY[0] as number;
  out[1] = TY[1] as number;
  return n;
}

/** |x| < 2^20 pi/2: n = nearest integer to x 2/pi, x - n pi/2 with pi/2 in as many parts as cancellation needs. */
function medium(x: number, ix: number, out: Reduced): number {
  const fn = x * INV_PIO2 + TO_INT - TO_INT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // first round, good to 85 bits
  const j = ix >> 20;
  out[0] = r - w;
  let i = j - ((highWord(out[0] as number) >> 20) & 0x7ff);
  if (i > 16) {
    // second round, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    out[0] = r - w;
    i = j - ((highWord(out[0] as number) >> 20) & 0x7ff);
    if (i > 49) {
      // third round, good to 151 bits: covers every case
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      out[0] = r - w;
    }
  }
  out[1] = r - (out[0] as number) - w;
  return n;
}

const TWO24 = 1.67772160000000000000e7; // 2^24
const TWON24 = 5.96046447753906250000e-8; // 2^-24
/** 2/pi in 24-bit pieces: 1584 bits, enough for any double. */
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a,
  0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41,
  0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08,
  0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];
/** pi/2 in 24-bit pieces. */
const PIO2 = [
  1.57079625129699707031e0, // 0x3FF921FB, 0x40000000
  7.54978941586159635335e-8, // 0x3E74442D, 0x00000000
  5.39030252995776476554e-15, // 0x3CF84698, 0x80000000
  3.28200341580791294123e-22, // 0x3B78CC51, 0x60000000
  1.27065575308067607349e-29, // 0x39F01B83, 0x80000000
  1.22933308981111328932e-36, // 0x387A2520, 0x40000000
  2.73370053816464559624e-44, // 0x36E38222, 0x80000000
  2.16741683877804819444e-51, // 0x3569F31D, 0x00000000
];
const TX = new Float64Array(3);
const TY = new Float64Array(2);
const F = new Float64Array(20);
const Q = new Float64Array(20);
const FQ = new Float64Array(20);
const IQ = new Int32Array(20);

/** 2^n, exactly, for |n| < 1023 (scalbn on 1, without Math.pow). */
function pow2(n: number): number {
  return fromWords((n + 1023) << 20, 0);
}

/**
 * k_rem_pio2 for double precision (prec = 1, jk = 4): reduces x = TX[0..nx) 2^e0 (24-bit pieces) modulo pi/2
 * into TY[0] + TY[1] and returns the quadrant's low three bits.
 */
function kernelRemPio2(e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);
  // F[0..jx+jk] = IPIO2[jv-jx .. jv+jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) F[i] = j < 0 ? 0 : (IPIO2[j] as number);
  // Q[0..jk] = the products
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += (TX[j] as number) * (F[jx + i - j] as number);
    Q[i] = fw;
  }
  let jz = jk;
  for (;;) {
    // Distill Q[] into IQ[], reversed.
    let z = Q[jz] as number;
    j = jz;
    for (let i = 0; j > 0; i++, j--) {
      const fw = (TWON24 * z) | 0;
      IQ[i] = (z - TWO24 * fw) | 0;
      z = (Q[j - 1] as number) + fw;
    }
    // The integer part.
    z *= pow2(q0);
    z -= 8 * Math.floor(z * 0.125); // trim off the integer >= 8
    let n = z | 0;
    z -= n;
    let ih = 0;
    if (q0 > 0) {
      // IQ[jz-1] holds the integer bits; take them out
      const i = (IQ[jz - 1] as number) >> (24 - q0);
      n += i;
      IQ[jz - 1] = (IQ[jz - 1] as number) - (i << (24 - q0));
      ih = (IQ[jz - 1] as number) >> (23 - q0);
    } else if (q0 === 0) {
      ih = (IQ[jz - 1] as number) >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // q > 0.5
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const v = IQ[i] as number;
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            IQ[i] = 0x1000000 - v;
          }
        } else {
          IQ[i] = 0xffffff - v;
        }
      }
      if (q0 === 1) IQ[jz - 1] = (IQ[jz - 1] as number) & 0x7fffff;
      else if (q0 === 2) IQ[jz - 1] = (IQ[jz - 1] as number) & 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= pow2(q0);
      }
    }
    // Need recomputation?
    if (z === 0) {
      j = 0;
      for (let i = jz - 1; i >= jk; i--) j |= IQ[i] as number;
      if (j === 0) {
        // need more terms of 2/pi
        let k = 1;
        while (IQ[jk - k] === 0) k++;
        for (let i = jz + 1; i <= jz + k; i++) {
          F[jx + i] = IPIO2[jv + i] as number;
          let fw = 0;
          for (j = 0; j <= jx; j++) fw += (TX[j] as number) * (F[jx + i - j] as number);
          Q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    // Chop off zero terms.
    if (z === 0) {
      jz -= 1;
      q0 -= 24;
      while (IQ[jz] === 0) {
        jz--;
        q0 -= 24;
      }
    } else {
      // break z into 24-bit pieces if needed
      z *= pow2(-q0);
      if (z >= TWO24) {
        const fw = (TWON24 * z) | 0;
        IQ[jz] = (z - TWO24 * fw) | 0;
        jz += 1;
        q0 += 24;
        IQ[jz] = fw;
      } else {
        IQ[jz] = z | 0;
      }
    }
    // Convert the integer bit chunks back to floating point.
    let fw = pow2(q0);
    for (let i = jz; i >= 0; i--) {
      Q[i] = fw * (IQ[i] as number);
      fw *= TWON24;
    }
    // FQ[0..jz] = PIO2[0..jp] * Q[jz..0]
    for (let i = jz; i >= 0; i--) {
      let sum = 0;
      for (let k = 0; k <= jp && k <= jz - i; k++) sum += (PIO2[k] as number) * (Q[i + k] as number);
      FQ[jz - i] = sum;
    }
    // Compress FQ[] into TY[].
    fw = 0;
    for (let i = jz; i >= 0; i--) fw += FQ[i] as number;
    TY[0] = ih === 0 ? fw : -fw;
    fw = (FQ[0] as number) - fw;
    for (let i = 1; i <= jz; i++) fw += FQ[i] as number;
    TY[1] = ih === 0 ? fw : -fw;
    return n & 7;
  }
}

