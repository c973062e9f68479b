/**
 * What the inspectors show, as plain rows: a conflict example side by side (true time against timestamp, what
 * last-writer-wins kept against what a CRDT would keep), the lost-write ledger, read-consistency figures and
 * compliance violations with the regions they involve. Pure, so the wording is tested.
 */
import type { ConflictExample } from '../../engine/index.ts';
import type { LostWrite } from '../../engine/index.ts';
import type { Violation } from '../../engine/index.ts';
import type { ReadsReport } from '../../engine/index.ts';

export type ConflictPolicy = 'lww' | 'crdt' | 'app-merge';

export interface ConflictSide {
  readonly region: string;
  /** True commit time, seconds. */
  readonly atS: number;
  /** The writer's timestamp, seconds (its clock, possibly skewed). */
  readonly stampS: number;
  /** Timestamp minus true time, ms: the writer's clock skew as it showed. */
  readonly skewMs: number;
  /** Last-writer-wins keeps this one (the higher timestamp). */
  readonly lwwKeeps: boolean;
  /** It was really the later write. */
  readonly reallyLater: boolean;
}

export interface ConflictRow {
  readonly key: string;
  /** The written key, as the engine numbers keys. */
  readonly dataKey: number;
  readonly first: ConflictSide;
  readonly second: ConflictSide;
  /** Gap between the two commits in true time, ms. */
  readonly gapMs: number;
  /** What the run's policy did. */
  readonly kept: string;
  /** What last-writer-wins keeps, in words. */
  readonly lww: string;
  /** What a CRDT would keep, in words. */
  readonly crdt: string;
  readonly wrongWinner: boolean;
}

const ms = (s: number): number => Math.round(s * 1000 * 10) / 10;

export function conflictRow(example: ConflictExample, index: number): ConflictRow {
  const { first, second } = example;
  // Under LWW the example names the region whose write survived; otherwise the higher timestamp is what LWW
  // would keep (a tie goes to the larger region id here: a guess, the engine's examples carry no tie-breaker).
  const secondWins =
    example.kept === second.region ? true : example.kept === first.region ? false : second.stampS > first.stampS || (second.stampS === first.stampS && second.region > first.region);
  const side = (w: ConflictExample['first'], lwwKeeps: boolean, reallyLater: boolean): ConflictSide => ({
    region: w.region,
    atS: w.atS,
    stampS: w.stampS,
    skewMs: ms(w.stampS - w.atS),
    lwwKeeps,
    reallyLater,
  });
  const winner = secondWins ? second : first;
  const loser = secondWins ? first : second;
  return {
    key: `${example.key}@${first.atS}:${index}`,
    dataKey: example.key,
    first: side(first, !secondWins, false),
    second: side(second, secondWins, true),
    gapMs: ms(second.atS - first.atS),
    kept: example.kept,
    lww: secondWins
      ? `${winner.region}'s later write; ${loser.region}'s is silently lost`
      : `${winner.region}'s earlier write (its clock runs ahead); ${loser.region}'s later write is silently lost`,
    crdt: `both: ${first.region} and ${second.region} merge, nothing lost`,
    wrongWinner: example.wrongWinner,
  };
}

export interface LedgerRow {
  readonly key: string;
  readonly keyLabel: string;
  readonly region: string;
  readonly atS: number;
  readonly version: number;
}

export function ledgerRows(ledger: readonly LostWrite[]): LedgerRow[] {
  return ledger.map((w, i) => ({ key: `${w.version}:${i}`, keyLabel: `key ${w.key}`, region: w.region, atS: w.atS, version: w.version }));
}

export interface ReadFigure {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Something a person should look at (stale reads, broken guarantees). */
  readonly warn: boolean;
}

export function readFigures(reads: ReadsReport | undefined): ReadFigure[] {
  if (!reads) return [];
  return [
    { key: 'stale', label: 'Stale reads', value: `${Math.round(reads.staleRatio * 1000) / 10}%`, warn: reads.staleRatio > 0 },
    { key: 'p99', label: 'Staleness p99', value: `${Math.round(reads.stalenessP99Ms)} ms`, warn: reads.stalenessP99Ms > 0 },
    { key: 'ryw', label: 'Read-your-writes violations', value: `${Math.round(reads.violations.readYourWrites)}`, warn: reads.violations.readYourWrites > 0 },
    { key: 'mono', label: 'Monotonic-read violations', value: `${Math.round(reads.violations.monotonicReads)}`, warn: reads.violations.monotonicReads > 0 },
    { key: 'fwd', label: 'Reads forwarded to the leader', value: `${Math.round(reads.forwarded)}`, warn: false },
  ];
}

export interface ViolationRow {
  readonly key: string;
  readonly kind: string;
  readonly dataClass: string;
  readonly dataset: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly firstAtS: number;
  readonly detail: string;
  /** Region ids to ring on the map: the region the data went to, and the source if it is a region. */
  readonly regions: readonly string[];
}

const KIND_LABELS: Record<Violation['kind'], string> = {
  'stored-outside': 'stored outside',
  'replicated-outside': 'replicated outside',
  'served-outside': 'served outside',
  'failover-breaks-pinning': 'failover breaks pinning',
};

export function violationRows(violations: readonly Violation[], regionIds: readonly string[]): ViolationRow[] {
  const known = new Set(regionIds);
  return violations.map((v, i) => ({
    key: `${v.kind}:${v.dataset}:${v.from}:${v.to}:${i}`,
    kind: KIND_LABELS[v.kind] ?? v.kind,
    dataClass: v.dataClass,
    dataset: v.dataset,
    from: v.from,
    to: v.to,
    count: v.count,
    firstAtS: v.firstAtS,
    detail: v.detail,
    regions: [v.to, v.from].filter((id) => known.has(id)),
  }));
}
