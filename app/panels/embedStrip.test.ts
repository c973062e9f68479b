import { describe, expect, it } from 'vitest';
import { stripFigures } from './embedStrip.ts';
import type { WatchFrame } from '../store/metricsSlice.ts';

const user = (readP50Ms: number, ok: number, failed: number) => ({ readP50Ms, readP99Ms: readP50Ms, writeP50Ms: 0, writeP99Ms: 0, ok, failed, servedBy: 0 });

describe("the embed's one line of figures", () => {
  it('is the second’s availability over all populations and each one’s read p50', () => {
    const frame = { startS: 3, userIds: ['a', 'b'], regionIds: ['r'], users: [user(40, 90, 10), user(Number.NaN, 0, 0)], regionServed: [90], detail: {} } as unknown as WatchFrame;
    expect(stripFigures(frame)).toEqual({ availability: 0.9, users: [{ id: 'a', readP50Ms: 40 }, { id: 'b', readP50Ms: Number.NaN }] });
  });
  it('has no figures before the first second', () => {
    expect(stripFigures(null)).toEqual({ availability: null, users: [] });
  });
});
