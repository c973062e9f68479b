/**
 * Shared chart geometry: the time axis every time-series chart uses (simulated seconds 0..durationS), tick
 * labels, and the size type. Pure d3 scales, no DOM.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { ChartSize, Tick } from './latencyMarks.ts';

export type { ChartSize, Tick } from './latencyMarks.ts';

/** A chart size with the margins the side panel's charts use. */
export function panelSize(height = 180, left = 48): ChartSize {
  return { width: 420, height, margin: { top: 10, right: 12, bottom: 24, left } };
}

/** Simulated time 0..durationS across the plot area. */
export function timeScale(durationS: number, size: ChartSize): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([0, Math.max(1, durationS)])
    .range([size.margin.left, size.width - size.margin.right]);
}

/** Time ticks labelled in seconds under an hour, else in minutes. */
export function timeTicks(x: ScaleLinear<number, number>, count = 6): Tick[] {
  const durationS = x.domain()[1] as number;
  return x.ticks(count).map((value) => ({ value, at: x(value), label: durationS > 3600 ? `${Math.round(value / 60)}m` : `${value}s` }));
}

/** Ticks of a linear value axis with a formatter. */
export function valueTicks(y: ScaleLinear<number, number>, format: (value: number) => string, count = 5): Tick[] {
  return y.ticks(count).map((value) => ({ value, at: y(value), label: format(value) }));
}

export { formatMs, formatDurationS } from '../format/duration.ts';

/** A compact count: 950, 1.2k, 3.4M. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Math.round(value / 1e5) / 10}M`;
  if (abs >= 1e4) return `${Math.round(value / 1e3)}k`;
  if (abs >= 1e3) return `${Math.round(value / 100) / 10}k`;
  return `${Math.round(value * 10) / 10}`;
}

/** US dollars with cents below $100, whole dollars above. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return 'n/a';
  return Math.abs(usd) >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : `$${usd.toFixed(2)}`;
}

/**
 * At most about `max` points, evenly spaced, the last always kept: a long run's history drawn at about the
 * resolution a 420 px chart can show, so a path stays a few hundred points however long the run.
 */
export function thin<T>(points: readonly T[], max = 240): readonly T[] {
  if (points.length <= max) return points;
  const stride = Math.ceil(points.length / max);
  const kept: T[] = [];
  for (let i = (points.length - 1) % stride; i < points.length; i += stride) kept.push(points[i] as T);
  return kept;
}

/** Simulated second under a pointer at `x` px (in the chart's own coordinates), or null outside the plot. */
export function timeAtX(x: number, durationS: number, size: ChartSize): number | null {
  const left = size.margin.left;
  const right = size.width - size.margin.right;
  if (x < left || x > right) return null;
  return ((x - left) / (right - left)) * Math.max(1, durationS);
}

/** The point whose window holds second `timeS` (points sorted by startS, one a second), or undefined. */
export function pointAt<T extends { readonly startS: number }>(points: readonly T[], timeS: number): T | undefined {
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = points[mid] as T;
    if (p.startS + 1 <= timeS) lo = mid + 1;
    else if (p.startS > timeS) hi = mid - 1;
    else return p;
  }
  return undefined;
}
