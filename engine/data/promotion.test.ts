import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { createSimulation } from '../simulation.ts';

/** The default scenario (US primary) with the primary dark at 30 s. */
function primaryFails(data: Partial<NonNullable<ScenarioInput['data']>>, faults: ScenarioInput['faults'] = [], durationS = 120) {
  const parsed = parseScenario({
    ...defaultScenario,
    durationS,
    workload: { keyCount: 50 },
    simulation: { mode: 'exact' },
    data: { ...defaultScenario.data, ...data },
    faults: [{ kind: 'region-down', atS: 30, region: 'us-east' }, ...(faults ?? [])],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const simulation = createSimulation(parsed.scenario);
  simulation.advanceTo(durationS);
  return { windows: simulation.takeWindows(), report: simulation.report() };
}

describe('active-passive promotion', () => {
  it('promotes the nearest surviving standby when health checks find the primary down, and writes resume', () => {
    const { windows, report } = primaryFails({ promotion: 'automatic' });
    const failover = report.failovers[0];
    expect(failover?.newPrimary).toBe('eu-west');
    expect(failover?.promotedAtS).toBe(failover?.detectedAtS);
    const tokyo = report.users.findIndex((u) => u.id === 'tokyo');
    const promotedS = failover?.promotedAtS ?? 0;
    for (const w of windows.filter((x) => x.startS > promotedS + 3)) expect(w.users[tokyo]?.writeP50Ms).toBeGreaterThan(0);
    for (const w of windows.filter((x) => x.startS > 33 && x.startS + 1 <= (failover?.detectedAtS ?? 0))) {
      expect(Number.isNaN(w.users[tokyo]?.writeP50Ms)).toBe(true); // no primary, no write
    }
  });

  it('waits for the operator under manual promotion: minutes without writes', () => {
    const { report } = primaryFails({ promotion: 'manual', manualPromotionS: 60 });
    const failover = report.failovers[0];
    expect((failover?.promotedAtS ?? 0) - (failover?.detectedAtS ?? 0)).toBeCloseTo(60, 5);
  });

  it('shows the split brain when the old primary comes back unfenced: both take writes and they conflict', () => {
    const back = [{ kind: 'region-up' as const, atS: 70, region: 'us-east' }];
    const unfenced = primaryFails({ fencing: false }, back, 150);
    const fenced = primaryFails({ fencing: true }, back, 150);
    expect(unfenced.report.failovers[0]?.splitBrainAtS).toBe(70);
    expect(fenced.report.failovers[0]?.splitBrainAtS).toBeNull();
    expect(unfenced.report.conflicts.concurrentPairs).toBeGreaterThan(10);
    expect(fenced.report.conflicts.concurrentPairs).toBe(0);
  });
});

describe('home-region promotion', () => {
  function homeFails(regions: ScenarioInput['regions'], homeFailover: 'same-jurisdiction' | 'nearest' | 'none') {
    const parsed = parseScenario({
      version: 1,
      seed: 1,
      durationS: 120,
      regions,
      users: [{ id: 'berlin', lat: 52.52, lon: 13.4, qps: 100, writeRatio: 0.5, jurisdiction: 'EU' }],
      routing: { policy: 'global-lb', healthCheck: { intervalS: 5, timeoutS: 1, failureThreshold: 2 } },
      data: { topology: 'home-region', homeFailover, datasets: [{ id: 'profiles', class: 'pii', placement: 'jurisdiction' }] },
      faults: [{ kind: 'region-down', atS: 30, region: 'eu-central' }],
      simulation: { mode: 'exact' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const simulation = createSimulation(parsed.scenario);
    simulation.advanceTo(120);
    return { windows: simulation.takeWindows(), report: simulation.report() };
  }
  const threeRegions: ScenarioInput['regions'] = [
    { id: 'eu-central', catalog: 'aws:eu-central-1' },
    { id: 'eu-west', catalog: 'aws:eu-west-1' },
    { id: 'us-east', catalog: 'aws:us-east-1' },
  ];

  it('moves a failed home region\'s data to a surviving region of the same jurisdiction: writes resume, GDPR holds', () => {
    const { windows, report } = homeFails(threeRegions, 'same-jurisdiction');
    const failover = report.failovers[0];
    expect(failover?.newPrimary).toBe('eu-west');
    for (const w of windows.filter((x) => x.startS > (failover?.promotedAtS ?? 0) + 3)) expect(w.users[0]?.writeP50Ms).toBeGreaterThan(0);
    expect(report.compliance.violations.filter((v) => v.kind === 'stored-outside')).toEqual([]);
  });

  it('keeps the data home when no region of its jurisdiction survives, and says when a nearest-anywhere policy moves it out', () => {
    const noOtherEu = threeRegions.filter((r) => r.id !== 'eu-west');
    const stay = homeFails(noOtherEu, 'same-jurisdiction');
    expect(stay.report.failovers[0]?.newPrimary).toBeNull();
    const move = homeFails(noOtherEu, 'nearest');
    expect(move.report.failovers[0]?.newPrimary).toBe('us-east');
    expect(move.report.compliance.violations.some((v) => v.kind === 'stored-outside' && v.to === 'us-east')).toBe(true);
  });
});

describe('writes during a failover', () => {
  function failover(duringFailover: 'fail' | 'queue') {
    const parsed = parseScenario({
      ...defaultScenario,
      durationS: 60,
      workload: { timeoutMs: 30_000 },
      routing: { policy: 'geodns', healthCheck: { intervalS: 2, timeoutS: 1, failureThreshold: 2 } },
      data: { ...defaultScenario.data, duringFailover },
      faults: [{ kind: 'region-down', atS: 20, region: 'us-east' }],
      simulation: { mode: 'exact' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return createSimulation(parsed.scenario);
  }

  it('queue: writes held at the entry region go to the promoted primary, slow but not lost', () => {
    const queued = failover('queue');
    queued.advanceTo(60);
    const failing = failover('fail');
    failing.advanceTo(60);
    const tokyo = (s: ReturnType<typeof failover>) => s.report().users.find((u) => u.id === 'tokyo');
    expect(tokyo(queued)?.failed).toBeLessThan(5);
    expect(tokyo(failing)?.failed).toBeGreaterThan(100); // its writes to the dark primary, until promotion
    expect(tokyo(queued)?.write.p99).toBeGreaterThan(1000); // the queued ones waited seconds
  });
});
