/**
 * What the map and the charts watch each second, beyond latency: every region's capacity, drops and state,
 * every directed replication link's lag and state, and the run's totals (conflicts, lost writes, stale reads,
 * cost). Read from the simulation's parts when a window closes; the recorder keeps only what it needs to turn
 * run totals into per-window figures and to know how long a link has held writes back.
 *
 * A link's `lagMs` is measured where it can be: the mean lag of the writes the link applied in the window
 * (a backlog draining after a heal shows as the long lags it really has). While the link holds writes back it is
 * how long it has held them (known to the second: the recorder sees the state as windows close); a flowing link
 * that applied nothing in the window shows the lag a write would see: the one-way delay plus half a batch
 * interval. The highest lag measured on the link comes from replication.
 */
import type { Conditions } from '../conditions.ts';
import { computeCost } from '../data/cost.ts';
import type { DataLayer } from '../data/dataLayer.ts';
import type { Replication } from '../data/replication.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  LINK_DEGRADED,
  LINK_END_DARK,
  LINK_PARTITIONED,
  REGION_DARK,
  REGION_GRAY,
  REGION_OUT,
  REGION_WRITER,
  type LinkWindows,
  type RegionWindows,
  type WindowDetail,
  type WindowTotals,
} from './window.ts';
import type { World } from '../world.ts';
import type { RegionAccounting } from './regionAccounting.ts';

export interface WindowSources {
  /** The window's end, simulated seconds. */
  readonly nowS: number;
  readonly world: World;
  readonly scenario: Scenario;
  readonly conditions: Conditions;
  /** 1 where the routing layer sends traffic to the region. */
  readonly routable: Uint8Array;
  readonly capacityQps: (r: number) => number;
  readonly data: DataLayer;
  /** Not yet closed for this window (its drops are read from it). */
  readonly accounting: RegionAccounting;
  readonly regionServed: readonly number[];
  /** Successful requests over the run, every population included. */
  readonly okRequests: number;
}

/** Numbers a window's arrays take (user shares and fail shares, regions, links): the buffer `close` is given. */
export function detailCells(userCount: number, regionCount: number): number {
  return 2 * userCount * regionCount + 3 * regionCount + 4 * regionCount * regionCount;
}

export class WindowDetailRecorder {
  private replication: Replication | undefined;
  /** When each link started holding writes back (NaN: it flows), by a * R + b. */
  private heldSinceS = new Float64Array(0);
  /** Writes applied on each link by the end of the previous window, and the sum of their lags (ms x writes). */
  private appliedBefore = new Float64Array(0);
  private lagSumBefore = new Float64Array(0);

  /**
   * The detail of the window ending at `sources.nowS`; `userShares` and `userFailShares` (U x R) are filled by the
   * caller. Every array of the window is a view of one buffer (`cells`, DETAIL_CELLS(U, R) numbers, zeroed): one
   * allocation a window instead of nine.
   */
  close(sources: WindowSources, userShares: Float64Array, userFailShares: Float64Array, cells: Float64Array, at: number): WindowDetail {
    const { world, conditions, data } = sources;
    const R = world.regions.length;
    if (this.replication !== data.replication || this.appliedBefore.length !== R * R) {
      // A live edit of the regions restarted the streams: per-link counts start afresh.
      this.replication = data.replication;
      this.appliedBefore = new Float64Array(R * R);
      this.lagSumBefore = new Float64Array(R * R);
      this.heldSinceS = new Float64Array(R * R).fill(Number.NaN);
    }
    const take = (n: number): Float64Array => {
      const view = cells.subarray(at, at + n);
      at += n;
      return view;
    };
    const regions: RegionWindows = { capacityQps: take(R), dropped: take(R), state: take(R) };
    const writer = sources.scenario.data.topology === 'active-passive' ? world.primaryIndex : -1;
    for (let r = 0; r < R; r++) {
      regions.capacityQps[r] = sources.capacityQps(r);
      regions.dropped[r] = sources.accounting.windowDroppedOf(r);
      regions.state[r] =
        (conditions.isDark(r) ? REGION_DARK : 0) |
        (conditions.grayOf(r) !== null ? REGION_GRAY : 0) |
        (sources.routable[r] === 0 ? REGION_OUT : 0) |
        (r === writer || r === world.splitBrainIndex ? REGION_WRITER : 0);
    }
    const L = R * R;
    const links: LinkWindows = { lagMs: take(L), maxLagMs: take(L), applied: take(L), state: take(L) };
    this.closeLinks(sources, links);
    return { totals: this.totals(sources), userShares, userFailShares, regions, links };
  }

  private closeLinks(sources: WindowSources, links: LinkWindows): void {
    const { world, conditions, data, nowS } = sources;
    const R = world.regions.length;
    links.maxLagMs.fill(Number.NaN);
    const halfBatchMs = sources.scenario.data.replicationBatchMs / 2;
    for (let a = 0; a < R; a++) {
      for (let b = 0; b < R; b++) {
        if (a === b) continue;
        const l = a * R + b;
        const link = conditions.linkFrom(a, b);
        const endDark = conditions.isDark(a) || conditions.isDark(b);
        links.state[l] = (link.blocked ? LINK_PARTITIONED : 0) | (link.addedMs > 0 || link.loss > 0 ? LINK_DEGRADED : 0) | (endDark ? LINK_END_DARK : 0);
        const flowMs = ((world.regionRttMs[l] as number) + link.addedMs) / 2 + halfBatchMs;
        // No quantiles and no allocation: this runs for every link every second.
        const writes = data.replication.appliedWrites(a, b);
        const lagSumMs = data.replication.appliedLagSumMs(a, b);
        const applied = Math.max(0, writes - (this.appliedBefore[l] as number));
        const lagSum = lagSumMs - (this.lagSumBefore[l] as number);
        if (link.blocked || endDark) {
          if (Number.isNaN(this.heldSinceS[l] as number)) this.heldSinceS[l] = nowS;
          links.lagMs[l] = (nowS - (this.heldSinceS[l] as number)) * 1000 + flowMs;
        } else {
          this.heldSinceS[l] = Number.NaN;
          links.lagMs[l] = applied > 0 ? lagSum / applied : flowMs;
        }
        links.maxLagMs[l] = data.replication.appliedMaxLagMs(a, b);
        links.applied[l] = applied;
        this.appliedBefore[l] = writes;
        this.lagSumBefore[l] = lagSumMs;
      }
    }
  }

  /** Run totals; uses the applied counts `closeLinks` has just read. */
  private totals(sources: WindowSources): WindowTotals {
    const { world, scenario, data, nowS } = sources;
    const R = world.regions.length;
    const ids = world.regions.map((r) => r.id);
    const cost = computeCost({
      scenario,
      world,
      elapsedS: nowS,
      regions: sources.accounting.totalsNow(ids, sources.regionServed),
      replicatedWrites: (from, to) => this.appliedBefore[from * R + to] ?? 0,
      okRequests: sources.okRequests,
      committedWrites: data.replication.committedWrites,
    });
    return {
      conflicts: data.conflicts.concurrentPairs,
      conflictLostWrites: data.conflicts.lwwDiscardedWrites,
      conflictsMerged: data.conflicts.mergedPairs,
      wrongWinner: data.conflicts.lwwDiscardedLaterWrites,
      ackedWritesLost: data.replication.lostWrites,
      reads: data.consistency.reads,
      staleReads: data.consistency.stale,
      costUsd: cost.totalUsd,
      computeUsd: cost.breakdown.computeUsd,
      idleComputeUsd: cost.breakdown.idleComputeUsd,
      replicationUsd: cost.breakdown.replicationUsd,
      interZoneUsd: cost.breakdown.interZoneUsd,
      egressUsd: cost.breakdown.egressUsd,
    };
  }
}
