import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from './report.ts';
import { defaultScenario } from './scenario/defaultScenario.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Scenario, ScenarioInput } from './scenario/schema.ts';
import { createSimulation, runScenario } from './simulation.ts';
import type { MetricsWindow } from './snapshot.ts';

/** Parses a test scenario, failing loudly if the fixture itself is invalid. */
function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** The default scenario (4 populations, 1100 qps, US primary), shortened to keep the suite fast. */
function defaultFor(durationS: number, overrides: Partial<ScenarioInput> = {}): Scenario {
  return parsed({ ...defaultScenario, durationS, ...overrides });
}

const DEFAULT_USERS = defaultScenario.users ?? [];
/** The default users with Berlin's population moved to Sydney. */
const BERLIN_IN_SYDNEY = DEFAULT_USERS.map((u) => (u.id === 'berlin' ? { ...u, lat: -33.87, lon: 151.21 } : u));

/** Runs to the end and returns every window and the report. */
function runWithWindows(scenario: Scenario): { windows: MetricsWindow[]; report: Report } {
  const simulation = createSimulation(scenario);
  simulation.advanceTo(scenario.durationS);
  return { windows: simulation.takeWindows(), report: simulation.report() };
}

function userReport(report: Report, id: string) {
  const user = report.users.find((u) => u.id === id);
  if (!user) throw new Error(`no user ${id} in the report`);
  return user;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/**
 * Every way the run's requests are counted must agree: per user, per region, per window and in total.
 * Holds for a whole-second durationS with no user removed mid-run.
 */
function expectRequestsConserved(scenario: Scenario, windows: readonly MetricsWindow[], report: Report): void {
  const { total, ok, failed } = report.requests;
  expect(ok + failed).toBe(total);
  expect(sum(report.users.map((u) => u.read.count + u.write.count))).toBe(ok);
  expect(sum(report.regions.map((r) => r.served))).toBe(ok);
  expect(sum(report.regions.map((r) => r.dropped))).toBe(failed);

  expect(windows.map((w) => w.startS)).toEqual(Array.from({ length: scenario.durationS }, (_, i) => i));
  expect(sum(windows.flatMap((w) => w.users.map((u) => u.ok)))).toBe(ok);
  expect(sum(windows.flatMap((w) => w.users.map((u) => u.failed)))).toBe(failed);
  expect(sum(windows.flatMap((w) => w.regionServed))).toBe(ok);

  for (const user of report.users) {
    const shares = Object.values(user.servedBy);
    const sent = user.read.count + user.write.count > 0 || user.availability < 1;
    if (sent) expect(Math.abs(sum(shares) - 1)).toBeLessThanOrEqual(0.0005 * shares.length + 1e-9);
    for (const share of shares) expect(share).toBeGreaterThan(0);
  }

  // Poisson arrivals: the count stays within 6 standard deviations of qps * durationS.
  const expected = sum(scenario.users.map((u) => u.qps)) * scenario.durationS;
  expect(Math.abs(total - expected)).toBeLessThanOrEqual(6 * Math.sqrt(expected) + 6);
}

describe('a run is reproducible', () => {
  it('gives deep-equal reports and windows for the same scenario and seed', () => {
    const scenario = defaultFor(60);
    const first = runWithWindows(scenario);
    const second = runWithWindows(structuredClone(scenario));
    expect(second.report).toEqual(first.report);
    expect(second.windows).toEqual(first.windows);
    expect(first.report.requests.total).toBeGreaterThan(60_000);
  });

  it('gives different samples but similar medians for a different seed', () => {
    const one = runScenario(defaultFor(60, { seed: 1 }));
    const two = runScenario(defaultFor(60, { seed: 2 }));
    expect(two.requests.total).not.toBe(one.requests.total);
    expect(two.users.map((u) => [u.read.p99, u.write.p99])).not.toEqual(one.users.map((u) => [u.read.p99, u.write.p99]));
    for (const user of one.users) {
      const other = userReport(two, user.id);
      expect(Math.abs((other.read.p50 as number) / (user.read.p50 as number) - 1), `${user.id} read p50`).toBeLessThan(0.03);
      expect(Math.abs((other.write.p50 as number) / (user.write.p50 as number) - 1), `${user.id} write p50`).toBeLessThan(0.03);
    }
  });

  it('gives the same run when advanced in uneven steps as in one go', () => {
    const scenario = defaultFor(30);
    const whole = runWithWindows(scenario);
    const simulation = createSimulation(scenario);
    const windows: MetricsWindow[] = [];
    for (const t of [0, 0.25, 0.999, 1, 1.001, 7.5, 7.5, 19, 29.9999, 30]) {
      simulation.advanceTo(t);
      expect(simulation.timeS).toBe(t);
      windows.push(...simulation.takeWindows());
    }
    expect(windows).toEqual(whole.windows);
    expect(simulation.report()).toEqual(whole.report);
  });

  it('gives two identical populations their own random streams, so their arrivals differ', () => {
    const twin = { lat: 48.86, lon: 2.35, qps: 200, writeRatio: 0.5 };
    const { windows, report } = runWithWindows(
      defaultFor(10, { users: [{ id: 'paris-a', ...twin }, { id: 'paris-b', ...twin }] }),
    );
    const [a, b] = report.users;
    expect(a?.read.count).not.toBe(b?.read.count);
    expect(windows.map((w) => w.users[0]?.ok)).not.toEqual(windows.map((w) => w.users[1]?.ok));
  });

  it('stops the clock at durationS and closes one window per second', () => {
    const simulation = createSimulation(defaultFor(12));
    expect(simulation.done).toBe(false);
    simulation.advanceTo(1e9);
    expect(simulation.timeS).toBe(12);
    expect(simulation.done).toBe(true);
    expect(simulation.takeWindows()).toHaveLength(12);
    expect(simulation.takeWindows()).toEqual([]);
    expect(simulation.report().durationS).toBe(12);
  });
});

describe('requests are conserved', () => {
  it('in the default scenario', () => {
    const scenario = defaultFor(30);
    const { windows, report } = runWithWindows(scenario);
    expectRequestsConserved(scenario, windows, report);
    expect(report.requests.failed).toBe(0);
  });

  it('through a region outage', () => {
    const scenario = defaultFor(30, {
      faults: [
        { kind: 'region-down', atS: 5, region: 'us-east' },
        { kind: 'region-up', atS: 12, region: 'us-east' },
      ],
    });
    const { windows, report } = runWithWindows(scenario);
    expectRequestsConserved(scenario, windows, report);
    expect(report.requests.failed).toBeGreaterThan(0);
  });

  it('on small random scenarios, which also run the same twice and in steps (seeded property, 20 cases)', () => {
    const DURATION_S = 20;
    const catalog = fc.constantFrom('aws:us-east-1', 'aws:eu-west-1', 'aws:ap-southeast-2', 'gcp:europe-west3', 'azure:westeurope');
    const custom = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    const regionSpec = fc.oneof(catalog.map((c) => ({ catalog: c })), custom);
    const userSpec = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      qps: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 60, noNaN: true })),
      writeRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      jurisdiction: fc.constantFrom(undefined, 'US', 'EU', 'AU'),
    });
    const scenarioArb = fc
      .record({
        seed: fc.integer({ min: 0, max: 4_294_967_295 }),
        regions: fc.array(regionSpec, { minLength: 1, maxLength: 4 }),
        users: fc.array(userSpec, { minLength: 1, maxLength: 4 }),
        topology: fc.constantFrom('active-passive', 'active-active', 'home-region'),
        replication: fc.constantFrom('sync', 'semi-sync', 'async'),
        primaryPick: fc.nat(),
        faults: fc.array(
          fc.record({ kind: fc.constantFrom('region-down', 'region-up'), halfSeconds: fc.integer({ min: 0, max: 2 * DURATION_S }), pick: fc.nat() }),
          { maxLength: 4 },
        ),
        steps: fc.array(fc.double({ min: 0.01, max: 7, noNaN: true }), { minLength: 1, maxLength: 6 }),
      })
      .map((spec) => ({
        steps: spec.steps,
        scenario: parsed({
          version: 1,
          seed: spec.seed,
          durationS: DURATION_S,
          regions: spec.regions.map((r, i) => ({ id: `r${i}`, ...r })),
          users: spec.users.map((u, i) => ({ id: `u${i}`, ...u })),
          data: { topology: spec.topology, replication: spec.replication, primary: `r${spec.primaryPick % spec.regions.length}` },
          faults: spec.faults.map((f) => ({ kind: f.kind, atS: f.halfSeconds / 2, region: `r${f.pick % spec.regions.length}` })),
        }),
      }));

    fc.assert(
      fc.property(scenarioArb, ({ scenario, steps }) => {
        const { windows, report } = runWithWindows(scenario);
        expectRequestsConserved(scenario, windows, report);
        if (scenario.faults.length === 0) expect(report.requests.failed).toBe(0);
        for (const region of report.regions) expect(region.served + region.dropped).toBeGreaterThanOrEqual(0);

        // No region serves a request in a window it was down for from start to end.
        windows.forEach((window, k) => {
          scenario.regions.forEach((region, r) => {
            if (downThroughout(scenario, region.id, k, k + 1)) expect(window.regionServed[r], `${region.id} in window ${k}`).toBe(0);
          });
        });

        // Same scenario, same run; and advancing in arbitrary steps changes nothing.
        expect(runScenario(scenario)).toEqual(report);
        const stepped = createSimulation(scenario);
        const steppedWindows: MetricsWindow[] = [];
        for (let t = 0, i = 0; !stepped.done; i++) {
          t += steps[i % steps.length] as number;
          stepped.advanceTo(t);
          steppedWindows.push(...stepped.takeWindows());
        }
        expect(steppedWindows).toEqual(windows);
        expect(stepped.report()).toEqual(report);
      }),
      { seed: 424_242, numRuns: 20 },
    );
  });
});

/** True when `regionId` is down for all of [fromS, toS), applying the faults in their queue order (time, then list order). */
function downThroughout(scenario: Scenario, regionId: string, fromS: number, toS: number): boolean {
  const faults = scenario.faults
    .map((fault, index) => ({ fault, index }))
    .filter(({ fault }) => fault.region === regionId)
    .sort((a, b) => a.fault.atS - b.fault.atS || a.index - b.index);
  let up = true;
  for (const { fault } of faults) {
    if (fault.atS <= fromS) up = fault.kind === 'region-up';
    else if (fault.atS < toS) return false;
  }
  return !up;
}

describe('faults', () => {
  const scenario = defaultFor(30, {
    faults: [
      { kind: 'region-down', atS: 10, region: 'eu-west' },
      { kind: 'region-up', atS: 20, region: 'eu-west' },
    ],
  });
  const { windows, report } = runWithWindows(scenario);
  const EU = scenario.regions.findIndex((r) => r.id === 'eu-west');
  const BERLIN = scenario.users.findIndex((u) => u.id === 'berlin');

  it('fails the requests of the region that is down, and that region serves none while down', () => {
    for (const window of windows.slice(10, 20)) {
      expect(window.regionServed[EU]).toBe(0);
      expect(window.users[BERLIN]?.ok).toBe(0);
      expect(window.users[BERLIN]?.failed).toBeGreaterThan(200);
      expect(window.users[BERLIN]?.readP50Ms).toBeNaN();
    }
  });

  it('serves the region again once it is back up, and never fails before the fault', () => {
    for (const window of [...windows.slice(0, 10), ...windows.slice(20)]) {
      expect(window.regionServed[EU]).toBeGreaterThan(200);
      expect(window.users[BERLIN]?.failed).toBe(0);
    }
  });

  it('leaves populations routed elsewhere untouched by a standby outage', () => {
    for (const window of windows) {
      window.users.forEach((user, u) => {
        if (u !== BERLIN) expect(user.failed).toBe(0);
      });
    }
  });

  it('counts the failures against the region and the population in the report', () => {
    const eu = report.regions.find((r) => r.id === 'eu-west');
    const berlinFailed = sum(windows.map((w) => w.users[BERLIN]?.failed ?? 0));
    expect(eu?.dropped).toBe(berlinFailed);
    expect(report.requests.failed).toBe(berlinFailed);
    // Down for 10 of 30 seconds.
    expect(userReport(report, 'berlin').availability).toBeGreaterThan(0.6);
    expect(userReport(report, 'berlin').availability).toBeLessThan(0.73);
  });

  // Known engine bug (see the test report): simulation.ts counts a failed request in windowByRegion, so a window's
  // servedBy names the down region although UserWindow.servedBy is documented as "the region that served most of
  // the window's requests, -1 for none". Remove `.fails` once failed requests no longer count as served.
  it('names no region as serving a population whose every request failed in the window', () => {
    for (const window of windows.slice(10, 20)) expect(window.users[BERLIN]?.servedBy).toBe(-1);
  });

  it('fails every write but keeps serving reads elsewhere when the active-passive primary is down', () => {
    const outage = runWithWindows(defaultFor(20, { faults: [{ kind: 'region-down', atS: 10, region: 'us-east' }] }));
    const tokyo = outage.report.users.findIndex((u) => u.id === 'tokyo');
    for (const window of outage.windows.slice(10)) {
      const user = window.users[tokyo];
      expect(user?.writeP50Ms).toBeNaN();
      expect(user?.readP50Ms).toBeLessThan(40);
      expect(user?.failed).toBeGreaterThan(20); // its writes, about 20% of 250 qps
      expect(user?.ok).toBeGreaterThan(150); // its reads
    }
  });
});

describe('latency follows geography and replication', () => {
  it('gives a population moved from Berlin to Sydney a read p50 above 100 ms from its new nearest region', () => {
    const before = runScenario(defaultFor(30));
    const after = runScenario(defaultFor(30, { users: BERLIN_IN_SYDNEY }));
    const berlin = userReport(before, 'berlin');
    const sydney = userReport(after, 'berlin');
    expect(berlin.servedBy).toEqual({ 'eu-west': 1 });
    expect(berlin.read.p50).toBeLessThan(60);
    expect(Object.keys(sydney.servedBy)).toHaveLength(1);
    expect(['us-east', 'eu-west', 'ap-northeast']).toContain(Object.keys(sydney.servedBy)[0]);
    expect(sydney.servedBy).toEqual({ 'ap-northeast': 1 });
    expect(sydney.read.p50).toBeGreaterThan(100);
    expect(sydney.read.p50).toBeGreaterThan(2 * (berlin.read.p50 as number));
  });

  it('makes writes slower under sync replication than semi-sync, and semi-sync slower than async', () => {
    const run = (replication: string) => runScenario(defaultFor(30, { data: { ...defaultScenario.data, replication } as ScenarioInput['data'] }));
    const async = run('async');
    const semi = run('semi-sync');
    const sync = run('sync');
    const farthestReplicaMs = Math.max(...async.links.filter((l) => l.from === 'us-east').map((l) => l.rttMs));
    for (const user of async.users) {
      const asyncWrite = user.write.p50 as number;
      const semiWrite = userReport(semi, user.id).write.p50 as number;
      const syncWrite = userReport(sync, user.id).write.p50 as number;
      expect(semiWrite, user.id).toBeGreaterThan(asyncWrite);
      expect(syncWrite, user.id).toBeGreaterThan(semiWrite);
      // Sync waits for the primary's farthest replica, ap-northeast, on every write.
      expect(syncWrite - asyncWrite, user.id).toBeGreaterThan(0.9 * farthestReplicaMs);
      // Reads do not wait for replicas.
      expect(Math.abs((userReport(sync, user.id).read.p50 as number) / (user.read.p50 as number) - 1), user.id).toBeLessThan(0.03);
    }
  });

  it('keeps an EU population\'s writes in the EU under home-region, instead of crossing to the US primary', () => {
    const passive = userReport(runScenario(defaultFor(30)), 'berlin');
    const home = userReport(runScenario(defaultFor(30, { data: { ...defaultScenario.data, topology: 'home-region' } })), 'berlin');
    expect(passive.write.p50).toBeGreaterThan(100); // forwarded across the Atlantic
    expect(home.write.p50).toBeLessThan(60);
  });

  it('reports the measured AWS RTT between catalogue regions as the link RTT', () => {
    const links = runScenario(defaultFor(2)).links;
    expect(links).toHaveLength(6);
    expect(links.find((l) => l.from === 'us-east' && l.to === 'eu-west')?.rttMs).toBe(69.6);
    expect(links.find((l) => l.from === 'eu-west' && l.to === 'us-east')?.rttMs).toBe(69.6);
  });
});

describe('applyScenario mid-run', () => {
  const berlinIndex = DEFAULT_USERS.findIndex((u) => u.id === 'berlin');

  it('changes latency in the windows after the edit, and only there', () => {
    const simulation = createSimulation(defaultFor(20));
    simulation.advanceTo(10);
    const before = simulation.takeWindows();
    simulation.applyScenario(defaultFor(20, { users: BERLIN_IN_SYDNEY }));
    simulation.advanceTo(20);
    const after = simulation.takeWindows();
    expect(before).toHaveLength(10);
    expect(after).toHaveLength(10);
    for (const window of before) {
      expect(window.users[berlinIndex]?.readP50Ms).toBeLessThan(60);
      expect(window.users[berlinIndex]?.servedBy).toBe(1); // eu-west
    }
    for (const window of after) {
      expect(window.users[berlinIndex]?.readP50Ms).toBeGreaterThan(100);
      expect(window.users[berlinIndex]?.servedBy).toBe(2); // ap-northeast
    }
    expect(simulation.timeS).toBe(20);
  });

  it('leaves the other populations\' samples exactly as they were (each draws from its own stream)', () => {
    const plain = runWithWindows(defaultFor(20)).windows;
    const simulation = createSimulation(defaultFor(20));
    simulation.advanceTo(10);
    simulation.applyScenario(defaultFor(20, { users: BERLIN_IN_SYDNEY }));
    simulation.advanceTo(20);
    const edited = simulation.takeWindows();
    const others = (windows: MetricsWindow[]) => windows.map((w) => w.users.filter((_, u) => u !== berlinIndex));
    expect(others(edited)).toEqual(others(plain));
  });

  it('changes nothing when the same scenario is applied at a window boundary', () => {
    const scenario = defaultFor(20);
    const plain = runWithWindows(scenario);
    const simulation = createSimulation(scenario);
    simulation.advanceTo(10);
    simulation.applyScenario(structuredClone(scenario));
    simulation.advanceTo(20);
    expect(simulation.takeWindows()).toEqual(plain.windows);
    expect(simulation.report()).toEqual(plain.report);
  });

  // Known engine bug (see the test report): applyScenario -> syncWorld (simulation.ts) replaces windowServed and each
  // user's windowByRegion with fresh zeroed arrays, so the requests served earlier in the current window vanish
  // from its regionServed (and servedBy). The worker applies every live edit mid-window, so each edit makes the
  // QPS chart dip. Remove `.fails` once the partial window survives a live edit.
  it('changes nothing when the same scenario is applied mid-window', () => {
    const scenario = defaultFor(20);
    const plain = runWithWindows(scenario);
    const simulation = createSimulation(scenario);
    simulation.advanceTo(10.5);
    simulation.applyScenario(structuredClone(scenario));
    simulation.advanceTo(20);
    expect(simulation.takeWindows()).toEqual(plain.windows);
  });

  it('starts a fault added by a live edit at its time, and ignores one already in the past', () => {
    const simulation = createSimulation(defaultFor(20));
    simulation.advanceTo(8);
    simulation.applyScenario(
      defaultFor(20, {
        faults: [
          { kind: 'region-down', atS: 2, region: 'ap-northeast' },
          { kind: 'region-down', atS: 12, region: 'eu-west' },
        ],
      }),
    );
    simulation.advanceTo(20);
    const windows = simulation.takeWindows();
    const served = (r: number) => windows.map((w) => w.regionServed[r]);
    expect(served(2).every((n) => (n as number) > 0)).toBe(true); // the past fault never fires
    expect(served(1).slice(0, 12).every((n) => (n as number) > 0)).toBe(true);
    expect(served(1).slice(12)).toEqual(Array.from({ length: 8 }, () => 0));
  });
});

describe('edge cases of counting', () => {
  it('keeps the requests of a population removed mid-run in the totals', () => {
    const scenario = defaultFor(20);
    const simulation = createSimulation(scenario);
    simulation.advanceTo(10);
    simulation.applyScenario({ ...scenario, users: scenario.users.filter((u) => u.id !== 'tokyo') });
    simulation.advanceTo(20);
    const report = simulation.report();
    expect(report.users.map((u) => u.id)).not.toContain('tokyo');
    expect(sum(report.regions.map((r) => r.served))).toBe(report.requests.ok);
    expect(report.regions.find((r) => r.id === 'ap-northeast')?.served).toBeGreaterThan(2000);
  });

  it('closes a last, shorter window when durationS is not a whole number', () => {
    const scenario = defaultFor(20.5);
    const { windows, report } = runWithWindows(scenario);
    expect(windows.map((w) => w.startS).slice(-2)).toEqual([19, 20]);
    expect(sum(windows.flatMap((w) => w.users.map((u) => u.ok)))).toBe(report.requests.ok);
  });
});
