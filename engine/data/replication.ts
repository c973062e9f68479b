/**
 * Replication between regions: every write a region commits is shipped to every other region over a stream
 * per directed link. A stream batches (writes leave at the next batch boundary), has finite bandwidth (a write of
 * `writeBytes` occupies the link for writeBytes / bandwidth), and pays the link's one-way delay. A partitioned
 * link, or a dark receiver, holds its writes back; once it heals the backlog drains at the link's bandwidth.
 *
 * A write's lag on a link is the time from its commit to its apply at the replica. Writes a region acknowledged
 * and had not applied anywhere else when it went dark are lost: the data-loss ledger records them (key, region,
 * time, version) and the RPO is the age of the oldest one.
 */
import type { Conditions } from '../conditions.ts';
import { LatencyHistogram } from '../stats/histogram.ts';
import type { World } from '../world.ts';
import type { ReplicaStore, ReplicatedWrite } from './replicaStore.ts';

/** A committed write, shared by its entries on every outgoing link. */
export interface WriteRecord extends ReplicatedWrite {
  readonly commitS: number;
  /**
   * Which regions have applied it, the writer included (it survives while one of them is up): bit r of `heldMask`
   * for regions 0-30, `heldBeyond` for the rest (a plain number is far cheaper than an array per write).
   */
  heldMask: number;
  heldBeyond?: number[];
  /** When its client was told it succeeded; Infinity if never (it failed, or timed out). */
  ackS: number;
}

interface Entry {
  readonly write: WriteRecord;
  /** When the replica applies it; NaN while the link holds it back. */
  applyS: number;
}

interface Stream {
  /** Entries in commit order; `head` indexes the first not yet applied. */
  entries: Entry[];
  head: number;
  /** When the sender is next free to put a write on the link, seconds. */
  freeAtS: number;
  /** The latest batch boundary a write has been scheduled at. */
  lastFlushS: number;
  /** The link's state as of the last change of conditions: cut (or an end dark), and its added latency. */
  blocked: boolean;
  addedMs: number;
  readonly lag: LatencyHistogram;
  lagMaxMs: number;
  applied: number;
  /** Sum of lag x weight of the writes applied, ms (mean lag over any span = its difference / applied). */
  lagSumMs: number;
}

export interface LostWrite {
  readonly key: number;
  readonly region: string;
  /** When the write was acknowledged (committed), seconds. */
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

const MASK_REGIONS = 31;

function markHeld(write: WriteRecord, r: number): void {
  if (r < MASK_REGIONS) write.heldMask |= 1 << r;
  else (write.heldBeyond ??= []).push(r);
}

function isHeld(write: WriteRecord, r: number): boolean {
  return r < MASK_REGIONS ? (write.heldMask & (1 << r)) !== 0 : (write.heldBeyond?.includes(r) ?? false);
}

/** The lost-write ledger keeps at most this many examples; the count is complete. */
export const LEDGER_CAP = 200;

export class Replication {
  private readonly streams: Stream[];
  /** Indices of the streams with writes not yet applied: the only ones `drain` visits. */
  private readonly busy = new Set<number>();
  private nextVersion = 1;
  lostWrites = 0;
  rpoS = 0;
  /** Writes committed (weighted), replicated or not. */
  committedWrites = 0;
  readonly ledger: LostWrite[] = [];

  constructor(
    private world: World,
    private readonly conditions: Conditions,
    private settings: ReplicationSettings,
    /** Replica values: every apply is merged into it. */
    public store: ReplicaStore,
  ) {
    const R = world.regions.length;
    this.streams = Array.from({ length: R * R }, () => ({
      entries: [],
      head: 0,
      freeAtS: 0,
      lastFlushS: 0,
      blocked: false,
      addedMs: 0,
      lag: new LatencyHistogram(),
      lagMaxMs: 0,
      applied: 0,
      lagSumMs: 0,
    }));
    for (let from = 0; from < R; from++) {
      for (let to = 0; to < R; to++) {
        const stream = this.streams[from * R + to] as Stream;
        stream.blocked = from !== to && this.isBlocked(from, to);
        stream.addedMs = conditions.linkFrom(from, to).addedMs;
      }
    }
  }

  /** Takes over the losses counted so far by the streams this one replaces. */
  inheritLosses(previous: Replication): void {
    this.lostWrites += previous.lostWrites;
    this.committedWrites += previous.committedWrites;
    this.rpoS = Math.max(this.rpoS, previous.rpoS);
    this.ledger.push(...previous.ledger.slice(0, LEDGER_CAP - this.ledger.length));
    this.nextVersion = Math.max(this.nextVersion, previous.nextVersion);
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

  /** When a write (standing for `weight` writes) sent on the link a -> b no earlier than `readyS` is applied there. */
  private schedule(stream: Stream, from: number, to: number, readyS: number, weight: number): number {
    const batchS = this.settings.batchMs / 1000;
    const flushS = batchS > 0 ? Math.ceil(readyS / batchS) * batchS : readyS;
    // Commits reach the stream slightly out of order (service times vary); a write committed before the last
    // one scheduled queues behind the backlog as it stood at its own flush, not behind the later write.
    const backlogS = Math.max(0, stream.freeAtS - Math.max(flushS, stream.lastFlushS));
    const departS = flushS + backlogS;
    stream.lastFlushS = Math.max(stream.lastFlushS, flushS);
    const sentS = departS + this.transmitS(weight);
    stream.freeAtS = Math.max(stream.freeAtS, departS) + this.transmitS(weight);
    const R = this.regionCount;
    const oneWayS = ((this.world.regionRttMs[from * R + to] as number) + stream.addedMs) / 2000;
    return sentS + oneWayS;
  }

  /**
   * Ships a write committed at region `from` at `commitS` to every other region. Fills `applyAt` with the time
   * each replica applies it (NaN where the link holds it back, Infinity where `keepsOut` says the data may not go;
   * the writer's own entry is its commit) and returns
   * the write's record, whose `ackS` the caller sets once it knows when the client was answered.
   */
  replicate(from: number, commitS: number, key: number, weight: number, applyAt: Float64Array, keepsOut?: (to: number) => boolean): WriteRecord {
    const R = this.regionCount;
    const stampS = commitS + (this.world.regions[from]?.clockSkewMs ?? 0) / 1000;
    const write: WriteRecord = { key, region: from, commitS, stampS, weight, version: this.nextVersion++, seq: 0, heldMask: 0, ackS: Number.POSITIVE_INFINITY };
    markHeld(write, from);
    this.committedWrites += weight;
    for (let to = 0; to < R; to++) {
      if (to === from) {
        applyAt[to] = commitS;
        continue;
      }
      if (keepsOut?.(to)) {
        applyAt[to] = Number.POSITIVE_INFINITY; // not a replica of this data (pinned elsewhere)
        continue;
      }
      const stream = this.streams[from * R + to] as Stream;
      const applyS = stream.blocked ? Number.NaN : this.schedule(stream, from, to, commitS, weight);
      stream.entries.push({ write, applyS });
      this.busy.add(from * R + to);
      applyAt[to] = applyS;
    }
    this.store.onCommit(write, applyAt);
    this.store.apply(from, write);
    return write;
  }

  /** Applies every write due by `nowS`, recording its lag. */
  drain(nowS: number): void {
    for (const index of this.busy) {
      const stream = this.streams[index] as Stream;
      const entries = stream.entries;
      while (stream.head < entries.length) {
        const entry = entries[stream.head] as Entry;
        if (!(entry.applyS <= nowS)) break; // NaN (held back) stops the stream: it is FIFO
        const lagMs = (entry.applyS - entry.write.commitS) * 1000;
        stream.lag.record(lagMs, entry.write.weight);
        stream.lagMaxMs = Math.max(stream.lagMaxMs, lagMs);
        stream.applied += entry.write.weight;
        stream.lagSumMs += lagMs * entry.write.weight;
        markHeld(entry.write, index % this.regionCount);
        this.store.apply(index % this.regionCount, entry.write);
        stream.head++;
      }
      if (stream.head === entries.length) {
        stream.entries = [];
        stream.head = 0;
        this.busy.delete(index);
      } else if (stream.head > 1024 && stream.head * 2 > entries.length) {
        stream.entries = entries.slice(stream.head);
        stream.head = 0;
      }
    }
  }

  /**
   * The world's conditions changed at `nowS` (a partition, a heal, a region going dark or coming back; the caller
   * says so after every fault, and streams read the links' state only here): links
   * that are now cut hold back what they have not delivered; links that are whole again send their backlog.
   */
  conditionsChanged(nowS: number): void {
    const R = this.regionCount;
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
          for (let i = stream.head; i < stream.entries.length; i++) (stream.entries[i] as Entry).applyS = Number.NaN;
        } else {
          stream.freeAtS = Math.max(stream.freeAtS, nowS);
          stream.lastFlushS = Math.max(stream.lastFlushS, nowS);
          for (let i = stream.head; i < stream.entries.length; i++) {
            const entry = stream.entries[i] as Entry;
            entry.applyS = this.schedule(stream, from, to, Math.max(nowS, entry.write.commitS), entry.write.weight);
          }
        }
      }
    }
  }

  /**
   * Region r went dark at `nowS`. What it had still to ship (its own writes, or writes it was passing on) either
   * survives at another region that is up and has applied it, which ships it on from there (a replica catching
   * up from the new primary), or is gone: an acknowledged write no region that is up holds is lost. So semi-sync
   * loses nothing unless its acknowledging replica goes too, before it passed the write on.
   */
  regionLost(r: number, nowS: number): void {
    const R = this.regionCount;
    this.drain(nowS);
    const pendingTo = new Map<WriteRecord, number[]>();
    for (let to = 0; to < R; to++) {
      if (to === r) continue;
      const stream = this.streams[r * R + to] as Stream;
      for (let i = stream.head; i < stream.entries.length; i++) {
        const write = (stream.entries[i] as Entry).write;
        const targets = pendingTo.get(write);
        if (targets) targets.push(to);
        else pendingTo.set(write, [to]);
      }
      stream.entries = [];
      stream.head = 0;
      this.busy.delete(r * R + to);
    }
    const lost: WriteRecord[] = [];
    for (const [write, targets] of pendingTo) {
      let holder = -1;
      for (let h = 0; h < R && holder < 0; h++) if (h !== r && isHeld(write, h) && !this.conditions.isDark(h)) holder = h;
      if (holder < 0) {
        if (write.ackS <= nowS) lost.push(write);
        continue;
      }
      for (const to of targets) {
        if (to === holder) continue;
        const stream = this.streams[holder * R + to] as Stream;
        const applyS = stream.blocked ? Number.NaN : this.schedule(stream, holder, to, nowS, write.weight);
        stream.entries.push({ write, applyS });
        this.busy.add(holder * R + to);
      }
    }
    for (const write of lost.sort((a, b) => a.commitS - b.commitS)) {
      this.lostWrites += write.weight;
      this.rpoS = Math.max(this.rpoS, nowS - write.commitS);
      if (this.ledger.length < LEDGER_CAP) this.ledger.push({ key: write.key, region: this.world.regions[write.region]?.id ?? '', atS: write.commitS, version: write.version });
    }
  }

  /** Every write still on its way, with the region it is bound for and whether its link holds it back now. */
  *inFlight(): Generator<{ readonly to: number; readonly write: WriteRecord; readonly held: boolean }> {
    const R = this.regionCount;
    for (const index of this.busy) {
      const stream = this.streams[index] as Stream;
      for (let i = stream.head; i < stream.entries.length; i++) {
        const entry = stream.entries[i] as Entry;
        yield { to: index % R, write: entry.write, held: Number.isNaN(entry.applyS) };
      }
    }
  }

  /**
   * Writes applied on the link a -> b so far (weighted), the sum of their lags (ms x writes: the mean lag over a
   * span is the difference of two sums over the difference of two counts), and the highest lag seen, ms (NaN
   * before any). Cheap: no quantiles.
   */
  appliedOn(a: number, b: number): { readonly writes: number; readonly lagSumMs: number; readonly maxLagMs: number } {
    const stream = this.streams[a * this.regionCount + b];
    return !stream || stream.applied === 0 ? { writes: 0, lagSumMs: 0, maxLagMs: Number.NaN } : { writes: stream.applied, lagSumMs: stream.lagSumMs, maxLagMs: stream.lagMaxMs };
  }

  /** Replication lag on the link a -> b: p50, p99 and max in ms (null before any write was applied). */
  lagOf(a: number, b: number): { p50: number | null; p99: number | null; max: number | null; writes: number } {
    const stream = this.streams[a * this.regionCount + b];
    if (!stream || stream.applied === 0) return { p50: null, p99: null, max: null, writes: 0 };
    return { p50: stream.lag.quantile(0.5), p99: stream.lag.quantile(0.99), max: stream.lagMaxMs, writes: stream.applied };
  }
}
