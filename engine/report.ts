/**
 * The report of a run: the public contract of the command line (`npm run sim -- file --json`) and of every
 * view that summarises a run. Times are seconds of simulated time, latencies milliseconds.
 */
import type { Scenario } from './scenario/schema.ts';
import type { RegionTotals, UserState } from './simulation.ts';
import type { World } from './world.ts';

export interface LatencySummary {
  /** Median latency in ms, null when there was no such request. */
  readonly p50: number | null;
  /** 99th percentile latency in ms, null when there was no such request. */
  readonly p99: number | null;
  readonly count: number;
}

export interface UserReport {
  readonly id: string;
  readonly read: LatencySummary;
  readonly write: LatencySummary;
  /** Share of requests that succeeded, 0..1 (1 when none were sent). */
  readonly availability: number;
  /** Share of the population's successful requests each region id served. */
  readonly servedBy: Readonly<Record<string, number>>;
}

export interface RegionReport {
  readonly id: string;
  /** Served QPS over capacity: the mean over the run, and the max over one-second windows. */
  readonly utilization: { readonly mean: number; readonly max: number };
  /** Requests served. */
  readonly served: number;
  /** Requests routed to the region that it could not serve (down). */
  readonly dropped: number;
}

export interface LinkReport {
  readonly from: string;
  readonly to: string;
  /** Median network round trip in ms between the two regions. */
  readonly rttMs: number;
}

export interface Report {
  readonly scenario: string;
  readonly seed: number;
  /** Simulated seconds covered by this report. */
  readonly durationS: number;
  readonly requests: { readonly total: number; readonly ok: number; readonly failed: number };
  readonly users: readonly UserReport[];
  readonly regions: readonly RegionReport[];
  readonly links: readonly LinkReport[];
}

/** Rounds to 3 decimals, so reports compare and print cleanly. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function summary(histogram: UserState['reads']): LatencySummary {
  const p50 = histogram.quantile(0.5);
  const p99 = histogram.quantile(0.99);
  return { p50: p50 === null ? null : round3(p50), p99: p99 === null ? null : round3(p99), count: histogram.count };
}

export function buildReport(
  scenario: Scenario,
  world: World,
  users: readonly UserState[],
  /** Every population the run has had, including ones a live edit removed: their requests still count. */
  everyUser: readonly UserState[],
  regionTotals: ReadonlyMap<string, RegionTotals>,
  elapsedS: number,
): Report {
  const userReports = users.map((user): UserReport => {
    const total = user.ok + user.failed;
    const servedBy: Record<string, number> = {};
    for (const [regionId, count] of user.byRegion) servedBy[regionId] = round3(count / Math.max(1, user.ok));
    return {
      id: user.id,
      read: summary(user.reads),
      write: summary(user.writes),
      availability: total === 0 ? 1 : round3(user.ok / total),
      servedBy,
    };
  });
  const spanS = elapsedS > 0 ? elapsedS : 1;
  const regions = world.regions.map((region): RegionReport => {
    const totals = regionTotals.get(region.id);
    return {
      id: region.id,
      utilization: {
        mean: round3((totals?.utilizationSum ?? 0) / spanS),
        max: round3(totals?.utilizationMax ?? 0),
      },
      served: totals?.served ?? 0,
      dropped: totals?.dropped ?? 0,
    };
  });
  const R = world.regions.length;
  const links: LinkReport[] = [];
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < R; b++) {
      if (a === b) continue;
      links.push({
        from: world.regions[a]?.id ?? '',
        to: world.regions[b]?.id ?? '',
        rttMs: round3(world.regionRttMs[a * R + b] as number),
      });
    }
  }
  const ok = everyUser.reduce((sum, user) => sum + user.ok, 0);
  const failed = everyUser.reduce((sum, user) => sum + user.failed, 0);
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    durationS: round3(elapsedS),
    requests: { total: ok + failed, ok, failed },
    users: userReports,
    regions,
    links,
  };
}
