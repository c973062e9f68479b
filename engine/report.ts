/**
 * The report of a run: the public contract of the command line (`npm run sim -- file --json`) and of every
 * view that summarises a run. Times are seconds of simulated time, latencies milliseconds.
 */
import type { LostWrite, Replication } from './data/replication.ts';
import { convergenceOf, type ConvergenceReport } from './data/convergence.ts';
import type { ConflictExample, ConflictTracker } from './data/conflicts.ts';
import { READ_MODES, type ReadConsistency } from './data/consistency.ts';
import { computeCost, type CostReport } from './data/cost.ts';
import type { Sovereignty, Violation } from './data/sovereignty.ts';
import type { FailoverRecord } from './failover/timeline.ts';
import type { PopulationMetrics } from './metrics/populationMetrics.ts';
import type { Scenario } from './scenario/schema.ts';
import type { World } from './world.ts';

export interface LatencySummary {
  /** Median latency in ms of successful requests, null when there was none. */
  readonly p50: number | null;
  /** 99th percentile latency in ms of successful requests, null when there was none. */
  readonly p99: number | null;
  readonly count: number;
}

export interface UserReport {
  readonly id: string;
  readonly read: LatencySummary;
  readonly write: LatencySummary;
  /** Share of finished requests that succeeded, 0..1 (1 when none finished). */
  readonly availability: number;
  readonly failed: number;
  /** Share of the population's successful requests each region id served. */
  readonly servedBy: Readonly<Record<string, number>>;
}

export interface RegionReport {
  readonly id: string;
  /** Served requests over capacity: the mean over the run, and the max over one-second windows. */
  readonly utilization: { readonly mean: number; readonly max: number };
  /** Requests served. */
  readonly served: number;
  /** Requests that reached the region (or were sent to it) and failed there: dark, errors, shed, timed out. */
  readonly dropped: number;
}

export interface LinkReport {
  readonly from: string;
  readonly to: string;
  /** Median network round trip in ms between the two regions. */
  readonly rttMs: number;
  /** Replication lag from commit at `from` to apply at `to`, ms (nulls before any write was applied). */
  readonly lagMs: { readonly p50: number | null; readonly p99: number | null; readonly max: number | null };
  /** Writes applied over this link. */
  readonly replicatedWrites: number;
}

export interface DataLossReport {
  /** Writes acknowledged to their client that were lost with a region before any replica had them. */
  readonly ackedWritesLost: number;
  /** Recovery point: the age in seconds of the oldest lost write when its region went dark (0: none lost). */
  readonly rpoS: number;
  /** Examples of lost writes, oldest first, at most 200 (ackedWritesLost counts all). */
  readonly ledger: readonly LostWrite[];
}

export interface FailoverReport {
  readonly region: string;
  readonly kind: 'region-down' | 'gray-failure';
  readonly failedAtS: number;
  /** When the health system marked the region down; null if it never did. */
  readonly detectedAtS: number | null;
  /** When 99% of the affected populations' traffic reached healthy regions; null if it never did. */
  readonly reroutedAtS: number | null;
  /** When the region was healthy and back in rotation; null if not within the run. */
  readonly recoveredAtS: number | null;
  /** Recovery time objective as measured: reroutedAtS - failedAtS (null if never rerouted). */
  readonly rtoS: number | null;
  /** Ids of the populations with at least 1% of their traffic on the region when it failed. */
  readonly affectedUsers: readonly string[];
  /** Failed requests per population while the failure lasted (the error budget it burned). */
  readonly errorsByUser: Readonly<Record<string, number>>;
  /** Active-passive: when a standby was promoted to primary, and which (null: no promotion). */
  readonly promotedAtS: number | null;
  readonly newPrimary: string | null;
  /** When the unfenced former primary came back and took writes alongside the new one (split brain). */
  readonly splitBrainAtS: number | null;
}

export interface Report {
  readonly scenario: string;
  readonly seed: number;
  /** Simulated seconds covered by this report. */
  readonly durationS: number;
  /** exact: every request simulated; aggregate: fluid queues and a sample of requests. */
  readonly fidelity: 'exact' | 'aggregate';
  /** total = ok + failed + inFlight (requests still on their way when the report was made). */
  readonly requests: { readonly total: number; readonly ok: number; readonly failed: number; readonly inFlight: number };
  readonly users: readonly UserReport[];
  readonly regions: readonly RegionReport[];
  readonly links: readonly LinkReport[];
  readonly failovers: readonly FailoverReport[];
  readonly dataLoss: DataLossReport;
  readonly conflicts: ConflictsReport;
  /** Whether the replicas of each key agree, now and once replication catches up. */
  readonly convergence: ConvergenceReport;
  readonly reads: ReadsReport;
  readonly cost: CostReport;
  /** Data-placement violations, in the order they first happened (none when no datasets are declared). */
  readonly compliance: { readonly violations: readonly Violation[] };
}

/** Reads under one read mode: staleness is the age of the oldest write the serving replica was missing (0 if none). */
export interface ModeReadsReport {
  readonly mode: 'eventual' | 'bounded' | 'session' | 'strong';
  readonly reads: number;
  readonly staleRatio: number;
  readonly forwarded: number;
  /** Staleness over all reads of the mode (0 for fresh ones), ms. */
  readonly stalenessMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

export interface ReadsReport {
  /** Share of reads served by a replica that was missing a committed write of the key. */
  readonly staleRatio: number;
  /**
   * Percentiles and maximum of staleness over all reads (0 for fresh ones), ms: how long the serving replica's
   * value had been superseded (the age of the oldest write of the key it was missing).
   */
  readonly stalenessP50Ms: number;
  readonly stalenessP99Ms: number;
  readonly stalenessMaxMs: number;
  /** The same per read mode (a live edit may change the mode mid-run), in the order eventual, bounded, session, strong. */
  readonly byMode: readonly ModeReadsReport[];
  /** Reads that returned the session's own write missing, or an older version than it had read before. */
  readonly violations: { readonly readYourWrites: number; readonly monotonicReads: number };
  /** Reads sent on to the key's leader (strong, bounded past its bound, session guarantees). */
  readonly forwarded: number;
}

export interface ConflictsReport {
  /** Pairs of writes to one key from two regions where neither had seen the other (every such pair, weighted). */
  readonly concurrentPairs: number;
  /**
   * Writes last-writer-wins silently discarded, each once: a write with a greater timestamp had not seen it
   * (concurrent, or earlier in true time with a clock ahead).
   */
  readonly lwwDiscardedWrites: number;
  /** Of those, the writes that were really the later one (clock skew let an earlier write win). */
  readonly lwwDiscardedLaterWrites: number;
  /** Concurrent pairs a CRDT or an application merge kept both writes of. */
  readonly mergedPairs: number;
  /** Up to 50 pairs (concurrent, or lost to skew), as they happened. */
  readonly examples: readonly ConflictExample[];
}

export interface ReportInput {
  readonly scenario: Scenario;
  readonly fidelity: 'exact' | 'aggregate';
  readonly world: World;
  /** The populations in the scenario now. */
  readonly active: readonly { readonly id: string; readonly metrics: PopulationMetrics }[];
  /** Every population the run has had, including ones a live edit removed: their requests still count. */
  readonly everyone: readonly { readonly id: string; readonly metrics: PopulationMetrics }[];
  readonly regionTotals: ReadonlyMap<string, { served: number; dropped: number; capacitySeconds: number; utilizationMax: number }>;
  readonly elapsedS: number;
  readonly failovers: readonly FailoverRecord[];
  readonly replication: Replication;
  readonly conflicts: ConflictTracker;
  readonly consistency: ReadConsistency;
  readonly sovereignty: Sovereignty;
  /** Whether region r is up (not dark) now. */
  readonly isUp: (r: number) => boolean;
}

/** Rounds to 3 decimals, so reports compare and print cleanly. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function summary(histogram: PopulationMetrics['reads']): LatencySummary {
  const p50 = histogram.quantile(0.5);
  const p99 = histogram.quantile(0.99);
  return { p50: p50 === null ? null : round3(p50), p99: p99 === null ? null : round3(p99), count: histogram.count };
}

export function buildReport(input: ReportInput): Report {
  const { scenario, world } = input;
  const users = input.active.map(({ id, metrics }): UserReport => {
    const finished = metrics.ok + metrics.failed;
    const servedBy: Record<string, number> = {};
    for (const [regionId, count] of metrics.servedBy(world.regions.map((r) => r.id))) servedBy[regionId] = round3(count / Math.max(1, metrics.ok));
    return {
      id,
      read: summary(metrics.reads),
      write: summary(metrics.writes),
      availability: finished === 0 ? 1 : round3(metrics.ok / finished),
      failed: metrics.failed,
      servedBy,
    };
  });
  const regions = world.regions.map((region): RegionReport => {
    const totals = input.regionTotals.get(region.id);
    const capacityS = totals?.capacitySeconds ?? 0;
    return {
      id: region.id,
      utilization: { mean: round3(capacityS > 0 ? (totals?.served ?? 0) / capacityS : 0), max: round3(totals?.utilizationMax ?? 0) },
      served: totals?.served ?? 0,
      dropped: totals?.dropped ?? 0,
    };
  });
  const R = world.regions.length;
  const links: LinkReport[] = [];
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < R; b++) {
      if (a === b) continue;
      const lag = input.replication.lagOf(a, b);
      const ms = (v: number | null) => (v === null ? null : round3(v));
      links.push({
        from: world.regions[a]?.id ?? '',
        to: world.regions[b]?.id ?? '',
        rttMs: round3(world.regionRttMs[a * R + b] as number),
        lagMs: { p50: ms(lag.p50), p99: ms(lag.p99), max: ms(lag.max) },
        replicatedWrites: lag.writes,
      });
    }
  }
  const ok = input.everyone.reduce((sum, p) => sum + p.metrics.ok, 0);
  const failed = input.everyone.reduce((sum, p) => sum + p.metrics.failed, 0);
  const issued = input.everyone.reduce((sum, p) => sum + p.metrics.issued, 0);
  const failovers = input.failovers.map((f): FailoverReport => ({
    region: f.region,
    kind: f.kind,
    failedAtS: round3(f.failedAtS),
    detectedAtS: f.detectedAtS === null ? null : round3(f.detectedAtS),
    reroutedAtS: f.reroutedAtS === null ? null : round3(f.reroutedAtS),
    recoveredAtS: f.recoveredAtS === null ? null : round3(f.recoveredAtS),
    rtoS: f.reroutedAtS === null ? null : round3(f.reroutedAtS - f.failedAtS),
    affectedUsers: f.affected.map((u) => world.users[u]?.id ?? '').filter((id) => id !== ''),
    errorsByUser: f.errorsByUser,
    promotedAtS: f.promotedAtS === null ? null : round3(f.promotedAtS),
    newPrimary: f.newPrimary,
    splitBrainAtS: f.splitBrainAtS === null ? null : round3(f.splitBrainAtS),
  }));
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    durationS: round3(input.elapsedS),
    fidelity: input.fidelity,
    requests: { total: issued, ok, failed, inFlight: issued - ok - failed },
    users,
    regions,
    links,
    failovers,
    dataLoss: {
      ackedWritesLost: input.replication.lostWrites,
      rpoS: round3(input.replication.rpoS),
      ledger: input.replication.ledger,
    },
    conflicts: {
      concurrentPairs: input.conflicts.concurrentPairs,
      lwwDiscardedWrites: input.conflicts.lwwDiscardedWrites,
      lwwDiscardedLaterWrites: input.conflicts.lwwDiscardedLaterWrites,
      mergedPairs: input.conflicts.mergedPairs,
      examples: input.conflicts.examples,
    },
    convergence: convergenceOf(input.replication, input.replication.store, input.isUp, world.regions.map((r) => r.id)),
    reads: {
      staleRatio: round3(input.consistency.reads > 0 ? input.consistency.stale / input.consistency.reads : 0),
      stalenessP50Ms: round3(input.consistency.staleness.quantile(0.5) ?? 0),
      stalenessP99Ms: round3(input.consistency.staleness.quantile(0.99) ?? 0),
      stalenessMaxMs: round3(input.consistency.stalenessMaxMs),
      byMode: READ_MODES.flatMap((mode): ModeReadsReport[] => {
        const reads = input.consistency.byMode.get(mode);
        if (!reads || reads.reads === 0) return [];
        return [
          {
            mode,
            reads: reads.reads,
            staleRatio: round3(reads.stale / reads.reads),
            forwarded: reads.forwarded,
            stalenessMs: { p50: round3(reads.staleness.quantile(0.5) ?? 0), p99: round3(reads.staleness.quantile(0.99) ?? 0), max: round3(reads.stalenessMaxMs) },
          },
        ];
      }),
      violations: {
        readYourWrites: input.consistency.readYourWritesViolations,
        monotonicReads: input.consistency.monotonicViolations,
      },
      forwarded: input.consistency.forwarded,
    },
    cost: computeCost({
      scenario,
      world,
      elapsedS: input.elapsedS,
      regions: input.regionTotals,
      replicatedWrites: (from, to) => input.replication.lagOf(from, to).writes,
      okRequests: ok,
      committedWrites: input.replication.committedWrites,
    }),
    compliance: { violations: input.sovereignty.list() },
  };
}
