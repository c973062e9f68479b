/**
 * The run's cost: the rate in USD per hour over simulated time (from the cumulative totals, window by window)
 * and the breakdown of what it has cost so far as horizontal bars. Pure.
 */
import { line, scaleLinear } from 'd3';
import type { WatchPoint } from '../store/metricsSlice.ts';
import { formatUsd, thin, timeScale, timeTicks, valueTicks, type ChartSize, type Tick } from './axes.ts';

export const COST_PARTS = [
  { key: 'computeUsd', label: 'compute (busy)' },
  { key: 'idleComputeUsd', label: 'compute (idle/standby)' },
  { key: 'replicationUsd', label: 'replication between regions' },
  { key: 'interZoneUsd', label: 'copies between zones' },
  { key: 'egressUsd', label: 'internet egress' },
] as const;

export interface CostBar {
  readonly key: string;
  readonly label: string;
  readonly usd: number;
  readonly share: number;
  readonly y: number;
  readonly width: number;
}

export interface CostMarks {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** USD per hour, window by window. */
  readonly ratePath: string;
  /** The latest window's rate, USD per hour (NaN before two windows). */
  readonly usdPerHour: number;
  readonly totalUsd: number;
  readonly bars: readonly CostBar[];
  readonly nowX: number;
}

/** Windows the cost rate is averaged over (costs are rounded to 1/100 cent, which is noisy per second). */
export const RATE_WINDOWS = 10;

/** USD per hour at each window: the growth of the run's total cost over the last RATE_WINDOWS windows. */
export function costRates(history: readonly WatchPoint[]): number[] {
  return history.map((p, i) => {
    const before = i >= RATE_WINDOWS ? history[i - RATE_WINDOWS] : undefined;
    const fromS = before ? before.startS + 1 : 0;
    const dt = p.startS + 1 - fromS;
    const spent = p.totals.costUsd - (before?.totals.costUsd ?? 0);
    return dt > 0 ? (spent / dt) * 3600 : Number.NaN;
  });
}

export function costMarks(history: readonly WatchPoint[], durationS: number, timeS: number, size: ChartSize, barsWidth: number): CostMarks {
  const x = timeScale(durationS, size);
  const rates = costRates(history);
  let max = 1;
  for (const rate of rates) if (Number.isFinite(rate)) max = Math.max(max, rate);
  const y = scaleLinear().domain([0, max]).nice().range([size.height - size.margin.bottom, size.margin.top]);
  const points = thin(history.map((p, i) => ({ startS: p.startS, rate: rates[i] as number })));
  const ratePath =
    line<{ startS: number; rate: number }>()
      .defined((p) => Number.isFinite(p.rate))
      .x((p) => x(p.startS + 1))
      .y((p) => y(p.rate))(points as { startS: number; rate: number }[]) ?? '';
  const last = history[history.length - 1]?.totals;
  const totalUsd = last?.costUsd ?? 0;
  const largest = Math.max(1e-9, ...COST_PARTS.map((part) => last?.[part.key] ?? 0));
  const bars = COST_PARTS.map((part, i): CostBar => {
    const usd = last?.[part.key] ?? 0;
    return { key: part.key, label: part.label, usd, share: totalUsd > 0 ? usd / totalUsd : 0, y: i * 18, width: (usd / largest) * barsWidth };
  });
  return {
    xTicks: timeTicks(x),
    yTicks: valueTicks(y, formatUsd, 4),
    ratePath,
    usdPerHour: rates.length > 1 ? (rates[rates.length - 1] as number) : Number.NaN,
    totalUsd,
    bars,
    nowX: x(Math.min(timeS, durationS)),
  };
}
