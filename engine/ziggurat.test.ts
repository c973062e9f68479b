import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

// The ziggurat against the exact distributions, by counts in bins and tails: a wrong table (a layer's bound, the
// wedge test, the tail) shows up as a count many standard errors away from the exact probability.

const N = 1_000_000;

/** erfc by Numerical Recipes' Chebyshev fit (fractional error below 1.2e-7): normal probabilities derived apart from the generator. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}


/** Standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, 1.2e-7 relative: far below the noise here). */
const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

/** True if the count is within 5 standard errors of n p. */
function near(count: number, p: number, n = N): boolean {
  return Math.abs(count - n * p) <= 5 * Math.sqrt(n * p * (1 - p)) + 1;
}

describe('ziggurat normal', () => {
  const rng = createRandom(11, 'ziggurat-normal');
  const draws = Float64Array.from({ length: N }, () => rng.standardNormal());

  it('fills every bin of width 0.25 over [-4, 4] as the normal CDF says', () => {
    for (let lo = -4; lo < 4; lo += 0.25) {
      const count = draws.reduce((n, x) => n + (x >= lo && x < lo + 0.25 ? 1 : 0), 0);
      expect(near(count, normalCdf(lo + 0.25) - normalCdf(lo)), `bin [${lo}, ${lo + 0.25})`).toBe(true);
    }
  });

  it('has the tails beyond the base layer (|x| > 3.44) and beyond 4, symmetric', () => {
    const beyond = (t: number, sign: number) => draws.reduce((n, x) => n + (sign * x > t ? 1 : 0), 0);
    for (const t of [3, 3.442619855899, 4]) {
      expect(near(beyond(t, 1), 1 - normalCdf(t)), `x > ${t}`).toBe(true);
      expect(near(beyond(t, -1), 1 - normalCdf(t)), `x < -${t}`).toBe(true);
    }
    expect(beyond(4.5, 1) + beyond(4.5, -1)).toBeGreaterThan(0); // the tail is reached at all
  });

  it('has mean 0, variance 1 and kurtosis 3', () => {
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    for (const x of draws) {
      m1 += x;
      m2 += x * x;
      m4 += x ** 4;
    }
    expect(Math.abs(m1 / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(m4 / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N));
  });

  it('draws successive values independently (lag-1 correlation near 0, also between layer and value)', () => {
    let c = 0;
    for (let i = 1; i < N; i++) c += (draws[i] as number) * (draws[i - 1] as number);
    expect(Math.abs(c / N)).toBeLessThan(5 / Math.sqrt(N));
  });
});

describe('ziggurat exponential', () => {
  const rng = createRandom(12, 'ziggurat-exp');
  const draws = Float64Array.from({ length: N }, () => rng.exponential(1));

  it('fills bins of width 0.25 over [0, 10] as 1 - e^-x says, and its tail beyond 7.7 (the base layer)', () => {
    for (let lo = 0; lo < 10; lo += 0.25) {
      const count = draws.reduce((n, x) => n + (x >= lo && x < lo + 0.25 ? 1 : 0), 0);
      expect(near(count, Math.exp(-lo) - Math.exp(-lo - 0.25)), `bin [${lo}, ${lo + 0.25})`).toBe(true);
    }
    const tail = draws.reduce((n, x) => n + (x > 7.697117470131487 ? 1 : 0), 0);
    expect(near(tail, Math.exp(-7.697117470131487))).toBe(true);
    expect(draws.every((x) => x >= 0)).toBe(true);
  });

  it('scales with the rate: mean 1/rate', () => {
    const fast = createRandom(13, 'rate');
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += fast.exponential(40);
    expect(Math.abs(sum / 100_000 - 1 / 40)).toBeLessThan((5 / 40) / Math.sqrt(100_000));
  });
});
