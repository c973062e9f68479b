/**
 * The two 32-bit halves of a double, as fdlibm reads and writes them (`__HI(x)`, `__LO(x)`): through one shared
 * 8-byte buffer, which V8 keeps in registers in optimised code. The high word holds the sign, the 11 exponent
 * bits and the top 20 bits of the significand.
 */
const buffer = new ArrayBuffer(8);
const float = new Float64Array(buffer);
const words = new Int32Array(buffer);
/** Index of the high word: 1 on little-endian machines (every one JavaScript runs on today), else 0. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The high word of x as a signed 32-bit integer (negative when x's sign bit is set). */
export function highWord(x: number): number {
  float[0] = x;
  return words[HI] as number;
}

/** The low word of x as a signed 32-bit integer. */
export function lowWord(x: number): number {
  float[0] = x;
  return words[LO] as number;
}

/** The double whose high and low words are `hi` and `lo`. */
export function fromWords(hi: number, lo: number): number {
  words[HI] = hi;
  words[LO] = lo;
  return float[0] as number;
}

/** x with its high word replaced by `hi` (its low word kept). */
export function withHighWord(x: number, hi: number): number {
  float[0] = x;
  words[HI] = hi;
  return float[0] as number;
}

/** x with its low word cleared (fdlibm's `__LO(x) = 0`): the top 21 bits of its significand. */
export function withLowWordZero(x: number): number {
  float[0] = x;
  words[LO] = 0;
  return float[0] as number;
}
