/**
 * Two runs' read latency overlaid: one path per population and variant (A solid, B dashed) on shared scales.
 * Pure: data in, SVG path strings and ticks out.
 */
import { line, scaleLinear } from 'd3';
import type { RunSeries } from '../../engine/compareWorker.ts';

export interface OverlayMarks {
  readonly width: number;
  readonly height: number;
  readonly paths: readonly { readonly user: string; readonly variant: 'A' | 'B'; readonly d: string }[];
  readonly xTicks: readonly { readonly at: number; readonly label: string }[];
  readonly yTicks: readonly { readonly at: number; readonly label: string }[];
}

const MARGIN = { top: 10, right: 12, bottom: 24, left: 44 };

export function overlayMarks(a: RunSeries, b: RunSeries, width = 640, height = 220, kind: 'readP50' | 'writeP50' = 'readP50'): OverlayMarks {
  const all = [...Object.values(a[kind]), ...Object.values(b[kind])].flat();
  const finite = all.filter(([, v]) => Number.isFinite(v));
  const maxT = Math.max(1, ...all.map(([t]) => t + 1));
  const maxV = Math.max(1, ...finite.map(([, v]) => v));
  const x = scaleLinear().domain([0, maxT]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, maxV]).nice().range([height - MARGIN.bottom, MARGIN.top]);
  const path = line<readonly [number, number]>()
    .defined(([, v]) => Number.isFinite(v))
    .x(([t]) => x(t))
    .y(([, v]) => y(v));
  const paths = [
    ...Object.entries(a[kind]).map(([user, points]) => ({ user, variant: 'A' as const, d: path(points) ?? '' })),
    ...Object.entries(b[kind]).map(([user, points]) => ({ user, variant: 'B' as const, d: path(points) ?? '' })),
  ];
  return {
    width,
    height,
    paths,
    xTicks: x.ticks(6).map((t) => ({ at: x(t), label: `${Math.floor(t / 60)}:${String(Math.round(t % 60)).padStart(2, '0')}` })),
    yTicks: y.ticks(5).map((v) => ({ at: y(v), label: `${v}` })),
  };
}
