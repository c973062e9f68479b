/**
 * Availability per population over simulated time: the share of the window's finished requests that succeeded,
 * in percent (a window with none finished is a gap). The y axis starts at 0 once anything fails badly, else
 * zooms to the top few percent. Pure.
 */
import { line, scaleLinear } from 'd3';
import type { LatencyPoint } from '../store/runSlice.ts';
import { thin, timeScale, timeTicks, valueTicks, type ChartSize, type Tick } from './axes.ts';

export interface AvailabilitySeries {
  readonly id: string;
  /** The population's index in `ids` (its colour). */
  readonly index: number;
  readonly path: string;
  /** Availability in the latest window with finished requests, percent (NaN: none yet). */
  readonly lastPct: number;
  /** Lowest availability over the run, percent. */
  readonly minPct: number;
}

export interface AvailabilityMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly AvailabilitySeries[];
  readonly nowX: number;
}

/** At most this many populations are drawn: those whose availability fell lowest. */
export const MAX_AVAILABILITY_SERIES = 12;

/** Percent of the window's finished requests that succeeded; NaN when none finished. */
export function availabilityPct(p: Pick<LatencyPoint, 'ok' | 'failed'>): number {
  const finished = p.ok + p.failed;
  return finished > 0 ? (100 * p.ok) / finished : Number.NaN;
}

export function availabilityMarks(
  series: Readonly<Record<string, readonly LatencyPoint[]>>,
  ids: readonly string[],
  durationS: number,
  timeS: number,
  size: ChartSize,
): AvailabilityMarks {
  const x = timeScale(durationS, size);
  let low = 100;
  for (const id of ids) {
    for (const p of series[id] ?? []) {
      const pct = availabilityPct(p);
      if (Number.isFinite(pct)) low = Math.min(low, pct);
    }
  }
  const floor = low >= 99 ? 99 : low >= 90 ? 90 : 0;
  const y = scaleLinear().domain([floor, 100]).range([size.height - size.margin.bottom, size.margin.top]).clamp(true);
  const path = line<LatencyPoint>()
    .defined((p) => Number.isFinite(availabilityPct(p)))
    .x((p) => x(p.startS + 0.5))
    .y((p) => y(availabilityPct(p)));
  return {
    xTicks: timeTicks(x),
    yTicks: valueTicks(y, (v) => `${v}%`, 4),
    series: ids
      .map((id, index) => {
        let lastPct = Number.NaN;
        let minPct = 100;
        for (const p of series[id] ?? []) {
          const pct = availabilityPct(p);
          if (!Number.isFinite(pct)) continue;
          lastPct = pct;
          minPct = Math.min(minPct, pct);
        }
        return { id, index, lastPct, minPct };
      })
      .sort((a, b) => a.minPct - b.minPct || a.index - b.index)
      .slice(0, MAX_AVAILABILITY_SERIES)
      .sort((a, b) => a.index - b.index)
      .map((s): AvailabilitySeries => ({ ...s, path: path(thin(series[s.id] ?? []) as LatencyPoint[]) ?? '' })),
    nowX: x(Math.min(timeS, durationS)),
  };
}
