import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';

/** Two regions, a population beside each writing one hot key at `qps` writes/s. */
function hotKey(qps: number, overrides: Partial<ScenarioInput> = {}, data: Partial<NonNullable<ScenarioInput['data']>> = {}): Scenario {
  const parsed = parseScenario({
    version: 1,
    seed: 3,
    durationS: 3000,
    regions: [
      { id: 'us-east', catalog: 'aws:us-east-1' },
      { id: 'eu-west', catalog: 'aws:eu-west-1' },
    ],
    users: [
      { id: 'new-york', lat: 40.71, lon: -74.01, qps, writeRatio: 1, jurisdiction: 'US' },
      { id: 'london', lat: 51.51, lon: -0.13, qps, writeRatio: 1, jurisdiction: 'GB' },
    ],
    workload: { keyCount: 1 },
    routing: { policy: 'anycast' },
    data: { topology: 'active-active', replication: 'async', conflict: 'lww', ...data },
    simulation: { mode: 'exact' },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('concurrent writes to one key', () => {
  it('happen at about 2 x w1 x w2 x d per second, d the one-way replication delay', () => {
    const w = 2; // writes/s per region: w x d is about 0.08, small as the formula needs
    const report = runScenario(hotKey(w));
    const lags = report.links.map((l) => (l.lagMs.p50 ?? 0) / 1000);
    const d = lags.reduce((s, x) => s + x, 0) / lags.length;
    const expected = 2 * w * w * d * report.durationS;
    expect(report.conflicts.concurrent).toBeGreaterThan(0.9 * expected);
    expect(report.conflicts.concurrent).toBeLessThan(1.1 * expected);
    expect(report.conflicts.lostWrites).toBe(report.conflicts.concurrent); // LWW drops one write of each pair
    expect(report.conflicts.merged).toBe(0);
  });

  it('loses nothing under a CRDT: every concurrent pair is merged, as its type merges', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { conflict: 'crdt', crdtType: 'set' }));
    expect(report.conflicts.concurrent).toBeGreaterThan(10);
    expect(report.conflicts.merged).toBe(report.conflicts.concurrent);
    expect(report.conflicts.lostWrites).toBe(0);
    expect(report.conflicts.examples[0]?.kept).toBe('both (set: the union of the adds)');
  });

  it('applies the named application rule: region priority keeps the first-listed region\'s write', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { conflict: 'app-merge', mergeRule: 'region-priority' }));
    expect(report.conflicts.merged).toBe(report.conflicts.concurrent);
    expect(report.conflicts.examples.every((e) => e.kept === 'us-east')).toBe(true);
  });

  it('keeps the write that was really earlier when the other region\'s clock runs behind (LWW with skew)', () => {
    const skewed = hotKey(2, { durationS: 1200 });
    const behind = { ...skewed, regions: skewed.regions.map((r) => (r.id === 'eu-west' ? { ...r, clockSkewMs: -200 } : r)) };
    const report = runScenario(behind);
    // A 200-ms-slow clock loses every race it should win: about half of the pairs, those where London wrote second.
    expect(report.conflicts.wrongWinner).toBeGreaterThan(0.35 * report.conflicts.lostWrites);
    expect(report.conflicts.wrongWinner).toBeLessThan(0.65 * report.conflicts.lostWrites);
    const example = report.conflicts.examples.find((e) => e.wrongWinner);
    expect(example?.kept).toBe(example?.first.region);
    expect(runScenario(hotKey(2, { durationS: 1200 })).conflicts.wrongWinner).toBe(0);
  });

  it('never happens under home-region: each region owns its users\' keys', () => {
    const report = runScenario(hotKey(20, { durationS: 300 }, { topology: 'home-region' }));
    expect(report.requests.ok).toBeGreaterThan(10_000);
    expect(report.conflicts.concurrent).toBe(0);
  });

  it('loses no write under sync replication: the commits are ordered', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { replication: 'sync' }));
    expect(report.conflicts.lostWrites).toBe(0);
  });
});
