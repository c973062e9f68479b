/**
 * Keys of requests: `keyCount` keys whose popularity follows a Zipf law with exponent `zipfS` (0: uniform;
 * about 1: a few keys are hot, as in real workloads).
 *
 * Sampled by inverting the continuous approximation of the Zipf CDF, x(u) = H^-1(u H(n + 1)), which is within a
 * few percent of the discrete law except for the very hottest key. x(u) is tabulated at TABLE_SIZE points and
 * interpolated (in log space, where it is smooth), so a draw costs one uniform and no pow().
 */
import type { Random } from '../random.ts';

export type KeySampler = (rng: Random) => number;

const TABLE_SIZE = 4096;

/** The continuous inverse CDF of Zipf(s) over [1, n + 1). */
function inverseCdf(n: number, s: number): (u: number) => number {
  if (Math.abs(s - 1) < 1e-9) {
    const logTop = Math.log(n + 1);
    return (u) => Math.exp(u * logTop);
  }
  const oneMinusS = 1 - s;
  const top = ((n + 1) ** oneMinusS - 1) / oneMinusS;
  return (u) => (1 + u * top * oneMinusS) ** (1 / oneMinusS);
}

export function zipfKeys(keyCount: number, zipfS: number): KeySampler {
  const n = Math.max(1, Math.floor(keyCount));
  if (zipfS === 0 || n === 1) return (rng) => Math.min(n - 1, Math.floor(rng.uniform() * n));
  const inverse = inverseCdf(n, zipfS);
  const logX = Float64Array.from({ length: TABLE_SIZE + 1 }, (_, i) => Math.log(inverse(i / TABLE_SIZE)));
  return (rng) => {
    const at = rng.uniform() * TABLE_SIZE;
    const i = Math.floor(at);
    const lo = logX[i] as number;
    const x = Math.exp(lo + ((logX[i + 1] ?? lo) - lo) * (at - i));
    return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
  };
}
