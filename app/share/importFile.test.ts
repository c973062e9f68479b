import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { classifyImport } from './importFile.ts';

describe('importing a file', () => {
  it('recognises a scenario, a preset and a drill', () => {
    expect(classifyImport('a.json', JSON.stringify(defaultScenario)).kind).toBe('scenario');
    expect(classifyImport('p.json', JSON.stringify({ id: 'x', scenario: {}, expected: [] })).kind).toBe('preset');
    expect(classifyImport('d.json', JSON.stringify({ id: 'x', steps: [] })).kind).toBe('drill');
  });

  it('refuses what is not JSON or not valid, saying why, without evaluating anything', () => {
    const notJson = classifyImport('x.json', '<script>alert(1)</script>');
    expect(notJson).toEqual({ kind: 'error', text: 'x.json is not JSON: nothing was changed.', details: [] });
    const invalid = classifyImport('bad.json', JSON.stringify({ ...defaultScenario, durationS: -5 }));
    expect(invalid.kind).toBe('error');
    if (invalid.kind === 'error') expect(invalid.details).toContain('durationS: must be greater than 0');
    expect(classifyImport('arr.json', '[1,2]').kind).toBe('error');
  });
});
