import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import { runScenario } from '../simulation.ts';
import { CheckSchema, evaluateCheck } from './check.ts';
import { parseMetric, readMetric } from './metrics.ts';

const parsed = parseScenario({ ...defaultScenario, durationS: 20, faults: [{ kind: 'region-down', atS: 5, region: 'us-east' }] });
if (!parsed.ok) throw new Error('invalid');
const report = runScenario(parsed.scenario);

describe('metrics and checks', () => {
  it('read the report by name, with arguments after colons', () => {
    expect(readMetric(report, 'readP50Ms:berlin')).toBe(report.users.find((u) => u.id === 'berlin')?.read.p50);
    expect(readMetric(report, 'ackedWritesLost')).toBe(report.dataLoss.ackedWritesLost);
    expect(readMetric(report, 'utilizationMax:eu-west')).toBe(report.regions.find((r) => r.id === 'eu-west')?.utilization.max);
    expect(readMetric(report, 'readP50Ms:nobody')).toBeNull();
  });

  it('know which names are valid', () => {
    expect(parseMetric('lagP99Ms:us-east:eu-west')).toEqual({ id: 'lagP99Ms', args: ['us-east', 'eu-west'] });
    expect(parseMetric('rtoS')).toEqual({ id: 'rtoS', args: [] });
    expect(parseMetric('rtoS:eu-west')).toEqual({ id: 'rtoS', args: ['eu-west'] });
    expect(parseMetric('readP50Ms')).toBeNull(); // needs a population
    expect(parseMetric('constructor')).toBeNull(); // not an own key
    expect(parseMetric('toString:x')).toBeNull();
  });

  it('pass inside the bounds, fail outside them and when the run has no value', () => {
    const lost = report.dataLoss.ackedWritesLost;
    expect(evaluateCheck(report, { metric: 'ackedWritesLost', atMost: lost }).passed).toBe(true);
    expect(evaluateCheck(report, { metric: 'ackedWritesLost', atMost: lost - 1 }).passed).toBe(false);
    expect(evaluateCheck(report, { metric: 'rtoS:ap-northeast', atMost: 1000 }).passed).toBe(false); // no such failover
    expect(evaluateCheck(report, { metric: 'ackedWritesLost', atLeast: 1, label: 'we lose writes' }).text).toBe(`we lose writes: ${lost} (at least 1): pass`);
  });

  it('validate as data: a known metric and at least one bound', () => {
    expect(CheckSchema.safeParse({ metric: 'rtoS', atMost: 60 }).success).toBe(true);
    expect(CheckSchema.safeParse({ metric: 'rtoS' }).success).toBe(false);
    expect(CheckSchema.safeParse({ metric: 'rtoS<script>', atMost: 1 }).success).toBe(false);
  });
});

describe('values with units', () => {
  it('formats shares as percentages, times with their unit, costs in dollars', async () => {
    const { formatMetricValue } = await import('./metrics.ts');
    expect(formatMetricValue('availability', 0.99123)).toBe('99.12%');
    expect(formatMetricValue('readP50Ms:berlin', 45.06)).toBe('45 ms');
    expect(formatMetricValue('writeP50Ms:berlin', 183.2)).toBe('183 ms');
    expect(formatMetricValue('rtoS', 33.71)).toBe('33.7 s');
    expect(formatMetricValue('rpoS', 0.0312)).toBe('31 ms'); // the one duration format, as the page writes it
    expect(formatMetricValue('utilizationMax:us-west', 1.06)).toBe('106% of capacity');
    expect(formatMetricValue('costUsdPerHour', 3.342)).toBe('$3.34/h');
    expect(formatMetricValue('ackedWritesLost', 7)).toBe('7');
  });
});
