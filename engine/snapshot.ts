/**
 * The wire form of the per-second metrics windows (engine/metrics/window.ts): one Float64Array the worker
 * transfers (not copies) to the UI several times a second, and the snapshot message that carries it.
 *
 * Layout: [windowCount, userCount, regionCount, then per window:
 *          startS,
 *          TOTAL_FIELDS run totals (see WindowTotals, in that order),
 *          per user USER_FIELDS values,
 *          per user and region (u * R + r) the share of the user's finished requests that went to the region,
 *          then the same for the share that failed there,
 *          per region REGION_FIELDS values (served, capacityQps, dropped, state),
 *          per directed link a * R + b (diagonal included, zero) LINK_FIELDS values (lagMs, maxLagMs, applied, state)]
 * Latencies are in ms, NaN when the window had no such request.
 */
import type { Scenario } from './scenario/schema.ts';
import type { Report } from './report.ts';
import type { LinkWindows, MetricsWindow, RegionWindows, UserWindow, WindowTotals } from './metrics/window.ts';

export * from './metrics/window.ts';

export const USER_FIELDS = 7;
export const REGION_FIELDS = 4;
export const LINK_FIELDS = 4;
export const TOTAL_FIELDS = 13;

export const TOTAL_KEYS: readonly (keyof WindowTotals)[] = [
  'conflicts',
  'conflictLostWrites',
  'conflictsMerged',
  'wrongWinner',
  'ackedWritesLost',
  'reads',
  'staleReads',
  'costUsd',
  'computeUsd',
  'idleComputeUsd',
  'replicationUsd',
  'interZoneUsd',
  'egressUsd',
];

/** The windows and the ids they refer to, as sent from the worker. */
export interface SnapshotMessage {
  readonly userIds: readonly string[];
  readonly regionIds: readonly string[];
  /** Simulated time in seconds the engine has reached. */
  readonly timeS: number;
  readonly done: boolean;
  readonly data: Float64Array;
  /** The engine's report, attached about once a second of real time and on the last snapshot of a run. */
  readonly report?: Report;
  /**
   * The scenario in effect at `timeS`, sent when it is not the one last sent: a replay passed a timed live edit,
   * or a seek went back before one (engine/run/recordedRun.ts). The app shows the design as it was then.
   */
  readonly scenario?: Scenario;
  /** Timed live edits the run holds, and how many of them are in effect at `timeS`. */
  readonly edits?: { readonly total: number; readonly applied: number };
}

export function windowStride(userCount: number, regionCount: number): number {
  return 1 + TOTAL_FIELDS + userCount * USER_FIELDS + 2 * userCount * regionCount + regionCount * REGION_FIELDS + regionCount * regionCount * LINK_FIELDS;
}

export function encodeWindows(windows: readonly MetricsWindow[], userCount: number, regionCount: number): Float64Array {
  const U = userCount;
  const R = regionCount;
  const out = new Float64Array(3 + windows.length * windowStride(U, R));
  out[0] = windows.length;
  out[1] = U;
  out[2] = R;
  let at = 3;
  for (const w of windows) {
    const d = w.detail;
    out[at++] = w.startS;
    for (const key of TOTAL_KEYS) out[at++] = d?.totals[key] ?? 0;
    for (let u = 0; u < U; u++) {
      const s = w.users[u];
      out[at++] = s?.readP50Ms ?? Number.NaN;
      out[at++] = s?.readP99Ms ?? Number.NaN;
      out[at++] = s?.writeP50Ms ?? Number.NaN;
      out[at++] = s?.writeP99Ms ?? Number.NaN;
      out[at++] = s?.ok ?? 0;
      out[at++] = s?.failed ?? 0;
      out[at++] = s?.servedBy ?? -1;
    }
    at = copyInto(out, at, d?.userShares, U * R, 0);
    at = copyInto(out, at, d?.userFailShares, U * R, 0);
    for (let r = 0; r < R; r++) {
      out[at++] = w.regionServed[r] ?? 0;
      out[at++] = d?.regions.capacityQps[r] ?? 0;
      out[at++] = d?.regions.dropped[r] ?? 0;
      out[at++] = d?.regions.state[r] ?? 0;
    }
    for (let l = 0; l < R * R; l++) {
      out[at++] = d?.links.lagMs[l] ?? Number.NaN;
      out[at++] = d?.links.maxLagMs[l] ?? Number.NaN;
      out[at++] = d?.links.applied[l] ?? 0;
      out[at++] = d?.links.state[l] ?? 0;
    }
  }
  return out;
}

function copyInto(out: Float64Array, at: number, from: Float64Array | undefined, length: number, missing: number): number {
  for (let i = 0; i < length; i++) out[at + i] = from?.[i] ?? missing;
  return at + length;
}

/**
 * Where a snapshot's windows begin (s): the first window's start, or the engine's time if it carries none. A
 * message that begins before what the UI already holds is a replay (a seek or a restarted worker).
 */
export function snapshotStartS(message: SnapshotMessage): number {
  return (message.data[0] ?? 0) > 0 ? (message.data[3] ?? message.timeS) : message.timeS;
}

export function decodeWindows(data: Float64Array): MetricsWindow[] {
  const count = data[0] ?? 0;
  const U = data[1] ?? 0;
  const R = data[2] ?? 0;
  const windows: MetricsWindow[] = [];
  let at = 3;
  const next = (): number => data[at++] as number;
  for (let i = 0; i < count; i++) {
    const startS = next();
    const totals = {} as Record<keyof WindowTotals, number>;
    for (const key of TOTAL_KEYS) totals[key] = next();
    const users: UserWindow[] = [];
    for (let u = 0; u < U; u++) {
      users.push({
        readP50Ms: next(),
        readP99Ms: next(),
        writeP50Ms: next(),
        writeP99Ms: next(),
        ok: next(),
        failed: next(),
        servedBy: next(),
      });
    }
    const userShares = data.slice(at, at + U * R);
    at += U * R;
    const userFailShares = data.slice(at, at + U * R);
    at += U * R;
    const regionServed: number[] = [];
    const regions: RegionWindows = { capacityQps: new Float64Array(R), dropped: new Float64Array(R), state: new Float64Array(R) };
    for (let r = 0; r < R; r++) {
      regionServed.push(next());
      regions.capacityQps[r] = next();
      regions.dropped[r] = next();
      regions.state[r] = next();
    }
    const L = R * R;
    const links: LinkWindows = { lagMs: new Float64Array(L), maxLagMs: new Float64Array(L), applied: new Float64Array(L), state: new Float64Array(L) };
    for (let l = 0; l < L; l++) {
      links.lagMs[l] = next();
      links.maxLagMs[l] = next();
      links.applied[l] = next();
      links.state[l] = next();
    }
    windows.push({ startS, users, regionServed, detail: { totals, userShares, userFailShares, regions, links } });
  }
  return windows;
}
