/**
 * A named metric's value as the page writes it: the engine's formatMetricValue (durations, RPO and lags in the
 * one duration format, "28 ms", "1.5 s"; "99.2%", "$3.34/h"), which the CLI and exports use too. Preset notes,
 * drill checkpoints and compare all go through here, so one panel never writes one quantity two ways.
 */
import { formatMetricValue } from '../../engine/index.ts';
import type { CheckResult } from '../../engine/index.ts';

const metricId = (name: string): string => name.split(':')[0] ?? '';

/** Whether the metric is a duration: its id ends in Ms (milliseconds) or S (seconds). */
export function durationUnit(name: string): 'ms' | 's' | null {
  const id = metricId(name);
  if (id.endsWith('Ms')) return 'ms';
  if (/[a-z]S$/.test(id)) return 's';
  return null;
}

export function formatMetric(name: string, value: number): string {
  return formatMetricValue(name, value);
}

/** A check's sentence, as the engine words it but with the page's formats: "RTO: 42.1 s (at most 1 min): pass". */
export function checkText(result: CheckResult): string {
  const { check, value, passed } = result;
  const bounds = [check.atLeast !== undefined ? `at least ${formatMetric(check.metric, check.atLeast)}` : '', check.atMost !== undefined ? `at most ${formatMetric(check.metric, check.atMost)}` : '']
    .filter(Boolean)
    .join(', ');
  const shown = value === null ? 'none' : formatMetric(check.metric, value);
  return `${check.label ?? check.metric}: ${shown} (${bounds}): ${passed ? 'pass' : 'FAIL'}`;
}
