/**
 * One directed replication link's state: the writes it has still to deliver (a ring of write slots in commit
 * order, FIFO), when its sender is next free, whether it is cut, and the lags of what it applied.
 */
import { LatencyHistogram } from '../stats/histogram.ts';

/** Lags a stream batches before it records them in its histogram. */
const LAG_BATCH = 64;

/** The writes a directed link has still to deliver: a ring of write slots in commit order. */
export class Stream {
  ring = new Int32Array(16);
  head = 0;
  length = 0;
  /** When the sender is next free to put a write on the link, seconds. */
  freeAtS = 0;
  /** The latest apply time scheduled: the next write cannot arrive before it (FIFO). */
  lastApplyS = Number.NEGATIVE_INFINITY;
  /** The link's state as of the last change of conditions: cut (or an end dark), and its added latency. */
  blocked = false;
  addedMs = 0;
  /** Lags of the writes applied, ms: recorded in batches (a batch per link keeps the histogram's pages in cache). */
  readonly lag = new LatencyHistogram();
  private readonly unrecordedLagMs = new Float64Array(LAG_BATCH);
  private readonly unrecordedWeight = new Float64Array(LAG_BATCH);
  private unrecorded = 0;
  lagMaxMs = 0;
  /** Writes applied (weighted). */
  applied = 0;
  /** Sum of lag x weight of the writes applied, ms (mean lag over any span = its difference / applied). */
  lagSumMs = 0;
  busy = false;

  /** A write applied with this lag, standing for `weight` writes. */
  recordLag(lagMs: number, weight: number): void {
    this.unrecordedLagMs[this.unrecorded] = lagMs;
    this.unrecordedWeight[this.unrecorded] = weight;
    if (++this.unrecorded === LAG_BATCH) this.flushLags();
    if (lagMs > this.lagMaxMs) this.lagMaxMs = lagMs;
    this.applied += weight;
    this.lagSumMs += lagMs * weight;
  }

  /** Moves the batched lags into the histogram (before it is read). */
  flushLags(): void {
    for (let i = 0; i < this.unrecorded; i++) this.lag.record(this.unrecordedLagMs[i] as number, this.unrecordedWeight[i] as number);
    this.unrecorded = 0;
  }

  push(w: number): void {
    if (this.length === this.ring.length) {
      const next = new Int32Array(this.ring.length * 2);
      for (let i = 0; i < this.length; i++) next[i] = this.ring[(this.head + i) & (this.ring.length - 1)] as number;
      this.ring = next;
      this.head = 0;
    }
    this.ring[(this.head + this.length) & (this.ring.length - 1)] = w;
    this.length++;
  }

  at(i: number): number {
    return this.ring[(this.head + i) & (this.ring.length - 1)] as number;
  }

  shift(): void {
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.length--;
  }
}
