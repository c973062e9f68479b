import { describe, expect, it } from 'vitest';
import { compareRow } from './compareRows.ts';
import type { DiffRow } from '../../engine/export/reportDiff.ts';

const diff = (metric: string, a: number | null, b: number | null, lowerIsBetter = true): DiffRow => ({
  metric,
  label: metric,
  a,
  b,
  delta: a === null || b === null ? null : b - a,
  lowerIsBetter,
  verdict: 'n/a',
});

describe('compare rows: one verdict rule, units and formats as elsewhere on the page', () => {
  it('writes availability as a percentage and calls a visible drop worse', () => {
    const row = compareRow(diff('availability', 0.991, 0.988, false));
    expect(row).toMatchObject({ a: '99.1%', b: '98.8%', unit: '%', change: '-0.3 points', verdict: 'worse' });
  });
  it('calls figures that read the same "same", whatever the measure', () => {
    expect(compareRow(diff('readP50Ms:berlin', 80.2, 80.4)).verdict).toBe('same');
    expect(compareRow(diff('costUsdPerHour', 3.341, 3.344)).verdict).toBe('same');
    expect(compareRow(diff('availability', 0.99991, 0.99992, false)).verdict).toBe('same');
  });
  it('gives latency and durations in the page duration format, with a unit on every row', () => {
    expect(compareRow(diff('rpoS', 0, 0.028))).toMatchObject({ a: '0 ms', b: '28 ms', change: '+28 ms', verdict: 'worse' });
    expect(compareRow(diff('rtoS', 95, 42.1))).toMatchObject({ a: '95 s', b: '42.1 s', change: '-52.9 s', verdict: 'better' });
    expect(compareRow(diff('costUsdPerHour', 3.34, 6.68))).toMatchObject({ a: '$3.34', b: '$6.68', unit: 'USD per hour', change: '+$3.34', verdict: 'worse' });
    expect(compareRow(diff('failedRequests', 1000, 1290))).toMatchObject({ unit: 'requests', change: '+290', verdict: 'worse' });
    for (const metric of ['availability', 'failedRequests', 'rtoS', 'ackedWritesLost', 'rpoS', 'conflictLostWrites', 'staleRatio', 'complianceViolations', 'costUsdPerHour', 'readP50Ms:x', 'writeP50Ms:x', 'userAvailability:x'])
      expect(compareRow(diff(metric, 1, 2)).unit).not.toBe('');
  });
  it('says n/a when a run has no figure', () => {
    expect(compareRow(diff('rtoS', null, 3))).toMatchObject({ a: '-', b: '3 s', verdict: 'n/a' });
  });
});
