/**
 * The queues in front of every region's servers, in two interchangeable models:
 * - exact: a real FIFO queue per region over c servers (arrivals must come in time order);
 * - fluid: the queue as a backlog that grows when arrivals exceed capacity and drains when they fall below,
 *   plus the M/G/c waiting time at the current utilisation.
 * Both drop queued requests the same way: a server gives up on a request that has waited longer than its queue
 * timeout (QUEUE_TIMEOUT_SHARE of the client's timeout, as servers are configured below their clients so that
 * what they do serve still answers in time), or whose client's deadline has passed. Without that, a saturated
 * FIFO queue serves requests just as their clients give up and goodput collapses. Both can also shed load:
 * reject at once what would queue for more than SHED_WAIT_S.
 */
import type { Random } from '../random.ts';
import { FifoServers } from './fifoServers.ts';
import { serverCount, waitDistribution } from './queueing.ts';

/** A shedding region rejects a request that would wait longer than this in its queue. */
export const SHED_WAIT_S = 0.05;
/** A region's queue timeout, as a share of the clients' timeout. */
export const QUEUE_TIMEOUT_SHARE = 0.5;
/** `admit` result: rejected at once (shed). */
export const SHED = -1;
/** `admit` result: could not be served before the client's deadline (timed out in the queue). */
export const TIMED_OUT = -2;

export interface RegionQueues {
  /**
   * Admits one request arriving at region r at `atS` that keeps a server busy for `busyS` and is useless after
   * `doneByS` (its client's deadline less the way back). Returns the time service starts, SHED or TIMED_OUT.
   */
  admit(r: number, atS: number, busyS: number, doneByS: number, rng: Random): number;
  /**
   * Factor on region r's sampled service times: its c = round(capacity x mean service) servers then saturate
   * exactly at its capacity (1 when c is large; a single server stretches more). 1 when it has no capacity.
   */
  stretchOf(r: number): number;
  /** Sets region r's capacity in requests/s from `nowS` on (capacity loss, autoscaling). */
  setCapacity(r: number, capacityQps: number, nowS: number): void;
  /** Control step: the expected arrival rate per region (requests/s) over the next `dtS` seconds. */
  step(arrivalQps: Float64Array, dtS: number): void;
  /** Current capacity of region r in requests/s. */
  capacityOf(r: number): number;
}

export interface QueueSetup {
  readonly capacityQps: readonly number[];
  /** Mean busy time of one request at each region, seconds. */
  readonly meanServiceS: readonly number[];
  readonly shed: boolean;
  readonly timeoutS: number;
}

/** c / (capacity x mean service): what makes c whole servers deliver exactly `capacityQps`. */
function stretchFor(capacityQps: number, meanServiceS: number): number {
  if (capacityQps <= 0 || meanServiceS <= 0) return 1;
  return serverCount(capacityQps, meanServiceS) / (capacityQps * meanServiceS);
}

const meanOf = (setup: QueueSetup, r: number): number => setup.meanServiceS[r] ?? 0.003;

export function createExactQueues(setup: QueueSetup): RegionQueues {
  const capacity = [...setup.capacityQps];
  const servers = capacity.map((qps, r) => new FifoServers(serverCount(qps, meanOf(setup, r))));
  const stretch = capacity.map((qps, r) => stretchFor(qps, meanOf(setup, r)));
  const queueLimitS = setup.shed ? SHED_WAIT_S : QUEUE_TIMEOUT_SHARE * setup.timeoutS;
  return {
    admit(r, atS, busyS, doneByS) {
      if ((capacity[r] ?? 0) <= 0) return setup.shed ? SHED : TIMED_OUT;
      const queue = servers[r] as FifoServers;
      const startS = queue.startS(atS);
      if (startS - atS > queueLimitS) return setup.shed ? SHED : TIMED_OUT;
      if (startS > doneByS) return TIMED_OUT;
      queue.book(startS, busyS);
      return startS;
    },
    stretchOf: (r) => stretch[r] ?? 1,
    setCapacity(r, capacityQps, nowS) {
      capacity[r] = capacityQps;
      stretch[r] = stretchFor(capacityQps, meanOf(setup, r));
      servers[r]?.resize(serverCount(capacityQps, meanOf(setup, r)), nowS);
    },
    step: () => {},
    capacityOf: (r) => capacity[r] ?? 0,
  };
}

export function createFluidQueues(setup: QueueSetup): RegionQueues {
  const R = setup.capacityQps.length;
  const capacity = Float64Array.from(setup.capacityQps);
  const servers = Float64Array.from(capacity, (qps, r) => serverCount(qps, meanOf(setup, r)));
  const stretch = Float64Array.from(capacity, (qps, r) => stretchFor(qps, meanOf(setup, r)));
  const arrivals = new Float64Array(R);
  const backlog = new Float64Array(R);
  const pWait = new Float64Array(R);
  const meanWaitS = new Float64Array(R);
  const ceilingS = setup.shed ? SHED_WAIT_S : QUEUE_TIMEOUT_SHARE * setup.timeoutS;

  const refresh = (r: number): void => {
    const w = waitDistribution(servers[r] as number, arrivals[r] as number, capacity[r] as number);
    pWait[r] = w.pWait;
    meanWaitS[r] = w.meanWaitS;
  };

  return {
    admit(r, atS, _busyS, doneByS, rng) {
      const cap = capacity[r] as number;
      if (cap <= 0) return setup.shed ? SHED : TIMED_OUT;
      const lambda = arrivals[r] as number;
      const backlogWaitS = (backlog[r] as number) / cap;
      const saturated = lambda > cap && backlogWaitS >= 0.999 * ceilingS;
      if (saturated && rng.uniform() > cap / lambda) return setup.shed ? SHED : TIMED_OUT;
      let waitS = backlogWaitS;
      // With a backlog the servers are all busy and the wait is the backlog's; without, the M/G/c wait.
      if (backlogWaitS === 0 && rng.uniform() < (pWait[r] as number)) waitS += rng.exponential(1 / (meanWaitS[r] as number));
      if (saturated) waitS = Math.min(waitS, ceilingS); // the admitted are the ones the queue timeout let through
      if (waitS > ceilingS) return setup.shed ? SHED : TIMED_OUT;
      if (atS + waitS > doneByS) return TIMED_OUT;
      return atS + waitS;
    },
    stretchOf: (r) => stretch[r] ?? 1,
    setCapacity(r, capacityQps) {
      capacity[r] = capacityQps;
      servers[r] = serverCount(capacityQps, meanOf(setup, r));
      stretch[r] = stretchFor(capacityQps, meanOf(setup, r));
      refresh(r);
    },
    step(arrivalQps, dtS) {
      for (let r = 0; r < R; r++) {
        const lambda = arrivalQps[r] ?? 0;
        const cap = capacity[r] as number;
        backlog[r] = cap > 0 ? Math.min(Math.max(0, (backlog[r] as number) + (lambda - cap) * dtS), cap * ceilingS) : 0;
        if (lambda !== arrivals[r]) {
          arrivals[r] = lambda;
          refresh(r);
        }
      }
    },
    capacityOf: (r) => capacity[r] ?? 0,
  };
}
