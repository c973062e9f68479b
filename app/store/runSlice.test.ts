import { describe, expect, it } from 'vitest';
import { encodeWindows, type MetricsWindow } from '../../engine/snapshot.ts';
import { appendSnapshot, seriesBefore } from './runSlice.ts';
import { latencyMarks } from '../charts/latencyMarks.ts';

const window = (startS: number, readP50Ms: number): MetricsWindow => ({
  startS,
  users: [{ readP50Ms, readP99Ms: readP50Ms * 2, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 10, failed: 1, servedBy: 1 }],
  regionServed: [0, 10],
});

describe('streaming snapshots into series', () => {
  it('appends each window to its population, naming the serving region', () => {
    const message = (windows: MetricsWindow[]) => ({
      userIds: ['berlin'],
      regionIds: ['us-east', 'eu-west'],
      timeS: windows.length,
      done: false,
      data: encodeWindows(windows, 1, 2),
    });
    const first = appendSnapshot({}, message([window(0, 40), window(1, 42)]));
    const second = appendSnapshot(first, message([window(2, 180)]));
    expect(second.berlin?.map((p) => p.readP50Ms)).toEqual([40, 42, 180]);
    expect(second.berlin?.[2]).toMatchObject({ servedBy: 'eu-west', ok: 10, failed: 1, readP99Ms: 360 });
    expect(Number.isNaN(second.berlin?.[0]?.writeP50Ms)).toBe(true);
    expect(second).not.toBe(first); // a new record: views that select it redraw
    expect(second.berlin).toBe(first.berlin); // the points grow in place, not copied at every snapshot
  });

  it('a rewind cuts into new arrays, leaving the points a view already had', () => {
    const message = (windows: MetricsWindow[]) => ({ userIds: ['berlin'], regionIds: ['us-east', 'eu-west'], timeS: 3, done: false, data: encodeWindows(windows, 1, 2) });
    const before = appendSnapshot({}, message([window(0, 40), window(1, 42), window(2, 44)]));
    const rewound = appendSnapshot(seriesBefore(before, 1), message([window(1, 90)]));
    expect(rewound.berlin?.map((p) => p.readP50Ms)).toEqual([40, 90]);
    expect(before.berlin?.map((p) => p.readP50Ms)).toEqual([40, 42, 44]);
  });
});

describe('latency chart marks', () => {
  const size = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 20, left: 40 } };
  const point = (startS: number, readP50Ms: number) => ({
    startS, readP50Ms, readP99Ms: readP50Ms + 10, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 1, failed: 0, servedBy: null,
  });

  it('draws one p50 and one p99 path per population across the run, scaled to the highest p99', () => {
    const marks = latencyMarks({ a: [point(0, 40), point(1, 190)] }, ['a', 'b'], 600, 2, size);
    expect(marks.series.map((s) => s.id)).toEqual(['a', 'b']);
    expect(marks.series[0]?.p50Path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(marks.series[1]?.p50Path).toBe('');
    expect(Math.max(...marks.yTicks.map((t) => t.value))).toBeGreaterThanOrEqual(200);
    expect(marks.xTicks[0]?.at).toBe(40);
    expect(marks.nowX).toBeCloseTo(40 + (2 / 600) * 350);
  });

  it('leaves gaps where a second had no reads', () => {
    const marks = latencyMarks({ a: [point(0, 40), point(1, Number.NaN), point(2, 50)] }, ['a'], 10, 3, size);
    expect(marks.series[0]?.p50Path.match(/M/g)).toHaveLength(2);
  });
});
