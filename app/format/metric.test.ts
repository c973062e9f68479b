import { describe, expect, it } from 'vitest';
import { checkText, durationUnit, formatMetric } from './metric.ts';

describe("a metric's value as the page writes it", () => {
  it('writes durations in seconds or milliseconds through the one duration format', () => {
    expect(durationUnit('rpoS')).toBe('s');
    expect(durationUnit('readP50Ms:berlin')).toBe('ms');
    expect(durationUnit('availability')).toBeNull();
    expect(formatMetric('rpoS', 0.028)).toBe('28 ms');
    expect(formatMetric('rtoS', 42.14)).toBe('42.1 s');
    expect(formatMetric('readP50Ms:berlin', 45.4)).toBe('45 ms');
  });
  it("leaves shares, money and counts to the engine's formats", () => {
    expect(formatMetric('availability', 0.9912)).toBe('99.12%');
    expect(formatMetric('splitBrain', 1)).toBe('1');
  });
  it("words a check as the engine does, with the page's formats", () => {
    const result = { check: { metric: 'rpoS', atLeast: 0.001, atMost: 1, label: 'RPO' }, value: 0.028, passed: true, text: 'RPO: 0.028 s (at least 0.001 s, at most 1 s): pass' };
    expect(checkText(result)).toBe('RPO: 28 ms (at least 1 ms, at most 1 s): pass');
    expect(checkText({ ...result, value: null, passed: false })).toBe('RPO: none (at least 1 ms, at most 1 s): FAIL');
  });
});
