/**
 * The compare table's rows as a person reads them: each measure with its unit, A and B written the way the rest
 * of the page writes that quantity (availability as a percentage, durations through formatMs, money in dollars),
 * and one verdict rule for every measure: "same" when A and B read the same as written, else which way B moved.
 * So a verdict never contradicts the figures beside it (0.991 -> 0.988 availability called "same", a +0.999 ms
 * latency called "worse" next to a cost change called "same"). Pure.
 */
import type { DiffRow } from '../../engine/index.ts';
import { formatMetric } from '../format/metric.ts';

export interface CompareRow {
  readonly metric: string;
  readonly label: string;
  /** What the figures are in: "%", "ms", "requests", "USD per hour". */
  readonly unit: string;
  readonly a: string;
  readonly b: string;
  /** B against A in the row's unit ("+0.3 points", "-1.2 s"), empty when they read the same or one is missing. */
  readonly change: string;
  readonly verdict: 'better' | 'worse' | 'same' | 'n/a';
}

interface Measure {
  readonly label: string;
  readonly unit: string;
  /** The figure as written in the table. */
  readonly show: (value: number) => string;
  /** The signed difference b - a in the row's unit. */
  readonly change: (a: number, b: number) => string;
}

const signed = (v: number, digits: number): string => `${v > 0 ? '+' : v < 0 ? '-' : '±'}${Math.abs(Number(v.toFixed(digits)))}`;
const percent = (value: number): string => `${Number((value * 100).toFixed(2))}%`;
const count = (value: number): string => Math.round(value).toLocaleString('en-US');

const share = (label: string): Measure => ({ label, unit: '%', show: percent, change: (a, b) => `${signed((b - a) * 100, 2)} points` });
const counted = (label: string, unit: string): Measure => ({ label, unit, show: count, change: (a, b) => signed(Math.round(b) - Math.round(a), 0) });
const duration = (label: string, metric: string): Measure => ({
  label,
  unit: 'time',
  show: (v) => formatMetric(metric, v),
  change: (a, b) => {
    const text = formatMetric(metric, Math.abs(b - a));
    return `${b > a ? '+' : '-'}${text}`;
  },
});

function measureOf(metric: string): Measure {
  const [id = '', user = ''] = metric.split(':');
  switch (id) {
    case 'availability':
      return share('availability');
    case 'userAvailability':
      return share(`${user}: availability`);
    case 'staleRatio':
      return share('stale reads');
    case 'failedRequests':
      return counted('failed requests', 'requests');
    case 'ackedWritesLost':
      return counted('acknowledged writes lost', 'writes');
    case 'conflictLostWrites':
      return counted('writes dropped by LWW', 'writes');
    case 'complianceViolations':
      return counted('compliance violations', 'violations');
    case 'rtoS':
      return duration('RTO of the first failure', metric);
    case 'rpoS':
      return duration('RPO', metric);
    case 'readP50Ms':
      return duration(`${user}: read p50`, metric);
    case 'writeP50Ms':
      return duration(`${user}: write p50`, metric);
    case 'costUsdPerHour':
      return { label: 'cost', unit: 'USD per hour', show: (v) => `$${v.toFixed(2)}`, change: (a, b) => `${b >= a ? '+' : '-'}$${Math.abs(Number(b.toFixed(2)) - Number(a.toFixed(2))).toFixed(2)}` };
    default:
      return { label: metric, unit: '', show: (v) => formatMetric(metric, v), change: (a, b) => signed(b - a, 3) };
  }
}

export function compareRow(row: DiffRow): CompareRow {
  const measure = measureOf(row.metric);
  const a = row.a === null ? '-' : measure.show(row.a);
  const b = row.b === null ? '-' : measure.show(row.b);
  if (row.a === null || row.b === null) return { metric: row.metric, label: measure.label, unit: measure.unit, a, b, change: '', verdict: 'n/a' };
  if (a === b) return { metric: row.metric, label: measure.label, unit: measure.unit, a, b, change: '', verdict: 'same' };
  const lower = row.b < row.a;
  return { metric: row.metric, label: measure.label, unit: measure.unit, a, b, change: measure.change(row.a, row.b), verdict: lower === row.lowerIsBetter ? 'better' : 'worse' };
}
