import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { nearestRank, SampleBuffer, select } from './quantile.ts';

describe('select', () => {
  it('finds the k-th smallest of arrays with and without ties, for every k (against a sort)', () => {
    const rng = createRandom(3, 'select');
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rng.uniform() * 40);
      const distinct = 1 + Math.floor(rng.uniform() * n * 2); // few distinct values: many ties
      const values = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * distinct) - distinct / 3);
      const sorted = Float64Array.from(values).sort();
      for (let k = 0; k < n; k++) expect(select(Float64Array.from(values), n, k)).toBe(sorted[k]);
    }
  });

  it('reads only the prefix it is given', () => {
    const values = Float64Array.from([5, 1, 4, -100, -200]);
    expect(select(values, 3, 0)).toBe(1);
    expect(select(values, 3, 2)).toBe(5);
  });
});

describe('SampleBuffer.nearestRank', () => {
  it('equals the nearest rank of the sorted samples at p50 and p99, then at the next window', () => {
    const rng = createRandom(4, 'buffer');
    const buffer = new SampleBuffer();
    for (const n of [1, 2, 99, 100, 101, 1000]) {
      buffer.clear();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = rng.logNormal(40, 0.5);
        samples.push(v);
        buffer.push(v);
      }
      const sorted = Float64Array.from(samples).sort();
      expect(buffer.nearestRank(0.99)).toBe(nearestRank(sorted, 0.99));
      expect(buffer.nearestRank(0.5)).toBe(nearestRank(sorted, 0.5));
      // nearest rank: the ceil(q n)-th smallest (1-based)
      expect(buffer.nearestRank(0.5)).toBe(sorted[Math.ceil(0.5 * n) - 1]);
    }
    buffer.clear();
    expect(buffer.nearestRank(0.5)).toBeNaN();
  });
});
