/**
 * How far an RTT estimate is from the AWS matrix: the pairs, the distance bands and the error statistics that
 * the fit script (scripts/fit-latency-model.ts), the tests and docs/latency-model.md share.
 */
import awsRttJson from './data/awsRtt.json' with { type: 'json' };
import { catalogRegions, type CatalogRegion } from './catalog.ts';
import { greatCircleKm } from './greatCircle.ts';

/** One unordered pair of AWS regions with its measured (symmetrised median) RTT. */
export interface AwsPair {
  readonly a: CatalogRegion;
  readonly b: CatalogRegion;
  /** Great-circle distance between the catalogue positions. */
  readonly km: number;
  readonly measuredMs: number;
}

/** Every unordered pair of distinct AWS catalogue regions that the matrix measures, in catalogue order. */
export function awsPairs(): AwsPair[] {
  const n = awsRttJson.codes.length;
  const index = new Map(awsRttJson.codes.map((code, i) => [code, i]));
  const regions = catalogRegions.filter((r) => r.provider === 'aws' && index.has(r.code));
  const pairs: AwsPair[] = [];
  for (const [i, a] of regions.entries()) {
    for (const b of regions.slice(i + 1)) {
      const measuredMs = awsRttJson.rttMs[(index.get(a.code) as number) * n + (index.get(b.code) as number)];
      if (typeof measuredMs === 'number' && measuredMs > 0) pairs.push({ a, b, km: greatCircleKm(a, b), measuredMs });
    }
  }
  return pairs;
}

/** The distance bands the error table reports, by great-circle km (lower bound inclusive). */
export const DISTANCE_BANDS: readonly { readonly label: string; readonly minKm: number; readonly maxKm: number }[] = [
  { label: '< 1,000 km', minKm: 0, maxKm: 1000 },
  { label: '1,000-2,500 km', minKm: 1000, maxKm: 2500 },
  { label: '2,500-5,000 km', minKm: 2500, maxKm: 5000 },
  { label: '5,000-8,000 km', minKm: 5000, maxKm: 8000 },
  { label: '8,000-12,000 km', minKm: 8000, maxKm: 12_000 },
  { label: '> 12,000 km', minKm: 12_000, maxKm: Infinity },
];

/** |estimate - measured| / measured. */
export function absRelativeError(estimateMs: number, measuredMs: number): number {
  return Math.abs(estimateMs - measuredMs) / measuredMs;
}

/** The q-quantile (0..1) of the values by linear interpolation between order statistics; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const at = q * (sorted.length - 1);
  const lower = Math.floor(at);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return (sorted[lower] as number) + ((sorted[upper] as number) - (sorted[lower] as number)) * (at - lower);
}

export interface ErrorSummary {
  readonly count: number;
  /** Median absolute relative error (0.1 = 10%). */
  readonly median: number;
  /** 90th percentile of the absolute relative error. */
  readonly p90: number;
  /** Mean absolute relative error. */
  readonly mean: number;
}

/** Median, p90 and mean of absolute relative errors. */
export function summarizeErrors(errors: readonly number[]): ErrorSummary {
  const mean = errors.length === 0 ? Number.NaN : errors.reduce((sum, e) => sum + e, 0) / errors.length;
  return { count: errors.length, median: quantile(errors, 0.5), p90: quantile(errors, 0.9), mean };
}

/** The summary per distance band, then overall (label `all`). */
export function summarizeByBand(samples: readonly { readonly km: number; readonly error: number }[]): { label: string; summary: ErrorSummary }[] {
  const rows = DISTANCE_BANDS.map((band) => ({
    label: band.label,
    summary: summarizeErrors(samples.filter((s) => s.km >= band.minKm && s.km < band.maxKm).map((s) => s.error)),
  }));
  rows.push({ label: 'all', summary: summarizeErrors(samples.map((s) => s.error)) });
  return rows;
}
