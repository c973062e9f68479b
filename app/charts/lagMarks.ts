/**
 * Replication lag per directed link over simulated time, on a log scale (tens of ms while a link flows, up to
 * minutes while a partition holds writes back), with the partitioned stretches shaded. Pure.
 */
import { line, scaleLog } from 'd3';
import { LINK_PARTITIONED } from '../../engine/index.ts';
import type { WatchPoint } from '../store/metricsSlice.ts';
import { formatMs, thin, timeScale, timeTicks, type ChartSize, type Tick } from './axes.ts';

export interface LagSeries {
  readonly key: string;
  /** Index of the link in the windows' link arrays (a * R + b). */
  readonly link: number;
  readonly from: string;
  readonly to: string;
  readonly path: string;
  /** Lag in the latest window, ms. */
  readonly lastMs: number;
  /** x ranges (px) where the link was partitioned. */
  readonly partitioned: readonly { readonly x0: number; readonly x1: number }[];
}

export interface LagMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly LagSeries[];
  readonly nowX: number;
}

/** At most this many links are drawn: those with the highest lag over the run. */
export const MAX_LINKS = 8;

export function lagMarks(fullHistory: readonly WatchPoint[], regionIds: readonly string[], durationS: number, timeS: number, size: ChartSize): LagMarks {
  const R = regionIds.length;
  const x = timeScale(durationS, size);
  const history = thin(fullHistory);
  // Pick the links to draw: the highest peak lag first (a partitioned link, a far one).
  const peak: { l: number; maxMs: number }[] = [];
  let top = 100;
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < R; b++) {
      if (a === b) continue;
      const l = a * R + b;
      let maxMs = 0;
      for (const p of history) maxMs = Math.max(maxMs, p.linkLagMs[l] ?? 0);
      peak.push({ l, maxMs });
      top = Math.max(top, maxMs);
    }
  }
  peak.sort((p, q) => q.maxMs - p.maxMs || p.l - q.l);
  const chosen = peak.slice(0, MAX_LINKS).sort((p, q) => p.l - q.l);
  const exponent = Math.ceil(Math.log10(top));
  const y = scaleLog()
    .domain([1, 10 ** exponent])
    .range([size.height - size.margin.bottom, size.margin.top])
    .clamp(true);
  const yTicks: Tick[] = [];
  for (let e = 0; e <= exponent; e++) yTicks.push({ value: 10 ** e, at: y(10 ** e), label: formatMs(10 ** e) });
  const series = chosen.map(({ l }): LagSeries => {
    const from = regionIds[Math.floor(l / R)] as string;
    const to = regionIds[l % R] as string;
    const path =
      line<WatchPoint>()
        .defined((p) => Number.isFinite(p.linkLagMs[l] as number))
        .x((p) => x(p.startS + 1))
        .y((p) => y(Math.max(1, p.linkLagMs[l] as number)))(history as WatchPoint[]) ?? '';
    const partitioned: { x0: number; x1: number }[] = [];
    for (const p of history) {
      if (((p.linkState[l] ?? 0) & LINK_PARTITIONED) === 0) continue;
      const last = partitioned[partitioned.length - 1];
      const x0 = x(p.startS);
      const x1 = x(p.startS + 1);
      if (last && Math.abs(last.x1 - x0) < 1e-6) last.x1 = x1;
      else partitioned.push({ x0, x1 });
    }
    return { key: `${from}>${to}`, link: l, from, to, path, lastMs: fullHistory[fullHistory.length - 1]?.linkLagMs[l] ?? Number.NaN, partitioned };
  });
  return { xTicks: timeTicks(x), yTicks, series, nowX: x(Math.min(timeS, durationS)) };
}
