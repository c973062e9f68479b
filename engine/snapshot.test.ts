import { describe, expect, it } from 'vitest';
import { defaultScenario } from './scenario/defaultScenario.ts';
import { parseScenario } from './scenario/parse.ts';
import { createSimulation } from './simulation.ts';
import { decodeWindows, encodeWindows, REGION_FIELDS, USER_FIELDS, type MetricsWindow } from './snapshot.ts';

const windows: MetricsWindow[] = [
  {
    startS: 0,
    users: [
      { readP50Ms: 24.5, readP99Ms: 30.25, writeP50Ms: 27, writeP99Ms: 43.125, ok: 391, failed: 0, servedBy: 0 },
      { readP50Ms: Number.NaN, readP99Ms: Number.NaN, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 0, failed: 318, servedBy: 1 },
    ],
    regionServed: [391, 0, 0],
  },
  {
    startS: 1,
    users: [
      { readP50Ms: 0.001, readP99Ms: 1e6, writeP50Ms: Number.NaN, writeP99Ms: Number.NaN, ok: 12, failed: 3, servedBy: 2 },
      { readP50Ms: 18.4, readP99Ms: 24.6, writeP50Ms: 174.3, writeP99Ms: 190.7, ok: 0, failed: 0, servedBy: -1 },
    ],
    regionServed: [0, 0, 12],
  },
];

describe('encodeWindows / decodeWindows', () => {
  it('round-trips windows exactly, NaN latencies included', () => {
    const decoded = decodeWindows(encodeWindows(windows, 2, 3));
    expect(decoded).toEqual(windows);
    expect(decoded[0]?.users[1]?.readP50Ms).toBeNaN();
    expect(decoded[1]?.users[0]?.writeP99Ms).toBeNaN();
  });

  it('lays the data out as a header, then per window startS, user fields and region fields', () => {
    const data = encodeWindows(windows, 2, 3);
    const stride = 1 + 2 * USER_FIELDS + 3 * REGION_FIELDS;
    expect(data).toBeInstanceOf(Float64Array);
    expect(data.length).toBe(3 + 2 * stride);
    expect([...data.subarray(0, 4)]).toEqual([2, 2, 3, 0]);
    expect([...data.subarray(4, 4 + USER_FIELDS)]).toEqual([24.5, 30.25, 27, 43.125, 391, 0, 0]);
    expect(data[3 + stride]).toBe(1); // the second window's startS
    expect([...data.subarray(3 + stride - 3, 3 + stride)]).toEqual([391, 0, 0]);
  });

  it('encodes no windows as a bare header', () => {
    const data = encodeWindows([], 4, 3);
    expect([...data]).toEqual([0, 4, 3]);
    expect(decodeWindows(data)).toEqual([]);
  });

  it('fills a missing user row with NaN latencies, zero counts and no region', () => {
    const [decoded] = decodeWindows(encodeWindows([{ startS: 5, users: [], regionServed: [] }], 1, 2));
    expect(decoded).toEqual({
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
