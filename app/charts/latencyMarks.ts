/**
 * Latency chart geometry: population series in, axes and SVG paths out. Pure (d3 scales and shapes only),
 * so a unit test can call it; LatencyChart renders what it returns.
 */
import { line, scaleLinear } from 'd3';
import type { LatencyPoint } from '../store/runSlice.ts';
import { thin } from './axes.ts';

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
  /** The population's index in `ids` (its colour). */
  readonly index: number;
  readonly p50Path: string;
  readonly p99Path: string;
}

export interface LatencyMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly series: readonly SeriesMarks[];
  /** x in px of the simulated clock. */
  readonly nowX: number;
  /**
   * Stretches of seconds in which some population had under LOW_AVAILABILITY of its requests answered: the
   * lines plot answered requests only, so there they say nothing about the requests that failed.
   */
  readonly lowAvailability: readonly { readonly x0: number; readonly x1: number; readonly fromS: number; readonly toS: number }[];
}

/** Below this share of answered requests in a second, the chart shades the second. */
export const LOW_AVAILABILITY = 0.99;

/** Start seconds of the windows in which any of the populations answered under LOW_AVAILABILITY, merged into [fromS, toS) runs. */
export function lowAvailabilitySpans(series: Readonly<Record<string, readonly LatencyPoint[]>>, ids: readonly string[]): { fromS: number; toS: number }[] {
  const low = new Set<number>();
  for (const id of ids)
    for (const p of series[id] ?? []) {
      const finished = p.ok + p.failed;
      if (finished > 0 && p.ok / finished < LOW_AVAILABILITY) low.add(p.startS);
    }
  const spans: { fromS: number; toS: number }[] = [];
  for (const startS of [...low].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last.toS >= startS) last.toS = startS + 1;
    else spans.push({ fromS: startS, toS: startS + 1 });
  }
  return spans;
}

/** At most this many populations are drawn: the slowest (highest p99 in the latest second). */
export const MAX_LATENCY_SERIES = 12;

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
    series: slowest(series, ids, MAX_LATENCY_SERIES).map((index) => {
      const id = ids[index] as string;
      const points = thin(series[id] ?? []) as LatencyPoint[];
      return { id, index, p50Path: p50(points) ?? '', p99Path: p99(points) ?? '' };
    }),
    nowX: x(Math.min(timeS, durationS)),
    lowAvailability: lowAvailabilitySpans(series, ids).map((span) => ({ ...span, x0: x(span.fromS), x1: x(Math.min(span.toS, durationS)) })),
  };
}

/** Indices of at most `max` populations, the highest latest p99 first chosen, returned in scenario order. */
export function slowest(series: Readonly<Record<string, readonly LatencyPoint[]>>, ids: readonly string[], max: number): number[] {
  const all = ids.map((_, i) => i);
  if (ids.length <= max) return all;
  const latestP99 = (i: number): number => {
    const points = series[ids[i] as string] ?? [];
    const p99 = points[points.length - 1]?.readP99Ms ?? Number.NaN;
    return Number.isFinite(p99) ? p99 : -1;
  };
  return all
    .sort((a, b) => latestP99(b) - latestP99(a) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}
