/**
 * Round-trip times between places, in milliseconds.
 *
 * Between two AWS regions at their catalogue positions the engine uses the measured median (cloudping, 1 year).
 * Everywhere else it estimates from geography: light in fibre covers 204,000 km/s, so a round trip costs
 * 0.98 ms per 100 km of fibre, and real fibre is longer than the great circle. This first model multiplies the
 * great-circle fibre time by one inflation factor and adds a fixed overhead, both fitted to the AWS matrix
 * (median absolute error 12%, p90 35%): right on average, wrong where cables detour. A model of the cable
 * graph replaces it later (see docs/latency-model.md when it lands).
 */
import awsRttJson from './data/awsRtt.json' with { type: 'json' };
import { greatCircleKm, type LatLon } from './greatCircle.ts';

/** Speed of light in standard single-mode fibre, km per ms (c / 1.468). */
export const FIBRE_KM_PER_MS = 204;
/** Path inflation over the great circle, fitted to the AWS matrix (see the module comment). */
export const PATH_INFLATION = 1.6;
/** Fixed per-path overhead in ms (switching, routers, the last metres), fitted with PATH_INFLATION. */
export const PATH_OVERHEAD_MS = 6;

/** The physical floor: RTT in ms over a straight fibre along the great circle of `km`. */
export function fibreFloorRttMs(km: number): number {
  return (2 * km) / FIBRE_KM_PER_MS;
}

/** RTT in ms estimated from geography alone, for two points `km` apart by great circle. */
export function estimatedRttMsForKm(km: number): number {
  return PATH_OVERHEAD_MS + PATH_INFLATION * fibreFloorRttMs(km);
}

const awsIndex = new Map(awsRttJson.codes.map((code, i) => [code, i]));
const awsCount = awsRttJson.codes.length;

/** Measured median RTT in ms between two AWS region codes (e.g. `us-east-1`), or undefined if not measured. */
export function measuredAwsRttMs(codeA: string, codeB: string): number | undefined {
  const i = awsIndex.get(codeA);
  const j = awsIndex.get(codeB);
  if (i === undefined || j === undefined) return undefined;
  return awsRttJson.rttMs[i * awsCount + j] ?? undefined;
}

/** A place the network connects: a point, and the AWS region code when it is exactly an AWS catalogue region. */
export interface NetworkPlace extends LatLon {
  readonly awsCode?: string | undefined;
}

/** RTT in ms between two places: measured when both are AWS regions, else estimated from geography. */
export function rttMs(a: NetworkPlace, b: NetworkPlace): number {
  if (a.awsCode !== undefined && b.awsCode !== undefined && a.awsCode !== b.awsCode) {
    const measured = measuredAwsRttMs(a.awsCode, b.awsCode);
    if (measured !== undefined) return measured;
  }
  return estimatedRttMsForKm(greatCircleKm(a, b));
}
