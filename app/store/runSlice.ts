import type { StateCreator } from 'zustand';
import { decodeWindows, type SnapshotMessage } from '../../engine/snapshot.ts';
import type { AppState } from './index.ts';

export type Speed = 1 | 10 | 60 | 'max';

/** One population's latencies over one simulated second, in ms (NaN when it sent no such request). */
export interface LatencyPoint {
  readonly startS: number;
  readonly readP50Ms: number;
  readonly readP99Ms: number;
  readonly writeP50Ms: number;
  readonly writeP99Ms: number;
  readonly ok: number;
  readonly failed: number;
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
      points.push({
        startS: window.startS,
        readP50Ms: w.readP50Ms,
        readP99Ms: w.readP99Ms,
        writeP50Ms: w.writeP50Ms,
        writeP99Ms: w.writeP99Ms,
        ok: w.ok,
        failed: w.failed,
        servedBy: w.servedBy >= 0 ? (message.regionIds[w.servedBy] ?? null) : null,
      });
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
    })),
});
