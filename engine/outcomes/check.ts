/**
 * An expected outcome of a run: a metric (see metrics.ts) with bounds, e.g. `{ "metric": "rtoS", "atMost": 60 }`.
 * Presets state theirs so tests (and the app) can show them hold; drills use them as checkpoints.
 */
import * as z from 'zod';
import type { Report } from '../report.ts';
import { METRICS, formatMetricValue, parseMetric, readMetric } from './metrics.ts';

export const CheckSchema = z
  .strictObject({
    metric: z
      .string()
      .max(200, 'must be at most 200 characters')
      .refine((name) => parseMetric(name) !== null, { error: `must be a known metric with its arguments (one of: ${Object.keys(METRICS).join(', ')})` })
      .describe('A metric name, with arguments after colons: readP50Ms:berlin, lagP99Ms:us-east:eu-west.'),
    atLeast: z.number().optional().describe('The value must be at least this.'),
    atMost: z.number().optional().describe('The value must be at most this.'),
    label: z.string().max(200, 'must be at most 200 characters').optional().describe('What it shows, for people ("RTO at most 60 s").'),
  })
  .refine((check) => check.atLeast !== undefined || check.atMost !== undefined, { error: 'needs atLeast or atMost' })
  .describe('An expected outcome: a metric of the report within bounds.');

export type Check = z.infer<typeof CheckSchema>;

export interface CheckResult {
  readonly check: Check;
  /** The measured value; null when the run has none (then the check fails). */
  readonly value: number | null;
  readonly passed: boolean;
  /** A sentence: "rtoS = 12.4 (at most 60): pass". */
  readonly text: string;
}

export function evaluateCheck(report: Report, check: Check): CheckResult {
  const value = readMetric(report, check.metric);
  const passed = value !== null && (check.atLeast === undefined || value >= check.atLeast) && (check.atMost === undefined || value <= check.atMost);
  const bounds = [check.atLeast !== undefined ? `at least ${formatMetricValue(check.metric, check.atLeast)}` : '', check.atMost !== undefined ? `at most ${formatMetricValue(check.metric, check.atMost)}` : '']
    .filter(Boolean)
    .join(', ');
  const shown = value === null ? 'none' : formatMetricValue(check.metric, value);
  return { check, value, passed, text: `${check.label ?? check.metric}: ${shown} (${bounds}): ${passed ? 'pass' : 'FAIL'}` };
}

export function evaluateChecks(report: Report, checks: readonly Check[]): CheckResult[] {
  return checks.map((check) => evaluateCheck(report, check));
}
