import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { LOW_AVAILABILITY, latencyMarks, type ChartSize } from './latencyMarks.ts';
import { populationColor } from './palette.ts';

const SIZE: ChartSize = { width: 420, height: 220, margin: { top: 12, right: 12, bottom: 26, left: 44 } };

const select = (s: AppState) => ({
  series: s.series,
  users: s.scenario.users,
  durationS: s.scenario.durationS,
  timeS: s.timeS,
});

/** Read latency of each user population over simulated time, p50 solid and p99 dashed, growing as it runs. */
export const LatencyChart = memo(function LatencyChart() {
  const { series, users, durationS, timeS } = useThrottledApp(select);
  const ids = users.map((u) => u.id);
  const marks = latencyMarks(series, ids, durationS, timeS, SIZE);
  const { width, height, margin } = SIZE;
  return (
    <figure className="chart" aria-labelledby="latency-chart-title">
      <figcaption id="latency-chart-title" className="chart__title">
        Read latency by population{' '}
        <span className="chart__unit">
          (ms, answered requests only; solid p50, dashed p99{marks.series.length < ids.length ? `; the ${marks.series.length} slowest of ${ids.length}` : ''}; shaded:
          seconds a population had under {Math.round(LOW_AVAILABILITY * 100)}% of its requests answered)
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart__svg" role="img" aria-label="Read latency over simulated time">
        {marks.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line className="chart__grid" x1={margin.left} x2={width - margin.right} y1={t.at} y2={t.at} />
            <text className="chart__tick" x={margin.left - 6} y={t.at} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {marks.xTicks.map((t) => (
          <text key={`x${t.value}`} className="chart__tick" x={t.at} y={height - 8} textAnchor="middle">
            {t.label}
          </text>
        ))}
        {marks.lowAvailability.map((span) => (
          <rect
            key={span.fromS}
            className="chart__low-availability"
            data-testid="latency-low-availability"
            x={span.x0}
            width={Math.max(1, span.x1 - span.x0)}
            y={margin.top}
            height={height - margin.top - margin.bottom}
          >
            <title>{`${span.fromS}-${span.toS} s: requests failing, so the lines here show only the ones answered`}</title>
          </rect>
        ))}
        <line className="chart__now" x1={marks.nowX} x2={marks.nowX} y1={margin.top} y2={height - margin.bottom} />
        {marks.series.map((s) => (
          <g key={s.id} data-testid={`latency-series-${s.id}`}>
            <path className="chart__line" d={s.p99Path} stroke={populationColor(s.index)} strokeDasharray="3 3" strokeOpacity={0.7} />
            <path className="chart__line" d={s.p50Path} stroke={populationColor(s.index)} />
          </g>
        ))}
      </svg>
      <ul className="chart__legend">
        {marks.series.map((s) => (
          <li key={s.id}>
            <span className="chart__swatch" style={{ borderColor: populationColor(s.index) }} aria-hidden="true" />
            {users[s.index]?.name ?? s.id}
          </li>
        ))}
      </ul>
    </figure>
  );
});
