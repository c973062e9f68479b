/**
 * The physics of light in fibre: the one constant every latency estimate rests on, and the floor no estimate
 * may go below.
 */

/** Speed of light in standard single-mode fibre, km per ms (c / 1.468). */
export const FIBRE_KM_PER_MS = 204;

/** The physical floor: RTT in ms (both directions) over a straight fibre `km` long, e.g. along a great circle. */
export function fibreFloorRttMs(km: number): number {
  return (2 * km) / FIBRE_KM_PER_MS;
}
