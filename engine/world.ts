/**
 * A scenario resolved into what the simulation needs on its hot path: positions, and every RTT it will ask
 * for precomputed into flat arrays (user-to-region and region-to-region, in ms).
 */
import { findCatalogRegion } from './geo/catalog.ts';
import { rttMs, type NetworkPlace } from './geo/rtt.ts';
import type { Region, Scenario, User } from './scenario/schema.ts';

export interface WorldRegion extends NetworkPlace {
  readonly id: string;
  readonly index: number;
  readonly capacityQps: number;
  readonly readServiceMs: number;
  readonly writeServiceMs: number;
  /** Legal area, from the region itself or its catalogue entry; undefined when unknown. */
  readonly jurisdiction: string | undefined;
}

export interface World {
  readonly regions: readonly WorldRegion[];
  readonly users: readonly User[];
  /** RTT in ms from user u to region r, including the user's access network: `userRttMs[u * R + r]`. */
  readonly userRttMs: Float64Array;
  /** RTT in ms between regions a and b: `regionRttMs[a * R + b]` (0 on the diagonal). */
  readonly regionRttMs: Float64Array;
  /** Index of the region that takes writes in active-passive. */
  readonly primaryIndex: number;
}

export function resolveRegion(region: Region, index: number): WorldRegion {
  const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
  const lat = entry?.lat ?? region.lat ?? 0;
  const lon = entry?.lon ?? region.lon ?? 0;
  return {
    id: region.id,
    index,
    lat,
    lon,
    awsCode: entry?.provider === 'aws' ? entry.code : undefined,
    capacityQps: region.capacityQps,
    readServiceMs: region.readServiceMs,
    writeServiceMs: region.writeServiceMs,
    jurisdiction: region.jurisdiction ?? entry?.jurisdiction,
  };
}

export function buildWorld(scenario: Scenario): World {
  const regions = scenario.regions.map(resolveRegion);
  const users = scenario.users;
  const R = regions.length;
  const userRttMs = new Float64Array(users.length * R);
  users.forEach((user, u) => {
    regions.forEach((region, r) => {
      userRttMs[u * R + r] = user.lastMileMs + rttMs(user, region);
    });
  });
  const regionRttMs = new Float64Array(R * R);
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < R; b++) {
      regionRttMs[a * R + b] = a === b ? 0 : rttMs(regions[a] as WorldRegion, regions[b] as WorldRegion);
    }
  }
  const primary = scenario.data.primary;
  const primaryIndex = Math.max(0, primary === undefined ? 0 : regions.findIndex((r) => r.id === primary));
  return { regions, users, userRttMs, regionRttMs, primaryIndex };
}
