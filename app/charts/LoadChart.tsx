import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatCount, panelSize, pointAt } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { loadMarks } from './loadMarks.ts';
import { REGION_DARK } from '../../engine/index.ts';
import { populationColor } from './palette.ts';

const SIZE = panelSize(170);
const select = (s: AppState) => ({
  history: s.watch.history,
  regionIds: s.watch.regionIds,
  states: s.watch.latest?.detail.regions.state,
  durationS: s.scenario.durationS,
  timeS: s.timeS,
});
const regionColor = (r: number) => populationColor(r + 5);

/** Requests served per region against its capacity. */
export const LoadChart = memo(function LoadChart() {
  const { history, regionIds, states, durationS, timeS } = useThrottledApp(select);
  const marks = loadMarks(history, regionIds, durationS, timeS, SIZE);
  return (
    <ChartFrame
      id="load-chart"
      title="Region load against capacity"
      unit="requests/s; solid served, dashed capacity"
      size={SIZE}
      xTicks={marks.xTicks}
      yTicks={marks.yTicks}
      nowX={marks.nowX}
      legend={marks.series.map((s, r) => ({
        key: s.id,
        label: `${s.id} ${Number.isFinite(s.utilization) ? `${Math.round(s.utilization * 100)}%` : 'no capacity'}${((states?.[r] ?? 0) & REGION_DARK) !== 0 ? ' (down)' : ''}`,
        color: regionColor(r),
      }))}
      summary={marks.series.map((s) => `${s.id}: ${Math.round(s.utilization * 100)}% of capacity`).join('; ')}
      empty={history.length === 0 ? 'waiting for the run' : null}
      durationS={durationS}
      valuesAt={(t) => {
        const p = pointAt(history, t);
        return p ? regionIds.map((id, r) => `${id}: ${formatCount(p.served[r] ?? 0)} of ${formatCount(p.capacityQps[r] ?? 0)}/s`) : [];
      }}
    >
      {marks.series.map((s, r) => (
        <g key={s.id} data-testid={`load-series-${s.id}`}>
          <path className="chart__line" d={s.capacityPath} stroke={regionColor(r)} strokeDasharray="4 3" strokeOpacity={0.7} />
          <path className="chart__line" d={s.servedPath} stroke={regionColor(r)} />
        </g>
      ))}
    </ChartFrame>
  );
});
