/**
 * Keys of requests: `keyCount` keys whose popularity follows a Zipf law with exponent `zipfS` (0: uniform;
 * about 1: a few keys are hot, as in real workloads). Sampled in O(1) by inverting the continuous
 * approximation of the Zipf CDF, which is within a few percent of the discrete law except for the very
 * hottest key.
 */
import type { Random } from '../random.ts';

export type KeySampler = (rng: Random) => number;

export function zipfKeys(keyCount: number, zipfS: number): KeySampler {
  const n = Math.max(1, Math.floor(keyCount));
  if (zipfS === 0 || n === 1) return (rng) => Math.min(n - 1, Math.floor(rng.uniform() * n));
  if (Math.abs(zipfS - 1) < 1e-9) {
    const logTop = Math.log(n + 1);
    return (rng) => Math.min(n - 1, Math.floor(Math.exp(rng.uniform() * logTop)) - 1);
  }
  const oneMinusS = 1 - zipfS;
  const top = ((n + 1) ** oneMinusS - 1) / oneMinusS;
  return (rng) => Math.min(n - 1, Math.max(0, Math.floor((1 + rng.uniform() * top * oneMinusS) ** (1 / oneMinusS)) - 1));
}
