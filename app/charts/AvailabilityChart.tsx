import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { availabilityMarks } from './availabilityMarks.ts';
import { panelSize } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { populationColor } from './palette.ts';

const SIZE = panelSize(160);
const select = (s: AppState) => ({ series: s.series, users: s.scenario.users, durationS: s.scenario.durationS, timeS: s.timeS });
const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 10) / 10}%` : 'n/a');

/** Share of each population's requests that succeed, per second. */
export const AvailabilityChart = memo(function AvailabilityChart() {
  const { series, users, durationS, timeS } = useApp(useShallow(select));
  const marks = availabilityMarks(series, users.map((u) => u.id), durationS, timeS, SIZE);
  return (
    <ChartFrame
      id="availability-chart"
      title="Availability by population"
      unit="% of requests answered, per second"
      size={SIZE}
      xTicks={marks.xTicks}
      yTicks={marks.yTicks}
      nowX={marks.nowX}
      legend={marks.series.map((s, i) => ({ key: s.id, label: `${users[i]?.name ?? s.id} ${pct(s.lastPct)} (min ${pct(s.minPct)})`, color: populationColor(i) }))}
      summary={marks.series.map((s) => `${s.id}: ${pct(s.lastPct)}`).join('; ')}
    >
      {marks.series.map((s, i) => (
        <path key={s.id} className="chart__line" d={s.path} stroke={populationColor(i)} data-testid={`availability-series-${s.id}`} />
      ))}
    </ChartFrame>
  );
});
