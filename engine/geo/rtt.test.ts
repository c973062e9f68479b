import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import awsRttJson from './data/awsRtt.json' with { type: 'json' };
import { catalogRegions, findCatalogRegion } from './catalog.ts';
import { greatCircleKm } from './greatCircle.ts';
import {
  estimatedRttMs,
  FIBRE_KM_PER_MS,
  fibreFloorRttMs,
  INTRA_REGION_RTT_MS,
  measuredAwsRttMs,
  rttMs,
  singleFactorRttMs,
  type NetworkPlace,
} from './rtt.ts';

/** The matrix value for two AWS codes, read straight from the data file. */
function matrixRttMs(codeA: string, codeB: string): number | null | undefined {
  const n = awsRttJson.codes.length;
  return awsRttJson.rttMs[awsRttJson.codes.indexOf(codeA) * n + awsRttJson.codes.indexOf(codeB)];
}

/** A catalogue region as a network place, the way the world builder resolves it. */
function awsPlace(code: string): NetworkPlace {
  const region = findCatalogRegion(`aws:${code}`);
  if (!region) throw new Error(`aws:${code} is not in the catalogue`);
  return { lat: region.lat, lon: region.lon, awsCode: code };
}

const BERLIN = { lat: 52.52, lon: 13.405 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };
const awsRegions = catalogRegions.filter((r) => r.provider === 'aws');

describe('measured RTT between AWS regions', () => {
  it('uses the matrix value for us-east-1 <-> eu-west-1, both ways', () => {
    const expected = matrixRttMs('us-east-1', 'eu-west-1');
    expect(expected).toBeTypeOf('number');
    expect(rttMs(awsPlace('us-east-1'), awsPlace('eu-west-1'))).toBe(expected);
    expect(rttMs(awsPlace('eu-west-1'), awsPlace('us-east-1'))).toBe(expected);
    expect(measuredAwsRttMs('us-east-1', 'eu-west-1')).toBe(expected);
  });

  it('uses the matrix value, not the estimate, for ap-southeast-2 <-> eu-central-1', () => {
    const a = awsPlace('ap-southeast-2');
    const b = awsPlace('eu-central-1');
    expect(rttMs(a, b)).toBe(matrixRttMs('ap-southeast-2', 'eu-central-1'));
    expect(rttMs(a, b)).not.toBeCloseTo(estimatedRttMs(a, b), 0);
  });

  it('has a measurement for every pair of AWS catalogue regions', () => {
    for (const a of awsRegions) {
      for (const b of awsRegions) {
        if (a.code !== b.code) expect(measuredAwsRttMs(a.code, b.code), `${a.code} <-> ${b.code}`).toBeGreaterThan(0);
      }
    }
  });

  it('never has a measurement faster than light in fibre between the catalogue positions', () => {
    for (const a of awsRegions) {
      for (const b of awsRegions) {
        if (a.code === b.code) continue;
        const measured = measuredAwsRttMs(a.code, b.code) as number;
        expect(measured, `${a.code} <-> ${b.code}`).toBeGreaterThanOrEqual(fibreFloorRttMs(greatCircleKm(a, b)));
      }
    }
  });

  it('gives the intra-region RTT, instead of reading the diagonal 0, between two places in the same AWS region', () => {
    expect(measuredAwsRttMs('us-east-1', 'us-east-1')).toBe(0);
    expect(rttMs(awsPlace('us-east-1'), awsPlace('us-east-1'))).toBe(INTRA_REGION_RTT_MS);
    expect(INTRA_REGION_RTT_MS).toBeGreaterThan(0);
  });

  it('estimates when only one side is an AWS region, or a code is unknown', () => {
    const gcpFrankfurt = findCatalogRegion('gcp:europe-west3');
    expect(gcpFrankfurt).toBeDefined();
    const a = awsPlace('us-east-1');
    const b: NetworkPlace = { lat: gcpFrankfurt?.lat ?? 0, lon: gcpFrankfurt?.lon ?? 0 };
    expect(rttMs(a, b)).toBe(estimatedRttMs(a, b));
    expect(measuredAwsRttMs('us-east-1', 'mars-north-1')).toBeUndefined();
    expect(rttMs(a, { ...b, awsCode: 'mars-north-1' })).toBe(estimatedRttMs(a, b));
  });
});

describe('estimated RTT from geography', () => {
  it('puts the fibre floor at about 0.98 ms per 100 km', () => {
    expect(FIBRE_KM_PER_MS).toBe(204);
    expect(fibreFloorRttMs(100)).toBeCloseTo(0.98, 2);
    expect(fibreFloorRttMs(0)).toBe(0);
  });

  it('puts Berlin <-> Sydney between 250 and 400 ms', () => {
    const estimate = rttMs(BERLIN, SYDNEY);
    expect(estimate).toBeGreaterThanOrEqual(250);
    expect(estimate).toBeLessThanOrEqual(400);
  });

  it('is the graph model for places that are not both AWS regions', () => {
    expect(rttMs(BERLIN, SYDNEY)).toBe(estimatedRttMs(BERLIN, SYDNEY));
    expect(rttMs(BERLIN, awsPlace('ap-southeast-2'))).toBe(estimatedRttMs(BERLIN, awsPlace('ap-southeast-2')));
  });
});

describe('the single-factor model, kept for comparison', () => {
  it('is never below the fibre floor (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_016, noNaN: true }), (km) => {
        expect(singleFactorRttMs(km)).toBeGreaterThanOrEqual(fibreFloorRttMs(km));
      }),
      { seed: 3, numRuns: 1000 },
    );
  });

  it('grows with distance (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (km, moreKm) => {
        expect(singleFactorRttMs(km + moreKm)).toBeGreaterThan(singleFactorRttMs(km));
      }),
      { seed: 4, numRuns: 1000 },
    );
  });

  it('is within 15% of the AWS matrix for the median pair, as its comment claims', () => {
    const errors: number[] = [];
    for (const a of awsRegions) {
      for (const b of awsRegions) {
        if (a.code >= b.code) continue;
        const measured = measuredAwsRttMs(a.code, b.code) as number;
        errors.push(Math.abs(singleFactorRttMs(greatCircleKm(a, b)) - measured) / measured);
      }
    }
    errors.sort((x, y) => x - y);
    expect(errors.length).toBe((awsRegions.length * (awsRegions.length - 1)) / 2);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.15);
  });
});
