/**
 * Each region's load against its capacity over simulated time: requests served per second (solid) and
 * capacity (dashed), in requests per second. Pure.
 */
import { line, scaleLinear } from 'd3';
import type { WatchPoint } from '../store/metricsSlice.ts';
import { formatCount, thin, timeScale, timeTicks, valueTicks, type ChartSize, type Tick } from './axes.ts';

export interface LoadSeries {
  readonly id: string;
  readonly servedPath: string;
  readonly capacityPath: string;
  /** Served over capacity in the latest window, 0..1+ (NaN without capacity). */
  readonly utilization: number;
}

export interface LoadMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly LoadSeries[];
  readonly nowX: number;
}

export function loadMarks(fullHistory: readonly WatchPoint[], regionIds: readonly string[], durationS: number, timeS: number, size: ChartSize): LoadMarks {
  const x = timeScale(durationS, size);
  const history = thin(fullHistory);
  let max = 10;
  for (const p of history) for (let r = 0; r < regionIds.length; r++) max = Math.max(max, p.served[r] ?? 0, p.capacityQps[r] ?? 0);
  const y = scaleLinear().domain([0, max]).nice().range([size.height - size.margin.bottom, size.margin.top]);
  const last = history[history.length - 1];
  return {
    xTicks: timeTicks(x),
    yTicks: valueTicks(y, formatCount),
    series: regionIds.map((id, r): LoadSeries => {
      const at = (pick: (p: WatchPoint) => number) =>
        line<WatchPoint>()
          .x((p) => x(p.startS + 1))
          .y((p) => y(pick(p)))(history as WatchPoint[]) ?? '';
      const capacity = last?.capacityQps[r] ?? 0;
      return {
        id,
        servedPath: at((p) => p.served[r] ?? 0),
        capacityPath: at((p) => p.capacityQps[r] ?? 0),
        utilization: capacity > 0 ? (last?.served[r] ?? 0) / capacity : Number.NaN,
      };
    }),
    nowX: x(Math.min(timeS, durationS)),
  };
}
