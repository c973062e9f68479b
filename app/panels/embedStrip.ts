/**
 * The compact embed's one line of figures from the latest second: availability over all populations, and each
 * population's read p50 (a dash for one that had no answered read). Pure.
 */
import type { WatchFrame } from '../store/metricsSlice.ts';

export interface StripFigures {
  /** Answered share of the second's finished requests, 0..1; null before any finished. */
  readonly availability: number | null;
  readonly users: readonly { readonly id: string; readonly readP50Ms: number }[];
}

export function stripFigures(frame: WatchFrame | null): StripFigures {
  if (!frame) return { availability: null, users: [] };
  let ok = 0;
  let finished = 0;
  const users = frame.userIds.map((id, u) => {
    const w = frame.users[u];
    ok += w?.ok ?? 0;
    finished += (w?.ok ?? 0) + (w?.failed ?? 0);
    return { id, readP50Ms: w?.readP50Ms ?? Number.NaN };
  });
  return { availability: finished > 0 ? ok / finished : null, users };
}
