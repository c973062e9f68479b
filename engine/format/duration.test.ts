import { describe, expect, it } from 'vitest';
import { formatDurationS, formatMs } from './duration.ts';

describe('one duration format', () => {
  it('writes milliseconds below a second, tenths of seconds below two minutes, tenths of minutes above', () => {
    expect(formatDurationS(0.028)).toBe('28 ms');
    expect(formatDurationS(0)).toBe('0 ms');
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(87_040)).toBe('87 s');
    expect(formatMs(150_000)).toBe('2.5 min');
    expect(formatMs(120_000)).toBe('2 min');
    expect(formatMs(Number.NaN)).toBe('n/a');
  });
  it('keeps the unit of a negative duration by its size', () => {
    expect(formatMs(-1500)).toBe('-1.5 s');
  });
});
