import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatCount, panelSize, pointAt } from './axes.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { totalsMarks } from './totalsMarks.ts';

const SIZE = panelSize(170);
const FIELDS = [
  { key: 'conflicts', label: 'concurrent pairs' },
  { key: 'conflictLostWrites', label: 'discarded by LWW' },
  { key: 'conflictsMerged', label: 'pairs merged (CRDT/app)' },
  { key: 'ackedWritesLost', label: 'acked writes lost' },
] as const;
const COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'];
const select = (s: AppState) => ({ history: s.watch.history, durationS: s.scenario.durationS, timeS: s.timeS });

/** Conflicts and lost writes over the run, cumulative. */
export const ConflictsChart = memo(function ConflictsChart() {
  const { history, durationS, timeS } = useThrottledApp(select);
  const marks = totalsMarks(history, FIELDS, durationS, timeS, SIZE);
  return (
    <ChartFrame
      id="conflicts-chart"
      title="Conflicts and lost writes"
      unit="writes, cumulative"
      size={SIZE}
      xTicks={marks.xTicks}
      yTicks={marks.yTicks}
      nowX={marks.nowX}
      legend={marks.series.map((s, i) => ({ key: s.key, label: `${s.label}: ${formatCount(s.last)}`, color: COLORS[i] as string }))}
      summary={marks.series.map((s) => `${s.label}: ${formatCount(s.last)}`).join('; ')}
      empty={history.length === 0 ? 'waiting for the run' : null}
      durationS={durationS}
      valuesAt={(t) => {
        const p = pointAt(history, t);
        return p ? FIELDS.map((f) => `${f.label}: ${formatCount(p.totals[f.key])}`) : [];
      }}
    >
      {marks.series.map((s, i) => (
        <path key={s.key} className="chart__line" d={s.path} stroke={COLORS[i]} data-testid={`total-series-${s.key}`} />
      ))}
    </ChartFrame>
  );
});
