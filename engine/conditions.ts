/**
 * The condition of the world at the current simulated time, as faults leave it: which regions are dark,
 * gray-failing or short of capacity, and which links between regions are cut, slow or lossy.
 */
import type { Fault } from './scenario/schema.ts';

export interface GrayFailure {
  /** Extra latency in ms on every request the region serves. */
  readonly addedMs: number;
  /** Share of requests the region fails. */
  readonly errorRate: number;
  readonly failsHealthChecks: boolean;
}

export interface LinkCondition {
  /** No traffic from the first region to the second. */
  blocked: boolean;
  /** Extra RTT in ms. */
  addedMs: number;
  /** Share of exchanges that lose a packet. */
  loss: number;
}

const NORMAL_LINK: Readonly<LinkCondition> = { blocked: false, addedMs: 0, loss: 0 };

export class Conditions {
  private readonly dark: Uint8Array;
  private readonly gray: (GrayFailure | null)[];
  private readonly capacityFactor: Float64Array;
  /** Per region, the times it went dark, oldest first (a dark region answers nothing from that instant). */
  private outageStartsS: number[][];
  /** Directed links, keyed a * R + b. */
  private readonly links = new Map<number, LinkCondition>();

  constructor(private readonly regionCount: number) {
    this.dark = new Uint8Array(regionCount);
    this.gray = Array.from({ length: regionCount }, () => null);
    this.capacityFactor = new Float64Array(regionCount).fill(1);
    this.outageStartsS = Array.from({ length: regionCount }, () => []);
  }

  /**
   * Applies a fault happening at `nowS`; `indexOf` maps a region id to its index (-1 if it no longer exists).
   */
  apply(fault: Fault, indexOf: (regionId: string) => number, nowS = 0): void {
    if ('region' in fault) {
      const r = indexOf(fault.region);
      if (r < 0) return;
      switch (fault.kind) {
        case 'region-down':
          if (this.dark[r] !== 1) this.outageStartsS[r]?.push(nowS);
          this.dark[r] = 1;
          return;
        case 'region-up':
          this.dark[r] = 0;
          this.gray[r] = null;
          this.capacityFactor[r] = 1;
          return;
        case 'gray-failure':
          this.gray[r] = { addedMs: fault.addedMs, errorRate: fault.errorRate, failsHealthChecks: fault.failsHealthChecks };
          return;
        case 'capacity-loss':
          this.capacityFactor[r] = 1 - fault.fraction;
          return;
      }
    }
    const a = indexOf(fault.from);
    const b = indexOf(fault.to);
    if (a < 0 || b < 0) return;
    switch (fault.kind) {
      case 'partition':
        this.link(a, b).blocked = true;
        if (fault.direction === 'both') this.link(b, a).blocked = true;
        return;
      case 'link-degrade':
        for (const [x, y] of [[a, b], [b, a]] as const) {
          const link = this.link(x, y);
          link.addedMs = fault.addedMs;
          link.loss = fault.loss;
        }
        return;
      case 'link-heal':
        this.links.delete(a * this.regionCount + b);
        this.links.delete(b * this.regionCount + a);
        return;
    }
  }

  private link(a: number, b: number): LinkCondition {
    const key = a * this.regionCount + b;
    let link = this.links.get(key);
    if (!link) {
      link = { ...NORMAL_LINK };
      this.links.set(key, link);
    }
    return link;
  }

  isDark(r: number): boolean {
    return this.dark[r] === 1;
  }

  /**
   * True when region r went dark at some moment of [fromS, toS]: work it took on at fromS (when it was up) never
   * left it (a request it was serving fails, an answer it was about to send is not sent).
   */
  wasDarkDuring(r: number, fromS: number, toS: number): boolean {
    const starts = this.outageStartsS[r];
    if (!starts) return false;
    for (let i = starts.length - 1; i >= 0; i--) {
      const startS = starts[i] as number;
      if (startS <= toS) return startS >= fromS;
    }
    return false;
  }

  grayOf(r: number): GrayFailure | null {
    return this.gray[r] ?? null;
  }

  /** Share of the region's capacity that is left, 0..1. */
  capacityFactorOf(r: number): number {
    return this.capacityFactor[r] ?? 1;
  }

  /** The directed link a -> b. */
  linkFrom(a: number, b: number): Readonly<LinkCondition> {
    if (this.links.size === 0) return NORMAL_LINK; // the common case, asked for every link every second
    return this.links.get(a * this.regionCount + b) ?? NORMAL_LINK;
  }

  /** True when a request from a cannot get an answer from b (either direction cut). */
  exchangeBlocked(a: number, b: number): boolean {
    return this.linkFrom(a, b).blocked || this.linkFrom(b, a).blocked;
  }

  /** Copies the condition of regions and links that still exist into a world with new indices. */
  remapped(regionCount: number, newIndexOf: (oldIndex: number) => number): Conditions {
    const next = new Conditions(regionCount);
    for (let r = 0; r < this.regionCount; r++) {
      const to = newIndexOf(r);
      if (to < 0) continue;
      next.dark[to] = this.dark[r] ?? 0;
      next.gray[to] = this.gray[r] ?? null;
      next.capacityFactor[to] = this.capacityFactor[r] ?? 1;
      next.outageStartsS[to] = [...(this.outageStartsS[r] ?? [])];
    }
    for (const [key, link] of this.links) {
      const a = newIndexOf(Math.floor(key / this.regionCount));
      const b = newIndexOf(key % this.regionCount);
      if (a >= 0 && b >= 0) next.links.set(a * regionCount + b, { ...link });
    }
    return next;
  }
}
