/**
 * Multi-server queueing formulas. A region of capacity `capacityQps` is modelled as c servers, each busy for a
 * request's service time, with c chosen so that c / meanServiceS = capacityQps: a region saturates exactly at
 * its capacity, and queueing delay grows with utilisation as in a real multi-server queue.
 */
import { exp } from '../math/index.ts';

/** Shape of service times: log-normal sigma, shared by the traffic model. */
export const SERVICE_SIGMA = 0.6;
/** Squared coefficient of variation of a log-normal service time: e^(sigma^2) - 1. */
export const SERVICE_CV2 = exp(SERVICE_SIGMA * SERVICE_SIGMA) - 1;
/** Mean over median of a log-normal: e^(sigma^2 / 2). */
export const LOGNORMAL_MEAN_OVER_MEDIAN = exp((SERVICE_SIGMA * SERVICE_SIGMA) / 2);

/** Servers (at least 1) for a capacity in requests/s and a mean service time in seconds. */
export function serverCount(capacityQps: number, meanServiceS: number): number {
  return Math.max(1, Math.round(capacityQps * meanServiceS));
}

/**
 * Erlang C: the probability that an arrival waits, for c servers and offered load a = lambda / mu erlangs
 * (a < c). Computed through the Erlang B recursion, which is stable for thousands of servers.
 */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/**
 * Parameters of the waiting time in an M/G/c queue by the Allen-Cunneen approximation: an arrival waits with
 * probability `pWait`, and then for an exponential time of mean `meanWaitS`.
 */
export function waitDistribution(
  servers: number,
  arrivalRate: number,
  capacityQps: number,
): { readonly pWait: number; readonly meanWaitS: number } {
  const rho = capacityQps > 0 ? arrivalRate / capacityQps : 0;
  if (rho <= 0) return { pWait: 0, meanWaitS: 0 };
  const cappedRho = Math.min(rho, 0.995);
  const pWait = erlangC(servers, cappedRho * servers);
  const headroom = capacityQps * (1 - cappedRho); // c * mu - lambda, requests/s
  return { pWait, meanWaitS: ((1 + SERVICE_CV2) / 2) / headroom };
}
