import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, type LatLon } from './greatCircle.ts';

const LONDON: LatLon = { lat: 51.5074, lon: -0.1278 };
const NEW_YORK: LatLon = { lat: 40.7128, lon: -74.006 };
const SYDNEY: LatLon = { lat: -33.8688, lon: 151.2093 };
const TOKYO: LatLon = { lat: 35.6762, lon: 139.6503 };
const BERLIN: LatLon = { lat: 52.52, lon: 13.405 };
const PARIS: LatLon = { lat: 48.8566, lon: 2.3522 };

/** Half the Earth's circumference on the mean sphere: the longest possible great-circle distance. */
const HALF_CIRCUMFERENCE_KM = Math.PI * EARTH_RADIUS_KM;

const point = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

function expectWithinPercent(actual: number, expected: number, percent: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(percent / 100);
}

describe('greatCircleKm', () => {
  it.each([
    ['London', LONDON, 'New York', NEW_YORK, 5570],
    ['Sydney', SYDNEY, 'Tokyo', TOKYO, 7823],
    ['Berlin', BERLIN, 'Paris', PARIS, 878],
  ])('puts %s and %s within 1%% of the published distance', (_a, a, _b, b, km) => {
    expectWithinPercent(greatCircleKm(a, b), km, 1);
  });

  it('is zero from a point to itself', () => {
    expect(greatCircleKm(BERLIN, BERLIN)).toBe(0);
    expect(greatCircleKm({ lat: -90, lon: 0 }, { lat: -90, lon: 0 })).toBe(0);
  });

  it('puts antipodes half the circumference apart, about 20,015 km', () => {
    expectWithinPercent(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }), 20_015, 0.1);
    expectWithinPercent(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 }), 20_015, 0.1);
    // Madrid and its antipode near Weber, New Zealand.
    expectWithinPercent(greatCircleKm({ lat: 40.4, lon: -3.7 }, { lat: -40.4, lon: 176.3 }), 20_015, 0.1);
  });

  it('takes the short way across the antimeridian', () => {
    // Two degrees of longitude along the equator, not 358.
    expectWithinPercent(greatCircleKm({ lat: 0, lon: 179 }, { lat: 0, lon: -179 }), (2 * HALF_CIRCUMFERENCE_KM) / 180, 0.01);
  });

  it('treats every longitude at a pole as the same point', () => {
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: 90, lon: 123 })).toBeCloseTo(0, 6);
  });

  it('is symmetric, non-negative and never more than half the circumference (property)', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const ab = greatCircleKm(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(HALF_CIRCUMFERENCE_KM + 1e-6);
        expect(greatCircleKm(b, a)).toBeCloseTo(ab, 6);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it('satisfies the triangle inequality (property)', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        // 1 m of slack: haversine loses a few centimetres near antipodes, where asin's slope is unbounded.
        expect(greatCircleKm(a, c)).toBeLessThanOrEqual(greatCircleKm(a, b) + greatCircleKm(b, c) + 1e-3);
      }),
      { seed: 2, numRuns: 500 },
    );
  });
});
