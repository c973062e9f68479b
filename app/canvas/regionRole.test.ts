import { describe, expect, it } from 'vitest';
import { regionRoles } from './regionRole.ts';
import { REGION_DARK, REGION_WRITER } from '../../engine/snapshot.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

function scenario(overrides: object = {}): Scenario {
  const parsed = parseScenario({ ...defaultScenario, ...overrides });
  if (!parsed.ok) throw new Error('test scenario should be valid');
  return parsed.scenario;
}

const ids = ['us-east', 'eu-west', 'ap-northeast'];
const live = (...state: number[]) => ({ regionIds: ids, state });

describe('region roles follow the run', () => {
  const s = scenario();
  it('before any window, the configured primary is the primary', () => {
    expect(s.data.topology).toBe('active-passive');
    expect([...regionRoles(s, null)]).toEqual([['us-east', 'primary']]);
  });
  it('a dark primary with nobody promoted yet is the primary, down', () => {
    expect([...regionRoles(s, live(REGION_WRITER | REGION_DARK, 0, 0))]).toEqual([['us-east', 'primary-down']]);
  });
  it('after a promotion the new primary is marked and the old one is down', () => {
    const roles = regionRoles(s, live(REGION_DARK, REGION_WRITER, 0));
    expect(roles.get('eu-west')).toBe('primary');
    expect(roles.get('us-east')).toBe('former-down');
    expect(roles.has('ap-northeast')).toBe(false);
  });
  it('an old primary back and fenced is demoted', () => {
    expect(regionRoles(s, live(0, REGION_WRITER, 0)).get('us-east')).toBe('demoted');
  });
  it('in a split brain both primaries show, and an unfenced old primary still dark is not one yet', () => {
    expect([...regionRoles(s, live(REGION_WRITER, REGION_WRITER, 0))]).toEqual([['us-east', 'primary'], ['eu-west', 'primary']]);
    expect(regionRoles(s, live(REGION_WRITER | REGION_DARK, REGION_WRITER, 0)).get('us-east')).toBe('former-down');
  });
  it('a topology without a single writer has no roles', () => {
    const activeActive = scenario({ data: { ...defaultScenario.data, topology: 'active-active' } });
    expect(regionRoles(activeActive, live(0, 0, 0)).size).toBe(0);
  });
});
