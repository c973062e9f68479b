import { memo, useCallback, useState, type UIEvent } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import type { LatencyPoint } from '../store/runSlice.ts';
import { populationColor } from '../charts/palette.ts';
import { rowWindow } from './readoutWindow.ts';

const select = (s: AppState) => ({ series: s.series, users: s.scenario.users });

/** Height of a row (px, also in styles.css `.readout tbody tr`): the window of rendered rows counts in it. */
const ROW_PX = 25;
/** Up to this many populations every row is in the page; beyond, the table scrolls in a box this many rows high. */
const VISIBLE_ROWS = 12;

/** The last complete simulated second of a population, or undefined before the first. */
function latest(points: readonly LatencyPoint[] | undefined): LatencyPoint | undefined {
  return points?.[points.length - 1];
}

/** Share of the second's finished requests that succeeded. */
const percent = (point: LatencyPoint | undefined): string => {
  const finished = (point?.ok ?? 0) + (point?.failed ?? 0);
  return point && finished > 0 ? `${Math.floor((100 * point.ok) / finished)}` : '-';
};

const ms = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '-' : `${Math.round(value)}`);

interface RowProps {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly servedBy: string;
  readonly readP50: string;
  readonly readP99: string;
  readonly writeP50: string;
  readonly ok: string;
}

/** One population's row: plain strings in, so a row whose figures did not change is not rendered again. */
const ReadoutRow = memo(function ReadoutRow({ id, name, index, servedBy, readP50, readP99, writeP50, ok }: RowProps) {
  return (
    <tr data-testid={`readout-${id}`} aria-rowindex={index + 2}>
      <th scope="row" title={name}>
        <span className="readout__swatch" style={{ background: populationColor(index) }} aria-hidden="true" />
        {name}
      </th>
      <td title={servedBy}>{servedBy}</td>
      <td data-testid={`read-p50-${id}`}>{readP50}</td>
      <td>{readP99}</td>
      <td>{writeP50}</td>
      <td data-testid={`availability-${id}`}>{ok}</td>
    </tr>
  );
});

/**
 * Each population's latency in the last simulated second, and the region serving it. A long list scrolls in its
 * own box and only the rows in view are in the page (readoutWindow), so a snapshot costs a dozen rows.
 */
export const LatencyReadout = memo(function LatencyReadout() {
  // Every snapshot, in a frame of its own (the map and the charts take others).
  const { series, users } = useThrottledApp(select, 0);
  const [scrollTopPx, setScrollTopPx] = useState(0);
  const scrolls = users.length > VISIBLE_ROWS;
  const shown = rowWindow(users.length, scrollTopPx, (scrolls ? VISIBLE_ROWS : users.length) * ROW_PX, ROW_PX);
  // Re-render on scroll only when the window of rows moves, not at every pixel.
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    setScrollTopPx((previous) => (Math.floor(previous / ROW_PX) === Math.floor(top / ROW_PX) ? previous : top));
  }, []);
  const rows = users.slice(shown.first, shown.end).map((user, k) => {
    const i = shown.first + k;
    const point = latest(series[user.id]);
    return (
      <ReadoutRow
        key={user.id}
        id={user.id}
        name={user.name ?? user.id}
        index={i}
        servedBy={point?.servedBy ?? '-'}
        readP50={ms(point?.readP50Ms)}
        readP99={ms(point?.readP99Ms)}
        writeP50={ms(point?.writeP50Ms)}
        ok={percent(point)}
      />
    );
  });
  const table = (
    <table className="readout" aria-rowcount={users.length + 1}>
      <caption>Last simulated second, per population (latency in ms)</caption>
      <colgroup>
        <col className="readout__col-name" />
        <col className="readout__col-region" />
        <col span={4} className="readout__col-number" />
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">Population</th>
          <th scope="col">Served by</th>
          <th scope="col">Read p50</th>
          <th scope="col">Read p99</th>
          <th scope="col">Write p50</th>
          <th scope="col">OK %</th>
        </tr>
      </thead>
      <tbody>
        {shown.beforePx > 0 && (
          <tr className="readout__spacer" aria-hidden="true">
            <td colSpan={6} style={{ height: shown.beforePx }} />
          </tr>
        )}
        {rows}
        {shown.afterPx > 0 && (
          <tr className="readout__spacer" aria-hidden="true">
            <td colSpan={6} style={{ height: shown.afterPx }} />
          </tr>
        )}
      </tbody>
    </table>
  );
  if (!scrolls) return table;
  return (
    // A scrollable region is focusable so the keyboard can scroll it (axe: scrollable-region-focusable).
    <div className="readout__scroll" role="region" aria-label={`Latency of ${users.length} populations`} tabIndex={0} onScroll={onScroll} data-testid="readout-scroll">
      {table}
    </div>
  );
});
