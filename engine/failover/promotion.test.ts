/**
 * Which standby is promoted, against geography worked out by hand: from Dublin (aws:eu-west-1), London is
 * nearer than Frankfurt, Frankfurt nearer than northern Virginia, Virginia nearer than Tokyo (about 460, 1,090,
 * 5,500 and 9,600 km); from Frankfurt, London (640 km) is nearer than Dublin (1,090), Dublin than Virginia
 * (6,500), Virginia than Tokyo (9,300). London is outside the EU jurisdiction, Dublin and Frankfurt inside.
 * Every combination of healthy regions is tried, and the expected choice is read off those orders, not from the
 * engine.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import { buildWorld, type World } from '../world.ts';
import { homeReplacement, standbyToPromote } from './promotion.ts';

const DUBLIN = 0;
const LONDON = 1;
const FRANKFURT = 2;
const VIRGINIA = 3;
const TOKYO = 4;
/** Dublin's standbys from nearest to farthest, by the distances above. */
const BY_DISTANCE_FROM_DUBLIN = [LONDON, FRANKFURT, VIRGINIA, TOKYO];
/** Frankfurt's standbys from nearest to farthest: Dublin is index 0, so a "no choice yet" test on index 0 shows. */
const BY_DISTANCE_FROM_FRANKFURT = [LONDON, DUBLIN, VIRGINIA, TOKYO];
const IN_THE_EU = new Set([DUBLIN, FRANKFURT]);
const NEAREST_FIRST: ReadonlyMap<number, readonly number[]> = new Map([
  [DUBLIN, BY_DISTANCE_FROM_DUBLIN],
  [FRANKFURT, BY_DISTANCE_FROM_FRANKFURT],
]);

function world(regions: unknown[]): World {
  const result = parseScenario({ version: 1, regions, users: [{ id: 'u', lat: 53, lon: -6, qps: 1 }] });
  if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
  return buildWorld(result.scenario);
}

const catalogueWorld = world([
  { id: 'dublin', catalog: 'aws:eu-west-1' },
  { id: 'london', catalog: 'aws:eu-west-2' },
  { id: 'frankfurt', catalog: 'aws:eu-central-1' },
  { id: 'virginia', catalog: 'aws:us-east-1' },
  { id: 'tokyo', catalog: 'aws:ap-northeast-1' },
]);

/** Every set of healthy regions among the five, the failed one included in half of them (a gray failure still "up"). */
function everyHealthySet(): Set<number>[] {
  return Array.from({ length: 32 }, (_, mask) => new Set([0, 1, 2, 3, 4].filter((r) => mask & (1 << r))));
}

describe('standbyToPromote', () => {
  it('promotes the healthy region nearest the failed primary, for every combination of healthy regions', () => {
    expect(catalogueWorld.regions.map((r) => r.jurisdiction)).toEqual(['EU', 'GB', 'EU', 'US', 'JP']);
    for (const [failed, order] of NEAREST_FIRST) {
      for (const healthy of everyHealthySet()) {
        const expected = order.find((r) => healthy.has(r)) ?? -1;
        expect(standbyToPromote(catalogueWorld, failed, (r) => healthy.has(r)), `failed ${failed}, healthy: ${[...healthy]}`).toBe(expected);
      }
    }
  });

  it('never promotes the failed region itself, even when the health view still calls it healthy', () => {
    expect(standbyToPromote(catalogueWorld, DUBLIN, (r) => r === DUBLIN)).toBe(-1);
    expect(standbyToPromote(catalogueWorld, TOKYO, () => true)).not.toBe(TOKYO);
  });

  it('considers only the world\'s regions, even when the health predicate says yes to any index', () => {
    // The simulation's predicate is "not known to be dark or gray", true past the last region too.
    const notLondon = (r: number): boolean => r !== LONDON;
    expect(standbyToPromote(catalogueWorld, DUBLIN, notLondon)).toBe(FRANKFURT);
    expect(homeReplacement(catalogueWorld, DUBLIN, notLondon, 'nearest')).toBe(FRANKFURT);
    expect(standbyToPromote(catalogueWorld, TOKYO, (r) => r !== DUBLIN && r !== LONDON && r !== FRANKFURT)).toBe(VIRGINIA);
  });

  it('measures from the failed region: Frankfurt fails over to London (about 640 km) before Dublin (1,090 km)', () => {
    expect(standbyToPromote(catalogueWorld, FRANKFURT, (r) => r === DUBLIN || r === LONDON)).toBe(LONDON);
    expect(standbyToPromote(catalogueWorld, VIRGINIA, (r) => r === FRANKFURT || r === TOKYO)).toBe(FRANKFURT);
  });
});

describe('homeReplacement', () => {
  it('same-jurisdiction: the nearest healthy region in the failed region\'s jurisdiction, else none, for every healthy set', () => {
    for (const [failed, order] of NEAREST_FIRST) {
      for (const healthy of everyHealthySet()) {
        const expected = order.find((r) => healthy.has(r) && IN_THE_EU.has(r)) ?? -1;
        expect(homeReplacement(catalogueWorld, failed, (r) => healthy.has(r), 'same-jurisdiction'), `failed ${failed}, healthy: ${[...healthy]}`).toBe(expected);
      }
    }
  });

  it('nearest: the nearest healthy region in the jurisdiction if there is one, else the nearest anywhere', () => {
    for (const [failed, order] of NEAREST_FIRST) {
      for (const healthy of everyHealthySet()) {
        const expected = order.find((r) => healthy.has(r) && IN_THE_EU.has(r)) ?? order.find((r) => healthy.has(r)) ?? -1;
        expect(homeReplacement(catalogueWorld, failed, (r) => healthy.has(r), 'nearest'), `failed ${failed}, healthy: ${[...healthy]}`).toBe(expected);
      }
    }
  });

  it('none: never moves the data', () => {
    expect(homeReplacement(catalogueWorld, DUBLIN, () => true, 'none')).toBe(-1);
  });

  it('treats an unknown jurisdiction as matching nothing, not as matching other unknown ones', () => {
    // Custom regions with no jurisdiction: Dublin's coordinates, London's and Virginia's.
    const custom = world([
      { id: 'a', lat: 53.35, lon: -6.27 },
      { id: 'b', lat: 51.51, lon: -0.12 },
      { id: 'c', lat: 38.9, lon: -77.0 },
    ]);
    expect(custom.regions.map((r) => r.jurisdiction)).toEqual([undefined, undefined, undefined]);
    expect(homeReplacement(custom, 0, () => true, 'same-jurisdiction')).toBe(-1);
    expect(homeReplacement(custom, 0, () => true, 'nearest')).toBe(1);
  });
});
