/**
 * The scenario's faults as the fault timeline shows them: in time order, each with a short description, its place
 * on the run's time axis and whether it has happened yet; and the pure edits behind the panel's buttons.
 */
import type { Fault, Scenario } from '../../engine/index.ts';
import { removedFaults } from '../../engine/index.ts';

export type FaultKind = Fault['kind'];
/** A fault without its time, yet to be placed on the run (kind by kind, so each keeps its own fields). */
export type UntimedFault = Fault extends infer F ? (F extends Fault ? Omit<F, 'atS'> : never) : never;

export interface FaultEntry {
  /** Index in scenario.faults: what removeFault takes. */
  readonly index: number;
  readonly fault: Fault;
  readonly atS: number;
  /** Where on the run's time axis, 0..1. */
  readonly fraction: number;
  /** The region, or `from ↔ to` for a link. */
  readonly target: string;
  /** Kind and parameters in words, e.g. "gray failure: +200 ms, 10% errors". */
  readonly summary: string;
  /** True once the run's clock has passed it. */
  readonly past: boolean;
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The region a fault hits, or `from ↔ to` (`from → to` for a one-way partition) for a link. */
export function faultTarget(fault: Fault): string {
  if ('region' in fault) return fault.region;
  const arrow = fault.kind === 'partition' && fault.direction === 'one-way' ? '→' : '↔';
  return `${fault.from} ${arrow} ${fault.to}`;
}

/** The kind and its parameters in words. */
export function faultSummary(fault: Fault): string {
  switch (fault.kind) {
    case 'region-down':
      return 'region down';
    case 'region-up':
      return 'region restored';
    case 'gray-failure':
      return `gray failure: +${fault.addedMs} ms, ${percent(fault.errorRate)} errors${fault.failsHealthChecks ? ', fails health checks' : ''}`;
    case 'capacity-loss':
      return `capacity loss: ${percent(fault.fraction)}`;
    case 'partition':
      return fault.direction === 'one-way' ? 'partition (one way)' : 'partition';
    case 'link-degrade':
      return `link degraded: +${fault.addedMs} ms, ${percent(fault.loss)} loss`;
    case 'link-heal':
      return 'link healed';
  }
}

/** The faults in time order (stable for equal times), placed on a run of `durationS` at clock `nowS`. */
export function faultEntries(faults: readonly Fault[], durationS: number, nowS: number): FaultEntry[] {
  return faults
    .map((fault, index) => ({
      index,
      fault,
      atS: fault.atS,
      fraction: durationS > 0 ? Math.min(1, Math.max(0, fault.atS / durationS)) : 0,
      target: faultTarget(fault),
      summary: faultSummary(fault),
      past: fault.atS <= nowS,
    }))
    .sort((a, b) => a.atS - b.atS || a.index - b.index);
}

/** The scenario without its fault at `index` (the same scenario if there is none there). */
export function removeFault(scenario: Scenario, index: number): Scenario {
  if (!Number.isInteger(index) || index < 0 || index >= scenario.faults.length) return scenario;
  return { ...scenario, faults: scenario.faults.filter((_, i) => i !== index) };
}

/**
 * True if an edit took away a fault that has already happened (removed, undone or changed). A running simulation
 * cannot take back the past, so such an edit is replayed from the seed instead of applied live.
 */
export function removesPastFault(before: readonly Fault[], after: readonly Fault[], nowS: number): boolean {
  if (before === after) return false;
  return removedFaults(before, after).some((fault) => fault.atS <= nowS);
}

/** What the person filled in to schedule or inject a fault (percentages as 0..100, as typed). */
export interface FaultDraft {
  readonly kind: FaultKind;
  readonly atS: number;
  readonly region: string;
  readonly from: string;
  readonly to: string;
  readonly addedMs: number;
  readonly errorRatePercent: number;
  readonly failsHealthChecks: boolean;
  readonly fractionPercent: number;
  readonly lossPercent: number;
  readonly oneWay: boolean;
}

/** Kinds that hit a region; the others hit a link between two regions. */
export const REGION_FAULT_KINDS: readonly FaultKind[] = ['region-down', 'region-up', 'gray-failure', 'capacity-loss'];
export const LINK_FAULT_KINDS: readonly FaultKind[] = ['partition', 'link-degrade', 'link-heal'];

export const isLinkKind = (kind: FaultKind): boolean => LINK_FAULT_KINDS.includes(kind);

const share = (percentValue: number): number => Math.min(1, Math.max(0, percentValue / 100));

/** The fault a draft describes. The store still validates it against the schema (unknown regions, a link to itself). */
export function faultFromDraft(draft: FaultDraft): Fault {
  const atS = Math.max(0, draft.atS);
  const link = { from: draft.from, to: draft.to };
  switch (draft.kind) {
    case 'region-down':
    case 'region-up':
      return { kind: draft.kind, atS, region: draft.region };
    case 'gray-failure':
      return {
        kind: 'gray-failure',
        atS,
        region: draft.region,
        addedMs: Math.max(0, draft.addedMs),
        errorRate: share(draft.errorRatePercent),
        failsHealthChecks: draft.failsHealthChecks,
      };
    case 'capacity-loss':
      return { kind: 'capacity-loss', atS, region: draft.region, fraction: share(draft.fractionPercent) };
    case 'partition':
      return { kind: 'partition', atS, ...link, direction: draft.oneWay ? 'one-way' : 'both' };
    case 'link-degrade':
      return { kind: 'link-degrade', atS, ...link, addedMs: Math.max(0, draft.addedMs), loss: share(draft.lossPercent) };
    case 'link-heal':
      return { kind: 'link-heal', atS, ...link };
  }
}
