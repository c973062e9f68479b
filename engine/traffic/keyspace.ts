/**
 * Keys of requests: `keyCount` keys whose popularity follows a Zipf law with exponent `zipfS` (0: uniform;
 * about 1: a few keys are hot, as in real workloads).
 *
 * Sampled by inverting the continuous approximation of the Zipf CDF, x(u) = H^-1(u H(n + 1)), which is within a
 * few percent of the discrete law except for the very hottest key. x(u) is tabulated at TABLE_SIZE points and
 * interpolated (in log space, where it is smooth), so a draw costs one uniform and a short sum (an exp where the
 * table is steep).
 */
import { exp, log } from '../math/index.ts';
import type { Random } from '../random.ts';

export type KeySampler = (rng: Random) => number;

const TABLE_SIZE = 4096;

/**
 * log x(u) for the continuous inverse CDF of Zipf(s) over [1, n + 1): x(u) = H^-1(u H(n + 1)), where
 * H(x) = (x^(1 - s) - 1) / (1 - s), so log x(u) = log(1 + u (1 - s) H(n + 1)) / (1 - s) (and u log(n + 1) at s = 1).
 */
function logInverseCdf(n: number, s: number): (u: number) => number {
  if (Math.abs(s - 1) < 1e-9) {
    const logTop = log(n + 1);
    return (u) => u * logTop;
  }
  const oneMinusS = 1 - s;
  const topTimesOneMinusS = exp(oneMinusS * log(n + 1)) - 1; // H(n + 1) (1 - s)
  return (u) => log(1 + u * topTimesOneMinusS) / oneMinusS;
}

/** Below this step in log x between two table entries, e^y is a degree-5 Taylor sum (error under y^6 / 720 < 3e-17). */
const TAYLOR_STEP = 0.005;

export function zipfKeys(keyCount: number, zipfS: number): KeySampler {
  const n = Math.max(1, Math.floor(keyCount));
  if (zipfS === 0 || n === 1) return (rng) => Math.min(n - 1, Math.floor(rng.uniform() * n));
  const logInverse = logInverseCdf(n, zipfS);
  const logX = Float64Array.from({ length: TABLE_SIZE + 1 }, (_, i) => logInverse(i / TABLE_SIZE));
  // Per entry: x there, and the step in log x to the next. Interpolating in log space, x = X e^(step t): where the
  // step is small (nearly everywhere), e^(step t) is a short Taylor sum instead of a call to exp.
  const x0 = logX.map((lx) => exp(lx));
  const step = Float64Array.from({ length: TABLE_SIZE }, (_, i) => (logX[i + 1] as number) - (logX[i] as number));
  return (rng) => {
    const at = rng.uniform() * TABLE_SIZE;
    const i = Math.floor(at);
    const d = step[i] as number;
    const y = d * (at - i);
    const x = d < TAYLOR_STEP ? (x0[i] as number) * (1 + y * (1 + y * (0.5 + y * (1 / 6 + y * (1 / 24 + y / 120))))) : exp((logX[i] as number) + y);
    return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
  };
}
