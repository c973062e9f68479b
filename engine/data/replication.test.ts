import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';
import { LEDGER_CAP } from './replication.ts';

function scenario(overrides: Partial<ScenarioInput>, data: Partial<NonNullable<ScenarioInput['data']>> = {}): Scenario {
  const parsed = parseScenario({
    ...defaultScenario,
    durationS: 60,
    simulation: { mode: 'exact' },
    ...overrides,
    data: { ...defaultScenario.data, topology: 'active-active', ...data },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const link = (report: ReturnType<typeof runScenario>, from: string, to: string) => {
  const found = report.links.find((l) => l.from === from && l.to === to);
  if (!found) throw new Error(`no link ${from} -> ${to}`);
  return found;
};

describe('replication lag per link', () => {
  it('is the one-way delay plus batching and sending on a healthy link', () => {
    const report = runScenario(scenario({}));
    const usEu = link(report, 'us-east', 'eu-west');
    const oneWayMs = usEu.rttMs / 2;
    expect(usEu.replicatedWrites).toBeGreaterThan(1000);
    expect(usEu.lagMs.p50).toBeGreaterThanOrEqual(oneWayMs);
    expect(usEu.lagMs.p50).toBeLessThan(oneWayMs + 10 + 2); // at most one 10-ms batch and a sub-ms send
    expect(usEu.lagMs.p99).toBeLessThan(oneWayMs + 12);
  });

  it('builds a backlog while a link is partitioned, which drains after it heals', () => {
    const report = runScenario(
      scenario({
        durationS: 90,
        faults: [
          { kind: 'partition', atS: 20, from: 'us-east', to: 'ap-northeast' },
          { kind: 'link-heal', atS: 50, from: 'us-east', to: 'ap-northeast' },
        ],
      }),
    );
    const cut = link(report, 'us-east', 'ap-northeast');
    expect(cut.lagMs.max).toBeGreaterThan(29_000); // a write from the partition's start waited ~30 s
    expect(cut.lagMs.max).toBeLessThan(31_000);
    expect(cut.lagMs.p50).toBeLessThan(cut.rttMs); // most writes flowed normally
    expect(link(report, 'us-east', 'eu-west').lagMs.max).toBeLessThan(200); // other links untouched
  });

  it('grows without bound when writes need more bandwidth than the link has', () => {
    // New York writes 200 x 20% = 80 writes/s of 10 kB = 6.4 Mbit/s over a 1 Mbit/s link.
    const slow = runScenario(scenario({ workload: { writeBytes: 10_000 } }, { replicationMbps: 1 }));
    const fast = runScenario(scenario({ workload: { writeBytes: 10_000 } }, { replicationMbps: 100 }));
    expect(link(slow, 'us-east', 'eu-west').lagMs.max).toBeGreaterThan(10_000);
    expect(link(fast, 'us-east', 'eu-west').lagMs.max).toBeLessThan(200);
  });
});

describe('data loss when a region goes dark', () => {
  const failing = (replication: 'sync' | 'semi-sync' | 'async', seed = 1, atS = 30.37) =>
    runScenario(scenario({ seed, faults: [{ kind: 'region-down', atS, region: 'us-east' }] }, { replication }));

  it('loses about write rate x lag of acknowledged writes under async replication', () => {
    const report = failing('async');
    // New York writes 400 x 20% = 80/s at us-east; what it had not yet shipped (~40 ms of lag to Dublin) is lost.
    const lagS = (link(report, 'us-east', 'eu-west').lagMs.p50 ?? 0) / 1000;
    expect(report.dataLoss.ackedWritesLost).toBeGreaterThan(0.3 * 80 * lagS);
    expect(report.dataLoss.ackedWritesLost).toBeLessThan(3 * 80 * lagS + 5);
    expect(report.dataLoss.rpoS).toBeGreaterThan(0);
    expect(report.dataLoss.rpoS).toBeLessThan(0.2);
    for (const lost of report.dataLoss.ledger) {
      expect(lost.region).toBe('us-east');
      expect(lost.atS).toBeLessThanOrEqual(30.37);
      expect(lost.atS).toBeGreaterThan(30.37 - 0.2);
    }
  });

  it('loses no acknowledged write under sync replication, whatever region fails and when (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 5, max: 55, noNaN: true }), fc.constantFrom('us-east', 'eu-west', 'ap-northeast'), (seed, atS, region) => {
        const report = runScenario(
          scenario({ seed, durationS: 60, faults: [{ kind: 'region-down', atS, region }] }, { replication: 'sync' }),
        );
        expect(report.dataLoss.ackedWritesLost).toBe(0);
        expect(report.dataLoss.ledger).toEqual([]);
      }),
      { numRuns: 6, seed: 42 },
    );
  });

  it('blocks sync writes while a replica is dark, until the health checks drop it from the replica set', () => {
    const report = runScenario(
      scenario({ durationS: 120, faults: [{ kind: 'region-down', atS: 30, region: 'ap-northeast' }] }, { topology: 'active-passive', primary: 'us-east', replication: 'sync' }),
    );
    const failover = report.failovers[0];
    expect(failover?.detectedAtS).toBeGreaterThan(30);
    // Berlin's writes fail from 30 s until detection (~25 s), then flow: most of its 120 s are served.
    const berlin = report.users.find((u) => u.id === 'berlin');
    expect(berlin?.availability).toBeLessThan(0.97);
    expect(berlin?.availability).toBeGreaterThan(0.9); // without leaving the set: about 0.85 (writes fail to the end)
    expect(report.dataLoss.ackedWritesLost).toBe(0);
  });

  it('loses none under semi-sync while its acknowledging replica survives', () => {
    expect(failing('semi-sync').dataLoss.ackedWritesLost).toBe(0);
  });

  it('loses under semi-sync what only the writer and its acknowledging replica held, when both fail together', () => {
    // us-east's writes wait for one ack, which eu-west gives; ap-northeast is cut off from us-east from 20 s on,
    // so for ten seconds only us-east and eu-west hold the primary's writes (~220/s from all four cities).
    const run = (extra: ScenarioInput['faults']) =>
      runScenario(
        scenario(
          {
            faults: [
              { kind: 'partition', atS: 20, from: 'us-east', to: 'ap-northeast', direction: 'one-way' },
              { kind: 'region-down', atS: 30.37, region: 'us-east' },
              ...(extra ?? []),
            ],
          },
          { topology: 'active-passive', primary: 'us-east', replication: 'semi-sync', quorum: 1 },
        ),
      );
    // The writer alone: eu-west has every acknowledged write and passes them on to ap-northeast.
    expect(run([]).dataLoss.ackedWritesLost).toBe(0);
    // Both at once: the ten seconds of writes nobody else had are gone (and those on their way to Tokyo at 20 s).
    const together = run([{ kind: 'region-down', atS: 30.37, region: 'eu-west' }]);
    expect(together.dataLoss.ackedWritesLost).toBeGreaterThan(1000);
    expect(together.dataLoss.ackedWritesLost).toBeLessThan(2300);
    expect(together.dataLoss.ledger.every((lost) => lost.region === 'us-east' && lost.atS > 19.8)).toBe(true);
    // eu-west failing five seconds later is too late to lose anything: it had passed them on.
    expect(run([{ kind: 'region-down', atS: 35, region: 'eu-west' }]).dataLoss.ackedWritesLost).toBe(0);
  });

  it('keeps at most LEDGER_CAP examples, oldest first, and counts every loss', () => {
    // A 30-s partition to both replicas, then the writer dies: everything written meanwhile is lost.
    const report = runScenario(
      scenario({
        faults: [
          { kind: 'partition', atS: 10, from: 'us-east', to: 'eu-west', direction: 'one-way' },
          { kind: 'partition', atS: 10, from: 'us-east', to: 'ap-northeast', direction: 'one-way' },
          { kind: 'region-down', atS: 40, region: 'us-east' },
        ],
      }),
    );
    expect(report.dataLoss.ackedWritesLost).toBeGreaterThan(2000); // ~80 writes/s for 30 s
    expect(report.dataLoss.ledger).toHaveLength(LEDGER_CAP);
    const times = report.dataLoss.ledger.map((l) => l.atS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(report.dataLoss.rpoS).toBeGreaterThan(29);
    expect(report.dataLoss.rpoS).toBeLessThan(31);
  });
});

describe('replication across live edits', () => {
  it('keeps the writes already lost when a live edit adds a region', async () => {
    const { createSimulation } = await import('../simulation.ts');
    const base = scenario({ faults: [{ kind: 'region-down', atS: 20.37, region: 'us-east' }] });
    const simulation = createSimulation(base);
    simulation.advanceTo(30);
    const lostBefore = simulation.report().dataLoss.ackedWritesLost;
    expect(lostBefore).toBeGreaterThan(0);
    simulation.applyScenario({ ...base, regions: [...base.regions, { ...base.regions[0]!, id: 'sa-east', catalog: 'aws:sa-east-1' }] });
    simulation.advanceTo(40);
    const after = simulation.report();
    expect(after.dataLoss.ackedWritesLost).toBe(lostBefore);
    expect(link(after, 'eu-west', 'sa-east').replicatedWrites).toBeGreaterThan(100); // the new region replicates
  });
});

describe('semi-synchronous quorums', () => {
  it('waits for the k-th fastest replica: quorum 1 is faster than quorum 2, which is as slow as sync', () => {
    const writeP50 = (replication: 'sync' | 'semi-sync', quorum = 1) =>
      runScenario(scenario({ durationS: 30 }, { replication, quorum })).users.find((u) => u.id === 'new-york')?.write.p50 ?? 0;
    const one = writeP50('semi-sync', 1);
    const two = writeP50('semi-sync', 2);
    const sync = writeP50('sync');
    expect(one).toBeLessThan(two - 30); // New York's writes at us-east: eu-west answers ~80 ms before ap-northeast
    expect(Math.abs(two - sync)).toBeLessThan(5);
  });

  it('refuses a quorum larger than the other regions', () => {
    const parsed = parseScenario({ ...defaultScenario, data: { ...defaultScenario.data, replication: 'semi-sync', quorum: 3 } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toEqual([{ path: 'data.quorum', message: 'must be at most the number of other regions (2)' }]);
  });
});

describe('commit wait', () => {
  it('makes a write wait out the clock uncertainty, overlapping with any replica wait', () => {
    const nyWrite = (data: Partial<NonNullable<ScenarioInput['data']>>) =>
      runScenario(scenario({ durationS: 20 }, data)).users.find((u) => u.id === 'new-york')?.write.p50 ?? 0;
    expect(nyWrite({ commitWaitMs: 50 }) - nyWrite({})).toBeGreaterThan(45); // async: nothing to overlap with
    expect(nyWrite({ replication: 'sync', commitWaitMs: 50 })).toBeCloseTo(nyWrite({ replication: 'sync' }), 0); // sync waits longer anyway
  });
});
