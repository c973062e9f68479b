/**
 * Run totals over simulated time as lines (conflicts, writes last-writer-wins discarded, acknowledged writes
 * lost with a region): cumulative counts, so a failure shows as a step. Pure.
 */
import { line, scaleLinear } from 'd3';
import type { WindowTotals } from '../../engine/index.ts';
import type { WatchPoint } from '../store/metricsSlice.ts';
import { formatCount, thin, timeScale, timeTicks, valueTicks, type ChartSize, type Tick } from './axes.ts';

export interface TotalSeries {
  readonly key: keyof WindowTotals;
  readonly label: string;
  readonly path: string;
  readonly last: number;
}

export interface TotalsMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly TotalSeries[];
  readonly nowX: number;
}

export function totalsMarks(
  fullHistory: readonly WatchPoint[],
  fields: readonly { readonly key: keyof WindowTotals; readonly label: string }[],
  durationS: number,
  timeS: number,
  size: ChartSize,
): TotalsMarks {
  const x = timeScale(durationS, size);
  const history = thin(fullHistory);
  let max = 1;
  for (const p of history) for (const f of fields) max = Math.max(max, p.totals[f.key]);
  const y = scaleLinear().domain([0, max]).nice().range([size.height - size.margin.bottom, size.margin.top]);
  const series = fields.map(({ key, label }): TotalSeries => ({
    key,
    label,
    path:
      line<WatchPoint>()
        .x((p) => x(p.startS + 1))
        .y((p) => y(p.totals[key]))(history as WatchPoint[]) ?? '',
    last: history[history.length - 1]?.totals[key] ?? 0,
  }));
  return { xTicks: timeTicks(x), yTicks: valueTicks(y, formatCount), series, nowX: x(Math.min(timeS, durationS)) };
}
