import type { StateCreator } from 'zustand';
import { decodeWindows, type SnapshotMessage, type UserWindow } from '../../engine/snapshot.ts';
import type { AppState } from './index.ts';
import { watchSnapshot } from './metricsSlice.ts';

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
  runStarted: () => void;
  playingChanged: (playing: boolean) => void;
  speedChanged: (speed: Speed) => void;
  snapshotReceived: (message: SnapshotMessage) => void;
}

/** Appends a snapshot's windows to the series; pure, so it is tested on its own. */
export function appendSnapshot(
  series: Readonly<Record<string, readonly LatencyPoint[]>>,
  message: SnapshotMessage,
): Record<string, readonly LatencyPoint[]> {
  const windows = decodeWindows(message.data);
  if (windows.length === 0) return { ...series };
  const next: Record<string, LatencyPoint[]> = {};
  message.userIds.forEach((id, u) => {
    const points = [...(series[id] ?? [])];
    for (const window of windows) {
      const w = window.users[u];
      if (!w) continue;
      points.push({ ...w, startS: window.startS, servedBy: w.servedBy >= 0 ? (message.regionIds[w.servedBy] ?? null) : null });
    }
    next[id] = points;
  });
  return next;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  playing: false,
  speed: 10,
  timeS: 0,
  done: false,
  series: {},
  runStarted: () => set({ timeS: 0, done: false, series: {} }),
  playingChanged: (playing) => set({ playing }),
  speedChanged: (speed) => set({ speed }),
  snapshotReceived: (message) =>
    set((state) => ({
      timeS: message.timeS,
      done: message.done,
      playing: message.done ? false : state.playing,
      series: appendSnapshot(state.series, message),
      ...watchSnapshot(state, message),
    })),
});
