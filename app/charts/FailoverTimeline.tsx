import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatDurationS, panelSize } from './axes.ts';
import { timelineMarks } from './timelineMarks.ts';

const SIZE = panelSize(0, 12);
const select = (s: AppState) => ({ report: s.report, durationS: s.scenario.durationS, timeS: s.timeS });
const KINDS = ['failed', 'detected', 'rerouted', 'promoted', 'recovered'] as const;

/** Each failure's timeline (failed, detected, rerouted, promoted, recovered) with its RTO, and the run's RPO. */
export const FailoverTimeline = memo(function FailoverTimeline() {
  const { report, durationS, timeS } = useThrottledApp(select);
  const failovers = report?.failovers ?? [];
  const marks = timelineMarks(failovers, durationS, timeS, SIZE);
  const { width, margin } = SIZE;
  const rpoS = report?.dataLoss.rpoS ?? 0;
  const lost = report?.dataLoss.ackedWritesLost ?? 0;
  return (
    <figure className="chart timeline" aria-labelledby="timeline-title" data-testid="failover-timeline">
      <figcaption id="timeline-title" className="chart__title">
        Failover timeline <span className="chart__unit">(simulated seconds; RTO = rerouted - failed)</span>
      </figcaption>
      <p className="timeline__rpo" data-testid="timeline-rpo">
        RPO {formatDurationS(rpoS)}, {Math.round(lost)} acknowledged writes lost
      </p>
      {failovers.length === 0 ? (
        <p className="panel__empty">No region has failed yet. Fail one from the map to see detection, rerouting and recovery.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${marks.height}`} className="chart__svg" role="img" aria-label={marks.rows.map((r) => `${r.label}: ${r.moments.map((m) => m.label).join(', ')}; ${r.rto}`).join('. ')}>
          {marks.xTicks.map((t) => (
            <text key={t.value} className="chart__tick" x={t.at} y={marks.height - 8} textAnchor="middle">
              {t.label}
            </text>
          ))}
          <line className="chart__now" x1={marks.nowX} x2={marks.nowX} y1={margin.top} y2={marks.height - margin.bottom} />
          {marks.rows.map((row) => (
            <g key={row.key} data-testid={`failover-${row.key}`}>
              <text className="timeline__label" x={margin.left} y={row.y - 9}>
                {row.label} · {row.rto} · {row.errors}
              </text>
              <line className="timeline__outage" x1={row.x0} x2={Math.max(row.x1, row.x0 + 2)} y1={row.y + 4} y2={row.y + 4} />
              {row.moments.map((m) => (
                <g key={m.kind} className={`timeline__moment timeline__moment--${m.kind}`} data-testid={`moment-${m.kind}`}>
                  <circle cx={m.x} cy={row.y + 4} r={4} />
                  <title>{m.label}</title>
                </g>
              ))}
            </g>
          ))}
        </svg>
      )}
      <ul className="chart__legend">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className={`timeline__key timeline__moment--${kind}`} aria-hidden="true" />
            {kind}
          </li>
        ))}
      </ul>
    </figure>
  );
});
