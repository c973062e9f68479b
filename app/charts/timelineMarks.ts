/**
 * The failover timeline: for each region failure a row on the run's time axis, from failed to recovered (or
 * now), with its moments marked (failed, detected, rerouted, promoted, recovered) and its RTO; the run's RPO
 * beside it. From the report's failovers. Pure.
 */
import type { FailoverReport } from '../../engine/index.ts';
import { formatDurationS, timeScale, timeTicks, type ChartSize, type Tick } from './axes.ts';

export type MomentKind = 'failed' | 'detected' | 'rerouted' | 'promoted' | 'recovered';

export interface Moment {
  readonly kind: MomentKind;
  readonly atS: number;
  readonly x: number;
  /** "detected at 27.3 s (+7.3 s)". */
  readonly label: string;
}

export interface TimelineRow {
  readonly key: string;
  readonly label: string;
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly moments: readonly Moment[];
  /** "RTO 42.1 s" or "not rerouted yet". */
  readonly rto: string;
  /** Requests the affected populations lost while it lasted (its error budget), e.g. "1,204 failed requests". */
  readonly errors: string;
}

export interface TimelineMarks {
  readonly xTicks: readonly Tick[];
  readonly rows: readonly TimelineRow[];
  readonly height: number;
  readonly nowX: number;
}

export const ROW_HEIGHT = 34;

/** A moment on the run's clock ("150 s"); durations go through formatDurationS. */
const seconds = (s: number): string => `${Math.round(s * 10) / 10} s`;

export function timelineMarks(failovers: readonly FailoverReport[], durationS: number, timeS: number, size: ChartSize): TimelineMarks {
  const height = size.margin.top + size.margin.bottom + Math.max(1, failovers.length) * ROW_HEIGHT;
  const x = timeScale(durationS, { ...size, height });
  const rows = failovers.map((f, i): TimelineRow => {
    const moments: Moment[] = [];
    const add = (kind: MomentKind, atS: number | null) => {
      if (atS === null) return;
      const after = kind === 'failed' ? '' : ` (+${formatDurationS(atS - f.failedAtS)})`;
      moments.push({ kind, atS, x: x(atS), label: `${kind} at ${seconds(atS)}${after}` });
    };
    add('failed', f.failedAtS);
    add('detected', f.detectedAtS);
    add('rerouted', f.reroutedAtS);
    add('promoted', f.promotedAtS);
    add('recovered', f.recoveredAtS);
    const endS = f.recoveredAtS ?? Math.max(f.failedAtS, Math.min(timeS, durationS));
    return {
      key: `${f.region}@${f.failedAtS}`,
      label: `${f.region} ${f.kind}${f.newPrimary ? `, ${f.newPrimary} promoted` : ''}`,
      y: size.margin.top + i * ROW_HEIGHT + ROW_HEIGHT / 2,
      x0: x(f.failedAtS),
      x1: x(endS),
      moments,
      rto: f.rtoS === null ? 'not rerouted yet' : `RTO ${formatDurationS(f.rtoS)}`,
      errors: `${Math.round(Object.values(f.errorsByUser).reduce((sum, n) => sum + n, 0)).toLocaleString('en-US')} failed requests`,
    };
  });
  return { xTicks: timeTicks(x), rows, height, nowX: x(Math.min(timeS, durationS)) };
}
