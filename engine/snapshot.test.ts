import { describe, expect, it } from 'vitest';
import { defaultScenario } from './scenario/defaultScenario.ts';
import { parseScenario } from './scenario/parse.ts';
import { createSimulation } from './simulation.ts';
import {
  decodeWindows,
  encodeWindows,
  LINK_FIELDS,
  LINK_PARTITIONED,
  REGION_DARK,
  REGION_FIELDS,
  REGION_WRITER,
  TOTAL_FIELDS,
  TOTAL_KEYS,
  USER_FIELDS,
  windowStride,
  type MetricsWindow,
  type WindowDetail,
} from './snapshot.ts';

/** A window's detail for 2 users and 3 regions, with distinct values everywhere. */
function detail(seed: number): WindowDetail {
  const totals = Object.fromEntries(TOTAL_KEYS.map((key, i) => [key, seed * 100 + i + 0.5])) as unknown as WindowDetail['totals'];
  const fill = (length: number, f: (i: number) => number) => Float64Array.from({ length }, (_, i) => f(i));
  return {
    totals,
    userShares: fill(6, (i) => (i % 3 === seed % 3 ? 1 : 0)),
    userFailShares: fill(6, (i) => (i % 3 === seed % 3 ? 0.25 : 0)),
    regions: { capacityQps: fill(3, (r) => 1000 * (r + 1)), dropped: fill(3, (r) => r * seed), state: fill(3, (r) => (r === 0 ? REGION_WRITER : r === 1 ? REGION_DARK : 0)) },
    links: {
      lagMs: fill(9, (l) => (l % 4 === 0 ? 0 : 40 + l)),
      maxLagMs: fill(9, (l) => (l % 4 === 0 ? Number.NaN : 90 + l)),
      applied: fill(9, (l) => (l % 4 === 0 ? 0 : 7 * l)),
      state: fill(9, (l) => (l === 1 ? LINK_PARTITIONED : 0)),
    },
  };
}

const windows: MetricsWindow[] = [
  {
    startS: 0,
    users: [
      { readP50Ms: 24.5, readP99Ms: 30.25, writeP50Ms: 27, writeP99Ms: 43.125, ok: 391, failed: 0, servedBy: 0 },
      { readP50Ms: Number.NaN, readP99Ms: Number.NaN, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 0, failed: 318, servedBy: 1 },
    ],
    regionServed: [391, 0, 0],
    detail: detail(1),
  },
  {
    startS: 1,
    users: [
      { readP50Ms: 0.001, readP99Ms: 1e6, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 12, failed: 3, servedBy: 2 },
      { readP50Ms: 18.4, readP99Ms: 24.6, writeP50Ms: 174.3, writeP99Ms: 190.7, ok: 0, failed: 0, servedBy: -1 },
    ],
    regionServed: [0, 0, 12],
    detail: detail(2),
  },
];

describe('encodeWindows / decodeWindows', () => {
  it('round-trips windows exactly, NaN latencies included', () => {
    const decoded = decodeWindows(encodeWindows(windows, 2, 3));
    expect(decoded).toEqual(windows);
    expect(decoded[0]?.users[1]?.readP50Ms).toBeNaN();
    expect(decoded[1]?.users[0]?.writeP99Ms).toBeNaN();
  });

  it('lays the data out as a header, then per window startS, totals, users, shares, regions and links', () => {
    const data = encodeWindows(windows, 2, 3);
    const stride = 1 + TOTAL_FIELDS + 2 * USER_FIELDS + 2 * (2 * 3) + 3 * REGION_FIELDS + 9 * LINK_FIELDS;
    expect(windowStride(2, 3)).toBe(stride);
    expect(data).toBeInstanceOf(Float64Array);
    expect(data.length).toBe(3 + 2 * stride);
    expect([...data.subarray(0, 4)]).toEqual([2, 2, 3, 0]);
    expect(data[4]).toBe(100.5); // the first total
    const users = 4 + TOTAL_FIELDS;
    expect([...data.subarray(users, users + USER_FIELDS)]).toEqual([24.5, 30.25, 27, 43.125, 391, 0, 0]);
    const shares = users + 2 * USER_FIELDS;
    expect([...data.subarray(shares, shares + 12)]).toEqual([0, 1, 0, 0, 1, 0, 0, 0.25, 0, 0, 0.25, 0]);
    const regions = shares + 12;
    expect([...data.subarray(regions, regions + REGION_FIELDS)]).toEqual([391, 1000, 0, REGION_WRITER]);
    const links = regions + 3 * REGION_FIELDS;
    expect([...data.subarray(links + LINK_FIELDS, links + 2 * LINK_FIELDS)]).toEqual([41, 91, 7, LINK_PARTITIONED]);
    expect(data[3 + stride]).toBe(1); // the second window's startS
  });

  it('encodes no windows as a bare header', () => {
    const data = encodeWindows([], 4, 3);
    expect([...data]).toEqual([0, 4, 3]);
    expect(decodeWindows(data)).toEqual([]);
  });

  it('fills a missing user row with NaN latencies, zero counts and no region', () => {
    const [decoded] = decodeWindows(encodeWindows([{ startS: 5, users: [], regionServed: [] }], 1, 2));
    expect(decoded?.detail?.userShares).toEqual(new Float64Array(2));
    expect(decoded?.detail?.links.lagMs.every(Number.isNaN)).toBe(true);
    expect(decoded?.detail?.totals.costUsd).toBe(0);
    expect({ ...decoded, detail: undefined }).toEqual({
      detail: undefined,
      startS: 5,
      users: [{ readP50Ms: Number.NaN, readP99Ms: Number.NaN, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 0, failed: 0, servedBy: -1 }],
      regionServed: [0, 0],
    });
  });

  it('round-trips the windows of a real run', () => {
    const parsed = parseScenario({
      ...defaultScenario,
      durationS: 8,
      faults: [{ kind: 'region-down', atS: 3, region: 'eu-west' }],
    });
    if (!parsed.ok) throw new Error('fixture is invalid');
    const simulation = createSimulation(parsed.scenario);
    simulation.advanceTo(8);
    const real = simulation.takeWindows();
    expect(real).toHaveLength(8);
    expect(decodeWindows(encodeWindows(real, parsed.scenario.users.length, parsed.scenario.regions.length))).toEqual(real);
  });
});
