import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';

/** The default scenario (US primary), shortened, on 20 hot keys so that reads often follow writes. */
function hotKeys(reads: Scenario['data']['reads'], topology: Scenario['data']['topology'] = 'active-passive', boundedStalenessMs = 50): Scenario {
  const parsed = parseScenario({
    ...defaultScenario,
    durationS: 60,
    workload: { keyCount: 20 },
    data: { ...defaultScenario.data, topology, reads, boundedStalenessMs },
    simulation: { mode: 'exact' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const berlinRead = (report: ReturnType<typeof runScenario>) => report.users.find((u) => u.id === 'berlin')?.read.p50 ?? 0;

describe('read consistency', () => {
  it('eventual reads take the local replica: often stale, and a session can miss its own write', () => {
    const report = runScenario(hotKeys('eventual'));
    expect(report.reads.staleRatio).toBeGreaterThan(0.05);
    expect(report.reads.stalenessP99Ms).toBeGreaterThan(30);
    // Berlin writes in the US and reads in Dublin: a read sent just after the write's answer arrives (the answer
    // crossed the Atlantic as the write did, but the write may wait up to a 10-ms batch) can miss it.
    expect(report.reads.violations.readYourWrites).toBeGreaterThan(0);
    expect(report.reads.forwarded).toBe(0);
  });

  it('strong reads go to the leader: never stale, and far users pay the round trip', () => {
    const strong = runScenario(hotKeys('strong'));
    const eventual = runScenario(hotKeys('eventual'));
    expect(strong.reads.staleRatio).toBe(0);
    expect(strong.reads.violations).toEqual({ readYourWrites: 0, monotonicReads: 0 });
    expect(berlinRead(strong) - berlinRead(eventual)).toBeGreaterThan(60); // Dublin to Virginia and back
  });

  it('bounded reads are never staler than the bound', () => {
    for (const bound of [20, 50]) {
      const report = runScenario(hotKeys('bounded', 'active-passive', bound));
      expect(report.reads.stalenessP99Ms).toBeLessThanOrEqual(bound * 1.01);
      expect(report.reads.forwarded).toBeGreaterThan(0);
    }
  });

  it('session reads keep read-your-writes by forwarding, and cost less than strong ones', () => {
    const session = runScenario(hotKeys('session'));
    expect(session.reads.violations.readYourWrites).toBe(0);
    expect(session.reads.forwarded).toBeGreaterThan(0);
    expect(berlinRead(session)).toBeLessThan(berlinRead(runScenario(hotKeys('strong'))) - 30);
  });

  it('in active-active, strong reads follow the key to the region that wrote it last', () => {
    const report = runScenario(hotKeys('strong', 'active-active'));
    expect(report.reads.staleRatio).toBe(0);
    expect(report.reads.forwarded).toBeGreaterThan(1000);
  });
});
