import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { asin, cos, exp, log, sin } from './index.ts';
import { logAnyCase } from './log.ts';

/** Distance in units in the last place between two finite doubles (by their ordered bit patterns). */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const ordered = (v: number): bigint => {
    const bits = new BigInt64Array(new Float64Array([v]).buffer)[0] as bigint;
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

const rng = createRandom(2026, 'math-test');
/** n inputs spread uniformly over [lo, hi). */
function uniform(n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}
/** n inputs spread log-uniformly over [2^loExp, 2^hiExp), both signs when `signed`. */
function logUniform(n: number, loExp: number, hiExp: number, signed = false): number[] {
  return Array.from({ length: n }, () => {
    const v = 2 ** (loExp + (hiExp - loExp) * rng.uniform()) * (1 + rng.uniform());
    return signed && rng.uniform() < 0.5 ? -v : v;
  });
}

/** The largest ulp distance from Math's function over the inputs (Math is within an ulp of the truth, too). */
function worstAgainstMath(ours: (x: number) => number, theirs: (x: number) => number, inputs: readonly number[]): number {
  let worst = 0;
  for (const x of inputs) worst = Math.max(worst, ulps(ours(x), theirs(x)));
  return worst;
}

describe('engine/math against Math (V8), which is itself within an ulp of the true value', () => {
  it.each([
    ['sin', sin, Math.sin],
    ['cos', cos, Math.cos],
  ] as const)('%s is within 1 ulp over small, medium and huge arguments', (_name, ours, theirs) => {
    expect(worstAgainstMath(ours, theirs, uniform(100_000, -2 * Math.PI, 2 * Math.PI))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(ours, theirs, logUniform(20_000, -30, 20, true))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(ours, theirs, logUniform(20_000, 20, 1000, true))).toBeLessThanOrEqual(1); // Payne-Hanek
    expect(worstAgainstMath(ours, theirs, Array.from({ length: 2000 }, (_, k) => (k * Math.PI) / 4))).toBeLessThanOrEqual(1);
  });

  it('exp is within 1 ulp from underflow to overflow', () => {
    expect(worstAgainstMath(exp, Math.exp, uniform(100_000, -10, 10))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(exp, Math.exp, uniform(50_000, -745, 709.78))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(exp, Math.exp, logUniform(20_000, -60, -1, true))).toBeLessThanOrEqual(1);
  });

  it('log is within 1 ulp over subnormals, normals and near 1', () => {
    expect(worstAgainstMath(log, Math.log, uniform(100_000, 0, 4))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(log, Math.log, logUniform(50_000, -1074, 1023))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(log, Math.log, uniform(20_000, 1 - 1e-5, 1 + 1e-5))).toBeLessThanOrEqual(1);
  });

  it("log's inlinable fast path gives exactly what fdlibm's whole log gives", () => {
    let differ = 0;
    for (const x of [...logUniform(100_000, -1074, 1023), ...uniform(50_000, 0.5, 2), 1, 2, 0.5, 4 * (1 + 2 ** -21), 4 * (1 - 2 ** -21)]) if (log(x) !== logAnyCase(x)) differ++;
    expect(differ).toBe(0);
  });

  it('asin is within 1 ulp on [-1, 1]', () => {
    expect(worstAgainstMath(asin, Math.asin, uniform(100_000, -1, 1))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(asin, Math.asin, uniform(20_000, 0.97, 1))).toBeLessThanOrEqual(1);
    expect(worstAgainstMath(asin, Math.asin, logUniform(20_000, -40, -1, true))).toBeLessThanOrEqual(1);
  });
});

describe('engine/math on known values and identities', () => {
  it('gives the exact or correctly rounded known values', () => {
    expect(sin(0)).toBe(0);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(sin(Math.PI / 6)).toBeCloseTo(0.5, 15);
    expect(cos(Math.PI / 3)).toBeCloseTo(0.5, 15);
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16); // pi - Math.PI, to 17 digits
    expect(cos(Math.PI)).toBe(-1);
    expect(sin(Math.PI / 2)).toBe(1);
    expect(exp(0)).toBe(1);
    expect(ulps(exp(1), Math.E)).toBe(1); // fdlibm's known 2.7182818284590455: within its 1-ulp bound
    expect(exp(Math.LN2)).toBe(2);
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBe(1);
    expect(log(2)).toBe(Math.LN2);
    expect(log(10)).toBe(Math.LN10);
    expect(log(1024)).toBe(10 * Math.LN2);
    expect(asin(1)).toBe(Math.PI / 2);
    expect(asin(-1)).toBe(-Math.PI / 2);
    expect(asin(0.5)).toBe(0.5235987755982989); // pi/6 correctly rounded
    // sin(1e22), the classic test of a full-precision argument reduction.
    expect(sin(1e22)).toBe(-0.8522008497671888);
  });

  it('handles the special values as IEEE 754 says', () => {
    for (const f of [sin, cos, asin, log, exp]) expect(f(Number.NaN)).toBeNaN();
    expect(sin(Infinity)).toBeNaN();
    expect(cos(-Infinity)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-745)).toBe(5e-324);
    expect(ulps(exp(709.78), Math.exp(709.78))).toBeLessThanOrEqual(1); // the top of the range, k = 1024
    expect(ulps(exp(-709), Math.exp(-709))).toBeLessThanOrEqual(1); // k = -1023: scaled through 2^-1000
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBe(-744.4400719213812);
    expect(asin(1.0000001)).toBeNaN();
  });

  it('keeps the identities: sin^2 + cos^2 = 1, log(exp(x)) = x, sin(asin(x)) = x, odd and even symmetry', () => {
    const broken: string[] = [];
    for (const x of uniform(20_000, -100, 100)) {
      const s = sin(x);
      const c = cos(x);
      if (Math.abs(s * s + c * c - 1) >= 4e-16) broken.push(`sin^2 + cos^2 at ${x}`);
      if (sin(-x) !== -s || cos(-x) !== c) broken.push(`symmetry at ${x}`);
      if (Math.abs(log(exp(x / 10)) - x / 10) > 4e-16 * Math.max(1, Math.abs(x / 10))) broken.push(`log(exp) at ${x}`);
    }
    for (const x of uniform(20_000, -1, 1)) {
      if (asin(-x) !== -asin(x)) broken.push(`asin symmetry at ${x}`);
      if (Math.abs(sin(asin(x)) - x) >= 3e-16) broken.push(`sin(asin) at ${x}`);
      if (Math.abs(exp(log(x * x + 0.5)) - (x * x + 0.5)) >= 6e-16) broken.push(`exp(log) at ${x}`);
    }
    expect(broken).toEqual([]);
  });

  it('writes its constants as fdlibm does: each decimal is the double its hex words name', () => {
    for (const file of ['exp.ts', 'log.ts', 'trig.ts', 'asin.ts', 'remPio2.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      const constants = [...source.matchAll(/= (-?[0-9.]+e?-?[0-9]*); \/\/ (?:0x)?([0-9a-fA-F]{8}),? (?:0x)?([0-9a-fA-F]{8})/g)];
      expect(constants.length, file).toBeGreaterThan(3);
      for (const [, decimal, hi, lo] of constants) {
        const bits = new DataView(new ArrayBuffer(8));
        bits.setUint32(0, Number.parseInt(hi as string, 16));
        bits.setUint32(4, Number.parseInt(lo as string, 16));
        expect(Number(decimal), `${file}: ${decimal}`).toBe(bits.getFloat64(0));
      }
    }
  });
});
