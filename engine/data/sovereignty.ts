/**
 * Data sovereignty: which data may live and be served where, and every place a run breaks it.
 *
 * Datasets (`data.datasets`) carry a class (PII, financial, health, anonymized, config), a placement (home-only:
 * the owner's home region; jurisdiction: regions in the owner's jurisdiction; global) and whether the system
 * enforces it (pinned: replication skips regions outside the placement). A key belongs to one dataset (by a hash
 * of the key and the datasets' shares); data belongs to the jurisdiction of the population that wrote it.
 *
 * Violations: stored outside (a write committed in a region outside the placement), replicated outside (an
 * unpinned dataset copied out), served outside (a read or write of the data answered from outside), and a
 * failover that breaks pinning (served outside because the allowed region is down). Each distinct
 * (kind, dataset, from, to) is one entry, with a count and when it first happened.
 */
import type { Scenario } from '../scenario/schema.ts';
import { homeRegion, type World } from '../world.ts';
import { DataTotals } from './dataTotals.ts';

export type ViolationKind = 'stored-outside' | 'replicated-outside' | 'served-outside' | 'failover-breaks-pinning';

export interface Violation {
  readonly kind: ViolationKind;
  readonly dataset: string;
  readonly dataClass: string;
  /** Where the data belongs (the owner's jurisdiction and population). */
  readonly from: string;
  /** The region it went to. */
  readonly to: string;
  readonly count: number;
  readonly firstAtS: number;
  /** A sentence for people. */
  readonly detail: string;
}

export interface MutableViolation {
  kind: ViolationKind;
  dataset: string;
  dataClass: string;
  from: string;
  to: string;
  count: number;
  firstAtS: number;
  detail: string;
}

type Dataset = Scenario['data']['datasets'][number];

/** Fibonacci hashing of a key to [0, 1): spreads consecutive keys over the datasets' shares. */
function keyFraction(key: number): number {
  return ((Math.imul(key | 0, 0x9e3779b1) >>> 0) % 1_000_003) / 1_000_003;
}

export class Sovereignty {
  private cumulative: number[] = [];

  constructor(
    private world: World,
    private datasets: readonly Dataset[],
    private readonly isDark: (r: number) => boolean,
    /** The run's counts (kept across rebuilds of the data layer). */
    private readonly totals = new DataTotals(),
  ) {
    this.update(world, datasets);
  }

  private get violations(): Map<string, MutableViolation> {
    return this.totals.violations;
  }

  update(world: World, datasets: readonly Dataset[]): void {
    this.world = world;
    this.datasets = datasets;
    const total = datasets.reduce((sum, d) => sum + d.share, 0);
    let running = 0;
    this.cumulative = datasets.map((d) => (running += total > 0 ? d.share / total : 0));
  }

  /** True when the scenario declares datasets (otherwise nothing is checked). */
  get active(): boolean {
    return this.datasets.length > 0;
  }

  /** The dataset a key belongs to, or undefined when the scenario declares none. */
  datasetOf(key: number): Dataset | undefined {
    if (this.datasets.length === 0) return undefined;
    const x = keyFraction(key);
    const i = this.cumulative.findIndex((c) => x < c);
    return this.datasets[i < 0 ? this.datasets.length - 1 : i];
  }

  /** Whether population u's data of `dataset` may be at region r. */
  allowedAt(dataset: Dataset, u: number, r: number): boolean {
    const owner = this.world.users[u]?.jurisdiction;
    if (dataset.placement === 'global' || owner === undefined) return true;
    if (dataset.placement === 'home-only') return r === homeRegion(this.world, u);
    return this.world.regions[r]?.jurisdiction === owner;
  }

  /** True if a write of `key` by population u may be replicated to region r (pinned datasets stay in place). */
  mayReplicateTo(key: number, u: number, r: number): boolean {
    const dataset = this.datasetOf(key);
    return !dataset || !dataset.pinned || this.allowedAt(dataset, u, r);
  }

  /** A write of `key` by population u committed at region `writer`, copied to `replicas`, at `atS`. */
  onWrite(key: number, u: number, writer: number, replicas: readonly number[], atS: number, weight: number): void {
    const dataset = this.datasetOf(key);
    if (!dataset || dataset.placement === 'global') return;
    if (!this.allowedAt(dataset, u, writer)) this.record('stored-outside', dataset, u, writer, atS, weight);
    for (const r of replicas) {
      if (!this.allowedAt(dataset, u, r)) this.record('replicated-outside', dataset, u, r, atS, weight);
    }
  }

  /** A request of population u touching `key` answered by region `region` at `atS`. */
  onServe(key: number, u: number, region: number, atS: number, weight: number): void {
    const dataset = this.datasetOf(key);
    if (!dataset || dataset.placement === 'global' || this.allowedAt(dataset, u, region)) return;
    const allowedDark = this.world.regions.some((_, r) => this.allowedAt(dataset, u, r) && this.isDark(r));
    this.record(allowedDark ? 'failover-breaks-pinning' : 'served-outside', dataset, u, region, atS, weight);
  }

  private record(kind: ViolationKind, dataset: Dataset, u: number, region: number, atS: number, weight: number): void {
    const user = this.world.users[u];
    const to = this.world.regions[region]?.id ?? '';
    const owner = `${user?.jurisdiction ?? '?'}:${user?.id ?? ''}`;
    const key = `${kind}|${dataset.id}|${owner}|${to}`;
    const existing = this.violations.get(key);
    if (existing) {
      existing.count += weight;
      return;
    }
    const where = `${to} (${this.world.regions[region]?.jurisdiction ?? 'unknown jurisdiction'})`;
    const what = `${user?.id ?? 'a population'}'s ${dataset.class} data (${dataset.id}, ${user?.jurisdiction ?? '?'})`;
    const detail =
      kind === 'stored-outside'
        ? `${what} is written in ${where}, outside its ${dataset.placement} placement`
        : kind === 'replicated-outside'
          ? `${what} is replicated to ${where}, outside its ${dataset.placement} placement`
          : kind === 'served-outside'
            ? `${what} is served from ${where}, outside its ${dataset.placement} placement`
            : `its allowed region is down, so ${what} is served from ${where}: this failover breaks ${user?.jurisdiction === 'EU' ? 'GDPR ' : ''}pinning`;
    this.violations.set(key, { kind, dataset: dataset.id, dataClass: dataset.class, from: owner, to, count: weight, firstAtS: atS, detail });
  }

  /** Every violation so far, in the order they first happened. */
  list(): Violation[] {
    return [...this.violations.values()].sort((a, b) => a.firstAtS - b.firstAtS).map((v) => ({ ...v }));
  }

}
