/**
 * Two runs side by side (A/B: sync against async, GeoDNS against anycast): the report's headline numbers for
 * each, and which way each moved. The metrics are the named ones presets and drills use.
 */
import { readMetric } from '../outcomes/metrics.ts';
import type { Report } from '../report.ts';

export interface DiffRow {
  readonly metric: string;
  readonly label: string;
  readonly a: number | null;
  readonly b: number | null;
  /** b - a; null when either is missing. */
  readonly delta: number | null;
  /** Whether lower is better for this number (latency, losses) or higher (availability). */
  readonly lowerIsBetter: boolean;
  /** 'better', 'worse' or 'same' for b against a. */
  readonly verdict: 'better' | 'worse' | 'same' | 'n/a';
}

const HEADLINES: readonly { metric: string; label: string; lowerIsBetter: boolean }[] = [
  { metric: 'availability', label: 'availability', lowerIsBetter: false },
  { metric: 'failedRequests', label: 'failed requests', lowerIsBetter: true },
  { metric: 'rtoS', label: 'RTO of the first failure, s', lowerIsBetter: true },
  { metric: 'ackedWritesLost', label: 'acknowledged writes lost', lowerIsBetter: true },
  { metric: 'rpoS', label: 'RPO, s', lowerIsBetter: true },
  { metric: 'conflictLostWrites', label: 'writes dropped by LWW', lowerIsBetter: true },
  { metric: 'staleRatio', label: 'stale reads', lowerIsBetter: true },
  { metric: 'complianceViolations', label: 'compliance violations', lowerIsBetter: true },
  { metric: 'costUsdPerHour', label: 'cost per hour, USD', lowerIsBetter: true },
];

function row(metric: string, label: string, lowerIsBetter: boolean, a: Report, b: Report): DiffRow {
  const va = readMetric(a, metric);
  const vb = readMetric(b, metric);
  const delta = va === null || vb === null ? null : vb - va;
  // Differences under half a percent are noise for a person comparing designs: "same".
  const tolerance = Math.max(1e-9, Math.abs(va ?? 0) * 0.005);
  const verdict = delta === null ? 'n/a' : Math.abs(delta) <= tolerance ? 'same' : (delta < 0) === lowerIsBetter ? 'better' : 'worse';
  return { metric, label, a: va, b: vb, delta, lowerIsBetter, verdict };
}

/** Headline numbers, then latency per population present in both runs. */
export function diffReports(a: Report, b: Report): DiffRow[] {
  const rows = HEADLINES.map((h) => row(h.metric, h.label, h.lowerIsBetter, a, b));
  const shared = a.users.filter((u) => b.users.some((v) => v.id === u.id)).map((u) => u.id);
  for (const id of shared) {
    rows.push(row(`readP50Ms:${id}`, `${id}: read p50, ms`, true, a, b));
    rows.push(row(`writeP50Ms:${id}`, `${id}: write p50, ms`, true, a, b));
    rows.push(row(`userAvailability:${id}`, `${id}: availability`, false, a, b));
  }
  return rows;
}
