/**
 * The load each region should expect, against sums worked out by hand: every request costs its entry region
 * qps x share, and a write its entry does not own costs the writer qps x writeRatio x share as well. The router
 * is a stub with fixed routes, so the expected numbers follow from the shares alone.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { buildWorld, type World } from '../world.ts';
import { expectedLoad } from './expectedLoad.ts';
import type { Router } from './policy.ts';

const EU = 1;
const AP = 2;

function world(topology: Scenario['data']['topology']): World {
  const result = parseScenario({
    version: 1,
    regions: [
      { id: 'us', catalog: 'aws:us-east-1' },
      { id: 'eu', catalog: 'aws:eu-west-1' },
      { id: 'ap', catalog: 'aws:ap-northeast-1' },
    ],
    users: [
      { id: 'berlin', lat: 52.52, lon: 13.4, qps: 100, writeRatio: 0.2 },
      { id: 'tokyo', lat: 35.68, lon: 139.69, qps: 40, writeRatio: 0.5 },
      { id: 'idle', lat: 40.71, lon: -74.01, qps: 0, writeRatio: 1 },
    ],
    data: topology === 'active-passive' ? { topology, primary: 'us' } : { topology },
  });
  if (!result.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(result.issues)}`);
  return buildWorld(result.scenario);
}

/** A router whose population u sends `split[u]` of its traffic to each region (sole: all of it to one). */
function stubRouter(split: readonly (readonly number[])[]): Router {
  const sole = (u: number): number => {
    const shares = split[u] ?? [];
    return shares.filter((s) => s > 0).length === 1 ? shares.findIndex((s) => s > 0) : -1;
  };
  return {
    pick: () => -1,
    shares: (u, _nowS, out) => out.set(split[u] ?? []),
    soleRoute: (u) => sole(u),
    routableChanged: () => {},
    powerChanged: () => {},
    requestFailed: () => {},
    nextTickS: () => Number.POSITIVE_INFINITY,
    tick: () => {},
    accessExtraMs: 0,
    retriesElsewhere: false,
  };
}

function load(topology: Scenario['data']['topology'], split: readonly (readonly number[])[], populations = [0, 1, 2]): number[] {
  const out = new Float64Array(3).fill(999); // left over from the last call: must be cleared
  expectedLoad(world(topology), topology, stubRouter(split), populations, 0, new Float64Array(3), out);
  return [...out];
}

describe('expectedLoad', () => {
  it('active-active: each region carries exactly the traffic that enters it', () => {
    // Berlin all on eu (100); Tokyo split 1/4 us, 3/4 ap (10, 30).
    expect(load('active-active', [[0, 1, 0], [0.25, 0, 0.75], [1, 0, 0]])).toEqual([10, 100, 30]);
  });

  it('active-passive: the primary also commits the writes that entered elsewhere', () => {
    // Berlin on eu: eu 100, us (primary) + 100 x 0.2 = 20. Tokyo on ap: ap 40, us + 40 x 0.5 = 20.
    expect(load('active-passive', [[0, 1, 0], [0, 0, 1], [1, 0, 0]])).toEqual([40, 100, 40]);
  });

  it('active-passive, split routes: the writer\'s extra load is weighted by each entry\'s share', () => {
    // Berlin: us 0.5 (50, its writes local), eu 0.5 (50, writes 10 to us). Tokyo: us 0.25 (10), ap 0.75 (30,
    // writes 15 to us). us = 50 + 10 + 10 + 15 = 85.
    expect(load('active-passive', [[0.5, 0.5, 0], [0.25, 0, 0.75], [0, 0, 0]])).toEqual([85, 50, 30]);
  });

  it('home-region: writes go to each population\'s home, wherever they entered', () => {
    const w = world('home-region');
    expect([w.homeOf[0], w.homeOf[1]]).toEqual([EU, AP]); // Berlin's nearest is eu-west, Tokyo's ap-northeast
    // Berlin enters us: us 100, eu + 20. Tokyo split us 0.5 / ap 0.5: us 20, ap 20, ap + 0.5 x 40 x 0.5 = 10.
    expect(load('home-region', [[1, 0, 0], [0.5, 0, 0.5], [0, 0, 0]])).toEqual([120, 20, 30]);
  });

  it('counts only the populations it is given, and nothing for a population that sends nothing', () => {
    expect(load('active-passive', [[0, 1, 0], [0, 0, 1], [0, 1, 0]], [1])).toEqual([20, 0, 40]);
    expect(load('active-passive', [[0, 1, 0], [0, 0, 1], [0, 1, 0]], [2])).toEqual([0, 0, 0]);
  });

  it('a population with nowhere to go adds nothing', () => {
    expect(load('active-passive', [[0, 0, 0], [0, 0, 1], [0, 0, 0]])).toEqual([20, 0, 40]);
  });
});
