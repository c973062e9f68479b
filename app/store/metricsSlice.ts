/**
 * What the "Watch" views draw: the latest window in full (the map's arcs and links), a compact history of the
 * windows for the charts, the engine's latest report for the panels, and the regions a panel highlights.
 * Fed from the snapshot stream (runSlice.snapshotReceived calls `watchSnapshot`), so it updates at the
 * snapshot rate (about 10 times a second), never per animation frame.
 */
import type { StateCreator } from 'zustand';
import { decodeWindows, snapshotStartS, type MetricsWindow, type SnapshotMessage, type UserWindow, type WindowDetail, type WindowTotals } from '../../engine/index.ts';
import type { Report } from '../../engine/index.ts';
import type { AppState } from './index.ts';

/** The latest window, whole, with the ids its columns refer to. */
export interface WatchFrame {
  readonly startS: number;
  readonly userIds: readonly string[];
  readonly regionIds: readonly string[];
  readonly users: readonly UserWindow[];
  readonly regionServed: readonly number[];
  readonly detail: WindowDetail;
}

/** One window as the charts keep it: small typed arrays, indexed like the frame's ids. */
export interface WatchPoint {
  readonly startS: number;
  /** Requests served and capacity, per region. */
  readonly served: Float32Array;
  readonly capacityQps: Float32Array;
  readonly dropped: Float32Array;
  /** Current lag per directed link a * R + b, ms; and its LINK_* state bits. */
  readonly linkLagMs: Float32Array;
  readonly linkState: Uint8Array;
  readonly totals: WindowTotals;
}

export interface Watch {
  readonly userIds: readonly string[];
  readonly regionIds: readonly string[];
  readonly latest: WatchFrame | null;
  readonly history: readonly WatchPoint[];
}

export interface MetricsSlice {
  watch: Watch;
  /** The engine's report as of the last snapshot that carried one (about once a second, and at the end). */
  report: Report | null;
  /** Region ids a panel points at (a compliance violation under the pointer): the map rings them. */
  highlightedRegions: readonly string[];
  regionsHighlighted: (ids: readonly string[]) => void;
}

export const EMPTY_WATCH: Watch = { userIds: [], regionIds: [], latest: null, history: [] };

function pointOf(window: MetricsWindow, detail: WindowDetail): WatchPoint {
  return {
    startS: window.startS,
    served: Float32Array.from(window.regionServed),
    capacityQps: Float32Array.from(detail.regions.capacityQps),
    dropped: Float32Array.from(detail.regions.dropped),
    linkLagMs: Float32Array.from(detail.links.lagMs),
    linkState: Uint8Array.from(detail.links.state),
    totals: detail.totals,
  };
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The watch after a snapshot: windows at or after the snapshot's first start replace what was there (a replay
 * after a seek, or a new run), and a change of regions starts the history afresh (its columns would no longer
 * line up; the history has no per-population columns, so adding a population keeps it). Pure: the store calls
 * it, tests call it.
 */
export function appendWatch(watch: Watch, message: SnapshotMessage, windows: readonly MetricsWindow[] = decodeWindows(message.data)): Watch {
  const startS = windows[0]?.startS ?? message.timeS;
  const regionsChanged = !sameIds(watch.regionIds, message.regionIds);
  const idsChanged = regionsChanged || !sameIds(watch.userIds, message.userIds);
  let history = regionsChanged ? [] : watch.history;
  const rewound = history.length > 0 && (history[history.length - 1]?.startS ?? 0) >= startS;
  if (rewound) history = history.filter((p) => p.startS < startS);
  let latest = idsChanged || rewound ? null : watch.latest;
  if (windows.length > 0) {
    const grown = [...history];
    for (const window of windows) if (window.detail) grown.push(pointOf(window, window.detail));
    history = grown;
    const last = windows[windows.length - 1] as MetricsWindow;
    if (last.detail) {
      latest = {
        startS: last.startS,
        userIds: message.userIds,
        regionIds: message.regionIds,
        users: last.users,
        regionServed: last.regionServed,
        detail: last.detail,
      };
    }
  } else if (!idsChanged && !rewound && history === watch.history) {
    return watch;
  }
  return { userIds: message.userIds, regionIds: message.regionIds, latest, history };
}

/** The part of a snapshot the metrics slice takes (runSlice.snapshotReceived merges it into its update). */
export function watchSnapshot(
  state: Pick<AppState, 'watch' | 'report'>,
  message: SnapshotMessage,
  windows: readonly MetricsWindow[] = decodeWindows(message.data),
): Pick<MetricsSlice, 'watch' | 'report'> {
  // A snapshot that starts before the report's time is a replay or a new run: that report no longer holds.
  const rewound = state.report !== null && snapshotStartS(message) + 1 < state.report.durationS;
  return {
    watch: appendWatch(state.watch, message, windows),
    report: message.report ?? (rewound ? null : state.report),
  };
}

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  watch: EMPTY_WATCH,
  report: null,
  highlightedRegions: [],
  regionsHighlighted: (ids) => set({ highlightedRegions: ids }),
});
