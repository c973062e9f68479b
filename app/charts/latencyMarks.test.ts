import { describe, expect, it } from 'vitest';
import { latencyMarks, lowAvailabilitySpans } from './latencyMarks.ts';
import type { LatencyPoint } from '../store/runSlice.ts';

const point = (startS: number, ok: number, failed: number): LatencyPoint => ({
  startS,
  readP50Ms: 40,
  readP99Ms: 60,
  writeP50Ms: 80,
  writeP99Ms: 90,
  ok,
  failed,
  servedBy: 'eu-west',
});

describe('latency chart: the seconds with failing requests are shaded', () => {
  it('merges consecutive low-availability seconds of any population into one span', () => {
    const series = {
      a: [point(0, 100, 0), point(1, 50, 50), point(2, 0, 10), point(3, 100, 0), point(4, 100, 0)],
      b: [point(0, 100, 0), point(1, 100, 0), point(2, 100, 0), point(3, 100, 0), point(4, 97, 3)],
    };
    expect(lowAvailabilitySpans(series, ['a', 'b'])).toEqual([
      { fromS: 1, toS: 3 },
      { fromS: 4, toS: 5 },
    ]);
  });
  it('leaves seconds with no finished request and seconds at 99% or more unshaded', () => {
    expect(lowAvailabilitySpans({ a: [point(0, 0, 0), point(1, 99, 1)] }, ['a'])).toEqual([]);
  });
  it('places the spans on the time axis', () => {
    const size = { width: 110, height: 100, margin: { top: 0, right: 10, bottom: 0, left: 0 } };
    const marks = latencyMarks({ a: [point(10, 0, 5)] }, ['a'], 100, 20, size);
    expect(marks.lowAvailability).toEqual([{ fromS: 10, toS: 11, x0: 10, x1: 11 }]);
  });
});
