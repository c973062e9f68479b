/**
 * The queues in front of a region's servers: the multi-server queueing formulas (Erlang C, M/G/c waits), the
 * exact FIFO over c servers, and the two region-queue models built on them (exact and fluid) under load,
 * overload, shedding and capacity changes.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { FifoServers } from './fifoServers.ts';
import { erlangC, LOGNORMAL_MEAN_OVER_MEDIAN, serverCount, SERVICE_CV2, SERVICE_SIGMA, waitDistribution } from './queueing.ts';
import { createExactQueues, createFluidQueues, QUEUE_TIMEOUT_SHARE, SHED, SHED_WAIT_S, TIMED_OUT, type RegionQueues } from './regionQueues.ts';

/** Erlang C straight from its textbook formula (fine for small c), to check the stable recursion against. */
function erlangCByFormula(c: number, a: number): number {
  let factorial = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) factorial *= k;
    sum += a ** k / factorial;
  }
  const top = (a ** c / (factorial * c)) * (c / (c - a));
  return top / (sum + top);
}

describe('erlangC', () => {
  it('is the utilisation itself for one server (M/M/1: an arrival waits with probability rho)', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.99]) expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
  });

  it('is 1/3 for two servers offered one erlang', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('matches the textbook formula for small server counts', () => {
    for (const c of [1, 2, 3, 5, 8, 13]) {
      for (const rho of [0.2, 0.6, 0.95]) expect(erlangC(c, rho * c), `c=${c} rho=${rho}`).toBeCloseTo(erlangCByFormula(c, rho * c), 10);
    }
  });

  it('is 0 with no load and 1 at or above saturation', () => {
    expect(erlangC(4, 0)).toBe(0);
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 9)).toBe(1);
  });

  it('stays a finite probability for thousands of servers (the recursion does not overflow)', () => {
    const p = erlangC(5000, 4900);
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // Pooling: at the same 98% utilisation, 5000 servers make waiting far rarer than one server does.
    expect(p).toBeLessThan(erlangC(1, 0.98));
  });
});

describe('waitDistribution', () => {
  it('makes waits more likely and longer as utilisation grows', () => {
    const capacityQps = 1000;
    const servers = 8;
    let previous = waitDistribution(servers, 100, capacityQps);
    for (const rho of [0.3, 0.5, 0.7, 0.9, 0.97]) {
      const next = waitDistribution(servers, rho * capacityQps, capacityQps);
      expect(next.pWait, `pWait at ${rho}`).toBeGreaterThan(previous.pWait);
      expect(next.meanWaitS, `meanWait at ${rho}`).toBeGreaterThan(previous.meanWaitS);
      previous = next;
    }
  });

  it('gives no wait without arrivals', () => {
    expect(waitDistribution(4, 0, 1000)).toEqual({ pWait: 0, meanWaitS: 0 });
  });

  it('gives the M/G/c mean wait of those who wait: (1 + cv^2) / 2 / (c mu - lambda)', () => {
    const { meanWaitS } = waitDistribution(10, 800, 1000);
    expect(meanWaitS).toBeCloseTo((1 + SERVICE_CV2) / 2 / 200, 12);
  });

  it('stays finite at and above capacity (utilisation is capped just below 1)', () => {
    const over = waitDistribution(4, 2000, 1000);
    expect(Number.isFinite(over.meanWaitS)).toBe(true);
    expect(over.pWait).toBeGreaterThan(0.9);
  });
});

describe('serverCount and the log-normal service shape', () => {
  it('gives capacity x mean service servers, at least one', () => {
    expect(serverCount(1000, 0.003)).toBe(3);
    expect(serverCount(100_000, 0.0024)).toBe(240);
    expect(serverCount(1, 0.001)).toBe(1);
  });

  // The count is rounded to the nearest whole server. Each case below is worked by hand: capacity x mean service
  // is 2.4 (nearest 2; rounding up would give 3) or 2.6 (nearest 3; rounding down would give 2), and the 0.5 cases
  // round half up as Math.round does.
  it('rounds capacity x mean service to the nearest whole server, neither up nor down', () => {
    expect(serverCount(1000, 0.0024)).toBe(2); // 2.4 servers
    expect(serverCount(1000, 0.0026)).toBe(3); // 2.6
    expect(serverCount(500, 0.0093)).toBe(5); // 4.65
    expect(serverCount(400, 0.0111)).toBe(4); // 4.44
    expect(serverCount(2000, 0.00125)).toBe(3); // 2.5, half up
    expect(serverCount(100, 0.004)).toBe(1); // 0.4 rounds to 0, and a region has at least one server
  });

  it('sizes a region queue to those servers, and stretches service so that they deliver its capacity', () => {
    for (const model of ['exact', 'fluid'] as const) {
      const create = model === 'exact' ? createExactQueues : createFluidQueues;
      // 1000 qps at 2.4 ms: 2 servers, each busy 2.4 ms x (2 / 2.4) per request, so 2 / 2 ms = 1000 qps.
      const low = create({ capacityQps: [1000], meanServiceS: [0.0024], shed: false, timeoutS: 2 });
      expect(low.stretchOf(0), model).toBeCloseTo(2 / 2.4, 12);
      // 1000 qps at 2.6 ms: 3 servers, stretch 3 / 2.6.
      const high = create({ capacityQps: [1000], meanServiceS: [0.0026], shed: false, timeoutS: 2 });
      expect(high.stretchOf(0), model).toBeCloseTo(3 / 2.6, 12);
      // A capacity change resizes by the same rounding: 500 qps at 2.6 ms is 1.3, so 1 server.
      high.setCapacity(0, 500, 0);
      expect(high.stretchOf(0), model).toBeCloseTo(1 / 1.3, 12);
    }
  });

  it('serves as many requests at once as it has whole servers (exact)', () => {
    // Requests arriving together, each busy 10 ms: the first c start at once, the next waits for a server.
    const startsOf = (meanServiceS: number, arrivals: number): number[] => {
      const queues = createExactQueues({ capacityQps: [1000], meanServiceS: [meanServiceS], shed: false, timeoutS: 2 });
      return Array.from({ length: arrivals }, () => queues.admit(0, 0, 0.01, 1, createRandom(1)));
    };
    expect(startsOf(0.0024, 3)).toEqual([0, 0, 0.01]); // 2 servers
    expect(startsOf(0.0026, 4)).toEqual([0, 0, 0, 0.01]); // 3 servers
  });

  it('uses the log-normal moments of its sigma', () => {
    expect(LOGNORMAL_MEAN_OVER_MEDIAN).toBeCloseTo(Math.exp(SERVICE_SIGMA ** 2 / 2), 12);
    expect(SERVICE_CV2).toBeCloseTo(Math.exp(SERVICE_SIGMA ** 2) - 1, 12);
  });
});

/** Offers `count` arrivals `gapS` apart, each busy `busyS`, and returns each one's start of service. */
function serveAll(queue: FifoServers, count: number, gapS: number, busyS: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const startS = queue.startS(i * gapS);
    queue.book(startS, busyS);
    starts.push(startS);
  }
  return starts;
}

describe('FifoServers', () => {
  it('serves at once while a server is free', () => {
    const queue = new FifoServers(3);
    // Three servers, each request busy 10 ms, one arrival every 5 ms: at most two are busy at a time.
    const starts = serveAll(queue, 100, 0.005, 0.01);
    starts.forEach((startS, i) => expect(startS).toBeCloseTo(i * 0.005, 12));
  });

  it('saturates at servers / service time, whatever the offered load', () => {
    for (const servers of [1, 4, 16]) {
      const queue = new FifoServers(servers);
      const busyS = 0.01;
      const count = 10_000;
      // Offered 5000/s, far above the 100 x servers/s the servers can do.
      const starts = serveAll(queue, count, 0.0002, busyS);
      const lastDoneS = (starts[count - 1] as number) + busyS;
      expect(count / lastDoneS / (servers / busyS), `${servers} servers`).toBeCloseTo(1, 3);
    }
  });

  it('serves in arrival order (first come, first served)', () => {
    const queue = new FifoServers(2);
    const starts = serveAll(queue, 500, 0.001, 0.004);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] as number);
  });

  it('keeps the soonest-free servers when shrunk, and adds servers free now when grown', () => {
    const queue = new FifoServers(3);
    queue.book(0, 5);
    queue.book(0, 1);
    queue.book(0, 3);
    queue.resize(2, 0.5);
    expect(queue.servers).toBe(2);
    expect(queue.startS(0.5)).toBe(1); // the server free at 1 s was kept, the one free at 5 s dropped
    queue.book(1, 10); // now free at 3 and 11
    queue.resize(4, 2);
    expect(queue.servers).toBe(4);
    expect(queue.startS(2)).toBe(2); // new servers are free now
  });

  it('always keeps at least one server', () => {
    const queue = new FifoServers(0);
    expect(queue.servers).toBe(1);
    queue.resize(0, 1);
    expect(queue.servers).toBe(1);
  });
});

const CONTROL_STEP_S = 0.1;
const TIMEOUT_S = 2;
/** Mean busy time per request; with capacity 1000 qps it makes exactly 3 servers (no rounding). */
const MEAN_SERVICE_S = 0.003;
const oneRegionSetup = () => ({ capacityQps: [1000], meanServiceS: [MEAN_SERVICE_S], shed: false, timeoutS: TIMEOUT_S });

interface Second {
  admitted: number;
  shed: number;
  timedOut: number;
  /** Sum of the admitted requests' waits, seconds. */
  waitS: number;
  maxWaitS: number;
}

/**
 * Drives one region's queue as the simulation does: Poisson arrivals at `qps` (in time order), log-normal
 * busy times, a control step every 0.1 s telling the queue the expected arrival rate. Per-second tallies.
 */
function drive(model: 'exact' | 'fluid', qps: number, options: { capacityQps?: number; durationS?: number; shed?: boolean; seed?: number } = {}): Second[] {
  const { capacityQps = 1000, durationS = 30, shed = false, seed = 1 } = options;
  const setup = { capacityQps: [capacityQps], meanServiceS: [MEAN_SERVICE_S], shed, timeoutS: TIMEOUT_S };
  const queues: RegionQueues = model === 'exact' ? createExactQueues(setup) : createFluidQueues(setup);
  const rng = createRandom(seed, 'arrivals');
  const expected = Float64Array.of(qps);
  const seconds: Second[] = Array.from({ length: Math.ceil(durationS) }, () => ({ admitted: 0, shed: 0, timedOut: 0, waitS: 0, maxWaitS: 0 }));
  let nextStepS = 0;
  for (let atS = rng.exponential(qps); atS < durationS; atS += rng.exponential(qps)) {
    while (nextStepS <= atS) {
      queues.step(expected, CONTROL_STEP_S);
      nextStepS += CONTROL_STEP_S;
    }
    const busyS = rng.logNormal(MEAN_SERVICE_S / LOGNORMAL_MEAN_OVER_MEDIAN, SERVICE_SIGMA);
    const startS = queues.admit(0, atS, busyS, atS + TIMEOUT_S - 0.05, rng);
    const second = seconds[Math.floor(atS)] as Second;
    if (startS === SHED) second.shed++;
    else if (startS === TIMED_OUT) second.timedOut++;
    else {
      second.admitted++;
      second.waitS += startS - atS;
      second.maxWaitS = Math.max(second.maxWaitS, startS - atS);
    }
  }
  return seconds;
}

function totals(seconds: readonly Second[]): Second {
  return seconds.reduce(
    (t, s) => ({ admitted: t.admitted + s.admitted, shed: t.shed + s.shed, timedOut: t.timedOut + s.timedOut, waitS: t.waitS + s.waitS, maxWaitS: Math.max(t.maxWaitS, s.maxWaitS) }),
    { admitted: 0, shed: 0, timedOut: 0, waitS: 0, maxWaitS: 0 },
  );
}

describe('region queues under overload', () => {
  for (const model of ['exact', 'fluid'] as const) {
    it(`${model}: serves about its capacity under 1.3x overload, times out the rest, and never serves after the queue timeout`, () => {
      const steady = totals(drive(model, 1300).slice(10));
      const seconds = 20;
      expect(steady.admitted / seconds / 1000).toBeGreaterThan(0.96);
      expect(steady.admitted / seconds / 1000).toBeLessThan(1.04);
      expect(steady.timedOut / seconds).toBeGreaterThan(250);
      expect(steady.timedOut / seconds).toBeLessThan(350);
      expect(steady.shed).toBe(0);
      // Saturated: the served waited about the queue timeout, and none longer.
      const queueTimeoutS = QUEUE_TIMEOUT_SHARE * TIMEOUT_S;
      expect(steady.maxWaitS).toBeLessThanOrEqual(queueTimeoutS + 1e-9);
      expect(steady.waitS / steady.admitted).toBeGreaterThan(0.9 * queueTimeoutS);
    });

    it(`${model}: sheds the excess at once in shed mode, and what it serves waits at most ${SHED_WAIT_S * 1000} ms`, () => {
      const steady = totals(drive(model, 1300, { shed: true }).slice(10));
      expect(steady.admitted / 20 / 1000).toBeGreaterThan(0.96);
      expect(steady.admitted / 20 / 1000).toBeLessThan(1.04);
      expect(steady.shed / 20).toBeGreaterThan(250);
      expect(steady.timedOut).toBe(0);
      expect(steady.maxWaitS).toBeLessThanOrEqual(SHED_WAIT_S + 1e-9);
    });

    it(`${model}: serves everything below capacity, with short waits`, () => {
      const all = totals(drive(model, 700));
      expect(all.timedOut + all.shed).toBe(0);
      expect(all.waitS / all.admitted).toBeLessThan(0.005);
    });
  }

  it('gives the fluid queue about the FIFO queue\'s mean wait at 70% and 90% utilisation (M/G/c, within 30%)', () => {
    for (const qps of [700, 900]) {
      const exact = totals(drive('exact', qps, { durationS: 60 }));
      const fluid = totals(drive('fluid', qps, { durationS: 60 }));
      const exactWaitS = exact.waitS / exact.admitted;
      const fluidWaitS = fluid.waitS / fluid.admitted;
      expect(Math.abs(fluidWaitS / exactWaitS - 1), `${qps} qps: fluid ${fluidWaitS} s, exact ${exactWaitS} s`).toBeLessThan(0.3);
    }
  });

  it('recovers: once the overload ends, the backlog drains and waits fall back', () => {
    for (const model of ['exact', 'fluid'] as const) {
      const setup = { capacityQps: [1000], meanServiceS: [MEAN_SERVICE_S], shed: false, timeoutS: TIMEOUT_S };
      const queues = model === 'exact' ? createExactQueues(setup) : createFluidQueues(setup);
      const rng = createRandom(3, 'arrivals');
      let atS = 0;
      let nextStepS = 0;
      const waitAt = (untilS: number, qps: number): number => {
        let waitS = 0;
        let served = 0;
        for (atS += rng.exponential(qps); atS < untilS; atS += rng.exponential(qps)) {
          while (nextStepS <= atS) {
            queues.step(Float64Array.of(qps), CONTROL_STEP_S);
            nextStepS += CONTROL_STEP_S;
          }
          const startS = queues.admit(0, atS, rng.logNormal(MEAN_SERVICE_S / LOGNORMAL_MEAN_OVER_MEDIAN, SERVICE_SIGMA), atS + 1.95, rng);
          if (startS >= 0) {
            waitS += startS - atS;
            served++;
          }
        }
        return waitS / served;
      };
      expect(waitAt(10, 1500), model).toBeGreaterThan(0.5); // overloaded
      waitAt(15, 500); // drains at 500/s
      expect(waitAt(20, 500), model).toBeLessThan(0.005);
    }
  });

  it('changes capacity from now on: halving it makes 1300 qps an overload', () => {
    for (const model of ['exact', 'fluid'] as const) {
      // 2000 qps at 3 ms is 6 servers, 1000 qps is 3: whole numbers, so the halving is exact.
      const setup = { capacityQps: [2000], meanServiceS: [MEAN_SERVICE_S], shed: false, timeoutS: TIMEOUT_S };
      const queues = model === 'exact' ? createExactQueues(setup) : createFluidQueues(setup);
      const rng = createRandom(4, 'arrivals');
      let servedBefore = 0;
      let servedAfter = 0;
      let nextStepS = 0;
      for (let atS = rng.exponential(1300); atS < 30; atS += rng.exponential(1300)) {
        while (nextStepS <= atS) {
          if (Math.abs(nextStepS - 10) < 1e-9) queues.setCapacity(0, 1000, nextStepS);
          queues.step(Float64Array.of(1300), CONTROL_STEP_S);
          nextStepS += CONTROL_STEP_S;
        }
        const startS = queues.admit(0, atS, rng.logNormal(MEAN_SERVICE_S / LOGNORMAL_MEAN_OVER_MEDIAN, SERVICE_SIGMA), atS + 1.95, rng);
        if (startS >= 0 && atS < 10) servedBefore++;
        if (startS >= 0 && atS >= 15) servedAfter++;
      }
      expect(queues.capacityOf(0)).toBe(1000);
      expect(servedBefore / 10 / 1300, model).toBeGreaterThan(0.97); // all of it
      expect(servedAfter / 15 / 1000, model).toBeGreaterThan(0.95);
      expect(servedAfter / 15 / 1000, model).toBeLessThan(1.05);
    }
  });

  // Regression test; this was a bug: while a backlog builds, createFluidQueues.admit (regionQueues.ts) adds the
  // stationary M/G/c wait at the capped utilisation 0.995 (about 0.14 s here, 0.1 s for a 1500-qps region) on top
  // of the backlog's own wait, so during the first seconds of an overload the fluid model's waits are 30-80%
  // above a real FIFO queue's. In whole runs of the capacity example (failure at 5 s of 30) it shows as 0-8% more
  // errors in aggregate than in exact mode, and a p50 off by up to 15% either way when the run's median falls in
  // those seconds: too noisy to pin at run level, hence this test.
  it('gives the fluid queue the FIFO queue\'s waits while a backlog builds (first 2 s of a 1.3x overload, within 10%)', () => {
    const exact = totals(drive('exact', 1300, { durationS: 2 }));
    const fluid = totals(drive('fluid', 1300, { durationS: 2 }));
    const exactWaitS = exact.waitS / exact.admitted;
    const fluidWaitS = fluid.waitS / fluid.admitted;
    expect(exactWaitS).toBeGreaterThan(0.2); // the backlog grows 0.3 s per second: about 0.3 s on average
    expect(Math.abs(fluidWaitS / exactWaitS - 1)).toBeLessThan(0.1);
  });

  // Regression test; this was a bug: with all capacity lost (capacity-loss fraction 1, which the schema allows),
  // createFluidQueues.admit divides by a capacity of 0 and returns NaN, neither a start time nor SHED nor
  // TIMED_OUT. journey.ts queueAndServe then returns NaN without failing the journey, so the aggregate loop in
  // simulation.ts run() (`while (journey.stage !== 'done') advance(...)`) spins forever: a run with a
  // capacity-loss of 1 in aggregate mode never returns (the worker freezes). The exact queue keeps one server
  // and goes on serving (667 qps here). A region with no capacity should reject or time out every request.
  it('admits nothing at a region with no capacity left: every request is shed or timed out, never NaN', () => {
    for (const model of ['exact', 'fluid'] as const) {
      const queues = model === 'exact' ? createExactQueues(oneRegionSetup()) : createFluidQueues(oneRegionSetup());
      queues.setCapacity(0, 0, 0);
      queues.step(Float64Array.of(300), CONTROL_STEP_S);
      const rng = createRandom(1, 'arrivals');
      const results = Array.from({ length: 100 }, (_, i) => queues.admit(0, i / 100, MEAN_SERVICE_S, i / 100 + 1.95, rng));
      expect(results.filter((r) => r !== SHED && r !== TIMED_OUT), model).toEqual([]);
    }
  });
});
