import { describe, expect, it } from 'vitest';
import { log } from '../math/index.ts';
import { createRandom } from '../random.ts';
import { bucketLowerMs, bucketMidMs, bucketOf, HISTOGRAM_BUCKETS, LatencyHistogram } from './histogram.ts';

describe('LatencyHistogram buckets', () => {
  it('has the buckets of 0.01 ms x 1.01^i up to 10^7 ms', () => {
    expect(HISTOGRAM_BUCKETS).toBe(Math.ceil(Math.log(1e9) / Math.log(1.01)));
    expect(bucketLowerMs(0)).toBe(0.01);
    for (const i of [1, 100, 1000, HISTOGRAM_BUCKETS]) expect(bucketLowerMs(i) / (0.01 * 1.01 ** i)).toBeCloseTo(1, 12);
  });

  it('puts every value in the bucket whose bounds hold it, the one the logarithm names (bits and table against the definition)', () => {
    const rng = createRandom(5, 'histogram-test');
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const ms = 0.01 * Math.exp(rng.uniform() * 21); // 0.01 ms .. 13,000 s, log-uniform
      const i = bucketOf(ms);
      const last = i === HISTOGRAM_BUCKETS - 1;
      if (ms < bucketLowerMs(i) || (!last && ms >= bucketLowerMs(i + 1))) wrong.push(`${ms} in bucket ${i}`);
      const byLog = Math.min(HISTOGRAM_BUCKETS - 1, Math.floor(log(ms / 0.01) / log(1.01)));
      const nearBoundary = Math.abs(ms / bucketLowerMs(i) - 1) < 1e-12 || Math.abs(ms / bucketLowerMs(i + 1) - 1) < 1e-12;
      if (byLog !== i && !nearBoundary) wrong.push(`${ms}: bucket ${i}, by its logarithm ${byLog}`);
    }
    expect(wrong).toEqual([]);
  });

  it('puts each boundary in the bucket it starts, and the doubles just below it in the one before', () => {
    for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
      const lower = bucketLowerMs(i);
      expect(bucketOf(lower)).toBe(i);
      const below = lower * (1 - 2 ** -53);
      if (below < lower) expect(bucketOf(below)).toBe(i - 1);
    }
  });

  it('sends zero, tiny, negative and NaN values to the first bucket, and huge ones to the last', () => {
    for (const ms of [0, -1, 0.001, 0.01, Number.NaN, -Infinity]) expect(bucketOf(ms)).toBe(0);
    for (const ms of [1e7, 1e12, Infinity]) expect(bucketOf(ms)).toBe(HISTOGRAM_BUCKETS - 1);
  });

  it('reports percentiles within half a bucket (0.5%) of the exact order statistic', () => {
    const rng = createRandom(9, 'histogram-quantiles');
    const histogram = new LatencyHistogram();
    const values = Array.from({ length: 50_000 }, () => rng.logNormal(40, 0.6));
    for (const v of values) histogram.record(v);
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1] as number;
      expect(Math.abs((histogram.quantile(q) as number) / exact - 1)).toBeLessThan(0.0051);
    }
    expect(histogram.quantile(0.5)).toBe(bucketMidMs(bucketOf(values[24_999] as number)));
  });
});
