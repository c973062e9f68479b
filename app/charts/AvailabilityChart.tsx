import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { availabilityMarks, availabilityPct } from './availabilityMarks.ts';
import { panelSize, pointAt } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { populationColor } from './palette.ts';

const SIZE = panelSize(160);
const select = (s: AppState) => ({ series: s.series, users: s.scenario.users, durationS: s.scenario.durationS, timeS: s.timeS });
const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 10) / 10}%` : 'n/a');

/** Share of each population's requests that succeed, per second. */
export const AvailabilityChart = memo(function AvailabilityChart() {
  const { series, users, durationS, timeS } = useThrottledApp(select);
  const marks = availabilityMarks(series, users.map((u) => u.id), durationS, timeS, SIZE);
  return (
    <ChartFrame
      id="availability-chart"
      title="Availability by population"
      unit={`% of requests answered, per second${marks.series.length < users.length ? `; the ${marks.series.length} lowest of ${users.length}` : ''}`}
      size={SIZE}
      xTicks={marks.xTicks}
      yTicks={marks.yTicks}
      nowX={marks.nowX}
      legend={marks.series.map((s) => ({ key: s.id, label: `${users[s.index]?.name ?? s.id} ${pct(s.lastPct)} (min ${pct(s.minPct)})`, color: populationColor(s.index) }))}
      summary={marks.series.map((s) => `${s.id}: ${pct(s.lastPct)}`).join('; ')}
      durationS={durationS}
      valuesAt={(t) =>
        marks.series.map((s) => {
          const p = pointAt(series[s.id] ?? [], t);
          return `${users[s.index]?.name ?? s.id}: ${p ? pct(availabilityPct(p)) : 'n/a'}`;
        })
      }
    >
      {marks.series.map((s) => (
        <path key={s.id} className="chart__line" d={s.path} stroke={populationColor(s.index)} data-testid={`availability-series-${s.id}`} />
      ))}
    </ChartFrame>
  );
});
