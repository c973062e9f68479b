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
  /** The one-way lag d, s: the mean of both links' median lags (one-way delay plus half a batch, a few µs sending). */
  const lagS = (report: ReturnType<typeof runScenario>): number => report.links.reduce((sum, l) => sum + (l.lagMs.p50 ?? 0) / 1000, 0) / report.links.length;

  it('happen at 2 x w1 x w2 x d pairs per second, d the one-way replication delay', () => {
    // Poisson writes at w per region: a write at A is concurrent with B's writes of the d before it (not yet at A)
    // and of the d after it (committed before A's write reached B), so pairs come at w x w x 2d per second.
    const w = 2; // w x d is about 0.08
    const report = runScenario(hotKey(w));
    const expected = 2 * w * w * lagS(report) * report.durationS;
    expect(report.conflicts.concurrentPairs).toBeGreaterThan(0.9 * expected);
    expect(report.conflicts.concurrentPairs).toBeLessThan(1.1 * expected);
    // LWW drops one write of each pair; a write caught in two pairs (rare at this w x d) is dropped once.
    expect(report.conflicts.lwwDiscardedWrites).toBeLessThanOrEqual(report.conflicts.concurrentPairs);
    expect(report.conflicts.lwwDiscardedWrites).toBeGreaterThan(0.9 * report.conflicts.concurrentPairs);
    expect(report.conflicts.mergedPairs).toBe(0);
  });

  it('counts every concurrent pair when w x d is large, and LWW drops a write whenever a later one had not seen it', () => {
    // w x d = 2: each write is concurrent with ~4 others. Counting only consecutive pairs gives 58% too few.
    const w = 50;
    const report = runScenario(hotKey(w, { durationS: 60 }));
    const d = lagS(report);
    expect(w * d).toBeGreaterThan(1.8);
    const pairs = 2 * w * w * d * report.durationS;
    expect(report.conflicts.concurrentPairs).toBeGreaterThan(0.92 * pairs);
    expect(report.conflicts.concurrentPairs).toBeLessThan(1.08 * pairs);
    // A write at A survives only if B writes nothing in the d after it (a B write then had not seen it and carries
    // a later timestamp): each of the 2 w T writes is dropped with probability 1 - exp(-w d).
    const dropped = 2 * w * report.durationS * (1 - Math.exp(-w * d));
    expect(report.conflicts.lwwDiscardedWrites).toBeGreaterThan(0.92 * dropped);
    expect(report.conflicts.lwwDiscardedWrites).toBeLessThan(1.08 * dropped);
  });

  it('loses nothing under a CRDT: every concurrent pair is merged, as its type merges', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { conflict: 'crdt', crdtType: 'set' }));
    expect(report.conflicts.concurrentPairs).toBeGreaterThan(10);
    expect(report.conflicts.mergedPairs).toBe(report.conflicts.concurrentPairs);
    expect(report.conflicts.lwwDiscardedWrites).toBe(0);
    expect(report.conflicts.examples[0]?.kept).toBe('both (set: the union of the adds)');
  });

  it('applies the named application rule: region priority keeps the first-listed region\'s write', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { conflict: 'app-merge', mergeRule: 'region-priority' }));
    expect(report.conflicts.mergedPairs).toBe(report.conflicts.concurrentPairs);
    expect(report.conflicts.examples.every((e) => e.kept === 'us-east')).toBe(true);
  });

  it('drops a later write whose clock runs behind, even one that had seen the other (LWW with skew beyond the delay)', () => {
    const skewed = hotKey(2, { durationS: 1200 });
    const skewS = 0.2; // London's clock is 200 ms behind, five times the replication delay
    const behind = { ...skewed, regions: skewed.regions.map((r) => (r.id === 'eu-west' ? { ...r, clockSkewMs: -skewS * 1000 } : r)) };
    const report = runScenario(behind);
    const w = 2;
    const d = lagS(report);
    const londonWrites = w * report.durationS;
    // A London write at t carries t - 0.2: any New York write of (t - 0.2, t) already outranks it, though London
    // had seen it (the later write is lost), and any New York write of (t, t + d) had not seen it and outranks it.
    const laterLost = londonWrites * (1 - Math.exp(-w * skewS));
    const lost = londonWrites * (1 - Math.exp(-w * (skewS + d)));
    expect(report.conflicts.lwwDiscardedLaterWrites).toBeGreaterThan(0.9 * laterLost);
    expect(report.conflicts.lwwDiscardedLaterWrites).toBeLessThan(1.1 * laterLost);
    // New York's writes always carry the greater timestamp of any pair that had not seen each other: none is lost.
    expect(report.conflicts.lwwDiscardedWrites).toBeGreaterThan(0.9 * lost);
    expect(report.conflicts.lwwDiscardedWrites).toBeLessThan(1.1 * lost);
    const example = report.conflicts.examples.find((e) => e.wrongWinner);
    expect(example?.kept).toBe('us-east');
    expect(example?.first.region).toBe('us-east');
    expect(runScenario(hotKey(2, { durationS: 1200 })).conflicts.lwwDiscardedLaterWrites).toBe(0);
  });

  it('never happens under home-region: each region owns its users\' keys', () => {
    const report = runScenario(hotKey(20, { durationS: 300 }, { topology: 'home-region' }));
    expect(report.requests.ok).toBeGreaterThan(10_000);
    expect(report.conflicts.concurrentPairs).toBe(0);
  });

  it('loses no write under sync replication: the commits are ordered', () => {
    const report = runScenario(hotKey(2, { durationS: 600 }, { replication: 'sync' }));
    expect(report.conflicts.lwwDiscardedWrites).toBe(0);
  });
});

describe('conflict examples', () => {
  // Each example re-derived from its own two writes: LWW keeps the greater (timestamp, region index); the kept
  // write is the wrong winner when it is the one that really committed first (a skewed clock ran ahead).
  it('name the LWW winner and its wrong-winner flag as the two writes say, earlier write first, at most 50', () => {
    const scenario = hotKey(5, { durationS: 600, regions: [{ id: 'us-east', catalog: 'aws:us-east-1', clockSkewMs: 150 }, { id: 'eu-west', catalog: 'aws:eu-west-1' }] });
    const report = runScenario(scenario);
    const order = scenario.regions.map((r) => r.id);
    expect(report.conflicts.concurrentPairs).toBeGreaterThan(100);
    expect(report.conflicts.examples).toHaveLength(50);
    let wrong = 0;
    for (const example of report.conflicts.examples) {
      const { first, second } = example;
      expect(first.atS).toBeLessThanOrEqual(second.atS);
      expect(first.region).not.toBe(second.region);
      const secondWins = second.stampS > first.stampS || (second.stampS === first.stampS && order.indexOf(second.region) > order.indexOf(first.region));
      expect(example.kept).toBe(secondWins ? second.region : first.region);
      expect(example.wrongWinner).toBe(!secondWins);
      if (example.wrongWinner) wrong++;
      // The skewed region's stamp is 150 ms ahead of its commit; the other's equals its commit.
      for (const side of [first, second]) expect(side.stampS - side.atS).toBeCloseTo(side.region === 'us-east' ? 0.15 : 0, 9);
    }
    expect(wrong).toBeGreaterThan(0); // 150 ms of skew beyond a ~38-ms one-way delay makes some
  });

  it('say how a CRDT or a merge rule resolved them', () => {
    const crdt = runScenario(hotKey(5, { durationS: 120 }, { conflict: 'crdt', crdtType: 'counter' }));
    expect(crdt.conflicts.examples.length).toBeGreaterThan(0);
    expect(crdt.conflicts.examples.every((e) => e.kept.startsWith('both (counter') && !e.wrongWinner)).toBe(true);
    const priority = runScenario(hotKey(5, { durationS: 120 }, { conflict: 'app-merge', mergeRule: 'region-priority' }));
    expect(priority.conflicts.examples.every((e) => e.kept === 'us-east')).toBe(true); // the first-listed region
  });
});
