/**
 * A scenario resolved into what the simulation needs on its hot path: positions, every distance and RTT it
 * will ask for precomputed into flat arrays, and each region's queueing parameters.
 */
import { regionPlace } from './geo/regionPlace.ts';
import { greatCircleKm } from './geo/greatCircle.ts';
import { rttMs, type NetworkPlace } from './geo/rtt.ts';
import { LOGNORMAL_MEAN_OVER_MEDIAN } from './capacity/queueing.ts';
import type { Region, Scenario, User } from './scenario/schema.ts';

export interface WorldRegion extends NetworkPlace {
  readonly id: string;
  readonly index: number;
  readonly capacityQps: number;
  readonly readServiceMs: number;
  readonly writeServiceMs: number;
  readonly weight: number;
  readonly clockSkewMs: number;
  readonly autoscale: Region['autoscale'];
  /** Legal area, from the region itself or its catalogue entry; undefined when unknown. */
  readonly jurisdiction: string | undefined;
}

export interface World {
  readonly regions: readonly WorldRegion[];
  readonly users: readonly User[];
  /** RTT in ms from user u to region r, including the user's access network: `userRttMs[u * R + r]`. */
  readonly userRttMs: Float64Array;
  /** Great-circle km from user u to region r (what GeoDNS goes by): `userKm[u * R + r]`. */
  readonly userKm: Float64Array;
  /** RTT in ms between regions a and b: `regionRttMs[a * R + b]` (0 on the diagonal). */
  readonly regionRttMs: Float64Array;
  /** Index of the region that takes writes in active-passive (changes when a standby is promoted). */
  primaryIndex: number;
  /**
   * A former primary back after a failover without fencing, still taking the writes that reach it (split brain),
   * or -1.
   */
  splitBrainIndex: number;
  /** Each population's home region (nearest in its jurisdiction, else nearest), computed once per world. */
  readonly homeOf: Int32Array;
  /** Home-region: for a failed home region, the region its data was promoted to (-1: none). */
  readonly homeOverride: Int32Array;
  /** Each region's mean busy time per request in seconds, for the scenario's read/write mix. */
  readonly meanServiceS: Float64Array;
}

export function resolveRegion(region: Region, index: number): WorldRegion {
  return {
    id: region.id,
    index,
    ...regionPlace(region),
    capacityQps: region.capacityQps,
    readServiceMs: region.readServiceMs,
    writeServiceMs: region.writeServiceMs,
    weight: region.weight,
    clockSkewMs: region.clockSkewMs,
    autoscale: region.autoscale,
  };
}

export function buildWorld(scenario: Scenario): World {
  const regions = scenario.regions.map(resolveRegion);
  const users = scenario.users;
  const R = regions.length;
  const userRttMs = new Float64Array(users.length * R);
  const userKm = new Float64Array(users.length * R);
  users.forEach((user, u) => {
    regions.forEach((region, r) => {
      userRttMs[u * R + r] = user.lastMileMs + rttMs(user, region);
      userKm[u * R + r] = greatCircleKm(user, region);
    });
  });
  const regionRttMs = new Float64Array(R * R);
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < R; b++) {
      regionRttMs[a * R + b] = a === b ? 0 : rttMs(regions[a] as WorldRegion, regions[b] as WorldRegion);
    }
  }
  const totalQps = users.reduce((sum, u) => sum + u.qps, 0);
  const writeShare = totalQps > 0 ? users.reduce((sum, u) => sum + u.qps * u.writeRatio, 0) / totalQps : 0;
  const meanServiceS = Float64Array.from(
    regions,
    (r) => (LOGNORMAL_MEAN_OVER_MEDIAN * (r.readServiceMs * (1 - writeShare) + r.writeServiceMs * writeShare)) / 1000,
  );
  const primary = scenario.data.primary;
  const primaryIndex = Math.max(0, primary === undefined ? 0 : regions.findIndex((r) => r.id === primary));
  const homeOverride = new Int32Array(regions.length).fill(-1);
  const homeOf = Int32Array.from(users, (_, u) => nearestHome(regions, users, userRttMs, u));
  return { regions, users, userRttMs, userKm, regionRttMs, primaryIndex, splitBrainIndex: -1, homeOf, homeOverride, meanServiceS };
}

/** The region that owns population u's writes under home-region: nearest in its jurisdiction, else nearest. */
export function homeRegion(world: World, u: number): number {
  return world.homeOf[u] ?? 0;
}

function nearestHome(regions: readonly WorldRegion[], users: readonly User[], userRttMs: Float64Array, u: number): number {
  const jurisdiction = users[u]?.jurisdiction;
  const R = regions.length;
  let best = -1;
  let nearest = 0;
  for (let r = 0; r < R; r++) {
    const rtt = userRttMs[u * R + r] as number;
    if (rtt < (userRttMs[u * R + nearest] as number)) nearest = r;
    if (jurisdiction === undefined || regions[r]?.jurisdiction !== jurisdiction) continue;
    if (best < 0 || rtt < (userRttMs[u * R + best] as number)) best = r;
  }
  return best >= 0 ? best : nearest;
}

/** The region that commits a write of population u that entered region `entry`. */
export function writerRegion(world: World, topology: Scenario['data']['topology'], u: number, entry: number): number {
  switch (topology) {
    case 'active-passive':
      return entry === world.splitBrainIndex ? entry : world.primaryIndex;
    case 'home-region': {
      const home = homeRegion(world, u);
      const promoted = world.homeOverride[home] ?? -1;
      return promoted >= 0 ? promoted : home;
    }
    case 'active-active':
      return entry;
  }
}
