import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { zipfKeys } from './keyspace.ts';

/** How many of `draws` keys fall on each key of a keyspace of `keyCount`. */
function histogram(keyCount: number, zipfS: number, draws: number, seed = 1): number[] {
  const sample = zipfKeys(keyCount, zipfS);
  const rng = createRandom(seed, 'keys');
  const counts = Array.from({ length: keyCount }, () => 0);
  for (let i = 0; i < draws; i++) {
    const key = sample(rng);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('zipfKeys', () => {
  it('draws every key about equally often when the skew is 0 (chi-square within the 99.9% bound)', () => {
    const keyCount = 50;
    const draws = 100_000;
    const counts = histogram(keyCount, 0, draws);
    const expected = draws / keyCount;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(counts.every((c) => c > 0)).toBe(true);
    // Chi-square with 49 degrees of freedom: P(X > 85.4) = 0.001.
    expect(chiSquare).toBeLessThan(85.4);
  });

  it('gives the ten hottest of 100,000 keys a large share of requests when the skew is 1', () => {
    const draws = 50_000;
    const sample = zipfKeys(100_000, 1);
    const rng = createRandom(7, 'keys');
    let hot = 0;
    for (let i = 0; i < draws; i++) if (sample(rng) < 10) hot++;
    // Zipf(1) over 100,000 keys: H(10) / H(100,000) = 2.93 / 12.09 = 24% (uniform would give 0.01%).
    expect(hot / draws).toBeGreaterThan(0.18);
    expect(hot / draws).toBeLessThan(0.3);
  });

  it('makes more popular keys more frequent: key 0 beats key 9, which beats key 99 (skew 0.99)', () => {
    const counts = histogram(1000, 0.99, 100_000);
    expect(counts[0] as number).toBeGreaterThan(3 * (counts[9] as number));
    expect(counts[9] as number).toBeGreaterThan(3 * (counts[99] as number));
  });

  it('grows the hot keys\' share with the skew', () => {
    const hotShare = (zipfS: number): number => {
      const counts = histogram(1000, zipfS, 20_000, 3);
      return counts.slice(0, 10).reduce((s, c) => s + c, 0) / 20_000;
    };
    const shares = [0, 0.5, 1, 1.5, 2].map(hotShare);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1] as number);
    expect(shares[0]).toBeLessThan(0.02);
    expect(shares[4]).toBeGreaterThan(0.9);
  });

  it('always returns a whole key in [0, keyCount), whatever the size and skew (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 0, max: 4_294_967_295 }),
        (keyCount, zipfS, seed) => {
          const sample = zipfKeys(keyCount, zipfS);
          const rng = createRandom(seed, 'keys');
          const outside = Array.from({ length: 200 }, () => sample(rng)).filter((key) => !Number.isInteger(key) || key < 0 || key >= keyCount);
          expect(outside).toEqual([]);
        },
      ),
      { seed: 20_240_611, numRuns: 200 },
    );
  });

  it('returns key 0 for a keyspace of one key', () => {
    const sample = zipfKeys(1, 0.99);
    const rng = createRandom(1, 'keys');
    expect(Array.from({ length: 20 }, () => sample(rng))).toEqual(Array.from({ length: 20 }, () => 0));
  });
});
