import type { StateCreator } from 'zustand';
import { decodeWindows, snapshotStartS, type MetricsWindow, type Scenario, type SnapshotMessage, type UserWindow } from '../../engine/index.ts';
import type { AppState } from './index.ts';
import { watchSnapshot } from './metricsSlice.ts';
import { keepExisting } from './historySlice.ts';

export type Speed = 1 | 10 | 60 | 'max';

/** One population's window as the UI keeps it: when it started, and the serving region by id. */
export interface LatencyPoint extends Omit<UserWindow, 'servedBy'> {
  readonly startS: number;
  /** Region id that served most of the second's requests, or null. */
  readonly servedBy: string | null;
}

export interface RunSlice {
  playing: boolean;
  speed: Speed;
  /** Simulated seconds the engine has reached. */
  timeS: number;
  done: boolean;
  /** Per user population id, its points in time order. */
  series: Readonly<Record<string, readonly LatencyPoint[]>>;
  /** Where a replay (timeline seek) is heading, while the worker replays; null otherwise. */
  seekingToS: number | null;
  /** The undo history put aside while a replay shows another moment's design, with the design it belongs to (JSON). */
  historyAside: { readonly past: readonly Scenario[]; readonly future: readonly Scenario[]; readonly head: string } | null;
  runStarted: () => void;
  /** The person asked to go to `timeS` on the timeline (the engine replays from the seed). */
  seekRequested: (timeS: number) => void;
  /** The replay arrived (or was superseded). */
  seekSettled: () => void;
  playingChanged: (playing: boolean) => void;
  speedChanged: (speed: Speed) => void;
  snapshotReceived: (message: SnapshotMessage) => void;
}

/** The series without the points at or after `cutS` (unchanged, same object, when there are none). */
export function seriesBefore(
  series: Readonly<Record<string, readonly LatencyPoint[]>>,
  cutS: number,
): Readonly<Record<string, readonly LatencyPoint[]>> {
  const ids = Object.keys(series).filter((id) => {
    const points = series[id] ?? [];
    return points.length > 0 && (points[points.length - 1]?.startS ?? 0) >= cutS;
  });
  if (ids.length === 0) return series;
  const next = { ...series };
  for (const id of ids) next[id] = (series[id] ?? []).filter((p) => p.startS < cutS);
  return next;
}

/**
 * Appends a snapshot's windows to the series, in a new record. Each population's points only grow, in place:
 * copying 100 arrays of up to 3,600 points at every snapshot was quadratic in the run's length (and most of the
 * page's garbage), so an older record shares the arrays and sees the new points too. A rewind (seriesBefore)
 * makes new arrays, so what a chart drew from stays as it was.
 */
export function appendSnapshot(
  series: Readonly<Record<string, readonly LatencyPoint[]>>,
  message: SnapshotMessage,
  windows: readonly MetricsWindow[] = decodeWindows(message.data),
): Record<string, readonly LatencyPoint[]> {
  if (windows.length === 0) return series as Record<string, readonly LatencyPoint[]>;
  const next: Record<string, LatencyPoint[]> = {};
  message.userIds.forEach((id, u) => {
    const points = (series[id] as LatencyPoint[] | undefined) ?? [];
    for (const window of windows) {
      const w = window.users[u];
      if (!w) continue;
      points.push({ ...w, startS: window.startS, servedBy: w.servedBy >= 0 ? (message.regionIds[w.servedBy] ?? null) : null });
    }
    next[id] = points;
  });
  return next;
}

/** The undo history while a replay shows another design: nothing to undo or redo (identity marks it untouched). */
const NO_STEPS: readonly Scenario[] = Object.freeze([]);

/**
 * The undo history for a replay's design. Its steps were taken from the design as it was left (the head), so
 * while another moment's design is shown they are put aside (Undo there would bring in a later edit); a replay
 * back to the head's design brings them back. An edit made meanwhile (the run forked) starts a history of its own.
 */
function historyFor(state: AppState, shown: Scenario): Pick<AppState, 'past' | 'future' | 'historyAside'> {
  const untouched = state.historyAside !== null && state.past === NO_STEPS && state.future === NO_STEPS;
  const aside = untouched && state.historyAside ? state.historyAside : { past: state.past, future: state.future, head: JSON.stringify(state.scenario) };
  if (JSON.stringify(shown) === aside.head) return { past: aside.past, future: aside.future, historyAside: null };
  return { past: NO_STEPS, future: NO_STEPS, historyAside: aside };
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  playing: false,
  speed: 10,
  timeS: 0,
  done: false,
  series: {},
  seekingToS: null,
  historyAside: null,
  runStarted: () => set({ timeS: 0, done: false, series: {} }),
  seekRequested: (timeS) => set({ seekingToS: timeS }),
  seekSettled: () => set({ seekingToS: null }),
  playingChanged: (playing) => set({ playing }),
  speedChanged: (speed) => set({ speed }),
  snapshotReceived: (message) => {
    // Decoded once for both slices.
    const windows = decodeWindows(message.data);
    set((state) => ({
      timeS: message.timeS,
      done: message.done,
      playing: message.done ? false : state.playing,
      series: appendSnapshot(seriesBefore(state.series, snapshotStartS(message)), message, windows),
      ...watchSnapshot(state, message, windows),
      ...(message.edits ? { runEdits: message.edits } : {}),
      // A replay passed a timed edit (or went back before one): the design shown is the one in effect then; the
      // selection keeps only what this design has.
      ...(message.scenario && JSON.stringify(message.scenario) !== JSON.stringify(state.scenario)
        ? { scenario: message.scenario, replayedScenario: message.scenario, selection: keepExisting(state.selection, message.scenario), ...historyFor(state, message.scenario) }
        : {}),
    }));
  },
});
