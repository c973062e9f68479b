/**
 * Random valid scenarios across the whole parameter space, from a seed: 1-12 regions, every topology,
 * replication mode and quorum, service times 0-500 ms, write rates from w x d << 1 (many keys) to >> 1 (one hot
 * key), clock skew beyond the replication delay, partitions, degraded links, region failures and recoveries,
 * and a live edit mid-run. Runs are short and exact (every request simulated, weight 1) so that the checkers can
 * re-derive every count from the trace. Every fault is healed some seconds before the end, so replicas must
 * have converged by then.
 */
import { catalogRegions } from '../geo/catalog.ts';
import { createRandom, type Random } from '../random.ts';
import type { ScenarioInput } from '../scenario/schema.ts';

type Fault = NonNullable<ScenarioInput['faults']>[number];

/** A live edit the runner applies at `atS`: the scenario from then on. */
export interface LiveEdit {
  readonly atS: number;
  readonly scenario: ScenarioInput;
}

export interface FuzzCase {
  readonly seed: number;
  readonly scenario: ScenarioInput;
  readonly edit: LiveEdit | null;
}

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng.uniform() * items.length)] as T;
const between = (rng: Random, lo: number, hi: number): number => lo + rng.uniform() * (hi - lo);
const round = (x: number, step = 1): number => Math.round(x / step) * step;

/** A scenario drawn from `seed` (the same seed gives the same case). */
export function generateCase(seed: number): FuzzCase {
  const rng = createRandom(seed, 'fuzz');
  const regionCount = 1 + Math.floor(rng.uniform() * 12);
  const chosen = new Set<number>();
  while (chosen.size < regionCount) chosen.add(Math.floor(rng.uniform() * catalogRegions.length));
  const skewed = rng.uniform() < 0.3;
  const slowService = rng.uniform() < 0.3;
  const regions = [...chosen].map((c, i) => ({
    id: `r${i}`,
    catalog: catalogRegions[c]?.id ?? 'aws:us-east-1',
    capacityQps: round(between(rng, 200, 2000)),
    readServiceMs: round(slowService ? between(rng, 0, 500) : between(rng, 0, 20), 0.1),
    writeServiceMs: round(slowService ? between(rng, 0, 500) : between(rng, 0, 30), 0.1),
    clockSkewMs: skewed ? round(between(rng, -800, 800)) : 0,
  }));
  const userCount = 1 + Math.floor(rng.uniform() * 5);
  const users = Array.from({ length: userCount }, (_, u) => ({
    id: `u${u}`,
    lat: round(between(rng, -50, 65), 0.01),
    lon: round(between(rng, -170, 175), 0.01),
    qps: round(between(rng, 5, 80)),
    writeRatio: round(pick(rng, [0, 0.1, 0.3, 0.5, 1]) as number, 0.01),
  }));
  const durationS = round(between(rng, 15, 40));
  const topology = pick(rng, ['active-passive', 'active-active', 'home-region'] as const);
  const replication = pick(rng, ['sync', 'semi-sync', 'async'] as const);
  const conflict = pick(rng, ['lww', 'lww', 'crdt', 'app-merge'] as const);
  const reads = pick(rng, ['eventual', 'bounded', 'session', 'strong'] as const);
  const hotKey = rng.uniform() < 0.35;
  const scenario: ScenarioInput = {
    version: 1,
    name: `fuzz ${seed}`,
    seed,
    durationS,
    regions,
    users,
    workload: {
      keyCount: hotKey ? 1 + Math.floor(rng.uniform() * 3) : round(between(rng, 10, 5000)),
      zipfS: round(between(rng, 0, 1.5), 0.01),
      timeoutMs: round(pick(rng, [500, 2000, 5000]) as number),
      writeBytes: round(pick(rng, [256, 1024, 20_000]) as number),
    },
    routing: {
      policy: pick(rng, ['geodns', 'anycast', 'global-lb', 'client'] as const),
      dnsTtlS: round(between(rng, 5, 60)),
      healthCheck: { intervalS: round(between(rng, 1, 10)), timeoutS: 1, failureThreshold: 1 + Math.floor(rng.uniform() * 3) },
    },
    data: {
      topology,
      replication,
      quorum: 1 + Math.floor(rng.uniform() * Math.max(1, regionCount - 1)),
      conflict,
      crdtType: pick(rng, ['counter', 'set', 'mv-register'] as const),
      mergeRule: pick(rng, ['max', 'union', 'sum', 'region-priority'] as const),
      reads,
      boundedStalenessMs: round(between(rng, 0, 3000)),
      replicationBatchMs: round(pick(rng, [0, 10, 50]) as number),
      replicationMbps: pick(rng, [0.5, 10, 100]) as number,
      fencing: rng.uniform() < 0.7,
      duringFailover: pick(rng, ['fail', 'queue'] as const),
    },
    faults: faults(rng, regions.map((r) => r.id), durationS),
    simulation: { mode: 'exact' },
  };
  let edit: LiveEdit | null = null;
  if (rng.uniform() < 0.4) {
    const atS = round(between(rng, 2, durationS - 10), 0.1);
    const data = { ...scenario.data, reads: pick(rng, ['eventual', 'bounded', 'session', 'strong'] as const) };
    const moved = users.map((u) => ({ ...u, qps: round(u.qps * between(rng, 0.5, 1.5)) }));
    edit = { atS, scenario: { ...scenario, users: moved, data } };
  }
  return { seed, scenario, edit };
}

/** Region failures and recoveries, partitions and degraded links, all healed 8 s before the end. */
function faults(rng: Random, regionIds: readonly string[], durationS: number): Fault[] {
  const out: Fault[] = [];
  const lastS = durationS - 8;
  const count = Math.floor(rng.uniform() * 4);
  for (let i = 0; i < count && lastS > 2; i++) {
    const startS = round(between(rng, 1, lastS - 1), 0.01);
    const endS = round(between(rng, startS + 0.5, lastS), 0.01);
    const kind = rng.uniform();
    const region = pick(rng, regionIds);
    if (kind < 0.45) {
      out.push({ kind: 'region-down', atS: startS, region }, { kind: 'region-up', atS: endS, region });
    } else if (regionIds.length > 1) {
      let other = pick(rng, regionIds);
      if (other === region) other = regionIds[(regionIds.indexOf(region) + 1) % regionIds.length] as string;
      if (kind < 0.8) out.push({ kind: 'partition', atS: startS, from: region, to: other, direction: rng.uniform() < 0.5 ? 'both' : 'one-way' });
      else out.push({ kind: 'link-degrade', atS: startS, from: region, to: other, addedMs: round(between(rng, 10, 2000)), loss: 0 });
      out.push({ kind: 'link-heal', atS: endS, from: region, to: other });
    }
  }
  return out.sort((a, b) => a.atS - b.atS);
}
