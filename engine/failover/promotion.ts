/**
 * Which standby becomes primary when the primary fails: the healthy region nearest to it, whose copy is the
 * freshest under asynchronous replication (it is the first to receive the primary's writes).
 */
import type { World } from '../world.ts';

/** Index of the region to promote in place of `failed`, or -1 if none is healthy. */
export function standbyToPromote(world: World, failed: number, healthy: (r: number) => boolean): number {
  const R = world.regions.length;
  let best = -1;
  for (let c = 0; c < R; c++) {
    if (c === failed || !healthy(c)) continue;
    if (best < 0 || (world.regionRttMs[failed * R + c] as number) < (world.regionRttMs[failed * R + best] as number)) best = c;
  }
  return best;
}

/**
 * Where a failed home region's data goes under home-region: the nearest healthy region in the same
 * jurisdiction, or the nearest anywhere (`nearest`), or nowhere (`none`, or no region qualifies): -1.
 */
export function homeReplacement(world: World, failed: number, healthy: (r: number) => boolean, policy: 'same-jurisdiction' | 'nearest' | 'none'): number {
  if (policy === 'none') return -1;
  const jurisdiction = world.regions[failed]?.jurisdiction;
  const sameJurisdiction = (r: number): boolean => healthy(r) && jurisdiction !== undefined && world.regions[r]?.jurisdiction === jurisdiction;
  const inJurisdiction = standbyToPromote(world, failed, sameJurisdiction);
  if (inJurisdiction >= 0 || policy === 'same-jurisdiction') return inJurisdiction;
  return standbyToPromote(world, failed, healthy);
}
