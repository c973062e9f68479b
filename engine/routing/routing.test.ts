/**
 * The routing layer: the value history its caches and BGP views read, the health checks whose verdicts it acts
 * on, and the four policies behind the Router interface, each on a small world of real regions and cities: what
 * each one picks, and how it behaves when a region goes dark, gray-fails or is marked down, as the real thing
 * does (GeoDNS caches, BGP convergence, an L7 balancer's health view, a client SDK's own probes).
 */
import { describe, expect, it } from 'vitest';
import { Conditions } from '../conditions.ts';
import { createRandom } from '../random.ts';
import { parseScenario } from '../scenario/parse.ts';
import { buildWorld } from '../world.ts';
import { createAnycast } from './anycast.ts';
import { createClientSdk } from './clientSdk.ts';
import { createGeoDns, RESOLVER_GROUPS } from './geoDns.ts';
import { createGlobalLb } from './globalLb.ts';
import { HealthMonitor } from './healthMonitor.ts';
import { History } from './history.ts';
import { lowestRtt, type Router } from './policy.ts';

const US = 0;
const EU = 1;
const AP = 2;

describe('History', () => {
  it('answers the initial value at any time before the first change, however early', () => {
    const h = new History('a');
    expect(h.at(-1e12)).toBe('a');
    expect(h.at(0)).toBe('a');
    expect(h.current).toBe('a');
    expect(h.lastChangeS).toBe(Number.NEGATIVE_INFINITY);
  });

  it('answers the value in force at each time: a change applies from its own instant on', () => {
    const h = new History(0);
    h.set(10, 1);
    h.set(20, 2);
    h.set(35.5, 3);
    expect([9.999, 10, 15, 19.999, 20, 35.4, 35.5, 1e9].map((t) => h.at(t))).toEqual([0, 1, 1, 1, 2, 2, 3, 3]);
    expect(h.current).toBe(3);
    expect(h.lastChangeS).toBe(35.5);
  });

  it('records no change when the value stays the same', () => {
    const h = new History('eu');
    h.set(5, 'us');
    h.set(8, 'us');
    expect(h.lastChangeS).toBe(5);
  });

  it('keeps only the last of several values set at one instant', () => {
    const h = new History('eu');
    h.set(5, 'us');
    h.set(5, 'ap');
    expect(h.at(5)).toBe('ap');
    expect(h.at(4.9)).toBe('eu');
    expect(h.lastChangeS).toBe(5);
  });

  it('finds the right value among many changes (binary search against a linear scan)', () => {
    const h = new History(-1);
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      times.push(i * 0.7 + (i % 3) * 0.1);
      h.set(times[i] as number, i);
    }
    const linear = (t: number): number => {
      let value = -1;
      times.forEach((changeS, i) => {
        if (changeS <= t) value = i;
      });
      return value;
    };
    for (let t = -1; t < 720; t += 0.37) expect(h.at(t)).toBe(linear(t));
  });
});

describe('HealthMonitor', () => {
  const settings = { intervalS: 10, timeoutS: 2, failureThreshold: 3, successThreshold: 2 };
  const indexOf = (id: string): number => ['us', 'eu'].indexOf(id);

  function monitor(overrides: Partial<typeof settings> = {}): HealthMonitor {
    return new HealthMonitor(2, { ...settings, ...overrides }, createRandom(1, 'health'));
  }

  it('starts every region healthy and schedules its first check at a random phase within one interval', () => {
    const health = monitor();
    expect([...health.healthy]).toEqual([1, 1]);
    const firsts = Array.from({ length: 200 }, () => health.firstCheckS(50));
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...firsts)).toBeLessThan(60);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(9); // spread, not in lockstep
  });

  it('fails a probe of a dark region, known only when the probe times out', () => {
    const health = monitor();
    const conditions = new Conditions(2);
    conditions.apply({ kind: 'region-down', atS: 0, region: 'eu' }, indexOf);
    expect(health.probe(1, conditions)).toEqual({ passed: false, delayS: 2 });
    expect(health.probe(0, conditions)).toEqual({ passed: true, delayS: 0 });
  });

  it('marks a region down after failureThreshold consecutive failures, and a pass in between starts the count again', () => {
    const health = monitor();
    expect(health.record(1, false, 1)).toBeUndefined();
    expect(health.record(1, false, 2)).toBeUndefined();
    expect(health.record(1, true, 3)).toBeUndefined(); // resets
    expect(health.record(1, false, 4)).toBeUndefined();
    expect(health.record(1, false, 5)).toBeUndefined();
    expect(health.record(1, false, 6)).toEqual({ region: 1, healthy: false, atS: 6 });
    expect(health.healthy[1]).toBe(0);
    expect(health.record(1, false, 7)).toBeUndefined(); // already down: no new verdict
  });

  it('marks a region up again after successThreshold consecutive passes', () => {
    const health = monitor({ failureThreshold: 1, successThreshold: 3 });
    expect(health.record(0, false, 1)?.healthy).toBe(false);
    expect(health.record(0, true, 2)).toBeUndefined();
    expect(health.record(0, true, 3)).toBeUndefined();
    expect(health.record(0, false, 4)).toBeUndefined(); // resets the passes
    expect(health.record(0, true, 5)).toBeUndefined();
    expect(health.record(0, true, 6)).toBeUndefined();
    expect(health.record(0, true, 7)).toEqual({ region: 0, healthy: true, atS: 7 });
  });

  it('sees a gray failure only if it shows in checks: too slow fails at the timeout, errors fail at their share', () => {
    const health = monitor();
    const hidden = new Conditions(2);
    hidden.apply({ kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 5000, errorRate: 1, failsHealthChecks: false }, indexOf);
    expect(health.probe(1, hidden).passed).toBe(true);

    const slow = new Conditions(2);
    slow.apply({ kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 2500, errorRate: 0, failsHealthChecks: true }, indexOf);
    expect(health.probe(1, slow)).toEqual({ passed: false, delayS: 2 });

    const erroring = new Conditions(2);
    erroring.apply({ kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 100, errorRate: 0.3, failsHealthChecks: true }, indexOf);
    const probes = Array.from({ length: 4000 }, () => health.probe(1, erroring));
    const failedShare = probes.filter((p) => !p.passed).length / probes.length;
    expect(failedShare).toBeGreaterThan(0.27);
    expect(failedShare).toBeLessThan(0.33);
    expect(probes.every((p) => p.delayS === 0.1)).toBe(true); // answered, 100 ms late
  });

  it('counts an answer that takes the whole timeout as a timeout (the checker gives up at timeoutS)', () => {
    // A convention at the boundary, not a derivation: an added latency of exactly timeoutS fails the probe.
    const health = monitor();
    const atTimeout = new Conditions(2);
    atTimeout.apply({ kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 2000, errorRate: 0, failsHealthChecks: true }, indexOf);
    expect(health.probe(1, atTimeout)).toEqual({ passed: false, delayS: 2 });
  });

  it('takes new settings from the next probe and verdict on', () => {
    const health = monitor();
    health.updateSettings({ ...settings, intervalS: 1, failureThreshold: 1 });
    expect(health.intervalS).toBe(1);
    expect(health.record(0, false, 1)?.healthy).toBe(false);
  });
});

describe('GeoDNS', () => {
  const TTL_S = 60;

  /** Berlin and New York in front of us-east and eu-west, under GeoDNS; `routable` is the health view it acts on. */
  function setup(routing: Record<string, unknown> = {}): { router: Router; routable: Uint8Array } {
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1' },
        { id: 'eu', catalog: 'aws:eu-west-1' },
      ],
      users: [
        { id: 'berlin', lat: 52.52, lon: 13.4, qps: 100 },
        { id: 'new-york', lat: 40.71, lon: -74.01, qps: 100 },
      ],
      routing: { policy: 'geodns', dnsTtlS: TTL_S, ...routing },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const routable = new Uint8Array(world.regions.length).fill(1);
    const router = createGeoDns({ world, settings: result.scenario.routing, routable, conditions: new Conditions(2), rng: createRandom(1, 'router') });
    return { router, routable };
  }

  function shareOn(router: Router, u: number, region: number, atS: number): number {
    const out = new Float64Array(2);
    router.shares(u, atS, out);
    expect(out[0]! + out[1]!).toBeCloseTo(1, 12);
    return out[region] as number;
  }

  it('answers each population with the nearest region by geography', () => {
    const { router } = setup();
    const rng = createRandom(1, 'picks');
    expect(router.pick(0, 5, rng)).toBe(EU);
    expect(router.pick(1, 5, rng)).toBe(US);
    expect(shareOn(router, 0, EU, 5)).toBe(1);
  });

  it('keeps answering with a region that is dark but not yet marked down (DNS knows only the health verdicts)', () => {
    const { router } = setup();
    router.powerChanged(EU, 10);
    expect(shareOn(router, 0, EU, 11)).toBe(1);
  });

  it('drains a population linearly over one TTL after the health system marks its region down', () => {
    const { router, routable } = setup();
    const changeS = 100;
    routable[EU] = 0;
    router.routableChanged(changeS);
    expect(shareOn(router, 0, EU, changeS - 0.001)).toBe(1);
    for (const x of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      // Resolver caches expire at staggered times: by x TTL, about a share x has re-resolved.
      expect(Math.abs(shareOn(router, 0, EU, changeS + x * TTL_S) - (1 - x)), `at ${x} TTL`).toBeLessThan(1.5 / RESOLVER_GROUPS + 1e-9);
    }
    expect(shareOn(router, 0, EU, changeS + TTL_S)).toBe(0);
    // Moving on is monotone: no resolver goes back to the old answer.
    let previous = 1;
    for (let t = changeS; t <= changeS + TTL_S; t += 0.5) {
      const share = shareOn(router, 0, EU, t);
      expect(share).toBeLessThanOrEqual(previous);
      previous = share;
    }
    // New York was never on eu-west: untouched.
    expect(shareOn(router, 1, US, changeS + 1)).toBe(1);
  });

  it('picks regions in the proportions its shares say during a drain', () => {
    const { router, routable } = setup();
    routable[EU] = 0;
    router.routableChanged(100);
    const rng = createRandom(2, 'picks');
    const picks = Array.from({ length: 4000 }, () => router.pick(0, 100 + TTL_S / 2, rng));
    const onEu = picks.filter((r) => r === EU).length / picks.length;
    expect(Math.abs(onEu - shareOn(router, 0, EU, 100 + TTL_S / 2))).toBeLessThan(0.03);
  });

  it('moves back over one TTL once the region is marked up again', () => {
    const { router, routable } = setup();
    routable[EU] = 0;
    router.routableChanged(100);
    routable[EU] = 1;
    router.routableChanged(300);
    expect(shareOn(router, 0, EU, 299)).toBe(0);
    expect(shareOn(router, 0, EU, 300 + TTL_S / 2)).toBeGreaterThan(0.3);
    expect(shareOn(router, 0, EU, 300 + TTL_S / 2)).toBeLessThan(0.7);
    expect(shareOn(router, 0, EU, 300 + TTL_S)).toBe(1);
  });

  it('switches at once with a TTL of 0', () => {
    const { router, routable } = setup({ dnsTtlS: 0 });
    routable[EU] = 0;
    router.routableChanged(100);
    expect(shareOn(router, 0, EU, 100)).toBe(0);
  });

  it('answers with the nearest region anyway when no region is healthy', () => {
    const { router, routable } = setup({ dnsTtlS: 0 });
    routable.fill(0);
    router.routableChanged(100);
    expect(shareOn(router, 0, EU, 101)).toBe(1);
    expect(shareOn(router, 1, US, 101)).toBe(1);
  });

  it('keeps the TTL-ignoring share on the old region long after the others moved, then moves it within ignoreTtlHoldS', () => {
    const { router, routable } = setup({ ignoreTtlShare: 0.25, ignoreTtlHoldS: 900 });
    routable[EU] = 0;
    router.routableChanged(100);
    // One TTL later every ordinary resolver has moved; of the TTL-ignoring 25%, only those due in that minute.
    expect(shareOn(router, 0, EU, 100 + TTL_S + 1)).toBeGreaterThan(0.25 - 2 / RESOLVER_GROUPS);
    expect(shareOn(router, 0, EU, 100 + TTL_S + 1)).toBeLessThanOrEqual(0.25);
    expect(shareOn(router, 0, EU, 100 + 600)).toBeLessThan(0.25 * (1 - 400 / 900) + 2 / RESOLVER_GROUPS);
    expect(shareOn(router, 0, EU, 100 + 600)).toBeGreaterThan(0);
    expect(shareOn(router, 0, EU, 100 + 900)).toBe(0);
  });

  // Regression test; this was a bug: geoDns.ts draws every resolver group's phase within one TTL (line 23),
  // including the groups that ignore the TTL and re-resolve only every ignoreTtlHoldS. Their re-resolutions
  // after a change therefore all fall within one TTL-wide slot of the hold, whose place depends on the time of
  // the change modulo the hold: a change at 890 s moves the "TTL-ignoring" share within 60 s, one at 100 s after
  // about 800 s. Real caches were filled at random moments, so that share should drain evenly over the hold:
  // about 1 - 120 / 900 of it still on the old region two TTLs after any change.
  it('drains the TTL-ignoring share evenly over ignoreTtlHoldS, whenever the change happens', () => {
    for (const changeS of [100, 890, 1700]) {
      const { router, routable } = setup({ ignoreTtlShare: 0.25, ignoreTtlHoldS: 900 });
      routable[EU] = 0;
      router.routableChanged(changeS);
      const left = shareOn(router, 0, EU, changeS + 2 * TTL_S);
      expect(left, `change at ${changeS} s`).toBeGreaterThan(0.25 * (1 - 120 / 900) - 2 / RESOLVER_GROUPS);
      expect(shareOn(router, 0, EU, changeS + 450), `change at ${changeS} s`).toBeLessThan(0.25 * 0.5 + 2 / RESOLVER_GROUPS);
    }
  });

  it('names a sole route when every resolver has the same answer, and none while a drain splits the traffic', () => {
    // No resolver ignores the TTL here, so one TTL after the change all of them have moved, whatever ignoreTtlHoldS says.
    const { router, routable } = setup({ ignoreTtlShare: 0, ignoreTtlHoldS: 900 });
    expect(router.soleRoute(0, 5)).toBe(EU);
    routable[EU] = 0;
    router.routableChanged(100);
    expect(router.soleRoute(0, 100 + TTL_S / 2)).toBe(-1);
    expect(router.soleRoute(0, 100 + TTL_S)).toBe(US);
    expect(router.soleRoute(1, 100 + TTL_S / 2)).toBe(US); // New York's answer never changed
    expect(router.nextTickS()).toBe(Number.POSITIVE_INFINITY);
    expect(router.retriesElsewhere).toBe(false);
  });

  it('keeps the route split until ignoreTtlHoldS has passed when some resolvers ignore the TTL', () => {
    const { router, routable } = setup({ ignoreTtlShare: 0.25, ignoreTtlHoldS: 900 });
    routable[EU] = 0;
    router.routableChanged(100);
    expect(router.soleRoute(0, 100 + TTL_S + 1)).toBe(-1);
    expect(router.soleRoute(0, 100 + 900)).toBe(US);
  });

  it('drains the resolvers that honour the TTL linearly over one TTL, beside the TTL-ignoring share', () => {
    // 24 of 32 groups honour the 60-s TTL, 8 hold for 900 s: by x TTL about 0.75 (1 - x) + 0.25 (1 - 60 x / 900) is left.
    const { router, routable } = setup({ ignoreTtlShare: 0.25, ignoreTtlHoldS: 900 });
    routable[EU] = 0;
    router.routableChanged(100);
    for (const x of [0.25, 0.5, 0.75]) {
      const expected = 0.75 * (1 - x) + 0.25 * (1 - (x * TTL_S) / 900);
      expect(Math.abs(shareOn(router, 0, EU, 100 + x * TTL_S) - expected), `at ${x} TTL`).toBeLessThan(2 / RESOLVER_GROUPS);
    }
  });

  it('sends every request to the new answer at once with a TTL of 0', () => {
    const { router, routable } = setup({ dnsTtlS: 0 });
    routable[EU] = 0;
    router.routableChanged(100);
    const rng = createRandom(4, 'picks');
    for (let i = 0; i < 100; i++) expect(router.pick(0, 100 + i * 0.37, rng)).toBe(US);
  });

  it('answers with the only region there is when it is marked down', () => {
    const result = parseScenario({
      version: 1,
      regions: [{ id: 'us', catalog: 'aws:us-east-1' }],
      users: [{ id: 'berlin', lat: 52.52, lon: 13.4, qps: 100 }],
      routing: { policy: 'geodns', dnsTtlS: 0 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const routable = new Uint8Array(1);
    const router = createGeoDns({ world, settings: result.scenario.routing, routable, conditions: new Conditions(1), rng: createRandom(1, 'router') });
    router.routableChanged(100);
    const out = new Float64Array(1);
    router.shares(0, 101, out);
    expect([...out]).toEqual([1]);
    expect(router.pick(0, 101, createRandom(1, 'picks'))).toBe(0);
  });
});

describe('anycast', () => {
  const CONVERGENCE_S = 5;
  /** European cities: all nearest to eu-west-1 by network. */
  const CITIES = [
    [52.52, 13.4],
    [48.86, 2.35],
    [40.42, -3.7],
    [41.9, 12.5],
    [52.37, 4.9],
    [52.23, 21.01],
    [59.33, 18.07],
    [50.85, 4.35],
  ] as const;

  function setup(anycastConvergenceS = CONVERGENCE_S): { router: Router; routable: Uint8Array; conditions: Conditions; users: number } {
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1' },
        { id: 'eu', catalog: 'aws:eu-west-1' },
        { id: 'ap', catalog: 'aws:ap-northeast-1' },
      ],
      users: CITIES.map(([lat, lon], i) => ({ id: `city-${i}`, lat, lon, qps: 10 })),
      routing: { policy: 'anycast', anycastConvergenceS },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const routable = new Uint8Array(3).fill(1);
    const conditions = new Conditions(3);
    const router = createAnycast({ world, settings: result.scenario.routing, routable, conditions, rng: createRandom(5, 'router') });
    return { router, routable, conditions, users: CITIES.length };
  }

  const indexOf = (id: string): number => ['us', 'eu', 'ap'].indexOf(id);
  const onEu = (router: Router, u: number, atS: number): boolean => {
    const out = new Float64Array(3);
    router.shares(u, atS, out);
    return out[EU] === 1;
  };

  /** When each population's route leaves eu-west, searched in 10-ms steps from `fromS`. */
  function switchTimes(router: Router, users: number, fromS: number, untilS: number): number[] {
    return Array.from({ length: users }, (_, u) => {
      for (let t = fromS; t <= untilS; t += 0.01) if (!onEu(router, u, t)) return t;
      return Number.POSITIVE_INFINITY;
    });
  }

  it('routes every population to its nearest region by network, and picks where its shares say', () => {
    const { router, users } = setup();
    const rng = createRandom(1, 'picks');
    for (let u = 0; u < users; u++) {
      expect(onEu(router, u, 0), `city ${u}`).toBe(true);
      expect(router.pick(u, 0, rng)).toBe(EU);
    }
  });

  it('withdraws a dark region without any health check: each population converges at its own moment within the convergence time', () => {
    const { router, conditions, users } = setup();
    const failS = 20;
    conditions.apply({ kind: 'region-down', atS: failS, region: 'eu' }, indexOf);
    router.powerChanged(EU, failS);
    const times = switchTimes(router, users, failS, failS + 2 * CONVERGENCE_S);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(failS);
      expect(t).toBeLessThanOrEqual(failS + CONVERGENCE_S + 0.01);
    }
    // Staggered, not all at once: the moments spread over most of the window.
    expect(new Set(times.map((t) => t.toFixed(2))).size).toBeGreaterThan(users / 2);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(CONVERGENCE_S / 3);
    // And it stays withdrawn.
    for (let u = 0; u < users; u++) expect(onEu(router, u, failS + 100)).toBe(false);
  });

  it('converges at once with a convergence time of 0', () => {
    const { router, conditions, users } = setup(0);
    conditions.apply({ kind: 'region-down', atS: 20, region: 'eu' }, indexOf);
    router.powerChanged(EU, 20);
    for (let u = 0; u < users; u++) expect(onEu(router, u, 20)).toBe(false);
  });

  it('keeps announcing a gray-failing region until the health system marks it down, then converges within the convergence time', () => {
    const { router, routable, conditions, users } = setup();
    conditions.apply({ kind: 'gray-failure', atS: 20, region: 'eu', addedMs: 0, errorRate: 1, failsHealthChecks: true }, indexOf);
    for (let u = 0; u < users; u++) expect(onEu(router, u, 40)).toBe(true);
    routable[EU] = 0;
    router.routableChanged(40);
    for (const t of switchTimes(router, users, 40, 60)) {
      expect(t).toBeGreaterThanOrEqual(40);
      expect(t).toBeLessThanOrEqual(40 + CONVERGENCE_S + 0.01);
    }
  });

  it('announces a region again once it is back and healthy, converging the same way', () => {
    const { router, routable, conditions, users } = setup();
    conditions.apply({ kind: 'region-down', atS: 20, region: 'eu' }, indexOf);
    router.powerChanged(EU, 20);
    routable[EU] = 0;
    router.routableChanged(30);
    conditions.apply({ kind: 'region-up', atS: 50, region: 'eu' }, indexOf);
    router.powerChanged(EU, 50);
    // Power is back but the health system still says down: not announced.
    for (let u = 0; u < users; u++) expect(onEu(router, u, 58)).toBe(false);
    routable[EU] = 1;
    router.routableChanged(60);
    for (let u = 0; u < users; u++) {
      expect(onEu(router, u, 59.99)).toBe(false);
      expect(onEu(router, u, 60 + CONVERGENCE_S)).toBe(true);
    }
  });

  it('names the one region each population reaches as its sole route, before, during and after convergence', () => {
    const { router, conditions, users } = setup();
    conditions.apply({ kind: 'region-down', atS: 20, region: 'eu' }, indexOf);
    router.powerChanged(EU, 20);
    for (let u = 0; u < users; u++) {
      for (const t of [0, 20, 21, 22.5, 24, 30]) {
        const out = new Float64Array(3);
        router.shares(u, t, out);
        expect(out[router.soleRoute(u, t)], `city ${u} at ${t} s`).toBe(1);
      }
    }
    expect(router.retriesElsewhere).toBe(false);
    expect(router.nextTickS()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('global load balancer', () => {
  function setup(routing: Record<string, unknown>, weights = [1, 1, 1]): { router: Router; routable: Uint8Array } {
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1', weight: weights[0] },
        { id: 'eu', catalog: 'aws:eu-west-1', weight: weights[1] },
        { id: 'ap', catalog: 'aws:ap-northeast-1', weight: weights[2] },
      ],
      users: [
        { id: 'berlin', lat: 52.52, lon: 13.4, qps: 100 },
        { id: 'tokyo', lat: 35.68, lon: 139.69, qps: 100 },
      ],
      routing: { policy: 'global-lb', ...routing },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const routable = new Uint8Array(3).fill(1);
    const router = createGlobalLb({ world, settings: result.scenario.routing, routable, conditions: new Conditions(3), rng: createRandom(1, 'router') });
    return { router, routable };
  }

  function shares(router: Router, u: number, atS = 0): number[] {
    const out = new Float64Array(3);
    router.shares(u, atS, out);
    return [...out];
  }

  it('sends each population to its lowest-latency region, over an edge hop', () => {
    const { router } = setup({ edgeRttMs: 3 });
    expect(shares(router, 0)).toEqual([0, 1, 0]);
    expect(shares(router, 1)).toEqual([0, 0, 1]);
    expect(router.accessExtraMs).toBe(3);
    expect(router.retriesElsewhere).toBe(false);
  });

  it('takes a region out of rotation the moment the health view marks it down, and back when it is up', () => {
    const { router, routable } = setup({});
    routable[EU] = 0;
    router.routableChanged(10);
    expect(shares(router, 0, 10)).toEqual([1, 0, 0]); // Berlin's next best is us-east
    routable[EU] = 1;
    router.routableChanged(20);
    expect(shares(router, 0, 20)).toEqual([0, 1, 0]);
  });

  it('does not know a region is dark until the health view says so', () => {
    const { router } = setup({});
    router.powerChanged(EU, 10);
    expect(shares(router, 0, 11)).toEqual([0, 1, 0]);
  });

  it('splits traffic by region weight under balance "weighted", among healthy regions only', () => {
    const { router, routable } = setup({ balance: 'weighted' }, [1, 2, 1]);
    expect(shares(router, 0)).toEqual([0.25, 0.5, 0.25]);
    const rng = createRandom(3, 'picks');
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[router.pick(0, 0, rng)]! += 1;
    expect(Math.abs(counts[EU]! / 8000 - 0.5)).toBeLessThan(0.02);
    routable[EU] = 0;
    router.routableChanged(10);
    expect(shares(router, 1, 10)).toEqual([0.5, 0, 0.5]);
  });

  it('has nowhere to send a request when no region is healthy', () => {
    const { router, routable } = setup({});
    routable.fill(0);
    router.routableChanged(10);
    expect(router.pick(0, 10, createRandom(1, 'picks'))).toBe(-1);
    expect(shares(router, 0, 10)).toEqual([0, 0, 0]);
  });

  it('names the lowest-latency healthy region as the sole route, and none under weighted balancing', () => {
    const { router, routable } = setup({});
    expect(router.soleRoute(0, 0)).toBe(EU);
    routable[EU] = 0;
    router.routableChanged(10);
    expect(router.soleRoute(0, 10)).toBe(US);
    expect(router.nextTickS()).toBe(Number.POSITIVE_INFINITY);
    expect(setup({ balance: 'weighted' }).router.soleRoute(0, 0)).toBe(-1);
  });

  it('falls back to the lowest-latency region when every healthy region has weight 0, and to nowhere when none is healthy', () => {
    const { router, routable } = setup({ balance: 'weighted' }, [0, 0, 0]);
    expect(shares(router, 0)).toEqual([0, 1, 0]);
    expect(router.pick(0, 0, createRandom(1, 'picks'))).toBe(EU);
    routable.fill(0);
    router.routableChanged(10);
    expect(shares(router, 0, 10)).toEqual([0, 0, 0]);
    expect(router.pick(0, 10, createRandom(1, 'picks'))).toBe(-1);
  });
});

describe('client SDK routing', () => {
  const PROBE_S = 30;
  const STEP_S = 0.1;
  const indexOf = (id: string): number => ['us', 'eu'].indexOf(id);

  function setup(): { router: Router; conditions: Conditions } {
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1' },
        { id: 'eu', catalog: 'aws:eu-west-1' },
      ],
      users: [
        { id: 'berlin', lat: 52.52, lon: 13.4, qps: 100 },
        { id: 'paris', lat: 48.86, lon: 2.35, qps: 100 },
      ],
      routing: { policy: 'client', clientProbeIntervalS: PROBE_S },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const conditions = new Conditions(2);
    const router = createClientSdk({ world, settings: result.scenario.routing, routable: new Uint8Array(2).fill(1), conditions, rng: createRandom(1, 'router') });
    return { router, conditions };
  }

  /** Runs the router's probes as the simulation's control steps do, from `fromS` to `toS`. */
  function runProbes(router: Router, fromS: number, toS: number): void {
    for (let t = fromS; t <= toS + 1e-9; t += STEP_S) if (router.nextTickS() <= t) router.tick(t);
  }

  const rng = createRandom(9, 'picks');

  it('sends requests to the fastest region and retries failures elsewhere', () => {
    const { router } = setup();
    expect(router.pick(0, 0, rng)).toBe(EU);
    expect(router.retriesElsewhere).toBe(true);
    expect(router.accessExtraMs).toBe(0);
  });

  it('stops using a region as soon as one of its requests fails, for that population only', () => {
    const { router } = setup();
    router.requestFailed(0, EU, 5);
    expect(router.pick(0, 5, rng)).toBe(US);
    const out = new Float64Array(2);
    router.shares(0, 5, out);
    expect([...out]).toEqual([1, 0]);
    expect(router.pick(1, 5, rng)).toBe(EU); // Paris has seen no failure
  });

  it('goes back to a region its next probe finds answering, within one probe interval', () => {
    const { router } = setup();
    runProbes(router, 0, 5);
    router.requestFailed(0, EU, 5); // a one-off failure; the region is fine
    let backAtS = Number.POSITIVE_INFINITY;
    for (let t = 5; t <= 5 + PROBE_S + 1; t += STEP_S) {
      runProbes(router, t, t);
      if (router.pick(0, t, rng) === EU) {
        backAtS = t;
        break;
      }
    }
    expect(backAtS).toBeGreaterThan(5);
    expect(backAtS).toBeLessThanOrEqual(5 + PROBE_S + STEP_S);
  });

  it('keeps a dark region out while its probes fail, and takes it back after the first probe once it is up', () => {
    const { router, conditions } = setup();
    conditions.apply({ kind: 'region-down', atS: 10, region: 'eu' }, indexOf);
    runProbes(router, 0, 10);
    router.requestFailed(0, EU, 12);
    runProbes(router, 10, 100);
    expect(router.pick(0, 100, rng)).toBe(US);
    // Paris sent nothing that failed, but its own probes found eu-west dark.
    expect(router.pick(1, 100, rng)).toBe(US);
    conditions.apply({ kind: 'region-up', atS: 100, region: 'eu' }, indexOf);
    runProbes(router, 100, 100 + PROBE_S);
    expect(router.pick(0, 100 + PROBE_S, rng)).toBe(EU);
    expect(router.pick(1, 100 + PROBE_S, rng)).toBe(EU);
  });

  it('treats a region that fails every request as down when probing, but not one that fails some', () => {
    const { router, conditions } = setup();
    conditions.apply({ kind: 'gray-failure', atS: 0, region: 'eu', addedMs: 0, errorRate: 0.5, failsHealthChecks: false }, indexOf);
    runProbes(router, 0, PROBE_S);
    expect(router.pick(0, PROBE_S, rng)).toBe(EU);
    conditions.apply({ kind: 'gray-failure', atS: PROBE_S, region: 'eu', addedMs: 0, errorRate: 1, failsHealthChecks: false }, indexOf);
    runProbes(router, PROBE_S, 2 * PROBE_S + STEP_S);
    expect(router.pick(0, 2 * PROBE_S, rng)).toBe(US);
  });

  it('has nowhere to go once every region has failed it, until a probe finds one answering', () => {
    const { router } = setup();
    router.requestFailed(0, EU, 1);
    router.requestFailed(0, US, 1);
    expect(router.pick(0, 1, rng)).toBe(-1);
    runProbes(router, 1, 1 + PROBE_S);
    expect(router.pick(0, 1 + PROBE_S, rng)).toBe(EU);
  });

  it('keeps each population\'s exclusions apart, whichever fails first', () => {
    const { router } = setup();
    router.requestFailed(0, EU, 5);
    router.requestFailed(1, EU, 6);
    expect(router.pick(0, 6, rng)).toBe(US);
    expect(router.pick(1, 6, rng)).toBe(US);
    expect(router.soleRoute(1, 6)).toBe(US);
    const fresh = setup().router;
    fresh.requestFailed(1, US, 5); // not its route: Paris stays on eu-west, and its shares and sole route say so
    const out = new Float64Array(2);
    fresh.shares(1, 5, out);
    expect([...out]).toEqual([0, 1]);
    expect(fresh.soleRoute(1, 5)).toBe(EU);
  });

  it('moves on to the next probe time when it ticks exactly at the time it asked for', () => {
    const { router } = setup();
    for (let i = 0; i < 6; i++) {
      const t = router.nextTickS();
      router.tick(t);
      expect(router.nextTickS()).toBeGreaterThan(t);
    }
  });

  it('probes each population on its own schedule: after failing everywhere, each comes back at its own moment within one interval', () => {
    const cities = [
      [52.52, 13.4],
      [48.86, 2.35],
      [40.42, -3.7],
      [41.9, 12.5],
      [52.37, 4.9],
      [52.23, 21.01],
      [59.33, 18.07],
      [50.85, 4.35],
    ];
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1' },
        { id: 'eu', catalog: 'aws:eu-west-1' },
      ],
      users: cities.map(([lat, lon], i) => ({ id: `city-${i}`, lat, lon, qps: 10 })),
      routing: { policy: 'client', clientProbeIntervalS: PROBE_S },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const world = buildWorld(result.scenario);
    const router = createClientSdk({ world, settings: result.scenario.routing, routable: new Uint8Array(2).fill(1), conditions: new Conditions(2), rng: createRandom(3, 'router') });
    for (let u = 0; u < cities.length; u++) {
      router.requestFailed(u, EU, 0);
      router.requestFailed(u, US, 0);
    }
    const backAtS = cities.map(() => Number.POSITIVE_INFINITY);
    for (let t = 0; t <= PROBE_S + STEP_S; t += STEP_S) {
      runProbes(router, t, t);
      for (let u = 0; u < cities.length; u++) {
        if (backAtS[u] !== Number.POSITIVE_INFINITY) continue;
        const r = router.pick(u, t, rng);
        if (r === -1) continue;
        expect(r, `city ${u}: its own probe found both regions answering, and eu-west is the faster`).toBe(EU);
        backAtS[u] = t;
      }
    }
    expect(Math.max(...backAtS)).toBeLessThanOrEqual(PROBE_S + STEP_S);
    // Eight phases drawn uniformly over 30 s: not in lockstep (the range of 8 uniform draws is below 10 s with probability 0.3%).
    expect(Math.max(...backAtS) - Math.min(...backAtS)).toBeGreaterThan(10);
  });
});

describe('lowestRtt', () => {
  it('returns -1 when no region is allowed', () => {
    const result = parseScenario({ version: 1, regions: [{ id: 'us', catalog: 'aws:us-east-1' }], users: [{ id: 'u', lat: 0, lon: 0, qps: 1 }] });
    if (!result.ok) throw new Error('invalid');
    const world = buildWorld(result.scenario);
    expect(lowestRtt(world, 0, () => false)).toBe(-1);
    expect(lowestRtt(world, 0, () => true)).toBe(0);
  });

  it('returns the next-lowest RTT when the lowest is not allowed', () => {
    const result = parseScenario({
      version: 1,
      regions: [
        { id: 'us', catalog: 'aws:us-east-1' },
        { id: 'eu', catalog: 'aws:eu-west-1' },
        { id: 'ap', catalog: 'aws:ap-northeast-1' },
      ],
      users: [{ id: 'berlin', lat: 52.52, lon: 13.4, qps: 1 }],
    });
    if (!result.ok) throw new Error('invalid');
    const world = buildWorld(result.scenario);
    expect(lowestRtt(world, 0, () => true)).toBe(EU);
    expect(lowestRtt(world, 0, (r) => r !== EU)).toBe(US);
    expect(lowestRtt(world, 0, (r) => r === AP)).toBe(AP);
  });
});
