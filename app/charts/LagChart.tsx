import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatMs, panelSize, pointAt } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { lagMarks } from './lagMarks.ts';
import { populationColor } from './palette.ts';

const SIZE = panelSize(190, 52);
const select = (s: AppState) => ({ history: s.watch.history, regionIds: s.watch.regionIds, durationS: s.scenario.durationS, timeS: s.timeS });

/** Replication lag per link over time (log scale), partitions shaded. */
export const LagChart = memo(function LagChart() {
  const { history, regionIds, durationS, timeS } = useThrottledApp(select);
  const marks = lagMarks(history, regionIds, durationS, timeS, SIZE);
  const { margin, height } = SIZE;
  return (
    <ChartFrame
      id="lag-chart"
      title="Replication lag by link"
      unit="ms, log scale; a write committed now; shaded: partitioned"
      size={SIZE}
      xTicks={marks.xTicks}
      yTicks={marks.yTicks}
      nowX={marks.nowX}
      legend={marks.series.map((s, i) => ({ key: s.key, label: `${s.from} -> ${s.to} ${formatMs(s.lastMs)}`, color: populationColor(i) }))}
      summary={marks.series.map((s) => `${s.from} to ${s.to}: ${formatMs(s.lastMs)}`).join('; ') || 'No replication yet'}
      empty={history.length === 0 ? 'waiting for the run' : null}
      durationS={durationS}
      valuesAt={(t) => {
        const p = pointAt(history, t);
        return p ? marks.series.map((s) => `${s.from} -> ${s.to}: ${formatMs(p.linkLagMs[s.link] ?? Number.NaN)}`) : [];
      }}
    >
      {marks.series.map((s, i) => (
        <g key={s.key} data-testid={`lag-series-${s.from}-${s.to}`}>
          {s.partitioned.map((span) => (
            <rect key={span.x0} className="chart__partition" x={span.x0} width={Math.max(1, span.x1 - span.x0)} y={margin.top} height={height - margin.top - margin.bottom} />
          ))}
          <path className="chart__line" d={s.path} stroke={populationColor(i)} />
        </g>
      ))}
    </ChartFrame>
  );
});
