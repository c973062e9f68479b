/**
 * Named measurements of a run's report, so presets and drills can state expected outcomes as plain data
 * ("rtoS at most 60", "availability at least 0.999"). A metric name is an id, optionally followed by arguments
 * after colons: `readP50Ms:berlin`, `lagP99Ms:us-east:eu-west`. Every metric reads the report only.
 */
import type { Report } from '../report.ts';
import { formatDurationS, formatMs } from '../format/duration.ts';

export interface MetricDefinition {
  /** What it measures, with its unit, for people. */
  readonly label: string;
  /** Names of the arguments after the id (user or region ids). */
  readonly args: readonly string[];
  /** The value, or null when the run has none (no failover happened, no request finished). */
  readonly read: (report: Report, args: readonly string[]) => number | null;
}

const userOf = (report: Report, id: string | undefined) => report.users.find((u) => u.id === id);
const regionOf = (report: Report, id: string | undefined) => report.regions.find((r) => r.id === id);
const failoverOf = (report: Report, region: string | undefined) => (region === undefined ? report.failovers[0] : report.failovers.find((f) => f.region === region));

export const METRICS = {
  availability: {
    label: 'share of finished requests that succeeded, 0..1',
    args: [],
    read: (report) => {
      const finished = report.requests.ok + report.requests.failed;
      return finished === 0 ? null : report.requests.ok / finished;
    },
  },
  failedRequests: { label: 'requests that failed', args: [], read: (report) => report.requests.failed },
  userAvailability: { label: "a population's share of finished requests that succeeded, 0..1", args: ['user'], read: (report, [id]) => userOf(report, id)?.availability ?? null },
  readP50Ms: { label: "a population's median read latency, ms", args: ['user'], read: (report, [id]) => userOf(report, id)?.read.p50 ?? null },
  readP99Ms: { label: "a population's 99th percentile read latency, ms", args: ['user'], read: (report, [id]) => userOf(report, id)?.read.p99 ?? null },
  writeP50Ms: { label: "a population's median write latency, ms", args: ['user'], read: (report, [id]) => userOf(report, id)?.write.p50 ?? null },
  writeP99Ms: { label: "a population's 99th percentile write latency, ms", args: ['user'], read: (report, [id]) => userOf(report, id)?.write.p99 ?? null },
  servedShare: {
    label: "share of a population's successful requests a region served, 0..1",
    args: ['user', 'region'],
    read: (report, [id, region]) => {
      const user = userOf(report, id);
      return user ? (user.servedBy[region ?? ''] ?? 0) : null;
    },
  },
  utilizationMax: { label: "a region's highest one-second load over its capacity", args: ['region'], read: (report, [id]) => regionOf(report, id)?.utilization.max ?? null },
  regionDropped: { label: 'requests that failed at a region', args: ['region'], read: (report, [id]) => regionOf(report, id)?.dropped ?? null },
  detectS: {
    label: 'seconds from a region failing to the health checks marking it down (the first failover, or the given region)',
    args: [],
    read: (report, [region]) => {
      const failover = failoverOf(report, region);
      return failover?.detectedAtS == null ? null : failover.detectedAtS - failover.failedAtS;
    },
  },
  rtoS: { label: 'recovery time: seconds from failure to traffic rerouted (the first failover, or the given region)', args: [], read: (report, [region]) => failoverOf(report, region)?.rtoS ?? null },
  latestRtoS: { label: 'recovery time of the latest failure, s', args: [], read: (report) => report.failovers.at(-1)?.rtoS ?? null },
  failoverErrors: {
    label: 'requests that failed while the first failure (or the given region\'s) lasted',
    args: [],
    read: (report, [region]) => {
      const failover = failoverOf(report, region);
      return failover ? Object.values(failover.errorsByUser).reduce((a, b) => a + b, 0) : null;
    },
  },
  rpoS: { label: 'recovery point: age of the oldest acknowledged write lost, s', args: [], read: (report) => report.dataLoss.rpoS },
  ackedWritesLost: { label: 'acknowledged writes lost with a region', args: [], read: (report) => report.dataLoss.ackedWritesLost },
  concurrentWrites: { label: 'pairs of writes to one key from two regions where neither had seen the other', args: [], read: (report) => report.conflicts.concurrentPairs },
  conflictLostWrites: { label: 'writes last-writer-wins silently discarded', args: [], read: (report) => report.conflicts.lwwDiscardedWrites },
  conflictsMerged: { label: 'concurrent pairs a CRDT or merge rule kept both writes of', args: [], read: (report) => report.conflicts.mergedPairs },
  wrongWinner: { label: 'writes LWW discarded although they were the later write (clock skew)', args: [], read: (report) => report.conflicts.lwwDiscardedLaterWrites },
  divergentKeys: { label: 'keys whose replicas would still differ once replication caught up', args: [], read: (report) => report.convergence.divergentAfterDelivery },
  staleRatio: { label: 'share of reads served by a replica missing a committed write, 0..1', args: [], read: (report) => report.reads.staleRatio },
  stalenessP50Ms: { label: 'median staleness of reads (age of the oldest write the replica lacked), ms', args: [], read: (report) => report.reads.stalenessP50Ms },
  stalenessP99Ms: { label: '99th percentile staleness of reads (age of the oldest write the replica lacked), ms', args: [], read: (report) => report.reads.stalenessP99Ms },
  stalenessMaxMs: { label: 'largest staleness of any read (age of the oldest write the replica lacked), ms', args: [], read: (report) => report.reads.stalenessMaxMs },
  readYourWritesViolations: { label: 'reads that missed the session\'s own write', args: [], read: (report) => report.reads.violations.readYourWrites },
  monotonicReadViolations: { label: 'reads older than one the session had already seen', args: [], read: (report) => report.reads.violations.monotonicReads },
  lagP99Ms: {
    label: '99th percentile replication lag on a link, ms',
    args: ['from', 'to'],
    read: (report, [from, to]) => report.links.find((l) => l.from === from && l.to === to)?.lagMs.p99 ?? null,
  },
  lagMaxMs: {
    label: 'highest replication lag on a link, ms',
    args: ['from', 'to'],
    read: (report, [from, to]) => report.links.find((l) => l.from === from && l.to === to)?.lagMs.max ?? null,
  },
  complianceViolations: { label: 'distinct data-placement violations', args: [], read: (report) => report.compliance.violations.length },
  costUsdPerHour: { label: 'total cost per simulated hour, USD', args: [], read: (report) => report.cost.usdPerHour },
  idleComputeShare: {
    label: 'share of compute spent on idle (standby, headroom) capacity, 0..1',
    args: [],
    read: (report) => {
      const { computeUsd, idleComputeUsd } = report.cost.breakdown;
      return computeUsd + idleComputeUsd > 0 ? idleComputeUsd / (computeUsd + idleComputeUsd) : null;
    },
  },
  splitBrain: {
    label: '1 when a former primary came back and took writes alongside the new one, else 0',
    args: [],
    read: (report) => (report.failovers.some((f) => f.splitBrainAtS !== null) ? 1 : 0),
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRICS;

/** Splits `readP50Ms:berlin` into its id and arguments; null for an unknown id or a wrong number of arguments. */
export function parseMetric(name: string): { readonly id: MetricId; readonly args: readonly string[] } | null {
  const [id = '', ...args] = name.split(':');
  if (!Object.hasOwn(METRICS, id)) return null;
  const definition: MetricDefinition = METRICS[id as MetricId];
  // Failover metrics take an optional region.
  const optional = id === 'detectS' || id === 'rtoS' || id === 'failoverErrors' ? 1 : 0;
  if (args.length < definition.args.length || args.length > definition.args.length + optional) return null;
  return { id: id as MetricId, args };
}

/** The value of a metric name in a report (null: the run has none, or the name is unknown). */
export function readMetric(report: Report, name: string): number | null {
  const parsed = parseMetric(name);
  if (!parsed) return null;
  const definition: MetricDefinition = METRICS[parsed.id];
  return definition.read(report, parsed.args);
}

const SHARES = new Set(['availability', 'userAvailability', 'servedShare', 'staleRatio', 'idleComputeShare']);

/** A metric's value with its unit, for people: "33.7 s", "45 ms", "99.2%", "$3.34/h", "106% of capacity". */
export function formatMetricValue(name: string, value: number): string {
  const id = name.split(':')[0] ?? '';
  const round = (x: number, digits: number): string => String(Number(x.toFixed(digits)));
  if (SHARES.has(id)) return `${round(value * 100, 2)}%`;
  if (id === 'utilizationMax') return `${round(value * 100, 1)}% of capacity`;
  if (id === 'costUsdPerHour') return `$${value.toFixed(2)}/h`;
  // Durations, RPO and lags in the one duration format the page, the CLI and exports share ("28 ms", "1.5 s").
  if (id.endsWith('Ms')) return formatMs(value);
  if (/[a-z]S$/.test(id)) return formatDurationS(value);
  return round(value, 3);
}
