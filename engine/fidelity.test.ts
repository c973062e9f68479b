/**
 * The two fidelities agree (issue 3): on scenarios small enough to simulate every request, the aggregate mode
 * (fluid queues and a sample of requests, each standing for several) gives per-population p50 and p99 within
 * 5% and error counts within 5% of the exact mode. Same scenario, same seed; only the mode differs.
 */
import { describe, expect, it } from 'vitest';
import type { Report, UserReport } from './report.ts';
import { defaultScenario } from './scenario/defaultScenario.ts';
import { parseScenario } from './scenario/parse.ts';
import type { ScenarioInput } from './scenario/schema.ts';
import { runScenario } from './simulation.ts';

/** Runs `input` both ways. samplesPerSecond is below the total qps, so the aggregate run really samples. */
function bothWays(input: ScenarioInput, samplesPerSecond: number): { exact: Report; aggregate: Report } {
  const run = (mode: 'exact' | 'aggregate'): Report => {
    const result = parseScenario({ ...input, simulation: { mode, samplesPerSecond } });
    if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
    const totalQps = result.scenario.users.reduce((sum, u) => sum + u.qps, 0);
    expect(samplesPerSecond).toBeLessThan(totalQps);
    return runScenario(result.scenario);
  };
  const exact = run('exact');
  const aggregate = run('aggregate');
  expect(exact.fidelity).toBe('exact');
  expect(aggregate.fidelity).toBe('aggregate');
  return { exact, aggregate };
}

const relative = (value: number | null, reference: number | null): number => Math.abs((value as number) / (reference as number) - 1);

/**
 * Per population: read p50 and p99 within 5%; write p50 within 5% and write p99 within 10% (a population's
 * writes are a fifth of its requests, and the aggregate run samples about half of those: its p99 is noisier);
 * failed counts within 5%, or within `failedSlack` when they are small.
 */
function expectAgreement({ exact, aggregate }: { exact: Report; aggregate: Report }, failedSlack = 300): void {
  for (const e of exact.users) {
    const a = aggregate.users.find((u) => u.id === e.id) as UserReport;
    expect(relative(a.read.p50, e.read.p50), `${e.id} read p50 ${a.read.p50} vs ${e.read.p50}`).toBeLessThanOrEqual(0.05);
    expect(relative(a.read.p99, e.read.p99), `${e.id} read p99 ${a.read.p99} vs ${e.read.p99}`).toBeLessThanOrEqual(0.05);
    if (e.write.count > 0) {
      expect(relative(a.write.p50, e.write.p50), `${e.id} write p50 ${a.write.p50} vs ${e.write.p50}`).toBeLessThanOrEqual(0.05);
      expect(relative(a.write.p99, e.write.p99), `${e.id} write p99 ${a.write.p99} vs ${e.write.p99}`).toBeLessThanOrEqual(0.1);
    }
    expect(Math.abs(a.failed - e.failed), `${e.id} failed ${a.failed} vs ${e.failed}`).toBeLessThanOrEqual(Math.max(0.05 * e.failed, failedSlack));
  }
  const { total, failed } = exact.requests;
  expect(Math.abs(aggregate.requests.total / total - 1)).toBeLessThan(0.02);
  expect(Math.abs(aggregate.requests.failed - failed)).toBeLessThanOrEqual(Math.max(0.05 * failed, failedSlack));
}

/** The seed's capacity example (3 x 1000 qps on 3 x 1500), with balance "latency": us-east overloads once eu-west fails. */
function capacityExample(failS: number, durationS: number): ScenarioInput {
  return {
    version: 1,
    seed: 1,
    durationS,
    regions: [
      { id: 'us-east', catalog: 'aws:us-east-1', capacityQps: 1500 },
      { id: 'eu-west', catalog: 'aws:eu-west-1', capacityQps: 1500 },
      { id: 'ap-northeast', catalog: 'aws:ap-northeast-1', capacityQps: 1500 },
    ],
    users: [
      { id: 'new-york', lat: 40.71, lon: -74.01, qps: 1000, writeRatio: 0 },
      { id: 'berlin', lat: 52.52, lon: 13.4, qps: 1000, writeRatio: 0 },
      { id: 'tokyo', lat: 35.68, lon: 139.69, qps: 1000, writeRatio: 0 },
    ],
    routing: { policy: 'global-lb', balance: 'latency', healthCheck: { intervalS: 2, timeoutS: 1, failureThreshold: 3 } },
    data: { topology: 'active-active' },
    faults: [{ kind: 'region-down', atS: failS, region: 'eu-west' }],
  };
}

describe('aggregate and exact runs agree', () => {
  it('on the default scenario (60 s, reads and forwarded writes, no failure)', () => {
    const runs = bothWays({ ...defaultScenario, durationS: 60 }, 800);
    expect(runs.exact.requests.failed).toBe(0);
    expectAgreement(runs);
  });

  it('through a failover: eu-west dark at 5 s, GeoDNS drains Berlin over a 30-s TTL', () => {
    const runs = bothWays(
      {
        ...defaultScenario,
        durationS: 60,
        routing: { policy: 'geodns', dnsTtlS: 30, healthCheck: { intervalS: 2, timeoutS: 1, failureThreshold: 2 } },
        faults: [{ kind: 'region-down', atS: 5, region: 'eu-west' }],
      },
      800,
    );
    expect(runs.exact.users.find((u) => u.id === 'berlin')?.failed).toBeGreaterThan(3000);
    expect(runs.aggregate.failovers).toEqual(runs.exact.failovers.map((f) => ({ ...f, errorsByUser: expect.any(Object) })));
    expectAgreement(runs);
  });

  it('in overload: the capacity example with balance "latency", us-east offered 2000 qps on 1500', () => {
    const runs = bothWays(capacityExample(2, 60), 2000);
    expect(runs.exact.users.find((u) => u.id === 'new-york')?.failed).toBeGreaterThan(5000);
    expectAgreement(runs, 0);
  });
});
