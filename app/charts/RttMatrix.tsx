import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { rttMarks } from './rttMarks.ts';

/**
 * The round trips as a string: it changes only when a region moves, not with every report, so the 600 cells of
 * a 25-region matrix are not drawn again each second.
 */
const select = (s: AppState) => ({
  rtts: s.report ? JSON.stringify(s.report.links.map((l) => [l.from, l.to, l.rttMs])) : null,
  regionIds: s.scenario.regions.map((r) => r.id).join('\n'),
});

/** Round trips between every pair of regions, as a heatmap with the numbers in it. */
export const RttMatrix = memo(function RttMatrix() {
  const { rtts, regionIds } = useThrottledApp(select);
  const ids = regionIds === '' ? [] : regionIds.split('\n');
  const links = rtts === null ? null : (JSON.parse(rtts) as [string, string, number][]).map(([from, to, rttMs]) => ({ from, to, rttMs }));
  const marks = rttMarks(links ?? [], ids);
  const small = ids.length > 8;
  return (
    <figure className="chart" aria-labelledby="rtt-title" data-testid="rtt-matrix">
      <figcaption id="rtt-title" className="chart__title">
        Round trip between regions <span className="chart__unit">(ms, median; row: from, column: to)</span>
      </figcaption>
      {!links ? (
        <p className="panel__empty">Waiting for the engine's first report.</p>
      ) : (
        <svg
          viewBox={`0 0 ${marks.width + 64} ${marks.height + 4}`}
          width={marks.width + 64}
          className="rtt"
          role="img" aria-label={`Round trips between ${ids.length} regions, up to ${Math.round(marks.maxMs)} ms`}>
          {marks.colLabels.map((c) => (
            <text key={c.id} className="chart__tick" transform={`translate(${c.x},60) rotate(-40)`} textAnchor="start">
              {c.id}
            </text>
          ))}
          {marks.rowLabels.map((r) => (
            <text key={r.id} className="chart__tick" x={92} y={r.y} dy="0.32em" textAnchor="end">
              {r.id}
            </text>
          ))}
          {marks.cells.map((c) => (
            <g key={c.key}>
              <rect className="rtt__cell" x={c.x} y={c.y} width={c.size} height={c.size} fillOpacity={c.opacity}>
                <title>{Number.isFinite(c.rttMs) ? `${c.from} -> ${c.to}: ${Math.round(c.rttMs)} ms` : c.from}</title>
              </rect>
              {!small && c.label && (
                <text className={`rtt__label${c.strong ? ' is-strong' : ''}`} x={c.x + c.size / 2} y={c.y + c.size / 2} dy="0.32em" textAnchor="middle">
                  {c.label}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
});
