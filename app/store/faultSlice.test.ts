import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { createAppStore } from './index.ts';

function store() {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('default scenario invalid');
  return createAppStore(parsed.scenario);
}

describe('faults in the store', () => {
  it('records an injected fault and removes it again, keeping the scenario valid', () => {
    const s = store();
    s.getState().faultInjected({ kind: 'capacity-loss', atS: 12.34, region: 'eu-west', fraction: 0.5 });
    s.getState().regionFailureToggled('us-east', 20);
    expect(s.getState().scenario.faults.map((f) => [f.kind, f.atS])).toEqual([
      ['capacity-loss', 12.3],
      ['region-down', 20],
    ]);
    s.getState().faultRemoved(0);
    expect(s.getState().scenario.faults.map((f) => f.kind)).toEqual(['region-down']);
    expect(parseScenario(s.getState().scenario).ok).toBe(true);
    s.getState().undoRequested();
    expect(s.getState().scenario.faults.map((f) => f.kind)).toEqual(['capacity-loss', 'region-down']);
  });

  it('ignores removing a fault that is not there', () => {
    const s = store();
    const before = s.getState().scenario;
    s.getState().faultRemoved(3);
    expect(s.getState().scenario).toBe(before);
    expect(s.getState().notices).toEqual([]);
  });

  it('opens and closes a region fault menu', () => {
    const s = store();
    s.getState().faultMenuOpened('eu-west');
    expect(s.getState().faultMenuRegion).toBe('eu-west');
    s.getState().faultMenuOpened(null);
    expect(s.getState().faultMenuRegion).toBeNull();
  });
});
