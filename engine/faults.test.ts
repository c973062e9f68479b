/**
 * Faults: the condition of regions and links they leave behind, and what that does to requests through whole
 * runs: partitions, slow and lossy links, gray failures, synchronous replication with an unreachable replica, a
 * dark region, region-up ending it all, and a client SDK's retries around a dark primary.
 */
import { describe, expect, it } from 'vitest';
import { Conditions } from './conditions.ts';
import type { Report, UserReport } from './report.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Fault, Scenario } from './scenario/schema.ts';
import { createSimulation } from './simulation.ts';
import type { MetricsWindow } from './snapshot.ts';

const REGIONS = ['us', 'eu', 'ap'];
const indexOf = (id: string): number => REGIONS.indexOf(id);

function after(faults: readonly Fault[]): Conditions {
  const conditions = new Conditions(REGIONS.length);
  for (const fault of faults) conditions.apply(fault, indexOf);
  return conditions;
}

describe('Conditions', () => {
  it('starts with every region up, at full capacity, and every link normal', () => {
    const c = new Conditions(3);
    for (let r = 0; r < 3; r++) {
      expect(c.isDark(r)).toBe(false);
      expect(c.grayOf(r)).toBeNull();
      expect(c.capacityFactorOf(r)).toBe(1);
      for (let s = 0; s < 3; s++) expect(c.exchangeBlocked(r, s)).toBe(false);
    }
    expect(c.linkFrom(0, 1)).toEqual({ blocked: false, addedMs: 0, loss: 0 });
  });

  it('darkens a region on region-down, and region-up ends darkness, gray failure and capacity loss at once', () => {
    const down = after([
      { kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 50, errorRate: 0.2, failsHealthChecks: true },
      { kind: 'capacity-loss', atS: 0, region: 'eu', fraction: 0.25 },
      { kind: 'region-down', atS: 1, region: 'eu' },
    ]);
    expect(down.isDark(1)).toBe(true);
    expect(down.grayOf(1)).toEqual({ addedMs: 50, errorRate: 0.2, failsHealthChecks: true });
    expect(down.capacityFactorOf(1)).toBe(0.75);
    expect(down.isDark(0)).toBe(false);
    down.apply({ kind: 'region-up', atS: 2, region: 'eu' }, indexOf);
    expect(down.isDark(1)).toBe(false);
    expect(down.grayOf(1)).toBeNull();
    expect(down.capacityFactorOf(1)).toBe(1);
  });

  it('cuts both directions of a partition, and a one-way cut still blocks the exchange both ways (an answer needs the way back)', () => {
    const both = after([{ kind: 'partition', atS: 0, from: 'us', to: 'eu', direction: 'both' }]);
    expect(both.linkFrom(0, 1).blocked).toBe(true);
    expect(both.linkFrom(1, 0).blocked).toBe(true);
    const oneWay = after([{ kind: 'partition', atS: 0, from: 'us', to: 'eu', direction: 'one-way' }]);
    expect(oneWay.linkFrom(0, 1).blocked).toBe(true);
    expect(oneWay.linkFrom(1, 0).blocked).toBe(false);
    expect(oneWay.exchangeBlocked(0, 1)).toBe(true);
    expect(oneWay.exchangeBlocked(1, 0)).toBe(true);
    expect(oneWay.exchangeBlocked(0, 2)).toBe(false);
  });

  it('degrades a link in both directions, and link-heal (named either way round) restores it', () => {
    const c = after([{ kind: 'link-degrade', atS: 0, from: 'us', to: 'ap', addedMs: 80, loss: 0.1 }]);
    expect(c.linkFrom(0, 2)).toEqual({ blocked: false, addedMs: 80, loss: 0.1 });
    expect(c.linkFrom(2, 0)).toEqual({ blocked: false, addedMs: 80, loss: 0.1 });
    c.apply({ kind: 'partition', atS: 1, from: 'us', to: 'eu', direction: 'both' }, indexOf);
    c.apply({ kind: 'link-heal', atS: 2, from: 'ap', to: 'us' }, indexOf);
    expect(c.linkFrom(0, 2)).toEqual({ blocked: false, addedMs: 0, loss: 0 });
    expect(c.exchangeBlocked(0, 1)).toBe(true); // another link is not healed
    c.apply({ kind: 'link-heal', atS: 3, from: 'eu', to: 'us' }, indexOf);
    expect(c.exchangeBlocked(0, 1)).toBe(false);
  });

  it('ignores a fault on a region that no longer exists', () => {
    const c = after([
      { kind: 'region-down', atS: 0, region: 'gone' },
      { kind: 'partition', atS: 0, from: 'us', to: 'gone', direction: 'both' },
    ]);
    for (let r = 0; r < 3; r++) expect(c.isDark(r)).toBe(false);
    expect(c.exchangeBlocked(0, 1)).toBe(false);
  });

  it('carries regions and links over to new indices when the regions change, dropping the removed ones', () => {
    const c = after([
      { kind: 'region-down', atS: 0, region: 'ap' },
      { kind: 'capacity-loss', atS: 0, region: 'us', fraction: 0.5 },
      { kind: 'partition', atS: 0, from: 'us', to: 'ap', direction: 'one-way' },
      { kind: 'link-degrade', atS: 0, from: 'us', to: 'eu', addedMs: 30, loss: 0 },
    ]);
    // New world: [ap, us, new]; eu removed.
    const next = c.remapped(3, (old) => [1, -1, 0][old] as number);
    expect(next.isDark(0)).toBe(true);
    expect(next.capacityFactorOf(1)).toBe(0.5);
    expect(next.linkFrom(1, 0).blocked).toBe(true);
    expect(next.linkFrom(0, 1).blocked).toBe(false);
    expect(next.isDark(2)).toBe(false);
    expect(next.linkFrom(1, 2)).toEqual({ blocked: false, addedMs: 0, loss: 0 });
    // The original is untouched.
    expect(c.isDark(2)).toBe(true);
  });
});

const EU = 1;
const BERLIN = 0;
const NEW_YORK = 1;

interface Options {
  faults?: unknown[];
  replication?: 'sync' | 'semi-sync' | 'async';
  routing?: Record<string, unknown>;
  timeoutMs?: number;
  mode?: 'exact' | 'aggregate';
  durationS?: number;
  writeRatio?: number;
}

/** us-east (the active-passive primary) and eu-west; Berlin enters eu-west, New York us-east; half writes. */
function scenario(options: Options = {}): Scenario {
  const { writeRatio = 0.5 } = options;
  const result = parseScenario({
    version: 1,
    seed: 2,
    durationS: options.durationS ?? 30,
    regions: [
      { id: 'us-east', catalog: 'aws:us-east-1' },
      { id: 'eu-west', catalog: 'aws:eu-west-1' },
    ],
    users: [
      { id: 'berlin', lat: 52.52, lon: 13.4, qps: 100, writeRatio },
      { id: 'new-york', lat: 40.71, lon: -74.01, qps: 100, writeRatio },
    ],
    routing: options.routing ?? { policy: 'global-lb', healthCheck: { intervalS: 2, timeoutS: 1, failureThreshold: 3 } },
    workload: { timeoutMs: options.timeoutMs ?? 2000 },
    data: { topology: 'active-passive', primary: 'us-east', replication: options.replication ?? 'async' },
    faults: options.faults ?? [],
    simulation: { mode: options.mode ?? 'exact', samplesPerSecond: 100 },
  });
  if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

function run(s: Scenario): { windows: MetricsWindow[]; report: Report } {
  const simulation = createSimulation(s);
  simulation.advanceTo(s.durationS);
  return { windows: simulation.takeWindows(), report: simulation.report() };
}

const user = (report: Report, u: number): UserReport => report.users[u] as UserReport;
const firstFailureS = (windows: readonly MetricsWindow[], u: number): number =>
  windows.find((w) => (w.users[u]?.failed ?? 0) > 0)?.startS ?? Number.POSITIVE_INFINITY;

describe('faults along a request\'s journey', () => {
  const baseline = run(scenario()).report;

  it('baseline: no failures; Berlin\'s writes cross the Atlantic to the primary, its reads do not', () => {
    expect(baseline.requests.failed).toBe(0);
    expect(user(baseline, BERLIN).write.p50).toBeGreaterThan((user(baseline, BERLIN).read.p50 as number) + 60);
    expect(user(baseline, NEW_YORK).write.p50).toBeLessThan(40);
  });

  it('a partition between the entry region and the primary fails forwarded writes at the timeout, while reads succeed', () => {
    for (const direction of ['both', 'one-way'] as const) {
      const { windows, report } = run(scenario({ faults: [{ kind: 'partition', atS: 0, from: 'eu-west', to: 'us-east', direction }] }));
      const berlin = user(report, BERLIN);
      expect(berlin.write.count, direction).toBe(0);
      expect(berlin.read.count, direction).toBeGreaterThan(1300);
      expect(Math.abs((berlin.read.p50 as number) / (user(baseline, BERLIN).read.p50 as number) - 1), direction).toBeLessThan(0.02);
      expect(berlin.failed / (berlin.failed + berlin.read.count), direction).toBeGreaterThan(0.45);
      expect(user(report, NEW_YORK).failed, direction).toBe(0);
      expect(firstFailureS(windows, BERLIN), direction).toBe(2); // each write waits out its 2-s timeout
    }
  });

  it('link-heal ends the partition: Berlin\'s writes succeed again', () => {
    const { windows } = run(
      scenario({
        faults: [
          { kind: 'partition', atS: 0, from: 'eu-west', to: 'us-east' },
          { kind: 'link-heal', atS: 10, from: 'us-east', to: 'eu-west' },
        ],
      }),
    );
    for (const w of windows.filter((x) => x.startS >= 12)) {
      expect(w.users[BERLIN]?.failed).toBe(0);
      expect(w.users[BERLIN]?.writeP50Ms).toBeGreaterThan(0);
    }
  });

  it('link-degrade adds its latency to the writes forwarded over the link, and nothing to reads', () => {
    const { report } = run(scenario({ faults: [{ kind: 'link-degrade', atS: 0, from: 'eu-west', to: 'us-east', addedMs: 100, loss: 0 }] }));
    const addedMs = (user(report, BERLIN).write.p50 as number) - (user(baseline, BERLIN).write.p50 as number);
    expect(addedMs).toBeGreaterThan(90);
    expect(addedMs).toBeLessThan(115);
    // Unchanged up to the 1% histogram buckets and the resampling of other draws.
    expect(Math.abs((user(report, BERLIN).read.p50 as number) / (user(baseline, BERLIN).read.p50 as number) - 1)).toBeLessThan(0.02);
    expect(Math.abs((user(report, NEW_YORK).write.p50 as number) / (user(baseline, NEW_YORK).write.p50 as number) - 1)).toBeLessThan(0.02);
    expect(report.requests.failed).toBe(0);
  });

  it('loss on a link adds a tail: 5% of forwarded writes wait a retransmission (at least 200 ms), the median stays', () => {
    const { report } = run(scenario({ faults: [{ kind: 'link-degrade', atS: 0, from: 'eu-west', to: 'us-east', addedMs: 0, loss: 0.05 }] }));
    const lossy = user(report, BERLIN).write;
    const clean = user(baseline, BERLIN).write;
    expect(Math.abs((lossy.p50 as number) / (clean.p50 as number) - 1)).toBeLessThan(0.03);
    expect(lossy.p99 as number).toBeGreaterThan((clean.p50 as number) + 200);
    expect((lossy.p99 as number) - (clean.p99 as number)).toBeGreaterThan(150);
    expect(report.requests.failed).toBe(0);
  });

  it('a gray failure with error rate 0.5 fails about half of the region\'s requests, fast, and counts them against it', () => {
    const { windows, report } = run(scenario({ faults: [{ kind: 'gray-failure', atS: 10, region: 'eu-west', addedMs: 0, errorRate: 0.5, failsHealthChecks: false }] }));
    const during = windows.filter((w) => w.startS >= 10);
    const failed = during.reduce((s, w) => s + (w.users[BERLIN]?.failed ?? 0), 0);
    const ok = during.reduce((s, w) => s + (w.users[BERLIN]?.ok ?? 0), 0);
    // Reads fail at eu-west; writes too, since they pass through it: half of everything.
    expect(failed / (failed + ok)).toBeGreaterThan(0.45);
    expect(failed / (failed + ok)).toBeLessThan(0.55);
    // Errors come back at once: failures in the very second the fault starts, not at the 2-s timeout.
    expect(firstFailureS(windows, BERLIN)).toBe(10);
    expect(windows[10]?.users[BERLIN]?.failed).toBeGreaterThan(30);
    expect(report.regions[EU]?.dropped).toBe(user(report, BERLIN).failed);
    expect(user(report, NEW_YORK).failed).toBe(0);
  });

  it('a dark region fails its requests at the client\'s timeout, whatever that is', () => {
    for (const timeoutMs of [1000, 3000]) {
      const { windows, report } = run(scenario({ timeoutMs, faults: [{ kind: 'region-down', atS: 10, region: 'eu-west' }] }));
      expect(firstFailureS(windows, BERLIN), `${timeoutMs} ms`).toBeGreaterThanOrEqual(10 + timeoutMs / 1000 - 1);
      expect(firstFailureS(windows, BERLIN), `${timeoutMs} ms`).toBeLessThanOrEqual(10 + timeoutMs / 1000);
      expect(report.regions[EU]?.dropped).toBeGreaterThan(0);
    }
  });

  it('sync replication with a partitioned replica makes every write time out; async keeps writing', () => {
    const partition = [{ kind: 'partition', atS: 10, from: 'us-east', to: 'eu-west' }];
    const sync = run(scenario({ replication: 'sync', faults: partition }));
    const async = run(scenario({ replication: 'async', faults: partition }));
    // New York's writes commit at us-east, which cannot reach its replica in eu-west.
    const nySync = sync.windows.filter((w) => w.startS >= 13);
    expect(nySync.every((w) => Number.isNaN(w.users[NEW_YORK]?.writeP50Ms))).toBe(true);
    expect(nySync.every((w) => (w.users[NEW_YORK]?.failed ?? 0) > 20)).toBe(true);
    expect(firstFailureS(sync.windows, NEW_YORK)).toBeGreaterThanOrEqual(11); // at the timeout, not at once
    const nyAsync = async.windows.filter((w) => w.startS >= 13);
    expect(nyAsync.every((w) => w.users[NEW_YORK]?.failed === 0 && (w.users[NEW_YORK]?.writeP50Ms as number) < 40)).toBe(true);
    // Reads never wait for replicas.
    expect(nySync.every((w) => (w.users[NEW_YORK]?.readP50Ms as number) < 40)).toBe(true);
  });

  it('region-up ends darkness, a gray failure and a capacity loss at once', () => {
    const routing = { policy: 'global-lb', healthCheck: { intervalS: 1, timeoutS: 0.5, failureThreshold: 2, successThreshold: 1 } };
    const { windows, report } = run(
      scenario({
        routing,
        durationS: 40,
        faults: [
          { kind: 'gray-failure', atS: 2, region: 'eu-west', addedMs: 0, errorRate: 0.5, failsHealthChecks: false },
          { kind: 'capacity-loss', atS: 2, region: 'eu-west', fraction: 0.99 },
          { kind: 'region-down', atS: 5, region: 'eu-west' },
          { kind: 'region-up', atS: 15, region: 'eu-west' },
        ],
      }),
    );
    // One failover record: the region was already failing (gray) when it went dark.
    expect(report.failovers).toHaveLength(1);
    const recoveredS = report.failovers[0]?.recoveredAtS as number;
    expect(recoveredS).toBeGreaterThan(15);
    expect(recoveredS).toBeLessThan(18);
    for (const w of windows.filter((x) => x.startS >= recoveredS + 3)) {
      expect(w.users[BERLIN]?.failed).toBe(0);
      expect(w.users[BERLIN]?.servedBy).toBe(EU);
      expect(w.users[BERLIN]?.readP99Ms).toBeLessThan(100); // full capacity again (1% of it would queue for a second)
    }
  });

  it('gray-failure latency shows in the answers (aggregate)', () => {
    const { report } = run(scenario({ mode: 'aggregate', writeRatio: 0, faults: [{ kind: 'gray-failure', atS: 0, region: 'eu-west', addedMs: 100, errorRate: 0, failsHealthChecks: false }] }));
    const clean = run(scenario({ mode: 'aggregate', writeRatio: 0 })).report;
    const addedMs = (user(report, BERLIN).read.p50 as number) - (user(clean, BERLIN).read.p50 as number);
    expect(addedMs).toBeGreaterThan(95);
    expect(addedMs).toBeLessThan(110);
    expect(user(report, BERLIN).availability).toBe(1);
  });

  // Regression test; this was a bug: journey.ts serviceS (line ~130) adds the gray failure's addedMs to the
  // service time, which exact mode books on the region's few FIFO servers (regionQueues.ts admit). A region
  // modelled as round(capacity x 2.4 ms) = 4 servers then does 4 / 102 ms = 40 qps instead of 1500, so 100 ms
  // of added latency at 7% load makes Berlin's reads queue for a second and 58% of them fail (aggregate mode: +100
  // ms, no failure, as above). Added latency (a slow dependency, a degraded network) should delay the answer
  // without consuming the region's capacity.
  it('gray-failure latency shows in the answers without failing them at low load (exact)', () => {
    const { report } = run(scenario({ writeRatio: 0, faults: [{ kind: 'gray-failure', atS: 0, region: 'eu-west', addedMs: 100, errorRate: 0, failsHealthChecks: false }] }));
    const clean = run(scenario({ writeRatio: 0 })).report;
    expect(user(report, BERLIN).availability).toBeGreaterThan(0.99);
    const addedMs = (user(report, BERLIN).read.p50 as number) - (user(clean, BERLIN).read.p50 as number);
    expect(addedMs).toBeGreaterThan(95);
    expect(addedMs).toBeLessThan(110);
  });
});

describe('client SDK retries', () => {
  // Regression (was a bug): when the active-passive primary is dark, every forwarded write fails at the
  // timeout and journey.ts settle() calls router.requestFailed with the *entry* region (line ~285), which answered
  // fine. The SDK excludes the healthy entry, retries the write at the next region (which forwards to the same dark
  // primary), excludes that one too, and with every region excluded pick() returns -1: all of the population's
  // requests, reads included, fail with 'no-route' until its next latency probe (clientProbeIntervalS, 30 s),
  // over and over. Tokyo's availability drops to 0.30 in this run. The SDK should blame the region that failed
  // (journey.failedAt, the writer) or at least never drop reads that its entry region can serve.
  it('keep a population\'s reads when only the active-passive primary is dark, not its entry region', () => {
    const result = parseScenario({
      version: 1,
      seed: 1,
      durationS: 60,
      regions: [
        { id: 'us-east', catalog: 'aws:us-east-1' },
        { id: 'eu-west', catalog: 'aws:eu-west-1' },
        { id: 'ap-northeast', catalog: 'aws:ap-northeast-1' },
      ],
      users: [{ id: 'tokyo', lat: 35.68, lon: 139.69, qps: 100, writeRatio: 0.2 }],
      routing: { policy: 'client' },
      data: { topology: 'active-passive', primary: 'us-east' },
      faults: [{ kind: 'region-down', atS: 10, region: 'us-east' }],
      simulation: { mode: 'exact' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { windows } = run(result.scenario);
    const after = windows.filter((x) => x.startS >= 15);
    // Reads (80% of 100 qps) keep being served by ap-northeast; only the writes fail.
    expect(after.reduce((s, w) => s + (w.users[0]?.ok ?? 0), 0) / after.length).toBeGreaterThan(70);
    for (const w of after) {
      expect(w.users[0]?.ok, `window ${w.startS}`).toBeGreaterThan(40);
      expect(w.users[0]?.failed, `window ${w.startS}`).toBeLessThan(40);
    }
  });
});
