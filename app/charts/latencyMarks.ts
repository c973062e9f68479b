/**
 * Latency chart geometry: population series in, axes and SVG paths out. Pure (d3 scales and shapes only),
 * so a unit test can call it; LatencyChart renders what it returns.
 */
import { line, scaleLinear } from 'd3';
import type { LatencyPoint } from '../store/runSlice.ts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface Tick {
  readonly value: number;
  /** Position along its axis in px. */
  readonly at: number;
  readonly label: string;
}

export interface SeriesMarks {
  readonly id: string;
  readonly p50Path: string;
  readonly p99Path: string;
}

export interface LatencyMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly SeriesMarks[];
  /** x in px of the simulated clock. */
  readonly nowX: number;
}

/**
 * Marks for read latency (p50 solid, p99 dashed) of each population over simulated time 0..durationS.
 * The y axis spans 0 to the highest p99 seen (at least 50 ms), rounded to a nice value.
 */
export function latencyMarks(
  series: Readonly<Record<string, readonly LatencyPoint[]>>,
  ids: readonly string[],
  durationS: number,
  timeS: number,
  size: ChartSize,
): LatencyMarks {
  const { width, height, margin } = size;
  const x = scaleLinear().domain([0, durationS]).range([margin.left, width - margin.right]);
  let maxMs = 50;
  for (const id of ids) for (const p of series[id] ?? []) if (p.readP99Ms > maxMs) maxMs = p.readP99Ms;
  const y = scaleLinear().domain([0, maxMs]).nice().range([height - margin.bottom, margin.top]);
  const path = (pick: (p: LatencyPoint) => number) =>
    line<LatencyPoint>()
      .defined((p) => Number.isFinite(pick(p)))
      .x((p) => x(p.startS + 0.5))
      .y((p) => y(pick(p)));
  const p50 = path((p) => p.readP50Ms);
  const p99 = path((p) => p.readP99Ms);
  return {
    xTicks: x.ticks(6).map((value) => ({ value, at: x(value), label: `${value}s` })),
    yTicks: y.ticks(5).map((value) => ({ value, at: y(value), label: `${value}` })),
    series: ids.map((id) => {
      const points = series[id] ?? [];
      return { id, p50Path: p50(points as LatencyPoint[]) ?? '', p99Path: p99(points as LatencyPoint[]) ?? '' };
    }),
    nowX: x(Math.min(timeS, durationS)),
  };
}
