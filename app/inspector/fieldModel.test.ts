import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { checkEdit, choicesAt, describeField, draftValue } from './fieldModel.ts';

function scenario(): Scenario {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('default scenario is invalid');
  return parsed.scenario;
}

describe('what the schema says about a field', () => {
  it('finds descriptions through defaults, arrays and nested objects', () => {
    expect(describeField(['regions', 0, 'capacityQps'])).toBe('Requests per second the region serves at full utilisation.');
    expect(describeField(['data', 'topology'])).toBe('Which regions accept writes.');
    expect(describeField(['routing', 'healthCheck', 'intervalS'])).toBe('Seconds between checks of each region.');
    expect(describeField(['nope'])).toBeUndefined();
  });

  it('lists an enum field\'s choices in the schema\'s order', () => {
    expect(choicesAt(['data', 'replication'])).toEqual(['sync', 'semi-sync', 'async']);
    expect(choicesAt(['routing', 'policy'])).toEqual(['geodns', 'anycast', 'global-lb', 'client']);
    expect(choicesAt(['data', 'datasets', 0, 'placement'])).toEqual(['home-only', 'jurisdiction', 'global']);
  });
});

describe('drafts', () => {
  it('reads numbers, clears optional fields, and says what is wrong', () => {
    expect(draftValue('number', ' 1_500 ', false)).toEqual({ ok: true, value: 1500 });
    expect(draftValue('number', 'abc', false)).toEqual({ ok: false, message: 'must be a number' });
    expect(draftValue('number', '', false)).toEqual({ ok: false, message: 'is required' });
    expect(draftValue('number', '', true)).toEqual({ ok: true, value: undefined });
    expect(draftValue('boolean', false, false)).toEqual({ ok: true, value: false });
  });
});

describe('checking an edit', () => {
  it('accepts a valid value and gives the parsed scenario', () => {
    const check = checkEdit(scenario(), ['users', 1, 'qps'], 900);
    expect(check.ok && check.candidate.users[1]?.qps).toBe(900);
  });

  it('gives the schema\'s message for the field itself', () => {
    expect(checkEdit(scenario(), ['users', 1, 'lat'], 123)).toEqual({ ok: false, message: 'must be between -90 and 90' });
    expect(checkEdit(scenario(), ['regions', 0, 'capacityQps'], -5)).toEqual({ ok: false, message: 'must be greater than 0' });
    expect(checkEdit(scenario(), ['routing', 'healthCheck', 'failureThreshold'], 2.5)).toEqual({ ok: false, message: 'must be a whole number' });
  });

  it('gives cross-field rule messages at the field they concern', () => {
    const s = checkEdit(scenario(), ['data', 'replication'], 'semi-sync');
    expect(s.ok).toBe(true);
    const withSemiSync = s.ok ? s.candidate : scenario();
    expect(checkEdit(withSemiSync, ['data', 'quorum'], 3)).toEqual({ ok: false, message: 'must be at most the number of other regions (2)' });
    expect(checkEdit(scenario(), ['data', 'primary'], 'nowhere')).toEqual({ ok: false, message: 'no region has the id "nowhere"' });
  });
});
