import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import type { Fault, Scenario } from '../../engine/scenario/schema.ts';
import { faultEntries, faultFromDraft, removeFault, removesPastFault, type FaultDraft } from './faultList.ts';

function scenarioWith(faults: unknown[]): Scenario {
  const parsed = parseScenario({ ...defaultScenario, faults });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const draft: FaultDraft = {
  kind: 'region-down',
  atS: 30,
  region: 'eu-west',
  from: 'us-east',
  to: 'eu-west',
  addedMs: 200,
  errorRatePercent: 10,
  failsHealthChecks: false,
  fractionPercent: 50,
  lossPercent: 2,
  oneWay: false,
};

describe('the fault timeline', () => {
  const scenario = scenarioWith([
    { kind: 'region-up', atS: 90, region: 'eu-west' },
    { kind: 'region-down', atS: 30, region: 'eu-west' },
    { kind: 'link-degrade', atS: 30, from: 'us-east', to: 'ap-northeast', addedMs: 80, loss: 0.015 },
    { kind: 'partition', atS: 300, from: 'us-east', to: 'eu-west', direction: 'one-way' },
  ]);

  it('lists faults in time order, equal times in the order they were added, with where they sit on the run', () => {
    const entries = faultEntries(scenario.faults, 600, 60);
    expect(entries.map((e) => e.index)).toEqual([1, 2, 0, 3]);
    expect(entries.map((e) => e.past)).toEqual([true, true, false, false]);
    expect(entries[3]?.fraction).toBe(0.5);
    expect(entries.map((e) => e.target)).toEqual(['eu-west', 'us-east ↔ ap-northeast', 'eu-west', 'us-east → eu-west']);
    expect(entries[1]?.summary).toBe('link degraded: +80 ms, 1.5% loss');
  });

  it('removes exactly the fault asked for, leaves the original alone, and the result is still a valid scenario', () => {
    const removed = removeFault(scenario, 1);
    expect(removed.faults).toHaveLength(3);
    expect(removed.faults.some((f) => f.kind === 'region-down')).toBe(false);
    expect(scenario.faults).toHaveLength(4);
    expect(parseScenario(removed).ok).toBe(true);
    expect(removeFault(scenario, 9)).toBe(scenario);
    expect(removeFault(scenario, -1)).toBe(scenario);
  });

  it('tells an edit that takes back a fault already past (to be replayed) from one a live run can follow', () => {
    const faults = scenario.faults;
    expect(removesPastFault(faults, faults, 60)).toBe(false);
    expect(removesPastFault(faults, removeFault(scenario, 1).faults, 60)).toBe(true); // region-down at 30 s, now 60 s
    expect(removesPastFault(faults, removeFault(scenario, 0).faults, 60)).toBe(false); // region-up at 90 s: still ahead
    expect(removesPastFault(faults, [...faults, { kind: 'region-up', atS: 60, region: 'eu-west' }], 60)).toBe(false);
    expect(removesPastFault(faults, [...faults].reverse(), 60)).toBe(false); // same faults, another order
    const changed = faults.map((f) => (f.kind === 'link-degrade' ? { ...f, addedMs: 5 } : f));
    expect(removesPastFault(faults, changed, 60)).toBe(true);
  });

  it('turns every kind of draft into a fault the schema accepts, percentages into shares', () => {
    const kinds: Fault['kind'][] = ['region-down', 'region-up', 'gray-failure', 'capacity-loss', 'partition', 'link-degrade', 'link-heal'];
    const faults = kinds.map((kind) => faultFromDraft({ ...draft, kind }));
    expect(parseScenario({ ...defaultScenario, faults }).ok).toBe(true);
    expect(faults[2]).toEqual({ kind: 'gray-failure', atS: 30, region: 'eu-west', addedMs: 200, errorRate: 0.1, failsHealthChecks: false });
    expect(faults[3]).toEqual({ kind: 'capacity-loss', atS: 30, region: 'eu-west', fraction: 0.5 });
    expect(faultFromDraft({ ...draft, kind: 'partition', oneWay: true })).toMatchObject({ direction: 'one-way', from: 'us-east' });
    expect(faultFromDraft({ ...draft, kind: 'capacity-loss', fractionPercent: 140 })).toMatchObject({ fraction: 1 });
  });
});
