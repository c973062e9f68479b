/**
 * What a run costs, in US dollars, from what it did: compute for the capacity each region kept provisioned (the
 * idle share of it shown apart: what standby capacity costs), replication traffic between regions priced by
 * route, replication between zones inside each region, and internet egress of the answers to users. Prices are
 * public list-price magnitudes (AWS, 2025: ../shared/data/README.md); transfer between regions follows each
 * provider's price list (transferPrices.ts). Every price is a scenario knob.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';
import { pricedEnd, pricedTransferUsdPerGb, type PricedEnd } from './transferPrices.ts';

export interface CostBreakdown {
  /** Compute for the capacity that served requests. */
  readonly computeUsd: number;
  /** Compute for capacity that stood idle (standby, headroom). */
  readonly idleComputeUsd: number;
  /** Replication between regions. */
  readonly replicationUsd: number;
  /** Replication between zones inside each region. */
  readonly interZoneUsd: number;
  /** Answers sent to users over the internet. */
  readonly egressUsd: number;
}

export interface CostReport {
  /** The run's total, per hour of simulated time. */
  readonly usdPerHour: number;
  readonly totalUsd: number;
  /** GB sent between regions (after compression). */
  readonly transferGb: number;
  readonly breakdown: CostBreakdown;
}

const GB = 1e9;

/** Per world (a live edit builds a new one), the list price of each directed link, USD per GB, a * R + b. */
const linkPriceCache = new WeakMap<World, Float64Array>();

function linkPricesOf(world: World, scenario: Scenario): Float64Array {
  const cached = linkPriceCache.get(world);
  if (cached) return cached;
  const R = world.regions.length;
  const catalogOf = new Map(scenario.regions.map((region) => [region.id, region.catalog]));
  const ends = world.regions.map((region) => pricedEnd({ catalog: catalogOf.get(region.id), lat: region.lat, lon: region.lon }));
  const prices = new Float64Array(R * R);
  for (let from = 0; from < R; from++) {
    for (let to = 0; to < R; to++) if (to !== from) prices[from * R + to] = pricedTransferUsdPerGb(ends[from] as PricedEnd, ends[to] as PricedEnd);
  }
  linkPriceCache.set(world, prices);
  return prices;
}

export interface CostInputs {
  readonly scenario: Scenario;
  readonly world: World;
  readonly elapsedS: number;
  /** Per region id: capacity-seconds offered and requests served. */
  readonly regions: ReadonlyMap<string, { readonly capacitySeconds: number; readonly served: number }>;
  /** Writes applied over each directed link, by `from`/`to` region index. */
  readonly replicatedWrites: (from: number, to: number) => number;
  /** Successful requests (each answered over the internet). */
  readonly okRequests: number;
  /** Writes committed (each copied to the other zones of its region). */
  readonly committedWrites: number;
}

export function computeCost(input: CostInputs): CostReport {
  const { scenario, world } = input;
  const prices = scenario.cost;
  let computeUsd = 0;
  let idleComputeUsd = 0;
  for (const region of world.regions) {
    const totals = input.regions.get(region.id);
    if (!totals) continue;
    const capacityHours = totals.capacitySeconds / 3600; // QPS-hours of capacity
    const allUsd = capacityHours * prices.usdPerQpsHour;
    const busyShare = totals.capacitySeconds > 0 ? Math.min(1, totals.served / totals.capacitySeconds) : 0;
    computeUsd += allUsd * busyShare;
    idleComputeUsd += allUsd * (1 - busyShare);
  }
  const R = world.regions.length;
  const bytesPerWrite = scenario.workload.writeBytes * (1 - prices.replicationCompression);
  const linkPrices = prices.transferUsdPerGb === undefined ? linkPricesOf(world, scenario) : undefined;
  let transferBytes = 0;
  let replicationUsd = 0;
  for (let from = 0; from < R; from++) {
    for (let to = 0; to < R; to++) {
      if (to === from) continue;
      const bytes = input.replicatedWrites(from, to) * bytesPerWrite;
      if (bytes === 0) continue;
      transferBytes += bytes;
      replicationUsd += (bytes / GB) * (prices.transferUsdPerGb ?? (linkPrices?.[from * R + to] as number));
    }
  }
  const interZoneUsd = ((input.committedWrites * bytesPerWrite * (prices.zonesPerRegion - 1)) / GB) * prices.interZoneUsdPerGb;
  const egressUsd = ((input.okRequests * scenario.workload.responseBytes) / GB) * prices.egressUsdPerGb;
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const totalUsd = computeUsd + idleComputeUsd + replicationUsd + interZoneUsd + egressUsd;
  const hours = input.elapsedS > 0 ? input.elapsedS / 3600 : 1;
  return {
    usdPerHour: round(totalUsd / hours),
    totalUsd: round(totalUsd),
    transferGb: round(transferBytes / GB),
    breakdown: {
      computeUsd: round(computeUsd),
      idleComputeUsd: round(idleComputeUsd),
      replicationUsd: round(replicationUsd),
      interZoneUsd: round(interZoneUsd),
      egressUsd: round(egressUsd),
    },
  };
}
