import { describe, expect, it } from 'vitest';
import { LINK_PARTITIONED } from '../../engine/snapshot.ts';
import type { FailoverReport } from '../../engine/report.ts';
import type { LatencyPoint } from '../store/runSlice.ts';
import { availabilityMarks, availabilityPct } from './availabilityMarks.ts';
import { formatCount, formatMs, formatUsd, panelSize, pointAt, thin, timeAtX } from './axes.ts';
import { costMarks, costRates, RATE_WINDOWS } from './costMarks.ts';
import { lagMarks, MAX_LINKS } from './lagMarks.ts';
import { loadMarks } from './loadMarks.ts';
import { rttMarks } from './rttMarks.ts';
import { point } from './testPoints.ts';
import { ROW_HEIGHT, timelineMarks } from './timelineMarks.ts';
import { totalsMarks } from './totalsMarks.ts';

const SIZE = panelSize(180, 48); // plot x from 48 to 408, y from 156 (bottom) to 10 (top)
const REGIONS = ['us-east', 'eu-west'];

describe('replication lag chart marks', () => {
  const history = [
    point(0),
    point(1),
    point(2, { lag: [0, 1040, 45, 0], linkState: [0, LINK_PARTITIONED, 0, 0] }),
    point(3, { lag: [0, 2040, 45, 0], linkState: [0, LINK_PARTITIONED, 0, 0] }),
    point(4),
  ];
  const marks = lagMarks(history, REGIONS, 10, 5, SIZE);

  it('draws a line per directed link on a log scale reaching past the highest lag', () => {
    expect(marks.series.map((s) => s.key)).toEqual(['us-east>eu-west', 'eu-west>us-east']);
    expect(marks.yTicks.map((t) => t.label)).toEqual(['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
    expect(marks.series[0]?.path).toMatch(/^M84,[\d.]+L120,/); // the first window ends at 1 s: x = 48 + 36
    expect(marks.series[0]?.lastMs).toBe(40);
    expect(marks.nowX).toBe(228);
  });

  it('shades the stretch the link was partitioned, as one span', () => {
    expect(marks.series[0]?.partitioned).toHaveLength(1);
    expect(marks.series[0]?.partitioned[0]?.x0).toBeCloseTo(120, 9);
    expect(marks.series[0]?.partitioned[0]?.x1).toBeCloseTo(192, 9);
    expect(marks.series[1]?.partitioned).toEqual([]);
  });

  it('keeps only the links with the highest lag when there are many', () => {
    const R = 5;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const lag = Array.from({ length: R * R }, (_, l) => (l % (R + 1) === 0 ? 0 : l));
    const many = lagMarks([{ ...point(0), linkLagMs: Float32Array.from(lag), linkState: new Uint8Array(R * R) }], ids, 10, 1, SIZE);
    expect(many.series).toHaveLength(MAX_LINKS);
    expect(many.series.map((s) => s.key)).toContain('e>d'); // l = 23, the largest
    expect(many.series.map((s) => s.key)).not.toContain('a>b'); // l = 1, the smallest
  });
});

describe('totals chart marks', () => {
  it('plots cumulative totals on a shared linear scale', () => {
    const history = [point(0, { totals: { conflicts: 10 } }), point(1, { totals: { conflicts: 40, ackedWritesLost: 5 } })];
    const marks = totalsMarks(history, [{ key: 'conflicts', label: 'concurrent' }, { key: 'ackedWritesLost', label: 'lost' }], 10, 2, SIZE);
    expect(marks.series.map((s) => [s.key, s.last])).toEqual([['conflicts', 40], ['ackedWritesLost', 5]]);
    expect(marks.yTicks.at(-1)?.value).toBe(40);
    expect(marks.series[0]?.path).toBe('M84,119.5L120,10');
  });
});

describe('availability chart marks', () => {
  const p = (startS: number, ok: number, failed: number): LatencyPoint => ({
    startS, ok, failed, readP50Ms: 1, readP99Ms: 1, writeP50Ms: 1, writeP99Ms: 1, servedBy: null,
  });

  it('is the share of finished requests that succeeded, a gap when none finished', () => {
    expect(availabilityPct({ ok: 3, failed: 1 })).toBe(75);
    expect(availabilityPct({ ok: 0, failed: 0 })).toBeNaN();
  });

  it('zooms to the top percent while all is well and opens to 0 when a population goes dark', () => {
    const healthy = availabilityMarks({ berlin: [p(0, 100, 0), p(1, 995, 5)] }, ['berlin'], 10, 2, SIZE);
    expect(healthy.yTicks[0]?.value).toBe(99);
    expect(healthy.series[0]?.minPct).toBe(99.5);
    const dark = availabilityMarks({ berlin: [p(0, 100, 0), p(1, 0, 100), p(2, 0, 0)] }, ['berlin'], 10, 3, SIZE);
    expect(dark.yTicks[0]?.value).toBe(0);
    expect(dark.series[0]?.lastPct).toBe(0);
    expect(dark.series[0]?.path).toBe('M66,10L102,156'); // the empty third window is a gap
  });
});

describe('load chart marks', () => {
  it('draws served and capacity per region, with the latest utilisation', () => {
    const marks = loadMarks([point(0), point(1, { served: [800, 0], capacity: [1000, 500] })], REGIONS, 10, 2, SIZE);
    expect(marks.series.map((s) => [s.id, s.utilization])).toEqual([['us-east', 0.8], ['eu-west', 0]]);
    expect(marks.yTicks.at(-1)?.value).toBe(1000);
    expect(marks.series[0]?.capacityPath).toBe('M84,10L120,10');
  });
});

describe('cost chart marks', () => {
  it('turns cumulative cost into a rate per hour over the last windows', () => {
    const history = Array.from({ length: 15 }, (_, i) => point(i, { totals: { costUsd: (i + 1) / 360, computeUsd: (i + 1) / 720, egressUsd: (i + 1) / 720 } }));
    const rates = costRates(history);
    for (const rate of rates) expect(rate).toBeCloseTo(10, 9); // $1/360 per second = $10/h
    expect(RATE_WINDOWS).toBe(10);
    const marks = costMarks(history, 60, 15, SIZE, 100);
    expect(marks.usdPerHour).toBeCloseTo(10, 9);
    expect(marks.totalUsd).toBeCloseTo(15 / 360, 9);
    expect(marks.bars.map((b) => [b.key, Math.round(b.share * 100), Math.round(b.width)])).toEqual([
      ['computeUsd', 50, 100],
      ['idleComputeUsd', 0, 0],
      ['replicationUsd', 0, 0],
      ['interZoneUsd', 0, 0],
      ['egressUsd', 50, 100],
    ]);
  });

  it('has no rate before a second window', () => {
    expect(costMarks([point(0)], 60, 1, SIZE, 100).usdPerHour).toBeNaN();
  });
});

describe('failover timeline marks', () => {
  const failover: FailoverReport = {
    region: 'eu-west', kind: 'region-down', failedAtS: 10, detectedAtS: 37.5, reroutedAtS: 95, recoveredAtS: null, rtoS: 85,
    affectedUsers: ['berlin'], errorsByUser: { berlin: 1200, tokyo: 4.4 }, promotedAtS: null, newPrimary: null, splitBrainAtS: null,
  };

  it('marks each moment with its time and delay, and the outage up to now while it lasts', () => {
    const marks = timelineMarks([failover], 200, 120, SIZE);
    const row = marks.rows[0];
    expect(row?.moments.map((m) => m.label)).toEqual(['failed at 10 s', 'detected at 37.5 s (+27.5 s)', 'rerouted at 95 s (+85 s)']);
    expect(row?.rto).toBe('RTO 85 s');
    expect(row?.errors).toBe('1,204 failed requests');
    expect(row?.x0).toBe(66);
    expect(row?.x1).toBe(264); // now: 120 s of 200
    expect(marks.height).toBe(SIZE.margin.top + SIZE.margin.bottom + ROW_HEIGHT);
  });

  it('says when a failure has not been rerouted, and ends the outage at recovery', () => {
    const marks = timelineMarks([{ ...failover, reroutedAtS: null, rtoS: null, recoveredAtS: 150, newPrimary: 'us-east', promotedAtS: 40 }], 200, 180, SIZE);
    expect(marks.rows[0]?.rto).toBe('not rerouted yet');
    expect(marks.rows[0]?.label).toBe('eu-west region-down, us-east promoted');
    expect(marks.rows[0]?.moments.map((m) => m.kind)).toEqual(['failed', 'detected', 'promoted', 'recovered']);
    expect(marks.rows[0]?.x1).toBe(318);
  });
});

describe('RTT heatmap marks', () => {
  const links = [
    { from: 'us-east', to: 'eu-west', rttMs: 70 },
    { from: 'eu-west', to: 'us-east', rttMs: 70 },
    { from: 'us-east', to: 'ap', rttMs: 150 },
    { from: 'ap', to: 'us-east', rttMs: 150 },
  ];
  const marks = rttMarks(links, ['us-east', 'eu-west', 'ap']);

  it('has a cell per ordered pair, shaded by RTT, blank on the diagonal and for unknown pairs', () => {
    expect(marks.cells).toHaveLength(9);
    const cell = (key: string) => marks.cells.find((c) => c.key === key);
    expect(cell('us-east>ap')?.opacity).toBe(1);
    expect(cell('us-east>ap')?.strong).toBe(true);
    expect(cell('us-east>eu-west')?.label).toBe('70');
    expect(cell('us-east>us-east')?.label).toBe('');
    expect(cell('eu-west>ap')?.rttMs).toBeNaN();
    expect(marks.maxMs).toBe(150);
  });

  it('places rows by source and columns by destination', () => {
    const c = marks.cells.find((x) => x.key === 'eu-west>ap');
    expect(c?.x).toBeGreaterThan(marks.cells.find((x) => x.key === 'eu-west>eu-west')?.x ?? Infinity);
    expect(c?.y).toBe(marks.cells.find((x) => x.key === 'eu-west>us-east')?.y);
  });
});

describe('formatting', () => {
  it('reads like people write numbers', () => {
    expect([40.4, 1520, 95_000, Number.NaN].map(formatMs)).toEqual(['40 ms', '1.5 s', '95 s', 'n/a']);
    expect([950, 1234, 45_600, 3_400_000].map(formatCount)).toEqual(['950', '1.2k', '46k', '3.4M']);
    expect([0.5, 1234.5].map(formatUsd)).toEqual(['$0.50', '$1,235']);
  });
});

describe('thinning long histories', () => {
  it('keeps about the maximum, evenly spaced, always with the last point', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const kept = thin(points, 100);
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept.length).toBeGreaterThan(90);
    expect(kept.at(-1)).toBe(999);
    expect(kept[1]! - kept[0]!).toBe(10);
    expect(thin(points.slice(0, 50), 100)).toHaveLength(50);
  });
});

describe('reading a chart under the pointer', () => {
  it('turns a pointer x into simulated time inside the plot only', () => {
    expect(timeAtX(48, 10, SIZE)).toBe(0);
    expect(timeAtX(228, 10, SIZE)).toBe(5);
    expect(timeAtX(408, 10, SIZE)).toBe(10);
    expect(timeAtX(40, 10, SIZE)).toBeNull();
    expect(timeAtX(420, 10, SIZE)).toBeNull();
  });

  it('finds the window holding a second', () => {
    const points = [point(0), point(1), point(2), point(4)];
    expect(pointAt(points, 1.5)?.startS).toBe(1);
    expect(pointAt(points, 2)?.startS).toBe(2);
    expect(pointAt(points, 3.2)).toBeUndefined(); // a gap
    expect(pointAt(points, 4.99)?.startS).toBe(4);
    expect(pointAt(points, 9)).toBeUndefined();
    expect(pointAt([], 0)).toBeUndefined();
  });
});
