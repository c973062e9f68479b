import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';

/** The default regions and users, home-region writes, and an EU-pinned PII dataset. */
function gdpr(pinned: boolean, overrides: Partial<ScenarioInput> = {}) {
  const parsed = parseScenario({
    ...defaultScenario,
    durationS: 120,
    simulation: { mode: 'exact' },
    data: {
      topology: 'home-region',
      replication: 'async',
      datasets: [{ id: 'profiles', class: 'pii', placement: 'jurisdiction', pinned }],
    },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runScenario(parsed.scenario);
}

const kinds = (report: ReturnType<typeof runScenario>, user: string) =>
  report.compliance.violations.filter((v) => v.from.endsWith(`:${user}`)).map((v) => `${v.kind} ${v.to}`);

describe('data sovereignty', () => {
  it('reports EU PII replicated to a US region when replication ignores the placement', () => {
    const report = gdpr(false);
    expect(kinds(report, 'berlin')).toEqual(expect.arrayContaining(['replicated-outside us-east', 'replicated-outside ap-northeast']));
    const violation = report.compliance.violations.find((v) => v.kind === 'replicated-outside' && v.from === 'EU:berlin' && v.to === 'us-east');
    expect(violation?.dataClass).toBe('pii');
    expect(violation?.count).toBeGreaterThan(100);
    expect(violation?.detail).toContain('replicated to us-east (US)');
  });

  it('reports nothing for pinned EU PII that stays in the EU', () => {
    expect(kinds(gdpr(true), 'berlin')).toEqual([]);
  });

  it('reports a failover that moves pinned EU PII out of the EU', () => {
    const report = gdpr(true, { faults: [{ kind: 'region-down', atS: 30, region: 'eu-west' }] });
    const moved = report.compliance.violations.find((v) => v.kind === 'failover-breaks-pinning' && v.from === 'EU:berlin');
    expect(moved?.to).toBe('us-east');
    expect(moved?.firstAtS).toBeGreaterThan(30);
    expect(moved?.detail).toContain('this failover breaks GDPR pinning');
  });

  it('reports EU PII written in the US under a US primary', () => {
    const report = gdpr(true, { data: { topology: 'active-passive', primary: 'us-east', datasets: [{ id: 'profiles', class: 'pii', placement: 'jurisdiction' }] } });
    expect(kinds(report, 'berlin')).toContain('stored-outside us-east');
  });

  it('checks nothing when no datasets are declared', () => {
    const parsed = parseScenario({ ...defaultScenario, durationS: 20 });
    if (!parsed.ok) throw new Error('invalid');
    expect(runScenario(parsed.scenario).compliance.violations).toEqual([]);
  });
});
