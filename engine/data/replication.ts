/**
 * Replication between regions: every write a region commits is shipped to every other region over a stream
 * per directed link. A stream batches (writes leave at the next batch boundary), has finite bandwidth (a write of
 * `writeBytes` occupies the link for writeBytes / bandwidth), pays the link's one-way delay (plus any added
 * latency of a degraded link), and is FIFO: a write never overtakes an earlier one on its link. A partitioned
 * link, or a dark receiver, holds its writes back; once it heals the backlog drains at the link's bandwidth.
 *
 * Writes reach a stream in commit order (the simulation commits a write as an event at its commit time), so
 * each stream is a ring of write slots whose apply times never decrease, and `drain` applies every write due.
 * A write is held by every region that has applied it, its writer included, and survives while one of them is
 * up. An acknowledged write (its client was told it succeeded) that no region that is up holds is lost: the
 * data-loss ledger records it (key, region, time, version) and the RPO is the age of the oldest one. A write
 * whose last holder goes dark before its answer reached the client is counted when (and if) the client is told.
 *
 * A write's lag on a link is the time from its commit to its apply at the replica.
 */
import type { Conditions } from '../conditions.ts';
import type { SimulationObserver } from '../observer.ts';
import type { World } from '../world.ts';
import type { KeyState } from './keyState.ts';
import type { ReplicaStore } from './replicaStore.ts';
import { DataTotals } from './dataTotals.ts';
import { Stream } from './stream.ts';
import type { WritePool } from './writePool.ts';

export interface LostWrite {
  readonly key: number;
  readonly region: string;
  /** When the write was committed, seconds. */
  readonly atS: number;
  readonly version: number;
}

export interface ReplicationSettings {
  /** Bytes one write puts on a replication link. */
  readonly writeBytes: number;
  /** Bandwidth of each directed replication link, megabits per second. */
  readonly linkMbps: number;
  /** Writes leave in batches at multiples of this interval, ms (0: at once). */
  readonly batchMs: number;
}

/** The lost-write ledger keeps at most this many examples; the count is complete. */
export const LEDGER_CAP = 200;

export class Replication {
  private readonly streams: Stream[];
  /** Indices of the streams with writes not yet applied: the only ones `drain` visits. */
  private busy: number[] = [];
  private drainedToS = Number.NEGATIVE_INFINITY;

  constructor(
    private world: World,
    private readonly conditions: Conditions,
    private settings: ReplicationSettings,
    readonly pool: WritePool,
    readonly keys: KeyState,
    /** Replica values: every apply is merged into it. */
    public store: ReplicaStore,
    private readonly observer?: SimulationObserver,
    /** The run's counts (kept across rebuilds of the data layer). */
    private readonly totals = new DataTotals(),
  ) {
    const R = world.regions.length;
    this.streams = Array.from({ length: R * R }, () => new Stream());
    for (let from = 0; from < R; from++) {
      for (let to = 0; to < R; to++) {
        const stream = this.streams[from * R + to] as Stream;
        stream.blocked = from !== to && this.isBlocked(from, to);
        stream.addedMs = conditions.linkFrom(from, to).addedMs;
      }
    }
  }

  /** Acknowledged writes lost (weighted). */
  get lostWrites(): number {
    return this.totals.lostWrites;
  }

  /** The age of the oldest acknowledged write lost, at its loss, s. */
  get rpoS(): number {
    return this.totals.rpoS;
  }

  /** Writes committed (weighted), replicated or not. */
  get committedWrites(): number {
    return this.totals.committedWrites;
  }

  /** The lost-write ledger (at most LEDGER_CAP examples). */
  get ledger(): readonly LostWrite[] {
    return this.totals.ledger;
  }

  /** Same regions, new geometry or settings (a live edit that moved something). */
  updateWorld(world: World, settings: ReplicationSettings): void {
    this.world = world;
    this.settings = settings;
  }

  private get regionCount(): number {
    return this.world.regions.length;
  }

  /** Seconds `writes` writes occupy a link. */
  private transmitS(writes: number): number {
    return (writes * this.settings.writeBytes * 8) / (this.settings.linkMbps * 1e6);
  }

  private isBlocked(from: number, to: number): boolean {
    return this.conditions.isDark(from) || this.conditions.isDark(to) || this.conditions.linkFrom(from, to).blocked;
  }

  /**
   * When a write (standing for `weight` writes) put on the link a -> b no earlier than `readyS` is applied there:
   * the next batch boundary, the backlog ahead of it, its own sending time, the one-way delay; never before the
   * write ahead of it (FIFO).
   */
  private schedule(stream: Stream, from: number, to: number, readyS: number, weight: number): number {
    const batchS = this.settings.batchMs / 1000;
    const flushS = batchS > 0 ? Math.ceil(readyS / batchS - 1e-9) * batchS : readyS;
    const departS = Math.max(flushS, stream.freeAtS);
    const sentS = departS + this.transmitS(weight);
    stream.freeAtS = sentS;
    const R = this.regionCount;
    const oneWayS = ((this.world.regionRttMs[from * R + to] as number) + stream.addedMs) / 2000;
    const applyS = Math.max(sentS + oneWayS, stream.lastApplyS);
    stream.lastApplyS = applyS;
    return applyS;
  }

  private enqueue(index: number, w: number): void {
    const stream = this.streams[index] as Stream;
    stream.push(w);
    this.pool.retain(w);
    if (!stream.busy) {
      stream.busy = true;
      this.busy.push(index);
    }
  }

  /**
   * A write of `key` (standing for `weight` writes) commits at region `from` at `commitS`: returns its slot in the
   * write pool, whose apply times (`pool.applyAtS`) say when each region applies it (NaN where a cut link holds
   * it back, Infinity where `keepsOut` says the data may not go; the writer: its commit). The slot has one
   * reference, the caller's, to release once its client has been answered (`acknowledged` or `unacknowledged`).
   */
  replicate(from: number, commitS: number, key: number, weight: number, keepsOut?: (to: number) => boolean): number {
    const R = this.regionCount;
    const pool = this.pool;
    const w = pool.allocate();
    pool.key[w] = key;
    pool.region[w] = from;
    pool.commitS[w] = commitS;
    pool.stampS[w] = commitS + (this.world.regions[from]?.clockSkewMs ?? 0) / 1000;
    pool.weight[w] = weight;
    pool.version[w] = this.totals.nextVersion++;
    pool.held[w * R + from] = 1;
    this.totals.committedWrites += weight;
    const row = w * R;
    for (let to = 0; to < R; to++) {
      if (to === from) {
        pool.applyAtS[row + to] = commitS;
        continue;
      }
      if (keepsOut?.(to)) {
        pool.applyAtS[row + to] = Number.POSITIVE_INFINITY; // not a replica of this data (pinned elsewhere)
        continue;
      }
      const stream = this.streams[from * R + to] as Stream;
      pool.applyAtS[row + to] = stream.blocked ? Number.NaN : this.schedule(stream, from, to, commitS, weight);
      this.enqueue(from * R + to, w);
    }
    this.store.onCommit(pool, w);
    this.store.apply(from, pool, w);
    return w;
  }

  /** The client of write w was told it succeeded at `atS`: if no region that is up holds it, it is lost. */
  acknowledged(w: number, atS: number): void {
    const pool = this.pool;
    pool.ackS[w] = atS;
    const orphanedS = pool.orphanedS[w] as number;
    if (!Number.isNaN(orphanedS)) this.countLost(w, orphanedS);
    pool.release(w);
  }

  /** The client of write w was never told it succeeded (it failed or timed out). */
  unacknowledged(w: number): void {
    this.pool.release(w);
  }

  private countLost(w: number, atS: number): void {
    const pool = this.pool;
    const totals = this.totals;
    totals.lostWrites += pool.weight[w] as number;
    totals.rpoS = Math.max(totals.rpoS, atS - (pool.commitS[w] as number));
    if (totals.ledger.length < LEDGER_CAP) {
      totals.ledger.push({ key: pool.key[w] as number, region: this.world.regions[pool.region[w] as number]?.id ?? '', atS: pool.commitS[w] as number, version: pool.version[w] as number });
    }
  }

  /** Applies every write due by `nowS` (the simulation's clock: never ahead of it), recording its lag. */
  drain(nowS: number): void {
    if (nowS < this.drainedToS) return;
    this.drainedToS = nowS;
    this.keys.watermarkS = nowS;
    const R = this.regionCount;
    const pool = this.pool;
    let kept = 0;
    for (let b = 0; b < this.busy.length; b++) {
      const index = this.busy[b] as number;
      const stream = this.streams[index] as Stream;
      const to = index % R;
      while (stream.length > 0) {
        const w = stream.at(0);
        const applyS = pool.applyAtS[w * R + to] as number;
        if (!(applyS <= nowS)) break; // NaN (held back) stops the stream: it is FIFO
        stream.shift();
        if (applyS !== Number.NEGATIVE_INFINITY) {
          stream.recordLag((applyS - (pool.commitS[w] as number)) * 1000, pool.weight[w] as number);
          pool.held[w * R + to] = 1;
          this.store.apply(to, pool, w);
          this.observer?.applied?.(pool.version[w] as number, to, applyS);
        }
        this.keys.applied(w, to);
        pool.release(w);
      }
      if (stream.length > 0) this.busy[kept++] = index;
      else stream.busy = false;
    }
    this.busy.length = kept;
  }

  /**
   * The world's conditions changed at `nowS` (a partition, a heal, a region going dark or coming back, a link
   * degraded; the caller says so after every fault, and streams read the links' state only here): links that
   * are now cut hold back what they have not delivered; links that are whole again send their backlog.
   */
  conditionsChanged(nowS: number): void {
    const R = this.regionCount;
    const pool = this.pool;
    this.drain(nowS);
    for (let from = 0; from < R; from++) {
      for (let to = 0; to < R; to++) {
        if (from === to) continue;
        const stream = this.streams[from * R + to] as Stream;
        stream.addedMs = this.conditions.linkFrom(from, to).addedMs;
        const blocked = this.isBlocked(from, to);
        if (blocked === stream.blocked) continue;
        stream.blocked = blocked;
        if (blocked) {
          for (let i = 0; i < stream.length; i++) pool.applyAtS[stream.at(i) * R + to] = Number.NaN;
        } else {
          stream.freeAtS = Math.max(stream.freeAtS, nowS);
          for (let i = 0; i < stream.length; i++) {
            const w = stream.at(i);
            pool.applyAtS[w * R + to] = this.schedule(stream, from, to, Math.max(nowS, pool.commitS[w] as number), pool.weight[w] as number);
          }
        }
      }
    }
  }

  /** A region other than `except` that is up and has applied write w, or -1. */
  private holderOf(w: number, except: number): number {
    const R = this.regionCount;
    for (let h = 0; h < R; h++) if (h !== except && this.pool.held[w * R + h] === 1 && !this.conditions.isDark(h)) return h;
    return -1;
  }

  /**
   * Region r went dark at `nowS`. What it had still to ship (its own writes, or writes it was passing on) either
   * survives at another region that is up and has applied it, which ships it on from there (a replica catching
   * up from the new primary), or is gone: an acknowledged write no region that is up holds is lost (one whose
   * client has not heard yet is lost if it ever hears). So semi-sync loses nothing unless its acknowledging
   * replicas go too, before they passed the write on.
   */
  regionLost(r: number, nowS: number): void {
    const R = this.regionCount;
    const pool = this.pool;
    this.drain(nowS);
    // Writes r had still to send, each once, with where they were bound.
    const orphans: number[] = [];
    const moved: number[] = []; // pairs: write, destination
    for (let to = 0; to < R; to++) {
      if (to === r) continue;
      const stream = this.streams[r * R + to] as Stream;
      while (stream.length > 0) {
        const w = stream.at(0);
        stream.shift();
        moved.push(w, to);
      }
    }
    for (let i = 0; i < moved.length; i += 2) {
      const w = moved[i] as number;
      const to = moved[i + 1] as number;
      const holder = this.holderOf(w, r);
      if (holder < 0) {
        pool.applyAtS[w * R + to] = Number.NEGATIVE_INFINITY; // it will never arrive
        if (Number.isNaN(pool.orphanedS[w] as number)) {
          pool.orphanedS[w] = nowS;
          orphans.push(w);
        }
        this.keys.applied(w, to);
      } else if (holder === to) {
        this.keys.applied(w, to);
      } else {
        const stream = this.streams[holder * R + to] as Stream;
        pool.applyAtS[w * R + to] = stream.blocked ? Number.NaN : this.schedule(stream, holder, to, nowS, pool.weight[w] as number);
        this.enqueue(holder * R + to, w);
      }
      pool.release(w);
    }
    // An acknowledged one (its client has been, or is being, told it succeeded) is lost now; the others if ever told.
    for (const w of orphans.sort((a, b) => (pool.commitS[a] as number) - (pool.commitS[b] as number))) {
      if (Number.isFinite(pool.ackS[w] as number)) this.countLost(w, nowS);
    }
  }

  /** Calls `visit` with every write still on its way, the region it is bound for, and whether its link holds it back. */
  forEachInFlight(visit: (w: number, to: number, held: boolean) => void): void {
    const R = this.regionCount;
    for (const index of this.busy) {
      const stream = this.streams[index] as Stream;
      const to = index % R;
      for (let i = 0; i < stream.length; i++) {
        const w = stream.at(i);
        const applyS = this.pool.applyAtS[w * R + to] as number;
        if (applyS !== Number.NEGATIVE_INFINITY) visit(w, to, Number.isNaN(applyS));
      }
    }
  }

  /**
   * Writes applied on the link a -> b so far (weighted); the sum of their lags (ms x writes: the mean lag over a
   * span is the difference of two sums over the difference of two counts); the highest lag seen, ms (NaN before
   * any). Cheap, no quantiles and no allocation: window closing reads them for every link every second.
   */
  appliedWrites(a: number, b: number): number {
    return this.streams[a * this.regionCount + b]?.applied ?? 0;
  }

  appliedLagSumMs(a: number, b: number): number {
    return this.streams[a * this.regionCount + b]?.lagSumMs ?? 0;
  }

  appliedMaxLagMs(a: number, b: number): number {
    const stream = this.streams[a * this.regionCount + b];
    return !stream || stream.applied === 0 ? Number.NaN : stream.lagMaxMs;
  }

  /** Replication lag on the link a -> b: p50, p99 and max in ms (null before any write was applied). */
  lagOf(a: number, b: number): { p50: number | null; p99: number | null; max: number | null; writes: number } {
    const stream = this.streams[a * this.regionCount + b];
    if (!stream || stream.applied === 0) return { p50: null, p99: null, max: null, writes: 0 };
    stream.flushLags();
    return { p50: stream.lag.quantile(0.5), p99: stream.lag.quantile(0.99), max: stream.lagMaxMs, writes: stream.applied };
  }
}
