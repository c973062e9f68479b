/**
 * One request's path through the world and its latency: user -> entry region (network), then either a local
 * read, or a write that may be forwarded to the region that owns writes and may wait for replicas.
 *
 * Latency = user-to-entry RTT + service time + any cross-region hop (forward to the writer, replica acks).
 * Network legs carry a small jitter; service times are log-normal, which gives the long right tail real
 * services have (p99 about 4x the median at SERVICE_SIGMA 0.6).
 */
import type { Random } from './random.ts';
import type { Scenario } from './scenario/schema.ts';
import type { World } from './world.ts';

/** Shape of the service-time log-normal: p99/p50 = exp(2.326 * sigma). */
export const SERVICE_SIGMA = 0.6;
/** Relative jitter of a network leg: the sampled RTT is base * (1 + NETWORK_JITTER * |N(0,1)|). */
export const NETWORK_JITTER = 0.03;

export interface RequestOutcome {
  readonly ok: boolean;
  /** Region the request entered (where its user was routed). */
  readonly entry: number;
  /** End-to-end latency in ms as the user sees it; NaN for a failed request. */
  readonly latencyMs: number;
}

function networkMs(baseRttMs: number, rng: Random): number {
  return baseRttMs * (1 + NETWORK_JITTER * Math.abs(rng.standardNormal()));
}

/** Index of the region with the lowest RTT from user u (ties: the first). */
export function nearestRegion(world: World, u: number): number {
  const R = world.regions.length;
  let best = 0;
  for (let r = 1; r < R; r++) {
    if ((world.userRttMs[u * R + r] as number) < (world.userRttMs[u * R + best] as number)) best = r;
  }
  return best;
}

/** The region that owns user u's writes under home-region: nearest in the user's jurisdiction, else nearest. */
export function homeRegion(world: World, u: number): number {
  const user = world.users[u];
  const R = world.regions.length;
  let best = -1;
  for (let r = 0; r < R; r++) {
    if (user?.jurisdiction === undefined || world.regions[r]?.jurisdiction !== user.jurisdiction) continue;
    if (best < 0 || (world.userRttMs[u * R + r] as number) < (world.userRttMs[u * R + best] as number)) best = r;
  }
  return best >= 0 ? best : nearestRegion(world, u);
}

/** The region that commits a write entering at `entry` for user u. */
export function writerRegion(world: World, data: Scenario['data'], u: number, entry: number): number {
  switch (data.topology) {
    case 'active-passive':
      return world.primaryIndex;
    case 'home-region':
      return homeRegion(world, u);
    case 'active-active':
      return entry;
  }
}

/**
 * Time in ms the writer waits for replica acknowledgements before it answers: sync waits for every live
 * replica (bound by the farthest), semi-sync for the fastest one, async for none.
 */
function replicationWaitMs(world: World, replication: Scenario['data']['replication'], writer: number, up: Uint8Array, rng: Random): number {
  if (replication === 'async') return 0;
  const R = world.regions.length;
  let farthest = 0;
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < R; r++) {
    if (r === writer || !up[r]) continue;
    const ack = networkMs(world.regionRttMs[writer * R + r] as number, rng);
    farthest = Math.max(farthest, ack);
    fastest = Math.min(fastest, ack);
  }
  if (replication === 'sync') return farthest;
  return Number.isFinite(fastest) ? fastest : 0;
}

/**
 * Serves one request of user u that entered region `entry`; a write is committed by region `writer`.
 * `up[r]` is 1 while region r is up.
 */
export function serveRequest(
  world: World,
  replication: Scenario['data']['replication'],
  u: number,
  entry: number,
  writer: number,
  isWrite: boolean,
  up: Uint8Array,
  rng: Random,
): RequestOutcome {
  const R = world.regions.length;
  const region = world.regions[entry];
  if (!region || !up[entry]) return { ok: false, entry, latencyMs: Number.NaN };
  const userLegMs = networkMs(world.userRttMs[u * R + entry] as number, rng);
  if (!isWrite) {
    return { ok: true, entry, latencyMs: userLegMs + rng.logNormal(region.readServiceMs, SERVICE_SIGMA) };
  }
  const writerRegionInfo = world.regions[writer];
  if (!writerRegionInfo || !up[writer]) return { ok: false, entry, latencyMs: Number.NaN };
  const forwardMs = writer === entry ? 0 : networkMs(world.regionRttMs[entry * R + writer] as number, rng);
  const commitMs = rng.logNormal(writerRegionInfo.writeServiceMs, SERVICE_SIGMA);
  const ackMs = replicationWaitMs(world, replication, writer, up, rng);
  return { ok: true, entry, latencyMs: userLegMs + forwardMs + commitMs + ackMs };
}
