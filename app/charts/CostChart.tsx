import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatUsd, panelSize, pointAt } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { costMarks, costRates } from './costMarks.ts';

const SIZE = panelSize(150, 56);
const BARS_WIDTH = 170;
const select = (s: AppState) => ({ history: s.watch.history, durationS: s.scenario.durationS, timeS: s.timeS });

/** Cost rate over time and the breakdown of the run's cost so far. */
export const CostChart = memo(function CostChart() {
  const { history, durationS, timeS } = useThrottledApp(select);
  const marks = costMarks(history, durationS, timeS, SIZE, BARS_WIDTH);
  return (
    <div className="cost-chart">
      <ChartFrame
        id="cost-chart"
        title={`Cost ${Number.isFinite(marks.usdPerHour) ? `${formatUsd(marks.usdPerHour)}/h` : ''}`}
        unit="USD per hour of simulated time"
        size={SIZE}
        xTicks={marks.xTicks}
        yTicks={marks.yTicks}
        nowX={marks.nowX}
        legend={[{ key: 'rate', label: 'cost rate', color: 'var(--series-1)' }]}
        summary={`Cost rate ${formatUsd(marks.usdPerHour)} per hour; ${formatUsd(marks.totalUsd)} so far`}
        empty={history.length === 0 ? 'waiting for the run' : null}
        durationS={durationS}
        valuesAt={(t) => {
          const p = pointAt(history, t);
          if (!p) return [];
          const rate = costRates(history)[history.indexOf(p)] ?? Number.NaN;
          return [`${formatUsd(rate)}/h`, `so far ${formatUsd(p.totals.costUsd)}`];
        }}
      >
        <path className="chart__line" d={marks.ratePath} stroke="var(--series-1)" />
      </ChartFrame>
      <table className="cost-chart__bars" aria-label="Cost so far by part" data-testid="cost-breakdown">
        <caption>
          So far: {formatUsd(marks.totalUsd)} <span className="chart__unit">(USD)</span>
        </caption>
        <tbody>
          {marks.bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td className="cost-chart__bar-cell">
                <svg width={BARS_WIDTH} height={10} aria-hidden="true">
                  <rect className="cost-chart__bar" width={Math.max(bar.usd > 0 ? 1 : 0, bar.width)} height={10} />
                </svg>
              </td>
              <td className="cost-chart__usd">{formatUsd(bar.usd)}</td>
              <td className="cost-chart__share">{Math.round(bar.share * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
