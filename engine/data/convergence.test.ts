import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';

/** The default world, active-active and async: every region writes every key, so replicas can disagree. */
function scenario(faults: ScenarioInput['faults'], data: Partial<NonNullable<ScenarioInput['data']>>, seed = 1): Scenario {
  const parsed = parseScenario({
    ...defaultScenario,
    seed,
    durationS: 60,
    simulation: { mode: 'exact' },
    workload: { keyCount: 50 },
    regions: defaultScenario.regions.map((r, i) => ({ ...r, clockSkewMs: [0, 40, -25][i] })),
    faults,
    data: { ...defaultScenario.data, topology: 'active-active', replication: 'async', ...data },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const partitionThenHeal = (cutS: number, healS: number): ScenarioInput['faults'] => [
  { kind: 'partition', atS: cutS, from: 'us-east', to: 'eu-west' },
  { kind: 'partition', atS: cutS, from: 'eu-west', to: 'ap-northeast' },
  { kind: 'link-heal', atS: healS, from: 'us-east', to: 'eu-west' },
  { kind: 'link-heal', atS: healS, from: 'eu-west', to: 'ap-northeast' },
];

describe('replica convergence in a run', () => {
  it('every merge rule converges once a partition heals, whatever the seed and the partition (seeded property)', () => {
    const rules: Partial<NonNullable<ScenarioInput['data']>>[] = [
      { conflict: 'lww' },
      { conflict: 'crdt', crdtType: 'counter' },
      { conflict: 'crdt', crdtType: 'set' },
      { conflict: 'crdt', crdtType: 'mv-register' },
      { conflict: 'app-merge', mergeRule: 'max' },
      { conflict: 'app-merge', mergeRule: 'region-priority' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 5, max: 30 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(...rules), (seed, cutS, lengthS, rule) => {
        const report = runScenario(scenario(partitionThenHeal(cutS, cutS + lengthS), rule, seed));
        expect(report.conflicts.concurrentPairs).toBeGreaterThan(0); // the partition made the replicas disagree...
        expect(report.convergence.trackedKeys).toBe(50);
        expect(report.convergence.divergentAfterDelivery).toBe(0); // ...and they agree once replication catches up
      }),
      { numRuns: 8, seed: 3 },
    );
  });

  it('shows replicas apart while a partition still stands at the end, with each replica\'s value', () => {
    const report = runScenario(scenario([{ kind: 'partition', atS: 30, from: 'us-east', to: 'eu-west' }], { conflict: 'lww' }));
    expect(report.convergence.divergentAfterDelivery).toBeGreaterThan(10);
    const example = report.convergence.examples[0];
    expect(example?.values.map((v) => v.region)).toEqual(['us-east', 'eu-west', 'ap-northeast']);
    expect(new Set(example?.values.map((v) => v.value)).size).toBeGreaterThan(1);
  });

  it('lets a replica that never heard of writes it was owed catch up from a surviving holder', () => {
    // us-east dies; the writes it had shipped to eu-west only (ap-northeast cut off) reach ap-northeast from eu-west.
    const report = runScenario(
      scenario(
        [
          { kind: 'partition', atS: 20, from: 'us-east', to: 'ap-northeast' },
          { kind: 'region-down', atS: 30, region: 'us-east' },
        ],
        { conflict: 'crdt', crdtType: 'set' },
      ),
    );
    // Only what was still on its way to eu-west (~40 ms of New York's ~80 writes/s) is lost...
    expect(report.dataLoss.ackedWritesLost).toBeLessThan(10);
    // ...while the ten seconds of writes ap-northeast missed reach it from eu-west.
    expect(report.convergence.divergentAfterDelivery).toBe(0);
  });
});
