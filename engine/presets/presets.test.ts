import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../outcomes/check.ts';
import { runScenario } from '../simulation.ts';
import { PRESETS, findPreset, parsePreset } from './presets.ts';

describe('presets', () => {
  it('have unique ids, and each says what to notice and what it must show', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(PRESETS.length).toBeGreaterThanOrEqual(20);
    for (const preset of PRESETS) {
      expect(preset.notice.length).toBeGreaterThan(0);
      expect(preset.expected.length).toBeGreaterThan(0);
    }
  });

  // The golden outcomes: each preset, run with its own seed, lands inside every range it states.
  for (const preset of PRESETS) {
    it(`${preset.id}: ${preset.title} shows what it promises`, () => {
      const results = evaluateChecks(runScenario(preset.scenario), preset.expected);
      expect(results.filter((r) => !r.passed).map((r) => r.text)).toEqual([]);
    });
  }

  it('fail their checks when the scenario no longer shows the lesson (async turned sync loses nothing)', () => {
    const preset = findPreset('replication-async');
    if (!preset) throw new Error('missing');
    const report = runScenario({ ...preset.scenario, data: { ...preset.scenario.data, replication: 'sync' } });
    const failed = evaluateChecks(report, preset.expected).filter((r) => !r.passed);
    expect(failed.map((r) => r.check.metric)).toEqual(['ackedWritesLost', 'rpoS', 'writeP50Ms:new-york']);
  });

  it('reject a file with an unknown metric or an invalid scenario, with the path of each problem', () => {
    const preset = findPreset('active-passive');
    const bad = parsePreset({
      id: 'x',
      group: 'g',
      title: 't',
      summary: 's',
      notice: ['n'],
      expected: [{ metric: 'nonsense', atMost: 1 }],
      scenario: { ...preset?.scenario, durationS: -1 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^expected\.0\.metric: must be a known metric/);
    const badScenario = parsePreset({ id: 'x', group: 'g', title: 't', summary: 's', notice: ['n'], expected: [], scenario: { ...preset?.scenario, durationS: -1 } });
    expect(badScenario.ok).toBe(false);
    if (!badScenario.ok) expect(badScenario.errors).toEqual(['scenario.durationS: must be greater than 0']);
  });
});
