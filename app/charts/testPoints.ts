/** Hand-made chart inputs for the marks tests. */
import type { WindowTotals } from '../../engine/index.ts';
import { TOTAL_KEYS } from '../../engine/index.ts';
import type { WatchPoint } from '../store/metricsSlice.ts';

export function totals(values: Partial<WindowTotals> = {}): WindowTotals {
  const all = Object.fromEntries(TOTAL_KEYS.map((key) => [key, 0])) as Record<keyof WindowTotals, number>;
  return { ...all, ...values };
}

/** A window of a 2-region run: served, capacity, lag per directed link (a*2+b), link state, totals. */
export function point(startS: number, p: { served?: number[]; capacity?: number[]; lag?: number[]; linkState?: number[]; totals?: Partial<WindowTotals> } = {}): WatchPoint {
  return {
    startS,
    served: Float32Array.from(p.served ?? [100, 50]),
    capacityQps: Float32Array.from(p.capacity ?? [1000, 1000]),
    dropped: new Float32Array(2),
    linkLagMs: Float32Array.from(p.lag ?? [0, 40, 45, 0]),
    linkState: Uint8Array.from(p.linkState ?? [0, 0, 0, 0]),
    totals: totals(p.totals),
  };
}
